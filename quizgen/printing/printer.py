"""Decks → a printed quiz (and its key): select, version, build data, compile, write.

Both PDFs are compiled before either is written, so a failure leaves no new file.
Warnings (missing glyphs, Typst's own) are returned, never printed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pypdf import PdfReader

from ..atomic import write_bytes_atomic, write_text_atomic
from ..epoch import source_date_epoch
from ..errors import InputError, display_path
from ..limits import MAX_TEMPLATE_BYTES
from ..loading import LoadedDeck
from ..pictures import read_picture
from ..reading import read_regular_file
from ..registry import DEFAULT_SEED
from ..selection import (
    QuizVersion,
    SelectedQuestion,
    make_versions,
)
from ..textfiles import decode_utf8
from . import sheet as sheets
from .compiler import Compiled, Queried, compile_pdf, load_fonts
from .data import Kind, Layout, build_data, data_strings, font_list
from .glyphs import describe_missing, missing_characters
from .sampling import sample_apart
from .wordbank import build_word_bank

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


@dataclass(frozen=True)
class PrintOptions:
    """Which questions, how many versions, and how the paper looks."""

    count: int | None = None
    tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    seed: str = DEFAULT_SEED
    versions: int = 1
    shuffle: bool = True
    key: bool = False
    layout: Layout = field(default_factory=Layout)
    template: Path | None = None
    font_paths: tuple[Path, ...] = ()
    sheet: bool = False
    copies: int | None = None
    class_list: Path | None = None


@dataclass(frozen=True)
class RenderedQuiz:
    """The PDFs in memory, before anything is written."""

    versions: list[QuizVersion]
    quiz: bytes
    key: bytes | None
    warnings: tuple[str, ...]
    exam: dict[str, Any] | None = None


@dataclass(frozen=True)
class PrintedFile:
    path: Path
    kind: Kind | Literal["exam"]
    pages: int


@dataclass(frozen=True)
class PrintResult:
    files: tuple[PrintedFile, ...]
    versions: list[QuizVersion]
    warnings: tuple[str, ...]
    exam: dict[str, Any] | None = None

    @property
    def copy_count(self) -> int:
        return len(self.exam["copies"]) if self.exam else 0

    @property
    def exam_id(self) -> str | None:
        return str(self.exam["exam_id"]) if self.exam else None

    @property
    def question_count(self) -> int:
        return len(self.versions[0].items)

    @property
    def total_points(self) -> int:
        return self.versions[0].total_points


def key_path(output: Path) -> Path:
    """quiz.pdf → quiz-key.pdf, beside it."""
    return output.with_name(f"{output.stem}-key{output.suffix}")


def print_quiz(decks: Sequence[LoadedDeck], output: Path, options: PrintOptions) -> PrintResult:
    """Write the quiz to `output` (and with `options.key` its key beside it)."""
    if output.suffix.lower() != ".pdf":
        raise InputError(f"{display_path(output)}: the output must be a .pdf file")
    rendered = render(decks, options)
    written = [PrintedFile(output, "quiz", page_count(rendered.quiz))]
    documents = [(output, rendered.quiz)]
    if rendered.key is not None:
        target = key_path(output)
        written.append(PrintedFile(target, "key", page_count(rendered.key)))
        documents.append((target, rendered.key))
    for target, pdf in documents:
        write_bytes_atomic(target, pdf)
    if rendered.exam is not None:
        exam_target = sheets.exam_path(output)
        write_text_atomic(exam_target, sheets.exam_json(rendered.exam))
        written.append(PrintedFile(exam_target, "exam", len(rendered.exam["pages"])))
    return PrintResult(tuple(written), rendered.versions, rendered.warnings, rendered.exam)


def render(decks: Sequence[LoadedDeck], options: PrintOptions) -> RenderedQuiz:
    """Select and version the questions, then compile the quiz (and key) to PDF bytes."""
    template = _template(options.template)
    selection = sample_apart(
        decks,
        count=options.count,
        tags=options.tags,
        exclude_tags=options.exclude_tags,
        types=options.types,
        seed=options.seed,
    )
    versions = make_versions(
        selection, versions=options.versions, seed=options.seed, shuffle=options.shuffle
    )
    copies = _plan_copies(options, selection)
    images = _image_files(selection)
    epoch = source_date_epoch()
    documents = _documents(decks, options, versions, copies, images, epoch)
    compiled, missing = _compile_all(template, documents, options, images, epoch)
    exam: dict[str, Any] | None = None
    quiz_data = documents["quiz"]
    if quiz_data["sheet"]:
        exam = sheets.build_exam(
            exam=quiz_data["sheet"]["exam_id"], title=quiz_data["title"], selection=selection,
            versions=versions, copies=copies, data=quiz_data, queried=compiled["quiz"].queried,
        )
    warnings = _warnings(compiled, missing, versions, decks, options)
    key = compiled["key"].pdf if "key" in compiled else None
    return RenderedQuiz(versions, compiled["quiz"].pdf, key, tuple(warnings), exam)


_Images = dict[tuple[str, str], tuple[str, Path]]


def _documents(
    decks: Sequence[LoadedDeck], options: PrintOptions, versions: Sequence[QuizVersion],
    copies: Sequence[sheets.Copy], images: _Images, epoch: int | None,
) -> dict[Kind, dict[str, Any]]:
    """The data each template run receives: the quiz, and the key when asked for."""
    image_names = {key: f"/{name}" for key, (name, _) in images.items()}
    created = datetime.fromtimestamp(epoch, UTC) if epoch is not None else None
    kinds: list[Kind] = ["quiz", "key"] if options.key else ["quiz"]
    documents: dict[Kind, dict[str, Any]] = {}
    for kind in kinds:
        data = build_data(
            versions, decks, options.layout, kind, images=image_names, created=created,
            copies=[_copy_data(copy) for copy in copies] if copies and kind == "quiz" else None,
            seed=options.seed,
        )
        if kind == "quiz" and options.sheet:
            data["sheet"] = {"exam_id": sheets.exam_id(data, options.seed)}
        documents[kind] = data
    return documents


def _compile_all(
    template: tuple[str, str], documents: dict[Kind, dict[str, Any]], options: PrintOptions,
    images: _Images, epoch: int | None,
) -> tuple[dict[Kind, Compiled], list[str]]:
    """Every document compiled, and the characters no font prints."""
    source, template_name = template
    fonts = load_fonts(options.font_paths)
    image_copies = dict(images.values())
    every_text = [text for data in documents.values() for text in data_strings(data)]

    def compile_one(kind: Kind) -> Compiled:
        data = documents[kind]
        sheet = data["sheet"]
        return compile_pdf(
            source, data, fonts=fonts, files=image_copies, timestamp=epoch or 0,
            template_name=template_name,
            queries=(sheets.PAGE_LABEL, sheets.BOX_LABEL) if sheet else (),
            extras=partial(_qr_codes, sheet["exam_id"]) if sheet else None,
        )

    # Typst lets go of the interpreter while it typesets, so the quiz and its key
    # are laid out side by side on two cores; the glyph probe runs beside them.
    with ThreadPoolExecutor(max_workers=len(documents) + 1) as pool:
        futures = {kind: pool.submit(compile_one, kind) for kind in documents}
        probe = pool.submit(missing_characters, every_text, font_list(options.layout), fonts)
        compiled = {kind: future.result() for kind, future in futures.items()}
        return compiled, probe.result()


def _warnings(
    compiled: dict[Kind, Compiled], missing: list[str], versions: Sequence[QuizVersion],
    decks: Sequence[LoadedDeck], options: PrintOptions,
) -> list[str]:
    warnings: list[str] = []
    for result in compiled.values():
        warnings.extend(w for w in result.warnings if w not in warnings)
    if options.layout.word_bank:
        bank = build_word_bank(versions, decks, options.seed)
        if bank is not None and bank.distractors == 0:
            warnings.append(
                "the word bank holds only the cloze answers (the decks have no other words"
                " to mix in), so a one-gap cloze gives its answer away"
            )
    if missing:
        warnings.append(
            f"no available font has {describe_missing(missing)}: they print as empty boxes."
            " Add a font that has them with --font-path FILE_OR_FOLDER"
            " (for Korean, Chinese or Japanese, e.g. Noto Sans CJK)"
        )
    return warnings


def _plan_copies(
    options: PrintOptions, selection: Sequence[SelectedQuestion]
) -> list[sheets.Copy]:
    """The copies to print: per student, numbered, or (without either) one per version."""
    if not options.sheet and options.copies is None and options.class_list is None:
        return []
    if options.copies is not None and options.class_list is not None:
        raise InputError("choose either --copies or --class-list, not both")
    if options.sheet:
        sheets.check_points(selection)
    students = None if options.class_list is None else sheets.read_class_list(options.class_list)
    return sheets.plan_copies(options.versions, options.copies, students)


def _copy_data(copy: sheets.Copy) -> dict[str, Any]:
    student = None if copy.student is None else copy.student.as_data()
    return {"copy": copy.number, "version": copy.version, "student": student}


def _qr_codes(exam_id: str, queried: Queried) -> dict[str, bytes]:
    return sheets.qr_files(exam_id, queried.get(sheets.PAGE_LABEL, []))


_PAGE_TREE = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF: the root page tree's /Count when it is stored uncompressed, as
    Typst writes it (a full parse takes seconds on a 200-page quiz), else a full parse."""
    counts = [int(match[1]) for match in _PAGE_TREE.finditer(pdf)]
    if counts:
        return max(counts)
    return len(PdfReader(io.BytesIO(pdf)).pages)


def default_template() -> str:
    return files("quizgen.printing").joinpath("templates/quiz.typ").read_text("utf-8")


def _template(path: Path | None) -> tuple[str, str]:
    """The template's text and the name used in messages."""
    if path is None:
        return default_template(), "quiz.typ (built-in template)"
    shown = display_path(path)
    if path.suffix != ".typ":
        raise InputError(f"{shown}: a template must be a .typ file")
    raw = read_regular_file(path, limit=MAX_TEMPLATE_BYTES, what="template")
    return decode_utf8(raw, shown), shown


def _image_files(
    selection: Sequence[SelectedQuestion],
) -> dict[tuple[str, str], tuple[str, Path]]:
    """(deck id, question id) → (name inside the compile root, file to copy there).

    Names come from the content hash, so no deck text ever chooses a path the
    compiler reads.
    """
    found: dict[tuple[str, str], tuple[str, Path]] = {}
    for selected in selection:
        picture = read_picture(selected.loaded, selected.question)
        if picture is None:
            continue
        if picture.path.suffix.lower() not in IMAGE_SUFFIXES:
            where = f"{display_path(selected.loaded.path)}: question '{selected.question.id}'"
            allowed = ", ".join(IMAGE_SUFFIXES)
            raise InputError(f"{where}: image '{selected.question.image}' is not a picture "
                             f"Typst reads ({allowed})")
        found[selected.key] = (f"images/{picture.content_name}", picture.path)
    return found
