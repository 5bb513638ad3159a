"""GIFT export, read back two ways: by a port of the rules of Moodle's own importer
(question/format/gift/format.php, `readquestion`), and by `pygiftparserrgmf`, an
independent GIFT parser from the package index."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pygiftparser import parser as gift_parser

from quizgen.errors import display_path
from quizgen.formats import render_decks
from quizgen.loading import LoadedDeck, load_deck

from .conftest import SHIPPED_DECKS
from .export_samples import every_type_deck
from .moodle_compare import compare
from .moodle_compare import moodle_read as moodle_importer

# ------------------------------------------------------------- Moodle's reading rules

_ESCAPES = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;",
            "\\~": "&&126;", "\\n": "&&010"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = {"moodle", "html", "plain", "markdown"}


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    chosen = default
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in _FORMATS:
            chosen, text = text[1:end], text[end + 1 :]
    return _post(text).strip(), chosen


def _weight(answer: str) -> tuple[float, str]:
    answer = answer[1:]
    end = answer.find("%")
    return float(answer[:end]) / 100, answer[end + 1 :]


@dataclass
class Read:
    """What Moodle would store for one GIFT question."""

    kind: str
    name: str | None
    text: str
    text_format: str
    general_feedback: str
    answers: list[tuple[str, float]] = field(default_factory=list)
    tolerance: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    single: bool = True
    truth: bool | None = None


def moodle_read(gift: str) -> tuple[list[str], list[Read]]:
    """Categories and questions, as `qformat_gift::readquestion` decides them (or fails)."""
    categories: list[str] = []
    questions: list[Read] = []
    for block in re.split(r"\n[ \t]*\n", gift):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        text = _pre("\n".join(lines).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            categories.append(text[10:].strip())
            continue
        name = None
        if text.startswith("::"):
            text = text[2:]
            end = text.find("::")
            assert end >= 0, f"unterminated title in {block!r}"
            name, text = _post(text[:end]), text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        assert start >= 0 and finish > start, f"brace error in {block!r}"
        assert text.count("{") == 1 and text.count("}") == 1, f"stray brace in {block!r}"
        answer_text = text[start + 1 : finish].strip()
        if text.endswith("}"):
            question_text = text[:start] + text[finish + 1 :]
        else:
            question_text = text[:start] + "_____" + text[finish + 1 :]
        general = ""
        separator = answer_text.rfind("####")
        if separator >= 0:
            general = answer_text[separator + 4 :]
            answer_text = answer_text[:separator].strip()
        shown, text_format = _with_format(question_text)
        feedback, _ = _with_format(general, text_format)
        read = Read(_kind(answer_text), name, shown, text_format, feedback)
        _answers(read, answer_text)
        questions.append(read)
    return categories, questions


def _kind(answers: str) -> str:
    if answers == "":
        return "essay"
    if answers[0] == "#":
        return "numerical"
    if "~" in answers:
        return "multichoice"
    if "=" in answers and "->" in answers:
        return "match"
    check = answers.split("#", 1)[0].strip() if "#" in answers[1:] else answers
    return "truefalse" if check in ("T", "TRUE", "F", "FALSE") else "shortanswer"


def _split(answers: str, mark: str) -> list[str]:
    parts = answers.split(mark)
    if not parts[0].strip():
        parts = parts[1:]
    return [part.strip() for part in parts]


def _answers(read: Read, answers: str) -> None:
    if read.kind == "multichoice":
        read.single = "=" in answers
        for answer in _split(answers.replace("=", "~="), "~"):
            if answer.startswith("="):
                weight, answer = 1.0, answer[1:]
            elif _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            else:
                weight = 0.0
            assert "#" not in answer, "an unescaped '#' would start feedback"
            read.answers.append((_with_format(answer, read.text_format)[0], weight))
    elif read.kind == "shortanswer":
        for answer in _split(answers, "="):
            weight = 1.0
            if _WEIGHT.match(answer):
                weight, answer = _weight(answer)
            read.answers.append((_with_format(answer, read.text_format)[0], weight))
    elif read.kind == "numerical":
        for answer in _split(answers[1:], "="):
            number, _, tolerance = answer.partition(":")
            float(number), float(tolerance or 0)  # Moodle's is_numeric check
            read.answers.append((number.strip(), 1.0))
            read.tolerance.append(tolerance.strip() or "0")
    elif read.kind == "match":
        for answer in _split(answers, "="):
            assert "->" in answer
            left, right = answer.split("->", 1)
            read.pairs.append((_with_format(left, read.text_format)[0], _post(right).strip()))
        assert len(read.pairs) >= 2
    elif read.kind == "truefalse":
        read.truth = answers.split("#", 1)[0].strip() in ("T", "TRUE")


# ------------------------------------------------------------------------- the tests

TRICKY = """\
id: tricky
title: Maths / physics {basics}
questions:
  - id: special
    type: short
    prompt: 'Escape ~ = # { } : and \\\\ in C:\\\\path?'
    answer: '{=~#}'
    alternatives: ['a:b', '[html]<b>bold</b>', '%50% off', 'T']
    explanation: "Two lines:\\nsecond # line"
  - id: distance
    type: numeric
    prompt: Distance in km?
    answer: -12.5
    tolerance: 0.25
  - id: year
    type: date
    prompt: Year?
    answer: 1969
  - id: day
    type: date
    prompt: Day?
    answer: 1969-07-20
  - id: one-right
    type: choice
    prompt: Pick the sea
    choices: ['Mare = sea', '%10% lake', '[plain] river']
    answer: 'Mare = sea'
  - id: three-right
    type: choice
    prompt: Pick the planets
    choices: [Mars, Venus, Earth, Moon]
    answer: [Mars, Venus, Earth]
  - id: truth
    type: truefalse
    prompt: 'Is 2 < 3 {really}?'
    answer: true
    explanation: Yes.
  - id: lie
    type: truefalse
    prompt: Is 3 < 2?
    answer: false
  - id: one-gap
    type: cloze
    text: 'The {{Sea::a calm one}} of Tranquillity: {calm}.'
  - id: end-gap
    type: cloze
    text: 'Armstrong flew {{Apollo 11}}'
  - id: two-gaps
    type: cloze
    text: '{{Neil}} and {{c2::Buzz}} walked; Mike: {orbited}.'
  - id: repeated-gap
    type: cloze
    text: '{{c1::Io}} orbits Jupiter; so does {{c1::Europa}}.'
  - id: pairs
    type: match
    prompt: Match them
    pairs:
      - {left: 'a -> b', right: x}
      - {left: y, right: z}
  - id: right-arrow
    type: match
    prompt: 'Match #2'
    pairs:
      - {left: 'Io', right: 'moon -> of Jupiter'}
      - {left: 'Titan', right: 'moon: of Saturn'}
      - {left: '=Phobos', right: 'moon of Mars'}
  - id: arrow-answer
    type: short
    prompt: Arrow?
    answer: '->'
  - id: chronology
    type: order
    prompt: Earliest first
    items: [Sputnik, Apollo 11, Artemis I]
"""


@pytest.fixture
def tricky(tmp_path: Path) -> LoadedDeck:
    path = tmp_path / "tricky.yaml"
    path.write_text(textwrap.dedent(TRICKY), encoding="utf-8")
    return load_deck(path)


def by_name(questions: list[Read]) -> dict[str | None, Read]:
    return {question.name: question for question in questions}


def test_every_question_reads_back_as_moodle_would_import_it(tricky: LoadedDeck) -> None:
    rendered = render_decks([tricky], "gift")
    categories, questions = moodle_read(rendered.text)
    assert categories == ["Maths // physics {basics}"]
    read = by_name(questions)
    assert rendered.questions == len(questions) == 14

    special = read["special"]
    assert (special.kind, special.text_format) == ("shortanswer", "plain")
    assert special.text == "Escape ~ = # { } : and \\\\ in C:\\\\path?"
    assert special.answers == [("{=~#}", 1.0), ("a:b", 1.0), ("[html]<b>bold</b>", 1.0),
                               ("%50% off", 1.0), ("T", 1.0)]
    assert special.general_feedback == "Two lines:\nsecond # line"

    assert (read["distance"].kind, read["distance"].answers, read["distance"].tolerance) == (
        "numerical", [("-12.5", 1.0)], ["0.25"])
    assert (read["year"].kind, read["year"].answers) == ("numerical", [("1969", 1.0)])
    assert read["day"].kind == "shortanswer"
    assert [a for a, _ in read["day"].answers] == ["20 July 1969", "July 20, 1969", "1969-07-20"]

    one = read["one-right"]
    assert (one.kind, one.single) == ("multichoice", True)
    assert one.answers == [("Mare = sea", 1.0), ("%10% lake", 0.0), ("[plain] river", 0.0)]
    three = read["three-right"]
    assert (three.kind, three.single) == ("multichoice", False)
    third = pytest.approx(0.3333333)
    assert three.answers == [("Mars", third), ("Venus", third), ("Earth", third), ("Moon", -1.0)]
    assert sum(w for _, w in three.answers if w > 0) == pytest.approx(1, abs=1e-6)

    assert (read["truth"].kind, read["truth"].truth, read["truth"].text) == (
        "truefalse", True, "Is 2 < 3 {really}?")
    assert read["truth"].general_feedback == "Yes."
    assert (read["lie"].kind, read["lie"].truth) == ("truefalse", False)

    gap = read["one-gap"]
    assert gap.kind == "shortanswer"
    assert gap.text == "The _____ (a calm one) of Tranquillity: {calm}."
    assert gap.answers == [("Sea", 1.0)]
    assert read["end-gap"].text == "Armstrong flew _____"  # the blank survives (issue 14)
    assert read["end-gap"].answers == [("Apollo 11", 1.0)]
    assert read["two-gaps-c1"].text == "_____ and Buzz walked; Mike: {orbited}."
    assert read["two-gaps-c1"].answers == [("Neil", 1.0)]
    assert read["two-gaps-c2"].text == "Neil and _____ walked; Mike: {orbited}."

    right = read["right-arrow"]
    assert right.kind == "match"
    assert right.text == "Match #2"
    assert right.pairs == [("Io", "moon -> of Jupiter"), ("Titan", "moon: of Saturn"),
                           ("=Phobos", "moon of Mars")]

    order = read["chronology"]
    assert order.kind == "match"
    assert order.pairs == [("Sputnik", "1"), ("Apollo 11", "2"), ("Artemis I", "3")]


def test_what_gift_cannot_express_is_skipped_with_a_warning(tricky: LoadedDeck) -> None:
    rendered = render_decks([tricky], "gift")
    names = {q.name for q in moodle_read(rendered.text)[1]}
    assert {"repeated-gap", "pairs", "arrow-answer"}.isdisjoint(names)
    shown = display_path(tricky.path)
    assert rendered.warnings == [
        f"{shown}: questions[11] (repeated-gap): gap c1 appears more than once and GIFT "
        "allows one blank per question; skipped in GIFT",
        f"{shown}: questions[12] (pairs): 'a -> b' contains '->', which GIFT uses between the "
        "sides of a pair; skipped in GIFT",
        f"{shown}: questions[14] (arrow-answer): the answer '->' contains '->', which Moodle "
        "reads as a matching pair; skipped in GIFT",
    ]


def test_the_shipped_deck_imports_in_full(tmp_path: Path) -> None:
    deck = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    rendered = render_decks([deck], "gift")
    assert rendered.warnings == []
    _, questions = moodle_read(rendered.text)
    assert len(questions) == rendered.questions
    titles = {q.name for q in questions}
    for question in deck.deck.questions:
        assert question.id in titles or f"{question.id}-c1" in titles


def test_an_independent_gift_parser_reads_the_same_types(tmp_path: Path) -> None:
    # This parser lexes braces even in a $CATEGORY line, which Moodle takes verbatim.
    path = tmp_path / "tricky.yaml"
    path.write_text(TRICKY.replace("{basics}", "basics"), encoding="utf-8")
    rendered = render_decks([load_deck(path)], "gift")
    parsed = gift_parser.parse(rendered.text)
    ours = by_name(moodle_read(rendered.text)[1])
    theirs: dict[str, Any] = {q.name: q for q in parsed.questions if hasattr(q, "name")}
    assert set(theirs) == {name for name in ours}
    kinds = {"shortanswer": "Short", "numerical": "Numerical", "multichoice": None,
             "match": "Matching", "truefalse": "TrueFalse"}
    for name, read in ours.items():
        answer_class = type(theirs[name].answer).__name__
        if read.kind == "multichoice":
            expected = "MultipleChoiceRadio" if read.single else "MultipleChoiceCheckbox"
        elif read.kind == "match" and len(read.pairs) < 3:
            continue  # this parser wants three pairs for matching, Moodle two
        else:
            expected = kinds[read.kind]
        assert answer_class == expected, name


def test_the_shipped_deck_through_the_independent_parser() -> None:
    deck = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    rendered = render_decks([deck], "gift")
    parsed = gift_parser.parse(rendered.text)
    assert len(parsed.questions) == rendered.questions
    assert {q.category for q in parsed.questions} == {"Putin in Pyongyang, June 2024"}
    assert [q.name for q in parsed.questions] == [q.name for q in moodle_read(rendered.text)[1]]


# ------------------------------------------------- Moodle's own importer, field by field


def test_moodle_reads_every_type_with_markup_as_the_deck_says(tmp_path: Path) -> None:
    """Run by Moodle's GIFT importer (../shared/consumers/moodle/check); ids, tags, answers,
    fractions and tolerances compared with the deck, question by question."""
    loaded = every_type_deck(tmp_path)
    target = tmp_path / "every.gift.txt"
    rendered = render_decks([loaded], "gift")
    assert rendered.warnings == []
    target.write_text(rendered.text, encoding="utf-8")
    report = moodle_importer("gift", target)
    assert report["ok"], report["errors"]
    result = compare("gift", loaded.deck.questions, report)
    assert result.mismatches == []
    assert result.questions == 16  # the two-gap cloze is two GIFT questions
    assert result.compared > 150


def test_moodle_reads_the_shipped_deck_as_the_deck_says(tmp_path: Path) -> None:
    loaded = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    target = tmp_path / "shipped.gift.txt"
    rendered = render_decks([loaded], "gift")
    target.write_text(rendered.text, encoding="utf-8")
    report = moodle_importer("gift", target)
    assert report["ok"], report["errors"]
    skipped = {warning.split("(")[1].split(")")[0] for warning in rendered.warnings}
    result = compare("gift", [q for q in loaded.deck.questions if q.id not in skipped], report)
    assert result.mismatches == []
    assert result.questions == rendered.questions


def test_a_cloze_ending_on_its_gap_keeps_the_blank(write_deck: Any, tmp_path: Path) -> None:
    path = write_deck("""\
        id: end
        title: End
        questions:
          - {id: aboard, type: cloze, text: "The treaty was signed {{aboard}}"}
        """)
    target = tmp_path / "end.gift.txt"
    target.write_text(render_decks([load_deck(path)], "gift").text, encoding="utf-8")
    read = moodle_importer("gift", target)["questions"][1]
    assert read["questiontext"] == "The treaty was signed _____"
    assert read["answers"][0]["text"] == "aboard"


def test_tags_moodle_cannot_read_are_left_out_with_a_warning(write_deck: Any,
                                                              tmp_path: Path) -> None:
    path = write_deck("""\
        id: tags
        title: Tags
        questions:
          - {id: q, type: short, prompt: Q?, answer: A, tags: ["a<b", "fine]one", ok]}
        """)
    rendered = render_decks([load_deck(path)], "gift")
    assert rendered.warnings == [
        f"{display_path(path)}: questions[0] (q): tag 'a<b' has a character Moodle's GIFT "
        "reader stops at; left out"]
    target = tmp_path / "tags.gift.txt"
    target.write_text(rendered.text, encoding="utf-8")
    read = moodle_importer("gift", target)["questions"][1]
    assert (read["idnumber"], read["tags"]) == ("q", ["fine]one", "ok"])
