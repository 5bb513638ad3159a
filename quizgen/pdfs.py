"""Opening a PDF with pypdfium2, for the two readers of PDFs: articles and scanned sheets.

pypdfium2 is imported only when a PDF is opened, so commands that never read one start fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument


@contextmanager
def opened_pdf(source: Path | bytes, shown: str) -> Iterator[PdfDocument]:
    """The open document, closed afterwards; a file that is no PDF is an InputError naming it."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(source)
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{shown}: not a readable PDF ({error})") from None
    try:
        yield document
    finally:
        document.close()
