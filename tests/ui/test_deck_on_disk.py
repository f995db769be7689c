# SPDX-License-Identifier: MIT
"""A deck edited on disk while the app is open: the game goes on with the deck it started with, a toast
says so, and nothing changes until the facilitator reloads (Ctrl+R)."""

from __future__ import annotations

import pygame
from ui_drive import key

from booster.table import saves
from booster.ui.app import App, Options


def edit_effect(deck) -> None:
    """One effect changed on disk: launch-day's 'press' now gives 3 economy points, not 1."""
    path = deck / "cards.yaml"
    text = path.read_text(encoding="utf-8")
    assert "press: {effect: {economy: 1}}" in text
    path.write_text(text.replace("press: {effect: {economy: 1}}", "press: {effect: {economy: 3}}"), encoding="utf-8")


def press(deck) -> int:
    option = next(o for o in deck.cards["launch-day"].options if o.id == "press")
    return option.effect[deck.rules.pillar_ids.index("economy")]


def opened(deck, now) -> App:
    return App(Options(deck=str(deck), lang="en", seed=3), pygame.Surface((1280, 720)), clock=lambda: now[0])


def test_a_new_game_keeps_the_files_loaded_and_an_edit_waits_for_a_reload(mini_copy):
    now = [1000.0]
    app = opened(mini_copy, now)
    loaded = (mini_copy / "cards.yaml").read_text(encoding="utf-8")
    deck = app.deck
    edit_effect(mini_copy)  # after the app loaded the deck, before the game starts
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 180)
    assert app.game is not None
    # The game's save holds the deck it plays, as it was loaded, not as it is on disk now.
    assert app.game.saved.deck_files["cards.yaml"] == loaded
    on_disk = saves.load(app.game.autosave_path)
    assert on_disk.deck_files["cards.yaml"] == loaded and saves.pinned_deck(on_disk) is not None

    with open(mini_copy / "cards.yaml", "a", encoding="utf-8") as f:  # edited again while it runs
        f.write("# a comment\n")
    now[0] += 5
    app.process()
    assert "changed on disk" in app.toast_text
    assert app.deck is deck and app.game.deck is deck and press(app.game.deck) == 1

    key(app, pygame.K_r, mod=pygame.KMOD_CTRL)  # the facilitator reloads
    assert app.watch_problems == []
    assert app.deck is not deck and press(app.deck) == 3 and press(app.game.deck) == 3
    assert app.game.saved.deck_files["cards.yaml"] == (mini_copy / "cards.yaml").read_text(encoding="utf-8")
    assert app.toast_text == app.t("toast.deck_reloaded")


def test_the_discussion_timer_can_be_extended_by_a_minute(mini_copy):
    now = [1000.0]
    app = opened(mini_copy, now)
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60, "in-turn")
    game = app.game
    assert game is not None
    for _ in range(8):  # on to the first challenge, whose discussion has a timer
        if game.toggle_timer():
            break
        key(app, pygame.K_PAGEDOWN)
    assert game.timer.running
    now[0] += 50  # 10 seconds left: the room needs longer
    key(app, pygame.K_e)
    assert game.timer.running and round(game.timer.remaining()) == 70
    now[0] += 70  # it ended; E gives one more minute, and it counts down again
    assert game.timer.done
    key(app, pygame.K_e)
    assert game.timer.running and round(game.timer.remaining()) == 60
