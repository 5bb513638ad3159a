"""Quizlet import text: one card per line, term and definition separated by a tab.

Quizlet's "Import" box splits cards at line breaks and sides at the first tab, so
neither may occur inside a field; every question becomes one term → definition card.
A card has only its two sides, so the term carries what the question shows besides its
prompt: a choice's options, an order question's items, a match's two columns (options
in a fixed scrambled order, items never in their right order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from .. import models
from ..loading import LoadedDeck
from ..models import AnyQuestion, cloze_with_blanks, question_answer_text
from ..shuffling import question_rng, scrambled
from . import Rendered, one_line

CLOZE_BLANK = "_____"


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    lines = [
        f"{one_line(term(question, loaded.deck.id))}\t{one_line(definition(question))}\n"
        for loaded in decks
        for question in loaded.deck.questions
    ]
    return Rendered("".join(lines), len(lines))


def term(question: AnyQuestion, deck_id: str) -> str:
    """The side a learner sees first: the question and everything it offers to choose from."""

    def scramble(values: list[str]) -> list[str]:
        return scrambled(values, question_rng("quizgen-quizlet", deck_id, question.id))

    match question:
        case models.ClozeQuestion():
            return cloze_with_blanks(question, CLOZE_BLANK, hints=True)
        case models.TrueFalseQuestion():
            return f"True or false: {question.prompt}"
        case models.ChoiceQuestion():
            shown = scramble(question.choices) if question.shuffle else question.choices
            several = len(question.correct)
            how = f"choose {several}" if several > 1 else "choose one"
            return f"{question.prompt} ({how}: {' / '.join(shown)})"
        case models.OrderQuestion():
            return f"{question.prompt} (put in order: {' / '.join(scramble(question.items))})"
        case models.MatchQuestion():
            lefts = " / ".join(pair.left for pair in question.pairs)
            rights = " / ".join(scramble([pair.right for pair in question.pairs]))
            return f"{question.prompt} (match {lefts} with {rights})"
        case models.ShortQuestion() | models.NumericQuestion() | models.DateQuestion():
            return question.prompt_text()
        case _:
            assert_never(question)


def definition(question: AnyQuestion) -> str:
    """The side a learner checks, with accepted alternatives where there are some."""
    answer = question_answer_text(question)
    if isinstance(question, models.ShortQuestion) and question.alternatives:
        answer += f" (also: {', '.join(question.alternatives)})"
    return answer
