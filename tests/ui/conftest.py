# SPDX-License-Identifier: MIT
"""Headless pygame for the UI tests: the dummy video and audio drivers are set before pygame loads, and
autosaves go to a temporary BOOSTER_HOME."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame
import pytest


@pytest.fixture(autouse=True)
def booster_home(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("BOOSTER_MARK_MISSING", raising=False)
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def phones_on_loopback(monkeypatch):
    """The set-up screen's "answers from phones" serves on this machine's loopback only, on a free port, and
    every server a test started is stopped after it."""
    from booster.ui import window

    started = []
    serve = window.serve_phones

    def on_loopback(where, wake, code=None):
        phones = serve("127.0.0.1:0", wake, code)
        started.append(phones)
        return phones

    monkeypatch.setattr(window, "serve_phones", on_loopback)
    yield started
    for phones in started:
        phones.stop()


@pytest.fixture(scope="session", autouse=True)
def pygame_display():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 200))  # events need a video system; scenes draw into their own Surfaces
    yield
    pygame.quit()
