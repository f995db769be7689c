# SPDX-License-Identifier: MIT
"""The fonts, on screen and on paper: Noto Sans, and the fallbacks that draw what it lacks.

Noto Sans covers the Latin, Greek and Cyrillic of every deck language; a team named by a facilitator may
hold a star, an emoji or a Hebrew or Arabic word. Each character is drawn by the first font that has it:
Noto Sans, then Noto Sans Symbols 2, Hebrew, Arabic and Noto Color Emoji (all SIL OFL 1.1, bundled in
`assets/fonts/`). Hebrew and Arabic runs are drawn right to left and shaped (joined letters).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Any, NamedTuple

from booster import paths


class Face(NamedTuple):
    regular: str
    bold: str | None  # None: the regular file serves for bold too
    script: str | None = None  # ISO 15924 code of a right-to-left script, shaped as such
    colour: bool = False  # a colour bitmap font (emoji), drawn at its own size and scaled


PRIMARY = Face("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
FALLBACKS = (
    Face("NotoSansSymbols2-Regular.ttf", None),
    Face("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", script="Hebr"),
    Face("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", script="Arab"),
    Face("NotoColorEmoji.ttf", None, colour=True),
)
FACES = (PRIMARY, *FALLBACKS)

# Characters that belong to the run they are in rather than starting one of their own: joiners, variation
# selectors and emoji modifiers (a thumbs-up and its skin tone are one picture), combining marks.
_STICKY = frozenset({0x200C, 0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)})


_EMOJI_STYLE = frozenset({0xFE0F, *range(0x1F3FB, 0x1F400)})  # emoji presentation selector, skin tones


def path(face: Face, bold: bool = False, folder: Path = paths.FONTS) -> Path:
    return folder / (face.bold if bold and face.bold else face.regular)


@functools.cache
def coverage(file: Path) -> frozenset[int]:
    """The code points a font file draws."""
    from fontTools.ttLib import TTFont

    with TTFont(file, lazy=True) as font:
        return frozenset(font.getBestCmap())


@functools.cache
def _primary_table(folder: Path) -> dict[int, None]:
    """A str.translate table that deletes what Noto Sans draws: an empty result means no fallback is needed."""
    return dict.fromkeys(coverage(path(PRIMARY, folder=folder)))


def needs_fallback(text: str, folder: Path = paths.FONTS) -> bool:
    return not text.isascii() and bool(text.translate(_primary_table(folder)))


def runs(text: str, folder: Path = paths.FONTS) -> list[tuple[int, str]]:
    """`text` cut into (index in FACES, piece) runs, each drawn by one font, in reading order.

    A space or punctuation between two words of a right-to-left script stays in that script's run, so that
    the words come out in the right order; a character no font has is left to Noto Sans (a visible box)."""
    if not needs_fallback(text, folder):
        return [(0, text)] if text else []
    covers = [coverage(path(face, folder=folder)) for face in FACES]
    emoji = next(i for i, face in enumerate(FACES) if face.colour)
    out: list[list[Any]] = []
    for ch in text:
        cp = ord(ch)
        current = out[-1][0] if out else None
        if cp in _EMOJI_STYLE and out and current != emoji and ord(out[-1][1][-1]) in covers[emoji]:
            # A symbol asked to be an emoji (a heart and U+FE0F, a thumbs-up and its skin tone): move it over.
            last = out[-1][1][-1]
            out[-1][1] = out[-1][1][:-1]
            out = [run for run in out if run[1]]
            out.append([emoji, last])
            current = emoji
        if current is not None and (cp in _STICKY or unicodedata.combining(ch)):
            face = current
        elif current is not None and FACES[current].script and cp in covers[current] and not ch.isalnum():
            face = current  # a neutral inside a right-to-left run
        elif cp >= 0x1F000 and cp in covers[emoji]:
            face = emoji  # pictographs are emoji by default; older symbols (★ ♥ ✓) are text
        else:
            face = next((i for i, cover in enumerate(covers) if cp in cover), 0)
        if current == face:
            out[-1][1] += ch
        else:
            out.append([face, ch])
    # Spaces and punctuation at the end of a right-to-left run go back to the left-to-right text after it.
    result: list[tuple[int, str]] = []
    for face, piece in out:
        kept = piece.rstrip(" .,;:!?-") if FACES[face].script else piece
        for run in ((face, kept), (0, piece[len(kept) :])):
            if not run[1]:
                continue
            if result and result[-1][0] == run[0]:
                result[-1] = (run[0], result[-1][1] + run[1])
            else:
                result.append(run)
    return result


@functools.cache
def advances(file: Path) -> tuple[dict[int, int], int]:
    """The advance width of each code point a font file draws, in thousandths of its size, rounded as
    fpdf2 rounds them, and the width of a character it lacks: what a printed line measures, read without
    loading the font into a PDF."""
    from fontTools.ttLib import TTFont

    with TTFont(file, lazy=True) as font:
        scale = 1000 / font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        widths = {}
        for cp, glyph in font.getBestCmap().items():
            w = metrics[glyph][0]
            widths[cp] = round(scale * (0 if w == 65535 else w) + 0.001)
        return widths, round(scale * metrics[".notdef"][0])


def glyph_width(char: str, bold: bool = False, folder: Path = paths.FONTS) -> int:
    """The advance of one character in thousandths of the type size, as fpdf2 measures it with the
    fallback fonts of `add_to_pdf` (unshaped): the first face that has it, else Noto Sans's missing glyph."""
    cp = ord(char)
    for face in FACES:
        widths, _ = advances(path(face, bold, folder))
        if cp in widths:
            return widths[cp]
    return advances(path(PRIMARY, bold, folder))[1]


def is_rtl(text: str) -> bool:
    """Whether `text` reads right to left: its first letter of a strong direction is Hebrew or Arabic (as
    the Unicode bidirectional algorithm finds a paragraph's direction)."""
    for ch in text:
        if ch.isascii() and not ch.isalpha():
            continue
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def add_to_pdf(pdf: Any, family: str, shaping: bool = True) -> None:
    """Register Noto Sans as `family` (regular and bold) in an fpdf2 document, with the fallbacks.

    With `shaping`, Hebrew and Arabic are ordered right to left and their letters joined (through HarfBuzz);
    without it, each character is as wide as its glyph, which a caller that measures text glyph by glyph
    needs."""
    pdf.add_font(family, "", str(path(PRIMARY)))
    pdf.add_font(family, "B", str(path(PRIMARY, bold=True)))
    names = []
    for i, face in enumerate(FALLBACKS):
        name = f"{family}-fallback-{i}"
        pdf.add_font(name, "", str(path(face)))
        if face.bold:
            pdf.add_font(name, "B", str(path(face, bold=True)))
        names.append(name)
    pdf.set_fallback_fonts(names, exact_match=False)
    pdf.set_text_shaping(shaping)


def visual_runs(text: str, folder: Path = paths.FONTS) -> list[tuple[int, str]]:
    """`runs(text)` in the order they are seen from left to right: in a right-to-left line (`is_rtl`) the
    runs follow each other from the right, punctuation between right-to-left words reads right to left too,
    and the spaces around a left-to-right piece stay between it and the right-to-left words beside it.
    (Each run is drawn in its own direction by its font.)"""
    pieces = runs(text, folder)
    if not is_rtl(text):
        return pieces
    out = []
    for index, piece in pieces:
        if not FACES[index].script:
            if not any(unicodedata.bidirectional(c) in ("L", "EN", "AN") for c in piece):
                piece = piece[::-1]  # only punctuation and spaces: they read right to left with the line
            else:  # the spaces around it are between it and right-to-left words: they swap sides
                core = piece.strip(" ")
                lead = len(piece) - len(piece.lstrip(" "))
                trail = len(piece) - len(piece.rstrip(" "))
                piece = " " * trail + core + " " * lead
        out.append((index, piece))
    return out[::-1]


def draw_text(pdf: Any, x: float, y: float, text: str, right: float | None = None) -> None:
    """What `FPDF.text` does (`text` from x on the baseline y), with the fallback fonts and the shaping that
    fpdf2 applies only in cells: text that Noto Sans draws alone takes the quick way. Hebrew and Arabic are
    drawn run by run in reading order, each shaped (joined letters, Arabic dots) and right to left; with
    `right`, a right-to-left line ends there, at its reader's margin, rather than starting at x."""
    if not needs_fallback(text):
        pdf.text(x, y, text)
        return
    keep = pdf.get_x(), pdf.get_y(), pdf.auto_page_break, pdf.b_margin
    pdf.set_auto_page_break(False)  # a line drawn near the bottom of a page stays on that page
    pieces = visual_runs(text)
    if not any(FACES[i].script for i, _ in pieces):
        _cell(pdf, x, y, text)
    else:
        family, style, size, shaping = pdf.font_family, pdf.font_style, pdf.font_size_pt, pdf.text_shaping
        widths = []
        for index, piece in pieces:
            _run_font(pdf, family, style, size, index)
            widths.append(pdf.get_string_width(piece))
        cx = right - sum(widths) if right is not None and is_rtl(text) else x
        for (index, piece), w in zip(pieces, widths, strict=True):
            _run_font(pdf, family, style, size, index)
            _cell(pdf, cx, y, piece)
            cx += w
        pdf.set_font(family, style, size)
        pdf.text_shaping = shaping
    pdf.set_auto_page_break(keep[2], keep[3])
    pdf.set_xy(keep[0], keep[1])


def _run_font(pdf: Any, family: str, style: str, size: float, index: int) -> None:
    """The font of FACES[index] (registered by add_to_pdf), shaped right to left for Hebrew and Arabic."""
    face = FACES[index]
    name = family if index == 0 else f"{family}-fallback-{index - 1}"
    pdf.set_font(name, style if (index == 0 or face.bold) else "", size)
    if face.script:
        pdf.set_text_shaping(True, direction="rtl")
    else:
        pdf.set_text_shaping(False)


def _cell(pdf: Any, x: float, y: float, text: str) -> None:
    # A cell of height 0 puts its baseline 0.3 type sizes below its top, and its text one margin in.
    pdf.set_xy(x - pdf.c_margin, y - 0.3 * pdf.font_size)
    pdf.cell(w=pdf.get_string_width(text) + 2 * pdf.c_margin, h=0, text=text)
