"""Numbers, money and dates as news text writes them → exact values.

Everything is `Decimal` so that "1.2tn" is 1200000000000 exactly and perturbed
distractors never show float noise. Word numbers cover what reporters spell out
("forty", "twenty-five", "a dozen", "half a million"); anything else is left alone
rather than guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..models import PartialDate
from .words import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MONTH_NUMBERS,
    ORDINALS,
    SCALES,
    TENS,
    UNITS,
)

__all__ = ["ORDINALS", "currency_of", "make_date", "month_number", "number_words",
           "parse_number", "plain", "relative_month"]
_CURRENCY_WORDS_LOWER = {word.lower(): code for word, code in CURRENCY_WORDS.items()}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_WORD = re.compile(r"[a-z]+")


def parse_number(text: str) -> Decimal | None:
    """'7,000' · '1.2' · 'forty' · 'twenty-five' · 'a dozen' · 'three million' · '1.2tn' → Decimal.

    Returns None for text that is not one number, so callers never act on a guess.
    """
    cleaned = re.sub("(?<=\\d)[\u00a0\u202f](?=\\d{3})", "", text.strip().lower())
    cleaned = cleaned.replace("\u2009", "").replace("\u00a0", " ").replace("\u202f", " ")
    cleaned = re.sub(r"\s+", " ", cleaned)
    digits = _DIGITS.match(cleaned)
    if digits:
        value = Decimal(digits.group().replace(",", ""))
        rest = cleaned[digits.end():].strip()
        return _apply_scales(value, rest)
    return _parse_words(cleaned)


def _apply_scales(value: Decimal, rest: str) -> Decimal | None:
    for word in rest.replace("-", " ").split():
        scale = SCALES.get(word)
        if scale is None:
            return None
        value *= scale
    return value


def _parse_words(text: str) -> Decimal | None:
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words or words in (["a"], ["an"]):
        return None  # "a" counts only with what follows: a dozen, a million
    if words[0] == "half" and len(words) >= 3 and words[1] in ("a", "an"):
        scaled = _parse_words(" ".join(["one", *words[2:]]))
        return None if scaled is None else scaled / 2
    if words[:3] in (["a", "quarter", "of"], ["quarter", "of", "a"]):
        rest = words[3:] if words[0] == "a" else words[2:]
        scaled = _parse_words(" ".join(rest))  # "a quarter of a million"
        return None if scaled is None else scaled / 4
    total = Decimal(0)
    current = Decimal(0)
    seen_number = False
    for index, word in enumerate(words):
        if word in ("a", "an") and index == 0:
            current = Decimal(1)
            seen_number = True
        elif word in UNITS:
            current += UNITS[word]
            seen_number = True
        elif word in TENS:
            current += TENS[word]
            seen_number = True
        elif word in ("dozen", "dozens"):
            current = (current or Decimal(1)) * 12
            seen_number = True
        elif word in SCALES and seen_number:
            if word == "hundred":
                current *= 100
            else:
                total += current * SCALES[word]
                current = Decimal(0)
        else:
            return None
    return total + current if seen_number else None


def number_words(value: Decimal) -> str | None:
    """12 → 'twelve', 45 → 'forty-five'; None outside 0–99 or for fractions."""
    if value != value.to_integral_value() or not 0 <= value < 100:
        return None
    number = int(value)
    for word, unit in UNITS.items():
        if unit == number:
            return word
    tens, unit = divmod(number, 10)
    ten_word = next(w for w, v in TENS.items() if v == tens * 10)
    if unit == 0:
        return ten_word
    return f"{ten_word}-{next(w for w, v in UNITS.items() if v == unit)}"


def plain(value: Decimal) -> str:
    """Decimal without exponent or trailing zeros: 1.20E+12 → '1200000000000'."""
    text = format(value.normalize(), "f")
    return text


def currency_of(token: str) -> str | None:
    """'US$' → 'USD', 'euros' → 'EUR', 'bn' → None."""
    lowered = token.strip().lower()
    if lowered in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[lowered]
    if token.strip().upper() in CURRENCY_CODES:
        code = token.strip().upper()
        return {"RMB": "CNY", "DM": "DEM"}.get(code, code)  # the usual abbreviations
    return _CURRENCY_WORDS_LOWER.get(re.sub(r"\s+", " ", lowered))


def month_number(word: str) -> int | None:
    return MONTH_NUMBERS.get(word.strip().rstrip(".").lower())


def make_date(
    year: int | None, month: int | None = None, day: int | None = None
) -> PartialDate | None:
    """A PartialDate, or None when the parts do not form a real date (31 June)."""
    if year is None:
        return None
    try:
        text = str(year)
        if month is not None:
            text += f"-{month:02d}"
            if day is not None:
                text += f"-{day:02d}"
        return PartialDate.parse(text)
    except ValueError:
        return None


def relative_month(month: int, direction: str, reference: PartialDate) -> PartialDate | None:
    """'last September' / 'next March' against the article's date (which needs a month)."""
    if reference.month is None:
        return None
    ref_month = reference.month
    if direction == "last":
        year = reference.year if month < ref_month else reference.year - 1
    elif direction == "next":
        year = reference.year if month > ref_month else reference.year + 1
    else:  # "this": the named month of the article's own year
        year = reference.year
    return make_date(year, month)


def treaty_key(name: str) -> str:
    """A treaty name's canonical value: the same name however its dashes, spaces, quotes,
    case and leading article are written ("the New START" and "New  START" are one)."""
    text = name.replace("–", "-").replace("—", "-").replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip().lower()
    return re.sub(r"^(?:the|a|an)\s+", "", text)
