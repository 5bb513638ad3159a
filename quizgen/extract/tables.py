"""Figures in tables: a bare number in a cell counts what its column or row is called.

"Liberia | 10,675 | 4,809" under "Country | Cases | Deaths" states 10,675 cases and 4,809
deaths; "Labour force | 10.012 million (2008 est.)" states a labour force of 10.012
million. The patterns see one line at a time and cannot know the header, so the cells
are read here, after them, and only where no pattern found a fact already.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .facttypes import Fact, covered
from .sentences import Paragraph, Sentence
from .values import parse_number, plain

_FIGURE = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_QUALIFIER = (r"(?:(?:approx\.|approximately|about|around|c\.|ca\.|circa|some|over|nearly|"
              r"almost|more\s+than|at\s+least|up\s+to|~)\s*)?")
_BARE = re.compile(rf"{_QUALIFIER}(?P<num>{_FIGURE})(?P<scale>\s+(?:thousand|million|billion))?"
                   r"\+?(?=\s*(?:\(|$|;|[–-]\s*\d)|\s+(?:or|to)\s+\d|\s+[–—-]\s+[A-Z])")
"""A cell's leading figure: "32", "approx. 270", "10.012 million (2008 est.)", "3,000+", "700–"
of a range, "1 – Charles Floyd, August 1804" before who they were."""
_CLAUSE_FIGURE = re.compile(rf"(?:^|(?<=,\s)|(?<=;\s)){_QUALIFIER}(?P<num>{_FIGURE})"
                            r"(?=\s+(?:\(or\s|[a-z]))"
                            rf"|(?<=[A-Za-z]:\s){_QUALIFIER}(?P<named>{_FIGURE})(?=\s*(?:[,;.]|$))")
"""A figure opening one of a cell's clauses, a verb or a bracket after it: "18 arrived with
Elcano, 12 were captured …, 4 (or 5) from Trinidad" lists counts of what the row is called;
or a figure after a side's name: "Anglo-allies: 68,000, Prussians: 50,000"."""
_NAMING_LABEL = re.compile(r"(?i)\b(?:codes?|code\(s\)|postcodes?|zip|isbn|issn|website|"
                           r"telephone|phone|fax|id|registration|reference)\b|\bno\.$")
"""'Postal code(s) | 101–155', 'Area code | 212': figures that name, not count."""
_COUNTING_LABEL = re.compile(
    r"(?i)^(?:strength|casualties|losses|deaths|fatalities|injuries|wounded|killed|members|"
    r"membership|seats|votes|staff|students|employees|personnel|troops|crew|passengers|"
    r"participants|athletes|teams|units|number\s+of|number\s+built|population|"
    r"(?:highest\s+|lowest\s+|average\s+|total\s+)?attendance)\b")
"""A row label of a table without a header that names what every cell after it counts,
however many sides the row has: "Strength | 72,000 | Anglo-allies: 68,000, …"."""
_LEADING = re.compile(rf"(?P<num>{_FIGURE})(?=\s+[A-Z])")
"""A cell's first figure before a name: what a counting label ("Highest attendance") counts."""
_SEVERAL = re.compile(rf"{_FIGURE}(?:\s+{_FIGURE})+")
"""A cell of bare figures side by side, as a copied infobox runs its columns together."""
_IN_BRACKETS = re.compile(rf"\((?P<num>{_FIGURE})(?:\s+[a-z]+)?\)")
"""'20 (96 qualifying)', 'Nicolás Sánchez (97)': a figure in brackets counts the row's thing."""
_OR_OTHER = re.compile(rf"\s*\(or\s+(?P<num>{_FIGURE})\)")
_YEARLIKE = re.compile(r"1\d{3}|20\d\d")
Spans = list[tuple[int, int]]
"""Where the patterns' values sit in the article, sorted: a cell they cover is theirs."""
_RANGE_END = re.compile(rf"(?:\s*[–-]\s*|\s+(?:or|to)\s+)(?P<num>{_FIGURE})\+?(?=\s*(?:\(|$|;))")
"""The second figure of a range in a cell: "700–3,000+", "2,209 or 2,208" state two counts."""
_PER_UNIT = re.compile(rf"\s*\(\s*(?P<num>{_FIGURE})\s+per\s+[a-z]+\s*\)")
"""An average beside the figure: "171 (2.67 per match)" counts the same thing per match."""
_LABEL = re.compile(r"[A-Za-z](?:[A-Za-z ()'’/,.-]|\(\d{4}\))*:?|%")
"""A header or row label: words (a year in brackets among them: "Population (2019), city"),
perhaps ending in a colon ("Attendance:"), or "%" (a share column beside a "Votes" one)."""
_TIMES = re.compile(rf"(?:^|(?<=,\s))(?P<num>{_FIGURE})\s*[×x]\s*(?={_FIGURE})")
"""'32 × 700 MW, 2 × 50 MW': how many of the row's things, each of the size after '×'."""


def table_facts(paragraph: Paragraph, sentence: Sentence, found: Sequence[Fact]) -> list[Fact]:
    """Counts in the cells of one table line, labelled by the column header or row label."""
    if paragraph.layout != "table":
        return []
    header, has_header = _header(paragraph.text)
    if has_header and sentence.start == paragraph.start:
        return []
    row = list(_cell_spans(sentence.text))
    labelled_by_header = has_header and len(header) == len(row)
    taken = sorted((f.start, f.end) for f in found if f.kind != "treaty")
    facts = []
    for index, (start, end) in enumerate(row):
        if index == 0:
            continue
        # under a header, the column names what its cells count; beside a label, the row's
        # first cell does, and so in a table whose columns are entities, its first header
        # cell left blank ("| First party | Second party" over "Seats won | 252 | 82"; a
        # PDF drops the blank cell, so the header is one cell short)
        entity_columns = header[:1] == [""] or (
            len(header) == len(row) - 1 and _all_labels(header))
        first = sentence.text[row[0][0]:row[0][1]]
        label = header[index] if labelled_by_header else (
            first if len(row) == 2 or (not has_header and (
                entity_columns or _COUNTING_LABEL.search(first))) else None)
        facts.extend(_cell_counts(sentence, start, end, label, taken))
    return facts


@functools.lru_cache(maxsize=4)
def _header(table: str) -> tuple[list[str], bool]:
    """The first line's cells, and whether they are a header. Read once per table, not once
    per row: a table of 40,000 rows would otherwise be read 40,000 times."""
    lines = table.splitlines()
    if len(lines) > 2 and not any(_cells(lines[0])[1:]):
        lines = lines[1:]  # "Southern Sudanese independence referendum, 2011 |": a title row
    header = _cells(lines[0])
    has_header = _all_labels(header) and not any(_all_labels(_cells(line)[1:])
                                                 for line in lines[1:]) and not (
        len(header) == 2 and not _column_name(header[1]))
    return header, has_header


def _noun_of(label: str) -> str:
    """What a label counts: "Population (2019), consolidated city-county" counts population."""
    noun = re.sub(r"\s*\([^()]*\)", "", label).split(",")[0].strip().rstrip(":").lower()
    return re.sub(r"^(?:no\.|number)\s+of\s+", "", noun) or label.lower()


def _all_labels(cells: list[str]) -> bool:
    """No figure in these cells. The first line is a header only when no other line is all
    words after its label: an infobox ("Host country | Freedonia", "Champions | Ruritania")
    has such rows, so each of its rows is labelled by its own first cell."""
    return bool(cells) and all(_LABEL.fullmatch(cell) for cell in cells)


_COLUMN_WORDS = frozenset(
    """date year name country party leader result total team winner location time rank place
    event state region city value amount share status type note score end start""".split())


def _column_name(cell: str) -> bool:
    """"Cases", "Outbreak end": a header's cell; "Valoria" (one infobox row's value, as in
    "Location | Valoria" at the top of an infobox) is no column's name."""
    last = cell.split()[-1].lower() if cell.split() else ""
    return (last.endswith("s") and not last.endswith("ss")) or last in _COLUMN_WORDS or (
        cell == cell.lower())


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


def _cell_counts(sentence: Sentence, start: int, end: int, label: str | None,
                 taken: Spans) -> list[Fact]:
    """The cell's leading figure, the end of its range and an average beside it, each
    counting what the label names, where no pattern found a fact there already."""
    if not label or not _LABEL.fullmatch(label) or _NAMING_LABEL.search(label):
        return []
    match = _BARE.match(sentence.text, start, end)
    cell = sentence.text[start:end]
    if match is None and _COUNTING_LABEL.search(label):
        match = _LEADING.match(sentence.text, start, end)  # "75,415 Manchester United 2–1 …"
    several = _SEVERAL.fullmatch(cell)
    if several is not None and not any(_YEARLIKE.fullmatch(f) for f in cell.split()):
        # "Employees | 87,700 245,000": two years' figures run into one cell
        spans = [(start + m.start(), start + m.end()) for m in re.finditer(_FIGURE, cell)]
        facts = (_cell_fact(sentence, span, _noun_of(label), taken) for span in spans)
        return [fact for fact in facts if fact is not None]
    times = [(start + m.start("num"), start + m.end("num")) for m in _TIMES.finditer(cell)]
    if times:
        facts = (_cell_fact(sentence, span, _noun_of(label), taken) for span in times)
        return [fact for fact in facts if fact is not None]
    if match is None:
        clause_spans = []
        for clause in _CLAUSE_FIGURE.finditer(cell):
            group = "num" if clause.group("num") else "named"
            if not _YEARLIKE.fullmatch(clause.group(group)):
                clause_spans.append((start + clause.start(group), start + clause.end(group)))
            other = _OR_OTHER.match(cell, clause.end())
            if other is not None:  # "4 (or 5) from Trinidad": the other figure counts too
                clause_spans.append((start + other.start("num"), start + other.end("num")))
        clause_spans += [(start + m.start("num"), start + m.end("num"))
                         for m in _IN_BRACKETS.finditer(cell)
                         if not _YEARLIKE.fullmatch(m.group("num"))
                         and not any(s <= start + m.start("num") < e for s, e in clause_spans)]
        facts = (_cell_fact(sentence, span, _noun_of(label), taken) for span in clause_spans)
        return [fact for fact in facts if fact is not None]
    spans = [(match.start("num"), match.end())]
    spans += [(start + m.start("num"), start + m.end("num")) for m in _IN_BRACKETS.finditer(cell)
              if not _YEARLIKE.fullmatch(m.group("num"))]
    after = _RANGE_END.match(sentence.text, match.end(), end)
    if after is not None:
        spans.append((after.start("num"), after.end()))
    average = _PER_UNIT.match(sentence.text, (after or match).end(), end)
    if average is not None:
        spans.append((average.start("num"), average.end("num")))
    facts = (_cell_fact(sentence, span, _noun_of(label), taken) for span in spans)
    return [fact for fact in facts if fact is not None]


def _cell_fact(sentence: Sentence, span: tuple[int, int], unit: str,
               taken: Spans) -> Fact | None:
    """The figure at `span` (in the line) as a count of `unit`, unless a pattern's fact
    covers it."""
    start, end = sentence.start + span[0], sentence.start + span[1]
    if covered(taken, start, end):
        return None
    text = sentence.text[span[0]:span[1]]
    number = parse_number(text.rstrip("+"))
    if number is None or number <= 0:
        return None
    return Fact("count", start, end, text, f"{plain(number)} {unit}", "count-table",
                number=number, unit=unit, number_start=start,
                number_end=end - (1 if text.endswith("+") else 0))
