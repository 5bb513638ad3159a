"""Plain-text exports of decks for other tools: Anki's CSV import, Quizlet, Moodle GIFT, Markdown.

Each format lives in its own module with one `render(decks) -> Rendered` function;
`quizgen.registry` names them (`--format gift`), this package finds the module and writes
the result atomically. Renderers never print: what they cannot express comes back as warnings.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import ExportError, display_path
from ..loading import LoadedDeck
from ..registry import EXPORT_FORMATS, ExportFormat


@dataclass(frozen=True)
class Rendered:
    """A whole export file as text, how many questions it carries, and what was left out."""

    text: str
    questions: int
    warnings: list[str] = field(default_factory=list)


FORMATS: dict[str, ExportFormat] = {entry.name: entry for entry in EXPORT_FORMATS}
"""`--format` name → its entry in `quizgen.registry`, where formats are declared."""


def renderer(entry: ExportFormat) -> Callable[[Sequence[LoadedDeck]], Rendered]:
    """Imported on use, so `quizgen export --format quizlet` never loads Anki's code."""
    module = importlib.import_module(f"{__name__}.{entry.module}")
    render: Callable[[Sequence[LoadedDeck]], Rendered] = module.render
    return render


@dataclass(frozen=True)
class Exported:
    path: Path | None
    questions: int
    warnings: list[str]
    text: str


def render_decks(decks: Sequence[LoadedDeck], format_name: str) -> Rendered:
    try:
        chosen = FORMATS[format_name]
    except KeyError:
        raise ExportError(f"unknown format '{format_name}' "
                          f"(use one of: {', '.join(FORMATS)})") from None
    return renderer(chosen)(decks)


def export_decks(decks: Sequence[LoadedDeck], format_name: str, output: Path | None) -> Exported:
    """Render `decks` in one file; written atomically to `output` (None: only returned)."""
    rendered = render_decks(decks, format_name)
    if output is not None:
        write_text_atomic(output, rendered.text)
    return Exported(output, rendered.questions, rendered.warnings, rendered.text)


_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\t\f\v\u2028\u2029\x85]+[ \t]*")


def one_line(text: str) -> str:
    """Line breaks and tabs (with the spaces around them) become one space.

    Line- and tab-separated formats cannot carry them; deck text is plain, so a break
    inside a field is only layout.
    """
    return _LINE_BREAKS.sub(" ", text).strip()


def question_where(loaded: LoadedDeck, index: int) -> str:
    """'decks/x.yaml: questions[3] (visit-gap)' for warnings a user can act on."""
    question = loaded.deck.questions[index]
    return f"{display_path(loaded.path)}: questions[{index}] ({question.id})"
