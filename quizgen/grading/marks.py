"""How full each answer box is, and whether that is a mark, an empty box or unclear.

Each box is warped out of the scan on its own (a few hundred pixels, not the whole
page). Only the middle of the box is measured — an ellipse well inside the printed
outline, so square boxes and round bubbles read alike and the outline never counts.
A pixel is ink when it is darker than 60 % of the way from this scan's black (the corner
marks) to the paper around the box: a faint, erased mark stays above that line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import cv2
import numpy as np
import numpy.typing as npt

from .exam import Box
from .locate import PageFix
from .scans import Image

MarkState = Literal["marked", "empty", "unclear"]

MARKED_FILL = 0.15
"""Share of the box's middle in ink from which a box is marked (a thin tick covers ~0.2)."""
EMPTY_FILL = 0.04
"""Share of ink up to which a box is empty (specks, scanner noise, a trace of eraser)."""
INK_LINE = 0.6
"""A pixel is ink when darker than this share of the way from the marks' black to the paper.
Tuned on the benchmark's tuning seeds: at 0.5 thin ticks at 150 dpi fell partly above the
line (unclear); at 0.65 the darkest erasures began to show; 0.6 keeps both clear."""
MIN_CONTRAST = 60.0
"""Paper less than this many grey levels lighter than the marks: nothing can be read."""
PAD_PT = 3.0
MARGIN_PT = 2.0
"""How far inside the box's edge measuring starts: clear of the outline, blur and misfit."""
CORNER_ROUNDING = 1.25
MIN_PX_PER_PT, MAX_PX_PER_PT = 2.0, 4.0


@dataclass(frozen=True)
class BoxReading:
    box: Box
    state: MarkState
    fill: float
    """Share of the box's middle that is ink (0 to 1)."""


def read_boxes(image: Image, fix: PageFix, boxes: list[Box]) -> list[BoxReading]:
    return [read_box(image, fix, box) for box in boxes]


def read_box(image: Image, fix: PageFix, box: Box) -> BoxReading:
    scale = min(MAX_PX_PER_PT, max(MIN_PX_PER_PT, fix.px_per_pt))
    width = round((box.w + 2 * PAD_PT) * scale)
    height = round((box.h + 2 * PAD_PT) * scale)
    to_page = np.array([[1 / scale, 0, box.x - PAD_PT], [0, 1 / scale, box.y - PAD_PT],
                        [0, 0, 1]])
    patch = cv2.warpPerspective(image, fix.homography @ to_page, (width, height),
                                flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                borderMode=cv2.BORDER_REPLICATE)
    patch = cv2.GaussianBlur(patch, (0, 0), 0.3 * scale)
    paper = float(np.percentile(patch, 90))
    contrast = paper - fix.black
    if contrast < MIN_CONTRAST:
        return BoxReading(box, "unclear", 0.0)
    threshold = fix.black + INK_LINE * contrast
    inner = _middle(box.w, box.h, scale, width, height)
    fill = float(np.mean(patch[inner] < threshold))
    return BoxReading(box, classify(fill), fill)


def classify(fill: float) -> MarkState:
    if fill >= MARKED_FILL:
        return "marked"
    if fill <= EMPTY_FILL:
        return "empty"
    return "unclear"


@lru_cache(maxsize=256)
def _middle(box_w: float, box_h: float, scale: float, width: int, height: int
            ) -> npt.NDArray[np.bool_]:
    """The measured area: the box inset by MARGIN_PT, its corners rounded off.

    The inset clears a 1 pt outline (half of it inside the box), blur and a slight misfit;
    rounding the corners keeps a round bubble's outline out as well.
    """
    half_w, half_h = box_w / 2 - MARGIN_PT, box_h / 2 - MARGIN_PT
    if half_w <= 0.5 or half_h <= 0.5:
        half_w, half_h = max(0.5, box_w / 4), max(0.5, box_h / 4)
    columns = (np.arange(width) + 0.5) / scale - PAD_PT - box_w / 2
    rows = (np.arange(height) + 0.5) / scale - PAD_PT - box_h / 2
    x, y = np.abs(columns)[None, :], np.abs(rows)[:, None]
    inside_rect = (x <= half_w) & (y <= half_h)
    round_w, round_h = half_w * CORNER_ROUNDING, half_h * CORNER_ROUNDING
    inside_round = (x / round_w) ** 2 + (y / round_h) ** 2 <= 1
    return np.asarray(inside_rect & inside_round)
