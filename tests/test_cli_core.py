"""The CLI's exact output for validate, build and --version (sqlite-utils style)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen import __version__
from quizgen.cli import app

from .conftest import MINIMAL_DECK

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"quizgen {__version__}\n"


def test_validate_ok(write_deck: Callable[..., Path]) -> None:
    write_deck(MINIMAL_DECK, "decks/mini.yaml")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == "decks/mini.yaml: ok, 1 question\n"


def test_validate_reports_every_problem_without_traceback(write_deck: Callable[..., Path]) -> None:
    write_deck(
        "id: x\ntitle: T\nquestions:\n  - {id: a, type: shrot, prompt: p}\n"
        "  - {id: b, type: truefalse, prompt: p, answer: maybe}\n",
        "decks/x.yaml",
    )
    result = runner.invoke(app, ["validate", "decks"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "decks/x.yaml:4:19: questions[0].type: unknown question type 'shrot' "
        "(use one of: short, numeric, date, choice, truefalse, cloze, order, match)\n"
        "decks/x.yaml:5:49: questions[1].answer: expected true or false, found text ('maybe')\n"
        "validate: 2 problems found\n"
    )


def test_validate_missing_path() -> None:
    result = runner.invoke(app, ["validate", "nowhere.yaml"])
    assert result.exit_code == 1
    assert result.stderr == "validate: nowhere.yaml: no such file or folder\n"


def test_build_writes_one_package_per_deck(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    write_deck(MINIMAL_DECK, "decks/mini.yaml")
    write_deck(MINIMAL_DECK.replace("id: mini", "id: other"), "decks/other.yaml")
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0
    assert result.stdout == (
        "build/mini.apkg: 1 notes, 1 cards\nbuild/other.apkg: 1 notes, 1 cards\n"
    )
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["mini.apkg", "other.apkg"]


def test_build_writes_nothing_when_any_deck_is_invalid(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    write_deck(MINIMAL_DECK, "decks/good.yaml")
    write_deck("id: bad\ntitle: Bad\nquestions: []\n", "decks/bad.yaml")
    result = runner.invoke(app, ["build", "-o", "out"])
    assert result.exit_code == 1
    assert result.stderr == (
        "decks/bad.yaml:3:12: questions: needs at least 1 entry, found 0\n"
        "build: 1 problem found\n"
    )
    assert not (tmp_path / "out").exists()


def test_build_into_unwritable_place(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    write_deck(MINIMAL_DECK, "decks/mini.yaml")
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = runner.invoke(app, ["build", "-o", "blocker/sub"])
    assert result.exit_code == 1
    assert result.stderr.startswith("build: blocker/sub/mini.apkg: cannot write: ")
    assert "Traceback" not in result.output


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "build"):
        assert f" {command} " in result.stdout


def test_console_script_starts_without_loading_the_library(tmp_path: Path) -> None:
    """--version must not import pydantic, genanki or anki: it has to start fast."""
    code = (
        "import sys; from quizgen.cli import main; sys.argv=['quizgen','--version'];\n"
        "try:\n main()\nexcept SystemExit: pass\n"
        "print(sorted(m for m in ('pydantic','genanki','yaml','typst') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert out.splitlines() == [f"quizgen {__version__}", "[]"]
