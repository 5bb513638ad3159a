"""`quizgen sync`: decks written straight into an Anki collection, for what a package cannot do.

A package import only adds and updates. Sync also flags the notes of deleted questions
(tag `quizgen::removed`, cards suspended; `prune` deletes them), moves cards out of a
renamed deck, changes a note's type when its question changed type (the cards, and so
their review history, are kept where Anki can map them), removes the card of a removed
cloze gap, puts new cards in YAML order and sets the deck description.

It only ever looks at notes whose GUID quizgen derives from (deck id, question id) and
whose note type is one of quizgen's; the learner's own tags are kept, and a note the
learner edited in Anki after the deck last changed keeps the learner's fields. The plan
is computed first (`plan_sync`), shown as `Change`s, and only then applied.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..loading import LoadedDeck
from .building import BuildOptions, deck_description, stamped_notes, write_stamped_package
from .fields import NoteContent
from .identity import note_guid
from .lockfile import Lock, lock_path_for, read_lock, write_lock
from .notetypes import NOTE_TYPES, NoteType
from .package import MediaFile
from .sync_collection import open_collection

if TYPE_CHECKING:
    from anki.cards import Card, CardId
    from anki.collection import Collection
    from anki.dbproxy import DBProxy
    from anki.decks import DeckId
    from anki.models import NotetypeDict, NotetypeId
    from anki.notes import Note, NoteId

REMOVED_TAG = "quizgen::removed"
_OUR_NOTE_TYPE_IDS = frozenset(note_type.model_id for note_type in NOTE_TYPES)
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")


@dataclass(frozen=True)
class SyncOptions:
    prune: bool = False
    type_answer: bool = False


class ChangeKind(StrEnum):
    NOTE_TYPE = "note type"
    PICTURE = "picture"
    ADD = "add"
    UPDATE = "update"
    RETYPE = "retype"
    RESTORE = "restore"
    GAP = "remove card"
    MOVE = "move"
    FLAG = "flag removed"
    PRUNE = "delete"
    DESCRIBE = "description"
    ORDER = "order"
    DROP_DECK = "drop deck"


@dataclass(frozen=True)
class Change:
    """One line of the plan: what will happen, to which question, note type or deck."""

    kind: ChangeKind
    subject: str
    detail: str = ""


Step = Callable[["Collection"], None]


@dataclass
class DeckSync:
    """The plan for one deck, and the steps that carry it out."""

    deck_id: str
    changes: list[Change]
    lock: Lock
    lock_path: Path
    deck_file_name: str
    steps: list[Step] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class SyncReport:
    collection: Path
    decks: list[DeckSync]
    applied: bool


def sync_decks(
    decks: Sequence[LoadedDeck],
    collection: Path,
    options: SyncOptions = SyncOptions(),
    *,
    dry_run: bool = False,
) -> SyncReport:
    """Plan every deck, then (unless `dry_run`) apply the plans and update the lock files."""
    for loaded in decks:  # a broken lock stops the sync before the collection is opened
        read_lock(lock_path_for(loaded.path), loaded.deck.id)
    with open_collection(collection) as col:
        plans = [plan_deck(col, loaded, options) for loaded in decks]
        if not dry_run:
            for plan in plans:
                for step in plan.steps:
                    step(col)
                write_lock(plan.lock_path, plan.lock, plan.deck_file_name)
    return SyncReport(collection, plans, applied=not dry_run)


def plan_deck(col: Collection, loaded: LoadedDeck, options: SyncOptions) -> DeckSync:
    lock_path = lock_path_for(loaded.path)
    build_options = BuildOptions(type_answer=options.type_answer)
    notes, media, lock = stamped_notes(loaded, build_options, read_lock(lock_path, loaded.deck.id))
    planner = _Planner(col, loaded, lock, options)
    planner.note_types(notes)
    planner.pictures(media)
    planner.adds(notes)
    if planner.needs_import:
        planner.steps.append(_import_step(loaded, notes, media, lock, build_options))
    for position, (question, note) in enumerate(zip(loaded.deck.questions, notes, strict=True)):
        planner.existing_note(question.id, note, position + 1)
    planner.removed({question.id for question in loaded.deck.questions})
    planner.description()
    planner.order(notes)
    planner.drop_former_decks()
    return DeckSync(
        loaded.deck.id, planner.changes, lock, lock_path, loaded.path.name, planner.steps
    )


class _Planner:
    """Compares one deck with the collection; every difference becomes a change and a step."""

    def __init__(self, col: Collection, loaded: LoadedDeck, lock: Lock, options: SyncOptions):
        self.col = col
        self.loaded = loaded
        self.lock = lock
        self.options = options
        self.changes: list[Change] = []
        self.steps: list[Step] = []
        self.needs_import = False
        self.moved_out: set[int] = set()
        self.roots = [lock.anki_deck, *lock.former_anki_decks]

    def change(self, kind: ChangeKind, subject: str, detail: str = "") -> None:
        self.changes.append(Change(kind, subject, detail))

    def note_id(self, question_id: str) -> NoteId | None:
        return _note_id(self.col, note_guid(self.loaded.deck.id, question_id))

    def ours(self, note: Note) -> bool:
        """A note quizgen made: its note type is one of quizgen's (also a renamed copy)."""
        if note.mid in _OUR_NOTE_TYPE_IDS:
            return True
        note_type = self.col.models.get(note.mid)
        return note_type is not None and str(note_type["name"]).startswith("quizgen ")

    def note_types(self, notes: Sequence[NoteContent]) -> None:
        used = {note.note_type.model_id: note.note_type for note in notes}
        for note_type in used.values():
            existing = self.col.models.get(_type_id(note_type))
            if existing is None:
                self.change(ChangeKind.NOTE_TYPE, note_type.name, "added")
                self.needs_import = True
            elif _differs(existing, note_type) and self.lock.note_types[
                note_type.key
            ].modified > int(existing["mod"]):
                self.change(ChangeKind.NOTE_TYPE, note_type.name, "templates and style updated")
                self.needs_import = True

    def pictures(self, media: Sequence[MediaFile]) -> None:
        missing = [item for item in media if not self.col.media.have(item.name)]
        for item in missing:
            self.change(ChangeKind.PICTURE, item.name, "added to the media folder")

        def write(col: Collection) -> None:
            for item in missing:
                col.media.write_data(item.name, item.content)

        if missing:
            self.steps.append(write)

    def adds(self, notes: Sequence[NoteContent]) -> None:
        for question, note in zip(self.loaded.deck.questions, notes, strict=True):
            if self.note_id(question.id) is None:
                cards = _card_count(note)
                self.change(
                    ChangeKind.ADD, question.id, f"{cards} card{'s' if cards != 1 else ''}"
                )
                self.needs_import = True

    def existing_note(self, question_id: str, wanted: NoteContent, position: int) -> None:
        note_id = self.note_id(question_id)
        if note_id is None:
            return
        note = self.col.get_note(note_id)
        if not self.ours(note):
            return
        stamp = self.lock.note_time(question_id, self.options.type_answer)
        text_after = note.fields
        if note.mid != wanted.note_type.model_id:
            old_type = self.col.models.get(note.mid)
            old_name = str(old_type["name"]) if old_type else "?"
            self.change(
                ChangeKind.RETYPE,
                question_id,
                f"{old_name} → {wanted.note_type.name} (review history kept where the cards "
                "map; Anki will ask for a one-way sync with AnkiWeb)",
            )
            self.steps.append(_retype_step(note_id, wanted))
            text_after = wanted.field_values()
        elif stamp > note.mod:
            changed = [
                name for name, value in zip(note.keys(), note.fields, strict=True)
                if wanted.fields.get(name, "") != value
            ]
            added_tags = [tag for tag in wanted.tags if tag not in note.tags]
            what = changed + ([f"tags +{' +'.join(added_tags)}"] if added_tags else [])
            if what:
                self.change(ChangeKind.UPDATE, question_id, ", ".join(what))
                self.steps.append(_update_step(note_id, wanted))
                text_after = wanted.field_values()
        if REMOVED_TAG in note.tags:
            self.change(ChangeKind.RESTORE, question_id, "back in the deck: unflagged, unsuspended")
            self.steps.append(_restore_step(note_id))
        cards = note.cards()
        if wanted.note_type.is_cloze and note.mid == wanted.note_type.model_id:
            gaps = _cloze_numbers(text_after[0])
            for card in cards:
                if card.ord + 1 not in gaps:
                    self.change(ChangeKind.GAP, question_id, f"gap {card.ord + 1} is gone")
            self.steps.append(_gap_step(note_id))
        self.moves(question_id, cards, wanted.deck_name)

    def moves(self, question_id: str, cards: Sequence[Card], target: str) -> None:
        to_move = [
            card for card in cards
            if not card.odid  # cards in a filtered deck go back to their deck first
            and self.col.decks.name(card.did).casefold() != target.casefold()
            and self.in_our_decks(self.col.decks.name(card.did))
        ]
        if not to_move:
            return
        sources = sorted({self.col.decks.name(card.did) for card in to_move})
        self.change(ChangeKind.MOVE, question_id, f"{' + '.join(sources)} → {target}")
        self.moved_out.update(card.id for card in to_move)
        ids = [card.id for card in to_move]

        def move(col: Collection) -> None:
            deck_id = col.decks.id(target, create=True)
            assert deck_id is not None
            col.set_deck(ids, deck_id)

        self.steps.append(move)

    def in_our_decks(self, name: str) -> bool:
        """Within the deck's Anki name, or a name it had before (and their sub-decks)."""
        folded = name.casefold()
        return any(
            folded == root.casefold() or folded.startswith(root.casefold() + "::")
            for root in self.roots
        )

    def removed(self, current: set[str]) -> None:
        gone = set(self.lock.removed) | self.tagged_question_ids()
        for question_id in sorted(gone - current):
            note_id = self.note_id(question_id)
            if note_id is None:
                continue
            note = self.col.get_note(note_id)
            if not self.ours(note):
                continue
            card_ids = [card.id for card in note.cards()]
            if self.options.prune:
                self.change(ChangeKind.PRUNE, question_id, "deleted with its review history")
                self.steps.append(_prune_step(note_id))
            elif REMOVED_TAG not in note.tags:
                count = len(card_ids)
                self.change(
                    ChangeKind.FLAG,
                    question_id,
                    f"tagged {REMOVED_TAG}, {count} card{'s' if count != 1 else ''} suspended",
                )
                self.steps.append(_flag_step(note_id, card_ids))

    def tagged_question_ids(self) -> set[str]:
        """Question ids from `quizgen::<deck id>::<question id>` tags on notes in Anki."""
        prefix = f"quizgen::{self.loaded.deck.id}::"
        found: set[str] = set()
        for note_id in self.col.find_notes(f'"tag:{prefix}*"'):
            for tag in self.col.get_note(note_id).tags:
                if tag.casefold().startswith(prefix.casefold()) and "::" not in tag[len(prefix):]:
                    found.add(tag[len(prefix):])
        return found

    def description(self) -> None:
        name = self.loaded.deck.anki_deck_name
        wanted = deck_description(self.loaded)
        deck = self.col.decks.by_name(name)
        if deck is not None and deck.get("desc", "") == wanted:
            return
        if deck is None and not wanted:
            return
        self.change(ChangeKind.DESCRIBE, name, "set" if wanted else "cleared")

        def describe(col: Collection) -> None:
            deck_id = col.decks.id(name, create=True)
            assert deck_id is not None
            existing = col.decks.get(deck_id)
            assert existing is not None
            existing["desc"] = wanted
            col.decks.save(existing)

        self.steps.append(describe)

    def order(self, notes: Sequence[NoteContent]) -> None:
        """New cards due in YAML order: planned now, recomputed when applied (after adds)."""
        guids = [note.guid for note in notes]
        misplaced = sum(
            1 for card, position in _new_cards(self.col, guids) if card.due != position
        )
        if misplaced:
            self.change(
                ChangeKind.ORDER,
                self.loaded.deck.anki_deck_name,
                f"{misplaced} new card{'s' if misplaced != 1 else ''} put in YAML order",
            )

        def reorder(col: Collection) -> None:
            cards = []
            for card, position in _new_cards(col, guids):
                if card.due != position:
                    card.due = position
                    cards.append(card)
            if cards:
                col.update_cards(cards)

        self.steps.append(reorder)

    def drop_former_decks(self) -> None:
        for name in self.lock.former_anki_decks:
            deck_id = self.col.decks.id_for_name(name)
            if deck_id is None:
                continue
            tree = self.col.decks.deck_and_child_ids(deck_id)
            inside = _db(self.col).list(
                f"SELECT id FROM cards WHERE did IN {_ids(tree)} OR odid IN {_ids(tree)}"
            )
            if set(inside) - self.moved_out:
                continue
            self.change(ChangeKind.DROP_DECK, name, "empty after the move")

            def drop(col: Collection, tree: list[DeckId] = tree) -> None:
                left = _db(col).scalar(
                    f"SELECT count() FROM cards WHERE did IN {_ids(tree)} OR odid IN {_ids(tree)}"
                )
                if not left:  # never delete a deck that holds a card
                    col.decks.remove(tree)

            self.steps.append(drop)


def _ids(ids: Iterable[int]) -> str:
    return "(" + ",".join(str(int(value)) for value in ids) + ")"


def _db(col: Collection) -> DBProxy:
    assert col.db is not None, "the collection is open"
    return col.db


def _note_id(col: Collection, guid: str) -> NoteId | None:
    found = _db(col).scalar("SELECT id FROM notes WHERE guid = ?", guid)
    return cast("NoteId", int(found)) if found else None


def _type_id(note_type: NoteType) -> NotetypeId:
    return cast("NotetypeId", note_type.model_id)


def _differs(existing: NotetypeDict, note_type: NoteType) -> bool:
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


def _card_count(note: NoteContent) -> int:
    if note.note_type.is_cloze:
        return max(len(_cloze_numbers(note.field_values()[0])), 1)
    return 1


def _cloze_numbers(text: str) -> set[int]:
    return {int(number) for number in _CLOZE_NUMBER.findall(text)}


def _new_cards(col: Collection, guids: Sequence[str]) -> list[tuple[Card, int]]:
    """(card, its YAML position) for every new card of these notes outside filtered decks."""
    from anki.consts import CARD_TYPE_NEW

    found: list[tuple[Card, int]] = []
    for position, guid in enumerate(guids, start=1):
        note_id = _note_id(col, guid)
        if note_id is None:
            continue
        for card_id in _db(col).list("SELECT id FROM cards WHERE nid = ? ORDER BY ord", note_id):
            card = col.get_card(card_id)
            if card.type == CARD_TYPE_NEW and not card.odid:
                found.append((card, position))
    return found


def _import_step(
    loaded: LoadedDeck,
    notes: Sequence[NoteContent],
    media: Sequence[MediaFile],
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


def _set_fields(note: Note, wanted: NoteContent) -> None:
    for name in note.keys():  # noqa: SIM118 (a Note is not a dict)
        note[name] = wanted.fields.get(name, "")
    learner_tags = [tag for tag in note.tags if tag != REMOVED_TAG]
    note.tags = learner_tags + [tag for tag in wanted.tags if tag not in learner_tags]


def _update_step(note_id: NoteId, wanted: NoteContent) -> Step:
    def update(col: Collection) -> None:
        note = col.get_note(note_id)
        _set_fields(note, wanted)
        col.update_note(note)

    return update


def _retype_step(note_id: NoteId, wanted: NoteContent) -> Step:
    """Anki's Change Note Type: fields and cards map by name and position, cards keep their ids."""

    def retype(col: Collection) -> None:
        note = col.get_note(note_id)
        info = col.models.change_notetype_info(
            old_notetype_id=note.mid,
            new_notetype_id=_type_id(wanted.note_type),
        )
        request = info.input
        request.note_ids.extend([note_id])
        col.models.change_notetype_of_notes(request)
        note = col.get_note(note_id)
        _set_fields(note, wanted)
        col.update_note(note)

    return retype


def _prune_step(note_id: NoteId) -> Step:
    def prune(col: Collection) -> None:
        col.remove_notes([note_id])

    return prune


def _restore_step(note_id: NoteId) -> Step:
    def restore(col: Collection) -> None:
        note = col.get_note(note_id)
        note.tags = [tag for tag in note.tags if tag != REMOVED_TAG]
        col.update_note(note)
        col.sched.unsuspend_cards([card.id for card in note.cards()])

    return restore


def _flag_step(note_id: NoteId, card_ids: list[CardId]) -> Step:
    def flag(col: Collection) -> None:
        note = col.get_note(note_id)
        note.tags.append(REMOVED_TAG)
        col.update_note(note)
        col.sched.suspend_cards(card_ids)

    return flag


def _gap_step(note_id: NoteId) -> Step:
    """Cards of cloze numbers the note's text no longer has (checked on the note as it is then)."""

    def remove_gaps(col: Collection) -> None:
        note = col.get_note(note_id)
        gaps = _cloze_numbers(note.fields[0])
        gone = [card.id for card in note.cards() if card.ord + 1 not in gaps]
        if gone and len(gone) < len(note.cards()):
            col.remove_cards_and_orphaned_notes(gone)

    return remove_gaps
