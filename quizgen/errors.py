"""The error tree: every failure a user can cause is a `QuizgenError`.

The CLI turns these into one-line messages and exit codes; anything else that
escapes is a bug in quizgen, not a user mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        """'file:line:column', the part a terminal highlights."""
        return f"{self.path}:{self.line}:{self.column}"

    def detail(self) -> str:
        """Everything after the location: 'where: message (hint)'."""
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text

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
    except ValueError:
        return str(path)
