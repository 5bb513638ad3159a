"""Choose, shuffle and version questions, every random choice drawn from one seed.

Printed quizzes are made from these versions. Each random decision gets its own
generator derived from the seed and a label (the version letter, the question's
deck and id), so the choices of one question do not change when another question
is added to a deck or left out of a sample.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import assert_never

from . import models
from .errors import InputError
from .labels import letter
from .loading import LoadedDeck
from .models import AnyQuestion, type_name
from .registry import DEFAULT_SEED, QUESTION_TYPE_NAMES
from .shuffling import rng_for, scrambled

MAX_VERSIONS = 26
_REDRAWS = 20


@dataclass(frozen=True)
class SelectedQuestion:
    """A question with the deck it came from (its images resolve against that deck)."""

    loaded: LoadedDeck
    question: AnyQuestion

    @property
    def deck_id(self) -> str:
        return self.loaded.deck.id

    @property
    def key(self) -> tuple[str, str]:
        """Unique across decks: deck ids are unique, question ids unique within a deck."""
        return (self.loaded.deck.id, self.question.id)


@dataclass(frozen=True)
class VersionItem:
    """One question as it appears in one version.

    Orders are tuples of indices into the question's own lists: `choice_order`
    into `choices`, `item_order` into `items` (order questions), `left_order`
    and `right_order` into `pairs` (match questions). Empty for other types.
    """

    number: int
    selected: SelectedQuestion
    choice_order: tuple[int, ...] = ()
    item_order: tuple[int, ...] = ()
    left_order: tuple[int, ...] = ()
    right_order: tuple[int, ...] = ()

    @property
    def question(self) -> AnyQuestion:
        return self.selected.question


@dataclass(frozen=True)
class QuizVersion:
    """One version of the quiz (A, B, …): the same questions in its own order."""

    label: str
    items: tuple[VersionItem, ...]

    @property
    def total_points(self) -> int:
        return sum(item.question.points for item in self.items)


def version_label(index: int) -> str:
    """0 → 'A', 1 → 'B', … 26 → 'AA': the one lettering every output shares."""
    return letter(index)


def tag_matches(tag: str, wanted: str) -> bool:
    """Anki-style hierarchy: 'history' matches 'history' and 'history::cold-war'."""
    tag, wanted = tag.casefold(), wanted.casefold()
    return tag == wanted or tag.startswith(wanted + "::")


def select_questions(
    decks: Sequence[LoadedDeck],
    *,
    count: int | None = None,
    tags: Iterable[str] = (),
    exclude_tags: Iterable[str] = (),
    types: Iterable[str] = (),
    seed: int | str = DEFAULT_SEED,
) -> list[SelectedQuestion]:
    """The questions that pass the filters, sampled down to `count`, in deck order.

    A question is kept if it has any of `tags` (all kept when none are given),
    none of `exclude_tags`, and is of one of `types` (all types when none).
    """
    wanted_tags = list(tags)
    unwanted_tags = list(exclude_tags)
    wanted_types = _checked_types(types)
    if count is not None and count < 1:
        raise InputError(f"the question count must be at least 1, not {count}")
    matching = [
        SelectedQuestion(loaded, question)
        for loaded in decks
        for question in loaded.deck.questions
        if (not wanted_types or type_name(question) in wanted_types)
        and (not wanted_tags or _has_any_tag(question, wanted_tags))
        and not _has_any_tag(question, unwanted_tags)
    ]
    if not matching:
        raise InputError("no question matches the given --tag, --exclude-tag and --type filters")
    if count is None or count >= len(matching):
        if count is not None and count > len(matching):
            raise InputError(
                f"asked for {count} questions but only {len(matching)} match"
                " (lower --count or loosen the filters)"
            )
        return matching
    chosen = set(rng_for(seed, "sample").sample(range(len(matching)), count))
    return [selected for index, selected in enumerate(matching) if index in chosen]


def make_versions(
    selection: Sequence[SelectedQuestion],
    *,
    versions: int = 1,
    seed: int | str = DEFAULT_SEED,
    shuffle: bool = True,
) -> list[QuizVersion]:
    """`versions` orderings of `selection`, labelled A, B, C, …

    With `shuffle`, each version gets its own question order and its own order of
    choices (except on questions marked `shuffle: false`). Order items and match
    answers are scrambled even without `shuffle`: printed in their right order
    they would give the answer away; without `shuffle` every version scrambles
    them the same way.
    """
    if not 1 <= versions <= MAX_VERSIONS:
        raise InputError(f"versions must be between 1 and {MAX_VERSIONS}, not {versions}")
    if not selection:
        raise InputError("no questions to print")
    result: list[QuizVersion] = []
    seen_orders: list[list[int]] = []
    for index in range(versions):
        label = version_label(index)
        positions = list(range(len(selection)))
        if shuffle:
            positions = _fresh_permutation(rng_for(seed, "order", label), positions, seen_orders)
        seen_orders.append(positions)
        scope = label if shuffle else "*"
        items = tuple(
            _version_item(number, selection[position], seed, scope, shuffle)
            for number, position in enumerate(positions, start=1)
        )
        result.append(QuizVersion(label, items))
    return result


def _version_item(
    number: int, selected: SelectedQuestion, seed: int | str, scope: str, shuffle: bool
) -> VersionItem:
    question = selected.question
    labels = (scope, selected.deck_id, question.id)
    match question:
        case models.ChoiceQuestion():
            order = list(range(len(question.choices)))
            if shuffle and question.shuffle:
                rng_for(seed, "choices", *labels).shuffle(order)
            return VersionItem(number, selected, choice_order=tuple(order))
        case models.OrderQuestion():
            items = scrambled(range(len(question.items)), rng_for(seed, "items", *labels))
            return VersionItem(number, selected, item_order=tuple(items))
        case models.MatchQuestion():
            size = len(question.pairs)
            left = list(range(size))
            if shuffle:
                rng_for(seed, "left", *labels).shuffle(left)
            right = scrambled(range(size), rng_for(seed, "right", *labels), solved=left)
            return VersionItem(number, selected, left_order=tuple(left), right_order=tuple(right))
        case (models.ShortQuestion() | models.NumericQuestion() | models.DateQuestion()
              | models.TrueFalseQuestion() | models.ClozeQuestion()):
            return VersionItem(number, selected)
        case _:
            assert_never(question)


def _fresh_permutation(
    rng: random.Random, positions: list[int], seen: list[list[int]]
) -> list[int]:
    """A shuffle that no earlier version used, when one can be drawn quickly."""
    order = list(positions)
    for _ in range(_REDRAWS):
        rng.shuffle(order)
        if order not in seen:
            break
    return order


def _has_any_tag(question: AnyQuestion, wanted: Sequence[str]) -> bool:
    return any(tag_matches(tag, want) for tag in question.tags for want in wanted)


def _checked_types(types: Iterable[str]) -> set[str]:
    checked: set[str] = set()
    for name in types:
        if name not in QUESTION_TYPE_NAMES:
            allowed = ", ".join(QUESTION_TYPE_NAMES)
            raise InputError(f"unknown question type '{name}' (one of: {allowed})")
        checked.add(name)
    return checked
