"""Years before Christ, from the article to the deck: found, asked, judged, never revealed."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import ExtractOptions, build_deck
from quizgen.extract.facts import find_facts
from quizgen.extract.sentences import parse_article
from quizgen.models import DateQuestion, PartialDate, ShortQuestion
from quizgen.reveals import reveals

TEXT = "A consul's year\n\nThe consul fell in 44 BCE, two years after the games.\n"


def test_a_bce_year_becomes_a_date_question_answered_minus_44() -> None:
    deck = build_deck(parse_article(TEXT), ExtractOptions(deck_id="consul"))
    (question,) = [q for q in deck.questions if isinstance(q, DateQuestion)]
    assert question.answer_date == PartialDate(-44)


@pytest.mark.parametrize("written", ["44 BC", "44 BCE", "44 B.C.", "44 B.C.E.", "-44"])
def test_the_date_type_takes_every_way_of_writing_it(written: str) -> None:
    assert PartialDate.parse(written) == PartialDate(-44)


@pytest.mark.parametrize("shown", ["It happened in 44 BC.", "It happened in 44 BCE.",
                                   "It happened in 44 B.C. in Rome."])
def test_a_prompt_with_the_year_in_any_era_style_reveals_it(shown: str) -> None:
    asked = DateQuestion(type="date", id="when", prompt="When did the consul fall?",
                         answer="44 BC")
    other = ShortQuestion(type="short", id="what", prompt=shown, answer="a fall")
    assert reveals(other, asked)
    elsewhere = ShortQuestion(type="short", id="x", prompt="It happened in 440 BCE.", answer="y")
    assert not reveals(elsewhere, asked)


def test_bce_years_are_found_with_their_month_and_day() -> None:
    (fact,) = [f for f in find_facts("born on 12 July 100 BCE in Rome") if f.kind == "date"]
    assert fact.date == PartialDate(-100, 7, 12)


@pytest.mark.parametrize(("text", "values"), [
    ("The crew landed on July 20, 1969, and left on July 24.", ["1969-07-20", "1969-07-24"]),
    ("The storm lasted from 19 May–9 November 2009.", ["2009-05-19", "2009-11-09"]),
    ("Talks resume on 12 March in Geneva.", ["--03-12"]),
])
def test_a_day_beside_a_dated_one_takes_its_year(text: str, values: list[str]) -> None:
    assert [fact.key for fact in find_facts(text) if fact.kind == "date"] == values
