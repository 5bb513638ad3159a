"""From box readings to each copy's answers, flags and score — never guessing.

Rules (documented in docs/guides/grading.md):
- bubbles: the cell lists the marked choices; full points only if the marked set
  is exactly the right set (all-or-nothing, also for multi-answer questions);
  a blank question scores 0 and its cell stays empty.
- score boxes: the one ticked box is the points; none or several ticked is flagged.
- anything unclear, unscored, unscanned or unlocated puts `?` in the cell, names it
  in `flags` and leaves the copy's score empty. `scanned-twice` is only a note when
  both scans read the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .exam import CopyQuestion, Exam, ExamCopy
from .marks import BoxReading
from .pages import PageRead, PageUnlocated

UNDECIDED = "?"
NOTE_FLAGS = ("scanned-twice",)
"""Flags that inform but do not hold the score back."""


@dataclass(frozen=True)
class QuestionResult:
    question: CopyQuestion
    cell: str
    points: int | None
    """None while undecided (flagged)."""
    readings: tuple[BoxReading, ...]


@dataclass(frozen=True)
class CopyResult:
    copy: ExamCopy
    questions: tuple[QuestionResult, ...]
    flags: tuple[str, ...]
    score: int | None
    max_score: int
    pages: tuple[PageRead, ...]
    """The readings used, in page order (for annotating)."""
    scanned: bool

    def cell(self, question_id: str) -> str:
        for result in self.questions:
            if result.question.id == question_id:
                return result.cell
        return ""


def score_copies(exam: Exam, read: Sequence[PageRead], unlocated: Sequence[PageUnlocated]
                 ) -> list[CopyResult]:
    """One result per copy in exam.json, in copy order, whatever order the scans came in."""
    reads_by_page: dict[int, list[PageRead]] = {}
    for reading in read:
        reads_by_page.setdefault(reading.page.page, []).append(reading)
    unlocated_pages = {item.page.page for item in unlocated}
    return [_score_copy(exam, copy, reads_by_page, unlocated_pages)
            for _, copy in sorted(exam.copies.items())]


def _score_copy(exam: Exam, copy: ExamCopy, reads_by_page: dict[int, list[PageRead]],
                unlocated_pages: set[int]) -> CopyResult:
    pages = sorted((exam.pages[number] for number in copy.pages),
                   key=lambda page: page.page_in_copy)
    max_score = sum(question.points for question in copy.questions)
    scanned = any(page.page in reads_by_page or page.page in unlocated_pages for page in pages)
    if not scanned:
        blank = tuple(QuestionResult(question, "", None, ()) for question in copy.questions)
        return CopyResult(copy, blank, ("not-scanned",), None, max_score, (), False)
    flags: list[str] = []
    used: list[PageRead] = []
    readings: dict[str, list[BoxReading]] = {}
    unread_pages: set[int] = set()
    conflicting: set[str] = set()
    for page in pages:
        scans = reads_by_page.get(page.page, [])
        if not scans:
            flags.append(f"{'unlocated' if page.page in unlocated_pages else 'missing'}-page:"
                         f"{page.page_in_copy}")
            unread_pages.add(page.page)
            continue
        if len(scans) > 1:
            flags.append(f"scanned-twice:{page.page_in_copy}")
            conflicting |= _differing_questions(scans)
        used.append(scans[0])
        for reading in scans[0].boxes:
            readings.setdefault(reading.box.question, []).append(reading)
    results: list[QuestionResult] = []
    for question in sorted(copy.questions, key=lambda q: q.number):
        boxes = [box for box in copy.boxes if box.question == question.id]
        if any(box.page in unread_pages for box in boxes):
            results.append(QuestionResult(question, UNDECIDED, None, ()))
            continue
        found = tuple(readings.get(question.id, ()))
        if question.id in conflicting:
            flags.append(f"scans-differ:{question.id}")
            results.append(QuestionResult(question, UNDECIDED, None, found))
            continue
        result, flag = score_question(question, found)
        results.append(result)
        if flag:
            flags.append(flag)
    blocking = [flag for flag in flags if flag.split(":")[0] not in NOTE_FLAGS]
    score = None if blocking else sum(result.points or 0 for result in results)
    return CopyResult(copy, tuple(results), tuple(flags), score, max_score, tuple(used), True)


def score_question(question: CopyQuestion, readings: tuple[BoxReading, ...]
                   ) -> tuple[QuestionResult, str | None]:
    """The cell, points and flag (if any) of one question from its boxes' readings."""
    if any(reading.state == "unclear" for reading in readings):
        return QuestionResult(question, UNDECIDED, None, readings), f"unclear:{question.id}"
    marked = [reading.box.value for reading in readings if reading.state == "marked"]
    if question.kind == "score":
        if len(marked) != 1:
            flag = "unscored" if not marked else "several-scores"
            return QuestionResult(question, UNDECIDED, None, readings), f"{flag}:{question.id}"
        points = min(int(marked[0]), question.points)
        return QuestionResult(question, marked[0], points, readings), None
    order = list(question.choices or ())
    chosen = sorted(set(marked), key=order.index)
    right = set(question.correct or ()) == set(chosen)
    points = question.points if right and chosen else 0
    return QuestionResult(question, answer_text(chosen), points, readings), None


def answer_text(values: list[str]) -> str:
    """`AC` for letters; values longer than one character are joined with `+` (`AA+AB`)."""
    if all(len(value) == 1 for value in values):
        return "".join(values)
    return "+".join(values)


def _differing_questions(scans: list[PageRead]) -> set[str]:
    first = {(reading.box.question, reading.box.value): reading.state
             for reading in scans[0].boxes}
    differing: set[str] = set()
    for other in scans[1:]:
        for reading in other.boxes:
            key = (reading.box.question, reading.box.value)
            if first.get(key) != reading.state:
                differing.add(reading.box.question)
    return differing
