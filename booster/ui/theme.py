# SPDX-License-Identifier: MIT
"""Colours and shapes. Okabe-Ito colours, always paired with a shape or a label (colour-blind players),
dark ink on a light background (washed-out projectors lose dark backgrounds first)."""

from __future__ import annotations

import math

import pygame

Colour = tuple[int, int, int]


def hex_colour(value: str | None, default: Colour = (0, 0, 0)) -> Colour:
    if not value or not value.startswith("#") or len(value) != 7:
        return default
    try:
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    except ValueError:
        return default


BG = (246, 242, 232)  # warm paper
LETTERBOX = (60, 60, 60)
PANEL = (255, 255, 255)
INK = (20, 20, 20)
MUTED = (70, 70, 70)  # still ≥ 7:1 on BG
LINE = (120, 120, 120)
FOCUS = (0, 0, 0)
PRIMARY = (255, 226, 160)  # light amber: dark text on it keeps high contrast
HIGHLIGHT = (214, 236, 250)  # light sky: marks "this helps" together with a star and a label
DONE = (225, 225, 225)
SHADE = (0, 0, 0, 150)
POSITIVE_BG = (205, 238, 225)
NEGATIVE_BG = (250, 220, 205)

# Team tokens: name (i18n key under ui.colours) and colour. Yellow is last: weakest on light paper.
TEAM_COLOURS: tuple[tuple[str, Colour], ...] = (
    ("orange", hex_colour("#E69F00")),
    ("sky", hex_colour("#56B4E9")),
    ("green", hex_colour("#009E73")),
    ("blue", hex_colour("#0072B2")),
    ("vermillion", hex_colour("#D55E00")),
    ("purple", hex_colour("#CC79A7")),
    ("black", (30, 30, 30)),
    ("yellow", hex_colour("#F0E442")),
)
SHAPES = ("circle", "square", "triangle", "diamond", "star", "leaf", "coin", "people")
TEAM_SHAPES = ("circle", "square", "triangle", "diamond", "star", "leaf", "coin", "people")
PILLAR_FALLBACK = (("#009E73", "leaf"), ("#E69F00", "coin"), ("#56B4E9", "people"),
                   ("#0072B2", "circle"), ("#D55E00", "triangle"), ("#CC79A7", "diamond"))


def default_token(i: int) -> tuple[int, str]:
    """Team i's default colour index and shape: all 8 pairs differ in both."""
    return i % len(TEAM_COLOURS), TEAM_SHAPES[i % len(TEAM_SHAPES)]


def pillar_style(pillars, index: int) -> tuple[Colour, str]:
    """Colour and shape of pillar `index`, from the deck's hints or a fallback that differs per pillar."""
    p = pillars[index]
    fb_colour, fb_shape = PILLAR_FALLBACK[index % len(PILLAR_FALLBACK)]
    shape = p.shape if p.shape in SHAPES else fb_shape
    return hex_colour(p.colour, hex_colour(fb_colour)), shape


def readable_on(colour: Colour) -> Colour:
    """Black or white, whichever reads better on `colour`."""
    r, g, b = (c / 255 for c in colour)
    lum = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2
    return (0, 0, 0) if lum > 0.18 else (255, 255, 255)


def _star(cx: float, cy: float, r: float, points: int = 5) -> list[tuple[float, float]]:
    out = []
    for i in range(points * 2):
        rr = r if i % 2 == 0 else r * 0.45
        a = -math.pi / 2 + i * math.pi / points
        out.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return out


def _leaf(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    # Two arcs meeting at a point, tilted 45°: reads as a leaf even in grey.
    pts = []
    for i in range(13):
        t = math.pi * i / 12
        pts.append((math.cos(t) * r, -math.sin(t) * r * 0.55))
    for i in range(13):
        t = math.pi * i / 12
        pts.append((-math.cos(t) * r, math.sin(t) * r * 0.55))
    c, s = math.cos(-math.pi / 4), math.sin(-math.pi / 4)
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in pts]


def draw_shape(surface: pygame.Surface, shape: str, centre: tuple[float, float], r: float, colour: Colour,
               outline: Colour = INK) -> None:
    """A filled shape of radius r (pixels) with a dark outline, so light colours still show their form."""
    cx, cy = centre
    w = max(1, round(r / 8))
    if shape == "square":
        rect = pygame.Rect(0, 0, r * 1.7, r * 1.7)
        rect.center = (round(cx), round(cy))
        pygame.draw.rect(surface, colour, rect)
        pygame.draw.rect(surface, outline, rect, w)
    elif shape in ("triangle", "diamond", "star", "leaf"):
        if shape == "triangle":
            pts = [(cx, cy - r), (cx + r * 0.95, cy + r * 0.75), (cx - r * 0.95, cy + r * 0.75)]
        elif shape == "diamond":
            pts = [(cx, cy - r), (cx + r * 0.8, cy), (cx, cy + r), (cx - r * 0.8, cy)]
        elif shape == "star":
            pts = _star(cx, cy, r * 1.05)
        else:
            pts = _leaf(cx, cy, r)
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


def blend_grey(surface: pygame.Surface, amount: float = 0.4) -> pygame.Surface:
    """A washed-out projector: mix the image with mid grey (for low-contrast checks)."""
    out = surface.copy()
    veil = pygame.Surface(out.get_size())
    veil.fill((128, 128, 128))
    veil.set_alpha(round(255 * amount))
    out.blit(veil, (0, 0))
    return out
