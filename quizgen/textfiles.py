"""UTF-8 text from a file's bytes, and where it stops being UTF-8 when it does.

Decks, class lists and templates are all read this way, so every one of them names
the line (and column) of the first byte that is not UTF-8 instead of failing somewhere
later with a traceback.
"""

from __future__ import annotations

from .errors import InputError


class NotUtf8Error(InputError):
    """Bytes that are not UTF-8 text, located by line and column (both from 1)."""

    def __init__(self, shown: str, line: int, column: int, byte: int) -> None:
        self.line, self.column, self.byte = line, column, byte
        super().__init__(f"{shown}:{line}: not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8")


def decode_utf8(raw: bytes, shown: str) -> str:
    """UTF-8 with or without a byte-order mark (dropped); `shown` names the file in errors."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = raw.count(b"\n", 0, start) + 1
        column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        raise NotUtf8Error(shown, line, column, raw[start]) from None
