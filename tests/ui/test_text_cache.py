# SPDX-License-Identifier: MIT
"""The text caches are bounded by the bytes they hold, not by a count (a count of 4K surfaces is gigabytes)."""

from __future__ import annotations

import pygame

from booster.ui import text as text_module
from booster.ui.text import Bounded, TextRenderer


def test_a_bounded_cache_drops_the_least_recently_used_first():
    cache: Bounded[str, bytes] = Bounded(100, lambda key, value: len(value))
    cache.put("a", b"x" * 40)
    cache.put("b", b"x" * 40)
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", b"x" * 40)
    assert cache.get("b") is None and cache.get("a") is not None and cache.get("c") is not None
    assert cache.bytes == 80


def test_rendered_text_at_4k_stays_within_its_budget(monkeypatch):
    pygame.font.init()
    monkeypatch.setattr(text_module, "BLOCKS_BYTES", 8 * 1024 * 1024)
    renderer = TextRenderer()
    surface = pygame.Surface((3840, 2160))
    box = pygame.Rect(0, 0, 3600, 700)
    for i in range(120):  # many different long texts, as a workshop's cards are, at projector sizes
        renderer.draw(surface, f"Card {i}: " + "a long text that wraps on many lines " * 6, box, 84)
    assert renderer.blocks.bytes <= 8 * 1024 * 1024 and len(renderer.blocks) < 120
    assert renderer.wraps.bytes <= text_module.LAYOUT_BYTES and len(renderer.fonts) <= text_module.MAX_FONTS
    # What is still cached is drawn from the cache: the newest text is there.
    assert renderer.blocks.get(next(reversed(list(renderer.blocks)))) is not None
