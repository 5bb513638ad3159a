"""Seeded selection and versioning: filters, samples, shuffles, and what must never move."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError
from quizgen.loading import LoadedDeck, load_decks
from quizgen.models import ChoiceQuestion, Deck, MatchQuestion, OrderQuestion
from quizgen.registry import DEFAULT_SEED
from quizgen.selection import (
    make_versions,
    select_questions,
    tag_matches,
)

from .strategies import deck_data

HARBOURS = """\
id: harbours
title: Harbours
questions:
  - {id: h1, type: short, prompt: Oldest pier?, answer: North, tags: [history::old]}
  - {id: h2, type: numeric, prompt: Cranes?, answer: 12, tags: [history::new, figures]}
  - {id: h3, type: date, prompt: Dredged?, answer: 1930, tags: [history]}
  - id: h4
    type: choice
    prompt: Main cargo?
    choices: [Coal, Grain, Timber, Salt, Wool]
    answer: Grain
    tags: [trade]
  - id: h5
    type: choice
    prompt: How busy is the port?
    choices: [Quiet, Busy, Very busy]
    answer: Busy
    shuffle: false
    tags: [trade, figures]
  - {id: h6, type: truefalse, prompt: Ice-free all year?, answer: true, tags: [Weather]}
  - {id: h7, type: cloze, text: 'Ships unload at {{berth 4}}.', tags: [trade]}
  - id: h8
    type: order
    prompt: Order the basins from west to east.
    items: [Inner, Middle, Outer, Far]
  - id: h9
    type: match
    prompt: Match each quay to its cargo.
    pairs:
      - {left: Quay A, right: Coal}
      - {left: Quay B, right: Grain}
      - {left: Quay C, right: Salt}
  - {id: h10, type: short, prompt: Harbour master?, answer: Ines, tags: [people]}
  - {id: h11, type: short, prompt: Pilot boat?, answer: Kestrel, tags: [people]}
  - {id: h12, type: short, prompt: Lighthouse keeper?, answer: Ott, tags: [people]}
"""


@pytest.fixture
def harbours(write_deck: Callable[..., Path]) -> list[LoadedDeck]:
    return load_decks([write_deck(HARBOURS)])


def ids(selection: Any) -> list[str]:
    return [selected.question.id for selected in selection]


def test_no_filter_keeps_every_question_in_deck_order(harbours: list[LoadedDeck]) -> None:
    assert ids(select_questions(harbours)) == [f"h{n}" for n in range(1, 13)]


def test_tags_match_hierarchically_and_ignore_case(harbours: list[LoadedDeck]) -> None:
    assert ids(select_questions(harbours, tags=["history"])) == ["h1", "h2", "h3"]
    assert ids(select_questions(harbours, tags=["history::old", "weather"])) == ["h1", "h6"]
    assert tag_matches("history::cold-war", "History")
    assert not tag_matches("historyx", "history")


def test_exclude_tags_and_types_combine(harbours: list[LoadedDeck]) -> None:
    chosen = select_questions(
        harbours, exclude_tags=["figures", "people"], types=["short", "choice"]
    )
    assert ids(chosen) == ["h1", "h4"]
    assert {s.question.type for s in select_questions(harbours, types=["match"])} == {
        "match"
    }


def test_unknown_type_names_the_allowed_ones(harbours: list[LoadedDeck]) -> None:
    with pytest.raises(InputError, match=r"unknown question type 'essay' \(one of: short, "):
        select_questions(harbours, types=["essay"])


def test_filters_that_match_nothing_are_an_error(harbours: list[LoadedDeck]) -> None:
    with pytest.raises(InputError, match="no question matches"):
        select_questions(harbours, tags=["nothing-has-this"])


def test_count_larger_than_the_matches_is_an_error(harbours: list[LoadedDeck]) -> None:
    with pytest.raises(InputError, match="asked for 4 questions but only 3 match"):
        select_questions(harbours, tags=["people"], count=4)
    with pytest.raises(InputError, match="at least 1"):
        select_questions(harbours, count=0)


def test_sample_is_seeded_and_keeps_deck_order(harbours: list[LoadedDeck]) -> None:
    first = ids(select_questions(harbours, count=5, seed="7"))
    assert first == ids(select_questions(harbours, count=5, seed="7"))
    assert len(first) == 5
    assert first == sorted(first, key=lambda qid: int(qid[1:]))
    samples = {tuple(ids(select_questions(harbours, count=5, seed=str(s)))) for s in range(12)}
    assert len(samples) > 1, "the seed should change the sample"


def test_default_seed_is_fixed(harbours: list[LoadedDeck]) -> None:
    assert ids(select_questions(harbours, count=4)) == ids(
        select_questions(harbours, count=4, seed=DEFAULT_SEED)
    )


def test_versions_hold_the_same_questions_in_their_own_orders(harbours: list[LoadedDeck]) -> None:
    selection = select_questions(harbours)
    versions = make_versions(selection, versions=3, seed="class-5")
    assert [v.label for v in versions] == ["A", "B", "C"]
    orders = [[item.question.id for item in v.items] for v in versions]
    for order in orders:
        assert sorted(order) == sorted(ids(selection))
    assert len({tuple(order) for order in orders}) == 3
    for version in versions:
        assert [item.number for item in version.items] == list(range(1, 13))


def test_choices_shuffle_per_version_unless_pinned(harbours: list[LoadedDeck]) -> None:
    selection = select_questions(harbours, types=["choice"])
    orders_h4: set[tuple[int, ...]] = set()
    for seed in range(10):
        for version in make_versions(selection, versions=2, seed=str(seed)):
            by_id = {item.question.id: item for item in version.items}
            assert by_id["h5"].choice_order == (0, 1, 2)
            assert sorted(by_id["h4"].choice_order) == [0, 1, 2, 3, 4]
            orders_h4.add(by_id["h4"].choice_order)
    assert len(orders_h4) > 1


def test_no_shuffle_keeps_deck_order_everywhere_but_still_hides_answers(
    harbours: list[LoadedDeck],
) -> None:
    selection = select_questions(harbours)
    versions = make_versions(selection, versions=2, shuffle=False)
    a, b = ([(item.question.id, item.choice_order, item.item_order, item.right_order)
             for item in v.items] for v in versions)
    assert a == b
    assert [entry[0] for entry in a] == ids(selection)
    by_id = {item.question.id: item for item in versions[0].items}
    assert by_id["h4"].choice_order == (0, 1, 2, 3, 4)
    assert by_id["h8"].item_order != (0, 1, 2, 3), "an order question printed in order"
    assert by_id["h9"].right_order != by_id["h9"].left_order


def test_a_questions_shuffle_does_not_depend_on_the_rest_of_the_sample(
    harbours: list[LoadedDeck],
) -> None:
    """Adding or removing other questions must not reshuffle this one's choices."""
    everything = make_versions(select_questions(harbours), versions=2, seed="s")
    only_choices = make_versions(select_questions(harbours, types=["choice"]), versions=2,
                                 seed="s")
    for full, small in zip(everything, only_choices, strict=True):
        full_h4 = next(i for i in full.items if i.question.id == "h4")
        small_h4 = next(i for i in small.items if i.question.id == "h4")
        assert full_h4.choice_order == small_h4.choice_order


def test_version_count_is_bounded(harbours: list[LoadedDeck]) -> None:
    selection = select_questions(harbours)
    with pytest.raises(InputError, match="between 1 and 26"):
        make_versions(selection, versions=27)
    with pytest.raises(InputError, match="between 1 and 26"):
        make_versions(selection, versions=0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=deck_data(max_questions=8), seed=st.text(max_size=6), versions=st.integers(1, 4),
       shuffle=st.booleans())
def test_any_deck_versions_are_permutations_that_never_give_answers_away(
    data: dict[str, Any], seed: str, versions: int, shuffle: bool
) -> None:
    loaded = LoadedDeck(Deck.model_validate(data), Path("deck.yaml"))
    selection = select_questions([loaded], seed=seed)
    made = make_versions(selection, versions=versions, seed=seed, shuffle=shuffle)
    assert made == make_versions(selection, versions=versions, seed=seed, shuffle=shuffle)
    for version in made:
        assert sorted(item.selected.key for item in version.items) == sorted(
            s.key for s in selection
        )
        for item in version.items:
            question = item.question
            if isinstance(question, ChoiceQuestion):
                assert sorted(item.choice_order) == list(range(len(question.choices)))
                if not (shuffle and question.shuffle):
                    assert list(item.choice_order) == list(range(len(question.choices)))
            if isinstance(question, OrderQuestion):
                assert sorted(item.item_order) == list(range(len(question.items)))
                assert list(item.item_order) != list(range(len(question.items)))
            if isinstance(question, MatchQuestion):
                assert sorted(item.left_order) == list(range(len(question.pairs)))
                assert sorted(item.right_order) == list(range(len(question.pairs)))
                assert item.right_order != item.left_order
