"""Printed quizzes read back with pypdf: what is on the paper, in which order, and what is not."""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader
from pypdf.generic import ContentStream

from quizgen.errors import DeckError, ExportError, InputError
from quizgen.loading import LoadedDeck, load_decks
from quizgen.models import ChoiceQuestion, Deck
from quizgen.printing import Layout, PrintOptions, build_data, key_path, print_quiz, render
from quizgen.selection import make_versions, select_questions

from .conftest import REPO
from .strategies import deck_data

ALL_TYPES = """\
id: field-guide
title: Rivers, bridges and a café
source:
  title: A made-up field guide
  author: Jane Roe
  date: 2021-05
questions:
  - id: river-cities
    type: short
    prompt: Which river flows past both Kazan and Nizhny Novgorod?
    answer: Volga
    alternatives: [Волга]
    points: 2
    explanation: Both cities sit on its banks, the guide says.
  - id: bridge-length
    type: numeric
    prompt: How long is the imaginary Ostrov bridge?
    answer: 1250.5
    unit: metres
    tolerance: 10
  - id: town-hall
    type: date
    prompt: In which year was the town hall finished?
    answer: 1888
  - id: museum-opened
    type: date
    prompt: When did the museum open its doors?
    answer: 2003-04
  - id: charter-day
    type: date
    prompt: On what day was the charter signed?
    answer: 1999-07-14
  - id: capitals
    type: choice
    prompt: Which of these cities are capitals?
    choices: [Paris, Lyon, Madrid, Porto]
    answer: [Paris, Madrid]
  - id: ferry-sure
    type: choice
    prompt: How sure is the guide about the ferry timetable?
    choices: [Not at all, Somewhat, Very, Completely]
    answer: Somewhat
    shuffle: false
  - id: snow
    type: truefalse
    prompt: It snows in Crème-sur-Lac every winter, says the guide.
    answer: true
    image: map.png
  - id: river-course
    type: cloze
    text: The {{Volga}} rises near {{Tver::a city}} and ends in the {{Caspian Sea}}.
  - id: openings
    type: order
    prompt: Put these openings in the order they happened.
    items: [Town hall, Bridge, Museum, Ferry terminal]
  - id: rivers
    type: match
    prompt: Match each river to its city.
    pairs:
      - {left: Seine, right: Paris}
      - {left: Thames, right: London}
      - {left: Danube, right: Vienna}
      - {left: Neva, right: Saint Petersburg}
"""

MARKUP_PROMPT = '#read("/etc/hostname") $x$ *bold* <b> #set page(width: 1cm) _u_ @ref \\ [x]'
MARKUP_ANSWER = "#emph[no] `raw` = heading"
MARKUP = f"""\
id: markup
title: "*Not bold* #title"
questions:
  - id: looks-like-code
    type: short
    prompt: '{MARKUP_PROMPT}'
    answer: '{MARKUP_ANSWER}'
"""

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def tiny_png(width: int = 30, height: int = 20) -> bytes:
    """A valid RGB PNG, written by hand so the test needs no imaging library."""
    row = b"\x00" + bytes((40, 110, 180)) * width
    body = zlib.compress(row * height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Extracted text with every run of whitespace made one space: wrapping is not content.

    Soft hyphens go too: once a deck's text holds one, pypdf reads it back inside other
    words of the page as well ('P\xadage 1'), though the page shows no such mark."""
    return " ".join(text.replace("\xad", "").split())


def short_deck(count: int, deck_id: str = "many", answer: str = "Answer {n}") -> str:
    lines = [f"id: {deck_id}", f"title: Deck {deck_id}", "questions:"]
    for n in range(1, count + 1):
        lines += [f"  - id: q{n}", "    type: short",
                  f"    prompt: Question number {n} about harbour {n * 7}?",
                  f"    answer: {answer.format(n=n)}"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def all_types(write_deck: Callable[..., Path], tmp_path: Path) -> list[LoadedDeck]:
    (tmp_path / "map.png").write_bytes(tiny_png())
    return load_decks([write_deck(ALL_TYPES)])


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# ── Paper forms ──────────────────────────────────────────────────────────────


def test_every_type_has_its_paper_form_and_no_answers(all_types: list[LoadedDeck]) -> None:
    quiz = pages(render(all_types, PrintOptions()).quiz)
    text = flat(" ".join(quiz))
    for question in all_types[0].deck.questions:
        if question.type != "cloze":
            assert flat(question.prompt_text()) in text
    assert "The (1)" in text and "rises near (2)" in text and "ends in the (3)" in text
    assert "(a city)" in text, "a cloze hint is shown beside its blank"
    for form in ("Tick every right answer.", "Tick one box.", "True False", "Year",
                 "Month and year", "Date", "metres", "Write the letter of the matching item",
                 "Number the items from 1 (first) to 4 (last)."):
        assert form in text, form
    for field in ("Name", "Class", "Score", "/ 12", "11 questions · 12 points"):
        assert field in text
    for answer in ("Volga", "Tver", "Caspian", "1,250.5", "1888", "April 2003", "14 July 1999",
                   "Волга", "Word bank"):
        assert answer not in text, f"the quiz gives away {answer!r}"
    images = [page for page in PdfReader(io.BytesIO(render(all_types, PrintOptions()).quiz)).pages
              if page.images]
    assert len(images) == 1


def test_points_are_shown_per_question_and_in_total(all_types: list[LoadedDeck]) -> None:
    text = flat(" ".join(pages(render(all_types, PrintOptions(shuffle=False)).quiz)))
    assert "Kazan and Nizhny Novgorod? /2" in text
    assert "the imaginary Ostrov bridge? /1" in text


def test_word_bank_pools_the_answers_with_decoys_once_per_version(
    all_types: list[LoadedDeck],
) -> None:
    rendered = render(all_types, PrintOptions(versions=2, layout=Layout(word_bank=True)))
    text = flat(" ".join(pages(rendered.quiz)))
    banks = re.findall(r"Word bank \(for the gap-fill questions\): (.*?) 1\. ", text)
    assert len(banks) == 2 and banks[0] == banks[1]
    words = banks[0].split(" · ")
    assert {"Caspian Sea", "Tver", "Volga"} < set(words)
    decoys = set(words) - {"Caspian Sea", "Tver", "Volga"}
    assert len(decoys) == 3 and decoys < {"Lyon", "Porto", "Not at all", "Very", "Completely"}
    assert words == sorted(words, key=str.casefold)
    assert rendered.warnings == ()


def test_a_one_gap_cloze_does_not_get_its_answer_handed_over(
    write_deck: Callable[..., Path],
) -> None:
    deck = write_deck("""\
        id: gaps
        title: Gaps
        questions:
          - id: one-gap
            type: cloze
            text: The ferry leaves from {{Harwich}} every morning.
          - id: port
            type: short
            prompt: Which port is twinned with the town?
            answer: Esbjerg
          - id: other-gap
            type: cloze
            text: The lighthouse stands on {{Orford Ness}}.
          - id: boats
            type: choice
            prompt: Which boat is oldest?
            choices: [Lugger, Smack, Bawley, Coble]
            answer: Smack
        """)
    decks = load_decks([deck])
    rendered = render(decks, PrintOptions(count=1, types=("cloze",), seed="3",
                                          layout=Layout(word_bank=True)))
    text = flat(" ".join(pages(rendered.quiz)))
    bank = re.search(r"Word bank \(for the gap-fill questions\): (.*?) 1\. ", text)
    assert bank
    words = bank[1].split(" · ")
    assert len(words) == 4, "the answer and three words that are not"
    printed = "Harwich" if "ferry leaves" in text else "Orford Ness"
    assert printed in words
    assert set(words) - {printed} <= {"Esbjerg", "Harwich", "Orford Ness", "Lugger", "Bawley",
                                       "Coble"}


def test_a_bank_with_nothing_to_mix_in_warns(write_deck: Callable[..., Path]) -> None:
    deck = write_deck("id: lone\ntitle: Lone\nquestions:\n  - id: gap\n    type: cloze\n"
                      "    text: Boats leave from {{Harwich}}.\n")
    rendered = render(load_decks([deck]), PrintOptions(layout=Layout(word_bank=True)))
    assert any("word bank holds only the cloze answers" in w for w in rendered.warnings)


def test_short_answers_get_the_lines_the_deck_asks_for(write_deck: Callable[..., Path]) -> None:
    deck = write_deck("id: essay\ntitle: Essay\nquestions:\n  - id: long\n    type: short\n"
                      "    prompt: Explain the tides.\n    answer: The moon\n    lines: 9\n"
                      "  - id: brief\n    type: short\n    prompt: Name the moon.\n"
                      "    answer: Luna\n")
    decks = load_decks([deck])
    data = build_data(make_versions(select_questions(decks)), decks, Layout(), "quiz")
    assert [q["lines"] for q in data["versions"][0]["questions"]] == [9, 2]
    nine = render(decks, PrintOptions(shuffle=False)).quiz
    two = render(load_decks([write_deck(deck.read_text().replace("lines: 9", "lines: 2"),
                                        "other.yaml")]), PrintOptions(shuffle=False)).quiz
    assert paths_drawn(nine) - paths_drawn(two) == 7, "seven more ruled lines"


def paths_drawn(pdf: bytes) -> int:
    """Path starts (`m`) on the first page: one per ruled line, box and frame."""
    reader = PdfReader(io.BytesIO(pdf))
    operations = ContentStream(reader.pages[0].get_contents(), reader).operations
    return sum(1 for _, operator in operations if operator == b"m")


def test_key_marks_answers_in_place(all_types: list[LoadedDeck]) -> None:
    key = render(all_types, PrintOptions(key=True)).key
    assert key is not None
    text = flat(" ".join(pages(key)))
    assert "Answer key" in text
    for answer in ("Volga", "Also accept: Волга", "1,250.5 ± 10", "1888", "April 2003",
                   "14 July 1999", "(1) Volga", "(2) Tver", "(3) Caspian Sea"):
        assert answer in text, answer
    assert "Both cities sit on its banks" not in text
    explained = render(all_types, PrintOptions(key=True, layout=Layout(explanations=True))).key
    assert explained is not None
    assert "Both cities sit on its banks, the guide says." in flat(" ".join(pages(explained)))


def test_only_the_selected_prompts_are_printed(write_deck: Callable[..., Path]) -> None:
    decks = load_decks([write_deck(short_deck(12))])
    options = PrintOptions(count=5, seed="term-2")
    text = flat(" ".join(pages(render(decks, options).quiz)))
    printed = [n for n in range(1, 13) if f"Question number {n} about" in text]
    assert len(printed) == 5
    chosen = select_questions(decks, count=5, seed="term-2")
    assert printed == [int(s.question.id[1:]) for s in chosen]


def test_tag_and_type_filters_reach_the_paper(all_types: list[LoadedDeck]) -> None:
    text = flat(" ".join(pages(render(all_types, PrintOptions(types=("date",))).quiz)))
    assert "town hall finished" in text and "charter signed" in text
    assert "Ostrov bridge" not in text and "capitals" not in text
    assert "3 questions · 3 points" in text


# ── Versions and keys ────────────────────────────────────────────────────────


def test_versions_start_on_fresh_sheets_and_every_page_names_its_version(
    write_deck: Callable[..., Path],
) -> None:
    decks = load_decks([write_deck(short_deck(4))])  # one page per version
    quiz = pages(render(decks, PrintOptions(versions=3)).quiz)
    assert len(quiz) == 5
    starts = {}
    for index, text in enumerate(quiz):
        if flat(text) == "This page is intentionally blank.":
            continue  # the blank back of a sheet
        footer = re.search(r"— version ([A-C]) Page (\d+) of (\d+)", flat(text))
        assert footer, f"page {index + 1} has no version and page number"
        if footer[2] == "1":
            starts[footer[1]] = index
            assert f"VERSION {footer[1]}" in flat(text)
    assert sorted(starts) == ["A", "B", "C"]
    for label, index in starts.items():
        assert index % 2 == 0, f"version {label} starts on the back of a sheet"
    blank = [index for index, text in enumerate(quiz) if "intentionally blank" in text]
    assert blank == [1, 3], "a one-page version is followed by a blank back page that says so"


def test_key_grid_matches_each_versions_shuffled_choices(write_deck: Callable[..., Path]) -> None:
    words = [["Alder", "Birch", "Cedar", "Damson"], ["Egret", "Finch", "Grebe", "Heron"],
             ["Ibex", "Jackal", "Koala", "Lemur"], ["Marten", "Newt", "Otter", "Puffin"],
             ["Quail", "Raven", "Stoat", "Tapir"]]
    lines = ["id: trees", "title: Five choices", "questions:"]
    for n, choices in enumerate(words):
        lines += [f"  - id: c{n}", "    type: choice", f"    prompt: Pick entry {n} of the list.",
                  f"    choices: [{', '.join(choices)}]", f"    answer: {choices[n % 4]}"]
    decks = load_decks([write_deck("\n".join(lines) + "\n")])
    right = {f"Pick entry {n} of the list.": choices[n % 4] for n, choices in enumerate(words)}
    rendered = render(decks, PrintOptions(versions=3, key=True, seed="x"))
    assert rendered.key is not None
    grid_page = flat(pages(rendered.key)[-1])
    grid = {int(m[1]): m[2].split() for m in re.finditer(r"\b(\d) ([A-D] [A-D] [A-D])\b",
                                                         grid_page)}
    assert sorted(grid) == [1, 2, 3, 4, 5]
    by_version: dict[str, str] = {}
    for text in pages(rendered.quiz):
        label = re.search(r"— version ([A-C]) Page", flat(text))
        if label:
            by_version[label[1]] = by_version.get(label[1], "") + " " + flat(text)
    orders = set()
    for column, label in enumerate("ABC"):
        text = by_version[label]
        letter_of = {word: letter for letter, word in re.findall(r"\b([A-D]) ([A-Z][a-z]+)\b",
                                                                   text)}
        numbered = re.findall(r"\b(\d)\. (Pick entry \d of the list\.)", text)
        orders.add(tuple(prompt for _, prompt in numbered))
        assert len(numbered) == 5
        for number, prompt in numbered:
            assert grid[int(number)][column] == letter_of[right[prompt]], (label, prompt)
    assert len(orders) > 1, "versions should order the questions differently"


def test_key_numbers_for_order_and_match_follow_the_printed_order(
    write_deck: Callable[..., Path],
) -> None:
    deck = write_deck("""\
        id: sequence
        title: Sequences
        questions:
          - id: stops
            type: order
            prompt: Order the stops.
            items: [Alpha, Bravo, Charlie, Delta, Echo]
          - id: pairs
            type: match
            prompt: Pair them up.
            pairs:
              - {left: Oslo, right: Norway}
              - {left: Lima, right: Peru}
              - {left: Rome, right: Italy}
        """)
    rendered = render(load_decks([deck]), PrintOptions(key=True, shuffle=False))
    assert rendered.key is not None
    quiz = flat(" ".join(pages(rendered.quiz)))
    shown = re.findall(r"\b(Alpha|Bravo|Charlie|Delta|Echo)\b", quiz)
    names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    expected_order = " ".join(str(names.index(w) + 1) for w in shown)
    grid = flat(pages(rendered.key)[-1])
    assert f"1 {expected_order} " in grid
    left = re.findall(r"(\d)\. (Oslo|Lima|Rome)", quiz)
    right = dict((country, letter) for letter, country in
                 re.findall(r"\b([A-C])\. (Norway|Peru|Italy)", quiz))
    country = {"Oslo": "Norway", "Lima": "Peru", "Rome": "Italy"}
    expected_match = " ".join(f"{n}{right[country[city]]}" for n, city in left)
    assert f"2 {expected_match}" in grid


def test_answer_grid_keeps_every_answer_whole_and_names_the_question_ids(
    write_deck: Callable[..., Path],
) -> None:
    deck = write_deck(short_deck(40, answer="The rather long answer number {n} that needs room"))
    for paper in ("a4", "us-letter"):
        key = render(load_decks([deck]), PrintOptions(versions=4, key=True,
                                                      layout=Layout(paper=paper))).key
        assert key is not None
        texts = pages(key)
        with_grid = [i for i, text in enumerate(texts) if "Answer grid" in text]
        assert len(with_grid) == 1
        grid = flat(" ".join(texts[with_grid[0]:]))
        assert "Version A Version B Version C Version D" in grid
        assert "…" not in grid
        for n in range(1, 41):
            assert grid.count(f"The rather long answer number {n} that needs room") == 4
        assert "Question ids" in grid
        assert re.search(r"Version D: (\d+ q\d+ · ){39}\d+ q\d+", grid)


def test_short_answers_for_40_questions_and_4_versions_fit_one_grid_page(
    write_deck: Callable[..., Path],
) -> None:
    deck = write_deck(short_deck(40))
    key = render(load_decks([deck]), PrintOptions(versions=4, key=True)).key
    assert key is not None
    grid_page = next(flat(text) for text in pages(key) if "Answer grid" in text)
    assert re.search(r"\b40 Answer \d+ Answer \d+ Answer \d+ Answer \d+", grid_page)


@pytest.mark.parametrize("count", [8, 26])
def test_many_versions_keep_every_grid_answer_readable(
    write_deck: Callable[..., Path], count: int
) -> None:
    deck = write_deck(short_deck(6, answer="Harbour master number {n}"))
    rendered = render(load_decks([deck]), PrintOptions(versions=count, key=True))
    assert rendered.key is not None
    texts = pages(rendered.key)
    start = next(i for i, text in enumerate(texts) if "Answer grid" in text)
    grid = flat(" ".join(texts[start:]))
    labels = [chr(ord("A") + i) for i in range(count)]
    for first in range(0, count, 4):
        header = " ".join(f"Version {label}" for label in labels[first:first + 4])
        assert f"No. {header}" in grid
    for n in range(1, 7):
        assert grid.count(f"Harbour master number {n}") == count
    assert "…" not in grid


# ── Layout: nothing split, nothing cut ───────────────────────────────────────


def test_no_question_is_split_across_pages(write_deck: Callable[..., Path]) -> None:
    lines = ["id: long", "title: Many options", "questions:"]
    for n in range(1, 31):
        choices = [f"Option{n}x{k} with a tail of words to fill the line somewhat"
                   for k in range(1, 7)]
        lines += [f"  - id: q{n}", "    type: choice", f"    prompt: Which is right in set {n}?",
                  "    choices:", *[f"      - {c}" for c in choices], f"    answer: {choices[0]}"]
    quiz = pages(render(load_decks([write_deck("\n".join(lines) + "\n")]), PrintOptions()).quiz)
    assert len(quiz) > 4
    for n in range(1, 31):
        holding = [i for i, text in enumerate(quiz) if f"Which is right in set {n}?" in text]
        assert len(holding) == 1
        page_text = flat(quiz[holding[0]])
        for k in range(1, 7):
            assert f"Option{n}x{k} " in page_text, f"question {n} lost option {k} to another page"


def test_long_prompts_wrap_without_losing_words(write_deck: Callable[..., Path]) -> None:
    words = [f"word{n}" for n in range(160)]
    deck = write_deck(f"""\
        id: wordy
        title: Wordy
        questions:
          - id: long-one
            type: short
            prompt: {" ".join(words)}?
            answer: Quite so
        """)
    text = flat(" ".join(pages(render(load_decks([deck]), PrintOptions()).quiz)))
    assert " ".join(words) + "?" in text


def test_paper_size(all_types: list[LoadedDeck]) -> None:
    for paper, size in (("a4", A4), ("us-letter", LETTER)):
        reader = PdfReader(io.BytesIO(render(all_types, PrintOptions(
            layout=Layout(paper=paper))).quiz))
        for page in reader.pages:
            assert (round(float(page.mediabox.width), 2),
                    round(float(page.mediabox.height), 2)) == size


# ── Text is text ─────────────────────────────────────────────────────────────


def test_markup_like_text_prints_literally(write_deck: Callable[..., Path]) -> None:
    rendered = render(load_decks([write_deck(MARKUP)]), PrintOptions(key=True))
    assert rendered.key is not None
    quiz = flat(" ".join(pages(rendered.quiz)))
    key = flat(" ".join(pages(rendered.key)))
    assert flat(MARKUP_PROMPT) in quiz
    assert "*Not bold* #title" in quiz
    assert MARKUP_ANSWER in key
    for pdf in (rendered.quiz, rendered.key):
        for page in PdfReader(io.BytesIO(pdf)).pages:
            assert round(float(page.mediabox.width), 2) == A4[0], "deck text changed the page"


def test_cyrillic_and_accented_latin_print_without_warnings(
    write_deck: Callable[..., Path],
) -> None:
    deck = write_deck("""\
        id: scripts
        title: Écoles et Пхеньян
        questions:
          - id: city
            type: short
            prompt: Как называется столица? Señor Ødegaard à Zürich, naïve façade.
            answer: Пхеньян
        """)
    rendered = render(load_decks([deck]), PrintOptions(key=True))
    assert rendered.warnings == ()
    quiz = flat(" ".join(pages(rendered.quiz)))
    assert "Как называется столица? Señor Ødegaard à Zürich, naïve façade." in quiz
    assert "Écoles et Пхеньян" in quiz
    assert rendered.key is not None
    assert "Пхеньян" in flat(" ".join(pages(rendered.key)))


def test_characters_no_font_has_are_named_in_a_warning(write_deck: Callable[..., Path]) -> None:
    deck = write_deck("""\
        id: korean
        title: Korean words
        questions:
          - id: hello
            type: short
            prompt: How is "peace" written? 평화
            answer: 평화
        """)
    rendered = render(load_decks([deck]), PrintOptions())
    assert len(rendered.warnings) == 1
    warning = rendered.warnings[0]
    assert "평 (U+D3C9), 화 (U+D654)" in warning
    assert "--font-path" in warning


def test_missing_font_folder_is_an_input_error(all_types: list[LoadedDeck], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such font file or folder"):
        render(all_types, PrintOptions(font_paths=(tmp_path / "fonts",)))


def test_unknown_font_family_is_reported(all_types: list[LoadedDeck]) -> None:
    rendered = render(all_types, PrintOptions(layout=Layout(fonts=("No Such Family",))))
    assert any("unknown font family: no such family" in w for w in rendered.warnings)
    assert "Which river flows past" in flat(pages(rendered.quiz)[0] + pages(rendered.quiz)[1])


# ── Reproducible bytes ───────────────────────────────────────────────────────


def test_same_seed_same_bytes_other_seed_other_order(write_deck: Callable[..., Path]) -> None:
    decks = load_decks([write_deck(short_deck(10))])
    first = render(decks, PrintOptions(versions=2, key=True, seed="9"))
    again = render(decks, PrintOptions(versions=2, key=True, seed="9"))
    assert first.quiz == again.quiz and first.key == again.key
    other = render(decks, PrintOptions(versions=2, key=True, seed="10"))

    def order(pdf: bytes) -> list[str]:
        return re.findall(r"Question number (\d+) about", flat(" ".join(pages(pdf))))

    assert order(first.quiz) != order(other.quiz)
    assert sorted(order(first.quiz)) == sorted(order(other.quiz))


def test_no_clock_in_the_pdf_unless_source_date_epoch(
    all_types: list[LoadedDeck], monkeypatch: pytest.MonkeyPatch
) -> None:
    metadata = PdfReader(io.BytesIO(render(all_types, PrintOptions()).quiz)).metadata
    assert metadata is not None and "/CreationDate" not in metadata
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1718755200")
    metadata = PdfReader(io.BytesIO(render(all_types, PrintOptions()).quiz)).metadata
    assert metadata is not None and metadata["/CreationDate"].startswith("D:20240619")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(InputError, match="SOURCE_DATE_EPOCH"):
        render(all_types, PrintOptions())


# ── Files and templates ──────────────────────────────────────────────────────


def test_quiz_and_key_are_written_beside_each_other(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    output = tmp_path / "out" / "week3.pdf"
    result = print_quiz(all_types, output, PrintOptions(key=True, versions=2))
    assert key_path(output) == tmp_path / "out" / "week3-key.pdf"
    assert [f.path for f in result.files] == [output, key_path(output)]
    for printed in result.files:
        assert printed.pages == len(PdfReader(printed.path).pages)
    assert sorted(p.name for p in output.parent.iterdir()) == ["week3-key.pdf", "week3.pdf"]


def test_output_must_be_a_pdf(all_types: list[LoadedDeck], tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"must be a \.pdf file"):
        print_quiz(all_types, tmp_path / "quiz.txt", PrintOptions())


def test_unsupported_image_is_named(write_deck: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "pic.bmp").write_bytes(b"BM not really")
    deck = write_deck("""\
        id: pics
        title: Pictures
        questions:
          - {id: with-bmp, type: truefalse, prompt: Is it blue?, answer: true, image: pic.bmp}
        """)
    # Caught when the deck is read, before any output: the kind comes from the bytes.
    expected = r"deck.yaml:4:\d+: questions\[0\]\.image: 'pic.bmp' is not"
    with pytest.raises(DeckError, match=expected):
        render(load_decks([deck]), PrintOptions())


def test_own_template_receives_the_json(all_types: list[LoadedDeck], tmp_path: Path) -> None:
    template = tmp_path / "mine.typ"
    template.write_text(
        '#let d = json(bytes(sys.inputs.data))\n'
        '#set document(date: none)\n'
        'Format #d.format, #d.kind: #d.title, #d.versions.len() versions, '
        'first #d.versions.at(0).questions.at(0).id, image #d.versions.at(0).questions'
        '.filter(q => q.image != none).len().\n'
        '#for q in d.versions.at(0).questions.filter(q => q.image != none) '
        '{ image(q.image, width: 2cm) }\n',
        encoding="utf-8",
    )
    rendered = render(all_types, PrintOptions(template=template, versions=2, key=True,
                                              shuffle=False))
    assert flat(pages(rendered.quiz)[0]).startswith(
        "Format 2, quiz: Rivers, bridges and a café, 2 versions, first river-cities, image 1."
    )
    assert rendered.key is not None
    assert flat(pages(rendered.key)[0]).startswith("Format 2, key:")
    assert PdfReader(io.BytesIO(rendered.quiz)).pages[0].images


def test_templates_cannot_read_outside_their_folder(
    all_types: list[LoadedDeck], tmp_path: Path
) -> None:
    template = tmp_path / "peek.typ"
    template.write_text('#read("/etc/hostname")\n#read("../../../../etc/hostname")\n',
                        encoding="utf-8")
    output = tmp_path / "peek.pdf"
    with pytest.raises(ExportError, match=r"peek.typ:1:7: file not found"):
        print_quiz(all_types, output, PrintOptions(template=template))
    assert not output.exists()


def test_broken_template_writes_nothing(all_types: list[LoadedDeck], tmp_path: Path) -> None:
    template = tmp_path / "broken.typ"
    template.write_text("#let x = (\n", encoding="utf-8")
    output = tmp_path / "quiz.pdf"
    with pytest.raises(ExportError, match=r"broken\.typ:1:10: unclosed delimiter"):
        print_quiz(all_types, output, PrintOptions(template=template, key=True))
    assert list(tmp_path.glob("*.pdf")) == []


# ── The documented JSON ──────────────────────────────────────────────────────


def _shape(value: Any) -> Any:
    """Keys (recursively) of a JSON value: what README promises, without the values."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return None


def test_the_template_contract_documents_the_json_a_template_receives(
    all_types: list[LoadedDeck],
) -> None:
    contract = (REPO / "docs" / "reference" / "template-contract.md").read_text(encoding="utf-8")
    documented = re.search(r"<!-- template-json -->\n```json\n(.*?)```", contract, flags=re.S)
    assert documented, "docs/reference/template-contract.md must show the JSON in a ```json block"
    example = json.loads(documented[1])
    selection = select_questions(all_types)
    versions = make_versions(selection, versions=1)
    data = build_data(versions, all_types, Layout(word_bank=True), "quiz",
                      images={("field-guide", "snow"): "/images/x.png"})
    real_questions = {q["type"]: q for q in data["versions"][0]["questions"]}
    documented_questions = {q["type"]: q for q in example["versions"][0]["questions"]}
    assert sorted(documented_questions) == sorted(real_questions)
    for kind, question in real_questions.items():
        assert _shape(documented_questions[kind]) == _shape(question), kind
    top = {k: v for k, v in data.items() if k != "versions"}
    assert _shape({k: v for k, v in example.items() if k != "versions"}) == _shape(top)
    assert sorted(example["versions"][0]) == sorted(data["versions"][0])


def test_choice_answer_letters_in_data_follow_the_shuffle(all_types: list[LoadedDeck]) -> None:
    versions = make_versions(select_questions(all_types, types=["choice"]), versions=2, seed="4")
    data = build_data(versions, all_types, Layout(), "key")
    for version, printed in zip(versions, data["versions"], strict=True):
        for item, question in zip(version.items, printed["questions"], strict=True):
            assert isinstance(item.question, ChoiceQuestion)
            shown = [c["text"] for c in question["choices"]]
            assert shown == [item.question.choices[i] for i in item.choice_order]
            letters = [c["letter"] for c in question["choices"] if c["text"] in
                       item.question.correct]
            assert question["grid"] == ", ".join(letters)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=deck_data(max_questions=6))
def test_any_valid_deck_prints_as_quiz_and_key(data: dict[str, Any]) -> None:
    """Any text in any script, any question shape: the template never fails, titles print."""
    loaded = LoadedDeck(Deck.model_validate(data), Path("deck.yaml"))
    rendered = render([loaded], PrintOptions(versions=2, key=True, layout=Layout(
        word_bank=True, explanations=True)))
    assert rendered.key is not None
    for warning in rendered.warnings:
        assert warning.startswith(("no available font has ", "the word bank holds only")), warning
    quiz = flat(" ".join(pages(rendered.quiz)))
    assert "version B" in quiz and "Page 1 of" in quiz
    key = pages(rendered.key)
    assert any("Answer grid" in text for text in key) and "Question ids" in key[-1]
