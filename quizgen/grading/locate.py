"""Finding the four corner marks and fitting the page: scan pixels ↔ PDF points.

The marks are the only solid squares of their size near the paper's corners, so
they are found as blobs on a small copy of the scan and chosen as the four that
form a rectangle of the printed proportions. Which corner is which (the page may
be upside down or sideways) is settled by the QR code, found where it is printed.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from .exam import Paper, Rect
from .reduced import MARKS_MAX_PX_PER_PT, Reduced
from .scans import Image

Homography = npt.NDArray[np.float64]
Points = npt.NDArray[np.float64]

CANDIDATES_PER_CORNER = 3
ASPECT_TOLERANCE = 0.04
ANGLE_TOLERANCE_DEG = 4.0
SIZE_TOLERANCE = 0.3


@dataclass(frozen=True)
class PageFix:
    """Where the page lies in the scan."""

    homography: Homography
    """Maps page points (x, y from the top-left, y down) to scan pixels."""
    px_per_pt: float
    black: float
    """Grey level of the printed marks: the darkest ink this scan shows."""


def scan_scale(image: Image, paper: Paper) -> float:
    """Pixels per point, assuming the scan shows the sheet (a scanner's whole glass or page)."""
    return float(max(image.shape[:2]) / max(paper.width, paper.height))


def fit_page(image: Image, reduced: Reduced, paper: Paper, marks: tuple[Rect, Rect, Rect, Rect],
             upright: Callable[[Homography], bool]) -> PageFix | None:
    """The page's homography, or None if the four marks are not all found.

    Marks are searched on a copy reduced further, then centred on the full image.
    `upright(h)` says whether a candidate fit puts the page right way up (it checks
    the QR code); each way the found rectangle can be turned is offered in turn.
    """
    scale = scan_scale(image, paper)
    side = sum(mark.w + mark.h for mark in marks) / 8
    searched = reduced.halved_below(scale, MARKS_MAX_PX_PER_PT)
    candidates = _find_squares(searched.image, side * scale * searched.factor)
    quad = _best_rectangle(candidates, marks, scale * searched.factor)
    if quad is None:
        return None
    page_points = np.array([mark.centre for mark in marks], dtype=np.float64)
    quad = np.array([_refined(image, point, side * scale) for point in searched.to_full(quad)])
    for turn in range(4):
        turned = np.roll(quad, -turn, axis=0)
        if not _proportions_match(turned, page_points):
            continue
        homography = cv2.getPerspectiveTransform(
            page_points.astype(np.float32), turned.astype(np.float32)).astype(np.float64)
        if upright(homography):
            return PageFix(homography, _px_per_pt(homography, page_points),
                           _black_level(image, homography, marks))
    return None


def _refined(image: Image, centre: npt.NDArray[np.float64], side_px: float
             ) -> npt.NDArray[np.float64]:
    """The mark's centre to a fraction of a pixel: the darkness-weighted centroid around it.

    The window stays inside the mark's printed clear zone, so only the mark weighs in.
    """
    half = max(2, round(0.95 * side_px))
    x, y = round(float(centre[0])), round(float(centre[1]))
    top, left = max(0, y - half), max(0, x - half)
    window = image[top:y + half + 1, left:x + half + 1].astype(np.float32)
    if window.size == 0:
        return centre
    dark, light = np.percentile(window, (2, 98))
    if light - dark < 30:
        return centre
    weight = np.clip((light - window) / (light - dark) - 0.2, 0, 0.6)
    total = float(weight.sum())
    if total <= 0:
        return centre
    rows, columns = np.indices(window.shape)
    return np.array([left + float((weight * columns).sum()) / total,
                     top + float((weight * rows).sum()) / total])


def _find_squares(small: Image, side_px: float) -> Points:
    """Centres of solid, square-ish dark blobs about `side_px` wide."""
    _, binary = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    _, labels, stats, centroids = cv2.connectedComponentsWithStatsWithAlgorithm(
        binary, 8, cv2.CV_32S, cv2.CCL_BBDT)  # the fastest labelling on one thread
    low, high = side_px * (1 - SIZE_TOLERANCE), side_px * (1 + SIZE_TOLERANCE) * 1.12
    widths, heights = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    areas = stats[:, cv2.CC_STAT_AREA]
    plausible = ((widths >= low) & (widths <= high) & (heights >= low) & (heights <= high)
                 & (areas >= 0.5 * side_px * side_px) & (areas >= 0.7 * widths * heights))
    plausible[0] = False  # the background
    found: list[tuple[float, float]] = []
    for label in np.flatnonzero(plausible):
        left, top, width, height, area = (int(value) for value in stats[label])
        blob = (labels[top:top + height, left:left + width] == label).astype(np.uint8)
        contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        (_, _), (rect_w, rect_h), _ = cv2.minAreaRect(max(contours, key=cv2.contourArea))
        if rect_w * rect_h <= 0 or area / (rect_w * rect_h) < 0.85:
            continue
        found.append((float(centroids[label][0]), float(centroids[label][1])))
    return np.array(found, dtype=np.float64).reshape(-1, 2)


def _best_rectangle(points: Points, marks: tuple[Rect, ...], px_per_pt: float
                    ) -> Points | None:
    """Four candidates forming a rectangle of the marks' proportions, clockwise, or None.

    The marks sit in the paper's corners, so each is among the few candidates nearest to
    one corner of the scan; only those combinations are tried.
    """
    if len(points) < 4:
        return None
    height, width = points[:, 1].max(), points[:, 0].max()
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]])
    distances = np.linalg.norm(points[:, None, :] - corners[None], axis=2)
    nearest = [np.argsort(distances[:, corner])[:CANDIDATES_PER_CORNER] for corner in range(4)]
    page = np.array([mark.centre for mark in marks], dtype=np.float64)
    expected_w = float(np.linalg.norm(page[1] - page[0])) * px_per_pt
    expected_h = float(np.linalg.norm(page[3] - page[0])) * px_per_pt
    best: tuple[float, Points] | None = None
    for chosen in itertools.product(*nearest):
        if len(set(chosen)) < 4:
            continue
        quad = _clockwise(points[list(chosen)])
        error = _rectangle_error(quad, expected_w, expected_h)
        if error is not None and (best is None or error < best[0]):
            best = (error, quad)
    return None if best is None else best[1]


def _clockwise(quad: Points) -> Points:
    centre = quad.mean(axis=0)
    angles = np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0])
    return quad[np.argsort(angles)]


def _rectangle_error(quad: Points, width: float, height: float) -> float | None:
    """How far `quad` is from a width-by-height rectangle (either way round); None if too far."""
    sides = [float(np.linalg.norm(quad[(i + 1) % 4] - quad[i])) for i in range(4)]
    for angle_index in range(4):
        a = quad[(angle_index + 1) % 4] - quad[angle_index]
        b = quad[(angle_index + 3) % 4] - quad[angle_index]
        cosine = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-9))
        if abs(90 - math.degrees(math.acos(max(-1.0, min(1.0, cosine))))) > ANGLE_TOLERANCE_DEG:
            return None
    one_pair = (sides[0] + sides[2]) / 2
    other_pair = (sides[1] + sides[3]) / 2
    best: float | None = None
    for w_side, h_side in ((one_pair, other_pair), (other_pair, one_pair)):
        ratio_error = abs((w_side / h_side) / (width / height) - 1)
        size_error = abs(w_side / width - 1)
        if ratio_error <= ASPECT_TOLERANCE and size_error <= SIZE_TOLERANCE:
            error = ratio_error + size_error
            best = error if best is None else min(best, error)
    return best


def _proportions_match(quad: Points, page_points: Points) -> bool:
    width = float(np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[2] - quad[3])) / 2
    height = float(np.linalg.norm(quad[3] - quad[0]) + np.linalg.norm(quad[2] - quad[1])) / 2
    expected = float(np.linalg.norm(page_points[1] - page_points[0])
                     / np.linalg.norm(page_points[3] - page_points[0]))
    return abs((width / height) / expected - 1) <= ASPECT_TOLERANCE


def _px_per_pt(homography: Homography, page_points: Points) -> float:
    mapped = project(homography, page_points)
    return float(np.linalg.norm(mapped[1] - mapped[0]) / np.linalg.norm(page_points[1]
                                                                          - page_points[0]))


def _black_level(image: Image, homography: Homography, marks: tuple[Rect, ...]) -> float:
    """Median grey of the marks' middles: the ink level this scanner gives solid black."""
    levels: list[float] = []
    for mark in marks:
        inner = np.array([[mark.x + mark.w * f, mark.y + mark.h * g]
                          for f in (0.3, 0.5, 0.7) for g in (0.3, 0.5, 0.7)])
        for x, y in project(homography, inner):
            row, column = round(y), round(x)
            if 0 <= row < image.shape[0] and 0 <= column < image.shape[1]:
                levels.append(float(image[row, column]))
    return float(np.median(levels)) if levels else 0.0


def project(homography: Homography, points: Points) -> Points:
    """Page points to scan pixels."""
    mapped = cv2.perspectiveTransform(points.reshape(-1, 1, 2).astype(np.float64), homography)
    return np.asarray(mapped, dtype=np.float64).reshape(-1, 2)
