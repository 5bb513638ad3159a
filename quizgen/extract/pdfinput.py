"""A PDF's bytes → its text layer as paragraphs, and its title, author and date."""

from __future__ import annotations

import pypdfium2

from ..errors import InputError
from .documents import Document
from .pdftext import pdf_metadata, pdf_text


def read_pdf(data: bytes, name: str, url: str | None) -> Document:
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise InputError(f"{name}: not a readable PDF ({error})") from None
    try:
        text = pdf_text(document)
        meta = pdf_metadata(document)
    finally:
        document.close()
    if not text.strip():
        raise InputError(f"{name}: this PDF has no text layer (a scan?); "
                         "run it through OCR first")
    return Document(text=text, kind="pdf", name=name, title=meta.get("title"),
                    author=meta.get("author"), date=meta.get("date"), url=url)
