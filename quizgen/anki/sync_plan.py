"""The plan of `quizgen sync`: one deck compared with the collection, change by change.

The planner only reads the collection. Every difference it finds becomes a `Change` (a
line of the plan the CLI prints) and a step (`sync_steps.py`) that makes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from ..loading import LoadedDeck
from ..pictures import Picture
from ..wording import counted
from .building import deck_description
from .fields import NoteContent
from .identity import media_name, note_guid
from .lockfile import Lock
from .notetypes import NOTE_TYPES
from .sync_steps import (
    REMOVED_TAG,
    Step,
    card_count,
    cards_in_decks,
    cloze_numbers,
    differs,
    flag_step,
    gap_step,
    new_cards,
    note_id_for,
    prune_step,
    restore_step,
    retype_step,
    type_id,
    update_step,
)

if TYPE_CHECKING:
    from anki.cards import Card
    from anki.collection import Collection
    from anki.decks import DeckId
    from anki.notes import Note, NoteId

_OUR_NOTE_TYPE_IDS = frozenset(note_type.model_id for note_type in NOTE_TYPES)


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


class Planner:
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
        return note_id_for(self.col, note_guid(self.loaded.deck.id, question_id))

    def our_note(self, question_id: str) -> tuple[NoteId, Note] | None:
        """The question's note in the collection, if there is one and quizgen made it."""
        note_id = self.note_id(question_id)
        if note_id is None:
            return None
        note = self.col.get_note(note_id)
        return (note_id, note) if self.ours(note) else None

    def ours(self, note: Note) -> bool:
        """A note quizgen made: its note type is one of quizgen's (also a renamed copy)."""
        if note.mid in _OUR_NOTE_TYPE_IDS:
            return True
        note_type = self.col.models.get(note.mid)
        return note_type is not None and str(note_type["name"]).startswith("quizgen ")

    def note_types(self, notes: Sequence[NoteContent]) -> None:
        used = {note.note_type.model_id: note.note_type for note in notes}
        for note_type in used.values():
            existing = self.col.models.get(type_id(note_type))
            if existing is None:
                self.change(ChangeKind.NOTE_TYPE, note_type.name, "added")
                self.needs_import = True
            elif differs(existing, note_type) and self.lock.note_types[
                note_type.key
            ].modified > int(existing["mod"]):
                self.change(ChangeKind.NOTE_TYPE, note_type.name, "templates and style updated")
                self.needs_import = True

    def pictures(self, media: Sequence[Picture]) -> None:
        missing = [item for item in media if not self.col.media.have(media_name(item))]
        for item in missing:
            self.change(ChangeKind.PICTURE, media_name(item), "added to the media folder")

        def write(col: Collection) -> None:
            for item in missing:
                col.media.write_data(media_name(item), item.content)

        if missing:
            self.steps.append(write)

    def adds(self, notes: Sequence[NoteContent]) -> None:
        for question, note in zip(self.loaded.deck.questions, notes, strict=True):
            if self.note_id(question.id) is None:
                cards = card_count(note)
                self.change(ChangeKind.ADD, question.id, counted(cards, "card"))
                self.needs_import = True

    def existing_note(self, question_id: str, wanted: NoteContent) -> None:
        found = self.our_note(question_id)
        if found is None:
            return
        note_id, note = found
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
            self.steps.append(retype_step(note_id, wanted))
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
                self.steps.append(update_step(note_id, wanted))
                text_after = wanted.field_values()
        if REMOVED_TAG in note.tags:
            self.change(ChangeKind.RESTORE, question_id, "back in the deck: unflagged, unsuspended")
            self.steps.append(restore_step(note_id))
        cards = note.cards()
        if wanted.note_type.is_cloze and note.mid == wanted.note_type.model_id:
            gaps = cloze_numbers(text_after[0])
            for card in cards:
                if card.ord + 1 not in gaps:
                    self.change(ChangeKind.GAP, question_id, f"gap {card.ord + 1} is gone")
            self.steps.append(gap_step(note_id))
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
            found = self.our_note(question_id)
            if found is None:
                continue
            note_id, note = found
            card_ids = [card.id for card in note.cards()]
            if self.options.prune:
                self.change(ChangeKind.PRUNE, question_id, "deleted with its review history")
                self.steps.append(prune_step(note_id))
            elif REMOVED_TAG not in note.tags:
                count = len(card_ids)
                self.change(
                    ChangeKind.FLAG,
                    question_id,
                    f"tagged {REMOVED_TAG}, {counted(count, 'card')} suspended",
                )
                self.steps.append(flag_step(note_id, card_ids))

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
            1 for card, position in new_cards(self.col, guids) if card.due != position
        )
        if misplaced:
            self.change(
                ChangeKind.ORDER,
                self.loaded.deck.anki_deck_name,
                f"{counted(misplaced, 'new card')} put in YAML order",
            )

        def reorder(col: Collection) -> None:
            cards = []
            for card, position in new_cards(col, guids):
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
            if set(cards_in_decks(self.col, tree)) - self.moved_out:
                continue
            self.change(ChangeKind.DROP_DECK, name, "empty after the move")

            def drop(col: Collection, tree: list[DeckId] = tree) -> None:
                if not cards_in_decks(col, tree):  # never delete a deck that holds a card
                    col.decks.remove(tree)

            self.steps.append(drop)
