"""A PDF's bytes → its text layer as paragraphs, and its title, author and date."""

from __future__ import annotations

from ..errors import InputError
from ..pdfs import opened_pdf
from .documents import Document
from .pdftext import pdf_metadata, pdf_text


def read_pdf(data: bytes, name: str, url: str | None) -> Document:
    with opened_pdf(data, name) as document:
        text = pdf_text(document)
        meta = pdf_metadata(document)
    if not text.strip():
        raise InputError(f"{name}: this PDF has no text layer (a scan?); "
                         "run it through OCR first")
    return Document(text=text, kind="pdf", name=name, title=meta.get("title"),
                    author=meta.get("author"), date=meta.get("date"), url=url)
