"""`quizgen export` as a command: every format deterministic and atomic, warnings on stderr,
and shell completion (Typer's) offering the format names."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.formats import FORMATS

runner = CliRunner()

DECK = """\
id: planets
title: Planets
questions:
  - id: largest
    type: short
    prompt: Largest planet?
    answer: Jupiter
  - id: order
    type: order
    prompt: Nearest the Sun first
    items: [Mercury, Venus, Earth, Mars]
  - id: pick
    type: choice
    prompt: Which are rocky?
    choices: [Mercury, Jupiter, Mars, Saturn]
    answer: [Mercury, Mars]
  - id: gaps
    type: cloze
    text: '{{c1::Io}} and {{c1::Europa}} orbit Jupiter.'
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def decks(write_deck: Callable[..., Path]) -> Path:
    return write_deck(DECK, "decks/planets.yaml")


def test_export_help_names_every_format() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert f"One of: {', '.join(FORMATS)}." in " ".join(result.stdout.split())


@pytest.mark.parametrize("name", list(FORMATS))
def test_export_writes_the_file_and_reports(decks: Path, tmp_path: Path, name: str) -> None:
    result = runner.invoke(app, ["export", "--format", name, "-o", f"out/planets.{name}"])
    assert result.exit_code == 0, result.output
    questions = 3 if name == "gift" else 4
    assert result.stdout == f"out/planets.{name}: {questions} questions, {name}\n"
    assert (tmp_path / "out" / f"planets.{name}").stat().st_size > 0


def test_warnings_go_to_stderr(decks: Path) -> None:
    result = runner.invoke(app, ["export", "decks", "-f", "gift", "-o", "planets.gift"])
    assert result.exit_code == 0
    assert result.stderr == (
        "export: warning: decks/planets.yaml: questions[3] (gaps): gap c1 appears more than "
        "once and GIFT allows one blank per question; skipped in GIFT\n"
    )


def test_dash_prints_to_stdout(decks: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "quizlet", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Largest planet?\tJupiter"
    assert len(result.stdout.splitlines()) == 4


def test_quiet_keeps_warnings_drops_the_summary(decks: Path) -> None:
    result = runner.invoke(app, ["export", "-q", "-f", "gift", "-o", "planets.gift"])
    assert result.stdout == ""
    assert result.stderr.startswith("export: warning:")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["-o", "x.txt"],
         "export: choose --format: anki-csv, quizlet, gift, markdown, moodle-xml, html\n"),
        (["-f", "gift"], "export: choose the file to write with -o FILE (or -o - to print it)\n"),
        (["-f", "pdf", "-o", "x.pdf"],
         "export: unknown format 'pdf' "
         "(use one of: anki-csv, quizlet, gift, markdown, moodle-xml, html)\n"),
    ],
)
def test_usage_errors(decks: Path, options: list[str], message: str) -> None:
    result = runner.invoke(app, ["export", *options])
    assert result.exit_code == 1
    assert result.stderr == message


def test_an_invalid_deck_leaves_the_old_export_in_place(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    write_deck("id: bad\ntitle: Bad\nquestions: []\n", "decks/bad.yaml")
    (tmp_path / "old.md").write_text("previous export\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "markdown", "-o", "old.md"])
    assert result.exit_code == 1
    assert (tmp_path / "old.md").read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decks", "old.md"]


def test_same_decks_same_bytes_whatever_the_hash_seed(decks: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from quizgen.loading import load_decks; "
        "from quizgen.formats import FORMATS, export_decks\n"
        "decks = load_decks([Path('decks')])\n"
        "for name in FORMATS: export_decks(decks, name, Path(sys.argv[1]) / name)\n"
    )
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / f"seed{seed}"
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(folder)], check=True, env=env,
                       cwd=tmp_path)
        outputs.append({name: (folder / name).read_bytes() for name in FORMATS})
    assert outputs[0] == outputs[1]


def test_shell_completion_is_installable_and_completes_formats() -> None:
    shown = runner.invoke(app, ["--show-completion", "bash"], prog_name="quizgen")
    assert shown.exit_code == 0
    assert "_QUIZGEN_COMPLETE=complete_bash" in shown.stdout
    env = {"_QUIZGEN_COMPLETE": "complete_bash", "COMP_WORDS": "quizgen export --format g",
           "COMP_CWORD": "3"}
    completed = runner.invoke(app, [], env=env, prog_name="quizgen")
    assert completed.stdout == "gift\n"
    env = {**env, "COMP_WORDS": "quizgen add deck.yaml --type c", "COMP_CWORD": "4"}
    assert runner.invoke(app, [], env=env, prog_name="quizgen").stdout == "choice\ncloze\n"
