"""Reading the page QR code with zxing-cpp: which exam, copy and page a scan shows.

The code is read twice if needed: first on the whole page (fast, finds it in any
rotation), then, once the corner marks have located the page, from a crop warped
upright at a comfortable resolution — which also rescues a smudged or low-dpi code.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

from .exam import QR_PREFIX, Rect
from .reduced import Reduced
from .scans import Image

Homography = npt.NDArray[np.float64]

CROP_PX_PER_PT = 5.0
CROP_MARGIN_PT = 10.0
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


@dataclass(frozen=True)
class QrReading:
    text: str
    centre: tuple[float, float]
    """Centre of the code in the scan image, in pixels."""


@dataclass(frozen=True)
class QrAddress:
    """What a quizgen page code says: `quizgen:1:<exam_id>:<copy>:<page_in_copy>`."""

    exam_id: str
    copy_number: int
    page_in_copy: int


def read_codes(image: Image, reduced: Reduced) -> list[QrReading]:
    """Every QR code zxing finds on the page (positions in full-resolution pixels).

    The reduced copy is searched first (2 to 4 px per point: 4+ px modules), the full
    scan only if that finds nothing.
    """
    readings = _decode(reduced.image, reduced)
    if not readings and reduced.factor < 1:
        readings = _decode(image, Reduced(image, 1.0))
    return readings


def read_code_in(image: Image, homography: Homography, box: Rect) -> str | None:
    """The text of an upright code inside `box` (page points), or None.

    Only an upright reading counts: it confirms which way up the page lies.
    """
    scale = CROP_PX_PER_PT
    left, top = box.x - CROP_MARGIN_PT, box.y - CROP_MARGIN_PT
    width = round((box.w + 2 * CROP_MARGIN_PT) * scale)
    height = round((box.h + 2 * CROP_MARGIN_PT) * scale)
    to_page = np.array([[1 / scale, 0, left], [0, 1 / scale, top], [0, 0, 1]])
    crop = cv2.warpPerspective(image, homography @ to_page, (width, height),
                               flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_CONSTANT, borderValue=255)
    for barcode in zxingcpp.read_barcodes(np.asarray(crop, dtype=np.uint8),
                                          formats=QR_ONLY):
        if barcode.valid and barcode.text.startswith(QR_PREFIX) and abs(barcode.orientation) < 20:
            return barcode.text
    return None


def parse_address(text: str) -> QrAddress | None:
    """Split a quizgen page code; None for any other text."""
    if not text.startswith(QR_PREFIX):
        return None
    parts = text[len(QR_PREFIX):].rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
        return None
    return QrAddress(parts[0], int(parts[1]), int(parts[2]))


def _decode(image: Image, frame: Reduced) -> list[QrReading]:
    readings: list[QrReading] = []
    for barcode in zxingcpp.read_barcodes(image, formats=QR_ONLY):
        if not barcode.valid:
            continue
        corners = barcode.position
        points = np.array([[corner.x, corner.y] for corner in (
            corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left)],
            dtype=np.float64)
        centre = frame.to_full(points.mean(axis=0))
        readings.append(QrReading(barcode.text, (float(centre[0]), float(centre[1]))))
    return readings
