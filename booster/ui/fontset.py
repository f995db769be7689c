# SPDX-License-Identifier: MIT
"""A pygame font that draws what Noto Sans lacks with the fallback fonts of `booster.text.fonts`.

It answers `size`, `render`, `get_linesize`, `get_height` and `get_ascent` as a `pygame.font.Font` does;
text that Noto Sans draws alone (nearly all) goes straight to Noto Sans.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from booster.text import fonts

_SIZES_MAX = 4096


class FallbackFont:
    def __init__(self, folder: Path, px: int, bold: bool = False) -> None:
        self.folder = folder
        self.px = px
        self.bold = bold
        self.primary = pygame.font.Font(str(fonts.path(fonts.PRIMARY, bold, folder)), px)
        self._faces: dict[int, tuple[pygame.font.Font, float]] = {0: (self.primary, 1.0)}
        # Widths already measured: laying a card out tries a text at several widths, each measuring the
        # same lines again (bounded: cleared when full).
        self._sizes: dict[str, tuple[int, int]] = {}

    def _face(self, index: int) -> tuple[pygame.font.Font, float]:
        """The font of FACES[index] at this size, and the scale its glyphs are drawn at."""
        hit = self._faces.get(index)
        if hit is None:
            face = fonts.FACES[index]
            font = pygame.font.Font(str(fonts.path(face, self.bold, self.folder)), self.px)
            if face.script:
                font.set_script(face.script)
                font.set_direction(pygame.DIRECTION_RTL)
            # A colour emoji font has one bitmap size: its pictures are scaled to the height of the text.
            scale = self.primary.get_height() / font.get_height() if face.colour else 1.0
            hit = self._faces[index] = (font, scale)
        return hit

    def get_linesize(self) -> int:
        return self.primary.get_linesize()

    def get_height(self) -> int:
        return self.primary.get_height()

    def get_ascent(self) -> int:
        return self.primary.get_ascent()

    def size(self, text: str) -> tuple[int, int]:
        hit = self._sizes.get(text)
        if hit is not None:
            return hit
        if not fonts.needs_fallback(text, self.folder):
            hit = self.primary.size(text)
        else:
            width = 0
            for index, piece in fonts.runs(text, self.folder):
                font, scale = self._face(index)
                width += round(font.size(piece)[0] * scale)
            hit = width, self.primary.get_height()
        if len(self._sizes) >= _SIZES_MAX:
            self._sizes.clear()
        self._sizes[text] = hit
        return hit

    def render(self, text: str, antialias: bool, colour: tuple[int, int, int]) -> pygame.Surface:
        if self.size(text)[0] == 0:  # only invisible characters (SDL_ttf refuses them): nothing to draw
            return pygame.Surface((1, self.primary.get_height()), pygame.SRCALPHA)
        if not fonts.needs_fallback(text, self.folder):
            return self.primary.render(text, antialias, colour)
        pieces = []
        for index, piece in fonts.visual_runs(text, self.folder):  # left to right as seen, each in its direction
            font, scale = self._face(index)
            surf = font.render(piece, antialias, colour)
            ascent = font.get_ascent()
            if scale != 1.0:
                size = (max(1, round(surf.get_width() * scale)), max(1, round(surf.get_height() * scale)))
                surf = pygame.transform.smoothscale(surf, size)
                ascent = round(ascent * scale)
            pieces.append((surf, self.primary.get_ascent() - ascent))
        width = max(1, sum(s.get_width() for s, _ in pieces))
        # Arabic reaches further below the baseline than Noto Sans (the dots under a final yeh: في): the
        # line grows down to what is drawn rather than cut them off (في read as فى).
        height = max([self.primary.get_height()] + [dy + s.get_bounding_rect().bottom for s, dy in pieces])
        out = pygame.Surface((width, height), pygame.SRCALPHA)
        x = 0
        for surf, dy in pieces:
            out.blit(surf, (x, dy))
            x += surf.get_width()
        return out
