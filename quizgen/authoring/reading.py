"""What a person types at `quizgen add`'s prompts → the values a draft question holds.

Options on the command line are taken literally (a script must get the same result every
time); a person at a prompt is forgiven instead: `Choice` for `choice`, `2` or `b` for the
second choice, `October 1860` for 1860-10, `21,000,000` for 21000000. Each reader returns
the text `question_data` already accepts, or raises `InputError` saying why, so the prompt
can ask again.
"""

from __future__ import annotations

import difflib
import re
import string
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from ..errors import InputError
from ..models import MONTHS, TAG_PATTERN, ClozeQuestion, PartialDate
from ..registry import QUESTION_TYPE_NAMES, QuestionTypeName
from .draft import FALSE_WORDS, TRUE_WORDS


def read_type(text: str) -> QuestionTypeName:
    """A type by its name in any case, or by its number in the list (1 = short)."""
    typed = text.strip().lower()
    if typed.isdigit() and 1 <= int(typed) <= len(QUESTION_TYPE_NAMES):
        return QUESTION_TYPE_NAMES[int(typed) - 1]
    for name in QUESTION_TYPE_NAMES:
        if name == typed:
            return name
    close = difflib.get_close_matches(typed, QUESTION_TYPE_NAMES, n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise InputError(f"'{text.strip()}' is not a question type ({hint}type a name or its "
                     f"number, 1 to {len(QUESTION_TYPE_NAMES)})")


def read_text(text: str) -> str:
    """Any text that is not blank."""
    if not text.strip():
        raise InputError("this cannot be empty")
    return text.strip()


def read_cloze_text(text: str) -> str:
    """A sentence with at least one well-formed {{gap}}, checked by the model itself."""
    try:
        ClozeQuestion.model_validate({"id": "x", "type": "cloze", "text": read_text(text)})
    except ValidationError as error:
        raise InputError(f"the text {_first_message(error)}") from None
    return text.strip()


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:([,\u2009\u00a0 _'])\d{3})(?:\1\d{3})*(?:\.\d+)?")


def read_number(text: str) -> str:
    """A number as people write it: 24, -3, 0.5, .5, 21,000,000, 21 000 000, 1_000."""
    typed = text.strip()
    plain = typed
    if _GROUPED.fullmatch(typed):
        plain = re.sub(r"[,\u2009\u00a0 _']", "", typed)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        raise InputError(f"'{typed}' is not a number (write it like 24, 0.5 or "
                         "21,000,000)") from None
    if not value.is_finite():
        raise InputError(f"'{typed}' is not a finite number")
    return plain


_MONTH_WORDS = {
    **{name.lower(): number for number, name in enumerate(MONTHS, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)},
    "sept": 9,
}
_MONTH = r"([A-Za-z]+)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{1,4})"


def read_date(text: str) -> str:
    """A year, a month or a day: 1860 · 1860-10 · October 1860 · Oct 1860 · 1 October 1860 ·
    October 1, 1860 · 1860-10-01. Returns the ISO form the deck keeps (1860-10)."""
    typed = " ".join(text.strip().split())
    try:
        return PartialDate.parse(typed).iso()
    except ValueError as error:
        iso_error = str(error)
    year = month = day = None
    if found := re.fullmatch(rf"{_MONTH},? {_YEAR}", typed):
        month, year = _month(found[1]), int(found[2])
    elif found := re.fullmatch(rf"{_DAY} {_MONTH},? {_YEAR}", typed):
        day, month, year = int(found[1]), _month(found[2]), int(found[3])
    elif found := re.fullmatch(rf"{_MONTH} {_DAY},? {_YEAR}", typed):
        month, day, year = _month(found[1]), int(found[2]), int(found[3])
    if year is None or month is None:
        if re.fullmatch(r"[\d-]+", typed):
            raise InputError(iso_error)
        raise InputError(f"'{typed}' is not a date I can read (write 1860, October 1860, "
                         "1 October 1860 or 1860-10-01)")
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    try:
        return PartialDate.parse(iso).iso()
    except ValueError:
        raise InputError(f"'{typed}' is not a real date") from None


def _month(word: str) -> int | None:
    return _MONTH_WORDS.get(word.lower())


def read_truth(text: str) -> str:
    """true/false in any case, or yes/no, t/f, y/n."""
    typed = text.strip().lower()
    if typed in TRUE_WORDS:
        return "true"
    if typed in FALSE_WORDS:
        return "false"
    raise InputError(f"'{text.strip()}' is neither true nor false (type true or false, "
                     "yes or no)")


def read_choice_answers(text: str, choices: tuple[str, ...]) -> tuple[str, ...]:
    """The right choice(s) as the choices' own text: by text in any case, number or letter.

    Several right choices are separated by commas (`1, 3` or `a, c`); a choice whose own
    text holds a comma is still found whole first.
    """
    typed = text.strip()
    whole = _one_choice(typed, choices)
    if whole is not None:
        return (whole,)
    parts = [part.strip() for part in typed.split(",") if part.strip()]
    found = [_one_choice(part, choices) for part in parts]
    if parts and all(answer is not None for answer in found):
        answers = tuple(dict.fromkeys(answer for answer in found if answer is not None))
        return answers
    wrong = next((part for part, answer in zip(parts, found, strict=True) if answer is None),
                 typed)
    last_letter = string.ascii_lowercase[min(len(choices), 26) - 1]
    raise InputError(f"'{wrong}' is not one of the choices (type its number 1 to "
                     f"{len(choices)}, its letter a to {last_letter}, or its text)")


def _one_choice(typed: str, choices: tuple[str, ...]) -> str | None:
    exact = [choice for choice in choices if choice.strip() == typed]
    if exact:
        return exact[0]
    folded = [choice for choice in choices if choice.strip().casefold() == typed.casefold()]
    if len(folded) == 1:
        return folded[0]
    if typed.isdigit() and 1 <= int(typed) <= len(choices):
        return choices[int(typed) - 1]
    letter = typed.lower().rstrip(")")
    if len(letter) == 1 and letter in string.ascii_lowercase[: len(choices)]:
        return choices[string.ascii_lowercase.index(letter)]
    return None


def read_new_entry(text: str, earlier: tuple[str, ...], noun: str) -> str:
    """One more choice or order item: not blank, and not the same as an earlier one."""
    typed = read_text(text)
    if typed.casefold() in (entry.strip().casefold() for entry in earlier):
        raise InputError(f"'{typed}' is already a {noun}; each {noun} must differ")
    return typed


def read_pair(text: str, earlier: tuple[str, ...]) -> str:
    """A match pair as left=right, neither side repeating an earlier pair's."""
    left, separator, right = text.partition("=")
    if not separator or not left.strip() or not right.strip():
        raise InputError("type the pair as left=right, e.g. Xi Jinping=China")
    for pair in earlier:
        old_left, _, old_right = pair.partition("=")
        if old_left.strip().casefold() == left.strip().casefold():
            raise InputError(f"'{left.strip()}' is already on the left of a pair")
        if old_right.strip().casefold() == right.strip().casefold():
            raise InputError(f"'{right.strip()}' is already on the right of a pair")
    return f"{left.strip()}={right.strip()}"


def read_paragraph(text: str) -> int:
    """A paragraph number of the deck's source, counted from 1."""
    typed = text.strip().lstrip("¶").strip()
    if not typed.isdigit() or int(typed) < 1:
        raise InputError(f"'{text.strip()}' is not a paragraph number (1 for the first)")
    return int(typed)


def read_tags(text: str) -> tuple[str, ...]:
    """Tags separated by spaces or commas, each as the schema allows (a::b nests)."""
    tags = tuple(dict.fromkeys(tag for tag in re.split(r"[\s,]+", text.strip()) if tag))
    for tag in tags:
        if not re.fullmatch(TAG_PATTERN, tag):
            raise InputError(f"'{tag}' is not a tag (no spaces or single ':'; "
                             "a::b nests b under a)")
    return tags


def _first_message(error: ValidationError) -> str:
    first = error.errors()[0]
    context = first.get("ctx") or {}
    return str(context.get("message", first["msg"])).removeprefix("Value error, ")
