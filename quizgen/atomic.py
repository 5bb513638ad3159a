"""Atomic file writes: a reader, or a crash, never sees half a file.

Replacing a file must not lose what the user had: the new file keeps the old one's
mode and owner, a symbolic link stays a link (its target is replaced), a file with
other hard links is rewritten in place so every name sees the new content, and a
file that changed since it was read is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError, display_path
from .reading import describe_os_error, file_kind


@dataclass(frozen=True)
class FileState:
    """What a file held when it was read, to notice a change made meanwhile."""

    size: int
    mtime_ns: int
    digest: str

    @classmethod
    def of(cls, path: Path, content: bytes) -> FileState:
        info = path.stat()
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(content).hexdigest())


@contextlib.contextmanager
def atomic_path(target: Path, *, expected: FileState | None = None) -> Iterator[Path]:
    """A temporary path beside `target`, renamed onto it only if the block succeeds.

    On any exception, Ctrl-C included, the temporary file is removed and `target`
    keeps its old content (or stays absent). `expected`: refuse if the file no longer
    holds what was read.
    """
    shown = display_path(target)
    real = _writable_target(target, shown)
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {describe_os_error(error)}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        _replace(temporary, real, shown, expected)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {describe_os_error(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def same_file(first: Path, second: Path) -> bool:
    """Whether two names reach one file (through a symlink or a hard link too)."""
    try:
        if first.exists() and second.exists():
            return first.samefile(second)
        return first.resolve() == second.resolve()
    except OSError:
        return False


def refuse_input_as_output(target: Path, inputs: Iterable[Path]) -> None:
    """An output must never replace one of the files the command reads."""
    for source in inputs:
        if same_file(target, source):
            raise OutputError(f"{display_path(target)}: is the input {display_path(source)}; "
                              "refusing to overwrite it (choose another -o)")


def write_bytes_atomic(target: Path, data: bytes, *, expected: FileState | None = None) -> None:
    with atomic_path(target, expected=expected) as temporary:
        temporary.write_bytes(data)


def write_text_atomic(target: Path, text: str, *, expected: FileState | None = None) -> None:
    """UTF-8, newlines as given (no platform translation), so output is the same everywhere."""
    write_bytes_atomic(target, text.encode("utf-8"), expected=expected)


def _writable_target(target: Path, shown: str) -> Path:
    """The file to replace: a link's target, never a device, FIFO or read-only file."""
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        info = real.stat()
    except FileNotFoundError:
        return real
    except OSError as error:
        raise OutputError(f"{shown}: cannot write: {describe_os_error(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"{shown}: cannot write: it is {file_kind(info.st_mode)}")
    if not info.st_mode & 0o222:
        raise OutputError(f"{shown}: cannot write: the file is read-only")
    return real


def _replace(temporary: Path, real: Path, shown: str, expected: FileState | None) -> None:
    try:
        old = real.stat()
    except FileNotFoundError:
        old = None
    if expected is not None:
        current = FileState.of(real, real.read_bytes()) if old is not None else None
        if current != expected:
            raise OutputError(f"{shown}: the file changed while quizgen worked on it; "
                              "nothing was written (run the command again)")
    if old is None:
        _make_readable(temporary)
        os.replace(temporary, real)
        return
    if old.st_nlink > 1:
        _rewrite_in_place(temporary, real)
        return
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(PermissionError):
        os.chown(temporary, old.st_uid, old.st_gid)
    os.replace(temporary, real)


def _rewrite_in_place(temporary: Path, real: Path) -> None:
    """Every hard link names the same inode: only writing into it updates them all."""
    data = temporary.read_bytes()
    with open(real, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _make_readable(path: Path) -> None:
    """mkstemp creates 0600 files; give new outputs the usual permissions under the umask."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)
