"""Grading real answer sheets: `print --sheet` PDFs rasterised, marked by exam.json, degraded.

The sheets come from the shipped deck through the real printer; marks are drawn where
quiz.exam.json says the boxes are; the scans are turned, skewed, blurred, noised,
JPEG-compressed, shuffled and mixed into PDFs and images. Every cell, flag and score of
grades.csv is checked against the marks drawn.
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2
import pytest

from quizgen.grading import Grading, grade_scans, write_grades
from quizgen.grading.imagepdf import JpegPage, jpeg_pdf
from quizgen.grading.table import grades_csv
from quizgen.loading import load_decks
from quizgen.printing import PrintOptions, print_quiz
from quizgen.printing.sheet import exam_path

from .conftest import SHIPPED_DECKS
from .grade_synthetic import (
    Answers,
    Degradation,
    degrade,
    expected_row,
    mark_pages,
    random_answers,
    random_degradation,
    rasterise,
    write_image,
)

Image = np.ndarray
STUDENTS = "id,name\ns01,Ada Lovelace\ns02,Émile Zola\n=s03,Grace <b>Hopper</b>\n"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """Three personalised copies, two versions, 20 questions of the shipped deck."""
    folder = tmp_path_factory.mktemp("sheets")
    (folder / "students.csv").write_text(STUDENTS, encoding="utf-8")
    quiz = folder / "quiz.pdf"
    decks = load_decks([SHIPPED_DECKS / "putin-kim-2024.yaml"])
    print_quiz(decks, quiz, PrintOptions(sheet=True, versions=2, count=20,
                                         class_list=folder / "students.csv"))
    exam = json.loads(exam_path(quiz).read_text(encoding="utf-8"))
    return quiz, exam


def rows_of(grading: Grading) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(grades_csv(grading.exam, grading.copies))))


def to_pdf(images: list[Image], dpi: float) -> bytes:
    pages = []
    for image in images:
        colour = image.ndim == 3
        ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
        assert ok
        height, width = image.shape[:2]
        pages.append(JpegPage(jpeg.tobytes(), width, height, width * 72 / dpi,
                              height * 72 / dpi, colour=colour))
    return jpeg_pdf(pages)


@pytest.mark.parametrize(("dpi", "seed"), [(150, 1), (300, 2)])
def test_a_class_pile_is_graded_cell_by_cell(printed: tuple[Path, dict[str, Any]],
                                              tmp_path: Path, dpi: int, seed: int) -> None:
    quiz, exam = printed
    rng = random.Random(seed)
    pages = rasterise(quiz, dpi)
    answers_for = {copy["copy"]: random_answers(copy, rng, erase_rate=0.3)
                   for copy in exam["copies"]}
    mark_pages(exam, pages, dpi, rng, answers_for)
    scanned = [degrade(image, random_degradation(rng), rng) for image in pages.values()]
    rng.shuffle(scanned)  # blank back pages included, as a duplex scanner returns them
    half = len(scanned) // 2
    (tmp_path / "tray-1.pdf").write_bytes(to_pdf(scanned[:half], dpi))
    images = [write_image(image, tmp_path / f"tray-2-{index}.{'png' if index % 2 else 'jpg'}")
              for index, image in enumerate(scanned[half:])]
    grading = grade_scans([tmp_path / "tray-1.pdf", *images], exam_path(quiz))
    assert not grading.rejected and not grading.unlocated
    expected = [expected_row(exam, copy, answers_for[copy["copy"]]) for copy in exam["copies"]]
    expected[2]["student"] = "'" + expected[2]["student"]  # a formula is defused
    assert rows_of(grading) == expected
    assert sum(len(answers.erased) for answers in answers_for.values()) >= 5


def test_upside_down_sideways_and_maximally_skewed_copy(printed: tuple[Path, dict[str, Any]],
                                                         tmp_path: Path) -> None:
    quiz, exam = printed
    rng = random.Random(7)
    pages = rasterise(quiz, 200)
    copy = exam["copies"][1]
    answers = random_answers(copy, rng, erase_rate=0.5)
    mark_pages(exam, pages, 200, rng, {copy["copy"]: answers, 1: Answers(), 3: Answers()})
    scans = []
    for index, number in enumerate(reversed(copy["pages"])):
        how = Degradation(quarter_turns=[2, 1, 3, 0][index % 4], skew_deg=[5, -5][index % 2],
                          blur_px=1.0, noise=6, jpeg_quality=45, paper_level=232)
        scans.append(write_image(degrade(pages[number], how, rng), tmp_path / f"{index}.jpg"))
    row = rows_of(grade_scans(scans, exam_path(quiz)))[1]
    assert row == expected_row(exam, copy, answers)


def test_awkward_piles_are_flagged_never_guessed(printed: tuple[Path, dict[str, Any]],
                                                  tmp_path: Path) -> None:
    """Copy 1 loses a page, copy 2 has a page twice and a torn one, a stray page is mixed in."""
    quiz, exam = printed
    rng = random.Random(3)
    pages = rasterise(quiz, 150)
    answers_for = {copy["copy"]: random_answers(copy, rng) for copy in exam["copies"]}
    mark_pages(exam, pages, 150, rng, answers_for)
    first, second, third = exam["copies"]
    torn = pages[third["pages"][1]]
    height, width = torn.shape
    cv2.fillPoly(torn, [np.array([[width, height], [width - 200, height], [width, height - 200]])],
                 255)
    scans = [write_image(pages[number], tmp_path / f"p{number}.png")
             for number in first["pages"][:-1] + second["pages"] + third["pages"]]
    scans.append(write_image(np.rot90(pages[second["pages"][0]], 2).copy(),
                             tmp_path / "again.png"))
    other = tmp_path / "other.pdf"
    print_quiz(load_decks([SHIPPED_DECKS / "putin-kim-2024.yaml"]), other,
               PrintOptions(sheet=True, count=5, seed="another"))
    stray = next(iter(rasterise(other, 150).values()))
    scans.append(write_image(stray, tmp_path / "stray.png"))
    grading = grade_scans(scans, exam_path(quiz))
    rows = rows_of(grading)
    last = len(first["pages"])
    assert rows[0]["flags"] == f"missing-page:{last}" and rows[0]["score"] == ""
    on_last = {box["question"] for box in first["boxes"] if box["page"] == first["pages"][-1]}
    assert all(rows[0][question] == "?" for question in on_last)
    assert rows[1]["flags"] == "scanned-twice:1"
    assert rows[1]["score"] == expected_row(exam, second, answers_for[2])["score"]
    assert rows[2]["flags"] == "unlocated-page:2" and rows[2]["score"] == ""
    other_id = json.loads(exam_path(other).read_text(encoding="utf-8"))["exam_id"]
    assert [(item.scan.source.name, item.reason) for item in grading.rejected] == [
        ("stray.png", f"a page of another exam ({other_id}), not {exam['exam_id']}")]


def test_annotated_copies_return_the_scan_with_the_score(printed: tuple[Path, dict[str, Any]],
                                                          tmp_path: Path) -> None:
    quiz, exam = printed
    rng = random.Random(5)
    pages = rasterise(quiz, 150)
    answers_for = {copy["copy"]: random_answers(copy, rng) for copy in exam["copies"]}
    mark_pages(exam, pages, 150, rng, answers_for)
    scans = [write_image(image, tmp_path / f"p{number}.png") for number, image in pages.items()]
    written = write_grades(grade_scans(scans, exam_path(quiz)), tmp_path / "grades.csv",
                           tmp_path / "returned")
    names = sorted(path.name for path in written)
    assert names == ["copy-001-s01.pdf", "copy-002-s02.pdf", "copy-003-s03.pdf",
                     "grades.csv"]
    document = pypdfium2.PdfDocument(tmp_path / "returned" / "copy-001-s01.pdf")
    try:
        assert len(document) == len(exam["copies"][0]["pages"])
        first = document[0].render(scale=1).to_numpy()[:, :, :3]
    finally:
        document.close()
    header = first[:30, :, :].astype(int)
    blue = (header[:, :, 0] > 150) & (header[:, :, 2] < 80)
    assert blue.sum() > 30  # "Copy 1 s01 version A: score n/m" drawn at the top
