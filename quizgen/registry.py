"""Names users type and defaults they rely on, in one light module.

`--help`, the JSON Schema, `add`'s drafts and the Typst data contract all read these
names from here, so a new question type or export format is declared once. This
module imports nothing heavy: `quizgen --help` loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

QuestionTypeName = Literal[
    "short",
    "numeric",
    "date",
    "choice",
    "truefalse",
    "cloze",
    "order",
    "match",
]
"""A deck's `type:` value. Code that branches on the name `match`es it and ends in
`assert_never`, so mypy names every branch a new type still lacks."""

QUESTION_TYPE_NAMES: Final[tuple[QuestionTypeName, ...]] = get_args(QuestionTypeName)


@dataclass(frozen=True)
class ExportFormat:
    """One `--format` value, the `quizgen.formats` module that renders it, and the suffix
    of the file `export` writes beside a deck when no `-o` is given."""

    name: str
    module: str
    suffix: str


EXPORT_FORMATS: Final = (
    ExportFormat("anki-csv", "anki_csv", ".anki.txt"),
    ExportFormat("quizlet", "quizlet", ".quizlet.txt"),
    ExportFormat("gift", "gift", ".gift.txt"),
    ExportFormat("markdown", "markdown", ".md"),
    ExportFormat("moodle-xml", "moodle_xml", ".moodle.xml"),
    ExportFormat("html", "html_quiz", ".quiz.html"),
)
EXPORT_FORMAT_NAMES: Final = tuple(entry.name for entry in EXPORT_FORMATS)

DEFAULT_SEED: Final = "1"
"""Seed for `print`'s sample and every shuffle when none is given."""
