"""The right answer's place is balanced over the deck as finally written: after dedupe, the
giveaway filter and `--max`, no place is the tell, and the same article gives the same bytes."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from quizgen.extract import ExtractOptions
from quizgen.extract.candidates import _balance_places, build_deck
from quizgen.extract.sentences import parse_article
from quizgen.extract.writer import deck_yaml
from quizgen.models import AnyQuestion, ChoiceQuestion


def _article() -> str:
    """Many money, percentage and treaty facts: with `all_choice`, many choice questions."""
    paragraphs = ["Budget story of the year"]
    for town in range(24):
        paragraphs.append(
            f"Town {town} received ${(town + 3) * 7} million in {1950 + town * 3}, and "
            f"{10 + town * 4} per cent of its {town + 12} schools were rebuilt.")
    for number, name in enumerate(["Treaty of Alder", "Treaty of Birch", "Treaty of Cedar",
                                   "Harbour Accord", "Treaty of Elm"]):
        paragraphs.append(f"The {name} was signed in {1800 + number * 11}.")
    return "\n\n".join(paragraphs) + "\n"


def _options(**overrides: object) -> ExtractOptions:
    values: dict[str, object] = {"deck_id": "budget", "title": "Budget", "all_choice": True}
    values.update(overrides)
    return ExtractOptions(**values)  # type: ignore[arg-type]


def _places(questions: list[AnyQuestion]) -> list[tuple[int, int]]:
    return [(q.choices.index(q.answer), len(q.choices)) for q in questions
            if isinstance(q, ChoiceQuestion) and isinstance(q.answer, str)]


@pytest.mark.parametrize("most", [None, 5, 7, 13, 18])
def test_no_place_holds_more_than_its_share_after_max(most: int | None) -> None:
    deck = build_deck(parse_article(_article()), _options(max_questions=most))
    places = _places(deck.questions)
    assert len(places) >= (most or 20)
    counts = Counter(place for place, _ in places)
    assert max(counts.values()) <= math.ceil(len(places) / 4)


def test_each_answer_is_still_the_fact_of_its_sentence() -> None:
    deck = build_deck(parse_article(_article()), _options(max_questions=11))
    for question in deck.questions:
        assert isinstance(question, ChoiceQuestion) and isinstance(question.answer, str)
        assert question.source is not None and question.answer in question.source.quote
        assert question.choices.count(question.answer) == 1
        others = [c for c in question.choices if c != question.answer]
        assert others == sorted(others, key=others.index)  # the wrong ones keep their order
        assert not any(other in question.source.quote for other in others)


def test_same_article_same_bytes_and_another_article_another_start() -> None:
    article = parse_article(_article())
    first = deck_yaml(build_deck(article, _options(max_questions=9)), "a.txt")
    again = build_deck(parse_article(_article()), _options(max_questions=9))
    assert deck_yaml(again, "a.txt") == first
    starts = set()
    for number in range(12):
        text = f"Head line {number}\n\nThe fund lent $40 million in 2021 to story {number}.\n"
        deck = build_deck(parse_article(text), _options())
        starts.add(_places(deck.questions)[0][0])
    assert len(starts) >= 3


def test_questions_the_giveaway_filter_drops_take_no_place() -> None:
    """Every other money sentence shows a figure a better-ranked question asks ("the 40
    delegates" beside "Turnout was 40 per cent"), so that money question is dropped: places
    given before the filter would leave the kept ones on two places of four."""
    paragraphs = ["Roads of the valley"]
    for number, town in enumerate(["Ash", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Larch",
                                   "Maple", "Oak", "Pine", "Rowan", "Yew"]):
        turnout = 40 + number * 3
        delegates = turnout if number % 2 == 0 else 200 + number
        paragraphs.append(f"Turnout in {town} was {turnout} per cent.")
        paragraphs.append(f"In the end the {delegates} delegates of the town of {town} paid "
                          f"${(number + 2) * 9} million for the new roads and the bridges of "
                          f"the valley.")
    deck = build_deck(parse_article("\n\n".join(paragraphs) + "\n"), _options(all_choice=False))
    places = _places(deck.questions)
    assert len(places) == 6
    assert max(Counter(place for place, _ in places).values()) <= 2


def _choice(number: int, size: int) -> ChoiceQuestion:
    choices = [f"option {number}-{index}" for index in range(size)]
    return ChoiceQuestion(type="choice", id=f"q{number}", prompt=f"Question {number}?",
                          choices=choices, answer=choices[-1])


@pytest.mark.parametrize("sizes", [[3, 4] * 10, [4, 4, 3, 2] * 6, [2, 3, 4, 5] * 5 + [4] * 7])
def test_lists_of_mixed_sizes_share_the_places(sizes: list[int]) -> None:
    questions: list[AnyQuestion] = [_choice(n, size) for n, size in enumerate(sizes)]
    placed = _balance_places(questions, "seed text")
    places = _places(placed)
    counts = Counter(place for place, _ in places)
    # the best any order can do: the questions that must share the first places
    bound = max(math.ceil(sum(1 for s in sizes if s <= k) / k) for k in set(sizes))
    assert max(counts.values()) <= bound + 1
    for before, after in zip(questions, placed, strict=True):
        assert isinstance(before, ChoiceQuestion) and isinstance(after, ChoiceQuestion)
        assert after.answer == before.answer and sorted(after.choices) == sorted(before.choices)
    assert _balance_places(questions, "seed text") == placed
