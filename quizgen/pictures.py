"""A question's picture: confined to the deck's folder, judged by content, read once.

A shared deck must not be able to pack `/etc/hostname` into an Anki package or a PDF,
so the path is checked after every symbolic link is resolved. The file's kind comes
from its bytes, never from its name, and the picture is named by its content and that
kind alone: a changed picture gets a new name, so Anki and the print compiler pick it
up, and no deck text ever chooses a path an output writes or reads.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from .errors import InputError, display_path
from .limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS
from .reading import read_regular_file

if TYPE_CHECKING:
    from .loading import LoadedDeck
    from .models import AnyQuestion

IMAGE_KINDS = ("png", "jpeg", "gif", "webp", "svg")
"""What Anki shows and Typst prints alike."""


@dataclass(frozen=True)
class Picture:
    """A picture's real path, bytes and kind (from the bytes)."""

    path: Path
    content: bytes
    kind: str

    @property
    def suffix(self) -> str:
        return ".jpg" if self.kind == "jpeg" else f".{self.kind}"

    @property
    def content_name(self) -> str:
        """'<first 20 hex digits of the SHA-256><suffix>': the same bytes, the same name."""
        return f"{hashlib.sha256(self.content).hexdigest()[:20]}{self.suffix}"


def read_picture(loaded: LoadedDeck, question: AnyQuestion) -> Picture | None:
    """The question's image (None without one), or an `InputError` naming deck and question.

    Checked again here, not only at validation: the file may have changed since."""
    if question.image is None:
        return None
    try:
        return load_picture(loaded.path.parent, question.image)
    except ImageProblem as problem:
        raise InputError(f"{display_path(loaded.path)}: question '{question.id}': image: "
                         f"{problem}") from None


class ImageProblem(ValueError):
    """Why a deck's `image` cannot be used, in words for the deck's author."""


def confined_path(deck_dir: Path, relative: str) -> Path:
    """The real file `relative` names, or `ImageProblem` if it lies outside `deck_dir`."""
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).is_absolute():
        raise ImageProblem("must be a path relative to the deck file, not an absolute path")
    root = Path(os.path.realpath(deck_dir))
    try:
        real = Path(os.path.realpath(root / relative.replace("\\", "/"), strict=True))
    except FileNotFoundError:
        raise ImageProblem(f"file '{relative}' not found next to the deck") from None
    except OSError as error:
        raise ImageProblem(f"file '{relative}' cannot be read: {error.strerror}") from None
    if not real.is_relative_to(root):
        raise ImageProblem("must stay inside the deck's folder (it leads outside, "
                           "through '..' or a symbolic link)")
    return real


def load_picture(deck_dir: Path, relative: str) -> Picture:
    """The checked picture: confined, a regular file, under the size limit, a known kind."""
    real = confined_path(deck_dir, relative)
    try:
        content = read_regular_file(real, limit=MAX_IMAGE_BYTES, what="image")
    except InputError as error:
        raise ImageProblem(str(error).split(": ", 1)[-1]) from None
    kind = picture_kind(content)
    if kind is None:
        raise ImageProblem(f"'{relative}' is not a PNG, JPEG, GIF, WebP or SVG picture "
                           "(judged by its content, not its name)")
    width, height = _dimensions(content, kind)
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(f"'{relative}' is {width}x{height} pixels, over the limit of "
                           f"{MAX_IMAGE_PIXELS:,} pixels")
    if kind != "svg" and (width == 0 or height == 0):
        raise ImageProblem(f"'{relative}' is damaged: its header gives no picture size")
    return Picture(real, content, kind)


def picture_kind(content: bytes) -> str | None:
    """The picture format from its first bytes."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if content[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<svg", b"<!--")) and b"<svg" in content[:4096].lower():
        return "svg"
    return None


def _dimensions(content: bytes, kind: str) -> tuple[int, int]:
    """Width and height from the header, without decoding the picture (0, 0 if unknown)."""
    try:
        if kind == "png" and content[12:16] == b"IHDR":
            width, height = struct.unpack(">II", content[16:24])
            return int(width), int(height)
        if kind == "gif":
            width, height = struct.unpack("<HH", content[6:10])
            return int(width), int(height)
        if kind == "jpeg":
            return _jpeg_dimensions(content)
        if kind == "webp":
            return _webp_dimensions(content)
    except struct.error:
        return (0, 0)
    return (1, 1) if kind == "svg" else (0, 0)


def _jpeg_dimensions(content: bytes) -> tuple[int, int]:
    position = 2
    while position + 9 < len(content):
        if content[position] != 0xFF:
            return (0, 0)
        marker = content[position + 1]
        length = struct.unpack(">H", content[position + 2 : position + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", content[position + 5 : position + 9])
            return int(width), int(height)
        position += 2 + length
    return (0, 0)


def _webp_dimensions(content: bytes) -> tuple[int, int]:
    chunk = content[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(content[24:27], "little") + 1
        height = int.from_bytes(content[27:30], "little") + 1
        return width, height
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", content[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(content[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return (0, 0)

