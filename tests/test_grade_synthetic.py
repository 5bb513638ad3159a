"""`quizgen grade` on synthetic scans: pages drawn from an exam.json we build, marked, degraded.

Every cell of grades.csv is checked against the marks drawn; the awkward cases (a
missing page, one scanned twice, a page of another exam, a torn corner, an erased or
half-made mark, two ticked scores) must be flagged, never guessed.
"""

from __future__ import annotations

import csv
import io
import os
import random
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytest

from quizgen.errors import InputError
from quizgen.grading import grade_scans, write_grades
from quizgen.grading.imagepdf import JpegPage, jpeg_pdf
from quizgen.grading.table import grades_csv

from .grade_synthetic import (
    A4,
    Answers,
    Degradation,
    degrade,
    expected_row,
    make_exam,
    many_questions,
    random_answers,
    random_degradation,
    render_page,
    write_exam,
    write_image,
)


def _rows(grading: Any) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(grades_csv(grading.exam, grading.copies))))


def _scan_pile(tmp_path: Path, exam: dict[str, Any], dpi: float, seed: int,
               how: Degradation | None = None) -> tuple[list[Path], list[dict[str, str]]]:
    """Every page of every copy, marked at random, degraded, as PNG/JPEG in shuffled order."""
    rng = random.Random(seed)
    expected = []
    pages: list[tuple[int, Any]] = []
    for copy in exam["copies"]:
        answers = random_answers(copy, rng)
        expected.append(expected_row(exam, copy, answers))
        for number in copy["pages"]:
            image = render_page(exam, number, dpi, answers, rng)
            pages.append((number, degrade(image, how or random_degradation(rng), rng)))
    rng.shuffle(pages)
    paths = [write_image(image, tmp_path / f"scan-{index:02d}.{'jpg' if index % 2 else 'png'}")
             for index, (_, image) in enumerate(pages)]
    return paths, expected


@pytest.mark.parametrize(("dpi", "seed"), [(150, 11), (200, 12), (300, 13)])
def test_every_cell_of_degraded_scans_is_read(tmp_path: Path, dpi: int, seed: int) -> None:
    exam = make_exam(copies=4, seed=seed)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    scans, expected = _scan_pile(tmp_path, exam, dpi, seed)
    grading = grade_scans(scans, exam_path)
    assert not grading.rejected and not grading.unlocated
    assert _rows(grading) == expected


@pytest.mark.parametrize("turns", [0, 1, 2, 3])
@pytest.mark.parametrize("skew", [-5.0, 5.0])
def test_any_quarter_turn_with_the_largest_skew(tmp_path: Path, turns: int, skew: float) -> None:
    exam = make_exam(copies=1, seed=turns)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    how = Degradation(quarter_turns=turns, skew_deg=skew, blur_px=0.8, noise=5, jpeg_quality=60)
    scans, expected = _scan_pile(tmp_path, exam, 150, seed=turns, how=how)
    assert _rows(grade_scans(scans, exam_path)) == expected


def _one_copy(tmp_path: Path, answers: Answers, dpi: float = 200, **exam_options: Any
              ) -> tuple[dict[str, Any], Path, list[Any]]:
    exam = make_exam(copies=1, **exam_options)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    rng = random.Random(3)
    images = [render_page(exam, number, dpi, answers, rng) for number in exam["copies"][0]["pages"]]
    return exam, exam_path, images


def _all_right(exam: dict[str, Any], copy_index: int = 0) -> Answers:
    answers = Answers()
    for question in exam["copies"][copy_index]["questions"]:
        values = question["correct"] or [str(question["points"])]
        for value in values:
            answers.marks[(question["id"], value)] = "fill"
    return answers


def test_faint_erasures_never_count_as_marks(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    answers = _all_right(exam)
    for question in exam["copies"][0]["questions"]:
        for value in question["choices"] or []:
            if (question["id"], value) not in answers.marks:
                answers.erased.add((question["id"], value))
    _, exam_path, images = _one_copy(tmp_path, answers)
    rng = random.Random(4)
    scans = [write_image(degrade(image, Degradation(skew_deg=2, blur_px=1, noise=6,
                                                    jpeg_quality=50), rng), tmp_path / f"p{i}.jpg")
             for i, image in enumerate(images)]
    grading = grade_scans(scans, exam_path)
    erased = [reading for page in grading.copies[0].pages for reading in page.boxes
              if (reading.box.question, reading.box.value) in answers.erased]
    assert len(erased) >= 10
    assert all(reading.state != "marked" for reading in erased)
    row = _rows(grading)[0]
    assert row["score"] == row["max_score"] and row["flags"] == ""


def test_a_half_made_mark_is_unclear_and_holds_the_score_back(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    answers = _all_right(exam)
    _, exam_path, images = _one_copy(tmp_path, answers)
    question = next(q for q in exam["copies"][0]["questions"] if q["id"] == "capital")
    wrong = next(v for v in question["choices"] if v not in question["correct"])
    box = next(b for b in exam["copies"][0]["boxes"]
               if b["question"] == "capital" and b["value"] == wrong)
    scale = 200 / 72
    centre = (round((box["x"] + box["w"] / 2) * scale), round((box["y"] + box["h"] / 2) * scale))
    page_index = exam["copies"][0]["pages"].index(box["page"])
    cv2.circle(images[page_index], centre, round(1.1 * scale), 40, -1)
    scans = [write_image(image, tmp_path / f"p{i}.png") for i, image in enumerate(images)]
    row = _rows(grade_scans(scans, exam_path))[0]
    assert row["capital"] == "?"
    assert row["flags"] == "unclear:capital"
    assert row["score"] == ""


def test_scores_ticked_twice_or_not_at_all_are_flagged(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    answers = _all_right(exam)
    answers.marks[("visit-gap", "0")] = "tick"
    del answers.marks[("summit-short", "3")]
    _, exam_path, images = _one_copy(tmp_path, answers)
    scans = [write_image(image, tmp_path / f"p{i}.png") for i, image in enumerate(images)]
    row = _rows(grade_scans(scans, exam_path))[0]
    assert (row["visit-gap"], row["summit-short"]) == ("?", "?")
    assert row["flags"] == "several-scores:visit-gap;unscored:summit-short"
    assert row["score"] == ""


def test_multi_answer_questions_are_all_or_nothing(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    answers = _all_right(exam)
    members = next(q for q in exam["copies"][0]["questions"] if q["id"] == "members")
    del answers.marks[("members", members["correct"][0])]
    _, exam_path, images = _one_copy(tmp_path, answers)
    scans = [write_image(image, tmp_path / f"p{i}.png") for i, image in enumerate(images)]
    row = _rows(grade_scans(scans, exam_path))[0]
    assert row["members"] == members["correct"][1]
    assert int(row["score"]) == int(row["max_score"]) - members["points"]


def test_pdf_and_multipage_tiff_scans_in_any_order(tmp_path: Path) -> None:
    exam = make_exam(copies=3, questions=many_questions(40))
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    rng = random.Random(8)
    expected, pages = [], []
    for copy in exam["copies"]:
        answers = random_answers(copy, rng)
        expected.append(expected_row(exam, copy, answers))
        pages += [degrade(render_page(exam, n, 200, answers, rng), random_degradation(rng), rng)
                  for n in copy["pages"]]
    assert len(pages) >= 6
    rng.shuffle(pages)
    grey = [image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
            for image in pages]
    half = len(grey) // 2
    ok, tiff = cv2.imencodemulti(".tiff", grey[:half])
    assert ok
    (tmp_path / "pile.tiff").write_bytes(tiff.tobytes())
    pdf_pages = []
    for image in grey[half:]:
        ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 85])
        height, width = image.shape
        pdf_pages.append(JpegPage(jpeg.tobytes(), width, height, width * 72 / 200,
                                  height * 72 / 200, colour=False))
    (tmp_path / "pile.pdf").write_bytes(jpeg_pdf(pdf_pages))
    grading = grade_scans([tmp_path / "pile.pdf", tmp_path / "pile.tiff"], exam_path)
    assert grading.pages == len(pages)
    assert _rows(grading) == expected


def _graded_pile(tmp_path: Path, copies: int = 2) -> tuple[dict[str, Any], Path,
                                                            dict[int, np.ndarray]]:
    exam = make_exam(copies=copies, questions=many_questions(30))
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    rng = random.Random(9)
    images = {}
    for index, copy in enumerate(exam["copies"]):
        answers = _all_right(exam, index)
        for number in copy["pages"]:
            images[number] = render_page(exam, number, 150, answers, rng)
    return exam, exam_path, images


def test_missing_page_twice_scanned_page_and_a_page_of_another_exam(tmp_path: Path) -> None:
    exam, exam_path, images = _graded_pile(tmp_path)
    first, second = exam["copies"]
    assert len(first["pages"]) == 2
    scans = [write_image(images[n], tmp_path / f"p{n}.png") for n in images
             if n != first["pages"][1]]
    scans.append(write_image(images[second["pages"][0]], tmp_path / "again.png"))
    other = make_exam(copies=1, exam_id="another-quiz")
    scans.append(write_image(render_page(other, 1, 150), tmp_path / "stray.png"))
    grading = grade_scans(scans, exam_path)
    rows = _rows(grading)
    assert rows[0]["flags"] == "missing-page:2"
    assert rows[0]["score"] == ""
    on_missing = {box["question"] for box in first["boxes"] if box["page"] == first["pages"][1]}
    assert on_missing and all(rows[0][question] == "?" for question in on_missing)
    assert rows[1]["flags"] == "scanned-twice:1"
    assert rows[1]["score"] == rows[1]["max_score"]
    assert [(item.scan.source.name, item.reason) for item in grading.rejected] == [
        ("stray.png", "a page of another exam (another-quiz), not synthetic-1")]


def test_a_torn_corner_leaves_the_page_unlocated(tmp_path: Path) -> None:
    _, exam_path, images = _graded_pile(tmp_path, copies=1)
    torn = images[1].copy()
    scale = 150 / 72
    cv2.fillPoly(torn, [np.array([[0, 0], [round(90 * scale), 0], [0, round(90 * scale)]])], 255)
    scans = [write_image(torn, tmp_path / "p1.png"), write_image(images[2], tmp_path / "p2.png")]
    grading = grade_scans(scans, exam_path)
    row = _rows(grading)[0]
    assert row["flags"] == "unlocated-page:1"
    assert [item.scan.source.name for item in grading.unlocated] == ["p1.png"]


def test_a_smudged_qr_code_is_read_after_locating_the_page(tmp_path: Path) -> None:
    exam, exam_path, images = _graded_pile(tmp_path, copies=1)
    page = images[1].copy()
    scale = 150 / 72
    x, y, w, h = (exam["pages"][0]["qr_box"][k] for k in "xywh")
    noise = np.random.default_rng(1).random((round(h * scale), round(w * scale))) < 0.04
    region = page[round(y * scale):round(y * scale) + noise.shape[0],
                  round(x * scale):round(x * scale) + noise.shape[1]]
    region[noise[:region.shape[0], :region.shape[1]]] = 128
    rotated = np.rot90(page, 1).copy()
    scans = [write_image(rotated, tmp_path / "p1.png"), write_image(images[2], tmp_path / "p2.png")]
    row = _rows(grade_scans(scans, exam_path))[0]
    assert row["flags"] == "" and row["score"] == row["max_score"]


def test_a_destroyed_qr_code_is_reported_not_guessed(tmp_path: Path) -> None:
    exam, exam_path, images = _graded_pile(tmp_path, copies=1)
    page = images[1].copy()
    scale = 150 / 72
    x, y, w, h = (exam["pages"][0]["qr_box"][k] for k in "xywh")
    cv2.rectangle(page, (round(x * scale), round(y * scale)),
                  (round((x + w) * scale), round((y + h / 2) * scale)), 255, -1)
    scans = [write_image(page, tmp_path / "p1.png"), write_image(images[2], tmp_path / "p2.png")]
    grading = grade_scans(scans, exam_path)
    assert _rows(grading)[0]["flags"] == "missing-page:1"
    assert [item.scan.source.name for item in grading.rejected] == ["p1.png"]
    assert "QR code unreadable" in grading.rejected[0].reason


def test_copies_never_scanned_get_a_row_without_a_score(tmp_path: Path) -> None:
    exam, exam_path, images = _graded_pile(tmp_path, copies=2)
    scans = [write_image(images[n], tmp_path / f"p{n}.png") for n in exam["copies"][0]["pages"]]
    rows = _rows(grade_scans(scans, exam_path))
    assert rows[1]["flags"] == "not-scanned" and rows[1]["score"] == ""
    assert rows[1]["max_score"] == rows[0]["max_score"]


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    _, exam_path, images = _graded_pile(tmp_path, copies=1)
    scans = [write_image(images[n], tmp_path / f"p{n}.png") for n in images]
    outputs = []
    for run in range(2):
        grading = grade_scans(scans, exam_path)
        write_grades(grading, tmp_path / f"grades{run}.csv", tmp_path / f"notes{run}")
        outputs.append(((tmp_path / f"grades{run}.csv").read_bytes(),
                        (tmp_path / f"notes{run}" / "copy-001-s01.pdf").read_bytes()))
    assert outputs[0] == outputs[1]


def test_annotated_pdf_shows_the_marks_in_colour(tmp_path: Path) -> None:
    import pypdf
    import pypdfium2 as pdfium

    exam, exam_path, images = _graded_pile(tmp_path, copies=1)
    scans = [write_image(images[n], tmp_path / f"p{n}.png") for n in images]
    write_grades(grade_scans(scans, exam_path), tmp_path / "grades.csv", tmp_path / "notes")
    path = tmp_path / "notes" / "copy-001-s01.pdf"
    assert len(pypdf.PdfReader(path).pages) == len(exam["copies"][0]["pages"])
    document = pdfium.PdfDocument(path)
    rendered = document[0].render(scale=2).to_numpy()[:, :, :3].astype(int)
    document.close()
    width, height = A4
    copy = exam["copies"][0]
    first = next(q for q in copy["questions"] if q["kind"] == "bubbles")
    box = next(b for b in copy["boxes"] if (b["question"], b["value"]) == (first["id"],
                                                                           first["correct"][0]))
    assert box["page"] == copy["pages"][0]
    x0, y0 = round((box["x"] - 3) * 2), round((box["y"] - 3) * 2)
    around = rendered[y0:y0 + round((box["h"] + 6) * 2), x0:x0 + round((box["w"] + 6) * 2)]
    green = (around[:, :, 1] > 120) & (around[:, :, 0] < 90) & (around[:, :, 2] < 90)
    assert green.sum() > 20
    assert rendered.shape[:2] == (round(height * 2), round(width * 2))


def test_unreadable_scan_is_an_error_naming_it(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    bad = tmp_path / "scan.png"
    bad.write_text("not an image")
    with pytest.raises(InputError, match=r"scan\.png: not a PDF, PNG, JPEG or TIFF file"):
        grade_scans([bad], exam_path)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    with pytest.raises(InputError, match=r"broken\.png: cannot decode the image"):
        grade_scans([broken], exam_path)
    fake_pdf = tmp_path / "fake.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4\ngarbage")
    with pytest.raises(InputError, match=r"fake\.pdf: not a readable PDF"):
        grade_scans([fake_pdf], exam_path)


@pytest.mark.parametrize(("change", "message"), [
    (lambda e: e.update(format="quizgen-exam/9"), r"format: expected 'quizgen-exam/1'"),
    (lambda e: e["copies"][0]["boxes"][0].update(value="Z"),
     r"copies\.0\.boxes\.0\.value: 'Z' is not one of A, B, C, D"),
    (lambda e: e["copies"][0]["boxes"][0].update(page=99),
     r"copies\.0\.boxes\.0\.page: page 99 is not in this copy's pages"),
    (lambda e: e["pages"][0].pop("marks"), r"pages\.0\.marks: Field required"),
    (lambda e: e["questions"].append(dict(e["questions"][0])),
     r"questions\.8\.id: 'capital' appears twice"),
])
def test_a_wrong_exam_file_is_an_error_naming_the_field(tmp_path: Path, change: Any,
                                                        message: str) -> None:
    exam = make_exam(copies=1, versions=1)
    change(exam)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    with pytest.raises(InputError, match=r"quiz\.exam\.json: " + message):
        grade_scans([], exam_path)


def test_exam_file_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "quiz.exam.json"
    path.write_text('{"format": "quizgen-exam/1",\n  oops}')
    with pytest.raises(InputError, match=r"quiz\.exam\.json:2:3: not valid JSON"):
        grade_scans([], path)


def test_grading_its_own_annotated_copies_gives_the_same_grades(tmp_path: Path) -> None:
    """The re-run over its own output: annotated PDFs are upright scans with marks and QR."""
    exam = make_exam(copies=3)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    scans, expected = _scan_pile(tmp_path, exam, 200, seed=21)
    first = grade_scans(scans, exam_path)
    annotated = write_grades(first, tmp_path / "grades.csv", tmp_path / "notes")[:-1]
    assert len(annotated) == 3
    again = grade_scans(annotated, exam_path)
    assert _rows(again) == _rows(first) == expected


def test_a_fifo_is_refused_and_a_symlink_followed(tmp_path: Path) -> None:
    _, exam_path, images = _graded_pile(tmp_path, copies=1)
    scans = [write_image(images[n], tmp_path / f"p{n}.png") for n in images]
    link = tmp_path / "link.png"
    link.symlink_to(scans[0])
    grading = grade_scans([link, scans[1]], exam_path)
    assert _rows(grading)[0]["score"] == _rows(grading)[0]["max_score"]
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"pipe\.png: scan is not a regular file \(a FIFO"):
        grade_scans([fifo, *scans], exam_path)


def test_two_scans_of_a_page_that_disagree_leave_the_question_undecided(tmp_path: Path) -> None:
    """A page rescanned after a correction, with the old scan left in the pile."""
    exam = make_exam(copies=1)
    answers = _all_right(exam)
    _, exam_path, before = _one_copy(tmp_path, answers)
    capital = next(q for q in exam["copies"][0]["questions"] if q["id"] == "capital")
    wrong = next(value for value in capital["choices"] if value not in capital["correct"])
    answers.marks[("capital", wrong)] = "cross"
    rng = random.Random(2)
    after = [render_page(exam, number, 200, answers, rng) for number in exam["copies"][0]["pages"]]
    scans = [write_image(image, tmp_path / f"old-{i}.png") for i, image in enumerate(before)]
    scans.append(write_image(after[0], tmp_path / "new-0.png"))
    row = _rows(grade_scans(scans, exam_path))[0]
    assert row["flags"] == "scanned-twice:1;scans-differ:capital"
    assert (row["capital"], row["score"]) == ("?", "")
    assert row["members"] != "?"


def test_a_600_dpi_scan(tmp_path: Path) -> None:
    exam = make_exam(copies=1)
    exam_path = write_exam(exam, tmp_path / "quiz.exam.json")
    how = Degradation(quarter_turns=3, jpeg_quality=80)
    scans, expected = _scan_pile(tmp_path, exam, 600, seed=6, how=how)
    assert _rows(grade_scans(scans, exam_path)) == expected
