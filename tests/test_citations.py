"""The deck's source is cited the same way on cards, printed quizzes, Markdown and the HTML page.

Each output is read back through its consumer: the card in the real Anki engine, the PDF with
pypdf, Markdown through a CommonMark renderer, the page's data through its JSON.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.formats import render_decks
from quizgen.loading import load_deck

from .conftest import import_package

DECK = """\
id: tides
title: Tides
source:
  title: "Tides <b>and</b> *moons*"
  author: A. Writer
  publication: The Almanac
  date: 2001-02
  url: https://example.org/tides
questions:
  - id: cause
    type: short
    prompt: What mostly raises the tides?
    answer: The Moon
    source: {paragraph: 2}
"""
PARTS = ["A. Writer", "“Tides <b>and</b> *moons*”", "The Almanac"]
CITATION = ", ".join([*PARTS, "February 2001"])


def _plain(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture
def deck(write_deck: Any) -> Path:
    path: Path = write_deck(DECK)
    return path


def test_markdown_cites_the_source_in_the_one_order(deck: Path) -> None:
    text = render_decks([load_deck(deck)], "markdown").text
    line = next(line for line in text.splitlines() if line.startswith("Source: "))
    rendered = _plain(MarkdownIt("commonmark").render(line))
    assert rendered == f"Source: {CITATION} https://example.org/tides"  # the URL is a link


def test_the_html_page_cites_the_source_in_the_one_order(deck: Path) -> None:
    page = render_decks([load_deck(deck)], "html").text
    found = re.search(r'"source":("(?:[^"\\]|\\.)*")', page)
    assert found is not None
    assert json.loads(found.group(1)) == CITATION


def test_the_printed_quiz_cites_the_source_in_the_one_order(
        deck: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["print", str(deck), "-o", str(tmp_path / "quiz.pdf")])
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "quiz.pdf")
                             .pages).split())
    assert CITATION in text


def test_cards_cite_the_source_in_the_one_order_with_the_iso_date(
        deck: Path, tmp_path: Path, collection: Any) -> None:
    result = CliRunner().invoke(app, ["build", str(deck), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    import_package(collection, tmp_path / "out" / "tides.apkg")
    note = collection.get_note(collection.find_notes("")[0])
    source_field = note["Source"]
    assert '<a href="https://example.org/tides">' in source_field
    # Cards keep the ISO date they have always shown: a new form would update every note.
    assert _plain(source_field) == ", ".join([*PARTS, "2001-02"]) + " · ¶2"
