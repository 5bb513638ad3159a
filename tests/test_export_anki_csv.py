"""Anki CSV export, imported with the `anki` engine's own CSV importer: it must update the
very notes the .apkg created (same note types, fields and GUIDs), never add copies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgen.anki.building import BuildOptions, build_package
from quizgen.anki.fields import render_note
from quizgen.anki.identity import note_guid
from quizgen.formats import export_decks
from quizgen.loading import LoadedDeck, load_deck

from .conftest import SHIPPED_DECKS, import_package

DECK = """\
id: csv-deck
title: CSV deck
anki_deck: Tests::CSV
questions:
  - id: tabbed
    type: short
    prompt: "Tab\\there, \\"quotes\\", <b>not bold</b> & a\\nline break"
    answer: Quoted "answer"
    tags: [odd, text::escaping]
  - id: gaps
    type: cloze
    text: "{{Neil}} and {{c2::Buzz::a nickname}} walked"
    subdeck: Cloze
  - id: pick
    type: choice
    prompt: Pick
    choices: [a, b, c]
    answer: b
  - id: seq
    type: order
    prompt: Order
    items: [one, two, three]
  - id: pairs
    type: match
    prompt: Match
    pairs: [{left: x, right: y}, {left: z, right: w}]
  - id: far
    type: numeric
    prompt: Far?
    answer: 12
    unit: km
  - id: truth
    type: truefalse
    prompt: True?
    answer: true
"""


def import_csv(col: Any, path: Path) -> Any:
    """Import a text file the way Anki's File → Import does, with the file's own headers."""
    from anki.collection import ImportCsvRequest

    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def deck_at(tmp_path: Path, text: str, name: str = "deck.yaml") -> LoadedDeck:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_deck(path)


def notes_by_guid(col: Any) -> dict[str, Any]:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def test_csv_after_apkg_matches_every_note_and_adds_none(tmp_path: Path, collection: Any) -> None:
    loaded = deck_at(tmp_path, DECK)
    build_package(loaded, tmp_path / "deck.apkg", BuildOptions())
    import_package(collection, tmp_path / "deck.apkg")
    cards_before = sorted(collection.find_cards(""))
    export_decks([loaded], "anki-csv", tmp_path / "deck.txt")

    log = import_csv(collection, tmp_path / "deck.txt")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 7)
    assert len(log.missing_notetype) == 0
    assert collection.note_count() == 7
    assert sorted(collection.find_cards("")) == cards_before


def test_an_edited_question_updates_its_note_in_place(tmp_path: Path, collection: Any) -> None:
    loaded = deck_at(tmp_path, DECK)
    build_package(loaded, tmp_path / "deck.apkg", BuildOptions())
    import_package(collection, tmp_path / "deck.apkg")
    cards_before = sorted(collection.find_cards(""))

    edited = deck_at(tmp_path, DECK.replace("prompt: Far?", "prompt: How far, in km?"))
    export_decks([edited], "anki-csv", tmp_path / "edited.txt")
    log = import_csv(collection, tmp_path / "edited.txt")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 6)
    note = notes_by_guid(collection)[note_guid("csv-deck", "far")]
    assert note["Prompt"] == "How far, in km?"
    assert sorted(collection.find_cards("")) == cards_before  # same cards: history kept


def test_csv_alone_creates_the_notes_the_apkg_would(tmp_path: Path, collection: Any) -> None:
    # Any quizgen package brings the note types; then a CSV on its own is enough.
    other = deck_at(tmp_path, DECK.replace("id: csv-deck", "id: other-deck"), "other.yaml")
    build_package(other, tmp_path / "other.apkg", BuildOptions())
    import_package(collection, tmp_path / "other.apkg")

    loaded = deck_at(tmp_path, DECK)
    export_decks([loaded], "anki-csv", tmp_path / "deck.txt")
    log = import_csv(collection, tmp_path / "deck.txt")
    assert len(log.new) == 7
    notes = notes_by_guid(collection)
    for question in loaded.deck.questions:
        expected = render_note(loaded.deck, question)
        note = notes[note_guid("csv-deck", question.id)]
        assert note.note_type()["name"] == expected.note_type.name
        assert list(note.values()) == expected.field_values()
        assert sorted(note.tags) == sorted(expected.tags)
        deck_names = {collection.decks.name(card.did) for card in note.cards()}
        assert deck_names == {expected.deck_name}
    assert notes[note_guid("csv-deck", "tabbed")]["Prompt"] == (
        "Tab\there, &quot;quotes&quot;, &lt;b&gt;not bold&lt;/b&gt; &amp; a<br>line break")
    assert len(notes[note_guid("csv-deck", "gaps")].cards()) == 2

    # ... and the package imported afterwards updates those notes rather than copying them.
    build_package(loaded, tmp_path / "deck.apkg", BuildOptions())
    import_package(collection, tmp_path / "deck.apkg")
    assert collection.note_count() == 14


def test_without_quizgen_note_types_anki_adds_nothing(tmp_path: Path, collection: Any) -> None:
    loaded = deck_at(tmp_path, DECK)
    export_decks([loaded], "anki-csv", tmp_path / "deck.txt")
    log = import_csv(collection, tmp_path / "deck.txt")
    assert len(log.missing_notetype) == 7
    assert collection.note_count() == 0


def test_a_guid_starting_with_hash_is_not_read_as_a_comment(
    tmp_path: Path, collection: Any
) -> None:
    question_id = next(f"q{n}" for n in range(1_000_000)
                       if note_guid("hash", f"q{n}").startswith("#"))
    loaded = deck_at(tmp_path, f"id: hash\ntitle: Hash\nquestions:\n  - id: {question_id}\n"
                               "    type: short\n    prompt: P\n    answer: A\n")
    text = export_decks([loaded], "anki-csv", tmp_path / "hash.txt").text
    assert text.splitlines()[6].startswith(f"quizgen Q&A (v1)\t{note_guid('hash', question_id)}\t")
    build_package(loaded, tmp_path / "hash.apkg", BuildOptions())
    import_package(collection, tmp_path / "hash.apkg")
    log = import_csv(collection, tmp_path / "hash.txt")
    assert (len(log.new), len(log.duplicate)) == (0, 1)


def test_shipped_deck_round_trip(tmp_path: Path, collection: Any,
                                 write_deck: Callable[..., Path]) -> None:
    loaded = load_deck(SHIPPED_DECKS / "putin-kim-2024.yaml")
    build_package(loaded, tmp_path / "shipped.apkg", BuildOptions(), write_lock_file=False)
    import_package(collection, tmp_path / "shipped.apkg")
    exported = export_decks([loaded], "anki-csv", tmp_path / "shipped.txt")
    assert exported.warnings == []
    log = import_csv(collection, tmp_path / "shipped.txt")
    count = len(loaded.deck.questions)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, count)
    assert collection.note_count() == count


def test_header_lines(tmp_path: Path) -> None:
    text = export_decks([deck_at(tmp_path, DECK)], "anki-csv", None).text
    assert text.splitlines()[:6] == [
        "#separator:tab", "#html:true", "#notetype column:1", "#guid column:2",
        "#deck column:3", "#tags column:4",
    ]
