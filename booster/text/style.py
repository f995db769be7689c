# SPDX-License-Identifier: MIT
"""What screen and paper draw alike: the colour-blind-safe palette, pillar colours and shapes, and the
geometry of the shapes that are not plain circles or squares. Pure data and arithmetic, no pygame, no PDF."""

from __future__ import annotations

import math
from collections.abc import Sequence

from booster.engine.model import Pillar

Colour = tuple[int, int, int]

# The palette: screen and paper alike (the screen's theme and the printed deck read these names). Dark ink
# on light paper: washed-out projectors lose dark backgrounds first.
BG: Colour = (246, 242, 232)  # warm paper, behind everything on screen
PANEL: Colour = (255, 255, 255)  # cards and panels; the paper of the printed deck
INK: Colour = (20, 20, 20)
MUTED: Colour = (70, 70, 70)  # secondary text, still at least 7:1 on BG
LINE: Colour = (120, 120, 120)  # borders on screen
LINE_PRINT: Colour = (150, 150, 150)  # thin rules on paper
PRIMARY: Colour = (255, 226, 160)  # light amber: challenges, experiences, scenarios; the main button
HIGHLIGHT: Colour = (214, 236, 250)  # light sky: tools, and "this helps" with a star and a label
POSITIVE_BG: Colour = (205, 238, 225)  # a gain (with an up arrow and a + sign)
NEGATIVE_BG: Colour = (250, 220, 205)  # a loss (with a down arrow, a – sign and stripes)
HATCH: Colour = (222, 178, 160)  # the stripes over a loss: visible in grey, light enough for dark text

SHAPES = ("circle", "square", "triangle", "diamond", "star", "leaf", "coin", "people")
# Okabe-Ito colours, each with its own shape, for pillars whose deck gives no hints.
PILLAR_FALLBACK = (
    ("#009E73", "leaf"),
    ("#E69F00", "coin"),
    ("#56B4E9", "people"),
    ("#0072B2", "circle"),
    ("#D55E00", "triangle"),
    ("#CC79A7", "diamond"),
)


def hex_colour(value: str | None, default: Colour = (0, 0, 0)) -> Colour:
    if not value or not value.startswith("#") or len(value) != 7:
        return default
    try:
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    except ValueError:
        return default


def pillar_style(pillars: Sequence[Pillar], index: int) -> tuple[Colour, str]:
    """Colour and shape of pillar `index`, from the deck's hints or a fallback that differs per pillar."""
    p = pillars[index]
    fb_colour, fb_shape = PILLAR_FALLBACK[index % len(PILLAR_FALLBACK)]
    shape = p.shape if p.shape in SHAPES else fb_shape
    return hex_colour(p.colour, hex_colour(fb_colour)), shape


def star_points(cx: float, cy: float, r: float, points: int = 5) -> list[tuple[float, float]]:
    out = []
    for i in range(points * 2):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / points
        out.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return out


def leaf_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """Two arcs meeting at a point, tilted 45°: reads as a leaf even in grey."""
    pts = []
    for i in range(13):
        t = math.pi * i / 12
        pts.append((math.cos(t) * r, -math.sin(t) * r * 0.55))
    for i in range(13):
        t = math.pi * i / 12
        pts.append((-math.cos(t) * r, math.sin(t) * r * 0.55))
    c, s = math.cos(-math.pi / 4), math.sin(-math.pi / 4)
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts]


POLYGONS = ("triangle", "diamond", "star", "leaf", "hexagon", "pentagon", "cross")
# Shapes only team tokens use (pillar icons never do), so that a token never looks like a pillar.
TOKEN_ONLY_SHAPES = ("hexagon", "pentagon", "cross")


def regular_points(cx: float, cy: float, r: float, sides: int, turn: float = 0.0) -> list[tuple[float, float]]:
    a0 = -math.pi / 2 + turn
    return [
        (cx + r * math.cos(a0 + 2 * math.pi * i / sides), cy + r * math.sin(a0 + 2 * math.pi * i / sides))
        for i in range(sides)
    ]


def cross_points(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """A plus sign with arms a third of its width: reads as a cross, never as a pillar icon."""
    a, b = r * 0.32, r * 0.9
    pts = [(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a), (-b, -a), (-a, -a)]
    return [(cx + x, cy + y) for x, y in pts]


def polygon_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """The outline of a shape drawn as a polygon (one of POLYGONS), centred on (cx, cy), of radius r."""
    if shape == "triangle":
        return [(cx, cy - r), (cx + r * 0.95, cy + r * 0.75), (cx - r * 0.95, cy + r * 0.75)]
    if shape == "diamond":
        return [(cx, cy - r), (cx + r * 0.8, cy), (cx, cy + r), (cx - r * 0.8, cy)]
    if shape == "star":
        return star_points(cx, cy, r * 1.05)
    if shape == "hexagon":
        return regular_points(cx, cy, r, 6, math.pi / 6)
    if shape == "pentagon":
        return regular_points(cx, cy, r * 1.02, 5)
    if shape == "cross":
        return cross_points(cx, cy, r)
    return leaf_points(cx, cy, r)
