"""Amounts in a table whose unit is stated once, on a line of its own above it.

Statistical releases print "bn €" or "€ million" over a table and leave the cells bare:
"Extra-EA19 exports | 186.5 | 196.2 | 5.2% | 1 692.3". The cells are amounts of money in
that unit; shares ("5.2%") keep their own reading, and so does any cell a pattern read.
"""

from __future__ import annotations

import re

from .facttypes import Fact, covered
from .sentences import Paragraph, Sentence
from .values import currency_of, parse_number, plain

_SCALE = r"(?:bn|billion|million|mn|m|thousand|k|tn|trillion)"
_CURRENCY = r"(?:€|\$|£|¥|EUR|USD|GBP|JPY|CHF)"
_UNIT_LINE = re.compile(
    rf"(?:in\s+)?(?:(?P<scale>{_SCALE})\s*(?P<cur>{_CURRENCY})|(?P<cur2>{_CURRENCY})\s*"
    rf"(?P<scale2>{_SCALE}))\.?", re.IGNORECASE)
_UNIT_ENDING = re.compile(rf"(?<=[a-z])\s+{_UNIT_LINE.pattern}$")
"""A heading that ends with the unit, as a PDF's line may join them: "… adjusted data bn €"."""
_SCALES = {"bn": "billion", "mn": "million", "m": "million", "k": "thousand", "tn": "trillion"}
_CELL_AMOUNT = re.compile(r"[+-]?(?P<num>\d{1,3}(?:[ \u2009\u202f\u00a0,]\d{3})+(?:\.\d+)?"
                          r"|\d+(?:\.\d+)?)")
"""A bare cell figure, thousands grouped by a space as European releases print them."""
_REACH = 120


def unit_above(article_text: str, paragraph: Paragraph) -> tuple[str, str] | None:
    """The (currency code, scale word) of a unit line standing alone just above a table."""
    if paragraph.layout != "table":
        return None
    before = article_text[max(0, paragraph.start - _REACH):paragraph.start].rstrip()
    line = before.rsplit("\n", 1)[-1].strip()
    found = _UNIT_LINE.fullmatch(line) or _UNIT_ENDING.search(line)
    if found is None:
        return None
    code = currency_of(found.group("cur") or found.group("cur2"))
    scale = (found.group("scale") or found.group("scale2")).lower()
    return (code, _SCALES.get(scale, scale)) if code else None


def money_cells(sentence: Sentence, unit: tuple[str, str], found: list[Fact]) -> list[Fact]:
    """Each bare figure cell of one table row as money in the table's unit; the first cell
    is the row's label."""
    taken = sorted((f.start, f.end) for f in found if f.kind != "treaty")
    code, scale = unit
    facts = []
    position = 0
    for index, cell in enumerate(sentence.text.split("|")):
        cell_start = position
        position += len(cell) + 1
        match = _CELL_AMOUNT.fullmatch(cell.strip())
        if index == 0 or match is None:
            continue
        start = sentence.start + cell_start + (len(cell) - len(cell.lstrip())) + match.start("num")
        end = start + len(match.group("num"))
        number = parse_number(re.sub(r"[ \u2009\u202f\u00a0]", "", match.group("num")))
        if number is None or covered(taken, start, end):
            continue
        value = number * (parse_number(f"1 {scale}") or 1)
        facts.append(Fact("money", start, end, match.group("num"), f"{code} {plain(value)}",
                          "money-table", number=value, unit=code, number_start=start,
                          number_end=end))
    return facts
