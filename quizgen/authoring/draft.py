"""A question as typed on the command line, and what each question type needs from it.

`quizgen add` collects loose options (`--prompt`, `--choice` …); this module knows which
of them a type requires, which it refuses, and how each becomes the value the YAML holds
(a number stays a number, a year stays a year), so the CLI only asks and passes along.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, assert_never

from ..errors import InputError
from ..models import PartialDate, within_number_limits
from ..registry import QUESTION_TYPE_NAMES, QuestionTypeName

TRUE_WORDS = frozenset({"true", "t", "yes", "y"})
FALSE_WORDS = frozenset({"false", "f", "no", "n"})


@dataclass(frozen=True)
class NewQuestion:
    """Everything `quizgen add` may be told about one question; unset fields are None or ()."""

    type: str | None = None
    prompt: str | None = None
    answers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    id: str | None = None
    explanation: str | None = None
    paragraph: int | None = None
    text: str | None = None
    unit: str | None = None
    tolerance: str | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Need:
    """A required input that is missing: the option that gives it and how many values."""

    field: str
    option: str
    label: str
    minimum: int = 1

    @property
    def repeatable(self) -> bool:
        return self.minimum > 1


_PROMPT = Need("prompt", "--prompt", "Prompt (the question)")
_ANSWER = Need("answers", "--answer", "Answer")


def needs_of(kind: QuestionTypeName) -> tuple[Need, ...]:
    """What each type cannot do without, in the order a person would be asked."""
    match kind:
        case "short":
            return (_PROMPT, _ANSWER)
        case "numeric":
            return (_PROMPT, Need("answers", "--answer", "Answer (a number)"))
        case "date":
            return (_PROMPT, Need("answers", "--answer", "Answer (YYYY, YYYY-MM or YYYY-MM-DD)"))
        case "choice":
            return (_PROMPT, Need("choices", "--choice", "Choice", 2),
                    Need("answers", "--answer", "Right choice (as written)"))
        case "truefalse":
            return (_PROMPT, Need("answers", "--answer", "Answer (true or false)"))
        case "cloze":
            return (Need("text", "--text",
                         "Text with gaps, e.g. 'Paris is the capital of {{France}}'"),)
        case "order":
            return (_PROMPT, Need("items", "--item", "Item (in the right order)", 2))
        case "match":
            return (_PROMPT, Need("pairs", "--pair", "Pair (left=right)", 2))
        case _:
            assert_never(kind)


_ONLY_FOR: dict[str, tuple[str, frozenset[str]]] = {
    "choices": ("--choice", frozenset({"choice"})),
    "items": ("--item", frozenset({"order"})),
    "pairs": ("--pair", frozenset({"match"})),
    "alternatives": ("--alternative", frozenset({"short"})),
    "unit": ("--unit", frozenset({"numeric"})),
    "tolerance": ("--tolerance", frozenset({"numeric"})),
    "text": ("--text", frozenset({"cloze"})),
    "answers": ("--answer", frozenset(QUESTION_TYPE_NAMES) - {"cloze", "order", "match"}),
}


def missing(draft: NewQuestion) -> list[Need]:
    """Required inputs not yet given (only the type, while the type itself is unknown)."""
    if draft.type is None:
        return [Need("type", "--type", f"Type ({', '.join(QUESTION_TYPE_NAMES)})")]
    needs: list[Need] = []
    for need in needs_of(check_type(draft.type)):
        given = getattr(draft, need.field)
        if need.field == "text" and draft.prompt is not None:
            continue  # a cloze's --prompt serves as its text
        count = len(given) if isinstance(given, tuple) else (0 if given is None else 1)
        if count < need.minimum:
            needs.append(need)
    return needs


def check_type(kind: str) -> QuestionTypeName:
    """`kind` as a registry name, or a clear error listing the names there are."""
    for name in QUESTION_TYPE_NAMES:
        if name == kind:
            return name
    raise InputError(f"unknown question type '{kind}' "
                     f"(use one of: {', '.join(QUESTION_TYPE_NAMES)})")


def question_data(draft: NewQuestion, question_id: str) -> dict[str, Any]:
    """The question as YAML values, keys in a natural order; refuses options its type ignores.

    Values are typed as a person would write them in YAML: numbers as numbers, a year
    as a whole number, a full date as a date, true/false as booleans.
    """
    if draft.type is None:
        raise InputError("--type is required")
    kind = check_type(draft.type)
    _refuse_foreign_options(draft, kind)
    lacking = missing(draft)
    if lacking:
        raise InputError(f"a {kind} question needs {_names(lacking)}")
    if len(draft.answers) > 1 and kind != "choice":
        raise InputError(f"a {kind} question takes one --answer; "
                         "only choice questions take several")
    data: dict[str, Any] = {"id": question_id, "type": kind, **_type_data(draft, kind)}
    if draft.tags:
        data["tags"] = list(draft.tags)
    if draft.explanation is not None:
        data["explanation"] = draft.explanation
    if draft.paragraph is not None:
        data["source"] = {"paragraph": draft.paragraph}
    return data


def _type_data(draft: NewQuestion, kind: QuestionTypeName) -> dict[str, Any]:
    """The fields only `kind` has, in the order a person writes them."""
    match kind:
        case "cloze":
            if draft.text is not None and draft.prompt is not None:
                raise InputError("a cloze question takes --text or --prompt (used as its text), "
                                 "not both")
            return {"text": draft.text if draft.text is not None else draft.prompt}
        case "short":
            alternatives = {"alternatives": list(draft.alternatives)} if draft.alternatives else {}
            return {"prompt": draft.prompt, "answer": draft.answers[0], **alternatives}
        case "numeric":
            data: dict[str, Any] = {"prompt": draft.prompt,
                                    "answer": _number(draft.answers[0], "--answer")}
            if draft.unit is not None:
                data["unit"] = draft.unit
            if draft.tolerance is not None:
                data["tolerance"] = _number(draft.tolerance, "--tolerance")
            return data
        case "date":
            return {"prompt": draft.prompt, "answer": _date(draft.answers[0])}
        case "choice":
            answer = draft.answers[0] if len(draft.answers) == 1 else list(draft.answers)
            return {"prompt": draft.prompt, "choices": list(draft.choices), "answer": answer}
        case "truefalse":
            return {"prompt": draft.prompt, "answer": _truth(draft.answers[0])}
        case "order":
            return {"prompt": draft.prompt, "items": list(draft.items)}
        case "match":
            return {"prompt": draft.prompt, "pairs": [_pair(text) for text in draft.pairs]}
        case _:
            assert_never(kind)


def id_source_text(draft: NewQuestion) -> str:
    """The words an automatic id is made from: the prompt, or a cloze's text without braces."""
    text = draft.text if draft.text is not None else (draft.prompt or "")
    return text.replace("{{", " ").replace("}}", " ").replace("::", " ")


def _refuse_foreign_options(draft: NewQuestion, kind: str) -> None:
    foreign = [
        option for field, (option, kinds) in _ONLY_FOR.items()
        if kind not in kinds and getattr(draft, field) not in (None, ())
    ]
    if foreign:
        raise InputError(f"{_join(foreign)} {'does' if len(foreign) == 1 else 'do'} not apply "
                         f"to {kind} questions")


def _names(needs: list[Need]) -> str:
    return _join([f"{n.option} (at least {n.minimum})" if n.repeatable else n.option
                  for n in needs])


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _number(text: str, option: str) -> Decimal | int:
    try:
        value = Decimal(text.strip().replace("_", ""))
    except InvalidOperation:
        raise InputError(f"{option} must be a number, like 24 or 0.5, not '{text}'") from None
    if not value.is_finite():
        raise InputError(f"{option} must be a finite number, not '{text}'")
    try:
        within_number_limits(value)  # before any conversion: int(1e999999999) never ends
    except ValueError as error:
        raise InputError(f"{option} {error}, not '{text}'") from None
    if value == value.to_integral_value():
        return int(value)
    return value


def _date(text: str) -> int | str | date:
    try:
        when = PartialDate.parse(text)
    except ValueError as error:
        raise InputError(f"--answer: {error}") from None
    if when.month is None:
        return when.year
    if when.day is None:
        return when.iso()
    return date(when.year, when.month, when.day)


def _truth(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InputError(f"--answer for a truefalse question is true or false, not '{text}'")


def _pair(text: str) -> dict[str, str]:
    left, separator, right = text.partition("=")
    if not separator or not left.strip() or not right.strip():
        raise InputError(f"--pair takes 'left=right' (split at the first '='), not '{text}'")
    return {"left": left.strip(), "right": right.strip()}
