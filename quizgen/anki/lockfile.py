"""The lock file beside a deck: what each note carried when it last changed, and since when.

Anki updates a note on re-import only when the package's note is newer than the one in
the collection, so every note needs a modification time that moves exactly when the note
changes. The lock keeps, per note, a short content hash and that time; per note type the
same. One line per entry, sorted, plain text: reviewable in a diff, merged by git like any
lock file, and the same lock + the same YAML always give the same package bytes.

Format (version 1), `#` lines are comments:

    lock 1
    deck putin-kim-2024
    anki-deck quizgen::Putin in Pyongyang, June 2024
    former-anki-deck An old name of the deck
    notetype qa 3f2a9c1e0b7d4e55 2024-06-19T00:00:00Z
    note visit-gap 9a0c41d2e6b87f13 2024-06-19T00:00:00Z
    typed visit-gap 51be07c3aa9d2e40 2024-06-19T00:00:00Z
    removed old-question 2024-07-01T09:30:00Z

`typed` lines appear only where the `--type-answer` note differs from the default one;
`removed` lines remember deleted questions so that `quizgen sync` can find their notes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import QuizgenError, display_path
from ..limits import MAX_DECK_BYTES
from ..reading import read_regular_file
from ..textfiles import decode_utf8

LOCK_VERSION = 1
LOCK_SUFFIX = ".lock"
DIGEST_LENGTH = 16

_DIGEST = re.compile(rf"[0-9a-f]{{{DIGEST_LENGTH}}}")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class LockError(QuizgenError):
    """A lock file that cannot be read: quizgen will not guess which notes changed."""


@dataclass(frozen=True)
class Stamp:
    """A content hash and the time (Unix seconds) that content first appeared."""

    digest: str
    modified: int


@dataclass(frozen=True)
class Lock:
    deck_id: str
    anki_deck: str
    former_anki_decks: tuple[str, ...] = ()
    note_types: Mapping[str, Stamp] = field(default_factory=dict)
    notes: Mapping[str, Stamp] = field(default_factory=dict)
    typed: Mapping[str, Stamp] = field(default_factory=dict)
    removed: Mapping[str, int] = field(default_factory=dict)

    def note_time(self, question_id: str, typed: bool) -> int:
        """When this question's note (plain, or the --type-answer variant) last changed."""
        stamp = self.typed.get(question_id) if typed else None
        return (stamp or self.notes[question_id]).modified


def lock_path_for(deck_file: Path) -> Path:
    """`decks/putin-kim-2024.yaml` → `decks/putin-kim-2024.lock`."""
    return deck_file.with_suffix(LOCK_SUFFIX)


def format_time(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime(_TIME_FORMAT)


def parse_time(text: str) -> int:
    moment = datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)
    return int(moment.timestamp())


def format_lock(lock: Lock, deck_file_name: str) -> str:
    lines = [
        f"# quizgen lock file for {deck_file_name}: a hash of what each note carries in Anki",
        "# and when that last changed. `quizgen build` and `quizgen sync` rewrite it; commit it",
        "# beside the deck. Explained in docs/guides/anki.md (The lock file).",
        f"lock {LOCK_VERSION}",
        f"deck {lock.deck_id}",
        f"anki-deck {lock.anki_deck}",
    ]
    lines += [f"former-anki-deck {name}" for name in sorted(lock.former_anki_decks)]
    lines += [_stamp_line("notetype", key, lock.note_types[key]) for key in sorted(lock.note_types)]
    for question_id in sorted(lock.notes):
        lines.append(_stamp_line("note", question_id, lock.notes[question_id]))
        if question_id in lock.typed:
            lines.append(_stamp_line("typed", question_id, lock.typed[question_id]))
    lines += [f"removed {key} {format_time(lock.removed[key])}" for key in sorted(lock.removed)]
    return "\n".join(lines) + "\n"


def _stamp_line(kind: str, key: str, stamp: Stamp) -> str:
    return f"{kind} {key} {stamp.digest} {format_time(stamp.modified)}"


def write_lock(path: Path, lock: Lock, deck_file_name: str) -> bool:
    """Write atomically, and only when the text changes; True if the file was written."""
    text = format_lock(lock, deck_file_name)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_text_atomic(path, text)
    return True


def read_lock(path: Path, deck_id: str) -> Lock | None:
    """The lock for deck `deck_id`, None when there is no lock file yet."""
    if not os.path.lexists(path):
        return None
    # A lock holds a line or two per question, so it is never larger than its deck may be.
    raw = read_regular_file(path, limit=MAX_DECK_BYTES, what="the lock file")
    text = decode_utf8(raw, display_path(path))
    lock = _LockParser(path).parse(text)
    if lock.deck_id != deck_id:
        raise LockError(
            f"{display_path(path)}: lock file belongs to deck '{lock.deck_id}', not "
            f"'{deck_id}' (delete it if you changed the deck id on purpose)"
        )
    return lock


class _LockParser:
    """Strict line-by-line reading: any line quizgen did not write is an error with its number."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.line = 0
        self.headers: dict[str, str] = {}
        self.former: list[str] = []
        self.note_types: dict[str, Stamp] = {}
        self.notes: dict[str, Stamp] = {}
        self.typed: dict[str, Stamp] = {}
        self.removed: dict[str, int] = {}

    def fail(self, message: str) -> LockError:
        where = f"{display_path(self.path)}:{self.line}" if self.line else display_path(self.path)
        return LockError(
            f"{where}: {message} (fix the lock file, or delete it: the next build then "
            "stamps every note anew, see docs/guides/anki.md)"
        )

    def parse(self, text: str) -> Lock:
        for self.line, raw in enumerate(text.split("\n"), start=1):
            line = raw.rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, rest = line.partition(" ")
            self.parse_line(kind, rest)
        self.line = 0
        for header in ("lock", "deck", "anki-deck"):
            if header not in self.headers:
                raise self.fail(f"no '{header}' line")
        if self.notes.keys() & self.removed.keys():
            both = sorted(self.notes.keys() & self.removed.keys())[0]
            raise self.fail(f"'{both}' is listed both as a note and as removed")
        if self.typed.keys() - self.notes.keys():
            orphan = sorted(self.typed.keys() - self.notes.keys())[0]
            raise self.fail(f"'typed {orphan}' has no 'note {orphan}' line")
        return Lock(
            deck_id=self.headers["deck"],
            anki_deck=self.headers["anki-deck"],
            former_anki_decks=tuple(self.former),
            note_types=self.note_types,
            notes=self.notes,
            typed=self.typed,
            removed=self.removed,
        )

    def parse_line(self, kind: str, rest: str) -> None:
        match kind:
            case "lock" | "deck" | "anki-deck":
                if kind in self.headers:
                    raise self.fail(f"a second '{kind}' line")
                if not rest.strip():
                    raise self.fail(f"'{kind}' needs a value")
                if kind == "lock" and rest != str(LOCK_VERSION):
                    raise self.fail(
                        f"lock format '{rest}' is not one this quizgen reads ({LOCK_VERSION})"
                    )
                self.headers[kind] = rest
            case "former-anki-deck":
                if not rest.strip():
                    raise self.fail("'former-anki-deck' needs a deck name")
                self.former.append(rest)
            case "notetype":
                self.add_stamp(self.note_types, kind, rest)
            case "note":
                self.add_stamp(self.notes, kind, rest)
            case "typed":
                self.add_stamp(self.typed, kind, rest)
            case "removed":
                parts = rest.split(" ")
                if len(parts) != 2:
                    raise self.fail("expected 'removed <question id> <time>'")
                key = self.key(parts[0], self.removed, kind)
                self.removed[key] = self.time(parts[1])
            case _:
                raise self.fail(f"unknown line '{kind}'")

    def add_stamp(self, into: dict[str, Stamp], kind: str, rest: str) -> None:
        parts = rest.split(" ")
        if len(parts) != 3:
            raise self.fail(f"expected '{kind} <id> <hash> <time>'")
        key = self.key(parts[0], into, kind)
        if not _DIGEST.fullmatch(parts[1]):
            raise self.fail(f"'{parts[1]}' is not a {DIGEST_LENGTH}-digit hex hash")
        into[key] = Stamp(parts[1], self.time(parts[2]))

    def key(self, text: str, seen: Mapping[str, object], kind: str) -> str:
        if not _KEY.fullmatch(text):
            raise self.fail(f"'{text}' is not a valid id")
        if text in seen:
            raise self.fail(f"a second '{kind} {text}' line")
        return text

    def time(self, text: str) -> int:
        try:
            return parse_time(text)
        except ValueError:
            raise self.fail(f"'{text}' is not a UTC time like 2024-06-19T00:00:00Z") from None
