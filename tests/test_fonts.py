# SPDX-License-Identifier: MIT
"""Team names and deck texts with symbols, emoji, Hebrew or Arabic are drawn, on screen and on paper, instead
of empty boxes: each character goes to the first bundled font that has it."""

import itertools

import pygame
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sample_save import random_save

from booster import paths
from booster.deck.loader import load_deck
from booster.table.saves import save
from booster.text import fonts
from booster.tools.cli import main
from booster.ui.text import TextRenderer

EMOJI = fonts.FACES.index(next(f for f in fonts.FACES if f.colour))
HEBREW = fonts.FACES.index(next(f for f in fonts.FACES if f.script == "Hebr"))
ARABIC = fonts.FACES.index(next(f for f in fonts.FACES if f.script == "Arab"))
SYMBOLS = fonts.FACES.index(next(f for f in fonts.FACES if f.regular.startswith("NotoSansSymbols")))


@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_runs_cover_the_text_exactly_once_in_order(text):
    runs = fonts.runs(text)
    assert "".join(piece for _, piece in runs) == text
    assert all(piece for _, piece in runs)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(runs))


def test_each_script_goes_to_its_font():
    assert fonts.runs("Toits verts") == [(0, "Toits verts")]
    assert fonts.runs("Équipe «café»") == [(0, "Équipe «café»")]
    assert fonts.runs("★ Team 🌱") == [(SYMBOLS, "★"), (0, " Team "), (EMOJI, "🌱")]
    # Two Hebrew words are one right-to-left run, so that they come out in their order; the space after
    # them belongs to the text that follows.
    assert fonts.runs("Team שלום עולם, hi") == [(0, "Team "), (HEBREW, "שלום עולם"), (0, ", hi")]
    assert fonts.runs("فريق الأمل") == [(ARABIC, "فريق الأمل")]
    # A thumbs-up and its skin tone, a heart asked to be an emoji: one colour picture each.
    assert fonts.runs("👍🏽❤️") == [(EMOJI, "👍🏽❤️")]


@pytest.fixture(scope="module")
def renderer():
    pygame.font.init()
    return TextRenderer()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


@pytest.mark.parametrize("a, b", [("ש", "ל"), ("ف", "ق"), ("★", "♥"), ("🌱", "🚀")])
def test_characters_noto_sans_lacks_are_drawn_not_boxed(renderer, a, b):
    """Two different characters that no font has are the same empty box: drawn, they differ."""
    font = renderer.font(42)
    assert pixels(font.render(a, True, (0, 0, 0))) != pixels(font.render(b, True, (0, 0, 0)))


def test_an_emoji_is_drawn_in_colour_at_the_height_of_the_text(renderer):
    font = renderer.font(42)
    surf = font.render("🌱", True, (0, 0, 0))
    assert surf.get_height() == font.get_height() and surf.get_width() < 2 * font.get_height()
    greens = [surf.get_at((x, y)) for x in range(surf.get_width()) for y in range(surf.get_height())]
    assert any(c.a > 200 and c.g > c.r + 30 and c.g > c.b + 30 for c in greens)  # a green sprout, not black text
    assert font.size("Team 🌱")[0] == font.size("Team ")[0] + surf.get_width()


def test_hebrew_is_drawn_right_to_left(renderer):
    font = renderer.font(42)
    hebrew = pygame.font.Font(str(fonts.path(fonts.FACES[HEBREW])), 42)
    hebrew.set_script("Hebr")
    left_to_right = hebrew.render("שלום", True, (0, 0, 0))
    hebrew.set_direction(pygame.DIRECTION_RTL)
    right_to_left = hebrew.render("שלום", True, (0, 0, 0))
    assert pixels(left_to_right) != pixels(right_to_left)  # the direction shows
    expected = pygame.Surface((right_to_left.get_width(), font.get_height()), pygame.SRCALPHA)
    expected.blit(right_to_left, (0, font.get_ascent() - hebrew.get_ascent()))
    assert pixels(font.render("שלום", True, (0, 0, 0))) == pixels(expected)


def test_a_report_embeds_the_fallback_fonts_for_team_names(tmp_path):
    deck = load_deck(paths.CORE_DECK).deck
    names = ("Toits verts 🌱", "שלום עולם", "فريق الأمل", "★ Étoiles")
    save(tmp_path / "game.json", random_save(deck, str(paths.CORE_DECK), names, seed=3, lang="fr"))
    assert main(["report", str(tmp_path / "game.json"), "-o", str(tmp_path / "r.pdf")]) == 0
    pdf = (tmp_path / "r.pdf").read_bytes()
    for name in ("NotoColorEmoji", "NotoSansHebrew", "NotoSansArabic", "NotoSansSymbols2"):
        assert name.encode() in pdf, name


def test_a_printed_card_draws_symbols_from_the_fallback_font(mini_copy, tmp_path):
    texts = mini_copy / "text.en.yaml"
    texts.write_text(texts.read_text(encoding="utf-8").replace("title: A garden", "title: ★ A garden"), "utf-8")
    assert main(["deck", "print", str(mini_copy), "--lang", "en", "-o", str(tmp_path / "d.pdf")]) == 0
    assert b"NotoSansSymbols2" in (tmp_path / "d.pdf").read_bytes()
