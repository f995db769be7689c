# SPDX-License-Identifier: MIT
"""A small text layout on top of fpdf2: fonts, wrapping, paragraphs that flow across pages, and tables.

fpdf2's multi_cell and table cost about a millisecond per cell, and a workshop report has thousands of
cells: wrapping here with cached glyph widths and drawing lines with `text()` is some twenty times faster,
and keeps page breaks under our control (a table row or a short card never splits across pages).
"""

from __future__ import annotations

from collections.abc import Sequence

from fpdf import FPDF

from booster.text import fonts
from booster.text.wrap import ellipsize, wrap

RGB = tuple[int, int, int]
# A table cell: plain text, or parts stacked in one cell, each with a style: "" plain, "b" bold,
# "m" muted and a point smaller, "a" accent colour and bold.
Cell = str | Sequence[tuple[str, str]]
TEXT: RGB = (33, 37, 41)
MUTED: RGB = (92, 98, 105)
ACCENT: RGB = (0, 94, 150)  # a darker Okabe-Ito blue: headings stay readable in print
RULE: RGB = (196, 202, 208)
HEAD_FILL: RGB = (228, 236, 243)
ZEBRA: RGB = (246, 248, 250)
TRACK: RGB = (238, 240, 243)

FONT = "Noto"
MARGIN = 18.0
PT = 25.4 / 72  # mm per point


def hex_rgb(colour: str) -> RGB:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


_WIDTHS: dict[tuple[bool, str], float] = {}  # character widths at 1 pt, shared by every document (same fonts)


class Doc(FPDF):
    """An A4 document with Noto Sans embedded, a running title at the top, a footer with page numbers."""

    def __init__(self, footer_text: str, page_label: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        self.page_label = page_label
        self.running = ""  # the section a new page continues, shown at its top
        fonts.add_to_pdf(self, FONT)
        self.set_margins(MARGIN, 16, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.size = 10.0
        self.bold = False
        self.font(10)
        self.set_draw_color(*RULE)

    def header(self) -> None:
        # On pages a section flows onto, its name at the top: a page of experience cards says whose they are.
        if self.running:
            self.font(8, colour=MUTED)
            self.draw(self.l_margin, 8, [self.fit(self.running, self.epw)], 8, 4)
            self.font(10)

    def footer(self) -> None:
        y = self.h - 9
        self.set_draw_color(*RULE)
        self.line(self.l_margin, y - 4, self.w - self.r_margin, y - 4)
        self.font(8, colour=MUTED)
        half = self.epw / 2
        # cell() rather than text(): only cells get "{nb}" replaced by the page count at output
        self.set_xy(self.l_margin, y - 3)
        self.cell(half, 4, self.fit(self.footer_text, half - 4), align="L")
        self.cell(half, 4, self.page_label.format(n=self.page_no(), total="{nb}"), align="R")
        self.font(10)

    # -- measuring and wrapping --------------------------------------------------------------------------

    def font(self, size: float, bold: bool = False, colour: RGB = TEXT) -> None:
        if (size, bold) != (self.size, self.bold) or self.font_family != FONT.lower():
            self.set_font(FONT, "B" if bold else "", size)
            self.size, self.bold = size, bold
        self.set_text_color(*colour)

    def width(self, text: str, size: float | None = None, bold: bool | None = None) -> float:
        bold = self.bold if bold is None else bold
        total = 0.0
        for c in text:
            w = _WIDTHS.get((bold, c))
            if w is None:
                keep = self.size, self.bold
                self.set_font(FONT, "B" if bold else "", 100)
                w = _WIDTHS[(bold, c)] = self.get_string_width(c) / 100
                self.set_font(FONT, "B" if keep[1] else "", keep[0])
            total += w
        return total * (self.size if size is None else size)

    def fit(self, text: str, width: float) -> str:
        """`text` cut with an ellipsis to fit `width` in the current font."""
        return ellipsize(text, width, self.width)

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Greedy word wrap, by the one wrapper the screen and the printed deck use too."""
        return wrap(text, width, lambda s: self.width(s, size, bold))

    def draw(
        self, x: float, y: float, lines: Sequence[str], size: float, lh: float, w: float = 0, align: str = "LEFT"
    ) -> None:
        """Lines of the current font, the first line's box starting at `y`."""
        base = (lh + size * PT * 0.72) / 2  # centres the capitals in the line box
        for i, line in enumerate(lines):
            dx = w - self.width(line) if align == "RIGHT" else 0.0
            # A right-to-left line starts at the right of its box, as its reader expects.
            right = x + w if w and align == "LEFT" and fonts.is_rtl(line) else None
            fonts.draw_text(self, x + dx, y + i * lh + base, line, right)

    def label(self, x: float, y: float, w: float, h: float, text: str, align: str = "LEFT") -> None:
        """One line in the current font, cut to `w`, centred vertically in a box of height `h`."""
        self.draw(x, y, [self.fit(text, w)], self.size, h, w, align)

    def block(
        self, x: float, y: float, w: float, text: str, size: float, lh: float, bold: bool = False, colour: RGB = TEXT
    ) -> float:
        """Wrapped text at a fixed place (no page break); returns its height."""
        self.font(size, bold, colour)
        lines = self.wrap(text, w, size, bold)
        self.draw(x, y, lines, size, lh, w)  # the width: a right-to-left line is set against its right edge
        return len(lines) * lh

    # -- flowing text --------------------------------------------------------------------------------------

    def para(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        colour: RGB = TEXT,
        indent: float = 0,
        lh: float | None = None,
    ) -> None:
        """A paragraph at the current position, flowing onto the next page line by line if needed."""
        if not text:
            return
        lh = lh or size * 0.5
        self.font(size, bold, colour)
        y = self.get_y()
        for line in self.wrap(text, self.epw - indent, size, bold):
            if y + lh > self.page_break_trigger:
                self.add_page()
                self.font(size, bold, colour)
                y = self.get_y()
            self.draw(self.l_margin + indent, y, [line], size, lh, self.epw - indent)
            y += lh
        self.set_xy(self.l_margin, y)
        self.font(10)

    def para_height(self, text: str, size: float, width: float | None = None, bold: bool = False) -> float:
        if not text:
            return 0.0
        return len(self.wrap(text, width or self.epw, size, bold)) * size * 0.5

    def new_page(self) -> None:
        """A new page, unless the current one is still empty."""
        if self.page == 0 or self.get_y() > self.t_margin + 0.5:
            self.add_page()

    def room(self, height: float) -> None:
        """Starts a new page unless `height` mm fit below the current position."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, level: int, bookmark: bool = True, keep: float = 30) -> None:
        size = {1: 22, 2: 16, 3: 12.5, 4: 10.5}[level]
        self.room(keep + (14 if level <= 2 else 8))
        if self.get_y() > self.t_margin + 1:  # space above, except at the top of a page
            self.ln(2 if level >= 3 else 4)
        if bookmark and level <= 3:
            self.start_section(text[:120], level=level - 1, strict=False)
        colour = ACCENT if level == 2 else (MUTED if level == 4 else TEXT)
        self.para(text, size, True, colour, lh=size * 0.47)
        if level == 2:
            y = self.get_y() + 1
            self.set_draw_color(*ACCENT)
            self.set_line_width(0.5)
            self.line(self.l_margin, y, self.l_margin + self.epw, y)
            self.set_line_width(0.2)
            self.set_draw_color(*RULE)
            self.ln(4)
        else:
            self.ln(1.2)

    def _cell_lines(self, cell: Cell, width: float, size: float, bold: bool) -> list[tuple[str, str, float]]:
        """A cell as (line, style, line height): plain text, or parts with a style each (see `Cell`)."""
        parts = [(cell, "b" if bold else "")] if isinstance(cell, str) else cell
        out = []
        for text, style in parts:
            sz = size - 1 if style == "m" else size
            for line in self.wrap(text, width, sz, style in ("b", "a")):
                out.append((line, style, sz * 0.46))
        return out

    def grid_height(self, rows: Sequence[Sequence[Cell]], widths: Sequence[float], size: float = 9) -> float:
        pad_x, pad_y = 1.6, 1.3
        total = 0.0
        for r in rows:
            total += 2 * pad_y + max(
                sum(lh for _, _, lh in self._cell_lines(c, widths[j] - 2 * pad_x, size, False)) for j, c in enumerate(r)
            )
        return total + 3

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        align: Sequence[str],
        size: float = 9,
        bold_first: bool = False,
    ) -> None:
        """A table: a shaded header (repeated on each page), zebra rows, rules between rows; rows never split."""
        pad_x, pad_y = 1.6, 1.3
        xs = [self.l_margin + sum(widths[:j]) for j in range(len(widths))]
        total_w = sum(widths)
        colours = {"": TEXT, "b": TEXT, "m": MUTED, "a": ACCENT}

        def row(cells: Sequence[Cell], bold_cols: Sequence[bool], fill: RGB | None) -> None:
            cols = [self._cell_lines(c, widths[j] - 2 * pad_x, size, bold_cols[j]) for j, c in enumerate(cells)]
            h = max(sum(lh for _, _, lh in lines) for lines in cols) + 2 * pad_y
            if self.get_y() + h > self.page_break_trigger:
                self.add_page()
                if cells is not header:
                    row(header, [True] * len(header), HEAD_FILL)
            y = self.get_y()
            if fill:
                self.set_fill_color(*fill)
                self.rect(self.l_margin, y, total_w, h, style="F")
            for j, lines in enumerate(cols):
                ly = y + pad_y
                for text, style, lh in lines:
                    self.font(lh / 0.46, style in ("b", "a"), colours[style])
                    self.draw(xs[j] + pad_x, ly, [text], lh / 0.46, lh, widths[j] - 2 * pad_x, align[j])
                    ly += lh
            self.set_draw_color(*RULE)
            self.line(self.l_margin, y + h, self.l_margin + total_w, y + h)
            self.set_y(y + h)

        self.room(2 * (size * 0.46 + 2.6) + 4)  # never a header alone at the foot of a page
        row(header, [True] * len(header), HEAD_FILL)
        plain = [bold_first and j == 0 for j in range(len(widths))]
        for i, r in enumerate(rows):
            row(r, plain, ZEBRA if i % 2 else None)
        self.font(10)
        self.ln(3)
