"""The printed quiz as a teacher reads it: black photocopy-safe ink, long questions,
long choice lists. Read back from the PDF's own drawing operators and text."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from quizgen.errors import InputError
from quizgen.loading import LoadedDeck, load_decks
from quizgen.printing import PrintOptions, print_quiz, render
from quizgen.printing.sheet import exam_path

from .test_print import ALL_TYPES, flat, pages, tiny_png

COLOUR_OPERATORS = {b"sc", b"SC", b"scn", b"SCN", b"g", b"G", b"rg", b"RG", b"k", b"K"}


@pytest.fixture
def all_types(write_deck: Callable[..., Path], tmp_path: Path) -> list[LoadedDeck]:
    (tmp_path / "map.png").write_bytes(tiny_png())
    return load_decks([write_deck(ALL_TYPES)])


def drawing(pdf: bytes) -> tuple[set[tuple[float, ...]], list[float], list[float]]:
    """Every colour set, every line width and every font size on every page."""
    reader = PdfReader(io.BytesIO(pdf))
    colours: set[tuple[float, ...]] = set()
    widths: list[float] = []
    sizes: list[float] = []
    for page in reader.pages:
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in COLOUR_OPERATORS:
                colours.add(tuple(float(v) for v in operands if not str(v).startswith("/")))
            elif operator == b"w":
                widths.append(float(operands[0]))
            elif operator == b"Tf":
                sizes.append(float(operands[1]))
    return colours, widths, sizes


@pytest.mark.parametrize("sheet", [False, True])
def test_quiz_prints_in_black_with_photocopy_safe_lines_and_labels(
    all_types: list[LoadedDeck], tmp_path: Path, sheet: bool
) -> None:
    output = tmp_path / "quiz.pdf"
    print_quiz(all_types, output, PrintOptions(versions=3, sheet=sheet))
    colours, widths, sizes = drawing(output.read_bytes())
    assert colours and colours <= {(0.0,), (0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0)}, colours
    assert widths and min(widths) >= 0.8
    assert sizes and min(sizes) >= 9


def test_a_blank_back_page_says_so(write_deck: Callable[..., Path]) -> None:
    deck = write_deck("id: one\ntitle: One\nquestions:\n  - id: a\n    type: truefalse\n"
                      "    prompt: One statement.\n    answer: false\n")
    quiz = pages(render(load_decks([deck]), PrintOptions(versions=2)).quiz)
    assert [flat(text) for text in quiz][1] == "This page is intentionally blank."
    assert len(quiz) == 3


def test_more_than_26_choices_are_lettered_aa_ab(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    choices = ", ".join(f"Harbour {n}" for n in range(30))
    deck = write_deck(f"id: many\ntitle: Many\nquestions:\n  - id: pick\n    type: choice\n"
                      f"    prompt: Which harbour?\n    choices: [{choices}]\n"
                      f"    answer: Harbour 28\n    shuffle: false\n")
    output = tmp_path / "quiz.pdf"
    print_quiz(load_decks([deck]), output, PrintOptions(sheet=True, key=True))
    text = flat(" ".join(pages(output.read_bytes())))
    for letter, number in (("Z", 25), ("AA", 26), ("AB", 27), ("AD", 29)):
        assert f"{letter} Harbour {number}" in text
    assert not re.search(r"[\[\\\]^]", text)
    exam = json.loads(exam_path(output).read_text(encoding="utf-8"))
    question = exam["copies"][0]["questions"][0]
    assert question["choices"][24:] == ["Y", "Z", "AA", "AB", "AC", "AD"]
    assert question["correct"] == ["AC"]
    assert "AC" in flat(pages((tmp_path / "quiz-key.pdf").read_bytes())[-1])


def test_a_question_taller_than_a_page_breaks_instead_of_running_off(
    write_deck: Callable[..., Path],
) -> None:
    words = " ".join(f"w{n}" for n in range(1500))
    deck = write_deck(f"id: tall\ntitle: Tall\nquestions:\n  - id: essay\n    type: short\n"
                      f"    prompt: {words} finis\n    answer: Whatever\n"
                      f"  - id: after\n    type: truefalse\n    prompt: Short one.\n"
                      f"    answer: true\n")
    pdf = render(load_decks([deck]), PrintOptions(shuffle=False)).quiz
    reader = PdfReader(io.BytesIO(pdf))
    height = float(reader.pages[0].mediabox.height)
    placed: list[tuple[int, float, str]] = []
    for number, page in enumerate(reader.pages):
        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  number: int = number) -> None:
            if text.strip():  # Typst moves text with the matrix, not the text matrix
                placed.append((number, cm[5] + tm[5], text))
        page.extract_text(visitor_text=visit)
    assert all(20 <= y <= height - 20 for _, y, _ in placed), "text off the paper"
    text = flat(" ".join(page.extract_text() for page in reader.pages))
    found = re.findall(r"\bw(\d+)\b", text)
    assert [int(n) for n in found] == list(range(1500)), "every word, in order"
    assert "finis" in text and "Short one." in text
    on_pages = {number for number, _, text in placed if re.search(r"\bw\d+\b", text)}
    assert len(on_pages) >= 3


def test_a_sample_never_pairs_a_question_with_one_that_gives_its_answer_away(
    write_deck: Callable[..., Path],
) -> None:
    lines = ["id: pairs", "title: Pairs", "questions:"]
    for n in range(6):
        lines += [f"  - id: capital-{n}", "    type: short",
                  f"    prompt: Which city is the capital of island {n}?",
                  f"    answer: Portcity{n}",
                  f"  - id: ferry-{n}", "    type: truefalse",
                  f"    prompt: The ferry to island {n} leaves from Portcity{n}.",
                  "    answer: true"]
    decks = load_decks([write_deck("\n".join(lines) + "\n")])
    for seed in map(str, range(12)):
        rendered = render(decks, PrintOptions(count=6, seed=seed))
        ids = [item.question.id for item in rendered.versions[0].items]
        assert len(ids) == 6
        for n in range(6):
            assert not {f"capital-{n}", f"ferry-{n}"} <= set(ids), (seed, ids)
    with pytest.raises(InputError, match="only 6 of the 12 matching questions"):
        render(decks, PrintOptions(count=7))
