"""The questions `quizgen add` asks on a terminal, in order, and how each answer is read.

The CLI only shows a label, reads a line and shows the reason when a reader refuses it;
what to ask next, and what a typed line means, is decided here. Required fields come
first (the type, then what that type needs); then, once someone is answering anyway,
the optional fields `quizgen check` and the outputs use (unit, paragraph, explanation,
tags), each skipped with Enter.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, assert_never

from ..registry import QUESTION_TYPE_NAMES
from .draft import NewQuestion, check_type, missing
from .reading import (
    read_choice_answers,
    read_cloze_text,
    read_date,
    read_new_entry,
    read_number,
    read_pair,
    read_paragraph,
    read_tags,
    read_text,
    read_truth,
    read_type,
)

Reader = Callable[[str, NewQuestion, tuple[str, ...]], Any]
"""(typed line, the draft so far, entries already typed for this list) → the value."""


@dataclass(frozen=True)
class Ask:
    """One prompt: the draft field it fills, its label, and how a typed line is read.

    `many` fields (choices, items, pairs) are asked entry by entry; an empty line ends
    them once `minimum` entries are in. `optional` fields are skipped with an empty line.
    """

    field: str
    label: str
    read: Reader
    many: bool = False
    minimum: int = 1
    optional: bool = False
    note: str = ""
    """Shown in brackets after each entry's number: `Item 2 (in the right order)`."""


def _text(typed: str, draft: NewQuestion, earlier: tuple[str, ...]) -> str:
    return read_text(typed)


def _answer_reader(type_name: str) -> Reader:
    def read(typed: str, draft: NewQuestion, earlier: tuple[str, ...]) -> tuple[str, ...]:
        kind = check_type(type_name)
        match kind:
            case "numeric":
                return (read_number(typed),)
            case "date":
                return (read_date(typed),)
            case "truefalse":
                return (read_truth(typed),)
            case "choice":
                return read_choice_answers(typed, draft.choices)
            case "short":
                return (read_text(typed),)
            case "cloze" | "order" | "match":
                raise ValueError(f"a {kind} question has no answer to ask for")
            case _:
                assert_never(kind)

    return read


def _answer_label(draft: NewQuestion) -> str:
    match draft.type:
        case "numeric":
            return "Answer (a number, e.g. 24, 0.5 or 21,000,000)"
        case "date":
            return "Answer (a year, month or day, e.g. 1860, October 1860, 1 October 1860)"
        case "truefalse":
            return "Answer (true or false)"
        case "choice":
            count = len(draft.choices)
            last = string.ascii_lowercase[min(count, 26) - 1]
            return (f"Right choice (its number 1-{count}, letter a-{last} or text; "
                    "several: 1, 3)")
        case _:
            return "Answer"


def _required(field: str, draft: NewQuestion) -> Ask:
    """How to ask for one required field of the draft's type."""
    match field:
        case "type":
            listed = ", ".join(f"{number} {name}"
                               for number, name in enumerate(QUESTION_TYPE_NAMES, start=1))
            return Ask("type", f"Type ({listed})", lambda typed, _d, _e: read_type(typed))
        case "prompt":
            return Ask("prompt", "Prompt (the question)", _text)
        case "text":
            return Ask("text", "Text with gaps, e.g. 'Paris is the capital of {{France}}'",
                       lambda typed, _d, _e: read_cloze_text(typed))
        case "answers":
            return Ask("answers", _answer_label(draft), _answer_reader(str(draft.type)))
        case "choices":
            return Ask("choices", "Choice", lambda typed, _d, earlier: read_new_entry(
                typed, earlier, "choice"), many=True, minimum=2)
        case "items":
            return Ask("items", "Item", lambda typed, _d, earlier:
                       read_new_entry(typed, earlier, "item"), many=True, minimum=2,
                       note="in the right order")
        case "pairs":
            return Ask("pairs", "Pair",
                       lambda typed, _d, earlier: read_pair(typed, earlier), many=True,
                       minimum=2, note="left=right")
        case _:
            raise ValueError(f"no prompt for required field {field!r}")


def _optional(draft: NewQuestion) -> list[Ask]:
    """The optional fields worth asking for this draft, those not given already."""
    asks = []
    if draft.type == "numeric" and draft.unit is None:
        asks.append(Ask("unit", "Unit, e.g. years or km", _text, optional=True))
    if draft.paragraph is None:
        asks.append(Ask("paragraph", "Paragraph of the source holding the answer, 1 = first",
                        lambda typed, _d, _e: read_paragraph(typed), optional=True))
    if draft.explanation is None:
        asks.append(Ask("explanation", "Explanation, shown with the answer", _text,
                        optional=True))
    if not draft.tags:
        asks.append(Ask("tags", "Tags, separated by spaces",
                        lambda typed, _d, _e: read_tags(typed), optional=True))
    return asks


def next_ask(draft: NewQuestion, offered: frozenset[str]) -> Ask | None:
    """What to ask next: a missing required field, else an optional one not yet offered."""
    needs = missing(draft)
    if needs:
        return _required(needs[0].field, draft)
    return next((ask for ask in _optional(draft) if ask.field not in offered), None)


def answered(draft: NewQuestion, ask: Ask, value: Any) -> NewQuestion:
    """The draft with what was read for `ask` (a list's entries as a tuple)."""
    if ask.many:
        value = tuple(value)
    return replace(draft, **{ask.field: value})
