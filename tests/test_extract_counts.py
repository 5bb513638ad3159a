"""Counts that news writing states without a digit-and-noun pair: after a determiner, as a
part of a whole, or with the noun left to a figure just before."""

from __future__ import annotations

import pytest

from quizgen.extract.facts import find_facts


def counts(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in find_facts(text) if f.kind == "count"]


def test_a_part_of_a_whole_counts_the_wholes_noun() -> None:
    assert counts("Seven of the eight runners finished the race.") == [
        ("Seven", "7 runners"), ("eight runners", "8 runners")]


def test_a_determiner_before_a_modified_noun_states_a_figure() -> None:
    assert counts("She kept the three gold medals in a drawer.") == [
        ("three gold medals", "3 medals")]


def test_a_figure_without_its_noun_takes_the_noun_of_the_figure_before() -> None:
    assert counts("The town grew from 2 million people in 1990 to 3.5 million in 2020.") == [
        ("2 million people", "2000000 people"), ("3.5 million", "3500000 people")]


@pytest.mark.parametrize("text", [
    "The two leaders met in the capital.",        # points back to people just named
    "The two other states abstained.",
    "Their three children were at school.",
    "Debt rose to 372 million in 2055.",          # no figure before to lend a noun
    "The fund grew from $2 million in 1990 to 3.5 million in 2020.",  # money, not a count
    "One of the two leaders spoke.",              # a part of one is not a figure to ask
])
def test_no_count_where_the_figure_only_points_back_or_has_no_noun(text: str) -> None:
    assert counts(text) == []


def test_a_bare_figure_counts_the_noun_of_the_number_it_gives() -> None:
    assert counts("By May the number of reported cases had risen to 1,240, officials said.") == [
        ("1,240", "1240 cases")]
    assert counts("The number of cases fell in 2019.") == []
