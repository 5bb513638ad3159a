"""`quizgen add`: one question appended, every other byte of the file kept, or nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from quizgen import cli
from quizgen.cli import app
from quizgen.loading import load_deck
from quizgen.yamlparse import parse_yaml

runner = CliRunner()

# Written to trip a whole-file YAML round trip: odd spacing, `~`, quoting of every kind,
# folded and literal scalars, flow and block collections, comments everywhere.
STYLED = """\
# yaml-language-server: $schema=../schema/deck.schema.json
---
id: styled        # the deck id
title:   'Lunar facts'   # single-quoted, spaced
description: ~
source: {title: "A primer", date: 2001-02}
questions:

  # ── first section ──

  - id: first
    type: short
    tags: [ one,  two ]
    prompt: "Which crater is named after Tycho Brahe?"
    answer: Tycho
    explanation: >-
      Folded text that
      spans two lines.

  - id: second
    type: choice
    prompt: Which is a sea on the Moon?
    choices:
      - Mare Imbrium
      - 'Lake Geneva'
    answer: Mare Imbrium
    source:
      paragraph: 2
      locator: seas   # inline comment
    explanation: |
      Literal text.

      # not a comment: inside the literal block

# trailing comment about the list
anki_deck: Tests::Lunar
"""

ADDED = ["--type", "short", "--prompt", "Which probe landed first?", "--answer", "Luna 9"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str, name: str = "deck.yaml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def inserted(before: bytes, after: bytes) -> bytes:
    """The bytes `after` has in addition to `before`, failing unless that is all that changed."""
    prefix = 0
    while prefix < len(before) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (suffix < len(before) - prefix
           and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]):
        suffix += 1
    assert prefix + suffix == len(before), "bytes of the original file changed"
    return after[prefix : len(after) - suffix]


def add(path: Path, *options: str) -> Any:
    return runner.invoke(app, ["add", path.name, *options])


def test_only_the_new_question_is_added_to_a_styled_file(tmp_path: Path) -> None:
    path = write(tmp_path, STYLED)
    before = path.read_bytes()
    result = add(path, *ADDED)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "deck.yaml: added short question 'which-probe-landed-first' (3 questions)\n")
    inserted(before, path.read_bytes())  # nothing else changed
    assert path.read_text(encoding="utf-8") == STYLED.replace(
        "inside the literal block\n",
        "inside the literal block\n"
        "\n"
        "  - id: which-probe-landed-first\n"
        "    type: short\n"
        "    prompt: Which probe landed first?\n"
        "    answer: Luna 9\n",
    )
    deck = load_deck(path).deck
    assert [q.id for q in deck.questions] == ["first", "second", "which-probe-landed-first"]
    assert deck.anki_deck == "Tests::Lunar"
    assert "# trailing comment about the list\nanki_deck" in path.read_text()


@pytest.mark.parametrize(
    ("layout", "item"),
    [
        ("questions:\n- id: a\n  type: short\n  prompt: P\n  answer: A\n",
         "- id: b\n  type: short"),
        ("questions:\n    -   id: a\n        type: short\n        prompt: P\n        answer: A\n",
         "    -   id: b\n        type: short"),
        ("questions:\n  - id: a\n    type: short\n    prompt: P\n    answer: A\n",
         "  - id: b\n    type: short"),
    ],
    ids=["indentless", "wide", "indented"],
)
def test_the_new_item_follows_the_files_indentation(tmp_path: Path, layout: str, item: str) -> None:
    path = write(tmp_path, f"id: d\ntitle: T\n{layout}")
    before = path.read_bytes()
    result = add(path, "--type", "short", "--prompt", "Q", "--answer", "B", "--id", "b")
    assert result.exit_code == 0
    assert inserted(before, path.read_bytes()).decode().startswith(item)


def test_crlf_bom_and_missing_final_newline_are_kept(tmp_path: Path) -> None:
    text = "\ufeffid: d\r\ntitle: T\r\nquestions:\r\n  - id: a\r\n    type: short\r\n" \
           "    prompt: P\r\n    answer: A"
    path = write(tmp_path, text)
    before = path.read_bytes()
    assert add(path, *ADDED).exit_code == 0
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before):]
    assert added == (b"\r\n  - id: which-probe-landed-first\r\n    type: short\r\n"
                     b"    prompt: Which probe landed first?\r\n    answer: Luna 9\r\n")
    assert len(load_deck(path).deck.questions) == 2


def test_key_order_and_flow_style_follow_the_decks_similar_questions(tmp_path: Path) -> None:
    path = write(tmp_path, STYLED)
    before = path.read_bytes()
    result = add(path, "--type", "choice", "--prompt", "Which is bigger?", "--choice", "Earth",
                 "--choice", "Moon", "--answer", "Earth", "--tag", "size", "--paragraph", "3",
                 "--explanation", "By far.")
    assert result.exit_code == 0, result.output
    assert inserted(before, path.read_bytes()).decode().strip("\n") == (
        "  - id: which-is-bigger\n"
        "    type: choice\n"
        "    prompt: Which is bigger?\n"
        "    choices:\n"
        "      - Earth\n"
        "      - Moon\n"
        "    answer: Earth\n"
        "    tags: [size]\n"
        "    source:\n"
        "      paragraph: 3\n"
        "    explanation: By far."
    )


EVERY_TYPE: list[tuple[list[str], dict[str, Any]]] = [
    (["--type", "short", "--prompt", "Name?", "--answer", "Eagle", "--alternative", "The Eagle"],
     {"type": "short", "answer": "Eagle", "alternatives": ["The Eagle"]}),
    (["--type", "numeric", "--prompt", "How far?", "--answer", "384400", "--unit", "km",
      "--tolerance", "0.5"],
     {"type": "numeric", "answer": 384400, "unit": "km", "tolerance": "0.5"}),
    (["--type", "date", "--prompt", "When?", "--answer", "1969-07-20"],
     {"type": "date", "answer": "1969-07-20"}),
    (["--type", "date", "--prompt", "Which year?", "--answer", "1969"],
     {"type": "date", "answer": 1969}),
    (["--type", "choice", "--prompt", "Which?", "--choice", "A", "--choice", "B", "--choice", "C",
      "--answer", "A", "--answer", "C"],
     {"type": "choice", "choices": ["A", "B", "C"], "answer": ["A", "C"]}),
    (["--type", "truefalse", "--prompt", "Is it?", "--answer", "No"],
     {"type": "truefalse", "answer": False}),
    (["--type", "cloze", "--text", "The {{Sea}} of {{Tranquillity::a calm name}}."],
     {"type": "cloze", "text": "The {{Sea}} of {{Tranquillity::a calm name}}."}),
    (["--type", "cloze", "--prompt", "Apollo {{11}} landed."],
     {"type": "cloze", "text": "Apollo {{11}} landed."}),
    (["--type", "order", "--prompt", "Earliest first", "--item", "Luna 2", "--item", "Apollo 11"],
     {"type": "order", "items": ["Luna 2", "Apollo 11"]}),
    (["--type", "match", "--prompt", "Match", "--pair", "Armstrong=Apollo 11",
      "--pair", "x = y=z"],
     {"type": "match", "pairs": [{"left": "Armstrong", "right": "Apollo 11"},
                                 {"left": "x", "right": "y=z"}]}),
]


@pytest.mark.parametrize(("options", "expected"), EVERY_TYPE,
                         ids=[o[1] + "-" + str(i) for i, (o, _) in enumerate(EVERY_TYPE)])
def test_every_question_type_can_be_added(tmp_path: Path, options: list[str],
                                          expected: dict[str, Any]) -> None:
    path = write(tmp_path, STYLED)
    result = add(path, *options, "--id", "new-one")
    assert result.exit_code == 0, result.output
    data = parse_yaml(path.read_text(encoding="utf-8"))["questions"][-1]
    assert data["id"] == "new-one"
    for key, value in expected.items():
        assert str(data[key]) == str(value) if key == "tolerance" else data[key] == value
    load_deck(path)  # and the model accepts the whole deck


@pytest.mark.parametrize("value", ["yes", "off", "1996", "null", "a: b", "#hash", "- dash",
                                   "'quoted'", "line one\nline two", "1_000", "12:30", "~"])
def test_awkward_text_reads_back_exactly(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, STYLED)
    result = add(path, "--type", "short", "--prompt", f"Say {value}?", "--answer", value,
                 "--id", "awkward")
    assert result.exit_code == 0, result.output
    question = load_deck(path).deck.questions[-1]
    assert question.answer == value.strip()  # type: ignore[attr-defined]
    assert parse_yaml(path.read_text(encoding="utf-8"))["questions"][-1]["answer"] == value


def test_ids_default_to_unique_slugs(tmp_path: Path) -> None:
    path = write(tmp_path, STYLED)
    assert add(path, *ADDED).exit_code == 0
    result = add(path, *ADDED)
    assert result.stdout == (
        "deck.yaml: added short question 'which-probe-landed-first-2' (4 questions)\n")


REFUSED: list[tuple[list[str], str]] = [
    (["--type", "short", "--prompt", "Q", "--answer", "A", "--id", "second"],
     "add: deck.yaml: id 'second' is already used by questions[1]; choose another --id\n"),
    (["--type", "choice", "--prompt", "Q", "--choice", "A", "--choice", "B", "--answer", "C"],
     "add: deck.yaml: the new question is not valid, so nothing was written:\n"
     "  answer: 'C' is not one of the choices\n"),
    (["--type", "short", "--prompt", "Q", "--answer", "A", "--id", "Bad Id"],
     "add: deck.yaml: the new question is not valid, so nothing was written:\n"
     "  id: 'Bad Id' is not a valid id (use lowercase letters, digits and single hyphens, "
     "e.g. 'bad-id')\n"),
    (["--type", "short", "--prompt", "Q"],
     "add: a short question needs --answer; give them as options "
     "(there is no terminal to ask on)\n"),
    (["--prompt", "Q"],
     "add: a question needs --type; give them as options (there is no terminal to ask on)\n"),
    (["--type", "order", "--prompt", "Q", "--item", "only one"],
     "add: a order question needs --item; give them as options (there is no terminal to ask on)\n"),
    (["--type", "essay", "--prompt", "Q"],
     "add: unknown question type 'essay' (use one of: short, numeric, date, choice, truefalse, "
     "cloze, order, match)\n"),
    (["--type", "short", "--prompt", "Q", "--answer", "A", "--choice", "B", "--unit", "km"],
     "add: --choice and --unit do not apply to short questions\n"),
    (["--type", "numeric", "--prompt", "Q", "--answer", "about 7"],
     "add: --answer must be a number, like 24 or 0.5, not 'about 7'\n"),
    (["--type", "truefalse", "--prompt", "Q", "--answer", "maybe"],
     "add: --answer for a truefalse question is true or false, not 'maybe'\n"),
    (["--type", "date", "--prompt", "Q", "--answer", "2024-02-30"],
     "add: --answer: '2024-02-30' is not a real date\n"),
    (["--type", "match", "--prompt", "Q", "--pair", "a=b", "--pair", "no separator"],
     "add: --pair takes 'left=right' (split at the first '='), not 'no separator'\n"),
    (["--type", "cloze", "--text", "no gaps here"],
     "add: deck.yaml: the new question is not valid, so nothing was written:\n"
     "  text: has no gap: mark each answer as {{answer}} or {{c1::answer}}\n"),
    (["--type", "short", "--prompt", "Q", "--answer", "A", "--answer", "B"],
     "add: a short question takes one --answer; only choice questions take several\n"),
]


@pytest.mark.parametrize(("options", "message"), REFUSED)
def test_refusals_leave_the_file_byte_for_byte_unchanged(
    tmp_path: Path, options: list[str], message: str
) -> None:
    path = write(tmp_path, STYLED)
    before = path.read_bytes()
    result = add(path, *options)
    assert result.exit_code == 1
    assert result.stderr == message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]  # no temporary file left


def test_an_invalid_deck_is_not_touched(tmp_path: Path) -> None:
    path = write(tmp_path,
                 "id: d\ntitle: T\nquestions:\n  - id: a\n    type: short\n    prompt: P\n")
    before = path.read_bytes()
    result = add(path, *ADDED)
    assert result.exit_code == 1
    assert result.stderr == ("deck.yaml:4:5: questions[0].answer: missing required field 'answer'\n"
                             "add: 1 problem found\n")
    assert path.read_bytes() == before


def test_a_flow_style_question_list_is_refused(tmp_path: Path) -> None:
    text = "id: d\ntitle: T\nquestions: [{id: a, type: short, prompt: P, answer: A}]\n"
    path = write(tmp_path, text)
    result = add(path, *ADDED)
    assert result.exit_code == 1
    assert result.stderr == ("add: deck.yaml: 'questions:' is written as a flow list [...]; "
                             "add appends to block lists ('- id: …' on its own line)\n")
    assert path.read_text(encoding="utf-8") == text


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["add", "nowhere.yaml", *ADDED])
    assert result.exit_code == 1
    assert result.stderr == "add: nowhere.yaml: cannot read: No such file or directory\n"


def test_on_a_terminal_missing_fields_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_can_prompt", lambda: True)
    path = write(tmp_path, STYLED)
    result = runner.invoke(app, ["add", "deck.yaml"],
                           input="choice\nWhich is larger?\nEarth\nMoon\n\nearth\n3\n\nsize\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Type (1 short, 2 numeric, 3 date, 4 choice, 5 truefalse, 6 cloze, 7 order, 8 match): "
        "choice\n"
        "Prompt (the question): Which is larger?\n"
        "Choice 1: Earth\n"
        "Choice 2: Moon\n"
        "Choice 3 (Enter to finish): \n"
        "Right choice (its number 1-2, letter a-b or text; several: 1, 3): earth\n"
        "Paragraph of the source holding the answer, 1 = first (Enter to skip): 3\n"
        "Explanation, shown with the answer (Enter to skip): \n"
        "Tags, separated by spaces (Enter to skip): size\n"
        "deck.yaml: added choice question 'which-is-larger' (3 questions)\n"
    )
    question = load_deck(path).deck.questions[-1]
    assert question.choices == ["Earth", "Moon"]  # type: ignore[attr-defined]
    assert question.answer == "Earth"  # type: ignore[attr-defined]
    assert question.tags == ["size"]
    assert question.source is not None and question.source.paragraph == 3
    assert question.explanation is None


def test_a_wrong_line_is_explained_and_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_can_prompt", lambda: True)
    path = write(tmp_path, STYLED)
    result = runner.invoke(app, ["add", "deck.yaml", "--type", "truefalse", "--prompt", "Q?"],
                           input="maybe\nYES\n0\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "  'maybe' is neither true nor false (type true or false, yes or no)\n"
        "  '0' is not a paragraph number (1 for the first)\n"
    )
    assert load_deck(path).deck.questions[-1].answer is True  # type: ignore[attr-defined]


def test_without_a_terminal_nothing_is_asked_and_the_message_is_unchanged(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, STYLED)
    result = runner.invoke(app, ["add", "deck.yaml", "--type", "choice", "--prompt", "Q"],
                           input="Earth\nMoon\n")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == ("add: a choice question needs --choice and --answer; give them as "
                             "options (there is no terminal to ask on)\n")
    assert path.read_text(encoding="utf-8") == STYLED


def test_the_shipped_deck_keeps_every_byte(tmp_path: Path) -> None:
    from .conftest import SHIPPED_DECKS

    original = (SHIPPED_DECKS / "putin-kim-2024.yaml").read_bytes()
    path = tmp_path / "copy.yaml"
    path.write_bytes(original)
    result = add(path, "--type", "numeric", "--prompt", "How many days did the visit last?",
                 "--answer", "2", "--tag", "dates", "--paragraph", "1")
    assert result.exit_code == 0, result.output
    added = inserted(original, path.read_bytes()).decode()
    assert added.strip("\n").startswith("  - id: how-many-days-did-the-visit-last\n"
                                         "    type: numeric\n")
    assert "    source: {paragraph: 1}\n" in added  # the deck writes sources inline


@pytest.mark.parametrize(
    ("layout", "item"),
    [
        # The dash and the question's first key on different lines, a comment between.
        ("questions:\n  - # the first question\n    id: a\n    type: short\n"
         "    prompt: P\n    answer: A\n",
         "  - id: b\n    type: short"),
        ("questions:\n  -\n    # a comment line of its own, with a - dash in it\n"
         "    id: a\n    type: short\n    prompt: P\n    answer: A\n",
         "  - id: b\n    type: short"),
        ("questions:  # the list - of questions\n- # first\n  id: a\n  type: short\n"
         "  prompt: P\n  answer: A\n",
         "- id: b\n  type: short"),
        # An anchor on the list itself stands between `questions:` and the first dash.
        ("questions: &all  # anchored\n  - id: a\n    type: short\n    prompt: P\n"
         "    answer: A\n",
         "  - id: b\n    type: short"),
    ],
    ids=["comment-after-dash", "comment-line-after-dash", "indentless-comments", "anchored-list"],
)
def test_a_comment_after_the_dash_is_read_as_yaml_reads_it(
        tmp_path: Path, layout: str, item: str) -> None:
    path = write(tmp_path, f"id: d\ntitle: T\n{layout}")
    before = path.read_bytes()
    result = add(path, "--type", "short", "--prompt", "Q", "--answer", "B", "--id", "b")
    assert result.exit_code == 0, result.output
    assert inserted(before, path.read_bytes()).decode().startswith(item)
    assert [q.id for q in load_deck(path).deck.questions] == ["a", "b"]


FIRST_QUESTIONS = ("questions:\n"
                   "  - id: a\n    type: short\n    prompt: P\n    answer: &answer A\n"
                   "    tags: &common [moon]\n"
                   "  - id: o\n    type: order\n    prompt: Put in order\n"
                   "    items: &items [one, two, three]\n")
ALIASED_ENDINGS = {
    # The last question ends on an alias to a value written earlier in the file.
    "alias-tags": "  - id: z\n    type: short\n    prompt: P2\n    answer: Z\n"
                  "    tags: *common\n",
    "alias-answer": "  - id: z\n    type: short\n    prompt: P2\n    answer: *answer\n",
    # The last question's own list is an alias to an earlier question's.
    "alias-items": "  - id: z\n    type: order\n    prompt: P3\n    items: *items\n",
}


@pytest.mark.parametrize("case", sorted(ALIASED_ENDINGS))
def test_a_deck_whose_last_question_ends_on_an_alias_takes_a_new_question(
        tmp_path: Path, case: str) -> None:
    text = f"id: d\ntitle: T\n{FIRST_QUESTIONS}{ALIASED_ENDINGS[case]}# after the list\n"
    path = write(tmp_path, text)
    old_ids = [q.id for q in load_deck(path).deck.questions]
    before = path.read_bytes()
    result = add(path, "--type", "short", "--prompt", "Q", "--answer", "B", "--id", "b")
    assert result.exit_code == 0, result.output
    added = inserted(before, path.read_bytes()).decode()
    assert added.startswith("  - id: b\n"), added
    assert path.read_text().endswith(added + "# after the list\n")
    assert [q.id for q in load_deck(path).deck.questions] == [*old_ids, "b"]
