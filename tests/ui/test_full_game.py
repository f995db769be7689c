# SPDX-License-Identifier: MIT
"""Whole workshops played only through posted events: keyboard alone, clicker keys alone, mouse alone."""

from __future__ import annotations

import pygame
from ui_drive import DEMO, MINI, click, key, new_app, touch, type_text

from booster import paths
from booster.engine import events as ev
from booster.table import saves
from booster.ui.theme import team_token


def check_end(app) -> None:
    """The game is over, and every team's scores are the sum of its scored events (and on disk)."""
    s = app.game
    assert s is not None and s.state.phase == "over"
    assert app.top.name == "debrief"
    totals = [[0] * len(s.rules.pillars) for _ in s.state.teams]
    for _i, e in s.match.events():
        if isinstance(e, ev.Scored):
            totals[e.team] = [a + b for a, b in zip(totals[e.team], e.delta, strict=True)]
    assert [list(t.scores) for t in s.state.teams] == totals
    saved = saves.load(s.autosave_path)
    assert saved.log == s.match.log
    assert saved.replay(s.rules).state == s.state


def play_keyboard(app, teams: int = 2) -> None:
    key(app, pygame.K_RETURN)  # start: "New game" has the focus
    assert app.top.name == "setup"
    for _ in range(teams - 2):
        key(app, pygame.K_RIGHT)  # the team count has the focus
    key(app, pygame.K_DOWN)  # how the teams play (in turn)
    key(app, pygame.K_DOWN)  # answers from phones (off)
    key(app, pygame.K_DOWN)  # the discussion timer
    key(app, pygame.K_DOWN)  # first team's name
    key(app, pygame.K_RETURN)  # type into it
    for ch in "Ada b.":  # letters that are also shortcuts go to the field
        key(app, ord(ch) if ch != " " else pygame.K_SPACE, unicode=ch)
        type_text(app, ch)
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_RETURN)
    for _ in range(6):
        key(app, pygame.K_UP)  # the name, the timer, the phones, the mode, the count, then round to "Start"
    assert app.top.focused("start")
    key(app, pygame.K_RETURN)
    assert app.game is not None
    assert app.game.state.teams[0].name == "Ada b"
    for _ in range(500):
        if app.top.name == "debrief":
            break
        if app.top.name == "card":
            n = pygame.K_1 + app.game.state.step % len(app.top.options())
            key(app, n)
            assert app.top.name == "card"  # one press points, and does not play
            key(app, n)
        else:
            key(app, pygame.K_RETURN)
    check_end(app)


def test_keyboard_only():
    app = new_app(MINI)
    play_keyboard(app, 3)


def test_clicker_only():
    """PageDown alone plays a whole game with sensible defaults; PageUp, '.', b, Esc, F5 never break it."""
    app = new_app(MINI, lang="fr")
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "setup"
    key(app, pygame.K_RIGHT)  # a third team
    key(app, pygame.K_PAGEDOWN)
    assert app.game is not None and len(app.game.state.teams) == 3
    for extra in range(600):
        if app.top.name == "debrief":
            break
        if extra % 7 == 3:  # the clicker's other keys, now and then
            key(app, pygame.K_PERIOD)
            assert app.blackout
            key(app, pygame.K_b)  # any key brings the picture back
            assert not app.blackout
            key(app, pygame.K_ESCAPE)
            assert app.top.name == "menu"
            key(app, pygame.K_ESCAPE)
        if extra % 11 == 5 and app.top.name == "card":
            key(app, pygame.K_PAGEUP)  # move the highlight back
        key(app, pygame.K_PAGEDOWN)
    check_end(app)
    # The debrief's read-out walks with PageDown and back with PageUp.
    key(app, pygame.K_PAGEDOWN)
    assert app.top.page == (1 if app.top.cards() else 0)
    key(app, pygame.K_PAGEUP)
    assert app.top.page == 0


PRIMARY = {
    "start": "new",
    "setup": "start",
    "stage": "begin",
    "board": "advance",
    "tool": "continue",
    "effect": "continue",
    "exchange": "exchange",
    "exchanged": "continue",
}


def play_mouse(app, use_touch: bool = False) -> None:
    press = touch if use_touch else click
    press(app, "new")
    press(app, "count+")
    press(app, "colour1")
    press(app, "shape1")
    press(app, "start")
    assert app.game is not None and team_token(app.game.extra.get("tokens"), 1) != (1, "square")
    n = 0
    for _ in range(600):
        name = app.top.name
        if name == "debrief":
            break
        if name == "card":
            app.render()
            tools = [h.name for h in app.painter.hits if h.name.startswith("tool:")]
            if tools and n % 2:
                press(app, tools[0])
            press(app, f"option {n % len(app.top.options()) + 1}")
            assert app.top.name == "card"  # one click points, and does not play
            press(app, f"option {n % len(app.top.options()) + 1}")
            n += 1
        else:
            press(app, PRIMARY[name])
    check_end(app)


def test_mouse_only():
    play_mouse(new_app(MINI))


def test_touch_only():
    play_mouse(new_app(MINI, lang="fr"), use_touch=True)


def test_mouse_demo_deck_eight_teams():
    app = new_app(DEMO, size=(1920, 1080))
    click(app, "new")
    for _ in range(8):
        click(app, "count+")
    click(app, "start")
    assert len(app.game.state.teams) == 8
    for _ in range(2000):
        name = app.top.name
        if name == "debrief":
            break
        if name == "card":
            click(app, "option 1")
        else:
            click(app, PRIMARY[name])
    check_end(app)


def test_keyboard_core_deck():
    play_keyboard(new_app(paths.CORE_DECK), 4)
