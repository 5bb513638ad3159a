"""Bad decks give every problem at once, each located at file:line:column, worded exactly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from quizgen import DeckError, InputError, load_deck, load_decks

BAD_DECKS: dict[str, tuple[str, list[str]]] = {
    "syntax": (
        "id: x\ntitle: [unclosed\nquestions: []\n",
        ["{f}:3:10: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"],
    ),
    "tab": (
        "id: x\ntitle: T\nquestions:\n\t- id: a\n",
        [
            "{f}:4:1: YAML syntax: while scanning for the next token, found character that cannot "
            "start any token (indent with spaces, not tabs)"
        ],
    ),
    "unknown-type": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: essay\n    prompt: p\n",
        [
            "{f}:5:11: questions[0].type: unknown question type 'essay' (use one of: short, "
            "numeric, date, choice, truefalse, cloze, order, match)"
        ],
    ),
    "typo-key": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: short\n    prompt: p\n"
        "    answer: a\n    explaination: e\n",
        [
            "{f}:8:5: questions[0].explaination: unknown field 'explaination' "
            "(did you mean 'explanation'?)"
        ],
    ),
    "missing-answer": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: date\n    prompt: When?\n",
        ["{f}:4:5: questions[0].answer: missing required field 'answer'"],
    ),
    "answer-not-a-choice": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n"
        "    choices: ['1994', '1996']\n    answer: '1998'\n",
        ["{f}:8:13: questions[0].answer: '1998' is not one of the choices"],
    ),
    "duplicate-ids": (
        "id: x\ntitle: T\nquestions:\n"
        "  - {id: a, type: truefalse, prompt: p, answer: true}\n"
        "  - {id: a, type: truefalse, prompt: q, answer: false}\n",
        ["{f}:5:10: questions[1].id: duplicate id 'a' (first used by questions[0])"],
    ),
    "bad-date": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: date\n    prompt: p\n"
        "    answer: 2022-02-30\n",
        ["{f}:7:13: questions[0].answer: '2022-02-30' is not a real date"],
    ),
    "duplicate-keys": (
        "id: x\ntitle: T\ntitle: U\nquestions: []\n",
        ["{f}:3:1: duplicate key 'title' (each key may appear once in a mapping)"],
    ),
    "empty": (
        "",
        ["{f}:1:1: the file is empty (a deck needs at least id, title and questions)"],
    ),
    "python-tag": (
        "id: x\ntitle: !!python/object/apply:os.system ['echo hacked']\nquestions: []\n",
        [
            "{f}:2:8: the tag '!!python/object/apply:os.system' is not allowed "
            "(decks hold plain text, numbers, lists and mappings)"
        ],
    ),
    "not-a-mapping": (
        "- id: a\n",
        [
            "{f}:1:1: a deck is a mapping of fields, not a list "
            "(start with 'id:', 'title:' and 'questions:')"
        ],
    ),
    "norway": (
        "id: x\ntitle: T\nquestions:\n  - {id: a, type: short, prompt: Is it?, answer: no}\n",
        [
            "{f}:4:50: questions[0].answer: expected text, found true/false (false) "
            "(quote it: YAML reads yes/no/on/off as true/false)"
        ],
    ),
    "bad-slug-and-tag": (
        "id: My Deck\ntitle: T\nquestions:\n"
        "  - {id: a, type: truefalse, prompt: p, answer: true, tags: [cold war]}\n",
        [
            "{f}:1:5: id: 'My Deck' is not a valid id (use lowercase letters, digits and single "
            "hyphens, e.g. 'my-deck')",
            "{f}:4:62: questions[0].tags[0]: tag 'cold war' is not a valid tag "
            "(tags have no spaces; use '-' or '_' between words and '::' to nest)",
        ],
    ),
    "field-of-another-type": (
        "id: x\ntitle: T\nquestions:\n  - id: a\n    type: short\n    prompt: p\n"
        "    answer: a\n    choices: [a, b]\n",
        [
            "{f}:8:5: questions[0].choices: unknown field 'choices' ('choices' belongs to choice "
            "questions)"
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_DECKS))
def test_bad_deck_messages_are_exact(name: str, write_deck: Callable[..., Path]) -> None:
    text, expected = BAD_DECKS[name]
    path = write_deck(text, f"{name}.yaml")
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert [str(p) for p in caught.value.problems] == [e.format(f=path) for e in expected]


def test_non_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: x\ntitle: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert str(caught.value) == f"{path}:2:11: not UTF-8 text (byte 0xe9) (save the file as UTF-8)"


def test_every_problem_is_reported_at_once(write_deck: Callable[..., Path]) -> None:
    path = write_deck("""\
        id: x
        title: T
        questions:
          - id: a
            type: numeric
            prompt: How many?
            answer: many
          - id: b
            type: choice
            prompt: Pick
            choices: [one]
            answer: one
          - id: a
            type: order
            prompt: Order these
            items: [x]
        """)
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert [(p.line, p.where) for p in caught.value.problems] == [
        (7, "questions[0].answer"),
        (11, "questions[1].choices"),
        (13, "questions[2].id"),
        (16, "questions[2].items"),
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    text = (
        "id: win\r\ntitle: Windows\r\nquestions:\r\n  - id: a\r\n    type: short\r\n"
        "    prompt: Capital?\r\n    answer: Pyongyang\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    deck = load_deck(path).deck
    assert deck.id == "win" and deck.questions[0].prompt_text() == "Capital?"


def test_yaml_dates_and_floats_stay_faithful(write_deck: Callable[..., Path]) -> None:
    path = write_deck("""\
        id: x
        title: T
        source: {title: S, date: 2024-06-18}
        questions:
          - {id: a, type: numeric, prompt: p, answer: 0.1, tolerance: 0.05}
        """)
    deck = load_deck(path).deck
    assert deck.source is not None and deck.source.date == "2024-06-18"
    assert str(deck.questions[0].answer) == "0.1"  # type: ignore[union-attr]


def test_folders_load_every_deck_in_name_order(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    for name, deck_id in (("b.yaml", "bee"), ("a.yml", "ay")):
        write_deck(
            f"id: {deck_id}\ntitle: T\nquestions:\n"
            "  - {id: q, type: truefalse, prompt: p, answer: true}\n",
            name,
        )
    (tmp_path / "notes.txt").write_text("not a deck")
    assert [d.deck.id for d in load_decks([tmp_path])] == ["ay", "bee"]


def test_problems_across_files_are_collected(
    write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    write_deck("id: a\ntitle: T\nquestions: []\n", "a.yaml")
    write_deck("id: b\n", "b.yaml")
    with pytest.raises(DeckError) as caught:
        load_decks([tmp_path])
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'a.yaml'}:3:12: questions: needs at least 1 entry, found 0",
        f"{tmp_path / 'b.yaml'}:1:1: questions: missing required field 'questions'",
        f"{tmp_path / 'b.yaml'}:1:1: title: missing required field 'title'",
    ]


def test_missing_paths_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_decks([tmp_path / "nope.yaml"])
    with pytest.raises(InputError, match="no deck files"):
        load_decks([tmp_path])


def test_aliases_cannot_explode(write_deck: Callable[..., Path]) -> None:
    layers = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for index in range(1, 9):
        prev, name = chr(96 + index), chr(97 + index)
        layers.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write_deck("\n".join(layers) + "\n")
    with pytest.raises(DeckError, match="aliases expand to far more data than the file holds"):
        load_deck(path)


def test_deep_nesting_is_refused(write_deck: Callable[..., Path]) -> None:
    path = write_deck("id: x\ntitle: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(DeckError, match="nest"):
        load_deck(path)


def test_missing_image_is_located(write_deck: Callable[..., Path]) -> None:
    path = write_deck(
        "id: x\ntitle: T\nquestions:\n"
        "  - {id: a, type: truefalse, prompt: p, answer: true, image: map.png}\n"
    )
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:4:62: questions[0].image: file 'map.png' not found next to the deck"
    ]
