# SPDX-License-Identifier: MIT
"""Colours and shapes. Okabe-Ito colours, always paired with a shape or a label (colour-blind players),
dark ink on a light background (washed-out projectors lose dark backgrounds first)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from booster.engine.model import Pillar

# Shared with the printed deck; re-exported so that the UI finds all its colours and shapes here.
from booster.text.style import (  # noqa: F401
    BG,
    HATCH,
    HIGHLIGHT,
    INK,
    LINE,
    MUTED,
    NEGATIVE_BG,
    PANEL,
    PILLAR_FALLBACK,
    POLYGONS,
    POSITIVE_BG,
    PRIMARY,
    SHAPES,
    Colour,
    hex_colour,
    leaf_points,
    pillar_style,
    polygon_points,
    star_points,
)

# The palette is booster/text/style.py's (shared with the printed deck); these are the screen's own extras.
LETTERBOX = (60, 60, 60)
FOCUS = (0, 0, 0)
DONE = (225, 225, 225)
PATH = (90, 90, 90)  # the board's path between the spaces: heavy, but lighter than the ink of the spaces
TOAST = (255, 246, 222)  # the message strip: a light band, set apart from the white panels by its border

# Team tokens: name (i18n key under ui.colours) and colour. The first ones are the defaults, chosen apart
# from the usual pillar colours (green, orange, sky); those come last, for a facilitator who wants them.
TEAM_COLOURS: tuple[tuple[str, Colour], ...] = (
    ("blue", hex_colour("#0072B2")),
    ("vermillion", hex_colour("#D55E00")),
    ("purple", hex_colour("#CC79A7")),
    ("black", (30, 30, 30)),
    ("yellow", hex_colour("#F0E442")),
    ("white", (255, 255, 255)),
    ("grey", (140, 140, 140)),
    ("brown", hex_colour("#8C510A")),
    ("orange", hex_colour("#E69F00")),
    ("sky", hex_colour("#56B4E9")),
    ("green", hex_colour("#009E73")),
)
# Token shapes: none of them is a default pillar icon (leaf, coin, people).
TEAM_SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "pentagon")


def token_choices(pillars: Sequence[Pillar]) -> tuple[list[int], list[str]]:
    """The colours (indices) and shapes a team token may take with these pillars: first those no pillar
    uses, then the rest (a facilitator may still pick them; only the defaults avoid them)."""
    styles = [pillar_style(pillars, i) for i in range(len(pillars))]
    used_colours, used_shapes = {c for c, _s in styles}, {s for _c, s in styles}
    colours = sorted(range(len(TEAM_COLOURS)), key=lambda i: TEAM_COLOURS[i][1] in used_colours)
    shapes = [s for s in TEAM_SHAPES if s not in used_shapes]
    return colours, shapes


def default_tokens(pillars: Sequence[Pillar], n: int) -> list[tuple[int, str]]:
    """The first n teams' colours and shapes: every pair differs in both, and from every pillar icon."""
    colours, shapes = token_choices(pillars)
    return [(colours[i % len(colours)], shapes[i % len(shapes)]) for i in range(n)]


def team_token(tokens: object, team: int) -> tuple[int, str]:
    """Team `team`'s colour index and shape as the save records them (chosen at set-up); when it records
    none, a default (without the deck's pillars at hand)."""
    t = tokens[team] if isinstance(tokens, list) and team < len(tokens) else None
    if isinstance(t, list | tuple) and len(t) == 2 and isinstance(t[0], int) and isinstance(t[1], str):
        return t[0], t[1]
    return team % len(TEAM_COLOURS), TEAM_SHAPES[team % len(TEAM_SHAPES)]


def draw_shape(
    surface: pygame.Surface, shape: str, centre: tuple[float, float], r: float, colour: Colour, outline: Colour = INK
) -> None:
    """A filled shape of radius r (pixels) with a dark outline, so light colours still show their form."""
    cx, cy = centre
    w = max(1, round(r / 8))
    if shape == "square":
        rect = pygame.Rect(0, 0, r * 1.7, r * 1.7)
        rect.center = (round(cx), round(cy))
        pygame.draw.rect(surface, colour, rect)
        pygame.draw.rect(surface, outline, rect, w)
    elif shape in POLYGONS:
        pts = polygon_points(shape, cx, cy, r)
        pygame.draw.polygon(surface, colour, pts)
        pygame.draw.polygon(surface, outline, pts, w)
        if shape == "leaf":
            pygame.draw.line(surface, outline, (cx - r * 0.6, cy + r * 0.6), (cx + r * 0.6, cy - r * 0.6), w)
    elif shape == "coin":
        pygame.draw.circle(surface, colour, (cx, cy), r)
        pygame.draw.circle(surface, outline, (cx, cy), r, w)
        pygame.draw.circle(surface, outline, (cx, cy), r * 0.62, w)
    elif shape == "people":
        # Two figures (head and shoulders), the front one overlapping.
        for dx, scale in ((-0.38, 0.8), (0.28, 1.0)):
            hx = cx + dx * r
            head = r * 0.3 * scale
            body = pygame.Rect(0, 0, r * 1.0 * scale, r * 1.1 * scale)
            body.midtop = (round(hx), round(cy - r * 0.05))
            pygame.draw.ellipse(surface, colour, body)
            pygame.draw.ellipse(surface, outline, body, w)
            pygame.draw.circle(surface, colour, (hx, cy - r * 0.45), head)
            pygame.draw.circle(surface, outline, (hx, cy - r * 0.45), head, w)
    else:  # circle, and anything unknown
        pygame.draw.circle(surface, colour, (cx, cy), r)
        pygame.draw.circle(surface, outline, (cx, cy), r, w)
