"""Per-note modification times: the previous lock + today's notes → the new lock.

A note keeps its time while its content hash stays the same; when the hash changes it
gets the build's clock (never earlier than one second after its last time), so Anki's
"update if newer" import picks up exactly the notes that changed. The same rule gives
each note type its own stamp. With no lock, every note is stamped with the clock.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Mapping, Sequence

from ..epoch import clamp, source_date_epoch
from .fields import NoteContent
from .lockfile import DIGEST_LENGTH, Lock, Stamp
from .notetypes import NoteType


def stamp_clock() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now: the time of new stamps."""
    epoch = source_date_epoch()
    return epoch if epoch is not None else clamp(time.time())


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def note_digest(note: NoteContent) -> str:
    """Everything a package says about one note: note type, fields, tags, deck and identity.

    Media is covered too: pictures are named by their bytes, so new bytes change a field.
    """
    return digest(
        json.dumps(
            [
                note.note_type.model_id,
                note.note_type.name,
                note.field_values(),
                list(note.tags),
                note.deck_name,
                note.guid,
            ],
            ensure_ascii=False,
        )
    )


def restamp(previous: Stamp | None, new_digest: str, clock: int, after: int = 0) -> Stamp:
    """Keep `previous` when the content is the same, else a time later than every earlier one."""
    if previous is not None and previous.digest == new_digest:
        return previous
    last = max(previous.modified if previous else 0, after)
    return Stamp(new_digest, max(clock, last + 1) if last else clock)


def update_lock(
    previous: Lock | None,
    *,
    deck_id: str,
    anki_deck: str,
    question_ids: Sequence[str],
    default_notes: Sequence[NoteContent],
    typed_notes: Sequence[NoteContent],
    note_types: Iterable[NoteType],
    clock: int,
) -> Lock:
    """The lock after this build; equal to `previous` when nothing changed."""
    old = previous or Lock(deck_id=deck_id, anki_deck=anki_deck)
    notes: dict[str, Stamp] = {}
    typed: dict[str, Stamp] = {}
    for question_id, default, typed_note in zip(question_ids, default_notes, typed_notes,
                                                 strict=True):
        came_back = old.removed.get(question_id, 0)
        note = restamp(old.notes.get(question_id), note_digest(default), clock, came_back)
        earlier_typed = old.typed.get(question_id, old.notes.get(question_id))
        typed_stamp = restamp(earlier_typed, note_digest(typed_note), clock, came_back)
        notes[question_id] = note
        if typed_stamp != note:
            typed[question_id] = typed_stamp
    removed = {key: when for key, when in old.removed.items() if key not in notes}
    for question_id, stamp in old.notes.items():
        if question_id not in notes:
            removed[question_id] = max(clock, stamp.modified)
    former = set(old.former_anki_decks)
    if old.anki_deck != anki_deck:
        former.add(old.anki_deck)
    former.discard(anki_deck)
    return Lock(
        deck_id=deck_id,
        anki_deck=anki_deck,
        former_anki_decks=tuple(sorted(former)),
        note_types=_note_type_stamps(old.note_types, note_types, clock),
        notes=notes,
        typed=typed,
        removed=removed,
    )


def _note_type_stamps(
    previous: Mapping[str, Stamp], note_types: Iterable[NoteType], clock: int
) -> dict[str, Stamp]:
    return {
        note_type.key: restamp(previous.get(note_type.key), digest(note_type.definition()), clock)
        for note_type in note_types
    }
