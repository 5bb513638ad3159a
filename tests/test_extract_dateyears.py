"""A day written without its year takes the year of the nearest dated fact before it in its
paragraph; never one from another paragraph or from after it."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import ExtractOptions, all_facts, build_deck
from quizgen.extract.sentences import parse_article
from quizgen.models import DateQuestion, PartialDate


def _dates(text: str, published: PartialDate | None = None) -> list[tuple[str, str]]:
    article = parse_article("Landing\n\n" + text + "\n")
    return [(fact.text, fact.key) for fact, _ in all_facts(article, published)
            if fact.kind == "date"]


@pytest.mark.parametrize(("text", "wanted"), [
    ("Apollo 11 was launched in July 1969. It landed on the Moon on July 20.",
     ("July 20", "1969-07-20")),
    ("In 1915 the storm formed. It reached land on August 17, after five days at sea.",
     ("August 17", "1915-08-17")),
    ("The 1966 final was played at Wembley. Group games began on 11 July in London.",
     ("11 July", "1966-07-11")),
    ("It was signed in 1648. In 1650 the last troops left, on 26 June.",
     ("26 June", "1650-06-26")),
    ("Caesar crossed in 49 BC. He won on 9 August after a long march.",
     ("9 August", "-0049-08-09")),
])
def test_a_yearless_day_takes_the_year_stated_before_it(
        text: str, wanted: tuple[str, str]) -> None:
    assert wanted in _dates(text)


@pytest.mark.parametrize("text", [
    "The fleet sailed in 1969.\n\nIt landed on July 20 after a long wait.",
    "It landed on July 20, the mission's fourth day; the crew came home in 1969.",
    "It landed on July 20 after a long wait.",
])
def test_no_year_from_another_paragraph_or_from_after_the_day(text: str) -> None:
    assert ("July 20", "--07-20") in _dates(text)


def test_a_stated_year_beats_the_publication_year() -> None:
    text = "Apollo 11 was launched in July 1969. It landed on the Moon on July 20."
    assert ("July 20", "1969-07-20") in _dates(text, PartialDate(2024, 6, 1))


def test_the_date_question_asks_for_the_dated_day() -> None:
    article = parse_article("Landing\n\nApollo 11 was launched in July 1969. The crew "
                            "walked on the Moon on July 20 and flew home three days later.\n")
    deck = build_deck(article, ExtractOptions(deck_id="landing"))
    answers = [q.answer_date for q in deck.questions if isinstance(q, DateQuestion)]
    assert PartialDate(1969, 7, 20) in answers


@pytest.mark.parametrize(("text", "wanted"), [
    ("The protests began in November 1989. By December the regime had fallen.",
     ("December", "1989-12")),
    ("Spending in September 2011 was above the revised August estimate.",
     ("August", "2011-08")),
])
def test_a_month_alone_takes_the_year_stated_before_it(
        text: str, wanted: tuple[str, str]) -> None:
    assert wanted in _dates(text)


def test_a_month_alone_with_no_year_before_it_stays_a_month() -> None:
    assert ("December", "december") in _dates("By December the regime had fallen in 1989.")


def test_a_bare_year_before_a_month_alone_does_not_date_it() -> None:
    dates = _dates("It was the hottest summer since at least 1540. The heat peaked in August.")
    assert ("August", "august") in dates
