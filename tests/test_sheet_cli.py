"""`quizgen print --sheet` through the real CLI: the lines printed, exit codes, files left."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

from .test_print import ALL_TYPES, tiny_png

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture
def guide(write_deck: Callable[..., Path], tmp_path: Path) -> Path:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "map.png").write_bytes(tiny_png())
    return write_deck(ALL_TYPES, "decks/guide.yaml")


def test_sheet_writes_the_exam_beside_the_quiz(guide: Path) -> None:
    result = runner.invoke(app, ["print", "decks", "-o", "out/week.pdf", "--sheet", "--copies",
                                 "3", "--versions", "2"])
    assert result.exit_code == 0, result.output
    exam = json.loads(Path("out/week.exam.json").read_text(encoding="utf-8"))
    pages = len(exam["pages"])
    assert result.stdout.splitlines() == [
        f"out/week.pdf: 2 versions (A, B), 11 questions, 12 points, {pages} pages",
        f"out/week.exam.json: answer sheets, 3 copies, exam id {exam['exam_id']}",
    ]


def test_class_list_from_the_command_line(guide: Path) -> None:
    Path("class.csv").write_text("id,name\n7,Ada\n8,Bo\n", encoding="utf-8")
    result = runner.invoke(app, ["print", "decks", "--sheet", "--class-list", "class.csv"])
    assert result.exit_code == 0, result.output
    exam = json.loads(Path("quiz.exam.json").read_text(encoding="utf-8"))
    assert [c["student"]["name"] for c in exam["copies"]] == ["Ada", "Bo"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--class-list", "missing.csv"],
         "print: missing.csv: cannot read: No such file or directory\n"),
        (["--class-list", "decks"], "print: decks: class list is not a regular file (a folder)\n"),
        (["--copies", "2", "--class-list", "decks/guide.yaml"],
         "print: choose either --copies or --class-list, not both\n"),
    ],
)
def test_bad_sheet_input_exits_1_and_writes_nothing(
    guide: Path, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["print", "decks", "--sheet", *arguments])
    assert result.exit_code == 1
    assert result.stderr == message
    assert not Path("quiz.pdf").exists() and not Path("quiz.exam.json").exists()


@pytest.mark.parametrize("copies", ["0", "1001", "two"])
def test_copies_out_of_range_is_a_usage_error(guide: Path, copies: str) -> None:
    result = runner.invoke(app, ["print", "decks", "--sheet", "--copies", copies])
    assert result.exit_code == 2
    assert "--copies" in result.stderr
    assert not Path("quiz.pdf").exists()
