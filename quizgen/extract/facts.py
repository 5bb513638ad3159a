"""Run every pattern over a text and settle overlaps into one reading per stretch of text.

Values (dates, durations, money, percentages, counts) compete for the same characters:
"$11 billion" must not also be a count, "mid-2023" not also the bare year 2023. The
winner is the kind with the higher priority, then the longer match, then the earlier one.
Treaty names are a separate layer, so a name may contain a value ("the 1961 treaty").
"""

from __future__ import annotations

import bisect
import re

from .facttypes import PRIORITY, Context, Fact
from .patterns import PATTERNS
from .words import MONTH_ABBREVIATIONS, SCALES, TENS, UNITS

_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset([*UNITS, *TENS, *(word for word in SCALES if len(word) > 3), "dozen"])
_MONTH_STEMS = sorted({abbr[:3] for abbr in MONTH_ABBREVIATIONS} | {"May"})
_MONTH = re.compile(r"\b(?:" + "|".join(_MONTH_STEMS) + ")")


_LITERALS = frozenset(t for p in PATTERNS for t in p.triggers if not t.startswith("#"))
_LITERAL_LIST = tuple(sorted(_LITERALS))
_TRIGGER_SETS = {p.name: frozenset(p.triggers) for p in PATTERNS}


def _present(text: str) -> frozenset[str]:
    """Every trigger the text holds, found once and shared by every pattern's pre-check."""
    lowered = text.lower()
    found = {literal for literal in _LITERAL_LIST if literal in lowered}
    if _DIGIT.search(text):
        found.add("#digit")
    if not _NUMBER_WORDS.isdisjoint(_WORD.findall(lowered)):
        found.add("#numword")
    if _MONTH.search(text):
        found.add("#month")
    return frozenset(found)


def find_facts(text: str, context: Context | None = None, offset: int = 0) -> list[Fact]:
    """Facts in `text` in reading order, offsets shifted by `offset` (where `text` sits)."""
    ctx = context or Context()
    values: list[Fact] = []
    names: list[Fact] = []
    present = _present(text)
    for pattern in PATTERNS:
        if pattern.triggers and present.isdisjoint(_TRIGGER_SETS[pattern.name]):
            continue
        position = 0
        while (match := pattern.regex.search(text, position)) is not None:
            fact = pattern.build(match, text, ctx)
            if fact is None or fact.start >= fact.end:
                # A refused match may hide a good one inside it ("36 hours after a dozen
                # countries"): look again one character further on.
                position = match.start() + 1
                continue
            (names if fact.kind == "treaty" else values).append(fact)
            position = max(fact.end, match.start() + 1)
    chosen = _resolve(values) + _resolve(names)
    chosen.sort(key=lambda fact: (fact.start, fact.end, fact.kind))
    return [fact.shifted(offset) for fact in chosen] if offset else chosen


def _resolve(facts: list[Fact]) -> list[Fact]:
    """The best-ranked facts that do not overlap, in rank order.

    Taken facts never overlap, so kept sorted by start they are sorted by end too, and a
    new fact need only be compared with its two neighbours: a sentence listing thousands
    of figures stays fast (comparing with every taken fact was quadratic)."""
    ranked = sorted(facts, key=lambda f: (PRIORITY[f.kind], -(f.end - f.start), f.start, f.pattern))
    taken: list[Fact] = []
    starts: list[int] = []
    ends: list[int] = []
    for fact in ranked:
        index = bisect.bisect_left(starts, fact.start)
        if index > 0 and ends[index - 1] > fact.start:
            continue
        if index < len(starts) and starts[index] < fact.end:
            continue
        starts.insert(index, fact.start)
        ends.insert(index, fact.end)
        taken.append(fact)
    return taken
