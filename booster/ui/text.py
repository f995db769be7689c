# SPDX-License-Identifier: MIT
"""Text: fonts by path, wrapping, shrink-to-fit, and a cache of rendered blocks.

Every block is fitted into its box: wrapped at the box width (long words broken), then shrunk step by step
until its lines fit the box height, but never below its floor (the type scale's smallest size for it), then
cut with a visible "…". `records`, when a list, receives a `Drawn` for each draw: the layout tests assert
that no text leaves its box or the screen, none is drawn below the type scale, and what was cut.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

import pygame

from booster import paths
from booster.text import fonts
from booster.text.wrap import ellipsize, wrap
from booster.ui.fontset import FallbackFont

MIN_PX = 9
# What the caches may hold, in bytes: a 4K screen's rendered text is a few tens of megabytes, so a few
# screens stay cached, and a whole workshop (issue 24: 2.4 GiB after two 4K games when bounded by count)
# stays within a fixed budget.
BLOCKS_BYTES = 96 * 1024 * 1024
LAYOUT_BYTES = 16 * 1024 * 1024  # wrapped and fitted lines
MAX_FONTS = 48  # sizes × weights held open (each holds its faces)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Bounded(Generic[K, V]):
    """A least-recently-used cache bounded by the bytes its values weigh (`weigh`)."""

    def __init__(self, limit: int, weigh: Callable[[K, V], int]) -> None:
        self.limit, self.weigh = limit, weigh
        self.bytes = 0
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[K]:
        return iter(list(self._items))

    def __getitem__(self, key: K) -> V:
        return self._items[key][0]

    def get(self, key: K) -> V | None:
        item = self._items.get(key)
        if item is None:
            return None
        self._items.move_to_end(key)
        return item[0]

    def put(self, key: K, value: V) -> V:
        weight = self.weigh(key, value)
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old[1]
        self._items[key] = (value, weight)
        self.bytes += weight
        while self.bytes > self.limit and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped
        return value

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


def _text_bytes(key: tuple, lines: object) -> int:
    """About what a layout entry weighs: its key's text and its lines (4 bytes a character at most)."""
    text = key[0] if key and isinstance(key[0], str) else ""
    lines = lines[1] if isinstance(lines, tuple) and len(lines) == 2 and isinstance(lines[1], tuple) else lines
    shown = sum(len(line) for line in lines) if isinstance(lines, list | tuple) else 0
    return 200 + 4 * (len(text) + shown)


def _surface_bytes(key: tuple, surface: pygame.Surface) -> int:
    return 200 + len(key[0]) * 4 + surface.get_pitch() * surface.get_height()


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
        self.fonts: OrderedDict[tuple[int, bool], FallbackFont] = OrderedDict()
        self.fits: Bounded[tuple, tuple[int, tuple[str, ...]]] = Bounded(LAYOUT_BYTES // 2, _text_bytes)
        self.blocks: Bounded[tuple, pygame.Surface] = Bounded(BLOCKS_BYTES, _surface_bytes)
        self.wraps: Bounded[tuple, list[str]] = Bounded(LAYOUT_BYTES // 2, _text_bytes)
        self.records: list[Drawn] | None = None
        # True to lay text out without rendering it (booster.tools.fit measures whether cards fit): the same
        # sizes, lines and rectangles, with no pixels.
        self.measuring = False

    def font(self, px: int, bold: bool = False) -> FallbackFont:
        key = (px, bold)
        f = self.fonts.get(key)
        if f is None:
            f = self.fonts[key] = FallbackFont(self.font_dir, px, bold)
            while len(self.fonts) > MAX_FONTS:  # the size used least recently goes (a shrink ladder's steps)
                self.fonts.popitem(last=False)
        else:
            self.fonts.move_to_end(key)
        return f

    def line_height(self, px: int, bold: bool = False) -> int:
        return self.font(px, bold).get_linesize()

    def wrap(self, text: str, px: int, bold: bool, width: int, limit: int = 0) -> list[str]:
        """`text` in lines no wider than `width`; with `limit`, only the first limit + 1 lines (enough to know
        that it does not fit in `limit` lines, without laying out all of a huge text)."""
        key = (text, px, bold, width, limit)
        hit = self.wraps.get(key)
        if hit is None:
            hit = self.wraps.put(key, self._wrap(text, px, bold, width, limit))
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
        return self.fits.put(key, (size, tuple(lines)))

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
        return self.blocks.put(key, surf)

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
