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

from ..atomic import same_file, write_text_atomic
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
    return renderer(format_entry(format_name))(decks)


def export_decks(decks: Sequence[LoadedDeck], format_name: str, output: Path | None) -> Exported:
    """Render `decks` in one file; written atomically to `output` (None: only returned)."""
    rendered = render_decks(decks, format_name)
    if output is not None:
        write_text_atomic(output, rendered.text)
    return Exported(output, rendered.questions, rendered.warnings, rendered.text)


def export_files(decks: Sequence[LoadedDeck], format_name: str, output: Path | None,
                 merge: bool = False) -> list[Exported]:
    """`quizgen export`: one file per deck beside it (or in the folder `output`), or all decks
    in the one file `output` with `merge`; `-` as output: one text, not written.

    Every file is rendered and every target checked before the first is written, so a
    refused target or an unexpressible deck leaves no file changed.
    """
    entry = format_entry(format_name)
    to_stdout = output is not None and str(output) == "-"
    groups = [list(decks)] if merge or to_stdout or len(decks) == 1 else [[d] for d in decks]
    targets: list[Path | None] = (
        [None] * len(groups) if to_stdout else _targets(groups, entry, output, merge))
    inputs = _input_files(decks)
    for target in targets:
        if target is not None:
            _refuse_unsafe_target(target, inputs)
    _refuse_shared_targets(targets, groups)
    rendered = [render_decks(group, format_name) for group in groups]
    for target, result in zip(targets, rendered, strict=True):
        if target is not None:
            write_text_atomic(target, result.text)
    return [Exported(target, result.questions, result.warnings, result.text)
            for target, result in zip(targets, rendered, strict=True)]


def format_entry(format_name: str) -> ExportFormat:
    try:
        return FORMATS[format_name]
    except KeyError:
        raise ExportError(f"unknown format '{format_name}' "
                          f"(use one of: {', '.join(FORMATS)})") from None


def default_name(loaded: LoadedDeck, entry: ExportFormat) -> str:
    """'x.yaml' → 'x.gift.txt': the deck's file name with the format's suffix."""
    return loaded.path.stem + entry.suffix


def _targets(groups: list[list[LoadedDeck]], entry: ExportFormat, output: Path | None,
             merge: bool) -> list[Path | None]:
    folder = output if output is not None and output.is_dir() else None
    if len(groups) == 1 and len(groups[0]) > 1:  # --merge of several decks
        if output is None or folder is not None:
            raise ExportError("--merge writes every deck into one file: name it with -o FILE")
        return [output]
    if output is not None and folder is None:
        if len(groups) > 1:
            raise ExportError(f"{len(groups)} decks make {len(groups)} files: give -o a folder, "
                              "or add --merge to write them into one file")
        return [output]
    return [(folder or group[0].path.parent) / default_name(group[0], entry) for group in groups]


def _input_files(decks: Sequence[LoadedDeck]) -> list[Path]:
    files = [loaded.path for loaded in decks]
    files += [loaded.path.parent / question.image for loaded in decks
              for question in loaded.deck.questions if question.image]
    return files


def _refuse_unsafe_target(target: Path, inputs: list[Path]) -> None:
    """An output must never replace an input (by any name: symlink or hard link)
    nor anything that is not a plain file."""
    shown = str(Path(display_path(target.parent)) / target.name)  # a symlink as named
    if target.is_dir():
        raise ExportError(f"{shown}: is a folder")
    if target.exists() and not target.is_file():
        raise ExportError(f"{shown}: not a regular file; refusing to replace it")
    for source in inputs:
        if same_file(target, source):
            raise ExportError(f"{shown}: is the input {display_path(source)}; "
                              "refusing to overwrite it (choose another -o)")



def _refuse_shared_targets(targets: list[Path | None], groups: list[list[LoadedDeck]]) -> None:
    seen: dict[Path, LoadedDeck] = {}
    for target, group in zip(targets, groups, strict=True):
        if target is None:
            continue
        key = target.resolve()
        if key in seen:
            raise ExportError(
                f"{display_path(seen[key].path)} and {display_path(group[0].path)} would both be "
                f"exported to {display_path(target)}: export them one at a time with -o")
        seen[key] = group[0]


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
