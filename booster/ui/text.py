# SPDX-License-Identifier: MIT
"""Text: fonts by path, wrapping, shrink-to-fit, and a cache of rendered blocks.

Every block is fitted into its box: wrapped at the box width (long words broken), then shrunk step by step
until its lines fit the box height, but never below its floor (the type scale's smallest size for it), then
cut with a visible "…". `records`, when a list, receives a `Drawn` for each draw: the layout tests assert
that no text leaves its box or the screen, none is drawn below the type scale, and what was cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pygame

from booster import paths
from booster.text import fonts
from booster.text.wrap import ellipsize, wrap
from booster.ui.fontset import FallbackFont

MIN_PX = 9
_CACHE_MAX = 3000


class Drawn(NamedTuple):
    """One text drawn: where, in which box, at which size, and whether it had to be cut."""

    rect: pygame.Rect
    box: pygame.Rect
    text: str
    px: int
    cut: bool


class TextRenderer:
    def __init__(self, font_dir: Path = paths.FONTS) -> None:
        self.font_dir = font_dir
        self.fonts: dict[tuple[int, bool], FallbackFont] = {}
        self.fits: dict[tuple, tuple[int, tuple[str, ...]]] = {}
        self.blocks: dict[tuple, pygame.Surface] = {}
        self.wraps: dict[tuple, list[str]] = {}
        self.records: list[Drawn] | None = None
        # True to lay text out without rendering it (booster.tools.fit measures whether cards fit): the same
        # sizes, lines and rectangles, with no pixels.
        self.measuring = False

    def font(self, px: int, bold: bool = False) -> FallbackFont:
        key = (px, bold)
        f = self.fonts.get(key)
        if f is None:
            f = self.fonts[key] = FallbackFont(self.font_dir, px, bold)
        return f

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def wrap(self, text: str, px: int, bold: bool, width: int, limit: int = 0) -> list[str]:
        """`text` in lines no wider than `width`; with `limit`, only the first limit + 1 lines (enough to know
        that it does not fit in `limit` lines, without laying out all of a huge text)."""
        key = (text, px, bold, width, limit)
        hit = self.wraps.get(key)
        if hit is None:
            if len(self.wraps) > _CACHE_MAX:
                self.wraps.clear()
            hit = self.wraps[key] = self._wrap(text, px, bold, width, limit)
        return hit

    def _wrap(self, text: str, px: int, bold: bool, width: int, limit: int = 0) -> list[str]:
        font = self.font(px, bold)
        return wrap(text, width, lambda s: font.size(s)[0], limit)

    def fit(
        self, text: str, px: int, bold: bool, width: int, height: int, max_lines: int = 0, floor: int = MIN_PX
    ) -> tuple[int, tuple[str, ...]]:
        """The largest size ≤ px, and ≥ floor, at which `text` fits width×height, and its lines (the last
        one ending in "…" when even the floor does not fit)."""
        key = (text, px, bold, width, height, max_lines, floor)
        hit = self.fits.get(key)
        if hit is not None:
            return hit

        def try_size(size: int) -> tuple[bool, list[str]]:
            room = max(1, height // self.line_height(size, bold))
            lines = self.wrap(text, size, bold, width, min(room, max_lines) if max_lines else room)
            ok = len(lines) * self.line_height(size, bold) <= height and (not max_lines or len(lines) <= max_lines)
            return ok, lines

        # The sizes tried, largest first, each 8 % smaller; a smaller size never needs more lines, so the
        # largest that fits is found by bisection (a few layouts instead of one per size).
        floor = max(MIN_PX, min(floor, px))
        ladder = [px]
        while ladder[-1] > floor:
            ladder.append(max(floor, int(ladder[-1] * 0.92)))
        ok, lines = try_size(px)
        size = px
        if not ok:
            lo, hi = 1, len(ladder) - 1  # ladder[lo - 1] does not fit; is there one that does, down to hi?
            ok_last, lines_last = try_size(ladder[hi])
            if ok_last:
                while lo < hi:
                    mid = (lo + hi) // 2
                    if try_size(ladder[mid])[0]:
                        hi = mid
                    else:
                        lo = mid + 1
                size = ladder[hi]
                ok, lines = try_size(size)
            else:
                size, ok, lines = ladder[-1], False, lines_last
        if not ok:  # even the smallest size overflows: keep what fits and end with an ellipsis
            keep = max(1, height // self.line_height(size, bold))
            if max_lines:
                keep = min(keep, max_lines)
            lines = lines[:keep]
            font = self.font(size, bold)
            lines[-1] = ellipsize(lines[-1] + "…", width, lambda s: font.size(s)[0])
        result = (size, tuple(lines))
        if len(self.fits) > _CACHE_MAX:
            self.fits.clear()
        self.fits[key] = result
        return result

    def block(
        self, lines: tuple[str, ...], px: int, bold: bool, colour: tuple[int, int, int], width: int, align: str
    ) -> pygame.Surface:
        key = ("\n".join(lines), px, bold, colour, width, align)
        surf = self.blocks.get(key)
        if surf is not None:
            return surf
        font = self.font(px, bold)
        lh = font.get_linesize()
        rendered = [font.render(line, True, colour) for line in lines]
        w = min(width, max((r.get_width() for r in rendered), default=1)) or 1
        # A last line may reach below its line box (an Arabic final yeh's dots): keep what it draws.
        h = lh * len(lines) + max(0, (rendered[-1].get_height() - font.get_height()) if rendered else 0)
        surf = pygame.Surface((w, max(1, h)), pygame.SRCALPHA)
        for i, r in enumerate(rendered):
            x = 0 if align == "left" else (w - r.get_width()) // 2 if align == "center" else w - r.get_width()
            surf.blit(r, (max(0, x), i * lh))
        if pygame.display.get_surface() is not None:
            surf = surf.convert_alpha()  # the display's pixel format blits fastest
        if len(self.blocks) > _CACHE_MAX:
            self.blocks.clear()
        self.blocks[key] = surf
        return surf

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        box: pygame.Rect,
        px: int,
        bold: bool = False,
        colour: tuple[int, int, int] = (0, 0, 0),
        align: str = "left",
        valign: str = "top",
        max_lines: int = 0,
        floor: int = MIN_PX,
    ) -> pygame.Rect:
        """Draw `text` fitted into `box` (pixels), never below `floor` px; returns the rectangle covered."""
        if not text or box.width < 2 or box.height < 2:
            return pygame.Rect(box.x, box.y, 0, 0)
        if align == "left" and fonts.is_rtl(text):
            align = "right"  # a right-to-left text starts at the right, as its reader expects
        size, lines = self.fit(text, max(MIN_PX, px), bold, box.width, box.height, max_lines, floor)
        if self.measuring:
            font = self.font(size, bold)
            w = min(box.width, max((font.size(line)[0] for line in lines), default=1)) or 1
            rect = pygame.Rect(0, 0, w, max(1, font.get_linesize() * len(lines)))
            surf = None
        else:
            surf = self.block(lines, size, bold, colour, box.width, align)
            rect = surf.get_rect()
        rect.y = box.y if valign == "top" else box.centery - rect.h // 2 if valign == "middle" else box.bottom - rect.h
        rect.x = box.x if align == "left" else box.centerx - rect.w // 2 if align == "center" else box.right - rect.w
        rect.y = max(box.y, rect.y)
        if surf is not None:
            surface.blit(surf, rect)
        if self.records is not None:
            cut = bool(lines) and lines[-1].endswith("…") and not text.endswith("…")
            self.records.append(Drawn(rect.copy(), box.copy(), text, size, cut))
        return rect
