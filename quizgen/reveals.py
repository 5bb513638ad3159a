"""Does one card's front give away another card's answer?

A learner reviews a whole deck, so a question whose answer is printed on another
card's front (a distractor, an order item, a match side, a prompt's aside) is learnt
by reading, not by recall. The deck audit, `quizgen validate`, the extractor and the
print sampler all ask the same question, so the relation lives here, apart from any
output format.

What a front shows: the prompt; a choice card's choices; an order card's items; both
sides of a match card; a cloze text with its gaps blanked (and, when the cloze has
several gaps, the other gaps' answers, which Anki fills in on each sibling card).
What counts as an answer: a short answer or any alternative; a numeric answer as a
figure in any usual form (7000, 7,000, 75th); a date in the usual written forms; each
cloze gap. A choice card already shows its right choice among the others, so seeing
it elsewhere gives nothing away; true/false, order and match answers are verdicts and
arrangements, not phrases, so no front can contain them.

Text is compared as whole words, ignoring case, quote and dash style, spacing and a
leading article ("the hermit kingdom" is revealed by "hermit kingdom").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import assert_never

from . import models
from .models import MONTHS, AnyQuestion, PartialDate, format_number


@dataclass(frozen=True)
class Reveal:
    """`shown`'s front contains `answer`, which is (one form of) `asked`'s answer."""

    asked: str
    shown: str
    answer: str

    def message(self) -> str:
        return (
            f"the answer of '{self.asked}' ('{self.answer}') is on the front of '{self.shown}'"
        )


def reveals(shown: AnyQuestion, asked: AnyQuestion) -> bool:
    """True when the front of `shown` gives away the answer of `asked` (another question)."""
    return revealed_answer(shown, asked) is not None


def revealed_answer(shown: AnyQuestion, asked: AnyQuestion) -> str | None:
    """The form of `asked`'s answer found on `shown`'s front, or None."""
    if shown is asked:
        return None
    front = " \n ".join(_normalise(text) for text in front_texts(shown))
    for answer in answer_forms(asked):
        if _contains(front, answer):
            return answer
    return None


def find_reveals(questions: Sequence[AnyQuestion]) -> list[Reveal]:
    """Every (asked, shown) pair in `questions` where a front gives an answer away, in deck
    order of the question asked, then of the front that shows it."""
    fronts = [(q.id, " \n ".join(_normalise(t) for t in front_texts(q))) for q in questions]
    found: list[Reveal] = []
    for asked in questions:
        forms = answer_forms(asked)
        for shown_id, front in fronts:
            if shown_id == asked.id:
                continue
            hit = next((form for form in forms if _contains(front, form)), None)
            if hit is not None:
                found.append(Reveal(asked.id, shown_id, hit))
    return found


def front_texts(question: AnyQuestion) -> tuple[str, ...]:
    """Every piece of text a learner reads on the question's front (all cards of a note)."""
    match question:
        case (
            models.ShortQuestion()
            | models.NumericQuestion()
            | models.DateQuestion()
            | models.TrueFalseQuestion()
        ):
            return (question.prompt,)
        case models.ChoiceQuestion():
            return (question.prompt, *question.choices)
        case models.OrderQuestion():
            return (question.prompt, *question.items)
        case models.MatchQuestion():
            sides = [side for pair in question.pairs for side in (pair.left, pair.right)]
            return (question.prompt, *sides)
        case models.ClozeQuestion():
            gaps = question.gaps()
            texts = ["".join(p if isinstance(p, str) else " … " for p in question.segments())]
            texts += [gap.hint for gap in gaps if gap.hint]
            if len({gap.number for gap in gaps}) > 1:
                texts += [gap.answer for gap in gaps]
            return tuple(texts)
        case _:
            assert_never(question)


def answer_forms(question: AnyQuestion) -> tuple[str, ...]:
    """The written forms of the answer that would give it away if seen (normalised)."""
    match question:
        case models.ShortQuestion():
            texts = [question.answer, *question.alternatives]
        case models.NumericQuestion():
            return _number_forms(question.answer)
        case models.DateQuestion():
            return _date_forms(question.answer_date)
        case models.ClozeQuestion():
            texts = [gap.answer for gap in question.gaps()]
        case (
            models.ChoiceQuestion()
            | models.TrueFalseQuestion()
            | models.OrderQuestion()
            | models.MatchQuestion()
        ):
            return ()
        case _:
            assert_never(question)
    forms: list[str] = []
    for text in texts:
        form = _ARTICLE.sub("", _normalise(text)).strip(_EDGES)
        if form and form not in forms:
            forms.append(form)
    return tuple(forms)


_ARTICLE = re.compile(r"^(?:the|a|an) ")
_EDGES = " '.,;:!?()[]"


@functools.lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    """Case, quote and dash style and spacing do not change what a text says. Cached: the
    giveaway check compares every front with every answer, so a front is read many times."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    unified = "".join(_unify(character) for character in folded)
    return " ".join(unified.split())


def _unify(character: str) -> str:
    category = unicodedata.category(character)
    if category == "Pd":
        return "-"
    if category in ("Pi", "Pf") or character in "\"`":
        return "'"
    return character


def _number_forms(value: Decimal) -> tuple[str, ...]:
    grouped = format_number(value)
    return tuple(dict.fromkeys((grouped, grouped.replace(",", ""))))


def _date_forms(when: PartialDate) -> tuple[str, ...]:
    """1996 · 44 bc, 44 bce, 44 b.c. · march 2000 and 2000-03 · 19 june, june 19 and
    2024-06-19."""
    if when.month is None:
        return _era_forms(_normalise(when.words()))
    month = MONTHS[when.month - 1].casefold()
    if when.day is None:
        return (*_era_forms(_normalise(when.words())), when.iso())
    return (f"{when.day} {month}", f"{month} {when.day}", when.iso())


def _era_forms(written: str) -> tuple[str, ...]:
    """A year before Christ is written 44 BC, 44 BCE or 44 B.C. alike."""
    if not written.endswith(" bc"):
        return (written,)
    year = written.removesuffix(" bc")
    return tuple(f"{year} {era}" for era in ("bc", "bce", "b.c.", "b.c.e."))


def _contains(front: str, answer: str) -> bool:
    """`answer` as whole words of `front`; a figure also as an ordinal (75 → 75th)."""
    if answer[:1].isdigit() and answer[-1:].isdigit():
        ending = r"(?:st|nd|rd|th)?(?![\w]|[.,]\d)"
        pattern = r"(?<![\w.,])" + re.escape(answer) + ending
    else:
        pattern = r"(?<![\w])" + re.escape(answer) + r"(?![\w])"
    return re.search(pattern, front) is not None
