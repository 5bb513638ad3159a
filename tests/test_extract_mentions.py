"""A treaty name recognised in one sentence is the same name wherever the article repeats it,
even where that sentence alone would not show it is a treaty's ("66 states had accepted the
Doha Amendment"); a name that goes on into a body's name is not repeated there."""

from __future__ import annotations

import pytest

from quizgen.extract.candidates import all_facts
from quizgen.extract.sentences import parse_article


def _names(text: str) -> list[tuple[str, str]]:
    article = parse_article("Climate talks\n\n" + text + "\n")
    return [(fact.text, fact.pattern) for fact, _ in all_facts(article) if fact.kind == "treaty"]


@pytest.mark.parametrize(("text", "wanted"), [
    ("In 2012 a second period was agreed, known as the Doha Amendment to the protocol. By "
     "2016, 66 states had accepted the Doha Amendment.",
     [("Doha Amendment", "treaty-name"), ("Doha Amendment", "treaty-mention")]),
    ("By 2016, 66 states had accepted the Doha Amendment. It is known as the Doha Amendment "
     "to the Kyoto Protocol.",
     [("Doha Amendment", "treaty-mention"), ("Doha Amendment", "treaty-name"),
      ("Kyoto Protocol", "treaty-name")]),
])
def test_a_name_found_once_is_found_where_it_is_repeated(
        text: str, wanted: list[tuple[str, str]]) -> None:
    assert _names(text) == wanted


@pytest.mark.parametrize("text", [
    "The Antarctic Treaty was signed in 1959. The Antarctic Treaty Secretariat opened in 2004.",
    "The Fifth Amendment protects them. The Fifth Amendment was cited.",
])
def test_no_mention_where_no_name_was_found(text: str) -> None:
    assert [name for name, pattern in _names(text) if pattern == "treaty-mention"] == []
