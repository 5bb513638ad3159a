"""Property tests: any deck the models can describe survives every step, text intact."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings

from quizgen import ClozeQuestion, Deck, parse_deck
from quizgen.anki.building import BuildOptions, build_package, deck_notes
from quizgen.anki.fields import html_text
from quizgen.anki.notetypes import CARD_SCRIPT
from quizgen.loading import LoadedDeck

from .conftest import import_package
from .strategies import deck_data


class _Dumper(yaml.SafeDumper):
    """Decimals as plain YAML numbers, the way a person writes them."""


_Dumper.add_representer(
    Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value))
)


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def dump_deck(deck: Deck) -> str:
    return to_yaml(deck.model_dump(mode="python", exclude_defaults=True))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deck_data())
def test_yaml_to_models_to_yaml_round_trips(data: dict[str, Any]) -> None:
    deck = parse_deck(to_yaml(data), "generated.yaml")
    assert len(deck.questions) == len(data["questions"])
    again = parse_deck(dump_deck(deck), "again.yaml")
    assert again == deck
    assert dump_deck(again) == dump_deck(deck)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=deck_data(max_questions=4))
def test_any_deck_imports_into_anki_with_text_intact(
    data: dict[str, Any], tmp_path_factory: Any
) -> None:
    from anki.collection import Collection

    folder = tmp_path_factory.mktemp("deck")
    deck_file = folder / "deck.yaml"
    deck_file.write_text(to_yaml(data), encoding="utf-8")
    loaded = LoadedDeck(parse_deck(deck_file.read_bytes(), "deck.yaml"), deck_file)
    package = build_package(loaded, folder / "deck.apkg", BuildOptions()).path
    notes, _ = deck_notes(loaded)

    col = Collection(str(folder / "collection.anki2"))
    try:
        import_package(col, package)
        assert col.note_count() == len(loaded.deck.questions)
        stored = {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}
        for content, question in zip(notes, loaded.deck.questions, strict=True):
            note = stored[content.guid]
            assert list(note.fields) == content.field_values()  # every byte we wrote, kept
            cards = note.cards()
            if isinstance(question, ClozeQuestion):
                assert len(cards) == len({gap.number for gap in question.gaps()})
                answers = "".join(card.answer() for card in cards)
                assert all(html_text(gap.answer) in answers for gap in question.gaps())
            else:
                assert len(cards) == 1
                assert html_text(question.prompt) in cards[0].question()
                assert unescape(html_text(question.prompt)) == unicodedata.normalize(
                    "NFC", question.prompt
                )  # escaped, never lost
            shown = "".join(card.answer() for card in cards).split("</style>")[-1]
            assert "<script" not in shown.replace(CARD_SCRIPT, "")  # only our own card script
    finally:
        col.close()


def test_written_files_are_what_round_trip_reads(tmp_path: Path) -> None:
    """A fixed example of the dumper, so the property above is known to exercise Decimals."""
    text = to_yaml(
        {
            "id": "d",
            "title": "T",
            "questions": [{"id": "n", "type": "numeric", "prompt": "p", "answer": Decimal("0.10")}],
        }
    )
    assert "answer: 0.10" in text
    deck = parse_deck(text, "d.yaml")
    assert str(deck.questions[0].answer) == "0.10"  # type: ignore[union-attr]
