"""Answer sheets: numbered or personalised copies, page QR codes, and `quiz.exam.json`.

The template draws the corner marks, QR codes and boxes and tells us where it put
them (Typst `metadata`, read back with a query); this module never re-derives a
position from the layout. exam.json is the marking scheme `quizgen grade` reads
(docs/reference/exam-json.md documents it field by field).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, display_path
from ..limits import MAX_CLASS_LIST_BYTES
from ..models import type_name
from ..reading import read_regular_file
from ..selection import QuizVersion, SelectedQuestion
from ..textfiles import decode_utf8

EXAM_FORMAT = "quizgen-exam/1"
QR_PREFIX = "quizgen:1"
MAX_SHEET_POINTS = 20
"""A row of score boxes 0 … points: more than this would not fit on a line or two."""
MAX_COPIES = 1000
BUBBLE_TYPES = ("choice", "truefalse")
BOX_LABEL = "<qg-box>"
PAGE_LABEL = "<qg-page>"


@dataclass(frozen=True)
class Student:
    """A row of the class list: printed on its copy and recorded in quiz.exam.json."""

    id: str
    name: str

    def as_data(self) -> dict[str, str]:
        """The student as quiz.exam.json and the Typst template hold it."""
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Copy:
    """One printed copy: its number (from 1), the version it shows, and its student."""

    number: int
    version: int
    student: Student | None


def exam_path(output: Path) -> Path:
    """quiz.pdf → quiz.exam.json, beside it."""
    return output.with_name(f"{output.stem}.exam.json")


def plan_copies(
    versions: int, copies: int | None, students: Sequence[Student] | None
) -> list[Copy]:
    """One copy per student, else `copies` numbered copies, else one per version.

    Copies cycle through the versions (A, B, C, A, …) so neighbours differ.
    """
    if students is not None:
        return [
            Copy(index + 1, index % versions, student) for index, student in enumerate(students)
        ]
    count = versions if copies is None else copies
    if not 1 <= count <= MAX_COPIES:
        raise InputError(f"--copies must be between 1 and {MAX_COPIES}, not {count}")
    return [Copy(index + 1, index % versions, None) for index in range(count)]


def read_class_list(path: Path) -> list[Student]:
    """students.csv with columns `id,name` (a header row), one student per line."""
    shown = display_path(path)
    text = decode_utf8(read_regular_file(path, limit=MAX_CLASS_LIST_BYTES, what="class list"),
                       shown)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(rows, None)
        if header is None:
            raise InputError(
                f"{shown}: empty; expected a header line 'id,name' and one student a line"
            )
        columns = [cell.strip().casefold() for cell in header]
        if "id" not in columns or "name" not in columns:
            raise InputError(
                f"{shown}:1: the header must name the columns 'id' and 'name'"
                f" (found: {', '.join(header) or 'nothing'})"
            )
        id_column, name_column = columns.index("id"), columns.index("name")
        students: list[Student] = []
        first_line: dict[str, int] = {}
        for row in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(columns):
                raise InputError(
                    f"{shown}:{line}: {len(row)} fields where the header has {len(columns)}"
                )
            student_id, name = row[id_column].strip(), row[name_column].strip()
            if not student_id:
                raise InputError(f"{shown}:{line}: field 'id' is empty")
            if not name:
                raise InputError(f"{shown}:{line}: field 'name' is empty")
            if student_id in first_line:
                raise InputError(
                    f"{shown}:{line}: field 'id': '{student_id}' is already used on line"
                    f" {first_line[student_id]}"
                )
            first_line[student_id] = line
            students.append(Student(student_id, name))
    except csv.Error as error:
        raise InputError(f"{shown}:{rows.line_num}: not valid CSV: {error}") from None
    if not students:
        raise InputError(f"{shown}: no students listed under the header")
    if len(students) > MAX_COPIES:
        raise InputError(f"{shown}: {len(students)} students; at most {MAX_COPIES}")
    return students


def check_points(selection: Sequence[SelectedQuestion]) -> None:
    """Score boxes need a short row: refuse questions worth too much for one."""
    for selected in selection:
        question = selected.question
        if type_name(question) in BUBBLE_TYPES:
            continue
        if question.points > MAX_SHEET_POINTS:
            where = f"{display_path(selected.loaded.path)}: question '{question.id}'"
            raise InputError(
                f"{where}: {question.points} points; an answer sheet has a row of score boxes"
                f" 0 … points, at most {MAX_SHEET_POINTS} (lower 'points' or print without --sheet)"
            )


def exam_id(data: Mapping[str, Any], seed: str) -> str:
    """12 hex characters from the printed content and the seed: same exam, same id."""
    material = json.dumps({"data": data, "seed": seed}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:12]


def qr_text(exam: str, copy: int, page_in_copy: int) -> str:
    return f"{QR_PREFIX}:{exam}:{copy}:{page_in_copy}"


def qr_name(copy: int, page_in_copy: int) -> str:
    """Where the template finds a page's QR code in the compile root."""
    return f"qr/{copy}-{page_in_copy}.svg"


def qr_svg(text: str) -> bytes:
    """The QR code as SVG, with its 4-module quiet zone, error correction M or better."""
    import segno  # only answer sheets need it; keeps `print` without --sheet quick to start

    code = segno.make(text, error="m", micro=False, boost_error=True)
    out = io.BytesIO()
    code.save(out, kind="svg", border=4, scale=1, xmldecl=False, nl=False)
    return out.getvalue()


def qr_files(exam: str, pages: Sequence[Mapping[str, Any]]) -> dict[str, bytes]:
    """One QR code per laid-out page, as the first pass reported them."""
    return {
        qr_name(page["copy"], page["page_in_copy"]): qr_svg(
            qr_text(exam, page["copy"], page["page_in_copy"])
        )
        for page in pages
    }


def question_keys(selection: Sequence[SelectedQuestion]) -> dict[tuple[str, str], str]:
    """(deck, id) → the id exam.json uses: the question id, or `deck/id` when two decks
    share an id, so grades.csv columns stay unique."""
    counts: dict[str, int] = {}
    for selected in selection:
        counts[selected.question.id] = counts.get(selected.question.id, 0) + 1
    return {
        selected.key: (
            selected.question.id
            if counts[selected.question.id] == 1
            else f"{selected.deck_id}/{selected.question.id}"
        )
        for selected in selection
    }


def build_exam(
    *,
    exam: str,
    title: str,
    selection: Sequence[SelectedQuestion],
    versions: Sequence[QuizVersion],
    copies: Sequence[Copy],
    data: Mapping[str, Any],
    queried: Mapping[str, list[Any]],
) -> dict[str, Any]:
    """exam.json as Python data: the template's reported pages and boxes, and per copy
    its version, student, question order and answers."""
    keys = question_keys(selection)
    pages = sorted(queried.get(PAGE_LABEL, []), key=lambda page: page["page"])
    if not pages:
        raise InputError(
            "the template drew no answer-sheet pages; --sheet needs the built-in template"
            " or one that reports its pages and boxes (see docs/reference/exam-json.md)"
        )
    boxes_by_copy: dict[int, list[dict[str, Any]]] = {copy.number: [] for copy in copies}
    id_of = {(key[0], key[1]): value for key, value in keys.items()}
    for box in queried.get(BOX_LABEL, []):
        boxes_by_copy[box["copy"]].append(
            {
                "page": box["page"],
                "x": _points(box["x"]),
                "y": _points(box["y"]),
                "w": _points(box["w"]),
                "h": _points(box["h"]),
                "question": id_of[(box["deck"], box["id"])],
                "value": box["value"],
            }
        )
    first = pages[0]
    return {
        "format": EXAM_FORMAT,
        "exam_id": exam,
        "title": title,
        "paper": {"width": _points(first["width"]), "height": _points(first["height"])},
        "questions": [
            {
                "id": keys[selected.key],
                "deck": selected.deck_id,
                "type": type_name(selected.question),
                "points": selected.question.points,
            }
            for selected in selection
        ],
        "scoring": {"multi_answer": "all-or-nothing"},
        "pages": [_page_entry(exam, page) for page in pages],
        "copies": [
            _copy_entry(copy, versions, data, keys, pages, boxes_by_copy[copy.number])
            for copy in copies
        ],
    }


def exam_json(exam: Mapping[str, Any]) -> str:
    return json.dumps(exam, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _page_entry(exam: str, page: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "page": page["page"],
        "copy": page["copy"],
        "page_in_copy": page["page_in_copy"],
        "blank": page["blank"],
        "qr": qr_text(exam, page["copy"], page["page_in_copy"]),
        "marks": [_rect(mark) for mark in page["marks"]],
        "qr_box": _rect(page["qr_box"]),
    }


def _copy_entry(
    copy: Copy,
    versions: Sequence[QuizVersion],
    data: Mapping[str, Any],
    keys: Mapping[tuple[str, str], str],
    pages: Sequence[Mapping[str, Any]],
    boxes: list[dict[str, Any]],
) -> dict[str, Any]:
    version = versions[copy.version]
    printed = data["versions"][copy.version]["questions"]
    return {
        "copy": copy.number,
        "version": version.label,
        "student": None if copy.student is None else copy.student.as_data(),
        "pages": [
            page["page"] for page in pages if page["copy"] == copy.number and not page["blank"]
        ],
        "questions": [
            _copy_question(item.selected, shown, keys)
            for item, shown in zip(version.items, printed, strict=True)
        ],
        "boxes": sorted(boxes, key=lambda box: (box["page"], box["y"], box["x"])),
    }


def _copy_question(
    selected: SelectedQuestion, shown: Mapping[str, Any], keys: Mapping[tuple[str, str], str]
) -> dict[str, Any]:
    kind = shown["type"]
    correct: list[str] | None = None
    choices: list[str] | None = None
    if kind == "choice":
        choices = [choice["letter"] for choice in shown["choices"]]
        correct = [choice["letter"] for choice in shown["choices"] if choice["correct"]]
    elif kind == "truefalse":
        choices = ["true", "false"]
        correct = ["true" if shown["truth"] else "false"]
    return {
        "id": keys[selected.key],
        "number": shown["number"],
        "type": kind,
        "points": shown["points"],
        "kind": "bubbles" if kind in BUBBLE_TYPES else "score",
        "correct": correct,
        "choices": choices,
    }


def _rect(value: Mapping[str, Any]) -> dict[str, float]:
    return {key: _points(value[key]) for key in ("x", "y", "w", "h")}


def _points(value: float) -> float:
    """Typst lengths in points, rounded so the JSON is the same on every machine."""
    rounded = round(float(value), 3)
    return int(rounded) if rounded == int(rounded) else rounded

