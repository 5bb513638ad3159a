"""A card's front must not give away another card's answer: the relation and its uses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter
from typer.testing import CliRunner

from quizgen import load_deck
from quizgen.cli import app
from quizgen.models import AnyQuestion, Question
from quizgen.reveals import Reveal, find_reveals, reveals

from .conftest import SHIPPED_DECKS

_QUESTION: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


def q(**fields: Any) -> AnyQuestion:
    return _QUESTION.validate_python({"id": fields.pop("id", "q"), **fields})


SHORT = q(id="airport", type="short", prompt="Which airport?", answer="Sunan International Airport",
          alternatives=["Sunan"])


@pytest.mark.parametrize(
    "front",
    [
        q(type="choice", prompt="Where?", choices=["Sunan", "Kimpo"], answer="Kimpo"),
        q(type="order", prompt="Order these", items=["Landing at SUNAN", "Parade"]),
        q(type="match", prompt="Match", pairs=[{"left": "sunan", "right": "x"},
                                               {"left": "y", "right": "z"}]),
        q(type="cloze", text="The {{banner}} at Sunan airport."),
        q(type="cloze", text="The banner at {{Sunan}} said {{eternal}}."),  # sibling card shows it
        q(type="truefalse", prompt="The banner hung at “Sunan International Airport”.",
          answer=True),
    ],
    ids=["choice-distractor", "order-item", "match-side", "cloze-text", "cloze-sibling",
         "prompt-with-quotes"],
)
def test_every_kind_of_front_can_reveal_a_short_answer(front: AnyQuestion) -> None:
    assert reveals(front, SHORT)
    assert not reveals(SHORT, front)


def test_the_relation_is_directed_and_never_reflexive() -> None:
    asks = q(id="oil", type="short", prompt="Which commodity?", answer="oil")
    tells = q(id="nick", type="short", prompt="What nickname, where it describes oil deliveries?",
              answer="the hermit kingdom")
    assert reveals(tells, asks) and not reveals(asks, tells)
    assert not reveals(asks, asks)


def test_whole_words_only_and_a_leading_article_does_not_matter() -> None:
    oil = q(type="short", prompt="?", answer="oil")
    assert not reveals(q(id="b", type="short", prompt="Years of toil and boiling", answer="x"), oil)
    kingdom = q(type="short", prompt="?", answer="the hermit kingdom")
    assert reveals(q(id="b", type="truefalse", prompt="A Hermit  Kingdom it is", answer=True),
                   kingdom)


def test_a_single_gap_cloze_does_not_show_its_own_answer() -> None:
    cloze = q(id="c", type="cloze", text="Relations reach a {{higher level}}.")
    asks = q(id="s", type="short", prompt="What level?", answer="higher level")
    assert not reveals(cloze, asks)
    assert reveals(asks, cloze) is False  # the short card's prompt does not name it
    hinted = q(id="h", type="cloze", text="Relations reach a {{level::higher level}}.")
    assert reveals(hinted, asks)  # a hint is on the front


def test_figures_in_any_usual_form_and_as_ordinals() -> None:
    containers = q(type="numeric", prompt="How many containers?", answer=7000)
    assert reveals(q(id="a", type="short", prompt="Of the 7,000 containers, how many?",
                     answer="x"), containers)
    assert reveals(q(id="a", type="short", prompt="Of the 7000 containers?", answer="x"),
                   containers)
    assert not reveals(q(id="a", type="short", prompt="Of the 70001 containers?", answer="x"),
                       containers)
    years = q(type="numeric", prompt="How many years of relations?", answer=75)
    assert reveals(q(id="a", type="date", prompt="The ties reach their 75th year when?",
                     answer=1949), years)
    assert not reveals(q(id="a", type="short", prompt="In 1975 or 2075?", answer="x"), years)
    assert not reveals(q(id="a", type="short", prompt="It cost 7.5 billion", answer="x"), years)


def test_dates_in_their_written_forms() -> None:
    year = q(type="date", prompt="When was the treaty signed?", answer=1961)
    assert reveals(q(id="a", type="short", prompt="Who left the 1961 treaty?", answer="x"), year)
    month = q(type="date", prompt="When did he rise?", answer="2000-03")
    assert reveals(q(id="a", type="short", prompt="Who was pleased in March 2000?", answer="x"),
                   month)
    assert not reveals(q(id="a", type="short", prompt="Who led in 2000?", answer="x"), month)
    bc = q(type="date", prompt="When was Caesar killed?", answer="44 BC")
    assert reveals(q(id="a", type="short", prompt="What happened in 44 BC?", answer="x"), bc)
    assert not reveals(q(id="a", type="short", prompt="Was it AD 44?", answer="x"), bc)
    day = q(type="date", prompt="When did he land?", answer="2024-06-19")
    assert reveals(q(id="a", type="short", prompt="What happened on June 19?", answer="x"), day)


def test_choice_and_truefalse_answers_are_not_phrases_to_reveal() -> None:
    choice = q(type="choice", prompt="Which?", choices=["China", "Iran"], answer="China")
    truefalse = q(type="truefalse", prompt="China is big.", answer=True)
    mentions = q(id="m", type="short", prompt="China and Iran: true or false?", answer="x")
    assert not reveals(mentions, choice) and not reveals(mentions, truefalse)


def test_find_reveals_lists_pairs_in_deck_order() -> None:
    questions = [
        q(id="crimea", type="short", prompt="Which territory?", answer="Crimea"),
        q(id="order", type="order", prompt="Order", items=["Crimea is invaded", "Kyiv"]),
        q(id="kyiv", type="short", prompt="Which city?", answer="Kyiv"),
    ]
    assert find_reveals(questions) == [
        Reveal("crimea", "order", "crimea"),
        Reveal("kyiv", "order", "kyiv"),
    ]
    assert find_reveals(questions)[0].message() == (
        "the answer of 'crimea' ('crimea') is on the front of 'order'"
    )


def test_the_shipped_deck_gives_nothing_away() -> None:
    for deck_file in sorted(SHIPPED_DECKS.glob("*.yaml")):
        assert find_reveals(load_deck(deck_file).deck.questions) == [], deck_file.name


def test_validate_warns_but_passes(write_deck: Callable[..., Path],
                                  monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    write_deck("""\
        id: leaky
        title: Leaky
        questions:
          - {id: crimea, type: short, prompt: Which territory?, answer: Crimea}
          - {id: order, type: order, prompt: Order, items: [Crimea is invaded, Kyiv]}
        """, "decks/leaky.yaml")
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == (
        "decks/leaky.yaml: ok, 2 questions\n"
        "decks/leaky.yaml: warning: the answer of 'crimea' ('crimea') is on the front of 'order'\n"
    )
