"""`quizgen sync`: decks written straight into an Anki collection, for what a package cannot do.

A package import only adds and updates. Sync also flags the notes of deleted questions
(tag `quizgen::removed`, cards suspended; `prune` deletes them), moves cards out of a
renamed deck, changes a note's type when its question changed type (the cards, and so
their review history, are kept where Anki can map them), removes the card of a removed
cloze gap, puts new cards in YAML order and sets the deck description.

It only ever looks at notes whose GUID quizgen derives from (deck id, question id) and
whose note type is one of quizgen's; the learner's own tags are kept, and a note the
learner edited in Anki after the deck last changed keeps the learner's fields. The plan
is computed first (`plan_deck`), shown as `Change`s, and only then applied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..loading import LoadedDeck
from .building import BuildOptions, stamped_notes
from .lockfile import Lock, lock_path_for, read_lock, write_lock
from .sync_collection import open_collection
from .sync_plan import Change, ChangeKind, Planner, SyncOptions
from .sync_steps import REMOVED_TAG, Step, import_step

if TYPE_CHECKING:
    from anki.collection import Collection

__all__ = [
    "REMOVED_TAG",
    "Change",
    "ChangeKind",
    "DeckSync",
    "SyncOptions",
    "SyncReport",
    "plan_deck",
    "sync_decks",
]


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
    options: SyncOptions | None = None,
    *,
    dry_run: bool = False,
) -> SyncReport:
    """Plan every deck, then (unless `dry_run`) apply the plans and update the lock files."""
    for loaded in decks:  # a broken lock stops the sync before the collection is opened
        read_lock(lock_path_for(loaded.path), loaded.deck.id)
    with open_collection(collection) as col:
        plans = [plan_deck(col, loaded, options or SyncOptions()) for loaded in decks]
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
    planner = Planner(col, loaded, lock, options)
    planner.note_types(notes)
    planner.pictures(media)
    planner.adds(notes)
    if planner.needs_import:
        planner.steps.append(import_step(loaded, notes, media, lock, build_options))
    for question, note in zip(loaded.deck.questions, notes, strict=True):
        planner.existing_note(question.id, note)
    planner.removed({question.id for question in loaded.deck.questions})
    planner.description()
    planner.order(notes)
    planner.drop_former_decks()
    return DeckSync(
        loaded.deck.id, planner.changes, lock, lock_path, loaded.path.name, planner.steps
    )
