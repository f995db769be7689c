# SPDX-License-Identifier: MIT
"""A painter: draws in logical units onto the real surface, and remembers where the buttons are.

Scenes call `p.text(...)`, `p.panel(...)`, `p.button(...)` with logical rectangles; the painter converts
them with the layout, applies the user's text scale (+/-) to font sizes, and records each button's pixel
rectangle so that clicks and touches hit exactly what was drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import pygame

from booster.ui import theme
from booster.ui.frame import Layout
from booster.ui.text import Bounded, TextRenderer

# The type scale, by role (logical px, that is px at 1080p): body ≥ 42 for the back of the room, secondary
# text (hints, labels, notes) ≥ 32. Text shrinks to fit its box down to FLOOR at most, then is cut with "…":
# never to tiny sizes.
SMALL, BODY, LARGE, TITLE, HUGE = 36, 44, 54, 68, 96
FLOOR = 32

LRect = tuple[float, float, float, float]


class Hit(NamedTuple):
    rect: pygame.Rect
    action: Callable[[], object]
    name: str


class Painter:
    def __init__(self, surface: pygame.Surface, layout: Layout, text: TextRenderer, text_scale: float = 1.0) -> None:
        self.surface = surface
        self.layout = layout
        self.tr = text
        self.text_scale = text_scale
        self.hits: list[Hit] = []

    # -- geometry ------------------------------------------------------------------------------------
    def r(self, box: LRect) -> pygame.Rect:
        return self.layout.rect(*box)

    def px(self, v: float) -> int:
        return self.layout.px(v)

    def font_px(self, size: float) -> int:
        return max(6, round(size * self.layout.k * self.text_scale))

    def floor_px(self, floor: float = FLOOR) -> int:
        """The smallest size text may shrink to: the floor, made smaller by "-" but never larger by "+"
        (larger text that does not fit shrinks back to the usual floor)."""
        return max(6, round(floor * self.layout.k * min(1.0, self.text_scale)))

    # -- drawing -------------------------------------------------------------------------------------
    def fill(self, colour: theme.Colour) -> None:
        if self.layout.frame != self.surface.get_rect():  # bars only where the aspect ratio leaves some
            self.surface.fill(theme.LETTERBOX)
        self.surface.fill(colour, self.layout.frame)

    def panel(
        self,
        box: LRect,
        fill: theme.Colour = theme.PANEL,
        border: theme.Colour | None = theme.LINE,
        width: float = 3,
        radius: float = 18,
    ) -> pygame.Rect:
        rect = self.r(box)
        if rect.width < 1 or rect.height < 1 or self.tr.measuring:
            return rect
        key = (rect.size, fill, border, self.px(width) if border is not None else 0, self.px(radius))
        tile = _PANELS.get(key)
        if tile is None:
            tile = _PANELS.put(key, _panel_tile(*key))
        self.surface.blit(tile, rect)
        return rect

    def text(
        self,
        text: str,
        box: LRect,
        size: float = BODY,
        bold: bool = False,
        colour: theme.Colour = theme.INK,
        align: str = "left",
        valign: str = "top",
        max_lines: int = 0,
        floor: float = FLOOR,
    ) -> pygame.Rect:
        """Text fitted into a logical box: shrunk down to `floor` (logical px) at most, then cut with "…"; a
        size asked below the floor (a stack of texts shrunk together) is drawn at the floor."""
        floor = self.floor_px(floor)
        px = max(self.font_px(size), floor)
        return self.tr.draw(self.surface, text, self.r(box), px, bold, colour, align, valign, max_lines, floor)

    def fitting(
        self, texts: Sequence[str], box: LRect, size: float = BODY, bold: bool = False, max_lines: int = 0
    ) -> str:
        """The first of `texts` (longest first, each shorter) that `text` would draw whole in `box`, at the
        floor at least; the last if none would: where a sentence should give way rather than be cut."""
        floor = self.floor_px()
        px, rect = max(self.font_px(size), floor), self.r(box)
        for text in texts[:-1]:
            lines = self.tr.fit(text, px, bold, rect.width, rect.height, max_lines, floor)[1]
            if not (lines and lines[-1].endswith("…") and not text.endswith("…")):
                return text
        return texts[-1]

    def shape(self, shape: str, centre: tuple[float, float], radius: float, colour: theme.Colour) -> None:
        theme.draw_shape(self.surface, shape, self.layout.point(*centre), radius * self.layout.k, colour)

    def hatch(self, box: LRect, colour: theme.Colour, gap: float = 18, width: float = 4) -> None:
        """Diagonal stripes over a box: a pattern that marks a loss without relying on colour."""
        rect = self.r(box).inflate(-self.px(6), -self.px(6))
        step, w = max(4, self.px(gap)), max(1, self.px(width))
        old = self.surface.get_clip()
        self.surface.set_clip(rect.clip(old) if old else rect)
        for x0 in range(rect.left - rect.height, rect.right, step):
            pygame.draw.line(self.surface, colour, (x0, rect.bottom), (x0 + rect.height, rect.top), w)
        self.surface.set_clip(old)

    def arrow(self, centre: tuple[float, float], size: float, up: bool, colour: theme.Colour = theme.INK) -> None:
        """A solid triangle pointing up (a gain) or down (a loss)."""
        x, y = centre
        tip, base = (y - size, y + size * 0.8) if up else (y + size, y - size * 0.8)
        pts = [self.layout.point(x, tip), self.layout.point(x + size, base), self.layout.point(x - size, base)]
        pygame.draw.polygon(self.surface, colour, pts)

    def marker(self, x: float, y: float, size: float = 22) -> None:
        """A right-pointing triangle: the focus cue that is not colour."""
        pts = [self.layout.point(x, y - size), self.layout.point(x + size * 1.2, y), self.layout.point(x, y + size)]
        pygame.draw.polygon(self.surface, theme.INK, pts)

    def button(
        self,
        box: LRect,
        label: str,
        action: Callable[[], object],
        *,
        focused: bool = False,
        primary: bool = False,
        enabled: bool = True,
        size: float = BODY,
        hint: str = "",
        fill: theme.Colour | None = None,
        align: str = "center",
        name: str = "",
    ) -> pygame.Rect:
        """A button: a light box with a dark border; focus adds a thick border and a marker."""
        colour = fill or (theme.PRIMARY if primary else theme.PANEL)
        if not enabled:
            colour = theme.DONE
        rect = self.panel(box, colour, theme.FOCUS if focused else theme.LINE, 8 if focused else 3, 16)
        if focused:
            self.marker(box[0] - 40, box[1] + box[3] / 2)
        x, y, w, h = box
        pad = min(22, w * 0.06)  # narrow buttons keep their words at full size rather than wide margins
        text_box = (x + pad, y + 6, w - 2 * pad, h - 12)
        # The key that presses it, at the right, where it fits whole beside the label (else it is left out:
        # the help lists every key).
        hint_w = self.tr.font(self.font_px(SMALL)).size(hint)[0] / (self.layout.k or 1) + 4 if hint else 0
        if hint and hint_w <= w * 0.34:
            text_box = (x + pad, y + 6, w - 3 * pad - hint_w, h - 12)
            self.text(
                hint,
                (x + w - pad - hint_w, y + 6, hint_w, h - 12),
                SMALL,
                colour=theme.MUTED,
                align="right",
                valign="middle",
                max_lines=1,
            )
        self.text(
            label,
            text_box,
            size,
            bold=primary,
            colour=theme.INK if enabled else theme.MUTED,
            align=align,
            valign="middle",
        )
        if enabled:
            self.hits.append(Hit(rect, action, name or label))
        return rect

    def hit(self, pos: tuple[float, float]) -> Hit | None:
        for h in reversed(self.hits):  # last drawn is on top
            if h.rect.collidepoint(pos):
                return h
        return None

    def shade(self) -> None:
        # Multiply rather than alpha-blit a veil: no full-frame allocation, ~1 ms at 4K.
        self.surface.fill((110, 110, 110), special_flags=pygame.BLEND_RGB_MULT)


# Rounded panels are a third of a frame when drawn with pygame.draw.rect each time; drawn once into a
# colour-keyed tile and blitted, they cost a few microseconds.
# Bounded by bytes: at 4K one panel may weigh 30 MB (issue 24).
PANELS_BYTES = 48 * 1024 * 1024
_PANELS: Bounded[tuple, pygame.Surface] = Bounded(
    PANELS_BYTES,
    lambda key, tile: 2 * tile.get_pitch() * tile.get_height(),  # and its RLE copy
)
_KEY = (255, 0, 255)  # never a theme colour


def _panel_tile(
    size: tuple[int, int], fill: theme.Colour, border: theme.Colour | None, width: int, radius: int
) -> pygame.Surface:
    tile = pygame.Surface(size)
    tile.fill(_KEY)
    rect = tile.get_rect()
    pygame.draw.rect(tile, fill, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(tile, border, rect, width, border_radius=radius)
    tile.set_colorkey(_KEY, pygame.RLEACCEL)
    return tile
