"""Property tests for the tools around decks: the extractor and `add` never break on input."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen import Deck, load_deck, parse_deck
from quizgen.authoring.adding import add_question
from quizgen.authoring.draft import NewQuestion
from quizgen.errors import InputError
from quizgen.extract import ExtractOptions, extract_article

from .conftest import MINIMAL_DECK
from .strategies import question

NEWS_WORDS = st.sampled_from(
    [
        "In",
        "March",
        "2000",
        "$11",
        "billion",
        "£12bn",
        "90",
        "per",
        "cent",
        "%",
        "7,000",
        "containers",
        "the",
        "Treaty",
        "of",
        "Friendship",
        "Pact",
        "Accord",
        "1961",
        "last",
        "September",
        "24",
        "years",
        "six",
        "months",
        "a",
        "dozen",
        "the 1990s",
        "mid-2023",
        "\u2013",
        ".",
        ",",
        "\n\n",
        "\n",
        "“",
        "”",
        "#",
        "|",
        "-",
        "19 June 2024",
        "June 19, 2024",
        "€5m",
        "¥",
        "1.5m",
        "half",
        "a million",
        "Agreement",
        "on",
        "Mutual",
        "Assistance",
    ]
)
ARTICLES = st.one_of(
    st.text(max_size=400),
    st.lists(NEWS_WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(NEWS_WORDS, st.text(max_size=5)), max_size=80).map("".join),
)

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@SETTINGS
@given(article=ARTICLES)
def test_extract_never_crashes_and_writes_valid_decks(article: str, tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(article, encoding="utf-8", errors="surrogatepass")
    try:
        result = extract_article(source, ExtractOptions(deck_id="fuzz"))
    except InputError as error:  # "no facts", or text that is not UTF-8: a user error, not a crash
        assert str(error).startswith(str(source)) or "article.txt" in str(error)
        return
    deck = parse_deck(result.yaml_text, "candidates.yaml")
    assert len(deck.questions) == result.questions


def _draft(data: dict[str, Any]) -> NewQuestion:
    """The command-line form of a generated question: every value as the text a user types."""
    kind = data["type"]
    common: dict[str, Any] = {
        "type": kind,
        "tags": tuple(data.get("tags", ())),
        "explanation": data.get("explanation"),
    }
    if "source" in data:
        common["paragraph"] = data["source"]["paragraph"]
    if kind == "cloze":
        return NewQuestion(text=data["text"], **common)
    common["prompt"] = data["prompt"]
    if kind == "short":
        return NewQuestion(
            answers=(data["answer"],), alternatives=tuple(data.get("alternatives", ())), **common
        )
    if kind == "numeric":
        tolerance = data.get("tolerance")
        return NewQuestion(
            answers=(str(data["answer"]),),
            unit=data.get("unit"),
            tolerance=None if tolerance is None else str(tolerance),
            **common,
        )
    if kind == "date":
        return NewQuestion(answers=(str(data["answer"]),), **common)
    if kind == "choice":
        answer = data["answer"]
        answers = (answer,) if isinstance(answer, str) else tuple(answer)
        return NewQuestion(choices=tuple(data["choices"]), answers=answers, **common)
    if kind == "truefalse":
        return NewQuestion(answers=("true" if data["answer"] else "false",), **common)
    if kind == "order":
        return NewQuestion(items=tuple(data["items"]), **common)
    return NewQuestion(pairs=tuple(f"{p['left']}={p['right']}" for p in data["pairs"]), **common)


def _addable(data: dict[str, Any]) -> bool:
    pairs = data.get("pairs", [])
    return all("=" not in p["left"] for p in pairs)


@SETTINGS
@given(data=question.filter(_addable))
def test_add_then_validate(data: dict[str, Any], tmp_path: Path) -> None:
    deck_file = tmp_path / "deck.yaml"
    original = "# my deck\n" + MINIMAL_DECK + "\n# trailing comment kept\n"
    deck_file.write_text(original, encoding="utf-8")

    added = add_question(deck_file, _draft(data))

    text = deck_file.read_text(encoding="utf-8")
    assert text.startswith("# my deck\n" + MINIMAL_DECK)
    assert "# trailing comment kept" in text
    deck = load_deck(deck_file).deck
    assert [q.id for q in deck.questions] == ["capital", added.question_id]
    new = deck.questions[1]
    assert new.type == data["type"]
    assert new.prompt_text() == parse_deck_question(data).prompt_text()


def parse_deck_question(data: dict[str, Any]) -> Any:
    """The same question data read through the schema, for comparison."""
    plain = {k: (str(v) if isinstance(v, Decimal) else v) for k, v in data.items()}
    deck = Deck.model_validate({"id": "x", "title": "T", "questions": [{"id": "q", **plain}]})
    return deck.questions[0]


def test_parse_deck_accepts_what_add_writes(tmp_path: Path) -> None:
    """A fixed case of the property above: YAML-looking answers stay text."""
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(MINIMAL_DECK, encoding="utf-8")
    add_question(deck_file, NewQuestion(type="short", prompt="Reply?", answers=("yes",)))
    deck = parse_deck(deck_file.read_bytes(), "deck.yaml")
    assert deck.questions[1].answer == "yes"  # type: ignore[union-attr]
