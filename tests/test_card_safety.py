"""No text in a deck can inject HTML or script into a card, or markup into a PDF."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from quizgen import load_deck
from quizgen.anki.building import BuildOptions, build_package
from quizgen.printing import PrintOptions, render

from .conftest import import_package

HOSTILE = {
    "script": "<script>alert('x')</script>",
    "image": '<img src=x onerror="alert(1)">',
    "cloze": "{{c1::not a gap}} and {{Answer}}",
    "typst": '#read("/etc/hostname") $x$ *bold*',
    "entity": "&lt; stays as typed &amp;",
}

DECK = """\
id: hostile
title: "Title {script}"
questions:
  - id: short
    type: short
    prompt: "Prompt {script}"
    answer: "Answer {image}"
    alternatives: ["{cloze}"]
    explanation: "Explanation {image}"
    tags: [safe]
  - id: choice
    type: choice
    prompt: "Which {typst}?"
    choices: ["{script}", "{image}", "{entity}"]
    answer: "{image}"
  - id: truefalse
    type: truefalse
    prompt: "{cloze}"
    answer: true
  - id: order
    type: order
    prompt: "Order {entity}"
    items: ["{script}", "{typst}"]
  - id: match
    type: match
    prompt: Match
    pairs:
      - {{left: "{image}", right: "{cloze}"}}
      - {{left: "{entity}", right: "{typst}"}}
  - id: cloze
    type: cloze
    text: "Before {script} the {{{{gap}}}} after {image}"
""".format(**{k: v.replace('"', '\\"') for k, v in HOSTILE.items()})


def rendered_html(card: Any) -> str:
    """What the card shows, without our own stylesheet and our own card script."""
    from quizgen.anki.notetypes import CARD_SCRIPT

    return (card.question() + card.answer()).split("</style>")[-1].replace(CARD_SCRIPT, "")


@pytest.fixture
def hostile_deck(write_deck: Callable[..., Path]) -> Path:
    return write_deck(DECK)


def test_cards_show_hostile_text_without_running_it(
    hostile_deck: Path, tmp_path: Path, collection: Any
) -> None:
    package = build_package(load_deck(hostile_deck), tmp_path / "h.apkg", BuildOptions()).path
    import_package(collection, package)
    assert collection.note_count() == 6
    assert collection.card_count() == 6  # '{{c1::…}}' outside a cloze makes no extra card
    for card_id in collection.find_cards(""):
        html = rendered_html(collection.get_card(card_id))
        assert "<script" not in html
        assert not re.search(r"<img [^>]*onerror", html)
    truefalse = next(
        collection.get_card(c)
        for c in collection.find_cards("")
        if collection.get_card(c).note_type()["name"].startswith("quizgen Q&A")
        and "not a gap" in collection.get_card(c).question()
    )
    assert "&#123;&#123;c1::not a gap}} and &#123;&#123;Answer}}" in truefalse.question()


def test_pdf_prints_hostile_text_literally(hostile_deck: Path) -> None:
    result = render([load_deck(hostile_deck)], PrintOptions(key=True))
    for pdf in (result.quiz, result.key):
        assert pdf is not None
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        flat = " ".join(text.split())
        assert "<script>alert('x')</script>" in flat
        assert '#read("/etc/hostname")' in flat
        assert "$x$ *bold*" in flat
