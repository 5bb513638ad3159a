"""Bare figures in a table whose unit is stated once: over the table, in a column's header or
in the column's first amount.

Statistical releases print "bn €" over a table, or "$73,207" in a column's first row and bare
figures below it, under a header "Percent change": "Food | 7,407 | 7,869 | 6.2". The cells are
amounts of money in that unit, or percentages; any cell a pattern read keeps its reading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

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
_CELL_WITH_CURRENCY = re.compile(rf"(?P<cur>US\$|{_CURRENCY})\s?\d")
_SHARE_HEADER = re.compile(r"(?i)\bper\s?cent|percentage|%")
_SHARE_ROW = re.compile(r"(?i)(?:swing|percentage|per\s?cent|%|share\s+of\s+(?:the\s+)?vote|"
                        r"vote\s+share)(?:\s*\(.*\))?")
"""A row label whose cells are percentages: an election infobox's "Swing | 5.4 | 5.4"."""
_REACH = 120


@dataclass(frozen=True)
class Unit:
    """What a column's bare figures are: money in `code` times `scale`, or percentages."""

    kind: str
    code: str = ""
    scale: str = ""


def unit_above(article_text: str, paragraph: Paragraph) -> Unit | None:
    """The unit of a line standing alone just above a table ("bn €"), for all its cells."""
    if paragraph.layout != "table":
        return None
    before = article_text[max(0, paragraph.start - _REACH):paragraph.start].rstrip()
    line = before.rsplit("\n", 1)[-1].strip()
    found = _UNIT_LINE.fullmatch(line) or _UNIT_ENDING.search(line)
    if found is None:
        return None
    code = currency_of(found.group("cur") or found.group("cur2"))
    scale = (found.group("scale") or found.group("scale2")).lower()
    return Unit("money", code, _SCALES.get(scale, scale)) if code else None


@functools.lru_cache(maxsize=4)
def column_units(table: str) -> tuple[Unit | None, ...]:
    """Each column's unit, from its header ("Percent change") or from a currency written
    in one of its cells ("$73,207" over "7,407") where most of its cells are figures: an
    infobox's "£1.3 billion" among rows of words says nothing of "Number built | 20" below
    it. Read once per table."""
    rows = [[cell.strip() for cell in line.split("|")] for line in table.splitlines()]
    header, body = rows[0], rows[1:]
    widths = sorted(len(row) for row in body) or [len(header)]
    width = widths[len(widths) // 2]
    if len(header) != width:  # a header wrapped in a PDF: only its last cell is placed
        header = [""] * (width - 1) + header[-1:]
    units: list[Unit | None] = []
    spanned = ""  # a group header over blank cells to its right: "| Percentage change | | |"
    for index, name in enumerate(header):
        spanned = name or spanned
        if not name and spanned:
            name = spanned
        column = [row[index] for row in body if index < len(row)]
        shown = next((m for cell in column if (m := _CELL_WITH_CURRENCY.match(cell))), None)
        figures = sum(1 for cell in column if _CELL_WITH_CURRENCY.match(cell)
                      or _CELL_AMOUNT.fullmatch(cell.lstrip("+-")))
        if 2 * figures <= sum(1 for cell in column if cell):
            shown = None  # an infobox's "Budget | £2.45 billion" among rows of words
        code = currency_of(shown.group("cur")) if shown else None
        if index > 0 and code:
            units.append(Unit("money", code))
        elif index > 0 and _SHARE_HEADER.search(name):
            units.append(Unit("percent"))
        else:
            units.append(None)
    return tuple(units)


def unit_cells(sentence: Sentence, units: tuple[Unit | None, ...] | Unit,
               found: list[Fact]) -> list[Fact]:
    """Each bare figure cell of one table row in its column's unit (or the table's); the
    first cell is the row's label."""
    taken = sorted((f.start, f.end) for f in found if f.kind != "treaty")
    facts = []
    position = 0
    if _SHARE_ROW.fullmatch(sentence.text.split("|", 1)[0].strip()):
        units = Unit("percent")
    for index, cell in enumerate(sentence.text.split("|")):
        cell_start = position
        position += len(cell) + 1
        unit = units if isinstance(units, Unit) else (
            units[index] if index < len(units) else None)
        match = _CELL_AMOUNT.fullmatch(cell.strip())
        if index == 0 or match is None or unit is None:
            continue
        sign = "-" if cell.strip().startswith("-") else ""
        offset = sentence.start + cell_start + (len(cell) - len(cell.lstrip()))
        start, end = offset + (0 if sign else match.start("num")), offset + match.end("num")
        number = parse_number(re.sub(r"[ \u2009\u202f\u00a0]", "", match.group("num")))
        if number is None or covered(taken, start, end):
            continue
        facts.append(_cell_fact(sentence, start, end, -number if sign else number, unit))
    return facts


def _cell_fact(sentence: Sentence, start: int, end: int, number: Decimal, unit: Unit) -> Fact:
    text = sentence.text[start - sentence.start:end - sentence.start]
    if unit.kind == "percent":
        return Fact("percent", start, end, text, f"{plain(number)}%", "percent-table",
                    number=number, unit="%", number_start=start, number_end=end)
    value = number * (parse_number(f"1 {unit.scale}") or 1) if unit.scale else number
    return Fact("money", start, end, text, f"{unit.code} {plain(value)}", "money-table",
                number=value, unit=unit.code, number_start=start, number_end=end)
