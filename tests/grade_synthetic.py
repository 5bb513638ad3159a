"""Synthetic answer sheets for the grading tests and benchmark.

Builds a `quiz.exam.json` of our own (the contract `print --sheet` follows: corner
marks, a QR code per page, bubbles and score boxes in PDF points from the top-left),
draws its pages as a scanner would see them, fills in answers the way students and
teachers do (filled, ticked, crossed, and faint erasures that must not count), and
degrades the result (rotation, skew, blur, noise, JPEG). Every drawing is driven by
the coordinates in the exam data, exactly as a test on real sheets would be.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2
import segno

Image = npt.NDArray[np.uint8]
Style = Literal["fill", "tick", "cross"]

A4 = (595.0, 842.0)
MARK_SIDE = 14.0
MARK_INSET = 28.0
QR_BOX = (455.0, 60.0, 80.0, 80.0)
BOX_SIDE = 11.0
ROW_GAP = 24.0
FIRST_ROW = 170.0
LAST_ROW = 780.0
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class QuestionSpec:
    id: str
    type: str
    points: int
    choices: int = 0
    right: int = 1
    """How many choices are right (choice questions)."""


DEFAULT_QUESTIONS = (
    QuestionSpec("capital", "choice", 1, choices=4),
    QuestionSpec("visit-gap", "numeric", 2),
    QuestionSpec("treaty-true", "truefalse", 1),
    QuestionSpec("members", "choice", 2, choices=5, right=2),
    QuestionSpec("year", "date", 1),
    QuestionSpec("leader", "choice", 1, choices=3),
    QuestionSpec("summit-short", "short", 3),
    QuestionSpec("border", "truefalse", 1),
)


def many_questions(count: int) -> tuple[QuestionSpec, ...]:
    """`count` questions cycling through the kinds above (ids made unique)."""
    return tuple(QuestionSpec(f"{spec.id}-{index}", spec.type, spec.points, spec.choices,
                              spec.right)
                 for index in range(count)
                 for spec in [DEFAULT_QUESTIONS[index % len(DEFAULT_QUESTIONS)]])


def make_exam(copies: int = 2, questions: tuple[QuestionSpec, ...] = DEFAULT_QUESTIONS,
              exam_id: str = "synthetic-1", versions: int = 2, seed: int = 1,
              students: bool = True) -> dict[str, Any]:
    """An exam.json dict: each version shuffles question order and which letters are right."""
    rng = random.Random(seed)
    width, height = A4
    version_plans = []
    for version in range(versions):
        order = list(questions)
        if version:
            rng.shuffle(order)
        correct: dict[str, list[str]] = {}
        for spec in questions:
            if spec.type == "choice":
                correct[spec.id] = sorted(rng.sample(LETTERS[:spec.choices], spec.right))
            elif spec.type == "truefalse":
                correct[spec.id] = [rng.choice(["true", "false"])]
        version_plans.append((chr(ord("A") + version), order, correct))
    pages: list[dict[str, Any]] = []
    copy_entries: list[dict[str, Any]] = []
    for copy_number in range(1, copies + 1):
        label, order, correct = version_plans[(copy_number - 1) % versions]
        copy_questions: list[dict[str, Any]] = []
        boxes: list[dict[str, Any]] = []
        page_in_copy, y = 1, FIRST_ROW
        copy_pages = [_page_entry(pages, exam_id, copy_number, page_in_copy)]
        for number, spec in enumerate(order, start=1):
            if y > LAST_ROW:
                page_in_copy += 1
                y = FIRST_ROW - 60
                copy_pages.append(_page_entry(pages, exam_id, copy_number, page_in_copy))
            values = _values(spec)
            kind = "score" if spec.type not in ("choice", "truefalse") else "bubbles"
            copy_questions.append({
                "id": spec.id, "number": number, "type": spec.type, "points": spec.points,
                "kind": kind, "correct": correct.get(spec.id),
                "choices": values if kind == "bubbles" else None,
            })
            for index, value in enumerate(values):
                boxes.append({"page": copy_pages[-1]["page"], "x": 300.0 + index * 26.0,
                              "y": y, "w": BOX_SIDE, "h": BOX_SIDE, "question": spec.id,
                              "value": value})
            y += ROW_GAP
        student = {"id": f"s{copy_number:02d}", "name": f"Student {copy_number}"}
        copy_entries.append({
            "copy": copy_number, "version": label, "student": student if students else None,
            "pages": [entry["page"] for entry in copy_pages], "questions": copy_questions,
            "boxes": boxes,
        })
    return {
        "format": "quizgen-exam/1", "exam_id": exam_id, "title": "Synthetic quiz",
        "paper": {"width": width, "height": height},
        "questions": [{"id": spec.id, "deck": "synthetic", "type": spec.type,
                       "points": spec.points} for spec in questions],
        "scoring": {"multi_answer": "all-or-nothing"},
        "pages": pages, "copies": copy_entries,
    }


def _values(spec: QuestionSpec) -> list[str]:
    if spec.type == "choice":
        return list(LETTERS[:spec.choices])
    if spec.type == "truefalse":
        return ["true", "false"]
    return [str(score) for score in range(spec.points + 1)]


def _page_entry(pages: list[dict[str, Any]], exam_id: str, copy_number: int,
                page_in_copy: int) -> dict[str, Any]:
    width, height = A4
    inset, side = MARK_INSET, MARK_SIDE
    corners = [(inset, inset), (width - inset - side, inset),
               (width - inset - side, height - inset - side), (inset, height - inset - side)]
    entry = {
        "page": len(pages) + 1, "copy": copy_number, "page_in_copy": page_in_copy,
        "qr": f"quizgen:1:{exam_id}:{copy_number}:{page_in_copy}",
        "marks": [{"x": x, "y": y, "w": side, "h": side} for x, y in corners],
        "qr_box": dict(zip("xywh", QR_BOX, strict=True)),
    }
    pages.append(entry)
    return entry


def write_exam(exam: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(exam, indent=1), encoding="utf-8")
    return path


# ---------------------------------------------------------------- answers


@dataclass
class Answers:
    """What one copy's boxes hold: real marks by (question, value), and faint erasures."""

    marks: dict[tuple[str, str], Style] = field(default_factory=dict)
    erased: set[tuple[str, str]] = field(default_factory=set)

    def expected_cell(self, question: dict[str, Any]) -> str:
        values = [value for value in (question["choices"] or _score_values(question))
                  if (question["id"], value) in self.marks]
        if all(len(value) == 1 for value in values):
            return "".join(values)
        return "+".join(values)


def _score_values(question: dict[str, Any]) -> list[str]:
    return [str(score) for score in range(question["points"] + 1)]


def random_answers(copy: dict[str, Any], rng: random.Random, erase_rate: float = 0.15,
                   blank_rate: float = 0.1) -> Answers:
    """Plausible answers: mostly one choice, some blanks, some multi, teacher scores ticked."""
    answers = Answers()
    for question in copy["questions"]:
        values = question["choices"] or _score_values(question)
        style: Style = rng.choice(["fill", "fill", "tick", "cross"])
        if question["kind"] == "score":
            chosen = [rng.choice(values)]
            style = rng.choice(["tick", "cross", "fill"])
        elif rng.random() < blank_rate:
            chosen = []
        elif question["correct"] and len(question["correct"]) > 1 and rng.random() < 0.6:
            chosen = list(question["correct"]) if rng.random() < 0.6 else rng.sample(values, 2)
        else:
            chosen = [rng.choice(values)]
        for value in chosen:
            answers.marks[(question["id"], value)] = style
        rest = [value for value in values if value not in chosen]
        if rest and rng.random() < erase_rate:
            answers.erased.add((question["id"], rng.choice(rest)))
    return answers


def expected_row(exam: dict[str, Any], copy: dict[str, Any], answers: Answers
                 ) -> dict[str, str]:
    """The grades.csv row these answers must give (no flags expected)."""
    cells = {question["id"]: answers.expected_cell(question) for question in copy["questions"]}
    score = 0
    for question in copy["questions"]:
        cell = cells[question["id"]]
        if question["kind"] == "score":
            score += int(cell)
        else:
            chosen = {value for value in question["choices"]
                      if (question["id"], value) in answers.marks}
            if chosen and chosen == set(question["correct"]):
                score += question["points"]
    row = {"copy": str(copy["copy"]), "student": copy["student"]["id"] if copy["student"] else "",
           "version": copy["version"], "score": str(score),
           "max_score": str(sum(q["points"] for q in copy["questions"])), "flags": ""}
    for question in exam["questions"]:
        row[question["id"]] = cells.get(question["id"], "")
    return row


# ---------------------------------------------------------------- drawing


@dataclass(frozen=True)
class Pen:
    """How students and teachers write: ink darkness (0 black, 255 paper), stroke width,
    and how dark an eraser leaves a mark."""

    ink: tuple[int, int] = (10, 90)
    stroke_pt: tuple[float, float] = (1.0, 1.8)
    erased: tuple[int, int] = (195, 225)


HARD_PEN = Pen(ink=(60, 150), stroke_pt=(0.6, 1.2), erased=(175, 215))
"""Light pencil, fine pens and half-hearted erasing: the stress set."""


def render_page(exam: dict[str, Any], page_number: int, dpi: float,
                answers: Answers | None = None, rng: random.Random | None = None,
                pen: Pen = Pen()) -> Image:
    """A clean grey page at `dpi` with the answers drawn in (pen/pencil darkness varies)."""
    rng = rng or random.Random(page_number)
    scale = dpi / 72
    width, height = A4
    image = np.full((round(height * scale), round(width * scale)), 255, dtype=np.uint8)
    page = next(entry for entry in exam["pages"] if entry["page"] == page_number)
    copy = next(entry for entry in exam["copies"] if entry["copy"] == page["copy"])
    for mark in page["marks"]:
        _fill_rect(image, mark, scale, 0)
    _draw_qr(image, page["qr"], page["qr_box"], scale)
    _clutter(image, scale, copy, page_number)
    for box in copy["boxes"]:
        if box["page"] != page_number:
            continue
        _outline(image, box, scale)
        _label(image, box, scale)
        if answers is None:
            continue
        key = (box["question"], box["value"])
        if key in answers.erased:
            draw_erasure(image, box, scale, rng, pen)
        if key in answers.marks:
            draw_mark(image, box, scale, answers.marks[key], rng, pen)
    return image


def _px(value: float, scale: float) -> int:
    return round(value * scale)


def _fill_rect(image: Image, rect: dict[str, float], scale: float, level: int) -> None:
    cv2.rectangle(image, (_px(rect["x"], scale), _px(rect["y"], scale)),
                  (_px(rect["x"] + rect["w"], scale) - 1, _px(rect["y"] + rect["h"], scale) - 1),
                  level, -1)


def _draw_qr(image: Image, text: str, box: dict[str, float], scale: float) -> None:
    """The code with a 4-module quiet zone, filling `box` (quiet zone included)."""
    matrix = np.array(segno.make(text, error="m", micro=False).matrix, dtype=np.uint8)
    modules = matrix.shape[0] + 8
    module_pt = box["w"] / modules
    for row, column in zip(*np.nonzero(matrix), strict=True):
        x = box["x"] + (column + 4) * module_pt
        y = box["y"] + (row + 4) * module_pt
        _fill_rect(image, {"x": x, "y": y, "w": module_pt, "h": module_pt}, scale, 0)


def _outline(image: Image, box: dict[str, float], scale: float) -> None:
    """A 1 pt black outline centred on the box's edges, as the printed sheet has."""
    cv2.rectangle(image, (_px(box["x"], scale), _px(box["y"], scale)),
                  (_px(box["x"] + box["w"], scale), _px(box["y"] + box["h"], scale)),
                  0, max(1, _px(1.0, scale)), cv2.LINE_AA)


def _label(image: Image, box: dict[str, float], scale: float) -> None:
    text = box["value"][:1].upper() if box["value"] in ("true", "false") else box["value"]
    cv2.putText(image, text, (_px(box["x"] + box["w"] + 2, scale),
                              _px(box["y"] + box["h"] - 1, scale)),
                cv2.FONT_HERSHEY_SIMPLEX, 0.022 * scale * 3, 0, max(1, _px(0.6, scale)),
                cv2.LINE_AA)


def _clutter(image: Image, scale: float, copy: dict[str, Any], page_number: int) -> None:
    """Printed text: a title, a name box and a prompt line beside every row of boxes."""
    font = cv2.FONT_HERSHEY_SIMPLEX
    cv2.putText(image, f"Synthetic quiz - copy {copy['copy']}", (_px(60, scale), _px(80, scale)),
                font, 0.9 * scale / 3, 0, max(1, _px(0.9, scale)), cv2.LINE_AA)
    cv2.rectangle(image, (_px(60, scale), _px(95, scale)), (_px(400, scale), _px(125, scale)),
                  0, max(1, _px(0.8, scale)))
    rows = sorted({box["y"] for box in copy["boxes"] if box["page"] == page_number})
    for number, y in enumerate(rows, start=1):
        cv2.putText(image, f"{number}. Which of these is right about item {number}?",
                    (_px(60, scale), _px(y + 9, scale)), font, 0.45 * scale / 3, 0,
                    max(1, _px(0.5, scale)), cv2.LINE_AA)


def draw_mark(image: Image, box: dict[str, float], scale: float, style: Style,
              rng: random.Random, pen: Pen = Pen()) -> None:
    """A student's or teacher's mark: a filled blob, a tick or a cross, pen or pencil dark."""
    level = rng.randint(*pen.ink)
    x, y, w, h = box["x"], box["y"], box["w"], box["h"]

    def point(fx: float, fy: float) -> tuple[int, int]:
        jitter = 0.06
        return (_px(x + w * (fx + rng.uniform(-jitter, jitter)), scale),
                _px(y + h * (fy + rng.uniform(-jitter, jitter)), scale))

    if style == "fill":
        coverage = rng.uniform(0.7, 1.0)
        centre = point(0.5, 0.5)
        axes = (_px(w / 2 * coverage, scale), _px(h / 2 * coverage, scale))
        cv2.ellipse(image, centre, axes, rng.uniform(0, 180), 0, 360, level, -1, cv2.LINE_AA)
        return
    thickness = max(1, _px(rng.uniform(*pen.stroke_pt), scale))
    if style == "tick":
        points = np.array([point(0.15, 0.55), point(0.42, 0.85), point(0.95, 0.05)], np.int32)
        cv2.polylines(image, [points], False, level, thickness, cv2.LINE_AA)
    else:
        cv2.line(image, point(0.1, 0.1), point(0.9, 0.9), level, thickness, cv2.LINE_AA)
        cv2.line(image, point(0.9, 0.1), point(0.1, 0.9), level, thickness, cv2.LINE_AA)


def draw_erasure(image: Image, box: dict[str, float], scale: float, rng: random.Random,
                 pen: Pen = Pen()) -> None:
    """What an eraser leaves of a filled bubble: a pale smudge, well lighter than any ink."""
    level = rng.randint(*pen.erased)
    centre = (_px(box["x"] + box["w"] / 2, scale), _px(box["y"] + box["h"] / 2, scale))
    axes = (_px(box["w"] * 0.45, scale), _px(box["h"] * 0.45, scale))
    smudge = image.copy()
    cv2.ellipse(smudge, centre, axes, rng.uniform(0, 180), 0, 360, level, -1, cv2.LINE_AA)
    np.minimum(image, smudge, out=image)


# ---------------------------------------------------------------- real sheets


def rasterise(pdf: Path, dpi: float) -> dict[int, Image]:
    """Every page of quiz.pdf in grey, as a scanner would capture the printed sheet."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = {}
        for index in range(len(document)):
            array = document[index].render(scale=dpi / 72, grayscale=True).to_numpy()
            pages[index + 1] = np.array(array[:, :, 0] if array.ndim == 3 else array)
        return pages
    finally:
        document.close()


def mark_pages(exam: dict[str, Any], pages: dict[int, Image], dpi: float, rng: random.Random,
               answers_for: dict[int, Answers], pen: Pen = Pen()) -> None:
    """Draw each copy's answers (and erasures) into its pages, at exam.json's coordinates."""
    scale = dpi / 72
    for copy in exam["copies"]:
        answers = answers_for[copy["copy"]]
        for box in copy["boxes"]:
            key = (box["question"], box["value"])
            if key in answers.erased:
                draw_erasure(pages[box["page"]], box, scale, rng, pen)
            if key in answers.marks:
                draw_mark(pages[box["page"]], box, scale, answers.marks[key], rng, pen)


# ---------------------------------------------------------------- scanning


@dataclass(frozen=True)
class Degradation:
    quarter_turns: int = 0
    skew_deg: float = 0.0
    blur_px: float = 0.0
    noise: float = 0.0
    jpeg_quality: int | None = None
    colour: bool = False
    paper_level: int = 255


def random_degradation(rng: random.Random) -> Degradation:
    """A scan as it comes out of a school copier: any way up, a little skewed, noisy."""
    return Degradation(
        quarter_turns=rng.randrange(4),
        skew_deg=rng.uniform(-5, 5),
        blur_px=rng.uniform(0, 1.2),
        noise=rng.uniform(0, 8),
        jpeg_quality=rng.choice([None, 50, 70, 90]),
        colour=rng.random() < 0.3,
        paper_level=rng.randint(225, 255),
    )


def degrade(image: Image, how: Degradation, rng: random.Random) -> Image:
    """The page as a scanner returns it; colour pages come back BGR."""
    page = image.astype(np.float32) * (how.paper_level / 255)
    page = page.clip(0, 255).astype(np.uint8)
    if how.skew_deg:
        height, width = page.shape
        margin = round(0.02 * max(height, width))
        page = cv2.copyMakeBorder(page, margin, margin, margin, margin, cv2.BORDER_CONSTANT,
                                  value=how.paper_level)
        centre = (page.shape[1] / 2, page.shape[0] / 2)
        rotation = cv2.getRotationMatrix2D(centre, how.skew_deg, 1.0)
        page = cv2.warpAffine(page, rotation, (page.shape[1], page.shape[0]),
                              flags=cv2.INTER_LINEAR, borderValue=how.paper_level)
    if how.blur_px:
        page = cv2.GaussianBlur(page, (0, 0), how.blur_px)
    if how.noise:
        noisy = page.astype(np.float32) + np.asarray(
            np.random.default_rng(rng.randrange(2**32)).normal(0, how.noise, page.shape),
            dtype=np.float32)
        page = noisy.clip(0, 255).astype(np.uint8)
    page = np.rot90(page, how.quarter_turns).copy()
    if how.colour:
        colour = cv2.cvtColor(page, cv2.COLOR_GRAY2BGR).astype(np.float32)
        colour *= np.array([0.97, 1.0, 1.02], dtype=np.float32)
        page = colour.clip(0, 255).astype(np.uint8)
    if how.jpeg_quality is not None:
        ok, data = cv2.imencode(".jpg", page, [cv2.IMWRITE_JPEG_QUALITY, how.jpeg_quality])
        assert ok
        flag = cv2.IMREAD_COLOR if how.colour else cv2.IMREAD_GRAYSCALE
        page = np.asarray(cv2.imdecode(data, flag), dtype=np.uint8)
    return page


def hard_degradation(rng: random.Random) -> Degradation:
    """A worn copier: more blur and noise, heavy JPEG, grey paper (the stress set)."""
    return Degradation(
        quarter_turns=rng.randrange(4),
        skew_deg=rng.uniform(-5, 5),
        blur_px=rng.uniform(0.8, 2.0),
        noise=rng.uniform(6, 14),
        jpeg_quality=rng.choice([25, 35, 50]),
        colour=rng.random() < 0.3,
        paper_level=rng.randint(200, 240),
    )


def write_image(image: Image, path: Path) -> Path:
    ok, data = cv2.imencode(path.suffix, image)
    assert ok, path
    path.write_bytes(data.tobytes())
    return path
