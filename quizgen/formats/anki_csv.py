"""Anki's text import (File → Import, a .txt/.csv file), updating the same notes as the .apkg.

Every row carries the note type, GUID, deck and tags in columns named by Anki's file
headers, then the note's fields in the note type's order. Field values, note types and
GUIDs come from `quizgen.anki.fields` — the code `quizgen build` uses — so importing this
file after the package (or instead of it, once the note types exist) updates the same
notes rather than adding copies.

The note type is the first column on purpose: Anki reads any line starting with `#` as
a comment, and a GUID may start with `#`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..anki.building import deck_notes
from ..anki.fields import NoteContent
from ..loading import LoadedDeck
from . import Rendered, question_where

NOTETYPE_COLUMN = 1
GUID_COLUMN = 2
DECK_COLUMN = 3
TAGS_COLUMN = 4
HEADER = (
    "#separator:tab\n"
    "#html:true\n"
    f"#notetype column:{NOTETYPE_COLUMN}\n"
    f"#guid column:{GUID_COLUMN}\n"
    f"#deck column:{DECK_COLUMN}\n"
    f"#tags column:{TAGS_COLUMN}\n"
)


def render(decks: Sequence[LoadedDeck]) -> Rendered:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\n")
    warnings: list[str] = []
    count = 0
    for loaded in decks:
        notes, media = deck_notes(loaded)
        if media:
            pictured = [i for i, q in enumerate(loaded.deck.questions) if q.image]
            warnings.extend(
                f"{question_where(loaded, index)}: its picture is not in the CSV; import the "
                "deck's .apkg once (or copy the picture into Anki's media folder)"
                for index in pictured
            )
        for note in notes:
            writer.writerow(row(note))
            count += 1
    return Rendered(HEADER + buffer.getvalue(), count, warnings)


def row(note: NoteContent) -> list[str]:
    """Note type, GUID, deck, tags (space-separated, as Anki stores them), then the fields."""
    return [note.note_type.name, note.guid, note.deck_name, " ".join(note.tags),
            *note.field_values()]
