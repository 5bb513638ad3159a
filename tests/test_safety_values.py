"""Hostile values: explicit YAML tags, alias bombs, numbers no output can write, deep decks."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import import_package
from .safety import assert_refused, run, run_process, snapshot

ONE_QUESTION = """\
id: values
title: Values
questions:
  - id: q
    type: {type}
    {field}: {value}
"""


@pytest.mark.parametrize("tagged", ['!!bool maybe', '!!bool ""', '!!int ""', '!!int "-"',
                                    '!!float ""', '!!float "."', '!!int 0x'])
def test_explicit_tags_on_bad_text_are_located(tmp_path: Path, tagged: str) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="truefalse", field="prompt", value="Is it?") +
        f"    answer: {tagged}\n", encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml:7:13: ")


def test_one_big_string_aliased_many_times_is_refused_within_memory(tmp_path: Path) -> None:
    big = "x" * 1_000_000
    aliases = ", ".join(["*big"] * 2000)
    (tmp_path / "deck.yaml").write_text(
        f"id: bomb\ntitle: &big {big}\nquestions:\n  - id: q\n    type: short\n"
        f"    prompt: Why?\n    answer: because\n    alternatives: [{aliases}]\n",
        encoding="utf-8")
    for command in (["validate"], ["build"], ["export", "-f", "quizlet", "-o", "q.txt"]):
        result = run_process(*command, "deck.yaml", cwd=tmp_path, timeout=60, memory_mb=1500)
        assert_refused(result.returncode, result.stderr, contains="deck.yaml:8:")
        assert "aliases expand to far more data than the file holds" in result.stderr
    assert not (tmp_path / "q.txt").exists()
    assert not (tmp_path / "build").exists()


def test_a_few_aliases_of_a_list_are_still_fine(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text("""\
id: reuse
title: Reuse
questions:
  - {id: a, type: choice, prompt: First?, choices: &c [Seoul, Pyongyang, Tokyo], answer: Seoul}
  - {id: b, type: choice, prompt: Second?, choices: *c, answer: Tokyo}
""", encoding="utf-8")
    assert run("validate", "deck.yaml", cwd=tmp_path) == (0, "deck.yaml: ok, 2 questions\n")


@pytest.mark.parametrize(
    ("value", "message"),
    [("1.0e+5000", "must be smaller than 1,000,000,000,000,000 in size"),
     ("1e999999999", "must be smaller than"),
     ("1e-999999999", "has more than 12 decimal places"),
     ("-2e15", "must be smaller than"),
     ("0.0000000000001", "has more than 12 decimal places")],
)
def test_numbers_no_output_can_write_are_refused_by_validate(
    tmp_path: Path, value: str, message: str
) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="numeric", field="prompt", value="How many?")
        + f"    answer: {value}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    for command in (["validate"], ["build"], ["print"], ["export", "-f", "gift", "-o", "x"]):
        result = run_process(*command, "deck.yaml", cwd=tmp_path, timeout=30)
        assert_refused(result.returncode, result.stderr,
                       contains="deck.yaml:7:13: questions[0].answer: ")
        assert message in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("answer", ["1e999999999", "1e-999999999", "1e5000"])
def test_add_refuses_huge_numbers_at_once(tmp_path: Path, answer: str) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="short", field="prompt", value="Q?") + "    answer: A\n",
        encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_process("add", "deck.yaml", "--type", "numeric", "--prompt", "How big?",
                         "--answer", answer, cwd=tmp_path, timeout=20)
    assert_refused(result.returncode, result.stderr, contains="--answer ")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("gap", ["c0", "c501", "c99999999999999999999", "c9223372036854775807"])
def test_cloze_numbers_anki_cannot_use_are_refused(tmp_path: Path, gap: str) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="cloze", field="text", value=f"'The {{{{{gap}::river}}}} flows.'"),
        encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="questions[0].text: gap numbers run from c1 to c500")


def test_the_highest_cloze_number_allowed_imports_with_a_card(
    tmp_path: Path, collection: object
) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="cloze", field="text", value="'The {{c500::river}} flows.'"),
        encoding="utf-8")
    assert run("build", "deck.yaml", "-o", "out", cwd=tmp_path)[0] == 0
    import_package(collection, tmp_path / "out" / "values.apkg")
    cards = collection.find_cards("")  # type: ignore[attr-defined]
    assert len(cards) == 1
    assert "river" in collection.get_card(cards[0]).answer()  # type: ignore[attr-defined]


def test_a_deck_path_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = "::".join(f"L{level}" for level in range(26))
    (tmp_path / "deck.yaml").write_text(
        f"anki_deck: '{path}'\n" + ONE_QUESTION.format(type="short", field="prompt", value="Q?")
        + "    answer: A\n", encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml:1:12: anki_deck: the Anki deck path is 26 "
                   "levels deep; at most 10 are allowed")


def test_the_deepest_deck_path_allowed_imports(tmp_path: Path, collection: object) -> None:
    path = "::".join(f"L{level}" for level in range(9))
    (tmp_path / "deck.yaml").write_text(
        f"anki_deck: '{path}'\n" + ONE_QUESTION.format(type="short", field="prompt", value="Q?")
        + "    answer: A\n    subdeck: Last\n", encoding="utf-8")
    assert run("build", "deck.yaml", "-o", "out", cwd=tmp_path)[0] == 0
    import_package(collection, tmp_path / "out" / "values.apkg")
    names = {deck.name for deck in collection.decks.all_names_and_ids()}  # type: ignore[attr-defined]
    assert f"{path}::Last" in names


def test_empty_deck_path_levels_are_refused(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(
        "anki_deck: 'A::::B'\n" + ONE_QUESTION.format(type="short", field="prompt", value="Q?")
        + "    answer: A\n", encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="anki_deck: a deck path has no empty level")


def test_a_text_field_over_the_limit_is_refused(tmp_path: Path) -> None:
    long = "word " * 25_000
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="short", field="prompt", value=long) + "    answer: A\n",
        encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml:6:13: questions[0].prompt: ")
    assert "100000" in output.replace(",", "")


@pytest.mark.parametrize("breaker", ["\u0085", "\u2028", "\u2029"])
def test_unusual_line_breaks_do_not_shift_reported_lines(tmp_path: Path, breaker: str) -> None:
    (tmp_path / "deck.yaml").write_text(
        f"id: lines\ntitle: 'A{breaker}B'\nquestions:\n  - id: q\n    type: shortt\n",
        encoding="utf-8")
    code, output = run("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml:5:11: questions[0].type: ")


def test_the_same_file_twice_is_reported_at_its_id(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(
        "# a comment first\n" + ONE_QUESTION.format(type="short", field="prompt", value="Q?")
        + "    answer: A\n", encoding="utf-8")
    code, output = run("validate", "deck.yaml", "deck.yaml", cwd=tmp_path)
    assert_refused(code, output, contains="deck.yaml:2:5: id: deck id 'values' is also used by")


def test_terminal_escapes_in_deck_values_are_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(
        'id: esc\ntitle: Escapes\nquestions:\n  - id: q\n    type: "\\e]0;PWNED\\a"\n',
        encoding="utf-8")
    result = run_process("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(result.returncode, result.stderr, contains="\\x1b]0;PWNED\\x07")


def test_undecodable_file_names_are_shown_escaped(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"bad-\xff.yaml")
    (tmp_path / name).write_text("id: [\n", encoding="utf-8")
    result = run_process("validate", name, cwd=tmp_path)
    assert_refused(result.returncode, result.stderr, contains="bad-\\xff.yaml:")


def test_a_unit_never_reaches_a_type_answer_card_as_html(
    tmp_path: Path, collection: object
) -> None:
    (tmp_path / "deck.yaml").write_text(
        ONE_QUESTION.format(type="numeric", field="prompt", value="How many?")
        + "    answer: 3\n    unit: '<img src=x onerror=\"alert(1)\"> {{Answer}}'\n",
        encoding="utf-8")
    assert run("build", "deck.yaml", "--type-answer", "-o", "out", cwd=tmp_path)[0] == 0
    import_package(collection, tmp_path / "out" / "values.apkg")
    card = collection.get_card(collection.find_cards("")[0])  # type: ignore[attr-defined]
    for side in (card.question(), card.answer()):
        assert "<img" not in side
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in side
