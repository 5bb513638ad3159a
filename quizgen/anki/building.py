"""Loaded decks → one .apkg each, written atomically.

Note modification times come from the deck file (or SOURCE_DATE_EPOCH): an edited
file is newer, so Anki applies the update on re-import; an unchanged one gives the
same bytes on every build.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_path
from ..errors import InputError, display_path
from ..loading import LoadedDeck
from .fields import NoteContent, render_note
from .identity import media_name
from .package import MediaFile, write_package


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
    decks: Sequence[LoadedDeck], output_dir: Path, options: BuildOptions = BuildOptions()
) -> Iterator[BuiltPackage]:
    """Yield each package as it is written, so callers can show progress."""
    for loaded in decks:
        yield build_package(loaded, output_dir / f"{loaded.deck.id}.apkg", options)


def build_package(loaded: LoadedDeck, target: Path, options: BuildOptions) -> BuiltPackage:
    notes, media = deck_notes(loaded, options)
    with atomic_path(target) as temporary:
        counts = write_package(temporary, notes, media, source_timestamp(loaded.path))
    return BuiltPackage(loaded.deck.id, target, counts.notes, counts.cards)


def deck_notes(
    loaded: LoadedDeck, options: BuildOptions = BuildOptions()
) -> tuple[list[NoteContent], list[MediaFile]]:
    """Every question's note, and the media files they reference (named by content)."""
    notes: list[NoteContent] = []
    media: dict[str, MediaFile] = {}
    for question in loaded.deck.questions:
        image_name = None
        if question.image:
            picture = loaded.folder / question.image
            try:
                content = picture.read_bytes()
            except OSError as error:
                raise InputError(
                    f"{display_path(picture)}: cannot read image: {error.strerror}"
                ) from None
            image_name = media_name(content, picture.suffix)
            media[image_name] = MediaFile(image_name, content)
        notes.append(
            render_note(
                loaded.deck, question, image_name=image_name, type_answer=options.type_answer
            )
        )
    return notes, list(media.values())


def source_timestamp(deck_file: Path) -> int:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the deck file's modification time."""
    override = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if override:
        try:
            return int(override)
        except ValueError:
            raise InputError(f"SOURCE_DATE_EPOCH must be whole seconds, not '{override}'") from None
    return int(deck_file.stat().st_mtime)
