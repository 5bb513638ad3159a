"""Figures in tables: a bare number in a cell counts what its column or row is called.

"Liberia | 10,675 | 4,809" under "Country | Cases | Deaths" states 10,675 cases and 4,809
deaths; "Labour force | 10.012 million (2008 est.)" states a labour force of 10.012
million. The patterns see one line at a time and cannot know the header, so the cells
are read here, after them, and only where no pattern found a fact already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .facttypes import Fact
from .sentences import Paragraph, Sentence
from .values import parse_number, plain

_BARE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                   r"(?P<scale>\s+(?:thousand|million|billion))?(?=\s*(?:\(|$|;))")
_LABEL = re.compile(r"[A-Za-z][A-Za-z ()'’-]*")


def table_facts(paragraph: Paragraph, sentence: Sentence, found: Sequence[Fact]) -> list[Fact]:
    """Counts in the cells of one table line, labelled by the column header or row label."""
    if paragraph.layout != "table":
        return []
    header = _cells(paragraph.text.splitlines()[0])
    has_header = all(_LABEL.fullmatch(h) for h in header)  # no figure in the first line
    if has_header and sentence.start == paragraph.start:
        return []
    row = list(_cell_spans(sentence.text))
    labelled_by_header = has_header and len(header) == len(row)
    facts = []
    for index, (start, end) in enumerate(row):
        if index == 0:
            continue
        label = header[index] if labelled_by_header else (
            sentence.text[row[0][0]:row[0][1]] if len(row) == 2 else None)
        fact = _cell_count(sentence, start, end, label, found)
        if fact is not None:
            facts.append(fact)
    return facts


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def _cell_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    position = 0
    for cell in line.split("|"):
        stripped = cell.strip()
        start = position + (len(cell) - len(cell.lstrip()))
        spans.append((start, start + len(stripped)))
        position += len(cell) + 1
    return spans


def _cell_count(sentence: Sentence, start: int, end: int, label: str | None,
                found: Sequence[Fact]) -> Fact | None:
    if not label or not _LABEL.fullmatch(label):
        return None
    match = _BARE.match(sentence.text, start, end)
    if match is None:
        return None
    absolute = sentence.start + match.start(), sentence.start + match.end()
    if any(f.start < absolute[1] and absolute[0] < f.end for f in found if f.kind != "treaty"):
        return None
    number = parse_number(match.group())
    if number is None or number <= 0:
        return None
    unit = label.lower()
    return Fact("count", absolute[0], absolute[1], match.group(), f"{plain(number)} {unit}",
                "count-table", number=number, unit=unit,
                number_start=absolute[0], number_end=sentence.start + match.end("num"))
