"""Small pieces of English every message shares, so each reads the same way everywhere."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str = "") -> str:
    """'1 card', '3 cards', '2 copies': a count and its noun, agreeing (light: the CLI uses it)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
