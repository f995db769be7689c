# SPDX-License-Identifier: MIT
"""Right-to-left scripts on screen and on paper (issue 25 §4): Hebrew and Arabic shaped, in reading order,
set against the right edge of their box, and Arabic's dots intact (في, not فى)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st

from booster import paths
from booster.deck.loader import load_deck
from booster.paper import deck_pdf
from booster.text import fonts
from booster.tools.translation import core
from booster.ui.fontset import FallbackFont
from booster.ui.text import TextRenderer

AR = "في السوق يوجد خضار طازجة كل يوم، والجيران يأتون من بعيد"
HE = "בשוק יש ירקות טריים כל יום, והשכנים באים מרחוק"
MINI = Path(__file__).resolve().parent / "decks" / "mini"


def test_a_paragraphs_direction_is_that_of_its_first_letter() -> None:
    assert fonts.is_rtl(AR) and fonts.is_rtl(HE) and fonts.is_rtl("« 12 » " + HE)
    assert not fonts.is_rtl("Team " + AR) and not fonts.is_rtl("12 %") and not fonts.is_rtl("")


def test_runs_are_seen_from_the_right_in_a_right_to_left_line() -> None:
    # Reading order: Hebrew, ", ", Hebrew, " 12": seen from the left, the number first, the comma between
    # the words reading right to left, the space before the number at its right.
    seen = fonts.visual_runs("שלום, עולם 12")
    assert [p for _, p in seen] == ["12 ", "עולם", " ,", "שלום"]
    assert fonts.visual_runs("Team שלום 2") == fonts.runs("Team שלום 2")  # a left-to-right line is as typed
    # An effect chip in Arabic: "+1" read first, at the right, a space between it and the pillar's name.
    assert fonts.visual_runs("+1 في السوق") == [(3, "في السوق"), (0, " +1")]


@given(st.text(st.sampled_from(list("שלוםفيالسوق abc12,.")), max_size=30))
def test_visual_runs_keep_every_character(text: str) -> None:
    assert sorted("".join(p for _, p in fonts.visual_runs(text))) == sorted(text)


@pytest.fixture
def screen() -> None:
    pygame.font.init()


def _ink(surface: pygame.Surface) -> pygame.Rect:
    return surface.get_bounding_rect()


def test_arabic_dots_below_a_final_yeh_are_drawn(screen) -> None:
    """The final yeh's dots reach below Noto Sans's line: they were cut, and في read as فى."""
    font = FallbackFont(paths.FONTS, 64)
    arabic = pygame.font.Font(str(fonts.path(fonts.FACES[3])), 64)
    arabic.set_script("Arab")
    arabic.set_direction(pygame.DIRECTION_RTL)
    ours, alone = font.render("في", True, (0, 0, 0)), arabic.render("في", True, (0, 0, 0))
    assert _ink(ours).height == _ink(alone).height  # nothing cut off
    # The same with and without the final yeh's dots would mean they were lost.
    assert _ink(font.render("في", True, (0, 0, 0))).bottom > _ink(font.render("فى", True, (0, 0, 0))).bottom


@pytest.mark.parametrize(("text", "rtl"), [(AR, True), (HE, True), ("Un jardin partagé", False)])
def test_a_right_to_left_text_is_set_against_the_right_of_its_box(screen, text: str, rtl: bool) -> None:
    tr = TextRenderer()
    box = pygame.Rect(100, 50, 1400, 300)
    rect = tr.draw(pygame.Surface((1600, 400)), text, box, 42)
    assert rect.width < box.width - 100  # one line, shorter than the box
    assert (rect.right == box.right) if rtl else (rect.left == box.left)


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def rtl_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini deck with Arabic and Hebrew texts."""
    d = Path(shutil.copytree(MINI, tmp_path_factory.mktemp("rtl") / "mini"))
    ts = core.deck_textset(d)
    for lang, s in (("ar", AR), ("he", HE)):

        def walk(node, s=s):
            return {
                k: (s[: len(v) + 10] if k != "title" else s[:20]) if isinstance(v, str) else walk(v)
                for k, v in node.items()
            }

        (d / f"text.{lang}.yaml").write_text(core.render(ts.source, walk(ts.source), "en", []), encoding="utf-8")
    assert not load_deck(d).problems
    return d


@needs_poppler
@pytest.mark.parametrize(("lang", "text"), [("ar", AR), ("he", HE)])
def test_printed_right_to_left_cards_read_in_order_from_the_right(rtl_deck: Path, tmp_path: Path, lang, text) -> None:
    deck = load_deck(rtl_deck).deck
    assert deck is not None
    out = tmp_path / f"{lang}.pdf"
    doc = deck_pdf.build(deck, lang)
    assert doc.warnings == []
    out.write_bytes(bytes(doc.pdf.output()))
    page = 2  # the first page of cards, after the rules
    plain = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(out), "-"], capture_output=True, text=True
    )
    title = text[:20].strip()
    assert title in re.sub(r"[\u200e\u200f\u202a-\u202e]", "", plain.stdout)  # shaped text reads back in order
    boxes = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(out), "-"], capture_output=True, text=True
    ).stdout
    words = [
        (float(x0), float(x1), float(y0), w)
        for x0, y0, x1, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', boxes
        )
    ]
    first = title.split()[0]
    spelled = {first, first[::-1]}  # poppler gives a right-to-left word's letters as drawn, or as read

    # The first word of the first card's title is at the right of its line, near the card's right edge.
    def line_of(word: tuple[float, float, float, str]) -> list[tuple[float, float, float, str]]:
        return [w for w in words if abs(w[2] - word[2]) < 1 and w[0] < 200]  # the first column of cards

    # The title: the first line holding the word and nothing in Latin letters (the band reads "Challenge").
    lines = [line_of(v) for v in words if v[3] in spelled]
    line = next(ln for ln in lines if not any(re.search("[A-Za-z]", w[3]) for w in ln))
    assert len(line) > 1 and max(line, key=lambda w: w[1])[3] in spelled, line


def test_a_text_of_invisible_characters_draws_nothing_rather_than_fail(screen) -> None:
    """SDL_ttf refuses a text of zero width ("Text has zero width"): `deck preview` of a refused language
    holding such a title crashed."""
    tr = TextRenderer()
    rect = tr.draw(pygame.Surface((400, 200)), "\u200b\u200b", pygame.Rect(0, 0, 400, 200), 42)
    assert rect.width <= 1


@needs_poppler
def test_a_report_paragraph_in_hebrew_ends_at_the_right_margin(tmp_path: Path) -> None:
    from booster.paper.doc import MARGIN, Doc

    doc = Doc("footer", "page")
    doc.add_page()
    doc.para(HE, 10)
    doc.para("A paragraph in English.", 10)
    out = tmp_path / "report.pdf"
    out.write_bytes(bytes(doc.output()))
    boxes = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True).stdout
    words = [
        (float(a), float(b), w)
        for a, b, w in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)<', boxes)
    ]
    right = (210 - MARGIN) / 25.4 * 72  # the right margin, in points
    left = MARGIN / 25.4 * 72
    hebrew = [w for w in words if fonts.is_rtl(w[2])]
    english = next(w for w in words if w[2] == "A")
    assert hebrew and abs(max(x1 for _, x1, _ in hebrew) - right) < 2  # set against the right margin
    assert abs(english[0] - left) < 2  # a left-to-right paragraph stays at the left
