# SPDX-License-Identifier: MIT
"""Thousands of random events (keys, text, clicks, touches, resizes, quit requests) at every scene: no
exception, whatever the order."""

from __future__ import annotations

import random
import zlib

import pygame
import pytest
from ui_drive import DEMO, MINI

from booster.tools.demo import SCENES, goto, make_app

KEYS = [
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_RETURN,
    pygame.K_SPACE,
    pygame.K_RIGHT,
    pygame.K_LEFT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_PAGEDOWN,
    pygame.K_PAGEUP,
    pygame.K_TAB,
    pygame.K_BACKSPACE,
    pygame.K_z,
    pygame.K_t,
    pygame.K_b,
    pygame.K_PERIOD,
    pygame.K_f,
    pygame.K_F11,
    pygame.K_PLUS,
    pygame.K_MINUS,
    pygame.K_EQUALS,
    pygame.K_h,
    pygame.K_QUESTION,
    pygame.K_ESCAPE,
    pygame.K_F5,
    pygame.K_a,
    pygame.K_KP_ENTER,
    pygame.K_KP_1,
    pygame.K_9,
]
SIZES = [(640, 360), (400, 600), (1000, 300), (320, 240)]


def random_event(rnd: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    r = rnd.random()
    if r < 0.55:
        k = rnd.choice(KEYS)
        mod = pygame.KMOD_CTRL if rnd.random() < 0.1 else pygame.KMOD_SHIFT if rnd.random() < 0.05 else 0
        return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=chr(k) if k < 128 else "", scancode=0)
    if r < 0.65:
        text = rnd.choice(["a", "É", "zz", "?", "+", "🙂", "\x00", "longer name here", "-", "1"])
        return pygame.event.Event(pygame.TEXTINPUT, text=text)
    if r < 0.9:
        pos = (rnd.randrange(-5, size[0] + 5), rnd.randrange(-5, size[1] + 5))
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=rnd.choice([1, 1, 1, 2, 3]), touch=False)
    if r < 0.97:
        return pygame.event.Event(
            pygame.FINGERDOWN, x=rnd.random(), y=rnd.random(), dx=0, dy=0, touch_id=0, finger_id=0, pressure=1.0
        )
    if r < 0.99:
        return pygame.event.Event(pygame.VIDEORESIZE, w=800, h=600, size=(800, 600))
    return pygame.event.Event(pygame.QUIT)


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch):
    """Durability is tested elsewhere; here thousands of autosaves need not each wait for the disk."""
    monkeypatch.setattr("os.fsync", lambda fd: None)


@pytest.mark.parametrize("scene", SCENES)
def test_fuzz_scene(scene):
    rnd = random.Random(zlib.crc32(scene.encode()))
    for deck, lang in ((MINI, "fr"), (DEMO, "en")):
        app = make_app(deck, lang, (640, 360), seed=5)
        goto(app, scene)
        for i in range(180):
            if i % 60 == 59:  # the window changes size now and then
                app.set_surface(pygame.Surface(rnd.choice(SIZES)))
            app.process([random_event(rnd, app.surface.get_size())])
            if not app.running:  # a confirmed quit: start again where we were
                app = make_app(deck, lang, (640, 360), seed=5)
                goto(app, scene)
            if app.dirty:
                app.render()
