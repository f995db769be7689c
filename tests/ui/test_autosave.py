# SPDX-License-Identifier: MIT
"""Nothing lost: each decision is on disk at once; resume gives the same state; undo goes back a decision."""

from __future__ import annotations

import json

import pygame
from ui_drive import MINI, button, click, key, new_app

from booster import saves


def start(app, teams: int = 2) -> None:
    key(app, pygame.K_PAGEDOWN)
    for _ in range(teams - 2):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_PAGEDOWN)


def on_disk() -> list[dict]:
    return json.loads(saves.autosave_path().read_text(encoding="utf-8"))["log"]


def test_each_decision_is_on_disk_at_once():
    app = new_app(MINI)
    start(app)
    assert on_disk() == []
    key(app, pygame.K_PAGEDOWN)  # the stage introduction
    key(app, pygame.K_PAGEDOWN)  # advance: a challenge is drawn
    assert [e["kind"] for e in on_disk()] == ["advance"]
    key(app, pygame.K_2)  # points at response 2: nothing is played yet
    assert [e["kind"] for e in on_disk()] == ["advance"] and app.top.armed
    key(app, pygame.K_2)  # the same key again confirms
    log = on_disk()
    assert [e["kind"] for e in log] == ["advance", "choose"]
    assert log[1]["option"] == app.game.match.log[1].option
    extra = json.loads(saves.autosave_path().read_text(encoding="utf-8"))["extra"]
    assert extra["tokens"] and extra["timer"] == 60 and extra["lang"] == "en"


def test_resume_gives_the_same_state():
    app = new_app(MINI, lang="fr")
    start(app, 3)
    for _ in range(9):
        key(app, pygame.K_PAGEDOWN)
    state, log = app.game.state, app.game.match.log
    view = type(app.game.view()).__name__
    other = new_app(MINI)  # a new process, after a crash
    assert other.can_resume()
    assert other.top.focused("resume")
    key(other, pygame.K_RETURN)
    assert other.game.state == state and other.game.match.log == log
    assert other.lang == "fr"
    assert type(other.game.view()).__name__ in (view, "BoardView", "ChallengeView")


def test_damaged_save_is_a_sentence():
    saves.autosave_path().parent.mkdir(parents=True, exist_ok=True)
    saves.autosave_path().write_text("{not json", encoding="utf-8")
    app = new_app(MINI)
    assert button(app, "resume") is None  # a save that cannot be read is not offered
    assert app.top.name == "start"
    assert app.resume_problem and "cannot be read" in app.resume_problem
    assert not app.can_resume()
    app.render()  # the sentence is on screen, nothing crashed


def test_undo_goes_back_to_the_previous_choice():
    app = new_app(MINI)
    start(app)
    key(app, pygame.K_PAGEDOWN)  # stage intro
    key(app, pygame.K_PAGEDOWN)  # team 1 advances: challenge
    key(app, pygame.K_1)
    key(app, pygame.K_1)  # choose
    first_choice = app.game.state
    key(app, pygame.K_PAGEDOWN)  # effect seen
    key(app, pygame.K_PAGEDOWN)  # team 2 advances: challenge
    assert app.top.name == "card"
    key(app, pygame.K_z, mod=pygame.KMOD_CTRL)
    # The advance is not a decision: undone with the choice before it, back on the previous card.
    assert app.top.name == "card"
    assert len(app.game.match.log) == 1
    assert app.game.state.pending == app.game.match.states[1].pending
    assert [e["kind"] for e in on_disk()] == ["advance"]
    key(app, pygame.K_1)
    key(app, pygame.K_1)
    assert app.game.state == first_choice  # same seed, same choice: the same game
    key(app, pygame.K_BACKSPACE)
    assert len(app.game.match.log) == 1
    key(app, pygame.K_BACKSPACE)
    assert len(app.game.match.log) == 0
    assert app.top.name == "board"
    key(app, pygame.K_BACKSPACE)  # nothing left: a calm message, no crash
    assert app.toast_text


def test_quit_needs_a_confirmation():
    app = new_app(MINI)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.process()
    assert app.running and app.top.name == "confirm"
    key(app, pygame.K_RETURN)  # the highlight starts on "Stay"
    assert app.running and app.top.name == "start"
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    for _ in range(len(app.top.ring()) - 1):
        key(app, pygame.K_PAGEDOWN)
    assert app.top.focused("quit")
    key(app, pygame.K_RETURN)
    assert app.top.name == "confirm" and app.running
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert not app.running


def test_a_new_game_keeps_the_previous_autosave():
    app = new_app(MINI)
    start(app)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # one action in the first game
    first = saves.load(saves.autosave_path())
    key(app, pygame.K_ESCAPE)
    click(app, "home")
    click(app, "new")
    click(app, "start")
    kept = list((saves.data_dir() / "saves").glob("autosave-*.json"))
    assert len(kept) == 1 and saves.load(kept[0]).log == first.log
    assert saves.load(saves.autosave_path()).log == ()
