# SPDX-License-Identifier: MIT
"""Helpers that drive the app only through posted events, as a person would."""

from __future__ import annotations

from pathlib import Path

import pygame

from booster.ui.app import App, Options

MINI = Path(__file__).resolve().parents[1] / "decks" / "mini"
DEMO = Path(__file__).resolve().parent / "decks" / "demo"


def new_app(deck, lang: str = "en", size=(1280, 720), seed: int = 3) -> App:
    return App(Options(deck=str(deck), lang=lang, seed=seed), pygame.Surface(size))


def key(app: App, k: int, mod: int = 0, unicode: str = "") -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))
    app.process()


def type_text(app: App, text: str) -> None:
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.process()


def button(app: App, name: str):
    app.render()
    for h in app.painter.hits:
        if h.name == name:
            return h
    return None


def click(app: App, name: str) -> None:
    hit = button(app, name)
    assert hit is not None, f"no button '{name}' on {app.top.name}: {[h.name for h in app.painter.hits]}"
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=hit.rect.center, button=1, touch=False))
    app.process()


def touch(app: App, name: str) -> None:
    hit = button(app, name)
    assert hit is not None, f"no button '{name}' on {app.top.name}"
    w, h = app.surface.get_size()
    x, y = hit.rect.center
    pygame.event.post(
        pygame.event.Event(pygame.FINGERDOWN, x=x / w, y=y / h, dx=0, dy=0, touch_id=0, finger_id=0, pressure=1.0)
    )
    app.process()


def said(app: App) -> list[str]:
    """Every text the screen draws now."""
    app.text.records = []
    app.render()
    texts = [d.text for d in app.text.records]
    app.text.records = None
    return texts
