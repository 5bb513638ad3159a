"""Quizlet import text, read back the way Quizlet's import box splits it: cards at line
breaks, term and definition at the first tab."""

from __future__ import annotations

from pathlib import Path

from quizgen.formats import render_decks
from quizgen.loading import load_deck

from .conftest import SHIPPED_DECKS

DECK = """\
id: cards
title: Cards
questions:
  - id: tabbed
    type: short
    prompt: "A prompt\\twith a tab\\nand a line break"
    answer: "Two\\r\\nlines"
    alternatives: [Both lines]
  - id: num
    type: numeric
    prompt: How far?
    answer: 7000
    unit: km
    tolerance: 50
  - id: when
    type: date
    prompt: When?
    answer: 2024-06
  - id: pick
    type: choice
    prompt: Pick two
    choices: [a, b, c]
    answer: [a, c]
  - id: truth
    type: truefalse
    prompt: Water is wet.
    answer: true
  - id: gap
    type: cloze
    text: "{{Paris::a city}} is the capital of {{c2::France}}."
  - id: seq
    type: order
    prompt: In order
    items: [one, two, three]
  - id: pairs
    type: match
    prompt: Match
    pairs: [{left: a, right: b}, {left: c, right: d}]
"""


def quizlet_cards(text: str) -> list[tuple[str, str]]:
    cards = []
    for line in text.split("\n"):
        if line:
            term, separator, definition = line.partition("\t")
            assert separator and "\t" not in definition and "\r" not in line
            cards.append((term, definition))
    return cards


def test_one_card_per_question_with_readable_sides(tmp_path: Path) -> None:
    path = tmp_path / "cards.yaml"
    path.write_text(DECK, encoding="utf-8")
    rendered = render_decks([load_deck(path)], "quizlet")
    assert rendered.text.endswith("\n")
    assert quizlet_cards(rendered.text) == [
        ("A prompt with a tab and a line break", "Two lines (also: Both lines)"),
        ("How far?", "7,000 ± 50 km"),
        ("When?", "June 2024"),
        ("Pick two (choose 2: b / a / c)", "a; c"),
        ("True or false: Water is wet.", "True"),
        ("_____ (a city) is the capital of _____.", "Paris; France"),
        ("In order (put in order: three / one / two)", "one → two → three"),
        ("Match (match a / c with d / b)", "a → b; c → d"),
    ]
    assert rendered.questions == 8 and rendered.warnings == []


def test_shipped_deck_gives_one_card_per_question() -> None:
    deck = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    cards = quizlet_cards(render_decks([deck], "quizlet").text)
    assert len(cards) == len(deck.deck.questions)
    assert all(term and definition for term, definition in cards)


def test_the_term_carries_every_option_and_item_never_in_solved_order() -> None:
    deck = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    cards = dict(zip((q.id for q in deck.deck.questions),
                     quizlet_cards(render_decks([deck], "quizlet").text), strict=True))
    checked = 0
    for question in deck.deck.questions:
        term = cards[question.id][0]
        listed = term.rsplit(": ", 1)[-1].rstrip(")").split(" / ")
        match question.type:
            case "choice":
                assert sorted(listed) == sorted(question.choices), question.id
                checked += 1
            case "order":
                assert sorted(listed) == sorted(question.items) and listed != question.items
                checked += 1
    assert checked >= 10
