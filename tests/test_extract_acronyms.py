"""A treaty named by its abbreviation: found where the article marks the abbreviation as a
treaty's name (before a treaty word, or in brackets after one), in every sentence that uses
it; never for an abbreviation the article does not tie to a treaty."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import parse_article


def _names(text: str) -> list[str]:
    article = parse_article("Arms control\n\n" + text + "\n")
    return [fact.text for fact, _ in all_facts(article) if fact.kind == "treaty"]


@pytest.mark.parametrize(("text", "wanted"), [
    ("The New START treaty was signed in 2010. It replaced START I and the SORT mechanism. "
     "The Strategic Offensive Reductions Treaty (SORT) had been signed in 2002.",
     ["New START treaty", "START I", "SORT", "Strategic Offensive Reductions Treaty", "SORT"]),
    ("The SALT II agreement was never ratified.\n\nCarter signed SALT II in Vienna.",
     ["SALT II agreement", "SALT II"]),
    ("Both the START I and START II treaties were signed. START II never took effect.",
     ["START I", "START II", "START II"]),
    ("Russia suspended New START in 2023. The New START treaty had run since 2011.",
     ["New START", "New START treaty"]),
    ("The treaty is known in Russia as SNV-III. The Strategic Arms Reduction Treaty (SNV-III) "
     "was signed in Prague.",
     ["SNV-III", "Strategic Arms Reduction Treaty", "SNV-III"]),
    ("The Treaty on the Non-Proliferation of Nuclear Weapons, commonly known as the NPT, took "
     "effect in 1970. The NPT has 191 parties.",
     ["Treaty on the Non-Proliferation of Nuclear Weapons", "NPT", "NPT"]),
    ("The Agreement for Trans-Pacific Partnership (CPTPP), also known as TPP11 or TPP-11, took "
     "effect in 2018. TPP11 has eleven members.",
     ["Agreement for Trans-Pacific Partnership", "CPTPP", "TPP11", "TPP-11", "TPP11"]),
    ("The Agreement between the United States of America, Mexico, and Canada (USMCA) replaced "
     "NAFTA. USMCA took effect in 2020.",
     ["Agreement between the United States of America, Mexico, and Canada", "USMCA", "USMCA"]),
    ("The Treaty of Lisbon amends the Treaty establishing the European Community (TEC). TEC "
     "was renamed.",
     ["Treaty of Lisbon", "Treaty establishing the European Community", "TEC", "TEC"]),
])
def test_marked_abbreviations_are_names_wherever_used(text: str, wanted: list[str]) -> None:
    assert _names(text) == wanted


@pytest.mark.parametrize("text", [
    "The NATO treaty binds its members. NATO met in Brussels.",
    "The UN said the talks would resume. The EU agreed.",
    "START of play was delayed by rain. The SORT function is fast.",
    "The Strategic Arms Limitation Talks (SALT) began in 1969. SALT ended in 1972.",
    "The treaty is known in Russian as СНВ-III.",
    "The Trade Organization, known as the WTO, met. The WTO agreed.",
])
def test_unmarked_abbreviations_are_not_names(text: str) -> None:
    assert not [name for name in _names(text) if name.isupper() or "SALT" in name]


def test_the_conference_that_wrote_a_treaty_is_not_the_treaty() -> None:
    text = ("The Convention on the Law of the Sea (UNCLOS) took effect in 1994. It came out of "
            "the third Conference on the Law of the Sea (UNCLOS III), which met from 1973. "
            "UNCLOS has 168 parties.")
    assert _names(text) == ["Convention on the Law of the Sea", "UNCLOS", "UNCLOS"]
