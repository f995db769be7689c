# SPDX-License-Identifier: MIT
"""The set-up screen by a presentation clicker alone (issue 21): the controls a facilitator changes for a room
come first, so that six teams all at once take a handful of presses, not a trip round every team's controls."""

from __future__ import annotations

import pygame
from ui_drive import key, new_app

from booster import paths

CLICKER = (pygame.K_PAGEDOWN, pygame.K_PAGEUP, pygame.K_F5)


def test_a_clicker_sets_up_six_teams_all_at_once_in_eight_presses():
    app = new_app(paths.CORE_DECK)
    presses = []

    def press(k: int) -> None:
        assert k in CLICKER
        presses.append(k)
        key(app, k)

    press(pygame.K_F5)  # the start screen: "New game" has the highlight
    scene = app.top
    assert scene.name == "setup" and scene.focused("count")
    for _ in range(4):
        press(pygame.K_F5)  # 2 -> 6 teams
    press(pygame.K_PAGEUP)  # the next control is how the teams play
    assert scene.focused("mode")
    press(pygame.K_F5)
    press(pygame.K_PAGEDOWN)  # starts from anywhere
    game = app.game
    assert game is not None and len(game.state.teams) == 6 and game.state.mode == "all-at-once"
    assert len(presses) == 8  # it took 35 when PageUp went back round every team's controls to the mode


def test_page_up_goes_on_from_the_most_used_controls_and_round_to_the_first():
    app = new_app(paths.CORE_DECK)
    key(app, pygame.K_F5)
    scene = app.top
    for _ in range(4):
        key(app, pygame.K_F5)
    order = []
    for _ in range(len(scene.ring())):
        order.append(next(name for name, _ in scene.ring() if scene.focused(name)))
        key(app, pygame.K_PAGEUP)
    assert order[:4] == ["count", "mode", "phones", "timer"]  # a room's choices, before any team's own
    assert order[-1] == "start" and order[4:8] == ["name0", "colour0", "shape0", "scenario0"]
    assert scene.focused("count")  # round again, from the first
    key(app, pygame.K_UP)  # the keyboard's Up still goes back: round to "Start"
    assert scene.focused("start")
