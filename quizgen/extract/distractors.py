"""Wrong answers for a multiple-choice question about one fact.

Order of preference: facts of the same kind from *other* sentences of the article (a
sentence that gives "$11 billion (about £12 billion)" states one amount twice, so its
other figures are never wrong answers), then perturbations of the answer in its own
format (1996 → 1994, 1998; "$11 billion" → "$6 billion", "$22 billion"), computed with
Decimal. Treaty names: the article's other names of the same form, then names built from
its own places and years (`treatynames.py`), never a fixed list of famous treaties. Never
the answer again, never a duplicate, never the answer's amount in another currency.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..models import PartialDate
from .facttypes import Fact
from .treatynames import NameMaterial, built_names, named_form, same_treaty
from .values import number_words, parse_number, plain

COUNT = 3
WINDOW = 40
"""Same-kind facts looked at on each side of the answer."""
NUMBER_FACTORS = (Decimal("0.5"), Decimal(2), Decimal("1.5"), Decimal(3), Decimal("0.25"),
                  Decimal(4))
YEAR_SHIFTS = (-2, 2, -5, 5, -1, 1, -10, 10)
PERCENT_SHIFTS = (-10, 10, -20, 20, -5, 5, -30, 30)
DECADE_SHIFTS = (-10, 10, -20, 20)



@dataclass(frozen=True)
class Choice:
    text: str
    order: Decimal
    """Where the choice sorts among the others (a year, an amount): choices are listed in order."""


class FactIndex:
    """Facts of an article by kind and position, so each question looks only at its neighbours.

    Looking at every fact for every question would be quadratic on a long text; the
    facts nearest the answer are also the most plausible wrong answers.
    """

    def __init__(self, facts: Sequence[tuple[Fact, int]], window: int = WINDOW) -> None:
        self.window = window
        self.by_kind: dict[str, list[tuple[Fact, int]]] = {}
        for fact, sentence_start in facts:
            self.by_kind.setdefault(fact.kind, []).append((fact, sentence_start))
        self.starts = {kind: [f.start for f, _ in items] for kind, items in self.by_kind.items()}

    def neighbours(self, answer: Fact, sentence_start: int) -> list[Fact]:
        items = self.by_kind.get(answer.kind, [])
        middle = bisect.bisect_left(self.starts.get(answer.kind, []), answer.start)
        low, high = max(0, middle - self.window), min(len(items), middle + self.window)
        return [fact for fact, start in items[low:high] if start != sentence_start]


def choose_distractors(
    answer: Fact, others: Sequence[Fact], count: int = COUNT,
    material: NameMaterial | None = None,
) -> list[Choice] | None:
    """`count` wrong answers for `answer`, or None when the article and its format give too few.

    `others` must hold facts from sentences other than the answer's own; `material` (the
    article's places and years) builds further treaty names when the article names too few.
    """
    chosen: list[Choice] = []
    seen_text = {_norm(answer.text)}
    seen_values = {_value(answer)}

    def offer(text: str | None, value: str | None, order: Decimal) -> None:
        if text is None or value is None or len(chosen) >= count:
            return
        if _norm(text) in seen_text or value in seen_values:
            return
        if answer.kind == "treaty" and any(same_treaty(text, c.text) for c in chosen):
            return  # "Treaty of Nanjing" beside "Treaty of Nanking": one wrong answer twice
        seen_text.add(_norm(text))
        seen_values.add(value)
        chosen.append(Choice(text, order))

    for other in _same_kind(answer, others):
        offer(*_from_other(answer, other))
    for text, value, order in _perturbations(answer):
        offer(text, value, order)
    if answer.kind == "treaty" and material is not None:
        for name in built_names(answer, material):
            offer(name, _norm(name), Decimal(0))
    return chosen if len(chosen) >= count else None


def answer_choice(answer: Fact) -> Choice:
    return Choice(answer.text, _order(answer))


def _order(fact: Fact) -> Decimal:
    if fact.date is not None:
        return Decimal(fact.date.year * 10000 + (fact.date.month or 0) * 100 + (fact.date.day or 0))
    if fact.number is not None:
        return fact.number
    digits = re.search(r"\d+", fact.text)
    return Decimal(digits.group()) if digits and fact.kind != "treaty" else Decimal(0)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("–", "-").replace("’", "'")).strip().casefold()


def _value(fact: Fact) -> str:
    """What a choice is worth, so '$11bn' and '$11 billion' count as the same choice."""
    if fact.kind == "treaty":
        return _norm(fact.text)
    if fact.kind == "date" or fact.number is None:
        return fact.key
    return plain(fact.number)


def _same_kind(answer: Fact, others: Sequence[Fact]) -> list[Fact]:
    pool = [f for f in others
            if f.kind == answer.kind and f.key != answer.key and _compatible(answer, f)]
    if answer.kind == "treaty":
        return sorted(pool, key=lambda f: f.start)
    return sorted(pool, key=lambda f: (_distance(answer, f), f.start))


def _compatible(answer: Fact, other: Fact) -> bool:
    if answer.kind == "money":
        return answer.unit == other.unit
    if answer.kind == "treaty":
        # Same form (a capitalised name or a common-noun one), never the answer written
        # another way ("Aigun Treaty" for "Treaty of Aigun").
        return (named_form(answer.text) == named_form(other.text)
                and not same_treaty(answer.text, other.text))
    if answer.kind == "date":
        if answer.date is not None and other.date is not None:
            return _precision(answer.date) == _precision(other.date)
        return answer.pattern == other.pattern and answer.date is None and other.date is None
    if answer.kind in ("duration",):
        return answer.unit == other.unit and answer.number_start is not None
    if answer.kind == "count":
        return (answer.unit or "").split()[-1:] == (other.unit or "").split()[-1:]
    return True


def _precision(date: PartialDate) -> int:
    return 1 if date.month is None else (2 if date.day is None else 3)


def _distance(answer: Fact, other: Fact) -> Decimal:
    if answer.date is not None and other.date is not None:
        return Decimal(abs(answer.date.year - other.date.year))
    if answer.number is not None and other.number is not None and answer.number > 0 < other.number:
        # Ordered like |ln(ratio)| without the logarithm (slow in Decimal): 0 when equal.
        ratio = other.number / answer.number
        return max(ratio, 1 / ratio) - 1
    return Decimal(0)


def _from_other(answer: Fact, other: Fact) -> tuple[str | None, str | None, Decimal]:
    if answer.kind in ("money", "date", "treaty"):
        return other.text, _value(other), _order(other)
    if other.number is None:
        return None, None, Decimal(0)
    written = _written_value(answer, other)
    return _render(answer, written), plain(other.number), other.number


def _written_value(answer: Fact, other: Fact) -> Decimal:
    """The other fact's figure expressed on the answer's scale ('1.5m' beside '7,000' → 1500000)."""
    assert other.number is not None
    scale = _scale(answer)
    return other.number / scale


def _scale(fact: Fact) -> Decimal:
    written = _written_number(fact)
    if written is None or fact.number is None or written == 0:
        return Decimal(1)
    return fact.number / written


def _written_number(fact: Fact) -> Decimal | None:
    text = _number_text(fact)
    return None if text is None else parse_number(text)


def _number_text(fact: Fact) -> str | None:
    if fact.number_start is None or fact.number_end is None:
        return None
    return fact.text[fact.number_start - fact.start: fact.number_end - fact.start]


def _render(answer: Fact, written: Decimal) -> str | None:
    """The answer's text with its written figure replaced by `written`, in the same style."""
    original = _number_text(answer)
    if original is None or answer.number_start is None or answer.number_end is None:
        return None
    formatted = format_like(original, written)
    if formatted is None:
        return None
    offset = answer.number_start - answer.start
    end = answer.number_end - answer.start
    return answer.text[:offset] + formatted + answer.text[end:]


def format_like(original: str, value: Decimal) -> str | None:
    """`value` written the way `original` is: words stay words, commas and decimals kept."""
    if value <= 0:
        return None
    if re.match(r"[A-Za-z]", original):
        words = number_words(value)
        if words is None:
            return None
        return words.capitalize() if original[:1].isupper() else words
    digits = re.match(r"[\d,]*\d(?:\.(\d+))?", original)
    if digits is None:
        return None
    decimals = len(digits.group(1) or "")
    quantum = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded <= 0:
        return None
    whole, _, fraction = format(rounded, "f").partition(".")
    written_whole = digits.group().split(".")[0]
    use_commas = "," in written_whole or (len(whole) > 4 and len(written_whole) < 4)
    grouped = f"{int(whole):,}" if use_commas else whole
    return grouped + (f".{fraction}" if fraction else "") + original[digits.end():]


def _perturbations(answer: Fact) -> list[tuple[str, str, Decimal]]:
    if answer.kind == "date":
        return _date_perturbations(answer)
    if answer.kind == "treaty":
        return []
    written = _written_number(answer)
    if written is None:
        return []
    if answer.kind == "percent" and written <= 100:
        values = [written + shift for shift in PERCENT_SHIFTS]
        values = [v for v in values if 0 < v <= 100]
    else:
        values = [written * factor for factor in NUMBER_FACTORS]
    scale = _scale(answer)
    results: list[tuple[str, str, Decimal]] = []
    for value in values:
        text = _render(answer, value)
        if text is not None:
            shown = parse_number(_number_text_of(text, answer)) or value
            results.append((text, plain(shown * scale), shown * scale))
    return results


def _number_text_of(text: str, answer: Fact) -> str:
    """The figure inside a rendered choice: it sits where the answer's figure sits."""
    assert answer.number_start is not None and answer.number_end is not None
    head = answer.number_start - answer.start
    tail = len(answer.text) - (answer.number_end - answer.start)
    return text[head:len(text) - tail]


def _date_perturbations(answer: Fact) -> list[tuple[str, str, Decimal]]:
    decade = re.search(r"((?:1\d|20)\d0)s", answer.text)
    if answer.date is None and decade:
        base = int(decade.group(1))
        return [(answer.text[:decade.start(1)] + str(base + shift) + answer.text[decade.end(1):],
                 f"{base + shift}s", Decimal(base + shift))
                for shift in DECADE_SHIFTS if 1000 <= base + shift <= 2090]
    if answer.date is None:
        return []
    year = re.search(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)", answer.text)
    if year is None:
        return []
    results: list[tuple[str, str, Decimal]] = []
    for shift in YEAR_SHIFTS:
        new = answer.date.year + shift
        if 1000 <= new <= 2099:
            date = PartialDate(new, answer.date.month, answer.date.day)
            if answer.date.day is not None and answer.date.month is not None:
                try:
                    _dt.date(new, answer.date.month, answer.date.day)
                except ValueError:
                    continue  # 29 February moved to a common year
            text = answer.text[:year.start()] + str(new) + answer.text[year.end():]
            results.append((text, date.iso(), Decimal(new * 10000 + (date.month or 0) * 100
                                                      + (date.day or 0))))
    return results
