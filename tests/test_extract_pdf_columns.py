"""A PDF page set in two or three columns is read column by column, a title across both columns
first, running headers dropped; a line of text split by missing glyphs stays text."""

from __future__ import annotations

from pathlib import Path

import pytest
import typst

from quizgen.extract import read_document
from quizgen.extract.pdftext import _join_lone_rows, _Line

PARAGRAPHS = [
    f"Paragraph {number} begins here. " + " ".join(
        f"The treaty number {number} was signed by envoy {envoy} in {1800 + number * 3 + envoy}."
        for envoy in range(6))
    for number in range(20)
]


def _typst(columns: int) -> bytes:
    source = (f'#set page(paper: "a4", columns: {columns}, header: [Valley News #h(1fr) '
              "page #context counter(page).display()])\n"
              "#set text(size: 10pt)\n#set par(justify: true)\n"
              '#place(top + center, float: true, scope: "parent")'
              "[#text(size: 16pt)[Treaties of the valley]]\n"
              + "\n\n".join(PARAGRAPHS) + "\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    return pdf


@pytest.mark.parametrize("columns", [1, 2, 3])
def test_paragraphs_come_back_in_reading_order(columns: int, tmp_path: Path) -> None:
    path = tmp_path / "valley.pdf"
    path.write_bytes(_typst(columns))
    paragraphs = [part.strip() for part in read_document(path).text.split("\n\n")]
    assert paragraphs == ["Treaties of the valley", *PARAGRAPHS]


def _line(top: float, cells: list[str]) -> _Line:
    return _Line(0, top, top - 8, 30, 260, [], cells)


def test_a_lone_row_in_running_text_is_text_again() -> None:
    lines = [_line(340, ["By Wikipedia contributors"]),
             _line(330, ["The Treaty of Nanjing (Chinese: ", ", Nánjīng Tiáoyuē) is"]),
             _line(320, ["the agreement which marked the end of the war."])]
    _join_lone_rows(lines)
    assert lines[1].cells == ["The Treaty of Nanjing (Chinese: , Nánjīng Tiáoyuē) is"]


def test_rows_of_a_table_stay_cells() -> None:
    lines = [_line(340, ["Signed", "7 June 1494"]), _line(330, ["Location", "Tordesillas"]),
             _line(320, ["The treaty divided the world."])]
    _join_lone_rows(lines)
    assert [len(line.cells) for line in lines] == [2, 2, 1]
    lone = [_line(340, ["Intro text."]), _line(330, ["Deaths | in 2014.", "11,310"]),
            _line(320, ["More text."])]
    _join_lone_rows(lone)
    assert len(lone[1].cells) == 2  # a first cell ending a sentence: a real row, kept


def test_a_byline_set_tight_above_the_first_paragraph_is_a_block_of_its_own(
        tmp_path: Path) -> None:
    """Set with no space between them, the byline used to run into paragraph 1, and its date
    became a fact of the article."""
    source = ("#set page(paper: \"a5\")\n#set par(justify: true, spacing: 0.65em)\n"
              "#text(size: 16pt)[Treaties of the valley]\n\n"
              "By Jane Reporter, 2021-02-01\n\n" + PARAGRAPHS[1] + "\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "valley.pdf"
    path.write_bytes(pdf)
    paragraphs = [part.strip() for part in read_document(path).text.split("\n\n")]
    assert paragraphs == ["Treaties of the valley", "By Jane Reporter, 2021-02-01", PARAGRAPHS[1]]


def test_a_paragraph_that_begins_with_by_stays_whole(tmp_path: Path) -> None:
    opening = "By the spring of 1812 the valley had signed " + PARAGRAPHS[2]
    source = ("#set page(paper: \"a5\")\n#set par(justify: true, spacing: 0.65em)\n"
              "#text(size: 16pt)[Treaties of the valley]\n#v(12pt)\n" + opening + "\n")
    pdf = typst.compile(source.encode(), format="pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "valley.pdf"
    path.write_bytes(pdf)
    paragraphs = [part.strip() for part in read_document(path).text.split("\n\n")]
    assert paragraphs == ["Treaties of the valley", opening]
