"""A PDF of JPEG pages, written directly: one image per page, nothing else.

The PDF libraries we have either stamp the time into every file (pypdfium2) or
need private calls to embed a JPEG (pypdf); a page that is just an image is a
few dozen bytes of PDF syntax, and writing it here keeps output byte-identical
for the same input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class JpegPage:
    jpeg: bytes
    pixel_width: int
    pixel_height: int
    width_pt: float
    height_pt: float
    colour: bool = True


def jpeg_pdf(pages: Sequence[JpegPage]) -> bytes:
    """The bytes of a PDF 1.4 file showing each JPEG as a full page."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    tree = add(b"")
    kids: list[int] = []
    for page in pages:
        space = b"/DeviceRGB" if page.colour else b"/DeviceGray"
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
                    % (page.pixel_width, page.pixel_height, space, len(page.jpeg), page.jpeg))
        width, height = _number(page.width_pt), _number(page.height_pt)
        drawing = b"q %s 0 0 %s 0 0 cm /Scan Do Q" % (width, height)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(drawing), drawing))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] "
                        b"/Resources << /XObject << /Scan %d 0 R >> >> /Contents %d 0 R >>"
                        % (tree, width, height, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, start)
    return bytes(out)


def _number(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".")
