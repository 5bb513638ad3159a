"""Stable Anki identities: derived from names, never from content or the clock.

A note's GUID must survive edits to its text, or Anki would add a second note and the
learner would lose the first one's review history.
"""

from __future__ import annotations

import hashlib

import genanki

from ..pictures import Picture

# Anki deck ids are usually millisecond timestamps; stay in that range and below 2**53
# so that Anki's JavaScript UI can hold them exactly.
_ID_FLOOR = 1 << 40
_ID_SPAN = (1 << 52) - _ID_FLOOR


def note_guid(deck_id: str, question_id: str) -> str:
    """The same (deck, question) always gets the same GUID, whatever the question says."""
    return str(genanki.guid_for("quizgen", deck_id, question_id))


def deck_id_for(name_path: str) -> int:
    """Deck ids follow the deck's full name path ('A::B'), so a rebuild lands in the same deck."""
    return stable_int("quizgen-deck", name_path)


def stable_int(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return _ID_FLOOR + int.from_bytes(digest[:8], "big") % _ID_SPAN


def media_name(picture: Picture) -> str:
    """Media named by content: a changed picture gets a new name, so Anki picks it up."""
    return f"quizgen-{picture.content_name}"
