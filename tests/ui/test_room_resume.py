# SPDX-License-Identifier: MIT
"""A kill between the two presses of an irreversible step (issue 21): the resumed screen comes back with the
same highlight and the same confirm armed, drawn the same, and the one press left completes the step. The
kill is the App dropped without a word; the resume is a new App from the save on disk."""

from __future__ import annotations

import pygame
from test_room_flow import (
    kill_and_resume,
    play_until,
    start,
    to_a_challenge_with_a_reveal_tool,
    to_a_follow_up_round,
)
from ui_drive import key, new_app

from booster import paths


def picture(app) -> bytes:
    """The window's pixels below the toast strip (a resume may say so at the top)."""
    app.render()
    w, h = app.surface.get_size()
    top = h * 110 // 1080
    return pygame.image.tobytes(app.surface.subsurface((0, top, w, h - top)), "RGB")


def said(app) -> list[str]:
    app.text.records = []
    app.render()
    drawn = [d.text for d in app.text.records]
    app.text.records = None
    return drawn


def in_turn_challenge(seed: int = 3):
    app = new_app(paths.CORE_DECK, seed=seed)
    start(app, 2, together=False)
    for _ in range(50):
        if app.top.name == "card":
            return app
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no challenge")


def test_an_answer_armed_in_turn_comes_back_armed_and_one_press_records_it():
    app = in_turn_challenge()
    key(app, pygame.K_DOWN)
    key(app, pygame.K_PAGEDOWN)  # response 2 highlighted and armed: "press again to confirm"
    scene = app.top
    assert scene.armed and scene.focused("option1")
    before, log = picture(app), len(app.game.match.log)
    again = kill_and_resume(app)
    assert again.top.name == "card" and again.top.armed and again.top.focused("option1")
    assert again.t("card.confirm_again", n=2) in said(again)
    assert picture(again) == before
    key(again, pygame.K_PAGEDOWN)
    assert again.top.name == "effect" and len(again.game.match.log) == log + 1
    assert again.game.match.log[-1].option == again.top.option == scene.options()[1].id


def test_a_reveal_tool_pressed_once_comes_back_asking_for_the_second_press():
    app = new_app(paths.CORE_DECK)
    start(app, 2, together=False)
    scene = to_a_challenge_with_a_reveal_tool(app)
    tool = next(t for t in app.game.helpful_tools() if scene.reveals(t))
    while not scene.focused(f"tool:{tool}"):
        key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEDOWN)
    assert scene.arming == tool and app.game.state.revealed is None
    before = picture(app)
    again = kill_and_resume(app)
    assert again.top.arming == tool and again.top.focused(f"tool:{tool}")
    assert again.t("card.confirm_tool", tool=again.deck_text("cards", tool, "title")) in said(again)
    assert picture(again) == before
    key(again, pygame.K_PAGEDOWN)
    assert again.game.state.revealed == tool


def test_a_row_picked_and_armed_all_at_once_comes_back_and_one_press_records_it():
    app = new_app(paths.CORE_DECK)
    start(app, 4, together=True)
    play_until(app, "round")
    game = app.game
    key(app, pygame.K_1)
    key(app, pygame.K_2)  # team 1 answers: the round goes on with an answer in it
    for _ in range(3):
        key(app, pygame.K_PAGEUP)  # team 2 picked (the first still waiting), then its third response
    key(app, pygame.K_PAGEDOWN)
    scene = app.top
    assert (scene.picked, scene.choice, scene.armed) == (1, 2, True) and not game.has_answered(1)
    before = picture(app)
    again = kill_and_resume(app)
    top = again.top
    assert (top.picked, top.choice, top.armed) == (1, 2, True)
    assert picture(again) == before
    key(again, pygame.K_PAGEDOWN)
    assert again.game.state.round.answers[1].option == again.game.offered(1)[2].id


def test_the_first_team_picked_comes_back_picked():
    app = new_app(paths.CORE_DECK)
    start(app, 3, together=True)
    play_until(app, "round")
    key(app, pygame.K_PAGEUP)  # team 1 picked, its first response highlighted: nothing armed yet
    assert (app.top.picked, app.top.choice, app.top.armed) == (0, 0, False)
    before = picture(app)
    again = kill_and_resume(app)
    assert (again.top.picked, again.top.choice, again.top.armed) == (0, 0, False)
    assert picture(again) == before


def test_a_reveal_asked_for_once_comes_back_asked_and_one_press_reveals():
    app = new_app(paths.CORE_DECK)
    start(app, 3, together=True)
    play_until(app, "round")
    key(app, pygame.K_1)
    key(app, pygame.K_1)  # teams 2 and 3 still think: the first press names them
    key(app, pygame.K_PAGEDOWN)
    assert app.top.asked == (1, 2)
    before = picture(app)
    again = kill_and_resume(app)
    assert again.top.asked == (1, 2) and again.t("round.reveal_again") in said(again)
    assert picture(again) == before
    key(again, pygame.K_PAGEDOWN)
    assert again.top.name == "reveal" and again.top.view.passed == (1, 2)


def test_a_reveal_of_several_cards_comes_back_on_the_page_it_showed():
    app = new_app(paths.CORE_DECK, seed=4)
    start(app, 6, together=True)
    to_a_follow_up_round(app)  # teams answer different cards: the reveal has a page for each
    game = app.game
    for seat in game.waiting():
        key(app, pygame.K_1 + seat)
        key(app, pygame.K_1)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "reveal" and len(app.top.pages) > 1
    key(app, pygame.K_PAGEDOWN)  # the second card's page
    before = picture(app)
    again = kill_and_resume(app)
    assert again.top.name == "reveal" and again.top.page == 1
    assert picture(again) == before
    key(again, pygame.K_PAGEUP)  # back to the first, and on again
    assert again.top.page == 0 and "pressed" not in again.game.saved.extra["screen"]


def test_what_was_half_pressed_goes_with_its_screen():
    app = in_turn_challenge()
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # response 1 recorded: the effect
    key(app, pygame.K_BACKSPACE)  # undone: the challenge comes back as it came, nothing armed
    assert app.top.name == "card" and not app.top.armed
    again = kill_and_resume(app)
    assert again.top.name == "card" and not again.top.armed and again.top.focused("option0")
    assert "pressed" not in again.game.saved.extra["screen"]
