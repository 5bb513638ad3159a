"""Grading scanned answer sheets: scans + quiz.exam.json → grades.csv (and annotated PDFs).

The steps live in small modules: `exam` reads the marking scheme, `scans` turns files
into page images, `qrcodes` and `locate` find which page a scan is and where it lies,
`marks` measures the boxes, `scoring` turns readings into answers, flags and scores,
`table` writes the CSV and `annotate` the PDFs returned to students.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_text_atomic
from ..errors import InputError, display_path
from .exam import Exam, load_exam
from .pages import PageRead, PageRejected, PageUnlocated, read_page
from .scans import read_scan, scan_kind
from .scoring import CopyResult, score_copies
from .table import grades_csv

__all__ = ["Grading", "grade_scans", "write_grades"]


@dataclass(frozen=True)
class Grading:
    exam: Exam
    scans: tuple[Path, ...]
    copies: tuple[CopyResult, ...]
    rejected: tuple[PageRejected, ...]
    unlocated: tuple[PageUnlocated, ...]
    pages: int
    """Scanned pages looked at, placed or not."""

    @property
    def flagged(self) -> int:
        return sum(1 for copy in self.copies if copy.scanned and copy.score is None)


def grade_scans(scans: Sequence[Path], exam_path: Path,
                on_page: Callable[[], None] | None = None) -> Grading:
    """Read every page of every scan and grade each copy of the exam.

    A scan file that cannot be read at all is an error (InputError naming it) and
    nothing is graded; a page that cannot be placed is reported in `rejected`.
    """
    exam = load_exam(exam_path)
    for path in scans:
        scan_kind(path)
    read: list[PageRead] = []
    unlocated: list[PageUnlocated] = []
    rejected: list[PageRejected] = []
    pages = 0
    for path in scans:
        for page in read_scan(path):
            pages += 1
            outcome = read_page(page, exam)
            match outcome:
                case PageRead():
                    read.append(outcome)
                case PageUnlocated():
                    unlocated.append(outcome)
                case PageRejected():
                    rejected.append(outcome)
            if on_page is not None:
                on_page()
    copies = score_copies(exam, read, unlocated)
    return Grading(exam, tuple(scans), tuple(copies), tuple(rejected), tuple(unlocated), pages)


def write_grades(grading: Grading, output: Path, annotate: Path | None = None) -> list[Path]:
    """Write grades.csv (and one annotated PDF per scanned copy); returns the files written."""
    inputs = [grading.exam.path, *grading.scans]
    if _same_file(output, inputs):
        raise InputError(f"{display_path(output)}: the output would overwrite an input file")
    written: list[Path] = []
    if annotate is not None:
        from .annotate import write_annotated

        written += write_annotated(grading.exam, grading.copies, annotate)
    write_text_atomic(output, grades_csv(grading.exam, grading.copies))
    written.append(output)
    return written


def _same_file(output: Path, inputs: list[Path]) -> bool:
    if not output.exists():
        return False
    return any(path.exists() and output.samefile(path) for path in inputs)
