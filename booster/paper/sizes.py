# SPDX-License-Identifier: MIT
"""Sizes and colours of the printed deck, in millimetres and points.

The element order mirrors `booster/ui/carddraw.py` (kind band in light amber, sky for tools; title; then the
kind's body; numbers in dark discs; muted notes), and the colours are the palette of `booster/text/style.py`,
which the screen uses too: a card on paper reads like the card on screen.
"""

from __future__ import annotations

from booster.text import style
from booster.text.style import (  # noqa: F401  (shared with the screen)
    HIGHLIGHT,
    INK,
    MUTED,
    NEGATIVE_BG,
    POSITIVE_BG,
    PRIMARY,
    SHAPES,
    Colour,
    hex_colour,
)

# Paper and card grid.
PAPERS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
CARD_W, CARD_H = 63.0, 88.0  # poker cards
COLS, ROWS = 3, 3
MARK_GAP = 1.5  # crop marks stop this far from the cards, so a slightly off cut shows no line
MARK_WIDTH = 0.2

# Card face, relative to the card's top-left corner (screen: a 1200-unit card, band 72, padding 40).
FRAME_INSET = 1.6  # a thin frame inside the cut line: a guide for scissors, harmless if cut off
RADIUS = 2.5
BAND_H = 7.5
PAD = 3.6  # text padding inside the frame
FOOTER_H = 3.2
GAP = 1.3  # between sections

# Type sizes in points at full size; every section shrinks together when a card's text does not fit.
BAND_PT = 6.8
TITLE_PT = 10.5
BODY_PT = 7.6
SMALL_PT = 6.2
FOOTER_PT = 4.6
LINE = 1.22  # line height, as a multiple of the type size
# The body-text floor: no card's text is printed smaller than this share of its type sizes (body text
# 7.6 pt × 0.75 = 5.7 pt, what a player still reads at arm's length). A card whose text does not fit at the
# floor continues on its back (or, printed without backs, on a second card after it).
FLOOR_SCALE = 0.75
MIN_SCALE = 0.55  # smaller than this is unreadable on paper: the text is clipped and a warning printed

# Colours: the one palette (booster/text/style.py).
LINE_GREY: Colour = style.LINE_PRINT
PAPER: Colour = style.PANEL
PT = 25.4 / 72  # millimetres per point


def band_colour(kind: str) -> Colour:
    return HIGHLIGHT if kind == "tool" else PRIMARY


def grid_origin(paper: str) -> tuple[float, float]:
    """Top-left corner of the 3x3 card block, centred on the page (so fronts and backs line up)."""
    pw, ph = PAPERS[paper]
    return (pw - COLS * CARD_W) / 2, (ph - ROWS * CARD_H) / 2
