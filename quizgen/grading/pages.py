"""One scanned page → which exam page it is, where it lies, and what each box holds.

A page is read only when both its QR code (which page) and its four corner marks
(where) agree; otherwise it is reported as unlocated or rejected, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .exam import Exam, ExamPage, Rect
from .locate import Homography, PageFix, fit_page, project, scan_scale
from .marks import BoxReading, read_boxes
from .qrcodes import QrReading, parse_address, read_code_in, read_codes
from .reduced import Reduced, reduce_for_search
from .scans import Image, ScanPage, ScanRef


@dataclass(frozen=True)
class _Scanned:
    """Every outcome names its scan: the report says which file and page it was."""

    scan: ScanRef


@dataclass(frozen=True)
class _Identified(_Scanned):
    """The QR code said which exam page this scan is."""

    page: ExamPage


@dataclass(frozen=True)
class PageRead(_Identified):
    fix: PageFix
    boxes: tuple[BoxReading, ...]


@dataclass(frozen=True)
class PageUnlocated(_Identified):
    """The QR code says which page this is, but the corner marks cannot be found."""


@dataclass(frozen=True)
class PageRejected(_Scanned):
    """A scan that is no page of this exam, or whose QR code cannot be read."""

    reason: str


PageOutcome = PageRead | PageUnlocated | PageRejected


def read_page(scan: ScanPage, exam: Exam) -> PageOutcome:
    ref = scan.ref
    image = scan.image
    reduced = reduce_for_search(image, scan_scale(image, exam.paper))
    codes = read_codes(image, reduced)
    for code in codes:
        page = exam.pages_by_qr.get(code.text)
        if page is not None:
            fix = fit_page(image, reduced, exam.paper, page.marks, _QrAt(code, page.qr_box))
            if fix is None:
                return PageUnlocated(ref, page)
            return PageRead(ref, page, fix, tuple(read_boxes(image, fix, exam.boxes_on(page))))
    for code in codes:
        rejection = _foreign(code.text, exam)
        if rejection:
            return PageRejected(ref, rejection)
    return _read_without_code(scan, reduced, exam)


def _read_without_code(scan: ScanPage, reduced: Reduced, exam: Exam) -> PageOutcome:
    """The code was not found on the whole page: locate by the marks, then read it upright."""
    ref = scan.ref
    layouts = list(dict.fromkeys((page.marks, page.qr_box) for page in exam.pages.values()))
    for marks, qr_box in layouts:
        reader = _QrInBox(scan.image, qr_box)
        fix = fit_page(scan.image, reduced, exam.paper, marks, reader)
        if fix is None or reader.text is None:
            continue
        page = exam.pages_by_qr.get(reader.text)
        if page is None:
            return PageRejected(ref, _foreign(reader.text, exam) or "unknown QR code")
        if (page.marks, page.qr_box) != (marks, qr_box):
            fix = fit_page(scan.image, reduced, exam.paper, page.marks,
                           _QrInBox(scan.image, page.qr_box))
            if fix is None:
                return PageUnlocated(ref, page)
        return PageRead(ref, page, fix, tuple(read_boxes(scan.image, fix, exam.boxes_on(page))))
    return PageRejected(ref, "QR code unreadable (or corner marks not found); the page was "
                             "not graded")


def _foreign(text: str, exam: Exam) -> str | None:
    address = parse_address(text)
    if address is None:
        return None
    if address.exam_id != exam.exam_id:
        return f"a page of another exam ({address.exam_id}), not {exam.exam_id}"
    return (f"copy {address.copy_number} page {address.page_in_copy} is not in "
            f"{exam.path.name}")


@dataclass
class _QrAt:
    """Upright test: the fitted page puts its QR box where the code was found."""

    code: QrReading
    qr_box: Rect

    def __call__(self, homography: Homography) -> bool:
        centre = project(homography, np.array([self.qr_box.centre]))[0]
        corner = project(homography, np.array([[self.qr_box.x, self.qr_box.y]]))[0]
        tolerance = 0.5 * float(np.linalg.norm(centre - corner))
        return float(np.linalg.norm(centre - np.array(self.code.centre))) <= tolerance


@dataclass
class _QrInBox:
    """Upright test: an upright code can be read in the QR box of the fitted page."""

    image: Image
    qr_box: Rect
    text: str | None = field(default=None)

    def __call__(self, homography: Homography) -> bool:
        self.text = read_code_in(self.image, homography, self.qr_box)
        return self.text is not None
