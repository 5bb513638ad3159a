"""Loaded decks → one .apkg each, written atomically, with the deck's lock file beside it.

Each note's modification time comes from the lock file (`lockstamps.py`): it moves only
when what the note carries changes, so a re-import updates exactly the edited notes and
leaves the learner's tags and edits on every other note alone. Same YAML + same lock →
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import atomic_path
from ..loading import LoadedDeck
from ..pictures import Picture, read_picture
from .fields import NoteContent, html_text, render_note
from .identity import media_name
from .lockfile import Lock, lock_path_for, read_lock, write_lock
from .lockstamps import stamp_clock, update_lock
from .notetypes import NOTE_TYPES
from .package import PackageNote, write_package


@dataclass(frozen=True)
class BuildOptions:
    type_answer: bool = False


@dataclass(frozen=True)
class BuiltPackage:
    deck_id: str
    path: Path
    notes: int
    cards: int


def build_packages(
    decks: Sequence[LoadedDeck],
    output_dir: Path,
    options: BuildOptions = BuildOptions(),
    *,
    write_lock_file: bool = True,
) -> Iterator[BuiltPackage]:
    """Yield each package as it is written, so callers can show progress.

    Every lock file is read before the first package is written: a broken one stops the
    build before anything is written.
    """
    for loaded in decks:
        read_lock(lock_path_for(loaded.path), loaded.deck.id)
    for loaded in decks:
        yield build_package(
            loaded, output_dir / f"{loaded.deck.id}.apkg", options, write_lock_file=write_lock_file
        )


def build_package(
    loaded: LoadedDeck,
    target: Path,
    options: BuildOptions = BuildOptions(),
    *,
    write_lock_file: bool = True,
) -> BuiltPackage:
    """Bring the lock file up to date (unless told not to), then write the package.

    The lock comes first: if it cannot be written, no package leaves with times nobody
    recorded; a package that then fails to write leaves a lock whose stamps the next
    build simply reuses.
    """
    lock_path = lock_path_for(loaded.path)
    notes, media, lock = stamped_notes(loaded, options, read_lock(lock_path, loaded.deck.id))
    if write_lock_file:
        write_lock(lock_path, lock, loaded.path.name)
    with atomic_path(target) as temporary:
        cards = write_stamped_package(temporary, loaded, notes, media, lock, options)
    return BuiltPackage(loaded.deck.id, target, len(notes), cards)


def write_stamped_package(
    target: Path,
    loaded: LoadedDeck,
    notes: Sequence[NoteContent],
    media: Sequence[Picture],
    lock: Lock,
    options: BuildOptions,
) -> int:
    """The package for `notes`, each note and note type dated by `lock`; returns its cards."""
    packaged = [
        PackageNote(note, lock.note_time(question.id, options.type_answer))
        for note, question in zip(notes, loaded.deck.questions, strict=True)
    ]
    note_type_times = {
        note_type.model_id: lock.note_types[note_type.key].modified for note_type in NOTE_TYPES
    }
    return write_package(
        target,
        packaged,
        media,
        note_type_times=note_type_times,
        descriptions={loaded.deck.anki_deck_name: deck_description(loaded)},
    )


def deck_description(loaded: LoadedDeck) -> str:
    """The HTML Anki shows on the deck's overview screen."""
    return html_text(loaded.deck.description) if loaded.deck.description else ""


def stamped_notes(
    loaded: LoadedDeck, options: BuildOptions, previous: Lock | None, clock: int | None = None
) -> tuple[list[NoteContent], list[Picture], Lock]:
    """The notes of this build variant, their media, and the lock dating every note.

    Both variants (with and without --type-answer) are stamped on every build, so the
    lock does not depend on which one was built last.
    """
    images = _images(loaded)
    default = _render(loaded, images, replace(options, type_answer=False))
    typed = _render(loaded, images, replace(options, type_answer=True))
    lock = update_lock(
        previous,
        deck_id=loaded.deck.id,
        anki_deck=loaded.deck.anki_deck_name,
        question_ids=[question.id for question in loaded.deck.questions],
        default_notes=default,
        typed_notes=typed,
        note_types=NOTE_TYPES,
        clock=stamp_clock() if clock is None else clock,
    )
    return (typed if options.type_answer else default), _media(images), lock


def deck_notes(
    loaded: LoadedDeck, options: BuildOptions = BuildOptions()
) -> tuple[list[NoteContent], list[Picture]]:
    """Every question's note, and the media files they reference (named by content)."""
    images = _images(loaded)
    return _render(loaded, images, options), _media(images)


def _render(
    loaded: LoadedDeck, images: dict[str, Picture], options: BuildOptions
) -> list[NoteContent]:
    return [
        render_note(
            loaded.deck,
            question,
            image_name=media_name(images[question.image]) if question.image else None,
            type_answer=options.type_answer,
        )
        for question in loaded.deck.questions
    ]


def _images(loaded: LoadedDeck) -> dict[str, Picture]:
    """Each picture path the deck uses → the picture (read once, however many use it)."""
    images: dict[str, Picture] = {}
    for question in loaded.deck.questions:
        if question.image is None or question.image in images:
            continue
        picture = read_picture(loaded, question)
        if picture is not None:
            images[question.image] = picture
    return images


def _media(images: dict[str, Picture]) -> list[Picture]:
    """One media file per content: two paths to the same bytes are one file in Anki."""
    unique = {media_name(item): item for item in images.values()}
    return list(unique.values())
