"""The `quizgen` command: parse options, call the library, print, set the exit code.

Nothing here that a library user would also need. Library modules are imported
inside each command so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__

app = typer.Typer(
    name="quizgen",
    help="Turn YAML question decks into Anki packages, printed quizzes and other study material.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DEFAULT_DECKS = Path("decks")

DeckPaths = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Deck files or folders of *.yaml decks [default: decks/].",
        show_default=False,
        metavar="DECK",
    ),
]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", help="Show the version and exit.", callback=_show_version,
                     is_eager=True),
    ] = False,
) -> None:
    """Turn YAML question decks into Anki packages, printed quizzes and other study material."""


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@contextmanager
def _reporting(action: str) -> Iterator[None]:
    """User errors become messages and exit codes; Ctrl-C becomes one line, not a traceback."""
    from .errors import DeckError, QuizgenError

    try:
        yield
    except DeckError as error:
        count = len(error.problems)
        typer.echo(str(error), err=True)
        _fail(f"{action}: {count} problem{'s' if count != 1 else ''} found")
    except QuizgenError as error:
        _fail(f"{action}: {error}", error.exit_code)
    except KeyboardInterrupt:
        _fail(f"{action}: interrupted; nothing was left half-written", 130)


def _deck_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_DECKS]


@app.command()
def validate(paths: DeckPaths = None) -> None:
    """Check decks and report every problem as file:line:column."""
    with _reporting("validate"):
        from .errors import display_path
        from .loading import load_decks

        for loaded in load_decks(_deck_paths(paths)):
            count = len(loaded.deck.questions)
            typer.echo(f"{display_path(loaded.path)}: ok, {count} question{'s' if count != 1 else ''}")


@app.command()
def build(
    paths: DeckPaths = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for the .apkg files.")
    ] = Path("build"),
    type_answer: Annotated[
        bool,
        typer.Option(
            "--type-answer",
            help="Short, numeric and date cards ask you to type the answer, which Anki compares.",
        ),
    ] = False,
) -> None:
    """Build one Anki package (.apkg) per deck; nothing is written if any deck is invalid."""
    with _reporting("build"):
        from .anki.building import BuildOptions, build_packages
        from .errors import display_path
        from .loading import load_decks

        decks = load_decks(_deck_paths(paths))
        for built in build_packages(decks, output, BuildOptions(type_answer=type_answer)):
            typer.echo(
                f"{display_path(built.path)}: {built.notes} notes, {built.cards} cards"
            )


# Commands added by later features go below, one function each, same pattern:
# parse options, call the library inside `with _reporting(...)`, print results.


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # outside any command, e.g. while Typer parses
        sys.stderr.write("quizgen: interrupted\n")
        sys.exit(130)
