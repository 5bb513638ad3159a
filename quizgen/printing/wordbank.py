"""One word bank for the whole quiz: every cloze answer, mixed with words that are not.

A bank printed under each cloze handed its answer to anyone with one gap to fill, so the
answers of all the quiz's gaps are pooled, and words from the same decks that are not
answers on this paper are mixed in: the gap answers of cloze questions left out of the
sample, short answers left out, and the wrong choices of choice questions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import assert_never

from .. import models
from ..loading import LoadedDeck
from ..selection import QuizVersion
from ..shuffling import rng_for

MIN_DISTRACTORS = 3
LONGEST_WORD = 60
"""Longer texts (whole sentences among wrong choices) would not read as bank entries; nor
would a decoy with more words than the longest answer (plus one), which gives itself away."""


@dataclass(frozen=True)
class WordBank:
    words: list[str]
    distractors: int


def build_word_bank(
    versions: Sequence[QuizVersion], decks: Sequence[LoadedDeck], seed: str
) -> WordBank | None:
    """The quiz's bank in alphabetical order, or None when it has no cloze question."""
    first = versions[0].items if versions else ()
    printed = [item.question for item in first]
    printed_ids = {item.selected.key for item in first}
    answers = sorted(
        {gap.answer for q in printed if isinstance(q, models.ClozeQuestion) for gap in q.gaps()},
        key=sort_key,
    )
    if not answers:
        return None
    taken = {_plain(text) for q in printed for text in _answers_of(q)}
    most_words = max(len(answer.split()) for answer in answers) + 1
    candidates: dict[str, str] = {}
    for loaded in decks:
        for question in loaded.deck.questions:
            left_out = (loaded.deck.id, question.id) not in printed_ids
            for text in _distractors_in(question, left_out):
                plain = _plain(text)
                fits = len(text) <= LONGEST_WORD and len(text.split()) <= most_words
                if plain and plain not in taken and fits:
                    candidates.setdefault(plain, text)
    wanted = max(MIN_DISTRACTORS, (len(answers) + 1) // 2)
    pool = sorted(candidates.values(), key=sort_key)
    chosen = rng_for(seed, "word-bank").sample(pool, min(wanted, len(pool)))
    return WordBank(sorted([*answers, *chosen], key=sort_key), len(chosen))


def sort_key(text: str) -> tuple[str, str]:
    """Alphabetical regardless of case and accents, ties broken by the exact text."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return (plain.casefold(), text)


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def _answers_of(question: models.AnyQuestion) -> Iterable[str]:
    """Texts that are right answers on the paper: never offered as decoys."""
    match question:
        case models.ShortQuestion():
            return [question.answer, *question.alternatives]
        case models.ClozeQuestion():
            return [gap.answer for gap in question.gaps()]
        case models.ChoiceQuestion():
            return list(question.correct)
        case (
            models.NumericQuestion()
            | models.DateQuestion()
            | models.TrueFalseQuestion()
            | models.OrderQuestion()
            | models.MatchQuestion()
        ):
            return []
        case _:
            assert_never(question)


def _distractors_in(question: models.AnyQuestion, left_out: bool) -> Iterable[str]:
    """Decoys a question offers: its wrong choices, and its answers when it is not printed."""
    if isinstance(question, models.ChoiceQuestion):
        right = set(question.correct)
        return [choice for choice in question.choices if choice not in right]
    return _answers_of(question) if left_out else []
