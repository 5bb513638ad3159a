"""A count of one in words, found where the article counts the same noun elsewhere.

"One case was excluded" counts a case only because the article counts cases ("a total of
81 cases"); "one day" or "in one case the nurses fled" count nothing. The sentence patterns
see one sentence, so a count of one whose noun is counted in another sentence needs the
whole article: this runs after them (`candidates.all_facts`), like `mentions.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from .facttypes import Fact, covered
from .words import FUNCTION_WORDS, plural_forms

_ONE = re.compile(r"(?<![\w-])(?P<num>[Oo]ne)(?P<words>(?:\s+[a-z][a-z-]{2,}){1,2})\b")
_REFUSED_BEFORE = frozenset("in at no any every each than per only".split())
"""'in one case', 'no one', 'more than one case': an idiom or a bound, not a count."""


def counted_nouns(facts: Iterable[Fact]) -> frozenset[str]:
    """The plural nouns the article counts with a figure of two or more: "cases"."""
    return frozenset(fact.key.split(" ", 1)[1] for fact in facts
                     if fact.kind == "count" and " " in fact.key and fact.number is not None
                     and fact.number >= 2)


def ones_counting(text: str, nouns: frozenset[str], taken: Iterable[Fact],
                  offset: int = 0) -> list[Fact]:
    """Each "one NOUN" in `text` whose plural the article counts, where no count already
    covers it; `text` starts at `offset` of the article."""
    if not nouns:
        return []
    spans = sorted((fact.start, fact.end) for fact in taken if fact.kind == "count")
    found = []
    for match in _ONE.finditer(text):
        words = match.group("words").split()
        size = next((size for size in (1, 2) if len(words) >= size
                     and any(p in nouns for p in plural_forms(words[size - 1]))), None)
        if size is None or (size == 2 and (words[0] in FUNCTION_WORDS
                                           or words[0].endswith("ly"))):
            continue  # "one case", "one suspect case"; not "one day", "one of the cases"
        noun = words[size - 1]
        before = text[max(0, match.start() - 20):match.start()].split()
        if before and before[-1].lower() in _REFUSED_BEFORE:
            continue
        start = offset + match.start()
        end = offset + match.start("words") + match.group("words").index(noun) + len(noun)
        if covered(spans, start, end):
            continue
        found.append(Fact("count", start, end, text[start - offset:end - offset], f"1 {noun}",
                          "count-one",
                          number=Decimal(1), unit=noun, number_start=start,
                          number_end=offset + match.end("num")))
    return found
