"""What GIFT and Moodle XML share: Moodle's category paths, numbers, grades and date answers.

Both files end in the same Moodle importer rules (question/format.php and the question
types' own parsers), so the rules live once here and each format only writes its syntax.
"""

from __future__ import annotations

from decimal import Decimal

from ..models import MONTHS, PartialDate

MOODLE_GRADES: frozenset[Decimal] = frozenset(
    Decimal(value)
    for value in (
        "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
        "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
    )
)
"""Moodle's grade list (question_bank's fraction options, as percentages): with the
importer's default "error if grade not listed", any other fraction refuses the whole file."""


class Unsupported(Exception):
    """A question (or a part of it) that a Moodle format has no form for; becomes a warning."""


def category_path(deck_title: str) -> str:
    """Moodle splits category paths at '/', and reads '//' as a slash inside a name."""
    return " ".join(deck_title.split()).replace("/", "//")


def number(value: Decimal | int) -> str:
    """Plain digits Moodle's is_numeric() takes: no exponent, no thousands separators."""
    return format(Decimal(value).normalize(), "f")


def weight(value: Decimal) -> str:
    """A percentage as Moodle writes them (33.33333): at most five decimals."""
    return format(value.quantize(Decimal("0.00001")).normalize(), "f")


def share_of(right_count: int) -> str:
    """Each right choice's grade in a multi-answer choice, as Moodle lists it, or Unsupported."""
    share = Decimal(100) / right_count
    written = weight(share)
    if abs(Decimal(written)) not in MOODLE_GRADES:
        raise Unsupported(
            f"{right_count} right choices would each be worth {written}%, "
            "which is not one of Moodle's grades"
        )
    return written


def distinct_answers(answers: list[str]) -> list[str]:
    """Short answers without repeats: Moodle compares them ignoring case, so 'Kim Jong-il'
    after 'Kim Jong-Il' is the same answer twice."""
    seen: set[str] = set()
    kept = []
    for answer in answers:
        if answer.casefold() not in seen:
            seen.add(answer.casefold())
            kept.append(answer)
    return kept


def date_forms(when: PartialDate) -> list[str]:
    """Every spelling of a date Moodle should accept: '19 June 2024', 'June 19, 2024', ISO;
    a year before Christ also as '44 BC' and '-44'."""
    year = str(when.year) if when.year > 0 else f"{-when.year} BC"
    if when.month is None:
        return [year] if when.year > 0 else [year, str(when.year)]
    forms = [when.words(), when.iso()]
    if when.day is not None:
        forms.insert(1, f"{MONTHS[when.month - 1]} {when.day}, {year}")
    return forms


ORDER_INSTRUCTION = " (Match each item to its place: 1 is first.)"
"""Moodle core has no ordering type that GIFT and XML both import: an order question
becomes matching of each item to its place."""
