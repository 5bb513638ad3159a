"""Which characters no available font can print.

The Typst compiler draws a character that no font covers as an empty box and
(in the version we use) says nothing. So we typeset every distinct character
once, in a small probe document with the same fonts, and read the PDF back:
a character the fonts lack comes back as U+0000 instead of itself.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from importlib.resources import files

import typst
from pypdf import PdfReader

from .compiler import compile_pdf

_LINE = re.compile(r"^([0-9A-F]{4,6})\s?(.*)$")


def missing_characters(
    texts: Iterable[str], font_families: Sequence[str], fonts: typst.Fonts
) -> list[str]:
    """Characters of `texts` that none of the fonts has, in order of first appearance."""
    wanted = list(dict.fromkeys(char for text in texts for char in text if _needs_check(char)))
    if not wanted:
        return []
    probe = files("quizgen.printing").joinpath("templates/probe.typ").read_text("utf-8")
    data = {
        "fonts": list(font_families),
        "chars": [{"code": f"{ord(char):04X}", "char": char} for char in wanted],
    }
    pdf = compile_pdf(probe, data, fonts=fonts, template_name="probe.typ").pdf
    printed: dict[str, str] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for line in page.extract_text().splitlines():
            match = _LINE.match(line.strip(" "))
            if match:
                printed[match[1]] = match[2]
    missing = []
    for char in wanted:
        shown = printed.get(f"{ord(char):04X}", "")
        if "\x00" in shown or not shown.strip():
            missing.append(char)
    return missing


def describe_missing(chars: Sequence[str], limit: int = 12) -> str:
    """'안 (U+C548), 녕 (U+B155)', shortened after `limit` characters."""
    shown = [f"{char} (U+{ord(char):04X})" for char in chars[:limit]]
    if len(chars) > limit:
        shown.append(f"and {len(chars) - limit} more")
    return ", ".join(shown)


def _needs_check(char: str) -> bool:
    """Printable ASCII is always covered by the bundled font; marks, spaces and controls
    are not drawn on their own, so a probe cannot judge them."""
    if " " < char < "\x7f":
        return False
    return unicodedata.category(char)[0] not in "MZC"
