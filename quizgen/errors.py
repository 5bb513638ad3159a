"""The error tree: every failure a user can cause is a `QuizgenError`.

The CLI turns these into one-line messages and exit codes; anything else that
escapes is a bug in quizgen, not a user mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Control characters (terminal escapes among them) and undecodable file-name bytes as
    escapes, so no deck value or file name can drive the terminal a message is shown on."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match[0])
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    escaped = _INVISIBLE.sub(escape, text)
    return escaped if keep_newlines else escaped.replace("\n", "\\n")


class QuizgenError(Exception):
    """Base of every error quizgen reports to a user (exit code 1)."""

    exit_code = 1


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in an input file: `file:line:column: where: message`."""

    path: str
    line: int
    column: int
    where: str
    message: str
    hint: str | None = None

    @property
    def location(self) -> str:
        """'file:line:column', the part a terminal highlights (escaped: names can hold anything)."""
        return visible(f"{self.path}:{self.line}:{self.column}", keep_newlines=False)

    def detail(self) -> str:
        """Everything after the location: 'where: message (hint)', control characters escaped."""
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return visible(text, keep_newlines=False)

    def __str__(self) -> str:
        return f"{self.location}: {self.detail()}"


class DeckError(QuizgenError):
    """One or more decks are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class InputError(QuizgenError):
    """A path given on the command line cannot be used (missing, wrong kind, unreadable)."""


class OutputError(QuizgenError):
    """An output file or folder cannot be written."""


class ExportError(QuizgenError):
    """A deck is valid but cannot be expressed in the requested output format."""


def display_path(path: Path) -> str:
    """Paths relative to the working folder when possible, so messages match what users typed."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder; no working folder; a loop
        return str(path)
