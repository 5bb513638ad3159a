"""Deterministic .apkg writing on top of genanki's collection schema.

genanki stamps wall-clock time on notes, draws note ids from the clock and writes
zip entries with the current date; here every id comes from names, every time from
one `timestamp`, and the zip is written entry by entry with fixed metadata.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from .fields import NoteContent
from .identity import deck_id_for, stable_int


@dataclass(frozen=True)
class MediaFile:
    name: str
    content: bytes


@dataclass(frozen=True)
class PackageCounts:
    notes: int
    cards: int


def write_package(
    target: Path, notes: Sequence[NoteContent], media: Sequence[MediaFile], timestamp: int
) -> PackageCounts:
    """Write `notes` (in order) and `media` as an .apkg at `target` (caller makes it atomic)."""
    decks: dict[str, genanki.Deck] = {}
    ordered_ids: list[int] = []
    for content in notes:
        deck = decks.get(content.deck_name)
        if deck is None:
            deck = decks[content.deck_name] = genanki.Deck(
                deck_id_for(content.deck_name), content.deck_name
            )
        note = genanki.Note(
            model=content.note_type.model,
            fields=content.field_values(),
            sort_field=content.sort_text,
            tags=list(content.tags),
            guid=content.guid,
        )
        deck.add_note(note)
    for deck in decks.values():
        for note in deck.notes:
            ordered_ids.append(stable_int("quizgen-note", note.guid))
            ordered_ids.extend(
                stable_int("quizgen-card", note.guid, str(card.ord)) for card in note.cards
            )
    cards = sum(len(note.cards) for deck in decks.values() for note in deck.notes)
    with tempfile.TemporaryDirectory(prefix="quizgen-") as scratch:
        database = Path(scratch) / "collection.anki2"
        _write_collection(database, list(decks.values()), iter(ordered_ids), timestamp)
        _write_zip(target, database.read_bytes(), media, timestamp)
    return PackageCounts(notes=len(notes), cards=cards)


def _write_collection(
    database: Path, decks: list[genanki.Deck], ids: Iterator[int], timestamp: int
) -> None:
    connection = sqlite3.connect(database)
    try:
        cursor = connection.cursor()
        cursor.executescript(APKG_SCHEMA)
        cursor.executescript(APKG_COL)
        cursor.execute("UPDATE col SET crt = ?, mod = ?", (timestamp, timestamp * 1000))
        for deck in decks:
            deck.write_to_db(cursor, timestamp, ids)
        connection.commit()
    finally:
        connection.close()


def _write_zip(target: Path, collection: bytes, media: Sequence[MediaFile], timestamp: int) -> None:
    stamp = _zip_time(timestamp)
    ordered = sorted(media, key=lambda item: item.name)
    manifest = {str(index): item.name for index, item in enumerate(ordered)}
    entries = [("collection.anki2", collection), ("media", json.dumps(manifest).encode())]
    entries += [(str(index), item.content) for index, item in enumerate(ordered)]
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the building machine is
            archive.writestr(info, data)


def _zip_time(timestamp: int) -> tuple[int, int, int, int, int, int]:
    """Zip dates start in 1980 and have two-second steps."""
    moment = time.gmtime(max(timestamp, 315_532_800))
    return (
        moment.tm_year,
        moment.tm_mon,
        moment.tm_mday,
        moment.tm_hour,
        moment.tm_min,
        moment.tm_sec - moment.tm_sec % 2,
    )
