"""The `quizgen` command: parse options, call the library, print, set the exit code.

Nothing here that a library user would also need. Library modules are imported
inside each command so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
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


class PaperSize(StrEnum):
    a4 = "a4"
    us_letter = "us-letter"


PRINT_DEFAULT_SEED = "1"  # the same as quizgen.selection.DEFAULT_SEED (checked by a test)


@app.command("print")
def print_quiz(
    paths: DeckPaths = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE.pdf", help="The quiz PDF to write.")
    ] = Path("quiz.pdf"),
    key: Annotated[
        bool, typer.Option("--key", help="Also write the answer key as <output stem>-key.pdf.")
    ] = False,
    count: Annotated[
        int | None,
        typer.Option("--count", min=1, metavar="N", help="Print a sample of N questions.",
                     show_default=False),
    ] = None,
    tags: Annotated[
        list[str] | None,
        typer.Option("--tag", metavar="TAG",
                     help="Only questions with this tag (or a tag under it); repeatable."),
    ] = None,
    exclude_tags: Annotated[
        list[str] | None,
        typer.Option("--exclude-tag", metavar="TAG",
                     help="Leave out questions with this tag; repeatable."),
    ] = None,
    types: Annotated[
        list[str] | None,
        typer.Option("--type", metavar="TYPE",
                     help="Only questions of this type (short, choice, …); repeatable."),
    ] = None,
    seed: Annotated[
        str, typer.Option("--seed", metavar="S", help="Seed for the sample and every shuffle.")
    ] = PRINT_DEFAULT_SEED,
    versions: Annotated[
        int,
        typer.Option("--versions", min=1, max=26, metavar="N",
                     help="Versions A, B, C… in one PDF, each starting on a fresh sheet."),
    ] = 1,
    no_shuffle: Annotated[
        bool,
        typer.Option("--no-shuffle",
                     help="Keep deck order for questions and choices (all versions alike)."),
    ] = False,
    title: Annotated[
        str | None,
        typer.Option("--title", metavar="TEXT",
                     help="Title on the paper [default: the decks' titles].",
                     show_default=False),
    ] = None,
    instructions: Annotated[
        str | None,
        typer.Option("--instructions", metavar="TEXT",
                     help="Instructions under the name box; '' for none.",
                     show_default=False),
    ] = None,
    paper: Annotated[PaperSize, typer.Option("--paper", help="Paper size.")] = PaperSize.a4,
    fonts: Annotated[
        list[str] | None,
        typer.Option("--font", metavar="NAME",
                     help="Font family to print in, before the bundled Libertinus "
                     "Serif; repeatable."),
    ] = None,
    font_paths: Annotated[
        list[Path] | None,
        typer.Option("--font-path", metavar="PATH",
                     help="Font file or folder to use as well; repeatable."),
    ] = None,
    word_bank: Annotated[
        bool, typer.Option("--word-bank", help="Show the missing words under each cloze.")
    ] = False,
    explanations: Annotated[
        bool, typer.Option("--explanations", help="Print explanations and sources in the key.")
    ] = False,
    template: Annotated[
        Path | None,
        typer.Option("--template", metavar="FILE.typ",
                     help="Your own Typst template (.typ); it receives the same "
                     "JSON as the built-in one.", show_default=False),
    ] = None,
) -> None:
    """Print a quiz (PDF) with optional versions and answer key."""
    with _reporting("print"):
        from .errors import display_path
        from .loading import load_decks
        from .printing import DEFAULT_INSTRUCTIONS, Layout, PrintOptions
        from .printing import print_quiz as print_pdf

        layout = Layout(
            title=title,
            instructions=DEFAULT_INSTRUCTIONS if instructions is None else instructions or None,
            paper="us-letter" if paper is PaperSize.us_letter else "a4",
            fonts=tuple(fonts or ()),
            word_bank=word_bank,
            explanations=explanations,
        )
        options = PrintOptions(
            count=count,
            tags=tuple(tags or ()),
            exclude_tags=tuple(exclude_tags or ()),
            types=tuple(types or ()),
            seed=seed,
            versions=versions,
            shuffle=not no_shuffle,
            key=key,
            layout=layout,
            template=template,
            font_paths=tuple(font_paths or ()),
        )
        result = print_pdf(load_decks(_deck_paths(paths)), output, options)
        for warning in result.warnings:
            typer.echo(f"print: warning: {warning}", err=True)
        labels = ", ".join(version.label for version in result.versions)
        shown_versions = f"{versions} versions ({labels})" if versions > 1 else "1 version"
        for printed in result.files:
            pages = f"{printed.pages} page{'s' if printed.pages != 1 else ''}"
            if printed.kind == "quiz":
                count_shown = result.question_count
                typer.echo(
                    f"{display_path(printed.path)}: {shown_versions}, "
                    f"{count_shown} question{'s' if count_shown != 1 else ''}, "
                    f"{result.total_points} point{'s' if result.total_points != 1 else ''}, "
                    f"{pages}"
                )
            else:
                typer.echo(f"{display_path(printed.path)}: answer key, {pages}")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # outside any command, e.g. while Typer parses
        sys.stderr.write("quizgen: interrupted\n")
        sys.exit(130)
