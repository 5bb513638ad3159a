"""The year of a day written without one: "In July 1969 … it landed on July 20" dates the
landing 1969-07-20.

A day and month alone ("July 20", "26 December") take the year of the nearest date before
them in the same paragraph that states one (a year, a month and year, or a full date). A month
alone ("by December") takes only the year of a month stated with one ("in November 1989"): a
bare year before it is as often a record or a comparison ("the hottest since 1540", "tying
2004 as the warmest November"), and a wrong year is worse than none. The sentence patterns
see one sentence and can only use the year of a full date beside the day
(`patterns._neighbour_year`), so this runs after them over the article, like `backrefs.py`.
A day with no dated neighbour in its paragraph keeps what the patterns gave it: no year, or
the publication year when the article has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .facttypes import Fact
from .sentences import Sentence
from .values import make_date

_NO_YEAR = re.compile(r"--(?P<month>\d\d)-(?P<day>\d\d)")
_DATED = re.compile(r"(?P<year>-?\d{1,4})(?:-\d\d){0,2}")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
"""The key of a month written alone ("in December")."""


def dated_from_context(found: Sequence[tuple[Fact, Sentence]]) -> list[tuple[Fact, Sentence]]:
    """`found` (in reading order) with each yearless day dated by its paragraph."""
    dated: list[tuple[Fact, Sentence]] = []
    year: int | None = None
    month_year: int | None = None  # the year of the last month stated with one
    paragraph: int | None = None
    for fact, sentence in found:
        if sentence.paragraph != paragraph:
            paragraph, year, month_year = sentence.paragraph, None, None
        if fact.kind != "date":
            dated.append((fact, sentence))
            continue
        stated = _DATED.fullmatch(fact.key)
        if stated is not None:
            year = int(stated.group("year"))
            if "-" in fact.key.lstrip("-"):
                month_year = year
        missing = _NO_YEAR.fullmatch(fact.key)
        date = None
        if missing is not None and year is not None:
            date = make_date(year, int(missing.group("month")), int(missing.group("day")))
        elif fact.key in _MONTHS and month_year is not None:
            date = make_date(month_year, _MONTHS.index(fact.key) + 1)
        if date is not None:
            fact = replace(fact, key=date.iso(), date=date)
        dated.append((fact, sentence))
    return dated
