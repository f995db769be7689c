# SPDX-License-Identifier: MIT
"""The logical frame: every scene lays out in a 1920×1080 frame; this maps it onto the real window.

The frame is scaled by k = min(w/1920, h/1080) and centred (letterbox), and everything is drawn at the
final pixel size: no scaling of whole frames, so text stays sharp at 4K and cheap at 720p.
"""

from __future__ import annotations

import pygame

REF_W, REF_H = 1920, 1080


class Layout:
    def __init__(self, size: tuple[int, int]) -> None:
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        w, h = max(1, int(size[0])), max(1, int(size[1]))
        self.size = (w, h)
        self.k = min(w / REF_W, h / REF_H)
        self.ox = (w - REF_W * self.k) / 2
        self.oy = (h - REF_H * self.k) / 2
        self.frame = self.rect(0, 0, REF_W, REF_H)

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        """The pixel rectangle of a logical one (edges rounded so neighbours do not overlap)."""
        left = round(self.ox + x * self.k)
        top = round(self.oy + y * self.k)
        return pygame.Rect(left, top, round(self.ox + (x + w) * self.k) - left, round(self.oy + (y + h) * self.k) - top)

    def px(self, v: float) -> int:
        return max(1, round(v * self.k))

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (self.ox + x * self.k, self.oy + y * self.k)


def parse_size(text: str | None, default: tuple[int, int] = (1280, 720)) -> tuple[int, int]:
    if not text:
        return default
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise ValueError(f"a size is WIDTHxHEIGHT, e.g. 1280x720, not '{text}'") from None
    if not (64 <= w <= 16384 and 64 <= h <= 16384):
        raise ValueError(f"the size {w}x{h} is out of range (64 to 16384)")
    return w, h
