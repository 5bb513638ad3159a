"""The one "never the solved order" shuffle behind printed quizzes, Anki cards and Markdown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.shuffling import question_rng, rng_for, scrambled

distinct = st.lists(st.text(min_size=1, max_size=5), min_size=2, max_size=8, unique=True)


@given(distinct, st.text(max_size=5))
def test_never_the_written_order_and_nothing_lost(values: list[str], seed: str) -> None:
    shown = scrambled(values, rng_for(seed, "items"))
    assert shown != values
    assert sorted(shown) == sorted(values)


@given(st.permutations(list(range(5))), st.text(max_size=5))
def test_never_the_order_it_must_not_line_up_with(left: list[int], seed: str) -> None:
    right = scrambled(range(5), rng_for(seed, "right"), solved=left)
    assert right != left
    assert sorted(right) == list(range(5))


def test_the_same_key_gives_the_same_order_and_keys_are_independent() -> None:
    values = [f"item {n}" for n in range(10)]
    first = scrambled(values, question_rng("quizgen", "deck", "q1"))
    assert first == scrambled(values, question_rng("quizgen", "deck", "q1"))
    assert first != scrambled(values, question_rng("quizgen", "deck", "q2"))
    assert first != scrambled(values, question_rng("quizgen-markdown", "deck", "q1"))
    assert scrambled(values, rng_for("1", "a")) == scrambled(values, rng_for("1", "a"))
    assert scrambled(values, rng_for("1", "a")) != scrambled(values, rng_for("2", "a"))


def test_a_single_value_comes_back_as_it_is() -> None:
    assert scrambled(["only"], rng_for("1")) == ["only"]
