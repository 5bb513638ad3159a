"""`quizgen export` as a command: every format deterministic and atomic, warnings on stderr,
and shell completion (Typer's) offering the format names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.formats import FORMATS
from quizgen.registry import EXPORT_FORMATS, ExportFormat

from .test_safety_files import tiny_png

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


@pytest.fixture
def second_deck(write_deck: Callable[..., Path]) -> Path:
    return write_deck("id: moons\ntitle: Moons\nquestions:\n  - {id: io, type: short, "
                      "prompt: Closest big moon of Jupiter?, answer: Io}\n", "more/moons.yaml")


def test_export_help_names_every_format() -> None:
    result = runner.invoke(app, ["export", "--help"])
    flat = re.sub(r"-\s+", "-", " ".join(result.stdout.split()))  # undo the help's wrapping
    assert f"One of: {', '.join(FORMATS)}." in flat


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
        (["-f", "gift", "--merge", "decks", "more"],
         "export: --merge writes every deck into one file: name it with -o FILE\n"),
        (["-f", "gift", "-o", "x.gift", "decks", "more"],
         "export: 2 decks make 2 files: give -o a folder, or add --merge to write them "
         "into one file\n"),
        (["-f", "pdf", "-o", "x.pdf"],
         "export: unknown format 'pdf' "
         "(use one of: anki-csv, quizlet, gift, markdown, moodle-xml, html)\n"),
    ],
)
def test_usage_errors(decks: Path, second_deck: Path, tmp_path: Path, options: list[str],
                     message: str) -> None:
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = runner.invoke(app, ["export", *options])
    assert result.exit_code == 1
    assert result.stderr == message
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


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


def test_shell_completion_is_installable_and_completes_formats(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Without this, Typer ignores the shell named here and guesses one from the process tree,
    # which fails under a test runner whose parents are not shells.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    shown = runner.invoke(app, ["--show-completion", "bash"], prog_name="quizgen")
    assert shown.exit_code == 0, (shown.output, shown.exception)
    assert "_QUIZGEN_COMPLETE=complete_bash" in shown.stdout
    env = {"_QUIZGEN_COMPLETE": "complete_bash", "COMP_WORDS": "quizgen export --format g",
           "COMP_CWORD": "3"}
    completed = runner.invoke(app, [], env=env, prog_name="quizgen")
    assert completed.stdout == "gift\n"
    env = {**env, "COMP_WORDS": "quizgen add deck.yaml --type c", "COMP_CWORD": "4"}
    assert runner.invoke(app, [], env=env, prog_name="quizgen").stdout == "choice\ncloze\n"


# ------------------------------------------------------------ where export writes


@pytest.mark.parametrize("entry", EXPORT_FORMATS, ids=lambda entry: entry.name)
def test_without_o_the_file_goes_beside_the_deck(decks: Path, tmp_path: Path,
                                                 entry: ExportFormat) -> None:
    result = runner.invoke(app, ["export", "-f", entry.name])
    assert result.exit_code == 0, result.output
    written = f"decks/planets{entry.suffix}"
    assert result.stdout.startswith(f"{written}: ")
    assert (tmp_path / written).stat().st_size > 0
    assert len({e.suffix for e in EXPORT_FORMATS}) == len(EXPORT_FORMATS)  # never one name twice


def test_several_decks_one_file_each_and_merge_into_one(decks: Path, second_deck: Path,
                                                       tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "quizlet", "decks", "more"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("decks/planets.quizlet.txt: 4 questions, quizlet\n"
                             "more/moons.quizlet.txt: 1 question, quizlet\n")
    moons = (tmp_path / "more" / "moons.quizlet.txt").read_text(encoding="utf-8")
    assert moons == "Closest big moon of Jupiter?\tIo\n"

    result = runner.invoke(app, ["export", "-f", "quizlet", "decks", "more", "--merge",
                                 "-o", "all.txt"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "all.txt: 5 questions, quizlet\n"
    merged = (tmp_path / "all.txt").read_text(encoding="utf-8")
    assert merged.endswith(moons) and merged.startswith("Largest planet?\tJupiter\n")


def test_o_folder_takes_one_file_per_deck(decks: Path, second_deck: Path,
                                          tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    result = runner.invoke(app, ["export", "-f", "moodle-xml", "decks", "more", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "moons.moodle.xml", "planets.moodle.xml"]


def test_two_decks_with_one_name_are_not_written_over_each_other(
    decks: Path, write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    write_deck("id: other\ntitle: Other\nquestions:\n"
               "  - {id: q, type: short, prompt: Q?, answer: A}\n", "decks/planets.yml")
    result = runner.invoke(app, ["export", "-f", "gift"])
    assert result.exit_code == 1
    assert result.stderr == ("export: decks/planets.yaml and decks/planets.yml would both be "
                             "exported to decks/planets.gift.txt: export them one at a time "
                             "with -o\n")
    assert not (tmp_path / "decks" / "planets.gift.txt").exists()


def _deck_bytes(tmp_path: Path) -> bytes:
    return (tmp_path / "decks" / "planets.yaml").read_bytes()


@pytest.mark.parametrize("how", ["same path", "other spelling", "symlink", "hard link"])
def test_an_output_that_is_an_input_is_refused(decks: Path, tmp_path: Path, how: str) -> None:
    before = _deck_bytes(tmp_path)
    target = {"same path": "decks/planets.yaml", "other spelling": "decks/../decks/planets.yaml",
              "symlink": "link.txt", "hard link": "hard.txt"}[how]
    if how == "symlink":
        (tmp_path / "link.txt").symlink_to(tmp_path / "decks" / "planets.yaml")
    if how == "hard link":
        os.link(tmp_path / "decks" / "planets.yaml", tmp_path / "hard.txt")
    result = runner.invoke(app, ["export", "-f", "markdown", "-o", target])
    assert result.exit_code == 1
    shown = target if how in ("symlink", "hard link") else "decks/planets.yaml"
    assert result.stderr == (f"export: {shown}: is the input decks/planets.yaml; refusing to "
                             "overwrite it (choose another -o)\n")
    assert _deck_bytes(tmp_path) == before


def test_a_picture_is_an_input_too(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "decks").mkdir()
    picture = tiny_png()  # a real picture: validate judges pictures by their bytes
    (tmp_path / "decks" / "map.png").write_bytes(picture)
    write_deck("id: pic\ntitle: Pic\nquestions:\n"
               "  - {id: q, type: truefalse, prompt: P?, answer: true, image: map.png}\n",
               "decks/pic.yaml")
    result = runner.invoke(app, ["export", "-f", "html", "-o", "decks/map.png"])
    assert result.exit_code == 1
    assert "is the input decks/map.png" in result.stderr
    assert (tmp_path / "decks" / "map.png").read_bytes() == picture


def test_a_fifo_as_output_is_refused_without_hanging(decks: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    result = runner.invoke(app, ["export", "-f", "gift", "-o", "pipe"])
    assert result.exit_code == 1
    assert result.stderr == "export: pipe: not a regular file; refusing to replace it\n"


def test_re_export_gives_the_same_bytes_and_reads_no_output_as_a_deck(
    decks: Path, tmp_path: Path
) -> None:
    for entry in EXPORT_FORMATS:
        assert runner.invoke(app, ["export", "-f", entry.name, "-q"]).exit_code == 0
    first = {p.name: p.read_bytes() for p in (tmp_path / "decks").iterdir()}
    for entry in EXPORT_FORMATS:
        result = runner.invoke(app, ["export", "-f", entry.name])
        assert result.exit_code == 0
        assert result.stdout.startswith("decks/planets")  # still one deck found, not seven
    assert {p.name: p.read_bytes() for p in (tmp_path / "decks").iterdir()} == first
