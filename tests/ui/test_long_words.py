# SPDX-License-Identifier: MIT
"""Long words: broken into pieces that fit, without measuring the word one character at a time."""

from __future__ import annotations

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from booster.ui.text import TextRenderer

pygame.font.init()
TR = TextRenderer()


class Counting:
    """A font that counts how many times it is measured."""

    def __init__(self, font) -> None:
        self.font, self.calls = font, 0

    def size(self, text: str):
        self.calls += 1
        return self.font.size(text)


def test_a_2000_character_word_is_broken_into_fitting_pieces_with_few_measurements(monkeypatch):
    word = "m" * 2000
    counting = Counting(TR.font(42))
    monkeypatch.setattr(TR, "font", lambda px, bold=False: counting)
    lines = TR._wrap(f"Start {word} end", 42, False, 600)
    assert lines[0] == "Start" and lines[-1].endswith(" end")
    assert "".join(lines[1:]).removesuffix(" end") == word
    assert all(counting.font.size(line)[0] <= 600 for line in lines)
    # One character at a time measured the word about 2,000 times per line; a few per line is the bound.
    assert counting.calls < 6 * len(lines), (counting.calls, len(lines))


def test_a_limit_stops_the_layout_of_a_huge_text():
    lines = TR.wrap("w" * 100_000, 42, False, 600, limit=5)
    assert len(lines) == 6


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from("iWm.€ψ x"), min_size=1, max_size=300), st.integers(20, 700))
def test_any_text_wraps_into_lines_that_fit_and_keep_every_character(text, width):
    font = TR.font(30)
    lines = TR._wrap(text, 30, False, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(font.size(line)[0] <= width or len(line) == 1 for line in lines)  # or one character too wide


def test_a_card_text_of_one_huge_word_fits_its_box():
    surface = pygame.Surface((800, 400))
    box = pygame.Rect(10, 10, 500, 200)
    drawn = TR.draw(surface, "x" * 5000, box, 42)
    assert box.contains(drawn)
