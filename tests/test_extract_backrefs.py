"""A bare figure after "it was" or "that number had grown to" counts what the last count
before it counted, in its sentence or the one before; never after money or a share."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import parse_article


def _counts(text: str) -> list[tuple[str, str]]:
    article = parse_article("Census\n\n" + text + "\n")
    return [(fact.text, fact.key) for fact, _ in all_facts(article) if fact.kind == "count"]


@pytest.mark.parametrize(("text", "wanted"), [
    ("The population was about 8.5 million; by 1901, it was just 4.4 million.",
     ("4.4 million", "4400000 people")),
    ("In 1867 there were 3.5 million Canadians. By 1967, that number had grown to 20.0 "
     "million (1966 Census).", ("20.0 million", "20000000 canadians")),
])
def test_a_figure_pointing_back_counts_the_last_count(
        text: str, wanted: tuple[str, str]) -> None:
    assert wanted in _counts(text)


@pytest.mark.parametrize("text", [
    "Revenue was $5 billion. By 2010 it was 4 billion.",
    "The company had 12,000 workers.\n\nBy 2019 it was 9,000.",
    "The share was 12% of 40 voters. By 2019 it was 9%.",
    "Nobody counted anything. By 2019 it was 9,000.",
])
def test_no_count_without_a_count_just_before_it(text: str) -> None:
    assert [found for found, key in _counts(text) if found in ("4 billion", "9,000", "9")] == []
