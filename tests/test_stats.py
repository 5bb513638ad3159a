"""`quizgen stats`: counts per deck, type and tag, and the questions still missing an
explanation or a source."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgen.cli import app

runner = CliRunner()

PLANETS = """\
id: planets
title: Planets
questions:
  - id: largest
    type: short
    prompt: Largest planet?
    answer: Jupiter
    tags: [giants, size]
    explanation: It has more mass than all the others together.
    source: {paragraph: 1}
  - id: moons
    type: numeric
    prompt: How many moons has Mars?
    answer: 2
    tags: [moons]
  - id: rings
    type: truefalse
    prompt: Saturn has rings.
    answer: true
    tags: [giants]
    source: {paragraph: 2}
"""

MOONS = """\
id: moons
title: Moons
questions:
  - id: biggest
    type: short
    prompt: Biggest moon?
    answer: Ganymede
    tags: [moons]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_one_deck(write_deck: Callable[..., Path]) -> None:
    write_deck(PLANETS, "decks/planets.yaml")
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 0
    assert result.stdout == (
        "planets (decks/planets.yaml): 3 questions\n"
        "  types: short 1, numeric 1, truefalse 1\n"
        "  tags: giants 2, moons 1, size 1\n"
        "  without explanation: 2 (moons, rings)\n"
        "  without source: 1 (moons)\n"
    )


def test_several_decks_get_totals_with_qualified_ids(write_deck: Callable[..., Path]) -> None:
    write_deck(PLANETS, "decks/planets.yaml")
    write_deck(MOONS, "decks/moons.yaml")
    result = runner.invoke(app, ["stats", "decks"])
    assert result.exit_code == 0
    assert result.stdout == (
        "moons (decks/moons.yaml): 1 question\n"
        "  types: short 1\n"
        "  tags: moons 1\n"
        "  without explanation: 1 (biggest)\n"
        "  without source: 1 (biggest)\n"
        "\n"
        "planets (decks/planets.yaml): 3 questions\n"
        "  types: short 1, numeric 1, truefalse 1\n"
        "  tags: giants 2, moons 1, size 1\n"
        "  without explanation: 2 (moons, rings)\n"
        "  without source: 1 (moons)\n"
        "\n"
        "all 2 decks: 4 questions\n"
        "  types: short 2, numeric 1, truefalse 1\n"
        "  tags: giants 2, moons 2, size 1\n"
        "  without explanation: 3 (moons/biggest, planets/moons, planets/rings)\n"
        "  without source: 2 (moons/biggest, planets/moons)\n"
    )


def test_json(write_deck: Callable[..., Path]) -> None:
    write_deck(PLANETS, "decks/planets.yaml")
    result = runner.invoke(app, ["stats", "--json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert figures["decks"][0]["deck_id"] == "planets"
    assert figures["decks"][0]["counts"]["by_type"] == {"short": 1, "numeric": 1, "truefalse": 1}
    assert figures["total"]["without_source"] == ["moons"]


def test_an_untagged_complete_deck_says_none(write_deck: Callable[..., Path]) -> None:
    write_deck("id: one\ntitle: One\nquestions:\n  - {id: a, type: short, prompt: P, answer: A,"
               " explanation: E, source: {paragraph: 1}}\n", "one.yaml")
    result = runner.invoke(app, ["stats", "one.yaml"])
    assert result.stdout == (
        "one (one.yaml): 1 question\n"
        "  types: short 1\n"
        "  tags: none\n"
        "  without explanation: none\n"
        "  without source: none\n"
    )


def test_invalid_deck_is_an_error(write_deck: Callable[..., Path]) -> None:
    write_deck("id: bad\ntitle: Bad\nquestions: []\n", "bad.yaml")
    result = runner.invoke(app, ["stats", "bad.yaml"])
    assert result.exit_code == 1
    assert result.stderr.endswith("stats: 1 problem found\n")
