"""`quizgen check`: is every answer in a deck supported by the passage it cites?

The passage is the cited paragraph (numbered as `quizgen.extract.sentences` explains),
narrowed to the sentences that contain `source.locator` when the locator is found there,
widened to more paragraphs when the locator names them (¶2 to ¶4, ¶1, ¶3 and ¶6), or
exactly `source.span` when a span is given. What counts as support, per question type:

- numeric: the value appears as a figure in the passage, in any written form (7,000 ·
  7000 · seven thousand · the 11 of "$11 billion" · the 2 of "second"), within tolerance;
- date: a date in the passage equals the answer (March 2000 = 2000-03); a year answer is
  also met by a month or day of that year; "last September" is resolved against the
  deck's `source.date`;
- short, cloze gaps: the answer (or an alternative) appears, compared without case,
  quote style, dash style or spacing differences, or every date and figure in it
  appears in an equivalent form (90% = 90 per cent);
- choice: every right choice appears the same way; a right choice of five words or more
  with no date or figure is a description in the deck's own words: not checked;
- order: each item that carries a date or figure must find it; items that appear are
  supported; other items are descriptions: not checked;
- match: a pair needs one side that appears, and every date or figure on either side;
- truefalse: a statement's truth cannot be read off the text: not checked.

Questions whose `source.inferred` says how the answer was worked out are listed apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import assert_never

from . import models
from .errors import InputError, display_path
from .extract.reading import (
    Article,
    Context,
    Fact,
    Sentence,
    figures_in,
    find_facts,
    parse_article,
    sentences_of,
)
from .models import AnyQuestion, Deck, PartialDate
from .wording import counted
from .yamlparse import locate


class Status(StrEnum):
    """How a question fares against its cited passage; the value is what reports print."""

    SUPPORTED = "supported"
    INFERRED = "inferred"
    NOT_CHECKED = "not checked"
    UNSUPPORTED = "unsupported"


SUPPORTED = Status.SUPPORTED
UNSUPPORTED = Status.UNSUPPORTED
INFERRED = Status.INFERRED
NOT_CHECKED = Status.NOT_CHECKED
DESCRIPTION_WORDS = 5
"""A right choice this long, with no date or figure, is a paraphrase, not a quoted term."""


@dataclass(frozen=True)
class QuestionCheck:
    question_id: str
    status: Status
    citation: str
    detail: str
    line: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport:
    results: tuple[QuestionCheck, ...]
    paragraphs: int

    def with_status(self, status: Status) -> list[QuestionCheck]:
        return [r for r in self.results if r.status == status]

    @property
    def ok(self) -> bool:
        return not self.with_status(UNSUPPORTED)


@dataclass
class _Passage:
    text: str
    where: str
    warnings: list[str] = field(default_factory=list)


class _Unusable(Exception):
    """The citation itself is wrong (no such paragraph, span outside it)."""


def check_deck(deck: Deck, article_text: str, deck_text: str | None = None) -> CheckReport:
    """Check every question of `deck` against `article_text`; `deck_text` gives line numbers."""
    article = parse_article(article_text)
    reference = PartialDate.parse(deck.source.date) if deck.source and deck.source.date else None
    checker = _Checker(article, Context(reference=reference))
    lines = _question_lines(deck_text)
    results = []
    for index, question in enumerate(deck.questions):
        result = checker.check(question)
        results.append(QuestionCheck(result.question_id, result.status, result.citation,
                                     result.detail, lines.get(index), result.warnings))
    return CheckReport(tuple(results), len(article.paragraphs))


_SECTIONS = ((INFERRED, "Inferred (worked out, as the deck says; not failed):"),
             (NOT_CHECKED, "Not checked:"),
             (UNSUPPORTED, "Unsupported:"))


def render_check(report: CheckReport, deck_name: str, source_name: str) -> str:
    """The plain-text report `quizgen check` prints: a summary line, then what needs a look."""
    counts = {status: len(report.with_status(status)) for status in Status}
    lines = [f"{deck_name}: {len(report.results)} questions against {source_name} "
             f"({report.paragraphs} paragraphs): "
             + ", ".join(f"{count} {status}" for status, count in counts.items())]
    for status, heading in _SECTIONS:
        results = report.with_status(status)
        if results:
            lines.append(heading)
        for result in results:
            place = f"{deck_name}:{result.line}: " if status == UNSUPPORTED and result.line else ""
            lines.append(f"  {place}{result.question_id} ({result.citation}): {result.detail}")
    warned = [r for r in report.results if r.warnings]
    if warned:
        lines.append("Warnings:")
    lines.extend(f"  {result.question_id}: {warning}"
                 for result in warned for warning in result.warnings)
    return "\n".join(lines) + "\n"


def source_location(deck: Deck, deck_path: Path, given: str | None) -> str | Path:
    """The article to check against: `--source` when given, else the deck's `source.file`."""
    if given is not None:
        return given
    recorded = deck.source.file if deck.source is not None else None
    if recorded is None:
        raise InputError(f"{display_path(deck_path)}: give the article with --source "
                         "(the deck records no source.file)")
    return deck_path.parent / recorded


def failure_summary(report: CheckReport) -> str | None:
    """None when every question passed; else the one-line reason `check` exits with."""
    failed = len(report.with_status(UNSUPPORTED))
    return counted(failed, "unsupported question") if failed else None


def _question_lines(deck_text: str | None) -> dict[int, int]:
    if deck_text is None:
        return {}
    try:
        positions = locate(deck_text)
    except Exception:  # the deck was loaded from this text, so this is only belt and braces
        return {}
    return {path[1]: line + 1 for path, (line, _) in positions.values.items()
            if len(path) == 2 and path[0] == "questions" and isinstance(path[1], int)}


# ------------------------------------------------------------------ text normalisation

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                         "„": '"', "«": '"', "»": '"', "‐": "-", "‑": "-", "‒": "-",
                         "–": "-", "—": "-", "―": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Case, quote style, dash style and spacing do not change what a text says."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _strip_edges(text: str) -> str:
    return text.strip(" \"'.,;:!?()[]")


def appears(phrase: str, passage: str) -> bool:
    """`phrase` occurs in `passage` as whole words, after `normalise` on both."""
    needle = _strip_edges(normalise(phrase))
    if not needle:
        return False
    haystack = normalise(passage)
    pattern = r"(?<![\w])" + re.escape(needle) + r"(?![\w])"
    return re.search(pattern, haystack) is not None


# ------------------------------------------------------------------ the checker

_PARAGRAPH_REF = re.compile(r"¶\s*(\d+)(?:\s*(?:to|–|-|—)\s*¶?\s*(\d+))?")


@dataclass(frozen=True)
class _Result:
    question_id: str
    status: Status
    citation: str
    detail: str
    warnings: tuple[str, ...] = ()


class _Checker:
    def __init__(self, article: Article, context: Context) -> None:
        self.article = article
        self.context = context
        self._sentences: dict[int, list[Sentence]] = {}

    def sentences(self, number: int) -> list[Sentence]:
        if number not in self._sentences:
            paragraph = self.article.paragraph(number)
            self._sentences[number] = [] if paragraph is None else sentences_of(paragraph)
        return self._sentences[number]

    def check(self, question: AnyQuestion) -> _Result:
        source = question.source
        if source is None:
            return _Result(question.id, UNSUPPORTED, "no citation",
                           "cites no paragraph: add source: {paragraph: N}")
        citation = source.citation()
        try:
            passage = self.passage(question)
        except _Unusable as problem:
            return _Result(question.id, UNSUPPORTED, citation, str(problem))
        warnings = tuple(passage.warnings)
        if source.inferred:
            return _Result(question.id, INFERRED, citation, source.inferred, warnings)
        status, detail = self.judge(question, passage)
        return _Result(question.id, status, citation, detail, warnings)

    # -------------------------------------------------------------- passages

    def passage(self, question: AnyQuestion) -> _Passage:
        source = question.source
        assert source is not None
        locator = source.locator or ""
        numbers = [source.paragraph]
        for match in _PARAGRAPH_REF.finditer(locator):
            first = int(match.group(1))
            last = int(match.group(2)) if match.group(2) else first
            numbers.extend(range(first, last + 1) if last >= first else [first])
        numbers = sorted(set(numbers))
        count = len(self.article.paragraphs)
        for number in numbers:
            if self.article.paragraph(number) is None:
                raise _Unusable(f"cites ¶{number}, but the article has {count} paragraphs")
        where = ", ".join(f"¶{n}" for n in numbers)
        paragraphs = [self.article.paragraphs[n - 1] for n in numbers]
        if source.span is not None:
            return self._span_passage(source.span, source.quote, paragraphs, where)
        text = "\n\n".join(p.text for p in paragraphs)
        if locator and not _PARAGRAPH_REF.search(locator):
            hits = [s.text for n in numbers for s in self.sentences(n) if appears(locator, s.text)]
            if hits:
                return _Passage(" ".join(hits), f"{where} (the sentence with '{locator}')")
            return _Passage(text, where, [f"locator '{locator}' not found in {where}; "
                                          "the whole paragraph was checked"])
        return _Passage(text, where)

    def _span_passage(self, span: tuple[int, int], quote: str | None,
                      paragraphs: Sequence[object], where: str) -> _Passage:
        start, end = span
        text = self.article.text
        if end > len(text):
            raise _Unusable(f"span {start}–{end} runs past the end of the article "
                            f"({len(text)} characters)")
        inside = any(p.start <= start and end <= p.end for p in self.article.paragraphs
                     if p in paragraphs)
        if not inside:
            raise _Unusable(f"span {start}–{end} is not inside {where}")
        passage = text[start:end]
        if quote is not None and normalise(quote) != normalise(passage):
            raise _Unusable(f"the quote does not match the article's text at span {start}–{end}")
        return _Passage(passage, f"{where}, characters {start}–{end}")

    # -------------------------------------------------------------- judging

    def judge(self, question: AnyQuestion, passage: _Passage) -> tuple[Status, str]:
        facts = find_facts(passage.text, self.context)
        where = passage.where
        match question:
            case models.TrueFalseQuestion():
                return NOT_CHECKED, "a true/false statement cannot be read off the text"
            case models.NumericQuestion():
                numbers = figures_in(passage.text, facts)
                if any(abs(n - question.answer) <= question.tolerance for n in numbers):
                    return SUPPORTED, ""
                return UNSUPPORTED, f"the figure {question.answer_text()} is not in {where}"
            case models.DateQuestion():
                answer = question.answer_date
                if any(_date_meets(answer, f.date) for f in facts if f.date is not None):
                    return SUPPORTED, ""
                return UNSUPPORTED, f"the date {answer.words()} is not in {where}"
            case models.ShortQuestion():
                options = [question.answer, *question.alternatives]
                if any(self.part(option, passage.text, facts) == "found" for option in options):
                    return SUPPORTED, ""
                return UNSUPPORTED, f"'{question.answer}' (nor an alternative) is not in {where}"
            case models.ClozeQuestion():
                missing = [g.answer for g in question.gaps()
                           if self.part(g.answer, passage.text, facts) != "found"]
                if missing:
                    return UNSUPPORTED, f"gap {_listing(missing)} not in {where}"
                return SUPPORTED, ""
            case models.ChoiceQuestion():
                return self._parts(question.correct, passage, facts, descriptions=True,
                                   noun="right choice")
            case models.OrderQuestion():
                return self._parts(question.items, passage, facts, descriptions=None,
                                   noun="item")
            case models.MatchQuestion():
                return self._pairs(question, passage, facts)
            case _:
                assert_never(question)

    def part(self, text: str, passage: str, facts: list[Fact]) -> str:
        """'found', 'fact-missing' (a date or figure in it is not there) or 'absent'.

        Only dates and figures count as facts here: a treaty named in a description
        ("Russia leaves the mutual-assistance treaty") is wording, not a value to match.
        """
        if appears(text, passage):
            return "found"
        own = [f for f in find_facts(text, self.context) if f.kind != "treaty"]
        if not own:
            return "absent"
        if all(any(_fact_meets(mine, theirs) for theirs in facts) for mine in own):
            return "found"
        return "fact-missing"

    def _parts(self, parts: Sequence[str], passage: _Passage, facts: list[Fact],
               descriptions: bool | None, noun: str) -> tuple[Status, str]:
        missing: list[str] = []
        unchecked: list[str] = []
        for text in parts:
            result = self.part(text, passage.text, facts)
            if result == "found":
                continue
            is_description = descriptions is None or (
                result == "absent" and len(text.split()) >= DESCRIPTION_WORDS)
            if result == "absent" and is_description:
                unchecked.append(text)
            else:
                missing.append(text)
        if missing:
            return UNSUPPORTED, f"{noun} {_listing(missing)} not in {passage.where}"
        if len(unchecked) == len(parts):
            return NOT_CHECKED, f"every {noun} is a description in the deck's own words"
        return SUPPORTED, ""

    def _pairs(self, question: models.MatchQuestion, passage: _Passage,
               facts: list[Fact]) -> tuple[Status, str]:
        for pair in question.pairs:
            left = self.part(pair.left, passage.text, facts)
            right = self.part(pair.right, passage.text, facts)
            if "fact-missing" in (left, right):
                side = pair.left if left == "fact-missing" else pair.right
                return UNSUPPORTED, (f"pair '{pair.left}' → '{pair.right}': '{side}' is not in "
                                     f"{passage.where}")
            if "found" not in (left, right):
                return UNSUPPORTED, (f"pair '{pair.left}' → '{pair.right}': neither side is in "
                                     f"{passage.where}")
        return SUPPORTED, ""


def _listing(texts: Sequence[str]) -> str:
    shown = ", ".join(f"'{t}'" for t in texts)
    return shown + (" is" if len(texts) == 1 else " are")


# ------------------------------------------------------------------ equivalence

def _date_meets(answer: PartialDate, stated: PartialDate) -> bool:
    """A date answer is met by the same date, or by a more precise date inside it."""
    if answer.year != stated.year:
        return False
    if answer.month is None:
        return True
    if answer.month != stated.month:
        return False
    return answer.day is None or answer.day == stated.day


def _fact_meets(mine: Fact, theirs: Fact) -> bool:
    if mine.kind != theirs.kind:
        return False
    if mine.date is not None and theirs.date is not None:
        return _date_meets(mine.date, theirs.date)
    return mine.key == theirs.key
