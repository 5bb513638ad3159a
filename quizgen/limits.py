"""Every size limit quizgen enforces, in one place, with the reason for each.

Decks and articles come from strangers: without limits, one file could make any
command hang or eat the machine's memory. Each limit sits far above what a real
deck or article needs (docs/reference/limits-and-safety.md lists them with reasons).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

MiB: Final = 1024 * 1024

MAX_DECK_BYTES: Final = 16 * MiB
"""The shipped deck is 40 KB; 16 MB holds ~50,000 questions with long explanations."""

MAX_QUESTIONS: Final = 50_000
"""A year of daily study is ~3,650 cards; 50,000 still builds in seconds."""

MAX_TEXT_CHARS: Final = 100_000
"""Any one text field: a long article passage fits; a card of more is not a card."""

MAX_ARTICLE_BYTES: Final = 32 * MiB
"""A book-length article or a long PDF report; extraction reads it in seconds."""

MAX_CLASS_LIST_BYTES: Final = 4 * MiB
"""A school's whole roll, 10,000 students with long names, is under 1 MB."""

MAX_EXAM_BYTES: Final = 64 * MiB
"""quiz.exam.json: a 2,000-copy printing is a few MB."""

MAX_SCAN_BYTES: Final = 1024 * MiB
"""One scan file: a pile of several hundred pages scanned at 300 dpi."""

MAX_TEMPLATE_BYTES: Final = 4 * MiB
"""A Typst template is code, a few KB; 4 MB leaves room for inlined assets."""

MAX_FONT_BYTES: Final = 64 * MiB
"""Large CJK font files run to ~20 MB."""

MAX_IMAGE_BYTES: Final = 20 * MiB
"""A phone photo is 2-6 MB; Anki syncs media, and every printed copy embeds it."""

MAX_IMAGE_PIXELS: Final = 50_000_000
"""A decoder allocates width * height * 4 bytes: 50 MP is a 200 MB bitmap at most."""

MAX_NUMBER: Final = Decimal(10) ** 15
"""Numeric answers stay below a quadrillion: world GDP in dollars is ~1e14."""

MAX_DECIMAL_PLACES: Final = 12
"""More decimals than any measurement an article reports."""

MAX_CLOZE_NUMBER: Final = 500
"""Anki makes one card per cloze number; 500 gaps is already far past a sentence."""

MAX_DECK_DEPTH: Final = 10
"""Levels in an Anki deck path (A::B::C); Anki refuses very deep paths."""

MAX_YAML_EXPANSION: Final = 4
"""Aliases may expand a deck to at most this many times the file's own size."""
