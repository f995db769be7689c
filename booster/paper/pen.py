# SPDX-License-Identifier: MIT
"""A thin layer over fpdf2: fonts by size, our own word wrap, pillar shapes.

We wrap text ourselves (greedy, on measured widths) rather than with `multi_cell(dry_run=True)`: fitting a
card tries several type sizes, and measuring words is several times faster than fpdf2's line breaker.
"""

from __future__ import annotations

from typing import Any

from booster.paper import sizes as L
from booster.text import fonts
from booster.text.style import POLYGONS, polygon_points
from booster.text.style import pillar_style as _style
from booster.text.wrap import wrap

ASCENT = 0.93  # baseline below the top of a line box, in type sizes (Noto Sans, line height 1.22)


class Pen:
    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        fonts.add_to_pdf(pdf, "Noto", shaping=False)  # see width(): printed decks are in left-to-right scripts
        self._font: tuple[float, bool] | None = None
        self._widths: dict[tuple[str, bool], float] = {}
        self._glyphs: dict[bool, dict[str, float]] = {False: {}, True: {}}

    def font(self, size: float, bold: bool = False) -> None:
        if self._font != (size, bold):
            self.pdf.set_font("Noto", "B" if bold else "", size)
            self._font = (size, bold)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Width in mm. Without text shaping a string is as wide as the sum of its glyphs, in proportion to
        the type size: glyph widths are measured once at 1 pt, which keeps fitting a deck fast."""
        k = (text, bold)
        w = self._widths.get(k)
        if w is None:
            glyphs = self._glyphs[bold]
            current = self._font
            w = 0.0
            for c in text:
                g = glyphs.get(c)
                if g is None:
                    g = glyphs[c] = self._glyph(c, bold)
                w += g
            if current is not None:  # measuring must not change the font text is being drawn with
                self.font(*current)
            self._widths[k] = w
        return w * size

    def _glyph(self, char: str, bold: bool) -> float:
        """The width of one character at 1 pt, in mm."""
        self.font(1.0, bold)
        return float(self.pdf.get_string_width(char))

    def colour(self, rgb: L.Colour) -> None:
        self.pdf.set_text_color(*rgb)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Lines of `text` that fit `width` mm, by the one wrapper the screen and the report use too."""
        return wrap(text, width, lambda s: self.width(s, size, bold))

    def text_lines(
        self,
        lines: list[str],
        x: float,
        y: float,
        size: float,
        bold: bool = False,
        colour: L.Colour = L.INK,
        align: str = "L",
        width: float = 0.0,
    ) -> float:
        """Draw lines from the top `y`; returns the height used."""
        self.font(size, bold)
        self.colour(colour)
        lh = size * L.PT * L.LINE
        for i, line in enumerate(lines):
            dx = 0.0
            if align != "L" and width:
                lw = self.width(line, size, bold)
                dx = (width - lw) / 2 if align == "C" else width - lw
            # A right-to-left line starts at the right of its box, as its reader expects.
            right = x + width if width and align == "L" and fonts.is_rtl(line) else None
            if line:
                fonts.draw_text(self.pdf, x + dx, y + i * lh + size * L.PT * ASCENT, line, right)
        return len(lines) * lh

    @staticmethod
    def line_height(size: float) -> float:
        return size * L.PT * L.LINE

    def shape(self, shape: str, cx: float, cy: float, r: float, colour: L.Colour) -> None:
        """A filled pillar shape with a dark outline (theme.draw_shape, in millimetres)."""
        pdf = self.pdf
        pdf.set_fill_color(*colour)
        pdf.set_draw_color(*L.INK)
        pdf.set_line_width(max(0.08, r / 8))
        if shape == "square":
            pdf.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7, style="DF")
        elif shape == "coin":
            pdf.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="DF")
            pdf.ellipse(cx - r * 0.62, cy - r * 0.62, r * 1.24, r * 1.24, style="D")
        elif shape == "people":
            for dx, scale in ((-0.38, 0.8), (0.28, 1.0)):
                hx = cx + dx * r
                bw, bh = r * scale, r * 1.1 * scale
                pdf.ellipse(hx - bw / 2, cy - r * 0.05, bw, bh, style="DF")
                head = r * 0.3 * scale
                pdf.ellipse(hx - head, cy - r * 0.45 - head, 2 * head, 2 * head, style="DF")
        elif shape in POLYGONS:
            pdf.polygon(polygon_points(shape, cx, cy, r), style="DF")
            if shape == "leaf":
                pdf.line(cx - r * 0.6, cy + r * 0.6, cx + r * 0.6, cy - r * 0.6)
        else:
            pdf.ellipse(cx - r, cy - r, 2 * r, 2 * r, style="DF")


class MeasuringPen(Pen):
    """A pen that measures and wraps as the printing pen does, from the font files' own widths, without a
    PDF: what `deck check` needs to know whether a printed card fits (fpdf2 and its fonts take longer to
    load than the whole check)."""

    def __init__(self) -> None:
        self.pdf = None
        self._font = None
        self._widths = {}
        self._glyphs = {False: {}, True: {}}

    def _glyph(self, char: str, bold: bool) -> float:
        return fonts.glyph_width(char, bold) * 0.001 * L.PT

    def font(self, size: float, bold: bool = False) -> None:
        self._font = (size, bold)


def pillar_style(deck: Any, pillar_id: str) -> tuple[L.Colour, str]:
    """Colour and shape of a pillar, as on screen."""
    ids = deck.rules.pillar_ids
    return _style(deck.rules.pillars, ids.index(pillar_id) if pillar_id in ids else 0)
