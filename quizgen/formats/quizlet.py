"""Quizlet import text: one card per line, term and definition separated by a tab.

Quizlet's "Import" box splits cards at line breaks and sides at the first tab, so
neither may occur inside a field; every question becomes one term → definition card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from .. import models
from ..loading import LoadedDeck
from ..models import AnyQuestion, cloze_with_blanks, question_answer_text
from . import Rendered, one_line

CLOZE_BLANK = "_____"


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    lines = [
        f"{one_line(term(question))}\t{one_line(definition(question))}\n"
        for loaded in decks
        for question in loaded.deck.questions
    ]
    return Rendered("".join(lines), len(lines))


def term(question: AnyQuestion) -> str:
    """The side a learner sees first."""
    match question:
        case models.ClozeQuestion():
            return cloze_with_blanks(question, CLOZE_BLANK, hints=True)
        case models.TrueFalseQuestion():
            return f"True or false: {question.prompt}"
        case (models.ShortQuestion() | models.NumericQuestion() | models.DateQuestion()
              | models.ChoiceQuestion() | models.OrderQuestion() | models.MatchQuestion()):
            return question.prompt_text()
        case _:
            assert_never(question)


def definition(question: AnyQuestion) -> str:
    """The side a learner checks, with accepted alternatives where there are some."""
    answer = question_answer_text(question)
    if isinstance(question, models.ShortQuestion) and question.alternatives:
        answer += f" (also: {', '.join(question.alternatives)})"
    return answer
