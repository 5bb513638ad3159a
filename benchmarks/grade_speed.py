"""How fast and how right `quizgen grade` is on synthetic scans at 150, 200 and 300 dpi.

Run: python benchmarks/grade_speed.py [--pages N] [--set held-out|tune|stress] [--real]

Pages come from tests/grade_synthetic.py: an exam of 4 copies x 3 pages, random answers
(filled, ticked, crossed; blanks; faint erasures), every page degraded at random (any
quarter turn, skew up to 5°, blur, noise, JPEG, colour), shuffled, written as PNG/JPEG.
Two disjoint seed ranges: `tune` is the only set thresholds may be adjusted on;
`held-out` (the default) is never tuned on. `stress` (written after the tuning, never tuned
on) draws with light pencil, fine pens and half-erased marks on worn-copier scans: there
the point is that what is not flagged is still right. `--real` uses real sheets instead:
`quizgen print --sheet` of the shipped deck (4 copies, 2 versions), rasterised, marked at
the positions quiz.exam.json gives (also written after the tuning). Figures, not pass/fail:

- pages/s: wall clock and CPU time of grade_scans() (reading files included), OpenCV
  limited to one thread, so the figure is for one core;
- cells: of the question cells not flagged, the share equal to the marks drawn
  (target 100 %); the share of cells flagged `?` (target under 1 %);
- boxes: every box read against what was drawn; erased boxes read as marked (must be 0).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.grading import grade_scans  # noqa: E402
from quizgen.grading.table import grades_csv  # noqa: E402
from tests.grade_synthetic import (  # noqa: E402
    HARD_PEN,
    Answers,
    Image,
    Pen,
    degrade,
    expected_row,
    hard_degradation,
    make_exam,
    many_questions,
    mark_pages,
    random_answers,
    random_degradation,
    rasterise,
    render_page,
    write_exam,
    write_image,
)

SEED_BASE = {"held-out": 20_000, "tune": 10_000, "stress": 30_000}
DPIS = (150, 200, 300)
QUESTIONS = 72
"""72 questions in rows of up to 6 boxes fill three pages a copy."""


def synthetic_exam(rng: random.Random, name: str) -> tuple[dict[str, Any], Callable[..., Image]]:
    """An exam of our own and a page drawer for it."""
    exam = make_exam(copies=4, questions=many_questions(QUESTIONS), exam_id=name,
                     seed=rng.randrange(10**6))

    def draw(number: int, dpi: float, answers: Answers, pen: Pen) -> Image:
        return render_page(exam, number, dpi, answers, rng, pen)

    return exam, draw


def real_exam(folder: Path, dpi: float, rng: random.Random
              ) -> tuple[dict[str, Any], Callable[..., Image]]:
    """The shipped deck printed with --sheet, and a drawer marking its rasterised pages."""
    from quizgen.loading import load_decks
    from quizgen.printing import PrintOptions, print_quiz
    from quizgen.printing.sheet import exam_path

    quiz = folder / "quiz.pdf"
    print_quiz(load_decks([ROOT / "decks" / "putin-kim-2024.yaml"]), quiz,
               PrintOptions(sheet=True, versions=2, copies=4, seed=str(rng.randrange(10**6))))
    exam: dict[str, Any] = json.loads(exam_path(quiz).read_text(encoding="utf-8"))
    blank = rasterise(quiz, dpi)

    def draw(number: int, dpi: float, answers: Answers, pen: Pen) -> Image:
        page = {number: blank[number].copy()}
        copy = next(entry for entry in exam["copies"] if number in entry["pages"])
        only = {"copies": [{**copy, "boxes": [box for box in copy["boxes"]
                                              if box["page"] == number]}]}
        mark_pages(only, page, dpi, rng, {copy["copy"]: answers}, pen)
        return page[number]

    return exam, draw


def measure(dpi: int, pages_wanted: int, seed: int, show: bool = False,
            stress: bool = False, real: bool = False) -> dict[str, float]:
    rng = random.Random(seed)
    pen = HARD_PEN if stress else Pen()
    scanner = hard_degradation if stress else random_degradation
    totals = {"pages": 0.0, "wall": 0.0, "cpu": 0.0, "cells": 0.0, "flagged": 0.0,
              "wrong": 0.0, "boxes": 0.0, "box_wrong": 0.0, "erased": 0.0,
              "erased_marked": 0.0, "unplaced": 0.0}
    exam_number = 0
    while totals["pages"] < pages_wanted:
        exam_number += 1
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            exam, draw = (real_exam(base, dpi, rng) if real
                          else synthetic_exam(rng, f"bench-{seed}-{exam_number}"))
            exam_path = write_exam(exam, base / "quiz.exam.json")
            expected, drawn, images = [], {}, []
            for copy in exam["copies"]:
                answers = random_answers(copy, rng)
                drawn[copy["copy"]] = answers
                expected.append(expected_row(exam, copy, answers))
                for number in copy["pages"]:
                    images.append(degrade(draw(number, dpi, answers, pen), scanner(rng), rng))
            rng.shuffle(images)
            scans = [write_image(image, base / f"{index:03d}.{rng.choice(['png', 'jpg'])}")
                     for index, image in enumerate(images)]
            wall, cpu = time.perf_counter(), time.process_time()
            grading = grade_scans(scans, exam_path)
            totals["wall"] += time.perf_counter() - wall
            totals["cpu"] += time.process_time() - cpu
            totals["pages"] += len(scans)
            totals["unplaced"] += len(grading.rejected) + len(grading.unlocated)
            rows = list(csv.DictReader(io.StringIO(grades_csv(grading.exam, grading.copies))))
            for row, want in zip(rows, expected, strict=True):
                for question in exam["questions"]:
                    totals["cells"] += 1
                    if row[question["id"]] == "?":
                        totals["flagged"] += 1
                    elif row[question["id"]] != want[question["id"]]:
                        totals["wrong"] += 1
            for copy in grading.copies:
                answers = drawn[copy.copy.copy_number]
                for page in copy.pages:
                    for reading in page.boxes:
                        key = (reading.box.question, reading.box.value)
                        totals["boxes"] += 1
                        truth = "marked" if key in answers.marks else "empty"
                        if reading.state != truth:
                            totals["box_wrong"] += 1
                            if show:
                                style = answers.marks.get(key, "erased" if key in
                                                          answers.erased else "blank")
                                print(f"  {dpi} dpi {page.scan.source.name} {key}: drawn "
                                      f"{style}, read {reading.state} ({reading.fill:.3f})")
                        if key in answers.erased:
                            totals["erased"] += 1
                            totals["erased_marked"] += reading.state == "marked"
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=120, help="pages per resolution")
    parser.add_argument("--set", choices=sorted(SEED_BASE), default="held-out")
    parser.add_argument("--show", action="store_true", help="list every box misread")
    parser.add_argument("--real", action="store_true", help="real print --sheet pages")
    arguments = parser.parse_args()
    cv2.setNumThreads(1)
    kind = "real print --sheet pages" if arguments.real else "synthetic pages"
    print(f"set {arguments.set}, {arguments.pages}+ {kind} per resolution, one OpenCV thread")
    print("| dpi | pages | pages/s (wall) | pages/s (CPU) | non-flagged cells right | "
          "cells flagged | boxes misread | erased read as marked | pages not placed |")
    print("|---|---|---|---|---|---|---|---|---|")
    for dpi in DPIS:
        t = measure(dpi, arguments.pages, SEED_BASE[arguments.set] + dpi, arguments.show,
                    stress=arguments.set == "stress", real=arguments.real)
        decided = t["cells"] - t["flagged"]
        print(f"| {dpi} | {t['pages']:.0f} | {t['pages'] / t['wall']:.1f} | "
              f"{t['pages'] / t['cpu']:.1f} | "
              f"{100 * (decided - t['wrong']) / decided:.2f} % ({t['wrong']:.0f} wrong) | "
              f"{100 * t['flagged'] / t['cells']:.2f} % of {t['cells']:.0f} | "
              f"{t['box_wrong']:.0f} of {t['boxes']:.0f} | "
              f"{t['erased_marked']:.0f} of {t['erased']:.0f} | {t['unplaced']:.0f} |")


if __name__ == "__main__":
    main()
