"""A question's picture, read once and named by its content, for every output that embeds it.

Naming by content (not by the deck's file name) means a changed picture gets a new
name, so Anki and the print compiler pick it up, and no deck text ever chooses a path
an output writes or reads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, display_path
from .loading import LoadedDeck
from .models import AnyQuestion


@dataclass(frozen=True)
class Picture:
    path: Path
    content: bytes

    @property
    def content_name(self) -> str:
        """'<first 20 hex digits of the SHA-256><suffix>': the same bytes, the same name."""
        return f"{hashlib.sha256(self.content).hexdigest()[:20]}{self.path.suffix.lower()}"


def read_picture(loaded: LoadedDeck, question: AnyQuestion) -> Picture | None:
    """The question's image (None without one), or an `InputError` naming deck and question."""
    if question.image is None:
        return None
    path = loaded.folder / question.image
    try:
        return Picture(path, path.read_bytes())
    except OSError as error:
        raise InputError(f"{display_path(loaded.path)}: question '{question.id}': "
                         f"image '{question.image}': cannot read: {error.strerror}") from None
