"""`quizgen grade` from the command line: the CSV, the summary, warnings and bad input."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from quizgen.cli import app

from .grade_synthetic import make_exam, random_answers, render_page, write_exam, write_image


def _run(*arguments: str) -> Result:
    """In the test's own folder (see _in_tmp), as a user types it."""
    return CliRunner().invoke(app, ["grade", *arguments])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _pile(folder: Path) -> list[str]:
    exam = make_exam(copies=2)
    write_exam(exam, folder / "quiz.exam.json")
    rng = random.Random(2)
    names = []
    for copy in exam["copies"]:
        answers = random_answers(copy, rng)
        for number in copy["pages"]:
            name = f"page-{number}.png"
            write_image(render_page(exam, number, 150, answers, rng), folder / name)
            names.append(name)
    return names


def test_grade_writes_the_csv_and_says_what_it_did(tmp_path: Path) -> None:
    names = _pile(tmp_path)
    stray = make_exam(copies=1, exam_id="other-exam")
    write_image(render_page(stray, 1, 150), tmp_path / "stray.png")
    result = _run(*names, "stray.png", "--exam", "quiz.exam.json", "-o", "grades.csv",
                  "--annotate", "marked")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("grades.csv: 2 copies, 2 scanned, 0 flagged; 3 pages read\n"
                             "marked: 2 annotated copies\n")
    assert result.stderr == ("grade: warning: stray.png: a page of another exam (other-exam), "
                             "not synthetic-1\n")
    with (tmp_path / "grades.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["copy", "student", "version", "score", "max_score", "flags"]
    assert [row[0] for row in rows[1:]] == ["1", "2"]
    assert sorted(path.name for path in (tmp_path / "marked").iterdir()) == [
        "copy-001-s01.pdf", "copy-002-s02.pdf"]


def test_bad_scan_or_exam_file_exits_1_naming_it_and_writes_nothing(tmp_path: Path) -> None:
    names = _pile(tmp_path)
    (tmp_path / "notes.png").write_text("just text")
    result = _run(*names, "notes.png", "--exam", "quiz.exam.json", "-o", "grades.csv")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "grade: notes.png: not a PDF, PNG, JPEG or TIFF file\n"
    (tmp_path / "wrong.json").write_text('{"format": "something else"}')
    result = _run(*names, "--exam", "wrong.json")
    assert result.exit_code == 1
    assert result.stderr.startswith("grade: wrong.json: format: expected 'quizgen-exam/1'")
    result = _run("missing.pdf", "--exam", "quiz.exam.json")
    assert (result.exit_code, result.stderr) == (
        1, "grade: missing.pdf: cannot read: No such file or directory\n")
    assert not (tmp_path / "grades.csv").exists()


def test_output_onto_an_input_is_refused(tmp_path: Path) -> None:
    names = _pile(tmp_path)
    before = (tmp_path / names[0]).read_bytes()
    result = _run(*names, "--exam", "quiz.exam.json", "-o", names[0])
    assert result.exit_code == 1
    assert "would overwrite an input file" in result.stderr
    assert (tmp_path / names[0]).read_bytes() == before


def test_grade_needs_scans_and_the_exam(tmp_path: Path) -> None:
    assert _run("--exam", "quiz.exam.json").exit_code == 2
    assert _run("scan.pdf").exit_code == 2
