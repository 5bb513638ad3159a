"""The Typst compiler, fenced in.

Data reaches a template only as JSON in `sys.inputs`, never as markup. The
compile root is a private temporary folder holding the template and copies of
the deck images under names we choose, so a template (or anything a deck says)
can read nothing else on the machine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typst

from ..errors import ExportError, InputError, display_path
from ..limits import MAX_FONT_BYTES
from ..reading import read_regular_file

TEMPLATE_NAME = "main.typ"


Queried = Mapping[str, list[Any]]
"""Typst label (`<qg-box>`) → the values of the `metadata` elements carrying it."""

Extras = Callable[[Queried], Mapping[str, bytes]]
"""Given what the first pass placed where, the files a second pass needs (QR codes)."""


@dataclass(frozen=True)
class Compiled:
    pdf: bytes
    warnings: tuple[str, ...]
    queried: Queried = field(default_factory=dict)


FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
MAX_FONT_FILES = 2_000
"""More font files than a full system font folder holds; a bigger walk is a wrong folder."""


def load_fonts(font_paths: Sequence[Path]) -> typst.Fonts:
    """Bundled fonts, system fonts and the user's font files, scanned once per run.

    Folders are walked here, not by Typst, so a folder such as /proc (endless, with
    files that never finish) is refused instead of read.
    """
    for path in font_paths:
        font_files(path)
    return typst.Fonts(
        include_system_fonts=True,
        include_embedded_fonts=True,
        font_paths=[str(path) for path in font_paths],
    )


def font_files(path: Path) -> list[Path]:
    """The font files a `--font-path` names: the file itself, or the fonts in the folder."""
    shown = display_path(path)
    if path.is_file():
        if path.suffix.lower() not in FONT_SUFFIXES:
            raise InputError(f"{shown}: not a font file ({', '.join(FONT_SUFFIXES)})")
        read_regular_file(path, limit=MAX_FONT_BYTES, what="font file")
        return [path]
    if not path.is_dir():
        if path.exists():
            raise InputError(f"{shown}: not a font file or folder")
        raise InputError(f"{shown}: no such font file or folder")
    found: list[Path] = []
    seen = 0
    for folder, folders, names in os.walk(path):
        folders.sort()
        for name in sorted(names):
            seen += 1
            if seen > MAX_FONT_FILES * 10:
                raise InputError(f"{shown}: too many files to look through for fonts; "
                                 "name the font files or a folder holding only fonts")
            candidate = Path(folder) / name
            if candidate.suffix.lower() in FONT_SUFFIXES and candidate.is_file():
                found.append(candidate)
    if len(found) > MAX_FONT_FILES:
        raise InputError(f"{shown}: holds {len(found)} font files, more than {MAX_FONT_FILES}")
    return found


def compile_pdf(
    template: str,
    data: Mapping[str, Any],
    *,
    fonts: typst.Fonts,
    files: Mapping[str, Path] | None = None,
    timestamp: int = 0,
    template_name: str = "template",
    queries: Sequence[str] = (),
    extras: Extras | None = None,
) -> Compiled:
    """Compile `template` with `data` as `sys.inputs.data`; `files` are copied into the root.

    `files` maps a root-relative name (chosen by quizgen, never by deck text) to
    the file to copy there. `timestamp` fixes the document's notion of "now", so
    output never depends on the clock. `queries` are labels whose metadata values
    are read back from the laid-out document. With `extras`, the document is laid
    out twice: the files `extras` returns for the first layout are added to the
    root and their names passed as `sys.inputs.extras` (a JSON list); the data
    stays the same, so Typst's caches make the second pass cheap.
    """
    files = files or {}
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
    with tempfile.TemporaryDirectory(prefix="quizgen-print-") as folder:
        root = Path(folder)
        main = root / TEMPLATE_NAME
        main.write_text(template, encoding="utf-8")
        for name, source in sorted(files.items()):
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copyfile(source, target)
            except OSError as error:
                raise InputError(f"{display_path(source)}: cannot read: {error.strerror}") from None
        empty = root / ".no-packages"
        empty.mkdir()
        try:
            with _offline():
                compiler = typst.Compiler(
                    str(main),
                    root=str(root),
                    font_paths=fonts,
                    package_path=str(empty),
                    package_cache_path=str(empty),
                )
                inputs = {"data": payload, "extras": "[]"}
                pdf, warnings = compiler.compile_with_warnings(
                    format="pdf", sys_inputs=inputs, timestamp=timestamp
                )
                queried = _query(compiler, queries)
                if extras is not None:
                    added = extras(queried)
                    for name, content in sorted(added.items()):
                        target = root / name
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(content)
                    inputs = {"data": payload, "extras": json.dumps(sorted(added))}
                    pdf, warnings = compiler.compile_with_warnings(
                        format="pdf", sys_inputs=inputs, timestamp=timestamp
                    )
                    queried = _query(compiler, queries)
        except typst.TypstError as error:
            raise ExportError(
                _describe(
                    template_name, _plain(error.message), error.hints, files,
                    _location(error.diagnostic),
                )
            ) from None
    if not isinstance(pdf, bytes):
        raise ExportError(f"{template_name}: the Typst compiler returned no PDF")
    messages: list[str] = []
    for warning in warnings:
        text = "typst: " + _describe(
            template_name, warning.message, warning.hints, files, _location(warning.diagnostic)
        )
        if text not in messages:
            messages.append(text)
    return Compiled(pdf, tuple(messages), queried)


def _query(compiler: typst.Compiler, labels: Sequence[str]) -> dict[str, list[Any]]:
    """The values of the metadata elements carrying each label, in document order."""
    found: dict[str, list[Any]] = {}
    for label in labels:
        values = json.loads(compiler.query(label, field="value", format="json"))
        found[label] = values if isinstance(values, list) else []
    return found


_WHERE = re.compile(r"┌─ /?(\S+?):(\d+):(\d+)")
_PACKAGE = re.compile(r"failed to download package|package not found", re.IGNORECASE)


def _location(diagnostic: str) -> str | None:
    """'line:column' of the first place Typst points at in the template itself (the
    binding counts columns from 0; editors, and quizgen's other messages, from 1)."""
    for match in _WHERE.finditer(diagnostic or ""):
        if Path(match[1]).name == TEMPLATE_NAME:
            return f"{match[2]}:{int(match[3]) + 1}"
    return None


def _plain(message: str) -> str:
    """Typst's message, but a blocked package import said as the rule it breaks."""
    if _PACKAGE.search(message):
        return (
            "a template cannot import packages (@preview/…, @local/…): it must be one"
            " self-contained file"
        )
    return message


_PROXY_VARIABLES = ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy",
                    "ALL_PROXY")
_NOWHERE = "http://127.0.0.1:9"
_offline_lock = threading.Lock()
_offline_depth = 0
_saved_environment: dict[str, str | None] = {}


@contextmanager
def _offline() -> Iterator[None]:
    """No network while Typst runs: a template that imports `@preview/…` would have the
    compiler download it. Typst's downloader honours the proxy variables, so they point
    at a closed local port (the discard port) for the duration; the empty package folders
    given to the compiler already keep `@local/…` out. Shared by concurrent compiles."""
    global _offline_depth
    with _offline_lock:
        if _offline_depth == 0:
            for name in (*_PROXY_VARIABLES, "no_proxy", "NO_PROXY"):
                _saved_environment[name] = os.environ.get(name)
            for name in _PROXY_VARIABLES:
                os.environ[name] = _NOWHERE
            os.environ["no_proxy"] = os.environ["NO_PROXY"] = ""
        _offline_depth += 1
    try:
        yield
    finally:
        with _offline_lock:
            _offline_depth -= 1
            if _offline_depth == 0:
                for name, value in _saved_environment.items():
                    if value is None:
                        os.environ.pop(name, None)
                    else:
                        os.environ[name] = value


def _describe(
    template_name: str,
    message: str,
    hints: Sequence[str],
    files: Mapping[str, Path],
    location: str | None = None,
) -> str:
    """A Typst diagnostic in the user's terms: copied files named by their real paths,
    the template's line and column when Typst points into it."""
    where = f"{template_name}:{location}" if location else template_name
    text = f"{where}: {message}"
    if hints:
        text += " (hint: " + "; ".join(hints) + ")"
    for name, source in files.items():
        text = text.replace(f"/{name}", display_path(source))
    return text
