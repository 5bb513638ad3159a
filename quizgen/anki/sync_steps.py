"""What `quizgen sync` does to a collection, one step per kind of change.

Each factory returns a step: a function of the open collection, run only when the plan
is applied. Steps re-read the note they change, so they act on the collection as it is
then (after the import added new notes, for instance).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..loading import LoadedDeck
from ..pictures import Picture
from .building import BuildOptions, write_stamped_package
from .fields import NoteContent
from .lockfile import Lock
from .notetypes import NoteType

if TYPE_CHECKING:
    from anki.cards import Card, CardId
    from anki.collection import Collection
    from anki.dbproxy import DBProxy
    from anki.models import NotetypeDict, NotetypeId
    from anki.notes import Note, NoteId

REMOVED_TAG = "quizgen::removed"
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")

Step = Callable[["Collection"], None]


def ids_sql(ids: Iterable[int]) -> str:
    return "(" + ",".join(str(int(value)) for value in ids) + ")"


def cards_in_decks(col: Collection, deck_ids: Iterable[int]) -> list[CardId]:
    """Cards in these decks, counting cards lent to a filtered deck as still there."""
    where = ids_sql(deck_ids)
    return db(col).list(f"SELECT id FROM cards WHERE did IN {where} OR odid IN {where}")


def db(col: Collection) -> DBProxy:
    assert col.db is not None, "the collection is open"
    return col.db


def note_id_for(col: Collection, guid: str) -> NoteId | None:
    found = db(col).scalar("SELECT id FROM notes WHERE guid = ?", guid)
    return cast("NoteId", int(found)) if found else None


def type_id(note_type: NoteType) -> NotetypeId:
    return cast("NotetypeId", note_type.model_id)


def differs(existing: NotetypeDict, note_type: NoteType) -> bool:
    """Do the collection's templates, style or fields differ from this quizgen's?"""
    model_json = note_type.model.to_json(0, 0)
    names = [str(f["name"]) for f in existing["flds"]]
    templates = [(str(t["qfmt"]), str(t["afmt"])) for t in existing["tmpls"]]
    wanted_templates = [(t["qfmt"], t["afmt"]) for t in model_json["tmpls"]]
    return (
        existing["css"] != model_json["css"]
        or names != list(note_type.fields)
        or templates != wanted_templates
    )


def card_count(note: NoteContent) -> int:
    if note.note_type.is_cloze:
        return max(len(cloze_numbers(note.field_values()[0])), 1)
    return 1


def cloze_numbers(text: str) -> set[int]:
    return {int(number) for number in _CLOZE_NUMBER.findall(text)}


def new_cards(col: Collection, guids: Sequence[str]) -> list[tuple[Card, int]]:
    """(card, its YAML position) for every new card of these notes outside filtered decks."""
    from anki.consts import CARD_TYPE_NEW

    found: list[tuple[Card, int]] = []
    for position, guid in enumerate(guids, start=1):
        note_id = note_id_for(col, guid)
        if note_id is None:
            continue
        for card_id in db(col).list("SELECT id FROM cards WHERE nid = ? ORDER BY ord", note_id):
            card = col.get_card(card_id)
            if card.type == CARD_TYPE_NEW and not card.odid:
                found.append((card, position))
    return found


def import_step(
    loaded: LoadedDeck,
    notes: Sequence[NoteContent],
    media: Sequence[Picture],
    lock: Lock,
    options: BuildOptions,
) -> Step:
    """New notes and note types through Anki's own importer: existing notes are never touched."""

    def run(col: Collection) -> None:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
        from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition as Condition

        with tempfile.TemporaryDirectory(prefix="quizgen-sync-") as scratch:
            package = Path(scratch) / f"{loaded.deck.id}.apkg"
            write_stamped_package(package, loaded, notes, media, lock, options)
            request = ImportAnkiPackageRequest(
                package_path=str(package),
                options=ImportAnkiPackageOptions(
                    merge_notetypes=False,
                    update_notes=Condition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER,
                    update_notetypes=Condition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
                    with_scheduling=False,
                    with_deck_configs=False,
                ),
            )
            col.import_anki_package(request)

    return run


def set_fields(note: Note, wanted: NoteContent) -> None:
    for name in note.keys():  # noqa: SIM118 (a Note is not a dict)
        note[name] = wanted.fields.get(name, "")
    learner_tags = [tag for tag in note.tags if tag != REMOVED_TAG]
    note.tags = learner_tags + [tag for tag in wanted.tags if tag not in learner_tags]


def update_step(note_id: NoteId, wanted: NoteContent) -> Step:
    def update(col: Collection) -> None:
        note = col.get_note(note_id)
        set_fields(note, wanted)
        col.update_note(note)

    return update


def retype_step(note_id: NoteId, wanted: NoteContent) -> Step:
    """Anki's Change Note Type: fields and cards map by name and position, cards keep their ids."""

    def retype(col: Collection) -> None:
        note = col.get_note(note_id)
        info = col.models.change_notetype_info(
            old_notetype_id=note.mid,
            new_notetype_id=type_id(wanted.note_type),
        )
        request = info.input
        request.note_ids.extend([note_id])
        col.models.change_notetype_of_notes(request)
        note = col.get_note(note_id)
        set_fields(note, wanted)
        col.update_note(note)

    return retype


def prune_step(note_id: NoteId) -> Step:
    def prune(col: Collection) -> None:
        col.remove_notes([note_id])

    return prune


def restore_step(note_id: NoteId) -> Step:
    def restore(col: Collection) -> None:
        note = col.get_note(note_id)
        note.tags = [tag for tag in note.tags if tag != REMOVED_TAG]
        col.update_note(note)
        col.sched.unsuspend_cards([card.id for card in note.cards()])

    return restore


def flag_step(note_id: NoteId, card_ids: list[CardId]) -> Step:
    def flag(col: Collection) -> None:
        note = col.get_note(note_id)
        note.tags.append(REMOVED_TAG)
        col.update_note(note)
        col.sched.suspend_cards(card_ids)

    return flag


def gap_step(note_id: NoteId) -> Step:
    """Cards of cloze numbers the note's text no longer has (checked on the note as it is then)."""

    def remove_gaps(col: Collection) -> None:
        note = col.get_note(note_id)
        gaps = cloze_numbers(note.fields[0])
        gone = [card.id for card in note.cards() if card.ord + 1 not in gaps]
        if gone and len(gone) < len(note.cards()):
            col.remove_cards_and_orphaned_notes(gone)

    return remove_gaps
