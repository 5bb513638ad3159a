"""Scan files to grey page images: PDFs rasterised with pypdfium2, images read by OpenCV.

The kind of file is told by its first bytes, not its name, so `scan.jpg` that is
really a PNG still works and a text file named `.pdf` fails with a clear message.
Pages are produced one at a time so a pile of hundreds never sits in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
import numpy.typing as npt

from ..errors import InputError, display_path
from ..limits import MAX_SCAN_BYTES
from ..pdfs import opened_pdf
from ..reading import opened_regular_file, read_regular_file

Image = npt.NDArray[np.uint8]
ScanKind = Literal["pdf", "image", "tiff"]

PDF_DPI = 200
"""Resolution PDF scans are rasterised at: 10 pt boxes become 28 px, plenty to measure."""
MAX_PIXELS = 20_000 * 20_000


@dataclass(frozen=True)
class ScanRef:
    """Where a page came from, so it can be named in messages and read again."""

    source: Path
    index: int
    """1-based page within the file (always 1 for a single image)."""
    count: int

    @property
    def label(self) -> str:
        shown = display_path(self.source)
        return f"{shown} page {self.index}" if self.count > 1 else shown


@dataclass(frozen=True)
class ScanPage:
    """One page of one scan file, as a grey (or colour) image."""

    ref: ScanRef
    image: Image


def scan_kind(path: Path) -> ScanKind:
    """PDF, TIFF or another image, by the file's magic bytes; anything else is refused."""
    with opened_regular_file(path, limit=MAX_SCAN_BYTES, what="scan") as descriptor:
        head = os.read(descriptor, 8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    raise InputError(f"{display_path(path)}: not a PDF, PNG, JPEG or TIFF file")


def read_scan(path: Path, *, colour: bool = False) -> Iterator[ScanPage]:
    """Every page of one scan file; `colour` keeps BGR (for annotating), else grey."""
    kind = scan_kind(path)
    if kind == "pdf":
        yield from _pdf_pages(path, colour)
    else:
        yield from _image_pages(path, kind, colour)


def scan_page(path: Path, index: int, *, colour: bool = False) -> ScanPage:
    """Page `index` of a scan file again (annotating re-reads instead of holding all pages)."""
    pages = _pdf_pages(path, colour, only=index) if scan_kind(path) == "pdf" else (
        page for page in read_scan(path, colour=colour) if page.ref.index == index)
    for page in pages:
        return page
    raise InputError(f"{display_path(path)}: has no page {index}")


def _pdf_pages(path: Path, colour: bool, only: int | None = None) -> Iterator[ScanPage]:
    import pypdfium2 as pdfium

    shown = display_path(path)
    with opened_pdf(path, shown) as document:
        count = len(document)
        if count == 0:
            raise InputError(f"{shown}: the PDF has no pages")
        wanted = range(count) if only is None else [only - 1] if 0 < only <= count else []
        for index in wanted:
            page = document[index]
            try:
                width, height = page.get_size()
                scale = PDF_DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / (width * height)) ** 0.5
                bitmap = page.render(scale=scale, grayscale=not colour)
                array = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
            except pdfium.PdfiumError as error:
                raise InputError(f"{shown} page {index + 1}: cannot render: {error}") from None
            finally:
                page.close()
            image = _to_colour(array) if colour else _to_grey(array)
            yield ScanPage(ScanRef(path, index + 1, count), image)


def _image_pages(path: Path, kind: ScanKind, colour: bool) -> Iterator[ScanPage]:
    shown = display_path(path)
    data = np.frombuffer(read_regular_file(path, limit=MAX_SCAN_BYTES, what="scan"),
                         dtype=np.uint8)
    flag = cv2.IMREAD_COLOR if colour else cv2.IMREAD_GRAYSCALE
    images: list[Image] = []
    try:
        if kind == "tiff":
            ok, decoded = cv2.imdecodemulti(data, flag)
            images = [np.asarray(image, dtype=np.uint8) for image in decoded] if ok else []
        else:
            single = cv2.imdecode(data, flag)
            images = [np.asarray(single, dtype=np.uint8)] if single is not None else []
    except cv2.error:
        images = []
    if not images or any(image.size == 0 for image in images):
        raise InputError(f"{shown}: cannot decode the image (damaged or unsupported)")
    for index, image in enumerate(images, start=1):
        yield ScanPage(ScanRef(path, index, len(images)), image)


def _to_grey(array: npt.NDArray[np.uint8]) -> Image:
    if array.ndim == 3 and array.shape[2] == 1:
        return np.ascontiguousarray(array[:, :, 0])
    if array.ndim == 3:
        return np.asarray(cv2.cvtColor(array[:, :, :3], cv2.COLOR_BGR2GRAY), dtype=np.uint8)
    return array


def _to_colour(array: npt.NDArray[np.uint8]) -> Image:
    if array.ndim == 2:
        return np.asarray(cv2.cvtColor(array, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
    return np.ascontiguousarray(array[:, :, :3])
