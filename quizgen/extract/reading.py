"""The small public API other parts of quizgen use to read an article as `extract` does.

`quizgen check` must number paragraphs, split sentences and recognise dates and figures
exactly as the extractor did when it wrote the citations; it imports only these names,
so the extractor's internals can change without touching the checker.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .facts import find_facts
from .facttypes import Context, Fact
from .sentences import Article, Sentence, parse_article, sentences_of
from .values import parse_number
from .words import ORDINALS, WORD_AMOUNT

__all__ = ["Article", "Context", "Fact", "Sentence", "figures_in", "find_facts",
           "parse_article", "sentences_of"]

_DIGIT_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")
_WORD_NUMBER = re.compile(WORD_AMOUNT)
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b|\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ONE_UNIT = re.compile(r"\b(?:a|an)\s+(?:year|month|week|day|decade|century)\b", re.IGNORECASE)


def figures_in(passage: str, facts: list[Fact]) -> set[Decimal]:
    """Every figure the passage states, as written and with its scale word applied.

    7,000 · 7000 · seven thousand · the 11 of "$11 billion" · the 2 of "second" · the 1 of
    "a year": whichever way a numeric answer was written, it is found here.
    """
    found = {fact.number for fact in facts if fact.number is not None}
    for regex in (_DIGIT_NUMBER, _WORD_NUMBER):
        for match in regex.finditer(passage):
            value = parse_number(match.group())
            if value is not None:
                found.add(value)
    for match in _ORDINAL.finditer(passage):
        found.add(Decimal(ORDINALS[match.group(1).lower()] if match.group(1) else match.group(2)))
    if _ONE_UNIT.search(passage):
        found.add(Decimal(1))
    return found
