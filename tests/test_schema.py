"""The deck JSON Schema: generated from the models, shipped in sync, and checked by a real
JSON Schema validator (the `jsonschema` package, draft 2020-12) against real decks."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from quizgen.authoring.starter import starter_text
from quizgen.cli import app
from quizgen.errors import DeckError
from quizgen.loading import parse_deck
from quizgen.schema import MODELINE_PREFIX, SCHEMA_FILE, deck_schema, deck_schema_text
from quizgen.yamlparse import parse_yaml

from .conftest import REPO, SHIPPED_DECKS

runner = CliRunner()
VALIDATOR = jsonschema.Draft202012Validator(deck_schema())

DECK: dict[str, Any] = {
    "id": "solar",
    "title": "The solar system",
    "source": {"title": "A made-up primer", "date": "2001-02"},
    "questions": [
        {"id": "largest", "type": "short", "prompt": "Largest planet?", "answer": "Jupiter",
         "source": {"paragraph": 1}},
        {"id": "moons", "type": "numeric", "prompt": "Moons of Mars?", "answer": 2},
        {"id": "probe", "type": "date", "prompt": "Launch year?", "answer": 1977},
        {"id": "rocky", "type": "choice", "prompt": "Which is rocky?",
         "choices": ["Mars", "Saturn"], "answer": "Mars"},
        {"id": "ring", "type": "truefalse", "prompt": "Saturn has rings.", "answer": True},
        {"id": "gap", "type": "cloze", "text": "Mars is the {{fourth}} planet."},
        {"id": "inner", "type": "order", "prompt": "Nearest first", "items": ["Mercury", "Venus"]},
        {"id": "pairs", "type": "match", "prompt": "Match",
         "pairs": [{"left": "Io", "right": "Jupiter"}, {"left": "Titan", "right": "Saturn"}]},
    ],
}


def pydantic_accepts(data: dict[str, Any]) -> bool:
    try:
        parse_deck(json.dumps(data), "deck.yaml")
    except DeckError:
        return False
    return True


def schema_accepts(data: dict[str, Any]) -> bool:
    return VALIDATOR.is_valid(data)


def test_shipped_schema_file_is_in_sync_with_the_models() -> None:
    assert (REPO / SCHEMA_FILE).read_text(encoding="utf-8") == deck_schema_text(), (
        "run: quizgen schema -o schema/deck.schema.json"
    )


def test_schema_is_a_valid_draft_2020_12_schema_with_an_id() -> None:
    jsonschema.Draft202012Validator.check_schema(deck_schema())
    assert deck_schema()["$id"] == "urn:quizgen:deck:v1"
    assert deck_schema()["title"] == "quizgen deck"


def test_cli_prints_the_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == deck_schema_text()


def test_cli_writes_the_schema_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema", "-o", "schema/deck.schema.json"])
    assert result.exit_code == 0
    assert result.stdout == "schema/deck.schema.json: deck JSON Schema\n"
    assert (tmp_path / "schema/deck.schema.json").read_text(encoding="utf-8") == deck_schema_text()


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_every_object_in_the_schema_forbids_unknown_keys() -> None:
    objects = list(_objects(deck_schema()))
    assert len(objects) >= 12  # the deck, its source, eight question types, their parts
    assert all(obj.get("additionalProperties") is False for obj in objects)


@pytest.mark.parametrize(
    "path",
    [(), ("source",), ("questions", 0), ("questions", 0, "source"), ("questions", 7),
     ("questions", 7, "pairs", 1)],
    ids=["deck", "deck source", "question", "question source", "match", "match pair"],
)
def test_unknown_keys_are_rejected_by_schema_and_models_alike(path: tuple[Any, ...]) -> None:
    data = copy.deepcopy(DECK)
    target: Any = data
    for part in path:
        target = target[part]
    target["colour"] = "blue"
    assert not schema_accepts(data)
    assert not pydantic_accepts(data)
    messages = [error.message for error in VALIDATOR.iter_errors(data)]
    assert messages  # the validator names a reason, not only a verdict


def _variant(change: str) -> dict[str, Any]:
    data = copy.deepcopy(DECK)
    questions = data["questions"]
    match change:
        case "valid":
            pass
        case "numbers as text":  # YAML `answer: 42` on a short question is valid text
            questions[0]["answer"] = 42
            questions[3]["choices"] = [1996, 2000]
            questions[3]["answer"] = 1996
        case "several right choices":
            questions[3]["answer"] = ["Mars", "Saturn"]
        case "full date":
            questions[2]["answer"] = "1977-09-05"
        case "missing prompt":
            del questions[0]["prompt"]
        case "unknown type":
            questions[0]["type"] = "essay"
        case "no questions":
            data["questions"] = []
        case "bad id":
            questions[0]["id"] = "Not A Slug"
        case "negative tolerance":
            questions[1]["tolerance"] = -1
        case "one choice":
            questions[3]["choices"] = ["Mars"]
        case "truefalse as text":
            questions[4]["answer"] = "maybe"
        case "paragraph zero":
            questions[0]["source"] = {"paragraph": 0}
        case "tag with space":
            questions[0]["tags"] = ["two words"]
        case "cloze field on short":
            questions[0]["text"] = "x {{y}}"
    return data


@pytest.mark.parametrize(
    ("change", "valid"),
    [("valid", True), ("numbers as text", True), ("several right choices", True),
     ("full date", True), ("missing prompt", False), ("unknown type", False),
     ("no questions", False), ("bad id", False), ("negative tolerance", False),
     ("one choice", False), ("truefalse as text", False), ("paragraph zero", False),
     ("tag with space", False), ("cloze field on short", False)],
)
def test_schema_and_models_agree(change: str, valid: bool) -> None:
    data = _variant(change)
    assert pydantic_accepts(data) is valid
    assert schema_accepts(data) is valid


def test_shipped_decks_are_valid_for_editors_and_point_at_the_schema() -> None:
    decks = sorted(SHIPPED_DECKS.glob("*.yaml"))
    assert decks
    for deck in decks:
        text = deck.read_text(encoding="utf-8")
        first_line = text.splitlines()[0]
        assert first_line.startswith(MODELINE_PREFIX), f"{deck.name} lacks the schema modeline"
        reference = first_line.removeprefix(MODELINE_PREFIX)
        assert (deck.parent / reference).resolve() == (REPO / SCHEMA_FILE).resolve()
        errors = [error.message for error in VALIDATOR.iter_errors(parse_yaml(text))]
        assert errors == [], deck.name


def test_starter_deck_is_valid_for_editors() -> None:
    text = starter_text("moon", "The Moon", "../schema/deck.schema.json", "decks/moon.yaml")
    assert list(VALIDATOR.iter_errors(parse_yaml(text))) == []
