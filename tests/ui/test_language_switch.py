# SPDX-License-Identifier: MIT
"""The language switch offers every language of the deck, and says in plain words what an incomplete
interface lacks (issue 13 §2): the core deck's Italian cards are there, most of the Italian interface is not."""

from __future__ import annotations

import argparse

import attrs
import pygame
import pytest
from ui_drive import click, key

from booster import paths
from booster.text import i18n
from booster.ui.app import App, Options

FULL_HD = (1920, 1080)


def _app(lang: str) -> App:
    return App(Options(deck=str(paths.CORE_DECK), lang=lang, seed=1), pygame.Surface(FULL_HD))


def _drawn(app: App) -> list[tuple[pygame.Rect, str]]:
    app.text.records = []
    app.render()
    return [(d.rect, d.text) for d in app.text.records]


def _italian_lacks() -> tuple[int, int]:
    """(missing, total) Italian interface strings, counted as `deck status` and `deck check` count them."""
    done, total = i18n.interface_count("it")
    return total - done, total


def _notes(app: App) -> list[tuple[pygame.Rect, str]]:
    return [(r, t) for r, t in _drawn(app) if "Italiano" in t and str(_italian_lacks()[1]) in t]


@pytest.mark.parametrize(("lang", "other"), [("en", "fr"), ("fr", "en")])
def test_the_switch_goes_round_the_complete_languages_and_names_no_other(lang: str, other: str) -> None:
    app = _app(lang)
    assert app.top.name == "start" and "it" in app.languages()
    assert _notes(app) == []  # Italian is not the language on screen: not a word about it
    click(app, "language")  # French to English (and back) without passing through Italian
    assert app.lang == other and _notes(app) == []
    click(app, "language")
    assert app.lang == lang


def test_italian_is_one_step_back_and_then_says_what_it_lacks() -> None:
    app = _app("en")
    app.top.focus_on("language")
    key(app, pygame.K_LEFT)  # backwards, the switch goes round every language of the deck
    assert app.lang == "it"
    [(rect, text)] = _notes(app)
    missing, total = _italian_lacks()
    assert text == f"Italiano: {missing} su {total} testi dell’interfaccia non ancora tradotti; appaiono in inglese."
    # A line of its own under the switch: on screen, over no button, whole.
    assert app.layout.frame.contains(rect)
    assert not any(h.rect.colliderect(rect) for h in app.painter.hits)
    switch = next(h.rect for h in app.painter.hits if h.name == "language")
    assert switch.bottom <= rect.top < switch.bottom + 40
    assert all(not d.cut for d in app.text.records)
    click(app, "language")  # forwards again: back among the complete ones, and the line goes
    assert app.lang == "en" and _notes(app) == []


def test_a_complete_choice_leaves_no_line() -> None:
    app = _app("en")
    app.deck = attrs.evolve(app.deck, texts={k: v for k, v in app.deck.texts.items() if k != "it"})
    assert "it" not in app.languages() and _notes(app) == []


def test_the_menus_switch_goes_from_french_to_english() -> None:
    app = _app("fr")
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    click(app, "language")
    assert app.lang == "en" and not app.toast_text


def test_an_incomplete_language_is_never_picked_unasked(monkeypatch) -> None:
    monkeypatch.setattr(pygame.system, "get_pref_locales", lambda: [{"language": "it", "country": "IT"}])
    assert App(Options(deck=str(paths.CORE_DECK), seed=1), pygame.Surface(FULL_HD)).lang != "it"


def test_play_with_an_incomplete_language_says_it(monkeypatch, capsys) -> None:
    import booster.ui.play as ui_play
    from booster.tools.cli import main

    seen: list[argparse.Namespace] = []
    monkeypatch.setattr(ui_play, "run", lambda args: seen.append(args) or 0)
    assert main(["play", "--lang", "it"]) == 0 and seen
    assert "Italiano: " in capsys.readouterr().err
    assert main(["play", "--lang", "fr"]) == 0
    assert capsys.readouterr().err == ""
