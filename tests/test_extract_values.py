"""Reading numbers as news writes them, and writing perturbed ones back in the same style."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizgen.extract.distractors import format_like
from quizgen.extract.values import number_words, parse_number, relative_month
from quizgen.models import PartialDate


@pytest.mark.parametrize(("text", "value"), [
    ("7,000", "7000"), ("7000", "7000"), ("1.2", "1.2"), ("forty", "40"),
    ("twenty-five", "25"), ("a dozen", "12"), ("three million", "3000000"),
    ("1.2tn", "1200000000000"), ("half a million", "500000"), ("two hundred and five", "205"),
    ("11 lakh crore", "11000000000000"),
])
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["several", "many", "", "7,000 troops", "a"])
def test_parse_number_refuses_what_is_not_one_number(text: str) -> None:
    assert parse_number(text) is None


def test_number_words_round_trip() -> None:
    for value in range(100):
        words = number_words(Decimal(value))
        assert words is not None
        assert parse_number(words) == value
    assert number_words(Decimal(100)) is None
    assert number_words(Decimal("2.5")) is None


@pytest.mark.parametrize(("original", "value", "expected"), [
    ("7,000", Decimal(3500), "3,500"), ("11", Decimal("5.5"), "6"), ("1.2", Decimal("2.4"), "2.4"),
    ("six", Decimal(3), "three"), ("Six", Decimal(12), "Twelve"), ("2000", Decimal(4000), "4000"),
    ("500", Decimal(25000), "25,000"),
])
def test_format_like_keeps_the_written_style(original: str, value: Decimal, expected: str) -> None:
    assert format_like(original, value) == expected


def test_relative_months() -> None:
    june = PartialDate(2024, 6)
    assert relative_month(9, "last", june) == PartialDate(2023, 9)
    assert relative_month(3, "last", june) == PartialDate(2024, 3)
    assert relative_month(3, "next", june) == PartialDate(2025, 3)
    assert relative_month(9, "next", june) == PartialDate(2024, 9)
    assert relative_month(9, "last", PartialDate(2024)) is None


def test_years_before_christ_are_dates_a_deck_accepts() -> None:
    from quizgen.extract.facts import find_facts
    from quizgen.models import DateQuestion, PartialDate

    (fact,) = [f for f in find_facts("Caesar was killed on 15 March 44 BC.") if f.kind == "date"]
    assert fact.date == PartialDate(-44, 3, 15)
    assert (fact.date.iso(), fact.date.words()) == ("-0044-03-15", "15 March 44 BC")
    for written in ("-44", "44 BC", "44 BCE", -44):
        question = DateQuestion(type="date", id="q", prompt="When?", answer=written)
        assert question.answer == "-44"
        assert question.answer_date.words() == "44 BC"
    with pytest.raises(ValueError, match="no year 0"):
        PartialDate.parse("0")
