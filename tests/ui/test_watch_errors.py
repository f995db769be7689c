# SPDX-License-Identifier: MIT
"""`booster play --watch` never hides an error: a broken deck text or interface file is shown on screen and
in the terminal with its file, line and column, and the game stays on the last good version of that
language (it used to switch to the source language under a "Deck reloaded" toast)."""

from __future__ import annotations

import re
import shutil

import pygame
from ui_drive import MINI, key

from booster.text import i18n
from booster.ui.app import App, Options

LOCATED = re.compile(r"(text|ui)\.fr\.yaml:\d+:\d+: ")


def _watching(deck, lang: str = "fr") -> App:
    app = App(Options(deck=str(deck), lang=lang, seed=1, watch=True), pygame.Surface((1280, 720)))
    for _ in range(4):
        key(app, pygame.K_PAGEDOWN)  # into a game, on the first card
    return app


def _drawn(app: App) -> list[str]:
    """Every text the next frame draws."""
    app.painter.tr.records = []
    try:
        app.render()
        return [d.text for d in app.painter.tr.records]
    finally:
        app.painter.tr.records = None


def _poll(app: App) -> None:
    app.last_poll = -1
    app.tick()  # the watcher notices the change by itself


def test_a_broken_deck_translation_is_shown_and_its_last_good_version_kept(tmp_path, capsys) -> None:
    deck = shutil.copytree(MINI, tmp_path / "mini")
    app = _watching(deck)
    assert app.game is not None
    before = app.deck.text("fr", "cards", "garden", "title")
    assert before == "Un jardin"
    text = (deck / "text.fr.yaml").read_text(encoding="utf-8")
    (deck / "text.fr.yaml").write_text(text.replace("title: Un jardin", 'title: "Un potager'), encoding="utf-8")
    _poll(app)

    assert app.watch_problems and LOCATED.search(app.watch_problems[0]), app.watch_problems
    assert app.deck.text("fr", "cards", "garden", "title") == "Un jardin"  # still French, not the English
    drawn = _drawn(app)
    assert any(LOCATED.search(t) for t in drawn), drawn
    assert "Un jardin" in " ".join(drawn) and not app.toast_text
    assert LOCATED.search(capsys.readouterr().err)

    # Fixed: the new words, no banner left.
    (deck / "text.fr.yaml").write_text(text.replace("title: Un jardin", "title: Un potager"), encoding="utf-8")
    _poll(app)
    assert not app.watch_problems
    assert "Un potager" in " ".join(_drawn(app))


def test_a_broken_interface_file_is_shown_and_its_last_good_version_kept(tmp_path, capsys) -> None:
    deck = shutil.copytree(MINI, tmp_path / "mini")
    mine = i18n.user_folder()
    mine.mkdir(parents=True, exist_ok=True)
    strings = (i18n.BUNDLED / "ui.fr.yaml").read_text(encoding="utf-8")
    (mine / "ui.fr.yaml").write_text(strings, encoding="utf-8")
    app = _watching(deck)
    french = app.t("error.problems")
    assert french != i18n.Strings("en")("error.problems")
    (mine / "ui.fr.yaml").write_text(strings.replace("  error:\n", "  error: [\n", 1), encoding="utf-8")
    _poll(app)

    assert any(LOCATED.search(p) and "ui.fr.yaml" in p for p in app.watch_problems), app.watch_problems
    assert app.t("error.problems") == french  # not English
    drawn = _drawn(app)
    assert french in drawn and any("ui.fr.yaml:" in t for t in drawn)
    assert "ui.fr.yaml:" in capsys.readouterr().err
