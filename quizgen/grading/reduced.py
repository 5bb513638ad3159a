"""A smaller copy of a scan for the searches (QR code, corner marks), made once per page.

Searching needs about 2 to 4 pixels per point; a 300 or 600 dpi scan has far more. The
copy is made by exact halvings (fast, and each reduced pixel is the mean of a block),
so positions map back exactly: full index = (reduced index + 0.5) / factor - 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from .scans import Image

SEARCH_MAX_PX_PER_PT = 4.0
"""The QR code is searched below this: a 2 pt module is 4 to 8 px."""
MARKS_MAX_PX_PER_PT = 2.5
"""Corner marks are searched below this: a 14 pt mark is 17 to 35 px, and fewer pixels
make the blob search quick; their centres are then refined on the full scan."""


@dataclass(frozen=True)
class Reduced:
    image: Image
    factor: float
    """Reduced pixels per full-resolution pixel (1, 1/2, 1/4, …)."""

    def to_full(self, points: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return (points + 0.5) / self.factor - 0.5

    def halved_below(self, px_per_pt: float, below: float) -> Reduced:
        """This copy halved until it has fewer than `below` pixels per point of the page
        (`px_per_pt` is the full scan's)."""
        factor, image = self.factor, self.image
        while px_per_pt * factor >= below:
            image = np.asarray(cv2.resize(image, None, fx=0.5, fy=0.5,
                                          interpolation=cv2.INTER_AREA), dtype=np.uint8)
            factor /= 2
        return Reduced(image, factor)


def reduce_for_search(image: Image, px_per_pt: float,
                      below: float = SEARCH_MAX_PX_PER_PT) -> Reduced:
    """`image` halved until it has fewer than `below` pixels per point."""
    return Reduced(image, 1.0).halved_below(px_per_pt, below)
