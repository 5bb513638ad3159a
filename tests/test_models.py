"""The schema's rules, exercised through the models directly (the library API)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from quizgen import (
    ChoiceQuestion,
    ClozeQuestion,
    DateQuestion,
    Deck,
    MatchQuestion,
    NumericQuestion,
    OrderQuestion,
    PartialDate,
    parse_deck,
)
from quizgen.models import format_number, question_answer_text

from .conftest import REPO

DESIGN = REPO.parent / "shared" / "DESIGN.md"


def design_example() -> str:
    """The YAML example of shared/DESIGN.md, which must load unchanged."""
    text = DESIGN.read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(.*?)```", text, flags=re.S)
    assert match, "DESIGN.md has no YAML example"
    return match[1]


def deck_with(**question: Any) -> Deck:
    return Deck.model_validate({"id": "d", "title": "D", "questions": [{"id": "q", **question}]})


@pytest.mark.skipif(not DESIGN.exists(), reason="shared/ is not beside the clone")
def test_design_example_loads_unchanged() -> None:
    deck = parse_deck(design_example(), "DESIGN.md")
    gap, exit_year, cloze = deck.questions
    assert isinstance(gap, NumericQuestion) and gap.answer == 24 and gap.unit == "years"
    assert isinstance(exit_year, DateQuestion) and exit_year.answer == "1996"
    assert isinstance(cloze, ClozeQuestion)
    assert [(g.number, g.answer) for g in cloze.gaps()] == [(1, "90 per cent"), (2, "$11 billion")]
    assert deck.source is not None and deck.source.date == "2024-06-18"


@pytest.mark.parametrize(
    ("value", "iso", "words"),
    [
        (1996, "1996", "1996"),
        ("2000-03", "2000-03", "March 2000"),
        ("2024-06-19", "2024-06-19", "19 June 2024"),
        ("2024-02-29", "2024-02-29", "29 February 2024"),
    ],
)
def test_dates_keep_their_precision(value: object, iso: str, words: str) -> None:
    date = PartialDate.parse(value)
    assert date.iso() == iso
    assert date.words() == words


@pytest.mark.parametrize("value", ["2022-02-30", "2023-02-29", "2000-13", "March 2000", True, 0])
def test_impossible_dates_are_refused(value: object) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(value)


def test_choice_answer_must_be_a_choice() -> None:
    with pytest.raises(ValidationError, match="'1997' is not one of the choices"):
        deck_with(type="choice", prompt="When?", choices=["1996", "1998"], answer="1997")


def test_choice_may_have_several_right_answers() -> None:
    deck = deck_with(type="choice", prompt="Which?", choices=["a", "b", "c"], answer=["a", "c"])
    question = deck.questions[0]
    assert isinstance(question, ChoiceQuestion) and question.correct == ["a", "c"]


def test_duplicate_choices_are_refused() -> None:
    with pytest.raises(ValidationError, match="choice 'a' is listed twice"):
        deck_with(type="choice", prompt="Which?", choices=["a", "b", "a"], answer="a")


def test_order_needs_two_distinct_items() -> None:
    with pytest.raises(ValidationError, match="at least 2"):
        deck_with(type="order", prompt="Order", items=["only"])
    with pytest.raises(ValidationError, match="item 'x' is listed twice"):
        deck_with(type="order", prompt="Order", items=["x", "y", "x"])


def test_match_sides_must_not_repeat() -> None:
    pairs = [{"left": "a", "right": "1"}, {"left": "b", "right": "1"}]
    with pytest.raises(ValidationError, match="'1' appears twice on the right"):
        deck_with(type="match", prompt="Match", pairs=pairs)


def test_cloze_needs_a_gap_and_numbers_plain_gaps_after_explicit_ones() -> None:
    with pytest.raises(ValidationError, match="has no gap"):
        deck_with(type="cloze", text="No gaps here.")
    deck = deck_with(type="cloze", text="{{a}} then {{c1::b::hint}} then {{c}}")
    question = deck.questions[0]
    assert isinstance(question, ClozeQuestion)
    assert [(g.number, g.answer, g.hint) for g in question.gaps()] == [
        (2, "a", None),
        (1, "b", "hint"),
        (3, "c", None),
    ]
    assert question.prompt_text() == "[…] then […] then […]"


def test_numbers_stay_exact_and_refuse_nan() -> None:
    deck = deck_with(type="numeric", prompt="How much?", answer=Decimal("0.1"), tolerance=0)
    question = deck.questions[0]
    assert isinstance(question, NumericQuestion) and question.answer == Decimal("0.1")
    with pytest.raises(ValidationError, match="finite"):
        deck_with(type="numeric", prompt="How much?", answer=Decimal("NaN"))
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        deck_with(type="numeric", prompt="How much?", answer=1, tolerance=-1)


def test_unknown_keys_are_refused_everywhere() -> None:
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        deck_with(type="short", prompt="p", answer="a", colour="red")
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        deck_with(type="short", prompt="p", answer="a", source={"paragraph": 1, "page": 2})


def test_images_must_stay_inside_the_deck_folder() -> None:
    for bad in ("/etc/passwd", "../../etc/passwd", "pics/../../x.png", "C:\\x.png"):
        with pytest.raises(ValidationError, match="image"):
            deck_with(type="short", prompt="p", answer="a", image=bad)
    assert deck_with(type="short", prompt="p", answer="a", image="pics/./map.png")


def test_duplicate_question_ids_are_refused() -> None:
    question = {"type": "truefalse", "prompt": "p", "answer": True}
    with pytest.raises(ValidationError, match="duplicate id 'q'"):
        Deck.model_validate(
            {
                "id": "d",
                "title": "D",
                "questions": [{"id": "q", **question}, {"id": "q", **question}],
            }
        )


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("7000"), "7,000"), (Decimal("0.50"), "0.5"), (Decimal("-1234.25"), "-1,234.25")],
)
def test_numbers_print_without_float_noise(value: Decimal, text: str) -> None:
    assert format_number(value) == text


def test_answer_text_for_every_type() -> None:
    deck = Deck.model_validate(
        {
            "id": "d",
            "title": "D",
            "questions": [
                {"id": "n", "type": "numeric", "prompt": "p", "answer": 90, "unit": "per cent"},
                {"id": "d", "type": "date", "prompt": "p", "answer": "2011-12"},
                {"id": "o", "type": "order", "prompt": "p", "items": ["1961", "1996"]},
                {
                    "id": "m",
                    "type": "match",
                    "prompt": "p",
                    "pairs": [{"left": "a", "right": "b"}, {"left": "c", "right": "d"}],
                },
                {"id": "t", "type": "truefalse", "prompt": "p", "answer": False},
            ],
        }
    )
    assert [question_answer_text(q) for q in deck.questions] == [
        "90 per cent",
        "December 2011",
        "1961 → 1996",
        "a → b; c → d",
        "False",
    ]
    assert isinstance(deck.questions[2], OrderQuestion)
    assert isinstance(deck.questions[3], MatchQuestion)
