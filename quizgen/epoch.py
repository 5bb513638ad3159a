"""SOURCE_DATE_EPOCH, the reproducible-builds convention, read in one place.

When it is set, every output that records a moment (Anki's modification times, the
PDF's date) uses it, so the same input builds the same bytes on any machine. Values
outside what SQLite, zip and PDF dates can all hold are refused, not wrapped or
crashed on.
"""

from __future__ import annotations

import os
from typing import Final

from .errors import InputError

LATEST: Final = 4_102_444_799
"""31 December 2099, 23:59:59 UTC: within every date format an output writes."""


def source_date_epoch() -> int | None:
    """The variable's whole seconds, None when unset or empty, `InputError` when unusable."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise InputError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{value}'")
    seconds = int(value)
    if seconds > LATEST:
        raise InputError(f"SOURCE_DATE_EPOCH {seconds} is after the year 2099")
    return seconds


def clamp(timestamp: float) -> int:
    """A clock's time as an output may record it (a clock set to 2150 is not our problem)."""
    return min(max(int(timestamp), 0), LATEST)
