# SPDX-License-Identifier: MIT
"""Text: fonts by path, wrapping, shrink-to-fit, and a cache of rendered blocks.

Every block is fitted into its box: wrapped at the box width (long words broken), then shrunk step by step
until its lines fit the box height, then ellipsised as a last resort. `records`, when a list, receives
(drawn rect, box rect) for each draw: the layout tests assert that no text leaves its box or the screen.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from booster import paths
from booster.ui.fontset import FallbackFont

MIN_PX = 9
_CACHE_MAX = 3000


class TextRenderer:
    def __init__(self, font_dir: Path = paths.FONTS) -> None:
        self.font_dir = font_dir
        self.fonts: dict[tuple[int, bool], FallbackFont] = {}
        self.fits: dict[tuple, tuple[int, tuple[str, ...]]] = {}
        self.blocks: dict[tuple, pygame.Surface] = {}
        self.wraps: dict[tuple, list[str]] = {}
        self.records: list[tuple[pygame.Rect, pygame.Rect, str]] | None = None

    def font(self, px: int, bold: bool = False) -> FallbackFont:
        key = (px, bold)
        f = self.fonts.get(key)
        if f is None:
            f = self.fonts[key] = FallbackFont(self.font_dir, px, bold)
        return f

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        key = (text, px, bold, width)
        hit = self.wraps.get(key)
        if hit is None:
            if len(self.wraps) > _CACHE_MAX:
                self.wraps.clear()
            hit = self.wraps[key] = self._wrap(text, px, bold, width)
        return hit

    def _wrap(self, text: str, px: int, bold: bool, width: int) -> list[str]:
        font = self.font(px, bold)
        lines: list[str] = []
        for para in text.split("\n"):
            words = para.split(" ")
            line = ""
            for word in words:
                candidate = f"{line} {word}" if line else word
                if font.size(candidate)[0] <= width:
                    line = candidate
                    continue
                if line:
                    lines.append(line)
                line = word
                while font.size(line)[0] > width and len(line) > 1:  # a word wider than the box: break it
                    cut = len(line) - 1
                    while cut > 1 and font.size(line[:cut])[0] > width:
                        cut -= 1
                    lines.append(line[:cut])
                    line = line[cut:]
            lines.append(line)
        return lines

    def fit(
        self, text: str, px: int, bold: bool, width: int, height: int, max_lines: int = 0
    ) -> tuple[int, tuple[str, ...]]:
        """The largest size ≤ px at which `text` fits width×height, and its lines."""
        key = (text, px, bold, width, height, max_lines)
        hit = self.fits.get(key)
        if hit is not None:
            return hit
        size = px
        while True:
            lines = self.wrap(text, size, bold, width)
            ok = len(lines) * self.line_height(size, bold) <= height and (not max_lines or len(lines) <= max_lines)
            if ok or size <= MIN_PX:
                break
            size = max(MIN_PX, int(size * 0.92))
        if not ok:  # even the smallest size overflows: keep what fits and end with an ellipsis
            keep = max(1, height // self.line_height(size, bold))
            if max_lines:
                keep = min(keep, max_lines)
            lines = lines[:keep]
            font = self.font(size, bold)
            last = lines[-1]
            while last and font.size(last + "…")[0] > width:
                last = last[:-1]
            lines[-1] = last + "…" if font.size(last + "…")[0] <= width else last
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
        surf = pygame.Surface((w, max(1, lh * len(lines))), pygame.SRCALPHA)
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
    ) -> pygame.Rect:
        """Draw `text` fitted into `box` (pixels); returns the rectangle actually covered."""
        if not text or box.width < 2 or box.height < 2:
            return pygame.Rect(box.x, box.y, 0, 0)
        size, lines = self.fit(text, max(MIN_PX, px), bold, box.width, box.height, max_lines)
        surf = self.block(lines, size, bold, colour, box.width, align)
        rect = surf.get_rect()
        rect.y = box.y if valign == "top" else box.centery - rect.h // 2 if valign == "middle" else box.bottom - rect.h
        rect.x = box.x if align == "left" else box.centerx - rect.w // 2 if align == "center" else box.right - rect.w
        rect.y = max(box.y, rect.y)
        surface.blit(surf, rect)
        if self.records is not None:
            self.records.append((rect.copy(), box.copy(), text))
        return rect
