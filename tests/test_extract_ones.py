"""A count of one in words counts where the article counts the same noun with a figure, in
any sentence ("81 cases … One case was excluded"); idioms and uncounted nouns count nothing."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import parse_article


def _counts(text: str) -> list[tuple[str, str]]:
    article = parse_article("Outbreak\n\n" + text + "\n")
    return [(fact.text, fact.key) for fact, _ in all_facts(article) if fact.kind == "count"]


def test_one_counts_a_noun_the_article_counts_elsewhere() -> None:
    found = _counts("A total of 81 cases were reported. One case was excluded. Data were "
                    "missing for one patient. Among 78 patients, 19 were treated. One suspect "
                    "case was added.")
    assert ("One case", "1 case") in found
    assert ("one patient", "1 patient") in found
    assert ("One suspect case", "1 case") in found


@pytest.mark.parametrize("text", [
    "A total of 81 cases were reported. In one case the nurses fled.",
    "A total of 81 cases were reported. One of the cases was new.",
    "A total of 81 cases were reported. It rained one day.",
    "One case was excluded. Nothing else was counted.",
    "We saw 1 case. One case was excluded.",
])
def test_one_counts_nothing_without_a_counted_plural_or_in_an_idiom(text: str) -> None:
    assert [found for found, _ in _counts(text) if found.lower().startswith("one")] == []
