"""Answer sheets (`print --sheet`): the pages rasterised and read back, and quiz.exam.json.

Every check looks at pixels (pypdfium2) or decodes what a scanner would (zxing-cpp),
against the positions exam.json claims: the contract `quizgen grade` relies on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from quizgen.errors import ExportError, InputError
from quizgen.loading import LoadedDeck, load_decks
from quizgen.printing import PrintOptions, print_quiz
from quizgen.printing.sheet import exam_path

from .test_print import ALL_TYPES, tiny_png

SCALE = 3.0
"""216 dpi: a point is three pixels, fine enough to see a 1 pt outline."""

POINTS_ONLY = """\
id: heavy
title: Heavy
questions:
  - id: essay
    type: short
    prompt: Write an essay.
    answer: Anything
    points: 25
"""


@pytest.fixture
def all_types(write_deck: Callable[..., Path], tmp_path: Path) -> list[LoadedDeck]:
    (tmp_path / "map.png").write_bytes(tiny_png())
    return load_decks([write_deck(ALL_TYPES)])


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def sheet(decks: list[LoadedDeck], output: Path, **options: Any) -> dict[str, Any]:
    print_quiz(decks, output, PrintOptions(sheet=True, **options))
    exam: dict[str, Any] = json.loads(exam_path(output).read_text(encoding="utf-8"))
    return exam


def rasters(pdf: Path) -> Iterator[np.ndarray]:
    """Each page in grey, 0 = black, 255 = white, SCALE pixels per point."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        for page in document:
            bitmap = page.render(scale=SCALE, grayscale=True)
            yield bitmap.to_numpy().reshape(bitmap.height, bitmap.width).copy()
    finally:
        document.close()


def region(image: np.ndarray, x: float, y: float, w: float, h: float) -> np.ndarray:
    return image[round(y * SCALE): round((y + h) * SCALE), round(x * SCALE): round((x + w) * SCALE)]


def gap(first: dict[str, Any], second: dict[str, Any], axis: str, size: str) -> float:
    """Distance between two boxes along one axis (negative when they overlap on it)."""
    return float(max(second[axis] - first[axis] - first[size],
                     first[axis] - second[axis] - second[size]))


def test_every_page_has_four_corner_marks_and_its_qr_code(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    output = tmp_path / "quiz.pdf"
    exam = sheet(all_types, output, versions=2, copies=3)
    images = list(rasters(output))
    assert len(images) == len(exam["pages"]) == len(PdfReader(output).pages)
    width, height = exam["paper"]["width"], exam["paper"]["height"]
    assert (width, height) == pytest.approx((595.276, 841.89), abs=0.01)
    for entry, image in zip(exam["pages"], images, strict=True):
        marks = entry["marks"]
        expected = [(28, 28), (width - 42, 28), (width - 42, height - 42), (28, height - 42)]
        corners = [coordinate for m in marks for coordinate in (m["x"], m["y"])]
        assert corners == pytest.approx([c for spot in expected for c in spot], abs=0.01)
        for mark in marks:
            assert (mark["w"], mark["h"]) == (14, 14)
            inside = region(image, mark["x"] + 0.5, mark["y"] + 0.5, 13, 13)
            assert inside.max() < 60, "a corner mark is a filled black square"
            ring = region(image, mark["x"] - 8, mark["y"] - 8, 30, 30).copy()
            hole = slice(round(7.5 * SCALE), round(22.5 * SCALE))
            ring[hole, hole] = 255
            assert ring.min() > 200, f"page {entry['page']}: something black near a corner mark"
        found = zxingcpp.read_barcodes(image)
        codes = [code for code in found if code.format == zxingcpp.BarcodeFormat.QRCode]
        assert [code.text for code in codes] == [entry["qr"]]
        assert entry["qr"] == f"quizgen:1:{exam['exam_id']}:{entry['copy']}:{entry['page_in_copy']}"
        box = entry["qr_box"]
        corners = codes[0].position
        xs = [p.x / SCALE for p in (corners.top_left, corners.top_right)]
        assert xs[1] - xs[0] >= 56, "the code itself is at least 56 pt wide"
        assert box["x"] <= xs[0] and xs[1] <= box["x"] + box["w"]
        assert codes[0].ec_level in ("M", "Q", "H")
        module = (xs[1] - xs[0]) / 29
        quiet = region(image, box["x"], box["y"], box["w"], 4 * module - 0.5)
        assert quiet.min() > 200, "four white modules of quiet zone above the code"


def test_every_box_in_exam_json_is_a_drawn_empty_box(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    output = tmp_path / "quiz.pdf"
    exam = sheet(all_types, output, versions=2, copies=2)
    images = list(rasters(output))
    boxes = [box for copy in exam["copies"] for box in copy["boxes"]]
    assert boxes
    for box in boxes:
        image = images[box["page"] - 1]
        x, y, w, h = box["x"], box["y"], box["w"], box["h"]
        assert w >= 10 and h >= 10
        for edge in (
            region(image, x - 0.4, y - 0.4, w + 0.8, 0.8),          # top
            region(image, x - 0.4, y + h - 0.4, w + 0.8, 0.8),      # bottom
            region(image, x - 0.4, y - 0.4, 0.8, h + 0.8),          # left
            region(image, x + w - 0.4, y - 0.4, 0.8, h + 0.8),      # right
        ):
            assert np.median(edge.min(axis=0 if edge.shape[0] < edge.shape[1] else 1)) < 80, box
        inside = region(image, x + 1.2, y + 1.2, w - 2.4, h - 2.4)
        assert inside.min() > 220, f"box {box} is not empty inside"
    by_page: dict[int, list[dict[str, Any]]] = {}
    for box in boxes:
        by_page.setdefault(box["page"], []).append(box)
    for page_boxes in by_page.values():
        for index, first in enumerate(page_boxes):
            for second in page_boxes[index + 1:]:
                assert max(gap(first, second, "x", "w"), gap(first, second, "y", "h")) >= 6


def test_exam_json_knows_every_copy_its_version_answers_and_boxes(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    output = tmp_path / "quiz.pdf"
    exam = sheet(all_types, output, versions=2, copies=3)
    assert exam["format"] == "quizgen-exam/1"
    assert len(exam["exam_id"]) == 12 and int(exam["exam_id"], 16) >= 0
    assert exam["scoring"] == {"multi_answer": "all-or-nothing"}
    deck_ids = [q.id for q in all_types[0].deck.questions]
    assert [q["id"] for q in exam["questions"]] == deck_ids
    assert [c["version"] for c in exam["copies"]] == ["A", "B", "A"]
    assert [c["copy"] for c in exam["copies"]] == [1, 2, 3]
    page_owner = {p["page"]: p["copy"] for p in exam["pages"]}
    for copy in exam["copies"]:
        assert copy["student"] is None
        assert sorted(q["id"] for q in copy["questions"]) == sorted(deck_ids)
        assert [q["number"] for q in copy["questions"]] == list(range(1, len(deck_ids) + 1))
        assert all(page_owner[page] == copy["copy"] for page in copy["pages"])
        for question in copy["questions"]:
            values = [b["value"] for b in copy["boxes"] if b["question"] == question["id"]]
            assert all(b["page"] in copy["pages"] for b in copy["boxes"])
            if question["type"] == "choice":
                assert question["kind"] == "bubbles"
                assert sorted(values) == sorted(question["choices"]) == ["A", "B", "C", "D"]
                assert set(question["correct"]) <= set(question["choices"])
            elif question["type"] == "truefalse":
                assert question["kind"] == "bubbles"
                assert sorted(values) == ["false", "true"] and question["correct"] == ["true"]
            else:
                assert question["kind"] == "score" and question["correct"] is None
                assert sorted(values, key=int) == [str(s) for s in range(question["points"] + 1)]
    # Versions differ in order; copies of one version agree on it.
    orders = [[q["id"] for q in copy["questions"]] for copy in exam["copies"]]
    assert orders[0] == orders[2] != orders[1]
    capitals = next(q for q in exam["copies"][1]["questions"] if q["id"] == "capitals")
    assert len(capitals["correct"]) == 2


def test_choice_answers_in_exam_json_follow_the_printed_letters(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    output = tmp_path / "quiz.pdf"
    exam = sheet(all_types, output, versions=2, copies=2, key=True)
    key_text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "quiz-key.pdf").pages
    )
    for copy in exam["copies"]:
        sure = next(q for q in copy["questions"] if q["id"] == "ferry-sure")
        assert sure["correct"] == ["B"], "shuffle: false keeps 'Somewhat' second"
        capitals = next(q for q in copy["questions"] if q["id"] == "capitals")
        letters = ", ".join(capitals["correct"])
        assert letters in key_text


def test_same_input_same_bytes_and_the_seed_changes_the_exam_id(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    first = sheet(all_types, tmp_path / "a" / "quiz.pdf", versions=2)
    first_bytes = exam_path(tmp_path / "a" / "quiz.pdf").read_bytes()
    sheet(all_types, tmp_path / "b" / "quiz.pdf", versions=2)
    assert exam_path(tmp_path / "b" / "quiz.pdf").read_bytes() == first_bytes
    assert (tmp_path / "a" / "quiz.pdf").read_bytes() == (tmp_path / "b" / "quiz.pdf").read_bytes()
    assert first_bytes.endswith(b"\n") and first_bytes.decode("utf-8")
    text = first_bytes.decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    other = sheet(all_types, tmp_path / "c" / "quiz.pdf", versions=2, seed="7")
    assert other["exam_id"] != first["exam_id"]
    again = sheet(all_types, tmp_path / "a" / "quiz.pdf", versions=2)
    assert again == first, "printing over its own output gives the same exam"


def test_class_list_gives_one_named_copy_per_student(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    students = tmp_path / "students.csv"
    students.write_text(
        "\ufeffid,name\ns01,Ada Lovelace\ns02,\"Zola, Émile\"\n\ns03,#emph[Grace] Hopper\n",
        encoding="utf-8",
    )
    output = tmp_path / "quiz.pdf"
    exam = sheet(all_types, output, versions=2, class_list=students)
    assert [(c["copy"], c["version"], c["student"]) for c in exam["copies"]] == [
        (1, "A", {"id": "s01", "name": "Ada Lovelace"}),
        (2, "B", {"id": "s02", "name": "Zola, Émile"}),
        (3, "A", {"id": "s03", "name": "#emph[Grace] Hopper"}),
    ]
    reader = PdfReader(output)
    for copy in exam["copies"]:
        first_page = " ".join(reader.pages[copy["pages"][0] - 1].extract_text().split())
        assert copy["student"]["name"] in first_page
        assert f"COPY {copy['copy']}" in first_page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,id\n", "students.csv: no students listed under the header"),
        ("", "students.csv: empty"),
        ("id,fullname\ns1,Ada\n",
         "students.csv:1: the header must name the columns 'id' and 'name'"),
        ("id,name\ns1,Ada\ns2\n", "students.csv:3: 1 fields where the header has 2"),
        ("id,name\ns1,Ada\n,Bob\n", "students.csv:3: field 'id' is empty"),
        ("id,name\ns1,\n", "students.csv:2: field 'name' is empty"),
        ("id,name\ns1,Ada\ns2,Bob\ns1,Cy\n",
         "students.csv:4: field 'id': 's1' is already used on line 2"),
        ('id,name\ns1,"Ada\n', "students.csv:2: not valid CSV"),
    ],
)
def test_bad_class_lists_name_file_and_line(
    all_types: list[LoadedDeck], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    content: str, message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "students.csv").write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        print_quiz(all_types, tmp_path / "quiz.pdf",
                   PrintOptions(sheet=True, class_list=Path("students.csv")))
    assert str(error.value).startswith(message)
    assert not (tmp_path / "quiz.pdf").exists() and not exam_path(tmp_path / "quiz.pdf").exists()


def test_class_list_not_utf8_names_the_line(all_types: list[LoadedDeck], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "students.csv").write_bytes(b"id,name\ns1,Ada\ns2,Z\xe9la\n")
    with pytest.raises(InputError, match=r"^students.csv:3: not UTF-8 text"):
        print_quiz(all_types, tmp_path / "quiz.pdf",
                   PrintOptions(sheet=True, class_list=Path("students.csv")))


def test_odd_page_copies_get_an_intentionally_blank_back_page(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    lines = ["id: one", "title: One page", "questions:"]
    for n in range(3):
        lines += [f"  - id: q{n}", "    type: truefalse", f"    prompt: Statement {n}.",
                  "    answer: true"]
    decks = load_decks([write_deck("\n".join(lines) + "\n")])
    output = tmp_path / "quiz.pdf"
    exam = sheet(decks, output, copies=2)
    assert [(p["page"], p["copy"], p["page_in_copy"], p["blank"]) for p in exam["pages"]] == [
        (1, 1, 1, False), (2, 1, 2, True), (3, 2, 1, False),
    ]
    assert [c["pages"] for c in exam["copies"]] == [[1], [3]]
    blank_page = PdfReader(output).pages[1].extract_text()
    assert "intentionally blank" in blank_page
    images = list(rasters(output))
    codes = zxingcpp.read_barcodes(images[1])
    assert [code.text for code in codes] == [exam["pages"][1]["qr"]]


def test_too_many_points_for_a_row_of_score_boxes_is_refused(
    write_deck: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    decks = load_decks([write_deck(POINTS_ONLY)])
    with pytest.raises(InputError, match=r"^deck.yaml: question 'essay': 25 points; .* at most 20"):
        print_quiz(decks, tmp_path / "quiz.pdf", PrintOptions(sheet=True))
    print_quiz(decks, tmp_path / "quiz.pdf", PrintOptions())
    assert not exam_path(tmp_path / "quiz.pdf").exists()


def test_a_template_that_draws_no_sheet_is_refused(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    template = tmp_path / "plain.typ"
    template.write_text('#let data = json(bytes(sys.inputs.data))\n#data.title\n', encoding="utf-8")
    with pytest.raises((InputError, ExportError), match="drew no answer-sheet pages"):
        print_quiz(all_types, tmp_path / "quiz.pdf", PrintOptions(sheet=True, template=template))
    assert not (tmp_path / "quiz.pdf").exists()


def test_copies_and_class_list_together_are_refused(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    (tmp_path / "s.csv").write_text("id,name\n1,A\n", encoding="utf-8")
    with pytest.raises(InputError, match="either --copies or --class-list"):
        print_quiz(all_types, tmp_path / "quiz.pdf",
                   PrintOptions(sheet=True, copies=2, class_list=tmp_path / "s.csv"))
