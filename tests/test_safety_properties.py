"""Properties at the edges: whatever `validate` accepts, every output handles; whatever bytes
arrive as a deck or an article, the answer is a result or a clean refusal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizgen.anki.building import BuildOptions, build_package
from quizgen.cli import app
from quizgen.errors import DeckError, QuizgenError
from quizgen.formats import render_decks
from quizgen.limits import MAX_CLOZE_NUMBER, MAX_DECIMAL_PLACES, MAX_DECK_DEPTH, MAX_NUMBER
from quizgen.loading import LoadedDeck, parse_deck
from quizgen.printing import PrintOptions, render
from quizgen.registry import EXPORT_FORMAT_NAMES

from .conftest import import_package

_BIGGEST = int(MAX_NUMBER) - 1
edge_number = st.sampled_from([
    f"{_BIGGEST}", f"-{_BIGGEST}", f"0.{'0' * (MAX_DECIMAL_PLACES - 1)}1",
    f"{_BIGGEST // 10**MAX_DECIMAL_PLACES}.{'9' * MAX_DECIMAL_PLACES}", "0", "-0.5", "7000",
])
edge_text = st.sampled_from([
    "<img src=x onerror=alert(1)> {{Answer}}", "{{c1::not a gap}}", "#read(\"/etc/hostname\")",
    "\u202eevil", "a\u00adb", "Пхеньян", "$x$ *y* _z_", "]]>", "@@PLUGINFILE@@/x", "~=#{}:",
])

cloze_text = edge_text.filter(lambda text: "{" not in text and "}" not in text)


@st.composite
def edge_deck(draw: st.DrawFn) -> dict[str, Any]:
    """Valid decks at the limits: biggest numbers, last cloze number, deepest deck path,
    more than 26 choices, hostile text in every field."""
    depth = draw(st.integers(1, MAX_DECK_DEPTH - 1))
    choices = [f"{draw(edge_text)} {n}" for n in range(draw(st.sampled_from([2, 27, 30])))]
    gap = draw(st.sampled_from([1, 2, MAX_CLOZE_NUMBER]))
    return {
        "id": "edges",
        "title": draw(edge_text),
        "anki_deck": "::".join(f"Level {n}" for n in range(depth)),
        "questions": [
            {"id": "n", "type": "numeric", "prompt": draw(edge_text),
             "answer": draw(edge_number), "unit": draw(edge_text), "tolerance": "0.5",
             "subdeck": "Last"},
            {"id": "c", "type": "choice", "prompt": draw(edge_text), "choices": choices,
             "answer": choices[-1], "explanation": draw(edge_text)},
            {"id": "z", "type": "cloze",
             "text": f"{draw(cloze_text)} {{{{c{gap}::{draw(cloze_text)}}}}} end"},
            {"id": "o", "type": "order", "prompt": draw(edge_text),
             "items": [f"{draw(edge_text)} {n}" for n in range(3)]},
            {"id": "m", "type": "match", "prompt": draw(edge_text),
             "pairs": [{"left": f"L{n} {draw(edge_text)}", "right": f"R{n}"} for n in range(28)]},
            {"id": "d", "type": "date", "prompt": draw(edge_text),
             "answer": draw(st.sampled_from(["1", "9999-12-31", "2000-02"]))},
            {"id": "t", "type": "truefalse", "prompt": draw(edge_text), "answer": True,
             "tags": ["a::b"]},
            {"id": "s", "type": "short", "prompt": draw(edge_text), "answer": draw(edge_text),
             "alternatives": ["x", draw(edge_text) + "!"]},
        ],
    }


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=edge_deck())
def test_what_validate_accepts_every_output_handles(
    data: dict[str, Any], tmp_path_factory: Any
) -> None:
    from anki.collection import Collection

    folder = tmp_path_factory.mktemp("edges")
    deck_file = folder / "deck.yaml"
    deck_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                         encoding="utf-8")
    loaded = LoadedDeck(parse_deck(deck_file.read_bytes(), "deck.yaml"), deck_file)
    for name in EXPORT_FORMAT_NAMES:
        assert render_decks([loaded], name).questions >= 1, name
    printed = render([loaded], PrintOptions(key=True))
    assert printed.quiz.startswith(b"%PDF") and printed.key is not None
    package = build_package(loaded, folder / "deck.apkg", BuildOptions(type_answer=True)).path
    col = Collection(str(folder / "collection.anki2"))
    try:
        import_package(col, package)
        assert col.note_count() == len(data["questions"])
        for note_id in col.find_notes(""):
            cards = col.get_note(note_id).cards()
            assert cards, "every note has at least one card"
            for card in cards:
                shown = card.question() + card.answer()
                assert "onerror=alert" not in shown.replace("onerror=alert(1)&gt;", "")
    finally:
        col.close()


@settings(max_examples=200, deadline=None)
@given(raw=st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from([b"id: x\n", b"title: T\n", b"questions:\n", b"  - id: q\n",
                              b"    type: numeric\n", b"    answer: 1e9999\n", b"&a ", b"*a",
                              b"!!int ", b"!!bool ", b"- ", b"{", b"[", b"\t", b"\x85", b"'",
                              b"    prompt: P\n", b"    text: '{{c0::x}}'\n"]),
             max_size=30).map(b"".join),
))
def test_any_bytes_as_a_deck_are_a_deck_or_a_located_refusal(raw: bytes) -> None:
    try:
        parse_deck(raw, "deck.yaml")
    except DeckError as error:
        assert error.problems
        assert all(str(problem).startswith("deck.yaml:") for problem in error.problems)
    except QuizgenError:
        pass


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(st.binary(max_size=2000),
                     st.text(max_size=2000).map(lambda t: t.encode("utf-8"))))
def test_any_bytes_as_an_article_are_a_result_or_a_refusal(raw: bytes, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(raw)
    result = CliRunner().invoke(app, ["extract", str(article), "-o", str(tmp_path / "c.yaml")],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert not (tmp_path / "c.yaml").exists() or result.exit_code == 0
