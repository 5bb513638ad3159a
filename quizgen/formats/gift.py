"""Moodle GIFT: every question titled `::id::`, each type in the GIFT form Moodle imports.

The rules follow Moodle's own importer (question/format/gift/format.php): questions are
separated by blank lines; `~ = # { } :` and `\\` are escaped with a backslash and line
breaks written as `\\n`; question text carries `[plain]` so Moodle shows it as plain
text, never as HTML. What GIFT cannot express is skipped and reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import assert_never

from .. import models
from ..loading import LoadedDeck
from ..models import MONTHS, AnyQuestion
from . import Rendered, question_where

_SPECIAL = re.compile(r"([\\~=#{}:])")
_WEIGHT_LIKE = re.compile(r"^%-*[0-9]{1,2}\.?[0-9]*%")
"""Moodle reads an answer starting like this as a `%50%` weight, not as text."""
_FORMAT_LIKE = re.compile(r"^\[(?:html|moodle|plain|markdown)\]")
"""Moodle reads a leading `[html]` etc. as a text format marker, not as text."""


class Unsupported(Exception):
    """A question (or a part of it) that GIFT has no form for; becomes a warning."""


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    blocks: list[str] = []
    warnings: list[str] = []
    count = 0
    for loaded in decks:
        deck = loaded.deck
        blocks.append(f"// quizgen deck '{deck.id}'\n$CATEGORY: {category(deck.title)}")
        for index, question in enumerate(deck.questions):
            try:
                written = question_blocks(question)
            except Unsupported as reason:
                warnings.append(f"{question_where(loaded, index)}: {reason}; skipped in GIFT")
                continue
            blocks.extend(written)
            count += len(written)
    return Rendered("\n\n".join(blocks) + "\n", count, warnings)


def question_blocks(question: AnyQuestion) -> list[str]:
    """The GIFT text of one question (several for a cloze with several gaps)."""
    feedback = f"####{answer_text(question.explanation)}" if question.explanation else ""
    prompt = question.prompt_text()
    match question:
        case models.ClozeQuestion():
            return _cloze(question, feedback)
        case models.ShortQuestion():
            answers = _short([question.answer, *question.alternatives])
        case models.NumericQuestion():
            answers = f"#{number(question.answer)}:{number(question.tolerance)}"
        case models.DateQuestion():
            answers = _date(question)
        case models.ChoiceQuestion():
            answers = _choice(question)
        case models.TrueFalseQuestion():
            answers = "TRUE" if question.answer else "FALSE"
        case models.MatchQuestion():
            answers = _match([(pair.left, pair.right) for pair in question.pairs])
        case models.OrderQuestion():
            prompt += " (Match each item to its place: 1 is first.)"
            answers = _match([(item, str(place)) for place, item in enumerate(question.items, 1)])
        case _:
            assert_never(question)
    return [f"{title(question.id)}[plain]{escape(prompt)}{{{answers}{feedback}}}"]


def _date(question: models.DateQuestion) -> str:
    when = question.answer_date
    if when.month is None:
        return f"#{when.year}:0"
    forms = [when.words(), when.iso()]
    if when.day is not None:
        forms.insert(1, f"{MONTHS[when.month - 1]} {when.day}, {when.year}")
    return _short(forms)


def _short(answers: list[str]) -> str:
    for answer in answers:
        if "->" in answer:
            raise Unsupported(
                f"the answer '{answer}' contains '->', which Moodle reads as a matching pair"
            )
    return " ".join(f"={'%100%' if _WEIGHT_LIKE.match(a) else ''}{answer_text(a)}" for a in answers)


def _choice(question: models.ChoiceQuestion) -> str:
    right = question.correct
    if len(right) == 1:
        return " ".join(
            f"={answer_text(choice)}" if choice in right else f"~{_wrong(choice)}"
            for choice in question.choices
        )
    share = weight(Decimal(100) / len(right))
    return " ".join(
        f"~%{share}%{answer_text(choice)}" if choice in right else f"~%-100%{answer_text(choice)}"
        for choice in question.choices
    )


def _wrong(choice: str) -> str:
    return f"%0%{answer_text(choice)}" if _WEIGHT_LIKE.match(choice) else answer_text(choice)


def _match(pairs: list[tuple[str, str]]) -> str:
    for left, _ in pairs:
        if "->" in left:
            raise Unsupported(
                f"'{left}' contains '->', which GIFT uses between the sides of a pair"
            )
    return " ".join(f"={answer_text(left)} -> {escape(right)}" for left, right in pairs)


def _cloze(question: models.ClozeQuestion, feedback: str) -> list[str]:
    """One gap: Moodle's missing-word form. Several: one question per gap, others shown."""
    gaps = question.gaps()
    numbers = sorted({gap.number for gap in gaps})
    for number in numbers:
        if sum(gap.number == number for gap in gaps) > 1:
            raise Unsupported(
                f"gap c{number} appears more than once and GIFT allows one blank per question"
            )
    blocks: list[str] = []
    for number in numbers:
        parts: list[str] = []
        for part in question.segments():
            if isinstance(part, str):
                parts.append(escape(part))
            elif part.number == number:
                hint = f" ({escape(part.hint)})" if part.hint else ""
                parts.append(f"{{{_short([part.answer.strip()])}{feedback}}}{hint}")
            else:
                parts.append(escape(part.answer))
        name = question.id if len(numbers) == 1 else f"{question.id}-c{number}"
        blocks.append(f"{title(name)}[plain]{''.join(parts)}")
    return blocks


def title(name: str) -> str:
    return f"::{escape(name)}::"


def category(deck_title: str) -> str:
    """Moodle splits category paths at '/', and reads '//' as a slash inside a name."""
    return " ".join(deck_title.split()).replace("/", "//")


def escape(value: str) -> str:
    """GIFT's special characters backslash-escaped; line breaks as `\\n`, as Moodle writes them."""
    escaped = _SPECIAL.sub(r"\\\1", value)
    return escaped.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def answer_text(value: str) -> str:
    """An answer or left side: escaped, and protected from being read as a format marker."""
    prefix = "[plain]" if _FORMAT_LIKE.match(value) else ""
    return prefix + escape(value)


def number(value: Decimal | int) -> str:
    """Plain digits Moodle's is_numeric() takes: no exponent, no thousands separators."""
    return format(Decimal(value).normalize(), "f")


def weight(value: Decimal) -> str:
    """A percentage as Moodle writes them (33.33333): at most five decimals."""
    return format(value.quantize(Decimal("0.00001")).normalize(), "f")
