"""Deterministic .apkg writing on top of genanki's collection schema.

genanki stamps wall-clock time on notes, draws note ids from the clock and writes
zip entries with the current date; here every id comes from names, each note and note
type carries its own modification time (from the lock file), new cards are due in the
order given, and the zip is written entry by entry with fixed metadata.
"""

from __future__ import annotations

import errno
import json
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from ..pictures import Picture
from .fields import NoteContent
from .identity import deck_id_for, media_name, stable_int


@dataclass(frozen=True)
class PackageNote:
    """A note and its modification time: Anki replaces its copy only with a newer one."""

    content: NoteContent
    modified: int


def write_package(
    target: Path,
    notes: Sequence[PackageNote],
    media: Sequence[Picture],
    *,
    note_type_times: Mapping[int, int],
    descriptions: Mapping[str, str],
) -> int:
    """Write `notes` as an .apkg at `target` (the caller makes it atomic); return its cards.

    New cards are due in the order of `notes`: position 1, 2, ... (a note's cards share one).
    `descriptions` maps Anki deck names to the HTML description Anki shows on the deck.
    """
    decks: dict[str, genanki.Deck] = {}
    note_times: dict[str, int] = {}
    for position, packaged in enumerate(notes, start=1):
        content = packaged.content
        deck = decks.get(content.deck_name)
        if deck is None:
            deck = decks[content.deck_name] = genanki.Deck(
                deck_id_for(content.deck_name),
                content.deck_name,
                description=descriptions.get(content.deck_name, ""),
            )
        note = genanki.Note(
            model=content.note_type.model,
            fields=content.field_values(),
            sort_field=content.sort_text,
            tags=list(content.tags),
            guid=content.guid,
            due=position,
        )
        deck.add_note(note)
        note_times[content.guid] = packaged.modified
    ordered_ids: list[int] = []
    for deck in decks.values():
        for note in deck.notes:
            ordered_ids.append(stable_int("quizgen-note", note.guid))
            ordered_ids.extend(
                stable_int("quizgen-card", note.guid, str(card.ord)) for card in note.cards
            )
    used_types = {note.model.model_id for deck in decks.values() for note in deck.notes}
    type_times = {model_id: note_type_times[model_id] for model_id in used_types}
    timestamp = max([*note_times.values(), *type_times.values()], default=0)
    cards = sum(len(note.cards) for deck in decks.values() for note in deck.notes)
    with tempfile.TemporaryDirectory(prefix="quizgen-") as scratch:
        database = Path(scratch) / "collection.anki2"
        try:
            _write_collection(database, list(decks.values()), iter(ordered_ids), timestamp)
            _set_times(database, note_times, type_times)
        except sqlite3.Error as error:  # a full disk or quota, met in the scratch folder
            raise OSError(errno.EIO, f"cannot write the collection ({error})") from None
        _write_zip(target, database.read_bytes(), media, timestamp)
    return cards


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


def _set_times(
    database: Path, note_times: Mapping[str, int], type_times: Mapping[int, int]
) -> None:
    """genanki gives every note and note type one time; give each its own."""
    connection = sqlite3.connect(database)
    try:
        connection.executemany(
            "UPDATE notes SET mod = ? WHERE guid = ?",
            [(modified, guid) for guid, modified in note_times.items()],
        )
        (models_json,) = connection.execute("SELECT models FROM col").fetchone()
        models = json.loads(models_json)
        for model_id, modified in type_times.items():
            models[str(model_id)]["mod"] = modified
        connection.execute("UPDATE col SET models = ?", (json.dumps(models, sort_keys=True),))
        connection.commit()
    finally:
        connection.close()


def _write_zip(target: Path, collection: bytes, media: Sequence[Picture], timestamp: int) -> None:
    stamp = _zip_time(timestamp)
    ordered = sorted(media, key=media_name)
    manifest = {str(index): media_name(item) for index, item in enumerate(ordered)}
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
