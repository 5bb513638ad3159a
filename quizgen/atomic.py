"""Atomic file writes: a reader, or a crash, never sees half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError, display_path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed onto it only if the block succeeds.

    On any exception, Ctrl-C included, the temporary file is removed and `target`
    keeps its old content (or stays absent).
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{display_path(target)}: cannot write: {error.strerror}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _make_readable(temporary)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise OutputError(f"{display_path(target)}: cannot write: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    """UTF-8, newlines as given (no platform translation), so output is the same everywhere."""
    write_bytes_atomic(target, text.encode("utf-8"))


def _make_readable(path: Path) -> None:
    """mkstemp creates 0600 files; give outputs the usual permissions under the umask."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)
