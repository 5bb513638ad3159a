"""Opening a learner's Anki collection for `quizgen sync`: the optional engine, the lock.

The `anki` package (the engine Anki desktop runs on) is an optional extra, imported
only here and only when a sync runs. Anki desktop holds its collection open with an
exclusive lock; writing beside it would corrupt it, so a locked collection is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import QuizgenError, display_path

if TYPE_CHECKING:
    from anki.collection import Collection

COLLECTION_FILE = "collection.anki2"
INSTALL_HINT = "pip install 'quizgen[anki]'"


class SyncError(QuizgenError):
    """The collection cannot be synced: missing engine, missing or locked collection."""


def collection_file(path: Path) -> Path:
    """A collection file, or a profile folder holding `collection.anki2`."""
    if path.is_dir() and (path / COLLECTION_FILE).is_file():
        return path / COLLECTION_FILE
    if not path.exists():
        raise SyncError(f"{display_path(path)}: no such Anki collection")
    if not path.is_file():
        raise SyncError(
            f"{display_path(path)}: not an Anki collection (expected a {COLLECTION_FILE} file "
            "or a profile folder holding one)"
        )
    _check_is_collection(path)
    return path


def _check_is_collection(path: Path) -> None:
    """Look before Anki opens it: the engine would turn an empty or foreign file into a
    new collection. Read-only, so nothing is written to a file that is not one."""
    try:
        with path.open("rb") as file:
            header = file.read(16)
    except OSError as error:
        raise SyncError(f"{display_path(path)}: cannot read: {error.strerror}") from None
    if header != b"SQLite format 3\x00":
        raise SyncError(f"{display_path(path)}: not an Anki collection (not an SQLite database)")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            found = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'col'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error):
            raise _locked(path) from None
        raise SyncError(f"{display_path(path)}: not a usable Anki collection: {error}") from None
    if found is None:
        raise SyncError(f"{display_path(path)}: not an Anki collection (no 'col' table)")


def _locked(path: Path) -> SyncError:
    return SyncError(
        f"{display_path(path)}: the collection is open in Anki (or another program); "
        "close Anki, then sync again"
    )


@contextmanager
def open_collection(path: Path) -> Iterator[Collection]:
    """The collection at `path`, closed afterwards; clear errors for every way this fails."""
    try:
        from anki.collection import Collection
        from anki.errors import DBError
    except ImportError:
        raise SyncError(
            f"quizgen sync needs the anki package (the engine Anki runs on): {INSTALL_HINT}"
        ) from None
    target = collection_file(path)
    try:
        col = Collection(str(target))
    except DBError as error:
        if "already open" in str(error) or "locked" in str(error):
            raise _locked(target) from None
        raise SyncError(f"{display_path(target)}: not a usable Anki collection: {error}") from None
    except Exception as error:  # the engine raises its own types for a file it cannot read
        raise SyncError(f"{display_path(target)}: not a usable Anki collection: {error}") from None
    try:
        yield col
    finally:
        col.close()
