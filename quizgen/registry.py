"""Names users type and defaults they rely on, in one light module.

`--help`, the JSON Schema, `add`'s drafts and the Typst data contract all read these
names from here, so a new question type or export format is declared once. This
module imports nothing heavy: `quizgen --help` loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

QUESTION_TYPE_NAMES: Final = (
    "short",
    "numeric",
    "date",
    "choice",
    "truefalse",
    "cloze",
    "order",
    "match",
)


@dataclass(frozen=True)
class ExportFormat:
    """One `--format` value: the module that renders it and the file suffix it writes."""

    name: str
    module: str
    suffix: str
    summary: str


EXPORT_FORMATS: Final = (
    ExportFormat("anki-csv", "anki_csv", ".txt",
                 "Anki's text import, with the note types and GUIDs of `quizgen build`"),
    ExportFormat("quizlet", "quizlet", ".txt", "term<TAB>definition lines for Quizlet"),
    ExportFormat("gift", "gift", ".gift.txt", "Moodle GIFT question bank import"),
    ExportFormat("markdown", "markdown", ".md", "a study sheet: questions, then answers"),
)
EXPORT_FORMAT_NAMES: Final = tuple(entry.name for entry in EXPORT_FORMATS)

DEFAULT_SEED: Final = "1"
"""Seed for `print`'s sample and every shuffle when none is given."""
