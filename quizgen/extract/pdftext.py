"""A PDF's text layer → running text with blank lines between paragraphs.

A PDF has no paragraphs, only positioned lines. They are rebuilt from the geometry
pdfium reports for each run of text:

- lines in the top or bottom tenth of a page that repeat on other pages (digits
  ignored), that say "Page 2 of 5" or a bare page number, or that are set smaller than
  the body text are running headers and footers, and are dropped;
- runs on one line far apart from each other are table cells, joined with " | "; a row of
  three cells or more whose cells wrap onto tight lines below it is put back together; a
  piece alone on its line just above a row, where that row's second cell starts, is a row
  whose label was left blank;
- a paragraph ends where the vertical gap to the next line is wider than the usual line
  spacing, or where a line that ends a sentence stops well short of the right margin (so
  a paragraph continues across a page break when its last line on the page is full);
- lines of a paragraph are joined with a space; a soft hyphen at a line end (U+00AD,
  what typesetters insert when they hyphenate) is removed and the word rejoined, and a
  range broken after its dash ("1916–" over "1917") is joined without one;
- a page set in columns (a white band down the page that the body's lines keep to either
  side of, with full lines on both sides) is read column by column: the left side, then
  the right, between lines that span both (a title across the page); each side is
  searched again, so three columns are read in order too.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field

import pypdfium2

_PAGE_NUMBER = re.compile(r"(?:^|\s)(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
                          re.IGNORECASE)
_SENTENCE_END = re.compile("[.!?\u2026:][\"'\u201d\u2019\u00bb)\\]]*$")
_FULL_STOP = re.compile("[.!?][\"'\u201d\u2019)\\]]*$")
_BYLINE = re.compile(r"^By\s+(?!\d)\S.{0,100}$")
"""'By Wikipedia contributors, 2021-02-01' under a headline, a short line of its own: a
block of its own, not the start of paragraph 1 ('By 1900 the city had …' fills its line)."""
_TOP_LINES = 8
_BULLET = re.compile("^[\u2022\u25e6\u25aa\u2013\u2014*-]\\s*")
TOUCHING = 0.1
"""Runs closer than this share of the line's height have no space between them."""
BAND = 0.1
"""Share of the page height at top and bottom where running headers and footers sit."""


@dataclass
class _Line:
    page: int
    top: float
    bottom: float
    left: float
    right: float
    runs: list[tuple[float, float, str]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    column: tuple[float, float] | None = None
    """Left and right edge of its column on a page set in two columns."""

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def text(self) -> str:
        return " | ".join(cell.strip() for cell in self.cells).lstrip()


def pdf_metadata(document: pypdfium2.PdfDocument) -> dict[str, str]:
    """Title, author and date (ISO) from the PDF's document information, where set."""
    raw = document.get_metadata_dict()
    found = {key.lower(): str(raw[key]).strip() for key in ("Title", "Author")
             if str(raw.get(key, "")).strip()}
    when = re.match(r"D:(\d{4})(\d{2})?(\d{2})?", str(raw.get("CreationDate", "")))
    if when:
        found["date"] = "-".join(part for part in when.groups() if part)
    return found


def pdf_text(document: pypdfium2.PdfDocument) -> str:
    """The body text of every page, paragraphs separated by blank lines."""
    pages = [_page_lines(document, index) for index in range(len(document))]
    body = _drop_running_lines(pages, [document[i].get_size()[1] for i in range(len(document))])
    return _paragraphs(body)


_Run = tuple[float, float, float, float, str]


def _page_lines(document: pypdfium2.PdfDocument, index: int) -> list[_Line]:
    return _ordered(_runs(document, index), index, 0.0, document[index].get_size()[0])


def _ordered(runs: list[_Run], index: int, low: float, high: float) -> list[_Line]:
    """The lines of the runs between x = low and x = high in reading order, column by
    column where they are set in columns (found again inside each side: three columns
    are two, one of which is two)."""
    gutter = _gutter(runs, low, high)
    if gutter is None:
        return _lines(runs, index)
    return _column_order(runs, index, (low, gutter, high))


def _lines(runs: list[_Run], index: int) -> list[_Line]:
    """Runs grouped into lines by height on the page, top to bottom."""
    lines: list[_Line] = []
    for left, bottom, right, top, text in sorted(runs, key=lambda r: (-r[3], r[0])):
        middle = (top + bottom) / 2
        line = next((ln for ln in lines if ln.bottom <= middle <= ln.top), None)
        if line is None:
            lines.append(_Line(index, top, bottom, left, right, []))
            line = lines[-1]
        line.runs.append((left, right, text))
        line.left, line.right = min(line.left, left), max(line.right, right)
        line.top, line.bottom = max(line.top, top), min(line.bottom, bottom)
    for line in lines:
        line.cells = _cells(sorted(line.runs), line.height)
    return sorted(lines, key=lambda ln: -ln.top)


def _gutter(runs: list[_Run], low: float, high: float) -> float | None:
    """Where text set in columns between x = low and x = high divides, or None: an x
    between 30% and 70% of the way across that at most a tenth of the runs cross, with a
    tenth of them on each side, and on each side lines that mostly reach its right edge
    (text, not a table's labels)."""
    if len(runs) < 12:
        return None
    for step in sorted(range(30, 71), key=lambda s: abs(s - 50)):
        x = low + (high - low) * step / 100
        left = [run for run in runs if run[2] <= x]
        right = [run for run in runs if run[0] >= x]
        crossing = len(runs) - len(left) - len(right)
        if (crossing <= 0.1 * len(runs) and min(len(left), len(right)) >= 0.1 * len(runs)
                and _column_of_text(left) and _column_of_text(right)):
            return x
    return None


_FIGURES_ONLY = re.compile(r"[\d\s.,%$€£¥+\-–()|]+")


def _column_of_text(runs: list[_Run]) -> bool:
    """At least six lines, most of them one piece (not a table's label and value), and three
    in five of them reach near the column's right edge (where four in five lines end at the
    most: a running header further right, "page 2" over an empty third column, does not move
    it)."""
    lines = _lines(runs, 0)
    if len(lines) < 6:
        return False
    texts = [" ".join(text for _, _, text in line.runs).strip() for line in lines]
    if (sum(1 for text in texts if _FIGURES_ONLY.fullmatch(text)) > len(texts) / 3
            or statistics.median(len(text) for text in texts) < 12):
        return False  # a table's column of figures or short labels, not running text
    rows = sum(1 for line in lines if len(line.cells) >= 2)
    if rows >= 3 and rows >= len(lines) / 4 and _gutter(
            runs, min(run[0] for run in runs), max(run[2] for run in runs)) is None:
        return False  # a table's labels and values (its last column wrapping on the right),
        # not two columns of text side by side (of a page set in three)
    rights = sorted(ln.right for ln in lines)
    left, right = min(ln.left for ln in lines), rights[int(0.8 * (len(rights) - 1))]
    full = sum(1 for ln in lines if ln.right >= right - 0.15 * (right - left))
    return full >= 0.6 * len(lines)


def _column_order(runs: list[_Run], index: int,
                  bounds: tuple[float, float, float]) -> list[_Line]:
    """Reading order across a gutter (low, gutter, high): between lines that span it, the
    left side's lines, then the right side's, each side in its own reading order."""
    low, gutter, high = bounds
    titles = _titles_above(runs)
    spanning = _lines([r for r in runs if r[0] < gutter < r[2] or r in titles], index)
    sides = [_ordered([r for r in runs if r[2] <= gutter and r not in titles], index, low, gutter),
             _ordered([r for r in runs if r[0] >= gutter and r not in titles], index, gutter,
                      high)]
    for side in sides:
        edges = (min((ln.left for ln in side), default=0.0),
                 max((ln.right for ln in side), default=0.0))
        for member in side:
            if member.column is None:  # a narrower column inside this side keeps its own
                member.column = edges
    ordered: list[_Line] = []
    tops = [line.top for line in spanning] + [float("-inf")]
    ceiling = float("inf")
    for floor, across in zip(tops, [*spanning, None], strict=True):
        for side in sides:
            ordered.extend(ln for ln in side if floor < ln.top <= ceiling)
        if across is not None:
            ordered.append(across)
            ceiling = across.bottom
    return ordered


def _titles_above(runs: list[_Run]) -> list[_Run]:
    """Runs set larger than the body and above all of its text: a title that a page in
    three columns centres over the middle one spans the page all the same."""
    usual = statistics.median(top - bottom for _, bottom, _, top, _ in runs)
    body = [top for _, bottom, _, top, text in runs
            if top - bottom <= 1.3 * usual and len(text.split()) >= 3]
    if not body:
        return []
    return [run for run in runs if run[3] - run[1] > 1.3 * usual and run[1] >= max(body)]


def _runs(document: pypdfium2.PdfDocument, index: int) -> list[_Run]:
    """pdfium's text runs with their boxes; a run cut by a soft hyphen keeps it (U+00AD)."""
    textpage = document[index].get_textpage()
    full = textpage.get_text_range()
    cursor = 0
    runs = []
    for rect in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(rect)
        raw = textpage.get_text_bounded(left, bottom, right, top)
        found = full.find(raw, cursor) if raw else -1
        text = raw.replace("\r\n", " ").replace("\x02", "\u00ad")  # pdfium's hyphen glyph
        if found >= 0:
            cursor = found + len(raw)
            if full.startswith("\ufffe", cursor) and not text.endswith("\u00ad"):
                text += "\u00ad"
        if text.strip():
            runs.append((left, bottom, right, top, text))
    return runs


def _cells(runs: list[tuple[float, float, str]], height: float) -> list[str]:
    """Runs left to right; a gap wider than the line's height starts a new table cell."""
    return [text for _, _, text in _cells_with_extents(runs, height)]


def _cells_with_extents(runs: list[tuple[float, float, str]],
                        height: float) -> list[tuple[float, float, str]]:
    """The cells of `_cells`, each with the left and right edge of its runs."""
    cells: list[tuple[float, float, str]] = []
    previous_right: float | None = None
    for left, right, text in runs:
        if not text.strip("\u00ad") and cells:
            start, end, last = cells[-1]
            cells[-1] = (start, end, last if last.endswith("\u00ad") else last + "\u00ad")
            continue
        if previous_right is None or left - previous_right > height:
            cells.append((left, right, text))
        else:
            start, _, last = cells[-1]
            if (last.endswith((" ", "\u00ad")) or left - previous_right < TOUCHING * height
                    or (_hyphen_joint(last, text) and left - previous_right < height / 2)):
                cells[-1] = (start, right, last + text)  # "Sino" "-" "British": no space
            else:
                cells[-1] = (start, right, last + " " + text)
        previous_right = right
    return cells


def _hyphen_joint(last: str, text: str) -> bool:
    """"mid-" then "1980s", "12" then "-month", "US$ -" or "+/-" then a figure: runs a printed
    hyphen or minus joins into one word, which pdfium may hand over apart."""
    return ((last[-1:] == "-" and last[-2:-1].isalnum() and text[:1].isalnum())
            or (text[:1] == "-" and last[-1:].isalnum())
            or ((_SIGNED_AMOUNT_START.search(last) is not None or last.endswith("+/-"))
                and text[:1].isdigit()))


_SIGNED_AMOUNT_START = re.compile(r"[$£€¥]\s?[-−]$")
"""'US$ -' then '2.723 Billion': a minus sign set apart from the amount it belongs to."""


def _drop_running_lines(pages: list[list[_Line]], heights: list[float]) -> list[_Line]:
    def in_band(line: _Line) -> bool:
        height = heights[line.page]
        return line.top > height * (1 - BAND) or line.bottom < height * BAND

    def shape(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    every = [line for page in pages for line in page]
    if not every:
        return []
    usual = statistics.median(line.height for line in every)
    band_pages: dict[str, set[int]] = {}
    for line in every:
        if in_band(line):
            for key in {shape(line), *(_cell_shape(cell) for cell in line.cells)}:
                band_pages.setdefault(key, set()).add(line.page)

    def repeated(line: _Line) -> bool:
        """The line, or each of its cells, recurs on other pages: a header read whole on
        one page and in two columns' halves on another ("Valley News | page 2") is one."""
        return len(band_pages[shape(line)]) > 1 or all(
            len(band_pages[_cell_shape(cell)]) > 1 for cell in line.cells)

    def small(line: _Line, previous: _Line | None) -> bool:
        """Set smaller than the body, and not the tail of the text line just above it ("5 in
        1838." has neither ascenders nor descenders, so its box is short)."""
        tail = (previous is not None and previous.page == line.page
                and previous.height >= 0.85 * usual
                and 0 <= previous.bottom - line.top <= 0.6 * usual)
        return line.height < 0.85 * usual and not tail

    return [line for line, previous in zip(every, [None, *every[:-1]], strict=True)
            if not (in_band(line) and (repeated(line) or _PAGE_NUMBER.search(line.text)
                                       or small(line, previous)))]


def _cell_shape(cell: str) -> str:
    return re.sub(r"\d+", "#", cell.strip().lower())


def _paragraphs(lines: list[_Line]) -> str:
    if not lines:
        return ""
    usual_height = statistics.median(line.height for line in lines)
    spacings = [a.bottom - b.top for a, b in itertools.pairwise(lines)
                if a.page == b.page]
    usual_gap = statistics.median(spacings) if spacings else usual_height / 3
    right_edge = max(line.right for line in lines)
    left_edge = min(line.left for line in lines)
    width = right_edge - left_edge
    lines = _merge_wrapped_rows(lines)
    _mark_blank_labels(lines, left_edge + 0.2 * width, usual_gap + usual_height)
    _mark_blank_values(lines, usual_gap + usual_height)
    lines = _merge_wrapped_cells(lines, left_edge + 0.2 * width, usual_gap + usual_height)
    _join_lone_rows(lines)
    blocks: list[list[_Line]] = [[lines[0]]]
    for number, (previous, line) in enumerate(itertools.pairwise(lines)):
        byline = number + 1 < _TOP_LINES and any(
            _BYLINE.match(one.text.strip()) and not _SENTENCE_END.search(one.text.rstrip())
            and one.right < right_edge - 0.15 * width for one in (previous, line))
        table_change = (len(previous.cells) > 1) != (len(line.cells) > 1)
        rows = len(previous.cells) > 1 and len(line.cells) > 1
        wide_gap = previous.page == line.page and (
            previous.bottom - line.top > usual_gap + (2 if rows else 0.5) * usual_height)
        column_left, column_right = previous.column or (left_edge, right_edge)
        short_end = (_SENTENCE_END.search(previous.text.rstrip()) is not None
                     and previous.right < column_right - 0.15 * (column_right - column_left))
        bullet = _BULLET.match(line.text) is not None and _BULLET.match(previous.text) is None
        if table_change or wide_gap or short_end or bullet or byline:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return "\n\n".join(_block_text(block) for block in blocks) + "\n"


def _merge_wrapped_rows(lines: list[_Line]) -> list[_Line]:
    """A wide table in a narrow column wraps its cells: "Extra- | 186.5 | 1" over "EA19 |
    692.3". A line set tight under a row of three cells or more (closer than the row is
    high), with fewer pieces than the row has cells and each piece under one of them, goes
    on the row's cells; a row of the table, with a cell in each column or a capitalised first
    cell that does not finish a hyphenated word, does not, unless it is the page's last line
    ("Security" under "Pensions and Social": a row goes on, the page leaves no room for one)."""
    merged: list[_Line] = []
    extents: list[tuple[float, float]] = []
    for index, line in enumerate(lines):
        row = merged[-1] if merged else None
        if row is not None and len(row.cells) >= 3 and line.page == row.page and (
                0 <= row.bottom - line.top < row.height):
            pieces = _cells_with_extents(sorted(line.runs), line.height)
            places = [_column_under(extents, left, right) for left, right, _ in pieces]
            last_on_page = index + 1 == len(lines) or lines[index + 1].page != line.page
            new_row = places[:1] == [0] and not (row.cells[0].endswith("\u00ad")
                                                 or pieces[0][2][:1].islower()
                                                 or (last_on_page and len(pieces) == 1))
            wrapped_label = places[:1] == [0] and pieces[0][2][:1].islower()
            if (len(pieces) < len(row.cells) or (wrapped_label and len(pieces) == len(row.cells))
                    ) and None not in places and not new_row:
                for place, (_, _, text) in zip(places, pieces, strict=True):
                    assert place is not None
                    row.cells[place] = _joined(row.cells[place], text)
                row.bottom = line.bottom
                continue
        merged.append(line)
        extents = [(left, right) for left, right, _ in
                   _cells_with_extents(sorted(line.runs), line.height)]
    return merged


def _column_under(extents: list[tuple[float, float]], left: float,
                  right: float) -> int | None:
    """The cell a piece starting at `left` continues: the last one starting at or before it
    (a wrapped cell's next line may be wider than its first: "1" over "692.3"), if the piece
    ends before the cell after it starts."""
    starts = [start for start, _ in extents]
    index = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] <= left + 2), None)
    if index is None or (index + 1 < len(starts) and right > starts[index + 1]):
        return None
    return index


def _mark_blank_labels(lines: list[_Line], indent: float, reach: float) -> None:
    """A table's first row with its label cell left blank ("| Pacific Aero Products Co.
    (1916–1917)" over "Founded | July 15, 1916") prints as one indented piece starting where
    the row below starts its second cell: a row, not a line of text (which would read as a
    heading and lose its figures)."""
    def tight(upper: _Line, lower: _Line) -> bool:
        return upper.page == lower.page and upper.bottom - lower.top < reach

    for index, line in enumerate(lines):
        if len(line.cells) != 1 or line.left <= indent:
            continue
        above = lines[index - 1] if index else None
        if above is not None and tight(above, line) and (
                len(above.cells) > 1 or abs(above.left - line.left) <= line.height / 2):
            continue  # the wrapped end of a cell above, or of this piece
        end = index  # the piece may wrap onto lines of its own: "(1916–" ⏎ "1917)"
        while end + 1 < len(lines) and len(lines[end + 1].cells) == 1 and tight(
                lines[end], lines[end + 1]) and abs(lines[end + 1].left - line.left) <= (
                line.height / 2):
            end += 1
        below = lines[end + 1] if end + 1 < len(lines) else None
        if below is None or len(below.cells) < 2 or not tight(lines[end], below):
            continue
        extents = _cells_with_extents(sorted(below.runs), below.height)
        if len(extents) < 2:
            continue  # a row grown by its wrapped cells: its runs no longer part at its height
        if abs(line.left - extents[1][0]) <= below.height / 2:
            line.cells = ["", *line.cells]


def _mark_blank_values(lines: list[_Line], reach: float) -> None:
    """An infobox's title or section row with its value cell left blank ("2003 European heat
    wave |" over "Dates | July to August 2003"; "Government |" between "Seat | Hanga Roa" and
    "Type | Municipality") prints as one piece at the table's left edge, ending before the
    row below starts its second cell: a row, not a heading that splits the table (or makes
    its one row a lone row of text). It is set about as far below the row above as above
    the row below, where a label's wrapped line sits closer to the line it continues."""
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1]
        if len(line.cells) != 1 or len(below.cells) < 2 or line.page != below.page or (
                line.bottom - below.top >= reach) or _SENTENCE_END.search(line.text.rstrip()):
            continue
        above = lines[index - 1] if index else None
        if above is not None and above.page == line.page and above.bottom - line.top < reach and (
                len(above.cells) < 2 or above.cells[0].rstrip().endswith("\u00ad")
                or above.bottom - line.top < 0.7 * (line.bottom - below.top)):
            continue  # a paragraph's last line, or a wrapped label, set tight above a row
        label = below.cells[0].strip()
        if len(label.split()) > 4 or "(" in label:
            continue  # a line of running text split by a gap, not a labelled row
        extents = _cells_with_extents(sorted(below.runs), below.height)
        if len(extents) >= 2 and abs(line.left - extents[0][0]) <= below.height / 2 and (
                line.right < extents[1][0]):
            line.cells = [*line.cells, ""]


def _merge_wrapped_cells(lines: list[_Line], indent: float, reach: float) -> list[_Line]:
    """A table cell too long for its column wraps onto a line of its own: put it back."""
    merged: list[_Line] = []
    for line in lines:
        previous = merged[-1] if merged else None
        if (previous is not None and len(previous.cells) > 1 and len(line.cells) == 1
                and line.page == previous.page and line.left > indent
                and previous.bottom - line.top < reach):
            previous.cells[-1] = _joined(previous.cells[-1], line.text)
            previous.bottom = line.bottom
            continue
        merged.append(line)
    return merged


def _join_lone_rows(lines: list[_Line]) -> None:
    """A line of running text split by a gap (glyphs missing from the font, "(Chinese: ▯▯▯,
    Nánjīng…)") reads as one table row among plain lines: a table has two rows at least,
    so a lone row inside a paragraph is put back together as text."""
    for index, line in enumerate(lines):
        if len(line.cells) < 2:
            continue
        neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
        if neighbours and all(len(other.cells) < 2 for other in neighbours) and (
                _FULL_STOP.search(line.cells[0].rstrip()) is None):
            line.cells = [" ".join(cell.strip() for cell in line.cells)]


def _block_text(block: list[_Line]) -> str:
    if len(block[0].cells) > 1:
        return "\n".join(line.text for line in block)
    if _BULLET.match(block[0].text):
        items: list[str] = []
        for line in block:
            if _BULLET.match(line.text) or not items:
                items.append("- " + _BULLET.sub("", line.text.strip()))
            else:
                items[-1] = _joined(items[-1], line.text)
        return "\n".join(items)
    text = block[0].text.strip()
    for line in block[1:]:
        text = _joined(text, line.text)
    return text


def _joined(text: str, more: str) -> str:
    text, more = text.rstrip(), more.strip()
    if text.endswith("\u00ad"):
        if text[-2:-1].isdigit() or more[:1].isdigit() or (
                more[:1].isupper() and more[1:2].islower() and text[-2:-1].isalpha()):
            # "12-" ⏎ "month", "Pierre-" ⏎ "Charles": typesetters never break figures, nor a
            # word before a capitalised one ("UNC-" ⏎ "LOS" is theirs); the hyphen is printed
            return text[:-1] + "-" + more
        return text[:-1] + more
    hard = _HARD_HYPHEN_END.search(text)
    if hard is not None and (more[:1].isupper() or (hard.group(1) == "" and more[:1].isalpha())):
        return text[: hard.start()] + "-" + more  # "Sino-" ⏎ "British": one word, as printed
    if text[-2:-1].isdigit() and text[-1:] in "–—" and more[:1].isdigit():
        return text + more  # "(1916–" ⏎ "1917)": a range the line broke after its dash
    if text.endswith("+/-") and more[:1].isdigit():
        return text + more  # "(+/-" ⏎ "1.8%)": a margin of error, written as one token
    return f"{text} {more}"


_HARD_HYPHEN_END = re.compile(r"(?<=\w)( ?)-$")
"""A printed hyphen ending a line inside a compound ("Sino-British"); typesetters mark
their own word breaks with a soft hyphen instead (handled above)."""
