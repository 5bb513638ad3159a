"""Every field of every note type, plain and --type-answer, keeps markup in a deck as text.

The hostile string goes into every place a deck can put text: prompts, answers,
alternatives, units, choices, items, pairs, gaps and hints, explanations, the source and
the question's locator and `inferred`. The engine renders each card; apart from quizgen's own
card script and markup, nothing in it may be an element the deck wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quizgen import load_deck
from quizgen.anki.building import BuildOptions, build_package
from quizgen.anki.notetypes import CARD_SCRIPT, NOTE_TYPES

from .conftest import import_package

BAD = '<img src=x onerror="alert(1)"> {{Answer}} <script>alert(2)</script> &amp;'
Q = BAD.replace("'", "''")

DECK = f"""\
id: every-field
title: 'Title {Q}'
source: {{title: 'Source {Q}', author: 'Author {Q}', publication: 'Pub {Q}',
          url: 'https://example.org/?q="><script>x</script>'}}
questions:
  - id: short
    type: short
    prompt: 'Prompt {Q}'
    answer: 'Answer {Q}'
    alternatives: ['Alt {Q}']
    explanation: 'Why {Q}'
    source: {{paragraph: 1, locator: 'Locator {Q}', inferred: 'Inferred {Q}'}}
  - {{id: numeric, type: numeric, prompt: 'N {Q}', answer: 3, unit: 'Unit {Q}', tolerance: 1}}
  - {{id: date, type: date, prompt: 'D {Q}', answer: 2000-03}}
  - {{id: truefalse, type: truefalse, prompt: 'TF {Q}', answer: true}}
  - {{id: choice, type: choice, prompt: 'C {Q}', choices: ['One {Q}', 'Two {Q}'],
      answer: 'One {Q}'}}
  - {{id: many, type: choice, prompt: 'M {Q}', choices: ['A {Q}', 'B {Q}', 'C'],
      answer: ['A {Q}', 'B {Q}']}}
  - {{id: order, type: order, prompt: 'O {Q}', items: ['First {Q}', 'Second {Q}']}}
  - id: match
    type: match
    prompt: 'Pairs {Q}'
    pairs:
      - {{left: 'L1 {Q}', right: 'R1 {Q}'}}
      - {{left: 'L2 {Q}', right: 'R2 {Q}'}}
  - {{id: cloze, type: cloze, text: 'Before {{{{gap <b>x</b>::hint <i>y</i>}}}} after'}}
"""

OUR_TAGS = {"div", "span", "ol", "ul", "li", "hr", "a", "br"}


class _Elements(HTMLParser):
    """Every element and attribute name in a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def _elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("type_answer", [False, True], ids=["plain", "typed"])
def test_every_field_renders_deck_markup_as_text(
    write_deck: Callable[..., Path], tmp_path: Path, collection: Any, type_answer: bool
) -> None:
    deck_file = write_deck(DECK)
    package = build_package(load_deck(deck_file), tmp_path / "fields.apkg",
                            BuildOptions(type_answer=type_answer)).path
    import_package(collection, package)
    assert collection.note_count() == 9
    names = {nt.name for nt in NOTE_TYPES}
    seen_types = set()
    for card_id in collection.find_cards(""):
        card = collection.get_card(card_id)
        seen_types.add(card.note_type()["name"])
        for side in (card.question(), card.answer()):
            html = side.split("</style>", 1)[-1].replace(CARD_SCRIPT, "")
            found = _elements(html)
            assert found.tags <= OUR_TAGS, card.note_type()["name"]
            assert not any(name.startswith("on") for name in found.attributes)
            assert "{{Answer}}" not in html  # Anki never saw a template field in the text
        shown = unescape(re.sub(r"<[^>]+>", "", card.answer().split("</style>", 1)[-1]))
        if card.note_type()["name"] != "quizgen Cloze (v1)":
            assert "{{Answer}} <script>alert(2)</script>" in shown.replace("&#123;", "{")
    typed_name = "quizgen Q&A, type the answer (v1)"
    assert seen_types <= names and len(seen_types) == 5
    assert (typed_name in seen_types) == type_answer  # typed: Q&A gives way to its typed twin


def test_a_typed_rule_carries_hostile_alternatives_as_an_attribute_only(
    write_deck: Callable[..., Path], tmp_path: Path, collection: Any
) -> None:
    package = build_package(load_deck(write_deck(DECK)), tmp_path / "typed.apkg",
                            BuildOptions(type_answer=True)).path
    import_package(collection, package)
    note = collection.get_note(collection.find_notes("tag:quizgen::every-field::short")[0])
    rule = re.fullmatch(r'(.*)<span class="qz-rule" data-qz-accept="([^"]*)" hidden></span>',
                        note["Answer"], re.S)
    assert rule is not None
    assert "<" not in rule[2] and "{{" not in rule[2]
    assert json.loads(unescape(rule[2])) == {"kind": "text", "forms": [f"Answer {BAD}",
                                                                       f"Alt {BAD}"]}
    # Anki's own comparison sees the answer alone, without the rule.
    compared = collection.compare_answer(note["Answer"], "")
    assert "kind" not in compared and "qz-rule" not in compared
    assert "Answer &lt;img src=x" in compared
