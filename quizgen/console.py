"""Terminal presentation for the CLI: progress bars and colour, only where a person is looking.

Kept out of the library on purpose: library calls yield results one by one and the
CLI decides whether a terminal is there to show progress on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

Item = TypeVar("Item")


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_colour(stream: TextIO) -> bool:
    """Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org)."""
    return is_terminal(stream) and not os.environ.get("NO_COLOR") and (
        os.environ.get("TERM") != "dumb"
    )


def paint(text: str, stream: TextIO, *, colour: str, bold: bool = False) -> str:
    if not use_colour(stream):
        return text
    import typer

    return typer.style(text, fg=colour, bold=bold)


@contextmanager
def working(label: str, quiet: bool) -> Iterator[None]:
    """A spinner on stderr for one long step whose progress cannot be counted (typesetting)."""
    if quiet or not is_terminal(sys.stderr):
        yield
        return
    from rich.console import Console

    console = Console(stderr=True, no_color=not use_colour(sys.stderr))
    with console.status(f"{label}…"):
        yield


def with_progress(items: Iterable[Item], total: int, label: str, quiet: bool) -> Iterator[Item]:
    """Yield `items`, drawing a transient progress bar on stderr when it is a terminal."""
    if quiet or total < 2 or not is_terminal(sys.stderr):
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True, no_color=not use_colour(sys.stderr))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task(label, total=total)
        for item in items:
            yield item
            progress.advance(task)
