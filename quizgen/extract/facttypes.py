"""What a fact is: its kinds, the `Fact` found in a text, and the shape of a pattern.

Kept apart from the catalogue in `patterns.py` so that code which only handles facts
(candidates, distractors, `quizgen check`) does not import a thousand lines of regexes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..models import PartialDate

KINDS = ("date", "duration", "money", "percent", "count", "treaty")
GROUPS = {"date": "date", "duration": "date", "money": "figure", "percent": "figure",
          "count": "figure", "treaty": "treaty"}
PRIORITY = {"money": 0, "percent": 1, "date": 2, "duration": 3, "count": 4, "treaty": 0}


@dataclass(frozen=True)
class Fact:
    """One fact found in a text, with offsets into the text that was searched."""

    kind: str
    start: int
    end: int
    text: str
    key: str
    """Canonical value: 'USD 11000000000', '2000-03', '24 year', '90%', '7000 container'."""
    pattern: str
    number: Decimal | None = None
    """The figure as written, before scale words are applied to counts: 90, 24, 7000."""
    unit: str | None = None
    """Noun, time unit, '%' or currency code: shown beside a numeric answer."""
    date: PartialDate | None = None
    number_start: int | None = None
    number_end: int | None = None
    """Where the figure alone sits (a numeric question gaps only the number)."""

    def shifted(self, offset: int) -> Fact:
        return Fact(
            self.kind, self.start + offset, self.end + offset, self.text, self.key,
            self.pattern, self.number, self.unit, self.date,
            None if self.number_start is None else self.number_start + offset,
            None if self.number_end is None else self.number_end + offset,
        )

    @property
    def group(self) -> str:
        return GROUPS[self.kind]


Builder = Callable[[re.Match[str], str, "Context"], Fact | None]


@dataclass(frozen=True)
class Context:
    """What a pattern may need beyond the match: the article's own date, for 'last September'."""

    reference: PartialDate | None = None


@dataclass(frozen=True)
class FactPattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    build: Builder
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    triggers: tuple[str, ...] = ()
    """Cheap pre-check: the pattern runs only on text holding one of these (lower-case)
    substrings, or '#digit' (a digit), '#numword' (a spelled-out number word), '#month'
    (a month name). Keeps 1 MB within the time budget; never changes what is found."""


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does one of `spans` (sorted by start, none overlapping another: taken names, or
    settled values) overlap start..end? Only the last one starting before `end` can
    (bisect: a sentence of thousands stays linear)."""
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and spans[index][1] > start
