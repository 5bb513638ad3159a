"""Which questions go on the paper: the filters and sample of `select_questions`, kept
free of pairs where one question's text gives another's answer away (quizgen.reveals).

With `--count`, a sample holding such a pair is drawn again, in the seed's order,
skipping any question that would reveal or be revealed by one already chosen (a sample
without one stays exactly as `select_questions` draws it). Printing every matching
question leaves nothing to choose: `quizgen validate` reports those pairs, for the deck
to be fixed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..loading import LoadedDeck
from ..models import AnyQuestion
from ..reveals import find_reveals, reveals
from ..selection import SelectedQuestion, select_questions
from ..shuffling import rng_for


def sample_apart(
    decks: Sequence[LoadedDeck],
    *,
    count: int | None,
    tags: Sequence[str],
    exclude_tags: Sequence[str],
    types: Sequence[str],
    seed: str,
) -> list[SelectedQuestion]:
    """The questions to print, in deck order."""
    def select(count: int | None) -> list[SelectedQuestion]:
        return select_questions(
            decks, count=count, tags=tags, exclude_tags=exclude_tags, types=types, seed=seed
        )

    sample = select(count)
    if count is None or not find_reveals([_question(selected) for selected in sample]):
        return sample
    matching = select(None)
    chosen: list[int] = []
    for index in rng_for(seed, "sample-apart").sample(range(len(matching)), len(matching)):
        candidate = _question(matching[index])
        if any(_gives_away(candidate, _question(matching[other])) for other in chosen):
            continue
        chosen.append(index)
        if len(chosen) == count:
            return [matching[index] for index in sorted(chosen)]
    raise InputError(
        f"only {len(chosen)} of the {len(matching)} matching questions can be printed"
        " together without one giving another's answer away; lower --count"
    )


def _question(selected: SelectedQuestion) -> AnyQuestion:
    question: AnyQuestion = selected.question
    return question


def _gives_away(first: AnyQuestion, second: AnyQuestion) -> bool:
    return reveals(first, second) or reveals(second, first)
