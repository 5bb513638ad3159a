"""The Typst compiler, fenced in.

Data reaches a template only as JSON in `sys.inputs`, never as markup. The
compile root is a private temporary folder holding the template and copies of
the deck images under names we choose, so a template (or anything a deck says)
can read nothing else on the machine.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typst

from ..errors import ExportError, InputError, display_path

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


def load_fonts(font_paths: Sequence[Path]) -> typst.Fonts:
    """Bundled fonts, system fonts and the user's folders, scanned once per run."""
    for folder in font_paths:
        if not folder.exists():
            raise InputError(f"{display_path(folder)}: no such font file or folder")
    return typst.Fonts(
        include_system_fonts=True,
        include_embedded_fonts=True,
        font_paths=[str(path) for path in font_paths],
    )


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
                _describe(template_name, error.message, error.hints, files)
            ) from None
    if not isinstance(pdf, bytes):
        raise ExportError(f"{template_name}: the Typst compiler returned no PDF")
    messages: list[str] = []
    for warning in warnings:
        text = "typst: " + _describe(template_name, warning.message, warning.hints, files)
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


def _describe(
    template_name: str, message: str, hints: Sequence[str], files: Mapping[str, Path]
) -> str:
    """A Typst diagnostic in the user's terms: copied files named by their real paths."""
    text = f"{template_name}: {message}"
    if hints:
        text += " (hint: " + "; ".join(hints) + ")"
    for name, source in files.items():
        text = text.replace(f"/{name}", display_path(source))
    return text
