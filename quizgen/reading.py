"""Reading input files safely: regular files only, never more than a limit.

A FIFO blocks forever, /dev/zero never ends and /proc files lie about their size, so
every input is opened without blocking, checked to be a regular file, and read with
a cap one byte above its limit.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, display_path


def read_regular_file(path: Path, *, limit: int, what: str = "file") -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes."""
    with opened_regular_file(path, limit=limit, what=what) as descriptor:
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(f"{display_path(path)}: {what} grew past the limit of {_size(limit)} "
                         "while read")
    return data


@contextmanager
def opened_regular_file(path: Path, *, limit: int, what: str = "file") -> Iterator[int]:
    """A read-only descriptor of `path`, once it is known to be a regular file of at most
    `limit` bytes; an OSError while it is read becomes an InputError naming the file."""
    shown = display_path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(f"{shown}: cannot read: {describe_os_error(error)}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{shown}: {what} is not a regular file ({file_kind(info.st_mode)})")
        if info.st_size > limit:
            raise InputError(
                f"{shown}: {what} is over the limit of {_size(limit)} ({info.st_size:,} bytes)"
            )
        yield descriptor
    except OSError as error:
        raise InputError(f"{shown}: cannot read: {describe_os_error(error)}") from None
    finally:
        os.close(descriptor)


def file_kind(mode: int) -> str:
    """'a folder', 'a FIFO', … for messages about what a path is instead of a file."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def describe_os_error(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic links loop"
    return error.strerror or str(error)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"
