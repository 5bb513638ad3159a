"""`quizgen print` through the real CLI: exact messages, files written, options on the paper."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.registry import DEFAULT_SEED

from .conftest import REPO
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


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def pages_of(path: Path) -> int:
    return len(PdfReader(path).pages)


def test_printing_guide_example_is_what_the_command_prints(tmp_path: Path) -> None:
    guide = (REPO / "docs" / "guides" / "printing.md").read_text(encoding="utf-8")
    example = re.search(r"<!-- print-example -->\n```text\n\$ (quizgen [^\n]*)\n(.*?)```", guide,
                        flags=re.S)
    assert example, "the printing guide must show an example run"
    (tmp_path / "decks").mkdir()
    shutil.copy(REPO / "decks" / "putin-kim-2024.yaml", tmp_path / "decks")
    result = runner.invoke(app, shlex.split(example[1])[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout == example[2]
    assert pages_of(tmp_path / "quiz.pdf") > 0 and pages_of(tmp_path / "quiz-key.pdf") > 0


def test_prints_one_line_per_file(guide: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["print", "decks", "-o", "out/week.pdf", "--key"])
    assert result.exit_code == 0, result.output
    quiz, key = tmp_path / "out" / "week.pdf", tmp_path / "out" / "week-key.pdf"
    assert result.stdout == (
        f"out/week.pdf: 1 version, 11 questions, 12 points, {pages_of(quiz)} pages\n"
        f"out/week-key.pdf: answer key, {pages_of(key)} pages\n"
    )
    assert result.stderr == ""


def test_default_output_and_no_key(guide: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["print", "--type", "truefalse"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "quiz.pdf: 1 version, 1 question, 1 point, 1 page\n"
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["quiz.pdf"]


def test_options_reach_the_paper(guide: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, [
        "print", "decks", "--title", "Week 3 check", "--instructions", "", "--paper",
        "us-letter", "--word-bank", "--explanations", "--key", "--versions", "2",
        "--no-shuffle", "--exclude-tag", "nothing", "--type", "cloze", "--type", "short",
    ])
    assert result.exit_code == 0, result.output
    quiz = text_of(tmp_path / "quiz.pdf")
    assert "Week 3 check" in quiz and "Rivers, bridges" not in quiz
    assert "Answer every question" not in quiz
    bank = re.search(r"Word bank \(for the gap-fill questions\): (.*?) 1\. ", quiz)
    assert bank and {"Caspian Sea", "Tver", "Volga"} < set(bank[1].split(" · "))
    assert "version B" in quiz
    assert "Ostrov bridge" not in quiz
    page = PdfReader(tmp_path / "quiz.pdf").pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)
    assert "Both cities sit on its banks, the guide says." in text_of(tmp_path / "quiz-key.pdf")


def test_seed_changes_the_order_and_defaults_to_the_library_seed(guide: Path,
                                                                 tmp_path: Path) -> None:
    runner.invoke(app, ["print", "decks", "-o", "plain.pdf"])
    runner.invoke(app, ["print", "decks", "-o", "seeded.pdf", "--seed", DEFAULT_SEED])
    runner.invoke(app, ["print", "decks", "-o", "other.pdf", "--seed", "other"])
    plain = (tmp_path / "plain.pdf").read_bytes()
    assert plain == (tmp_path / "seeded.pdf").read_bytes()
    assert plain != (tmp_path / "other.pdf").read_bytes()


def test_missing_glyphs_warn_on_stderr(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    write_deck("""\
        id: korean
        title: Korean words
        questions:
          - {id: peace, type: short, prompt: 'How is "peace" written? 평화', answer: 평화}
        """, "decks/korean.yaml")
    result = runner.invoke(app, ["print"])
    assert result.exit_code == 0
    assert result.stderr == (
        "print: warning: no available font has 평 (U+D3C9), 화 (U+D654): they print as empty "
        "boxes. Add a font that has them with --font-path FILE_OR_FOLDER (for Korean, Chinese "
        "or Japanese, e.g. Noto Sans CJK)\n"
    )
    pages = pages_of(tmp_path / "quiz.pdf")
    assert result.stdout == f"quiz.pdf: 1 version, 1 question, 1 point, {pages} page\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--type", "essay"], "print: unknown question type 'essay' (one of: short, numeric, "
                              "date, choice, truefalse, cloze, order, match)\n"),
        (["--count", "50"], "print: asked for 50 questions but only 11 match "
                            "(lower --count or loosen the filters)\n"),
        (["--tag", "absent"], "print: no question matches the given --tag, --exclude-tag and "
                              "--type filters\n"),
        (["-o", "quiz.txt"], "print: quiz.txt: the output must be a .pdf file\n"),
        (["--font-path", "no-fonts"], "print: no-fonts: no such font file or folder\n"),
        (["--template", "none.typ"], "print: none.typ: cannot read: No such file or directory\n"),
    ],
)
def test_user_errors_exit_1_with_one_line_and_write_nothing(
    guide: Path, tmp_path: Path, arguments: list[str], message: str
) -> None:
    result = runner.invoke(app, ["print", "decks", "--key", *arguments])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.txt")) == []


def test_invalid_deck_writes_nothing(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    write_deck("id: bad\ntitle: Bad\nquestions:\n  - {id: a, type: short, prompt: p}\n",
               "decks/bad.yaml")
    result = runner.invoke(app, ["print"])
    assert result.exit_code == 1
    assert result.stderr.endswith("print: 1 problem found\n")
    assert "decks/bad.yaml:4:5" in result.stderr
    assert not (tmp_path / "quiz.pdf").exists()


def test_versions_out_of_range_is_a_usage_error(guide: Path) -> None:
    result = runner.invoke(app, ["print", "--versions", "27"])
    assert result.exit_code == 2
    assert "Invalid value for '--versions'" in result.stderr
