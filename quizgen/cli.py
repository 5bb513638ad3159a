"""The `quizgen` command: parse options, call the library, print, set the exit code.

Nothing here that a library user would also need. Library modules are imported
inside each command so `--help` and `--version` stay fast.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from . import __version__
from .registry import DEFAULT_SEED, EXPORT_FORMAT_NAMES, QUESTION_TYPE_NAMES
from .wording import counted

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

Quiet = Annotated[
    bool,
    typer.Option("--quiet", "-q", help="No progress bar and no summary lines; errors still print."),
]


def _show_version(value: bool) -> None:
    if value:
        _echo(f"quizgen {__version__}")
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


def _echo(message: str, err: bool = False, nl: bool = True) -> None:
    """Every line quizgen prints passes here: deck values and file names may hold terminal
    escapes or undecodable bytes, which are shown escaped, never sent raw."""
    from .errors import visible

    typer.echo(visible(message), err=err, nl=nl)


def _fail(message: str, code: int = 1) -> NoReturn:
    _echo(message, err=True)
    raise typer.Exit(code)


@contextmanager
def _reporting(action: str) -> Iterator[None]:
    """User errors become messages and exit codes; Ctrl-C becomes one line, not a traceback."""
    from .errors import DeckError, QuizgenError

    try:
        yield
    except DeckError as error:
        from .console import paint

        for problem in error.problems:
            location = paint(problem.location, sys.stderr, colour="red", bold=True)
            typer.echo(f"{location}: {problem.detail()}", err=True)
        count = len(error.problems)
        _fail(f"{action}: {counted(count, 'problem')} found")
    except QuizgenError as error:
        _fail(f"{action}: {error}", error.exit_code)
    except KeyboardInterrupt:
        _fail(f"{action}: interrupted; nothing was left half-written", 130)


def _deck_paths(paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [DEFAULT_DECKS]


@app.command()
def validate(paths: DeckPaths = None) -> None:
    """Check decks and report every problem as file:line:column.

    A valid deck may still warn: a card whose front shows another card's answer."""
    with _reporting("validate"):
        from .errors import display_path
        from .loading import load_decks
        from .reveals import find_reveals

        for loaded in load_decks(_deck_paths(paths)):
            count = len(loaded.deck.questions)
            _echo(f"{display_path(loaded.path)}: ok, {counted(count, 'question')}")
            for reveal in find_reveals(loaded.deck.questions):
                _echo(f"{display_path(loaded.path)}: warning: {reveal.message()}")


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
    quiet: Quiet = False,
) -> None:
    """Build one Anki package (.apkg) per deck; nothing is written if any deck is invalid.

    Each deck's lock file (<deck>.lock, beside it) dates every note, so a re-import updates
    only the notes that changed; commit it with the deck.
    """
    with _reporting("build"):
        from .anki.building import BuildOptions, build_packages
        from .console import with_progress
        from .errors import display_path
        from .loading import load_decks

        decks = load_decks(_deck_paths(paths))
        packages = build_packages(decks, output, BuildOptions(type_answer=type_answer))
        for built in with_progress(packages, len(decks), "Building", quiet):
            if not quiet:
                _echo(f"{display_path(built.path)}: {built.notes} notes, {built.cards} cards")


# Commands added by later features go below, one function each, same pattern:
# parse options, call the library inside `with _reporting(...)`, print results.


class PaperSize(StrEnum):
    a4 = "a4"
    us_letter = "us-letter"


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
    ] = DEFAULT_SEED,
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
    sheet: Annotated[
        bool,
        typer.Option("--sheet",
                     help="Answer sheets a scanner can read: corner marks, a QR code per "
                     "page, bubbles and score boxes; also writes <output stem>.exam.json "
                     "for `quizgen grade`."),
    ] = False,
    copies: Annotated[
        int | None,
        typer.Option("--copies", min=1, max=1000, metavar="N",
                     help="Print N numbered copies, cycling through the versions "
                     "[default with --sheet: one per version].", show_default=False),
    ] = None,
    class_list: Annotated[
        Path | None,
        typer.Option("--class-list", metavar="FILE.csv",
                     help="One personalised copy per student: a CSV file with the "
                     "columns id,name.", show_default=False),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Print a quiz (PDF) with optional versions and answer key."""
    with _reporting("print"):
        from .console import working
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
            sheet=sheet,
            copies=copies,
            class_list=class_list,
        )
        with working("Typesetting", quiet):
            result = print_pdf(load_decks(_deck_paths(paths)), output, options)
        for warning in result.warnings:
            _echo(f"print: warning: {warning}", err=True)
        if quiet:
            return
        labels = ", ".join(version.label for version in result.versions)
        shown_versions = f"{versions} versions ({labels})" if versions > 1 else "1 version"
        for printed in result.files:
            pages = counted(printed.pages, "page")
            if printed.kind == "quiz":
                count_shown = result.question_count
                _echo(
                    f"{display_path(printed.path)}: {shown_versions}, "
                    f"{counted(count_shown, 'question')}, "
                    f"{counted(result.total_points, 'point')}, "
                    f"{pages}"
                )
            elif printed.kind == "key":
                _echo(f"{display_path(printed.path)}: answer key, {pages}")
            else:
                _echo(
                    f"{display_path(printed.path)}: answer sheets, "
                    f"{counted(result.copy_count, 'copy', 'copies')}, exam id {result.exam_id}"
                )


def _complete_formats(incomplete: str) -> list[str]:
    return [name for name in EXPORT_FORMAT_NAMES if name.startswith(incomplete)]


def _complete_types(incomplete: str) -> list[str]:
    return [name for name in QUESTION_TYPE_NAMES if name.startswith(incomplete)]


@app.command()
def new(
    deck_id: Annotated[
        str,
        typer.Argument(metavar="DECK_ID", show_default=False,
                       help="Id of the new deck: lowercase words and digits joined by hyphens."),
    ],
    title: Annotated[
        str | None,
        typer.Option("--title", show_default=False, metavar="TEXT",
                     help="Deck title [default: made from the id]."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False, metavar="FILE",
                     help="Deck file to write [default: decks/DECK_ID.yaml]."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a starter deck with one commented example of each question type."""
    with _reporting("new"):
        from .authoring.starter import write_starter
        from .errors import display_path

        path = output if output is not None else DEFAULT_DECKS / f"{deck_id}.yaml"
        started = write_starter(path, deck_id, title, Path.cwd(), overwrite=force)
        for warning in started.warnings:
            _echo(f"new: warning: {warning}", err=True)
        _echo(f"{display_path(started.path)}: new deck '{started.deck_id}' with an example "
                   "of each question type; replace them with your own")


if TYPE_CHECKING:
    from .authoring.draft import NewQuestion
    from .authoring.interview import Ask


def _can_prompt() -> bool:
    """Ask for missing fields only when a person is at the keyboard."""
    return sys.stdin.isatty()


def _ask_missing(deck: Path, draft: NewQuestion) -> NewQuestion:
    """Fill what the question type requires, asking on a terminal; refuse without one.

    Once a person is answering, a wrong line is explained and asked again (nothing typed
    is lost), and the optional fields `check` needs are offered too. Ctrl-C ends it all
    with exit 130 and the file untouched.
    """
    from .authoring.adding import check_can_add
    from .authoring.draft import missing
    from .authoring.interview import answered, next_ask
    from .errors import InputError

    needs = missing(draft)
    if not needs:
        return draft
    if not _can_prompt():
        options = " and ".join(", ".join(n.option for n in needs).rsplit(", ", 1))
        kind = f"a {draft.type} question" if draft.type else "a question"
        raise InputError(f"{kind} needs {options}; give them as options "
                         "(there is no terminal to ask on)")
    check_can_add(deck)  # a deck that cannot take a question is refused before any typing
    offered: set[str] = set()
    while (ask := next_ask(draft, frozenset(offered))) is not None:
        offered.add(ask.field)
        if not ask.many:
            draft = answered(draft, ask, _read_line(ask, draft, (), ask.label))
            continue
        entries: tuple[str, ...] = ()
        while True:
            notes = [ask.note] if ask.note else []
            if len(entries) >= ask.minimum:
                notes.append("Enter to finish")
            shown = f" ({'; '.join(notes)})" if notes else ""
            entry = _read_line(ask, draft, entries, f"{ask.label} {len(entries) + 1}{shown}")
            if entry is None:
                break
            entries = (*entries, entry)
        draft = answered(draft, ask, entries)
    return draft


def _read_line(ask: Ask, draft: NewQuestion, earlier: tuple[str, ...], label: str) -> Any:
    """Ask until the reader accepts the line; None for an empty line where that is allowed."""
    from .errors import InputError

    may_skip = ask.optional or (ask.many and len(earlier) >= ask.minimum)
    shown = f"{label} (Enter to skip)" if ask.optional else label
    while True:
        try:
            typed: str = typer.prompt(shown, default="", show_default=False)
        except typer.Abort:  # Ctrl-C or Ctrl-D at the prompt
            raise KeyboardInterrupt from None
        if not typed.strip() and may_skip:
            return None
        try:
            return ask.read(typed, draft, earlier)
        except InputError as reason:
            _echo(f"  {reason}", err=True)


@app.command()
def add(
    deck: Annotated[
        Path, typer.Argument(metavar="DECK", show_default=False, help="Deck file to append to."),
    ],
    question_type: Annotated[
        str | None,
        typer.Option("--type", show_default=False, autocompletion=_complete_types,
                     metavar="TYPE",
                     help=f"{', '.join(QUESTION_TYPE_NAMES[:-1])} or {QUESTION_TYPE_NAMES[-1]}."),
    ] = None,
    prompt: Annotated[
        str | None,
        typer.Option("--prompt", show_default=False, metavar="TEXT", help="The question."),
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", show_default=False, metavar="TEXT",
                     help="The answer; repeat for several right choices. truefalse: true/false."),
    ] = None,
    choice: Annotated[
        list[str] | None,
        typer.Option("--choice", show_default=False, metavar="TEXT",
                     help="A choice (choice questions; repeat)."),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", show_default=False, metavar="TAG", help="A tag (repeat)."),
    ] = None,
    question_id: Annotated[
        str | None,
        typer.Option("--id", show_default=False, metavar="ID",
                     help="Question id [default: a slug of the prompt, unique in the deck]."),
    ] = None,
    explanation: Annotated[
        str | None, typer.Option("--explanation", show_default=False, metavar="TEXT",
                                 help="Why the answer is right.")
    ] = None,
    paragraph: Annotated[
        int | None,
        typer.Option("--paragraph", min=1, show_default=False, metavar="N",
                     help="Paragraph of the deck's source holding the answer."),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option("--text", show_default=False, metavar="TEXT",
                     help="Cloze text with {{gaps}} (or give it as --prompt)."),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", show_default=False, metavar="UNIT",
                     help="Unit of a numeric answer."),
    ] = None,
    tolerance: Annotated[
        str | None, typer.Option("--tolerance", show_default=False, metavar="NUMBER",
                                 help="How far a numeric answer may be off.")
    ] = None,
    item: Annotated[
        list[str] | None,
        typer.Option("--item", show_default=False, metavar="TEXT",
                     help="An order item, in the right order (repeat)."),
    ] = None,
    pair: Annotated[
        list[str] | None,
        typer.Option("--pair", show_default=False, metavar="LEFT=RIGHT",
                     help="A match pair as 'left=right' (repeat)."),
    ] = None,
    alternative: Annotated[
        list[str] | None,
        typer.Option("--alternative", show_default=False, metavar="TEXT",
                     help="Another accepted answer (short questions; repeat)."),
    ] = None,
) -> None:
    """Append one question to a deck, keeping every comment and blank line of the file.

    On a terminal, what the question still needs is asked for (a wrong answer is
    explained and asked again), then the optional unit, paragraph, explanation and tags.
    The whole deck is checked before writing; if anything is wrong, or on Ctrl-C, the
    file is left exactly as it was.
    """
    with _reporting("add"):
        from .authoring.adding import add_question
        from .authoring.draft import NewQuestion
        from .errors import display_path

        draft = NewQuestion(
            type=question_type, prompt=prompt, answers=tuple(answer or ()),
            choices=tuple(choice or ()), tags=tuple(tag or ()), id=question_id,
            explanation=explanation, paragraph=paragraph, text=text, unit=unit,
            tolerance=tolerance, items=tuple(item or ()), pairs=tuple(pair or ()),
            alternatives=tuple(alternative or ()),
        )
        added = add_question(deck, _ask_missing(deck, draft))
        _echo(f"{display_path(added.path)}: added {added.question_type} question "
                   f"'{added.question_id}' ({added.questions} questions)")


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False, metavar="FILE",
                     help="Write the schema to this file instead of printing it."),
    ] = None,
) -> None:
    """Print the deck JSON Schema that editors use to complete and check deck files."""
    with _reporting("schema"):
        from .atomic import write_text_atomic
        from .errors import display_path
        from .schema import deck_schema_text

        text = deck_schema_text()
        if output is None:
            typer.echo(text, nl=False)  # data, not a message: byte for byte
        else:
            write_text_atomic(output, text)
            _echo(f"{display_path(output)}: deck JSON Schema")


@app.command()
def stats(
    paths: DeckPaths = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Count questions per deck, type and tag; list those without explanation or source."""
    with _reporting("stats"):
        import json

        from .loading import load_decks
        from .stats import collect_stats, render_stats

        figures = collect_stats(load_decks(_deck_paths(paths)))
        if as_json:
            _echo(json.dumps(figures.as_dict(), indent=2, ensure_ascii=False))
        else:
            _echo(render_stats(figures), nl=False)


@app.command()
def export(
    paths: DeckPaths = None,
    format_name: Annotated[
        str,
        typer.Option("--format", "-f", show_default=False, metavar="FORMAT",
                     autocompletion=_complete_formats,
                     help=f"One of: {', '.join(EXPORT_FORMAT_NAMES)}."),
    ] = "",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False, metavar="FILE|FOLDER",
                     help="File to write, or a folder for one file per deck; '-' prints "
                          "[default: beside each deck, e.g. decks/x.gift.txt]."),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Several decks into the one file named by -o."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No summary line; warnings and errors still print."),
    ] = False,
) -> None:
    """Export decks for Moodle (GIFT, XML), Quizlet, Anki's CSV import, Markdown or a web page.

    One file per deck, beside it, unless -o or --merge says otherwise."""
    with _reporting("export"):
        from .errors import InputError, display_path
        from .formats import export_files
        from .loading import load_decks

        if not format_name:
            raise InputError(f"choose --format: {', '.join(EXPORT_FORMAT_NAMES)}")
        decks = load_decks(_deck_paths(paths))
        for exported in export_files(decks, format_name, output, merge):
            for warning in exported.warnings:
                _echo(f"export: warning: {warning}", err=True)
            if exported.path is None:
                typer.echo(exported.text, nl=False)
            elif not quiet:
                count = exported.questions
                _echo(f"{display_path(exported.path)}: "
                      f"{counted(count, 'question')}, {format_name}")


@app.command()
def extract(
    article: Annotated[
        str, typer.Argument(help="The article: a text, Markdown, HTML or PDF file, or an "
                            "http(s):// address.", show_default=False, metavar="ARTICLE")
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", show_default=False,
                     help="Deck file to write [default: print the YAML]."),
    ] = None,
    deck_id: Annotated[
        str | None,
        typer.Option("--id", show_default=False, help="Deck id [default: from the file name]."),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", show_default=False,
                     help="Deck title [default: the article's headline, else its file name]."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option("--date", show_default=False, metavar="YYYY-MM-DD",
                     help="The article's date: resolves 'last September' and fills source.date."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, show_default=False,
                     help="Keep only the N best-ranked facts."),
    ] = None,
    all_choice: Annotated[
        bool,
        typer.Option("--choices", help="Ask every direct question as multiple choice."),
    ] = False,
    max_questions: Annotated[
        int | None,
        typer.Option("--max", min=1, show_default=False, metavar="N",
                     help="Keep only the N best questions."),
    ] = None,
    both: Annotated[
        bool,
        typer.Option("--both", help="Ask each fact as a cloze and as a direct question "
                     "[default: one question per fact]."),
    ] = False,
) -> None:
    """Find dates, figures and treaty names in an article; write candidate questions to review."""
    with _reporting("extract"):
        from .atomic import refuse_input_as_output, write_text_atomic
        from .authoring.starter import check_deck_id
        from .errors import InputError, display_path
        from .extract import (
            ExtractOptions,
            default_deck_id,
            extract_article,
            is_url,
            parse_published,
            source_file_for,
        )

        chosen_id = deck_id if deck_id is not None else default_deck_id(
            PurePosixPath(article.rstrip("/").split("?")[0]))
        check_deck_id(chosen_id)
        if title is not None and not title.strip():
            raise InputError("--title must not be empty")
        if output is not None and str(output) != "-" and not is_url(article):
            refuse_input_as_output(output, [Path(article)])
        options = ExtractOptions(
            deck_id=chosen_id,
            title=title.strip() if title else None,
            published=parse_published(published) if published else None,
            limit=limit,
            max_questions=max_questions,
            both=both,
            all_choice=all_choice,
            source_name=PurePosixPath(article).name if not is_url(article) else article,
            # Printed YAML may be saved anywhere: only a written deck knows its folder.
            source_file=None if output is None or str(output) == "-"
            else source_file_for(article, output),
        )
        result = extract_article(article, options)
        if output is None or str(output) == "-":
            typer.echo(result.yaml_text, nl=False)  # data, not a message: byte for byte
            return
        write_text_atomic(output, result.yaml_text)
        found = ", ".join(f"{count} {kind}" for kind, count in sorted(result.facts.items()))
        _echo(f"{display_path(output)}: {result.questions} candidate questions ({found}); "
                   "review them before use")


@app.command()
def check(
    deck: Annotated[Path, typer.Argument(help="Deck file to check.", show_default=False)],
    source: Annotated[
        str | None,
        typer.Option("--source", "-s", show_default=False,
                     help="The article the deck's questions cite: a text, Markdown, HTML or "
                     "PDF file or an http(s):// address [default: the deck's source.file]."),
    ] = None,
) -> None:
    """Check that every answer is supported by the paragraph (or span) its question cites."""
    with _reporting("check"):
        from .checking import check_deck, failure_summary, render_check, source_location
        from .errors import display_path
        from .extract import read_document
        from .loading import load_deck

        loaded = load_deck(deck)
        document = read_document(source_location(loaded.deck, loaded.path, source))
        report = check_deck(loaded.deck, document.text,
                            loaded.path.read_text(encoding="utf-8-sig"))
        shown_source = document.name if document.url == document.name else (
            PurePosixPath(document.name).name)
        _echo(render_check(report, display_path(loaded.path), shown_source), nl=False)
        failure = failure_summary(report)
        if failure is not None:
            _fail(f"check: {failure}")


@app.command()
def grade(
    scans: Annotated[
        list[Path],
        typer.Argument(metavar="SCAN", show_default=False,
                       help="Scanned answer sheets: PDF, PNG, JPEG or TIFF, in any order."),
    ],
    exam: Annotated[
        Path,
        typer.Option("--exam", metavar="FILE.exam.json", show_default=False,
                     help="The marking scheme `print --sheet` wrote beside the quiz."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE.csv", help="The grades to write.")
    ] = Path("grades.csv"),
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", metavar="DIR", show_default=False,
                     help="Also write one PDF per copy with the marks read and the score."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Grade scanned answer sheets into a CSV; anything uncertain is flagged, never guessed."""
    with _reporting("grade"):
        from .console import working
        from .errors import display_path
        from .grading import grade_scans, write_grades

        with working("Reading scans", quiet):
            grading = grade_scans(scans, exam)
            write_grades(grading, output, annotate)
        for rejected in grading.rejected:
            _echo(f"grade: warning: {rejected.scan.label}: {rejected.reason}", err=True)
        for unlocated in grading.unlocated:
            _echo(f"grade: warning: {unlocated.scan.label}: corner marks not found "
                       f"(copy {unlocated.page.copy_number} page {unlocated.page.page_in_copy})",
                       err=True)
        if quiet:
            return
        scanned = sum(1 for copy in grading.copies if copy.scanned)
        _echo(f"{display_path(output)}: {len(grading.copies)} copies, {scanned} scanned, "
                   f"{grading.flagged} flagged; {grading.pages} pages read")
        if annotate is not None:
            typer.echo(f"{display_path(annotate)}: "
                       f"{counted(scanned, 'annotated copy', 'annotated copies')}")


def _terminated(signum: int, frame: object) -> NoReturn:
    """SIGTERM unwinds like Ctrl-C, so atomic writes remove their temporary files."""
    raise SystemExit(128 + signum)


@app.command()
def sync(
    collection: Annotated[
        Path,
        typer.Option(
            "--collection",
            help="Anki collection file (collection.anki2) or the profile folder holding it. "
            "Close Anki first.",
            show_default=False,
        ),
    ],
    paths: DeckPaths = None,
    prune: Annotated[
        bool,
        typer.Option("--prune", help="Delete notes of deleted questions instead of flagging them."),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the plan; change nothing.")
    ] = False,
    type_answer: Annotated[
        bool,
        typer.Option("--type-answer", help="The variant of the cards that asks you to type."),
    ] = False,
) -> None:
    """Write decks straight into an Anki collection (needs: pip install 'quizgen[anki]').

    Beyond a package import: flags notes of deleted questions (tag quizgen::removed, cards
    suspended), moves cards of a renamed deck, changes note types, removes cards of removed
    cloze gaps, orders new cards as in the YAML and sets the deck description.
    """
    with _reporting("sync"):
        from .anki.sync import SyncOptions, sync_decks
        from .errors import display_path
        from .loading import load_decks

        decks = load_decks(_deck_paths(paths))
        report = sync_decks(
            decks, collection, SyncOptions(prune=prune, type_answer=type_answer), dry_run=dry_run
        )
        for plan in report.decks:
            for change in plan.changes:
                detail = f": {change.detail}" if change.detail else ""
                _echo(f"  {change.kind:<12} {change.subject}{detail}")
            count = len(plan.changes)
            state = (
                "up to date"
                if not count
                else counted(count, "change")
                + (" planned (dry run: nothing written)" if dry_run else " made")
            )
            _echo(f"{plan.deck_id} → {display_path(report.collection)}: {state}")


def main() -> None:
    """Console-script entry point."""
    import os
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    try:
        os.getcwd()
    except OSError:
        sys.stderr.write("quizgen: the working folder no longer exists; cd into one first\n")
        sys.exit(1)
    try:
        app()
    except KeyboardInterrupt:  # outside any command, e.g. while Typer parses
        sys.stderr.write("quizgen: interrupted\n")
        sys.exit(130)
