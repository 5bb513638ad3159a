"""Prompts a teacher would write: the clause that carries the fact, a plain question where
the sentence's shape makes it safe, single quotation marks inside the shown text.

Real sentences come from the tuned benchmark texts (openly licensed, sources in
benchmarks/extract/real/README.md) and are read from there, not copied here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.extract.candidates import ExtractOptions, build_deck
from quizgen.extract.prompts import clause_around, quoted, wh_question
from quizgen.extract.sentences import parse_article
from quizgen.models import AnyQuestion, ClozeQuestion, DateQuestion, NumericQuestion, PartialDate

TUNED = Path(__file__).resolve().parent.parent / "benchmarks" / "extract" / "real"


def deck_of(name: str) -> list[AnyQuestion]:
    article = parse_article((TUNED / f"{name}.txt").read_text(encoding="utf-8"))
    return build_deck(article, ExtractOptions(deck_id=name)).questions


def date_question(name: str, answer: str) -> DateQuestion:
    for question in deck_of(name):
        if isinstance(question, DateQuestion) and question.answer == answer:
            return question
    raise AssertionError(f"{name}: no date question answered {answer}")


def test_a_passive_sentence_ending_on_its_date_becomes_a_wh_question() -> None:
    question = date_question("treaty-of-versailles", "1919-10-21")
    assert question.prompt.startswith("On what date was the treaty registered by ")
    assert question.prompt.endswith("League of Nations?")
    assert "printed" not in question.prompt  # the clause after ", and was" is cut


def test_a_clause_before_a_semicolon_is_asked_as_a_plain_question() -> None:
    question = date_question("ebola-2023", "2013-12")
    assert question.prompt.startswith("In what month and year were the first cases recorded")
    assert ";" not in question.prompt and "later" not in question.prompt


def test_two_verbs_keep_the_gap() -> None:
    """"In 1844 [someone] resigned … and negotiated …": one question cannot hold both."""
    question = date_question("treaty-of-wangxia", "1844")
    assert question.prompt.startswith("Which year goes in the gap? “In ___ ")


def test_a_trailing_aside_is_cut_and_its_figures_with_it() -> None:
    question = date_question("usain-bolt", "2009")
    assert "exception" not in question.prompt and "2011" not in question.prompt
    assert question.prompt.endswith(".”")
    born = date_question("usain-bolt", "1986-08-21")
    assert "widely" not in born.prompt and born.prompt.endswith("sprinter.”")


def test_a_name_in_another_language_is_not_shown_beside_the_gap() -> None:
    (cloze,) = [q for q in deck_of("treaty-of-versailles") if isinstance(q, ClozeQuestion)]
    assert "Versailles::name" in cloze.text
    assert "Traité" not in cloze.text and "French:" not in cloze.text


def test_quotation_marks_inside_the_shown_text_are_single() -> None:
    question = date_question("treaty-of-nanking", "1842-08-29")
    assert question.prompt.count("“") == 1 and question.prompt.count("”") == 1
    assert '"' not in question.prompt and "‘" in question.prompt
    assert quoted('He said "yes".') == "“He said ‘yes’.”"


def test_how_many_names_the_counted_noun_alone() -> None:
    text = "Trade news\n\nThe port is one of the 20 biggest harbours in the region.\n"
    deck = build_deck(parse_article(text), ExtractOptions(deck_id="port"))
    (question,) = [q for q in deck.questions if isinstance(q, NumericQuestion)]
    assert question.prompt.startswith("How many harbours? Fill the gap:")


@pytest.mark.parametrize(("before", "after", "asked"), [
    ("In ", ", Russia left the 1961 treaty.", "In what year did Russia leave the 1961 treaty?"),
    ("Russia left the 1961 treaty in ", ".", "In what year did Russia leave the 1961 treaty?"),
    ("The harbour treaty was signed in ", ".", "In what year was the harbour treaty signed?"),
    ("In ", ", it left the treaty.", None),                      # who is "it"?
    ("In ", ", Russia left the treaty and signed another.", None),  # two verbs
    ("In ", ", the Senate voted against it.", None),              # verb without a known base
    ("Russia, after long talks, left the treaty in ", ".", None),  # not one plain clause
    ("Russia left the treaty in ", " after talks.", None),        # the date is not at the end
    ("Negotiators began work on the accord in ", ".", None),      # a name, or a capital?
    ("In ", ", the Senate ratified the pact.", "In what year did the Senate ratify the pact?"),
    # base forms by rule (-d, -ied, -ed) and the irregular pasts beside them
    ("In ", ", the two towns agreed terms.", "In what year did the two towns agree terms?"),
    ("In ", ", the duke married the heiress.", "In what year did the duke marry the heiress?"),
    ("In ", ", the kingdom annexed the island.", "In what year did the kingdom annex the island?"),
    ("In ", ", the flood occurred.", "In what year did the flood occur?"),
    ("In ", ", the queen withdrew the claim.", "In what year did the queen withdraw the claim?"),
    ("In ", ", the duke carried the flag.", None),                # not a listed verb
])
def test_wh_questions_only_for_the_plainest_shapes(before: str, after: str,
                                                   asked: str | None) -> None:
    assert wh_question(PartialDate(1996), before, after) == asked


def test_short_sentences_are_shown_whole_and_cuts_keep_brackets_closed() -> None:
    short = "The pact, which lapsed, was signed in 1996."
    start = short.index("1996")
    assert clause_around(short, start, start + 4) == (short[:start], ".")
    long = ("The harbour pact was signed in 1996 (after talks in Velmora, which lasted a year "
            "and a half), which pleased the fishermen of every island along the southern coast.")
    start = long.index("1996")
    before, after = clause_around(long, start, start + 4)
    assert before == "The harbour pact was signed in "
    assert after == " (after talks in Velmora, which lasted a year and a half)."
