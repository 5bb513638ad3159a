"""SOURCE_DATE_EPOCH, the reproducible-builds convention, read in one place.

When it is set, every output that records a moment (Anki's modification times, the
PDF's date) uses it, so the same input builds the same bytes on any machine.
"""

from __future__ import annotations

import os

from .errors import InputError


def source_date_epoch() -> int | None:
    """The variable's whole seconds, None when unset or empty, `InputError` when not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise InputError(f"SOURCE_DATE_EPOCH must be whole seconds, not '{value}'") from None
