"""An article's text → numbered paragraphs → sentences, each with character offsets.

Paragraph rule (shared by `extract` and `check`, documented in docs/guides/extracting.md):

1. Blocks are runs of non-blank lines separated by blank lines (a text with no blank
   line at all has one block per line).
2. The article ends at a footer heading — a block that is only "Comments", "12 comments",
   "Related articles", "Read more" and the like — once at least one paragraph was seen.
3. A first block that is one short line (at most 20 words) ending in "?" is a headline.
   Otherwise a block is a paragraph when it ends with sentence punctuation (. ! ? …, maybe
   followed by closing quotes or brackets), or is a table (every line has '|' or a tab)
   or a list (every line starts with -, *, • or 1.). Markdown headings (#) never are.
   So bylines, headlines, photo credits, crossheads and pull quotes, which carry no
   closing full stop, are skipped.
4. Paragraphs are numbered from 1 in reading order.

Offsets count characters (code points) of the decoded text, line endings as in the file.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..textfiles import decode_utf8

PYSBD_MAX_CHARS = 200_000
"""Above this size sentences are split by a fast rule-based splitter instead of pysbd,
which needs about 5 s per MB: `extract` must handle 1 MB in 2 s."""

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_HEADING = re.compile(r"#{1,6}\s")
_RULE = re.compile(r"[-*_=~\s]{3,}")
_LIST_ITEM = re.compile(r"\s*(?:[-*•+]|\d{1,3}[.)])\s+\S")
_FOOTER = re.compile(
    r"(?:\d+\s+)?comments?|related(?:\s+(?:articles?|stories|content|reading|topics))?"
    r"|read\s+more|more\s+on\s+this\s+story|share\s+this\s+(?:article|story)"
    r"|you\s+may\s+also\s+like|most\s+read|recommended(?:\s+for\s+you)?"
    r"|sign\s+up\s+to\s+our\s+newsletter|about\s+the\s+author",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    number: int
    start: int
    end: int
    text: str
    layout: str
    """'prose', 'table' or 'list': tables and lists are split into lines, not sentences."""


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    text: str
    paragraphs: tuple[Paragraph, ...]
    headline: str | None

    def paragraph(self, number: int) -> Paragraph | None:
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        return None


def decode_article(raw: bytes, shown: str) -> str:
    """An article's bytes as text (`textfiles.decode_utf8`), refusing a binary file;
    `shown` names the file or URL in errors."""
    text = decode_utf8(raw, shown)
    if "\x00" in text:
        raise InputError(f"{shown}: looks like a binary file, not a text article")
    return text


def split_blocks(text: str) -> list[Block]:
    """Blank-line separated blocks, or one block per line when the text has no blank line."""
    if not _BLANK_LINE.search(text):
        lines = re.finditer(r"[^\r\n]*\S[^\r\n]*", text)
        return [Block(m.start(), m.end(), m.group()) for m in lines]
    blocks: list[Block] = []
    position = 0
    for separator in _BLANK_LINE.finditer(text):
        blocks.extend(_trimmed(text, position, separator.start()))
        position = separator.end()
    blocks.extend(_trimmed(text, position, len(text)))
    return blocks


def _trimmed(text: str, start: int, end: int) -> list[Block]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    first = start + (len(chunk) - len(chunk.lstrip()))
    return [Block(first, first + len(stripped), stripped)]


def block_layout(block: Block) -> str | None:
    """'prose', 'table' or 'list' for a paragraph; None for a block that is not one."""
    lines = [line for line in block.text.splitlines() if line.strip()]
    if _HEADING.match(block.text) or _RULE.fullmatch(block.text):
        return None
    if all("|" in line or "\t" in line for line in lines) and (
        len(lines) > 1 or block.text.count("|") >= 2 or "\t" in block.text
    ):
        return "table"
    if all(_LIST_ITEM.match(line) for line in lines):
        return "list"
    if _SENTENCE_END.search(block.text):
        return "prose"
    return None


def is_footer(block: Block) -> bool:
    return bool(_FOOTER.fullmatch(block.text.strip().rstrip(":").strip()))


def parse_article(text: str) -> Article:
    """Paragraphs by the rule in this module's docstring, and a headline guess for titles."""
    paragraphs: list[Paragraph] = []
    headline: str | None = None
    blocks = split_blocks(text)
    for index, block in enumerate(blocks):
        if paragraphs and is_footer(block):
            break
        layout = block_layout(block)
        if index == 0 and len(blocks) > 1 and _question_headline(block.text):
            headline = " ".join(block.text.split())
            continue
        if layout is None:
            guess = None if paragraphs else _headline(block.text)
            if guess and (headline is None or len(headline.split()) < 4 <= len(guess.split())):
                headline = guess  # a name line above the headline is not the title
            continue
        number = len(paragraphs) + 1
        paragraphs.append(Paragraph(number, block.start, block.end, block.text, layout))
    return Article(text, tuple(paragraphs), headline)


def _question_headline(text: str) -> bool:
    """'Will the treaty hold?' on one short line at the very top is a headline, not ¶1."""
    words = text.split()
    return "\n" not in text.strip() and 2 <= len(words) <= 20 and text.rstrip().endswith("?")


def _headline(text: str) -> str | None:
    if _HEADING.match(text):
        return text.lstrip("#").strip() or None
    single = " ".join(text.split())
    if (len(single.split()) >= 2 and "(" not in single and "\n" not in text.strip()
            and not re.match(r"by\s", single, re.IGNORECASE)):
        return single
    return None


# ------------------------------------------------------------------ sentences

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen col lt sgt capt cmdr adm gov sen rep rev jr sr inc ltd co corp
    plc vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec fig approx est dept
    univ ave mt ft""".split()
)
_FAST_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9])")


def sentences_of(paragraph: Paragraph, use_pysbd: bool = True) -> list[Sentence]:
    """Sentences (or table/list lines) of one paragraph with absolute offsets."""
    if paragraph.layout != "prose":
        return [
            Sentence(paragraph.number, paragraph.start + m.start(), paragraph.start + m.end(),
                     m.group())
            for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", paragraph.text)
            if not re.fullmatch(r"[\s|:+-]+", m.group())
        ]
    spans = _pysbd_spans(paragraph.text) if use_pysbd else _fast_spans(paragraph.text)
    sentences: list[Sentence] = []
    for start, end in spans:
        chunk = paragraph.text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        first = start + (len(chunk) - len(chunk.lstrip()))
        sentences.append(Sentence(paragraph.number, paragraph.start + first,
                                  paragraph.start + first + len(stripped), stripped))
    return sentences


def split_sentences(article: Article) -> list[Sentence]:
    """Every sentence of every paragraph; pysbd for articles up to PYSBD_MAX_CHARS."""
    use_pysbd = len(article.text) <= PYSBD_MAX_CHARS
    result: list[Sentence] = []
    for paragraph in article.paragraphs:
        result.extend(sentences_of(paragraph, use_pysbd))
    return result


_SEGMENTER: Any = None


def _pysbd_spans(text: str) -> list[tuple[int, int]]:
    global _SEGMENTER
    import pysbd

    if _SEGMENTER is None:
        _SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)
    flat = re.sub(r"[\r\n]", " ", text)  # hard-wrapped lines: same length, same offsets
    spans = [(span.start, span.end) for span in _SEGMENTER.segment(flat)]
    if not spans or spans[-1][1] < len(text.rstrip()) or _overlapping(spans):
        return _fast_spans(text)  # pysbd lost text (it can): never drop part of a paragraph
    return spans


def _overlapping(spans: list[tuple[int, int]]) -> bool:
    return any(later[0] < earlier[1] for earlier, later in itertools.pairwise(spans))


def _fast_spans(text: str) -> list[tuple[int, int]]:
    """Split after . ! ? … when a capital or digit follows, except after abbreviations/initials."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _FAST_BOUNDARY.finditer(text):
        word = re.search(r"([\w.]+)[.!?…][\"'”’»)\]]*$", text[start:match.end()].rstrip())
        if word and text[match.start()] == ".":
            token = word.group(1).lower()
            if token in _ABBREVIATIONS or len(token) == 1 or "." in token:
                continue  # Mr. Smith · J. Smith · U.S. officials
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
