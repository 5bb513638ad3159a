"""`--annotate DIR`: one PDF per copy, the scan set upright with what grading saw on it.

Each page is warped back to the printed page (upright, deskewed) so the drawing is
done in page points: every box in a colour saying what it was read as, each
question's points in the left margin, and the copy's score at the top of its first page.
Green: marked and right. Red: marked and wrong. Blue: the right answer, not marked.
Magenta: unclear or not decided (see the flags).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from ..atomic import write_bytes_atomic
from .exam import Exam, ExamPage, Rect
from .imagepdf import JpegPage, jpeg_pdf
from .scans import Image, scan_page
from .scoring import CopyResult, QuestionResult

PX_PER_PT = 150 / 72
JPEG_QUALITY = 80
HEADER_X_PT = 60.0
"""The header starts clear of the top-left corner mark, so annotated copies grade again."""
VERDICT_X_PT = 4.0
"""Points per question go in the left margin, level with the question's first box."""
GREEN, RED, BLUE, MAGENTA = (40, 150, 40), (30, 30, 220), (200, 90, 20), (180, 40, 200)
Colour = tuple[int, int, int]


def write_annotated(exam: Exam, copies: Sequence[CopyResult], folder: Path) -> list[Path]:
    """One PDF per scanned copy, named `copy-NNN[-student].pdf`; returns the paths."""
    written: list[Path] = []
    for result in copies:
        if not result.scanned:
            continue
        pages = [_page(exam, result, page, first=index == 0)
                 for index, page in enumerate(_copy_pages(exam, result))]
        path = folder / annotated_name(result)
        write_bytes_atomic(path, jpeg_pdf(pages))
        written.append(path)
    return written


def annotated_name(result: CopyResult) -> str:
    student = result.copy.student.id if result.copy.student else ""
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", student).strip("-.")
    return f"copy-{result.copy.copy_number:03d}{'-' + safe if safe else ''}.pdf"


def _copy_pages(exam: Exam, result: CopyResult) -> list[ExamPage]:
    return sorted((exam.pages[number] for number in result.copy.pages),
                  key=lambda page: page.page_in_copy)


def _page(exam: Exam, result: CopyResult, page: ExamPage, first: bool) -> JpegPage:
    width = round(exam.paper.width * PX_PER_PT)
    height = round(exam.paper.height * PX_PER_PT)
    reading = next((used for used in result.pages if used.page.page == page.page), None)
    if reading is None:
        canvas = np.full((height, width, 3), 255, dtype=np.uint8)
        _text(canvas, f"Page {page.page_in_copy} was not scanned or could not be located.",
              (60, 200), MAGENTA, 14)
    else:
        scan = scan_page(reading.scan.source, reading.scan.index, colour=True).image
        to_page = np.diag([1 / PX_PER_PT, 1 / PX_PER_PT, 1.0])
        canvas = np.asarray(cv2.warpPerspective(
            scan, reading.fix.homography @ to_page, (width, height),
            flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderValue=(255, 255, 255)),
            dtype=np.uint8)
        for question in result.questions:
            _question(canvas, question, page)
    if first:
        _header(canvas, result)
    ok, encoded = cv2.imencode(".jpg", canvas, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:  # pragma: no cover - OpenCV encodes any 8-bit BGR image
        raise RuntimeError("JPEG encoding failed")
    return JpegPage(encoded.tobytes(), width, height, exam.paper.width, exam.paper.height)


def _question(canvas: Image, result: QuestionResult, page: ExamPage) -> None:
    question = result.question
    on_page = [reading for reading in result.readings if reading.box.page == page.page]
    if not on_page:
        return
    right = set(question.correct or ())
    for reading in on_page:
        value = reading.box.value
        if reading.state == "unclear" or (result.points is None and reading.state == "marked"):
            colour: Colour | None = MAGENTA
        elif reading.state == "marked":
            colour = GREEN if question.kind == "score" or value in right else RED
        elif question.kind == "bubbles" and value in right:
            colour = BLUE
        else:
            colour = None
        if colour is not None:
            _rectangle(canvas, reading.box, colour)
    first = min(on_page, key=lambda reading: (reading.box.y, reading.box.x)).box
    if result.points is None:
        verdict, colour = "?", MAGENTA
    else:
        verdict = f"{result.points}/{question.points}"
        colour = GREEN if result.points == question.points else RED
    _text(canvas, verdict, (VERDICT_X_PT, first.y + first.h), colour, 10)


def _header(canvas: Image, result: CopyResult) -> None:
    copy = result.copy
    who = f" {copy.student.id}" if copy.student else ""
    score = (f"score {result.score}/{result.max_score}" if result.score is not None
             else "score pending: " + ";".join(result.flags))
    _text(canvas, f"Copy {copy.copy_number}{who} version {copy.version}: {score}",
          (HEADER_X_PT, 20), MAGENTA if result.score is None else BLUE, 11)


def _rectangle(canvas: Image, box: Rect, colour: Colour) -> None:
    grow = 2.0
    top_left = (round((box.x - grow) * PX_PER_PT), round((box.y - grow) * PX_PER_PT))
    bottom_right = (round((box.x + box.w + grow) * PX_PER_PT),
                    round((box.y + box.h + grow) * PX_PER_PT))
    cv2.rectangle(canvas, top_left, bottom_right, colour, max(1, round(1.2 * PX_PER_PT)),
                  cv2.LINE_AA)


def _text(canvas: Image, text: str, at: tuple[float, float], colour: Colour,
          size_pt: float) -> None:
    """Hershey fonts know ASCII only; anything else is shown as '?'."""
    shown = text.encode("ascii", "replace").decode("ascii")
    scale = size_pt * PX_PER_PT / 22
    cv2.putText(canvas, shown, (round(at[0] * PX_PER_PT), round(at[1] * PX_PER_PT)),
                cv2.FONT_HERSHEY_SIMPLEX, scale, colour, max(1, round(scale * 2)), cv2.LINE_AA)
