"""The marking scheme `print --sheet` writes (`quiz.exam.json`), read and cross-checked.

Grading trusts this file for every position and every right answer, so a wrong or
hand-edited file must fail here with the field named, not later as a wrong grade.
Unknown keys are ignored: the printer may add fields without breaking grading.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError, display_path
from ..limits import MAX_EXAM_BYTES
from ..reading import read_regular_file
from ..textfiles import decode_utf8

EXAM_FORMAT = "quizgen-exam/1"
QR_PREFIX = "quizgen:1:"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Rect(_Model):
    """A rectangle in PDF points from the page's top-left corner, y down."""

    x: float
    y: float
    w: float = Field(gt=0)
    h: float = Field(gt=0)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)


class Paper(_Model):
    width: float = Field(gt=0)
    height: float = Field(gt=0)


class ExamQuestion(_Model):
    id: str = Field(min_length=1)
    deck: str = ""
    type: str
    points: int = Field(ge=0)


class Scoring(_Model):
    multi_answer: Literal["all-or-nothing"] = "all-or-nothing"


class ExamPage(_Model):
    page: int = Field(ge=1)
    copy_number: int = Field(ge=1, alias="copy")
    page_in_copy: int = Field(ge=1)
    qr: str = Field(min_length=1)
    marks: tuple[Rect, Rect, Rect, Rect]
    qr_box: Rect


class Student(_Model):
    id: str
    name: str = ""


class CopyQuestion(_Model):
    id: str
    number: int
    type: str
    points: int = Field(ge=0)
    kind: Literal["bubbles", "score"]
    correct: tuple[str, ...] | None = None
    choices: tuple[str, ...] | None = None


class Box(Rect):
    page: int
    question: str
    value: str


class ExamCopy(_Model):
    copy_number: int = Field(ge=1, alias="copy")
    version: str = ""
    student: Student | None = None
    pages: tuple[int, ...]
    questions: tuple[CopyQuestion, ...]
    boxes: tuple[Box, ...]


class _ExamFile(_Model):
    format: str
    exam_id: str = Field(min_length=1)
    title: str = ""
    paper: Paper
    questions: tuple[ExamQuestion, ...]
    scoring: Scoring = Scoring()
    pages: tuple[ExamPage, ...]
    copies: tuple[ExamCopy, ...]


@dataclass(frozen=True)
class Exam:
    """A checked marking scheme with the look-ups grading needs."""

    path: Path
    exam_id: str
    title: str
    paper: Paper
    questions: tuple[ExamQuestion, ...]
    scoring: Scoring
    pages: dict[int, ExamPage]
    copies: dict[int, ExamCopy]
    pages_by_qr: dict[str, ExamPage]

    def boxes_on(self, page: ExamPage) -> list[Box]:
        copy = self.copies[page.copy_number]
        return [box for box in copy.boxes if box.page == page.page]

    def copy_page(self, copy_number: int, page_in_copy: int) -> ExamPage | None:
        copy = self.copies.get(copy_number)
        if copy is None:
            return None
        for number in copy.pages:
            if self.pages[number].page_in_copy == page_in_copy:
                return self.pages[number]
        return None


def load_exam(path: Path) -> Exam:
    """Read and check `quiz.exam.json`; every problem names the file and the field."""
    shown = display_path(path)
    text = decode_utf8(read_regular_file(path, limit=MAX_EXAM_BYTES, what="exam file"), shown)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{shown}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
                         ) from None
    if not isinstance(data, dict):
        raise InputError(f"{shown}: not a quizgen exam file (expected a JSON object)")
    if data.get("format") != EXAM_FORMAT:
        found = data.get("format")
        raise InputError(f"{shown}: format: expected {EXAM_FORMAT!r}, found {found!r} "
                         "(is this the quiz.exam.json written by `quizgen print --sheet`?)")
    try:
        parsed = _ExamFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{shown}: {where}: {first['msg']}") from None
    return _cross_checked(parsed, path, shown)


def _cross_checked(parsed: _ExamFile, path: Path, shown: str) -> Exam:
    def fail(where: str, message: str) -> InputError:
        return InputError(f"{shown}: {where}: {message}")

    question_ids = [question.id for question in parsed.questions]
    for index, question_id in enumerate(question_ids):
        if question_ids.index(question_id) != index:
            raise fail(f"questions.{index}.id", f"{question_id!r} appears twice")
    pages: dict[int, ExamPage] = {}
    pages_by_qr: dict[str, ExamPage] = {}
    for index, page in enumerate(parsed.pages):
        if page.page in pages:
            raise fail(f"pages.{index}.page", f"page {page.page} appears twice")
        if page.qr in pages_by_qr:
            raise fail(f"pages.{index}.qr", f"{page.qr!r} is on two pages")
        pages[page.page] = page
        pages_by_qr[page.qr] = page
    copies: dict[int, ExamCopy] = {}
    known = set(question_ids)
    for index, copy in enumerate(parsed.copies):
        where = f"copies.{index}"
        if copy.copy_number in copies:
            raise fail(f"{where}.copy", f"copy {copy.copy_number} appears twice")
        copies[copy.copy_number] = copy
        for number in copy.pages:
            listed = pages.get(number)
            if listed is None or listed.copy_number != copy.copy_number:
                raise fail(f"{where}.pages", f"page {number} is not a page of copy "
                           f"{copy.copy_number} in `pages`")
        questions = {question.id: question for question in copy.questions}
        for q_index, question in enumerate(copy.questions):
            if question.id not in known:
                raise fail(f"{where}.questions.{q_index}.id",
                           f"{question.id!r} is not in the exam's `questions`")
            if question.kind == "bubbles" and not question.choices:
                raise fail(f"{where}.questions.{q_index}.choices", "bubbles need choices")
            if question.kind == "bubbles" and not set(question.correct or ()) <= set(
                    question.choices or ()):
                raise fail(f"{where}.questions.{q_index}.correct",
                           "every right answer must be one of the choices")
        for b_index, box in enumerate(copy.boxes):
            box_where = f"{where}.boxes.{b_index}"
            if box.page not in copy.pages:
                raise fail(f"{box_where}.page", f"page {box.page} is not in this copy's pages")
            owner = questions.get(box.question)
            if owner is None:
                raise fail(f"{box_where}.question", f"{box.question!r} is not a question "
                           "of this copy")
            allowed = (owner.choices or () if owner.kind == "bubbles"
                       else tuple(str(score) for score in range(owner.points + 1)))
            if box.value not in allowed:
                raise fail(f"{box_where}.value", f"{box.value!r} is not one of "
                           f"{', '.join(allowed)}")
    return Exam(path=path, exam_id=parsed.exam_id, title=parsed.title, paper=parsed.paper,
                questions=parsed.questions, scoring=parsed.scoring, pages=pages,
                copies=copies, pages_by_qr=pages_by_qr)
