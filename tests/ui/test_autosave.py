# SPDX-License-Identifier: MIT
"""Nothing lost: each decision is on disk at once; resume gives the same state; undo goes back a decision."""

from __future__ import annotations

import json

import pygame
from ui_drive import MINI, button, click, key, new_app

from booster.table import saves
from booster.table.saves import action_to_json


def start(app, teams: int = 2) -> None:
    key(app, pygame.K_PAGEDOWN)
    for _ in range(teams - 2):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_PAGEDOWN)


def on_disk(app) -> list[dict]:
    """The decisions on disk: the save's file and its journal of appended decisions."""
    return [action_to_json(a) for a in saves.load(app.game.autosave_path).log]


def test_each_decision_is_on_disk_at_once():
    app = new_app(MINI)
    start(app)
    assert on_disk(app) == []
    key(app, pygame.K_PAGEDOWN)  # the stage introduction
    key(app, pygame.K_PAGEDOWN)  # advance: a challenge is drawn
    assert [e["kind"] for e in on_disk(app)] == ["advance"]
    key(app, pygame.K_2)  # points at response 2: nothing is played yet
    assert [e["kind"] for e in on_disk(app)] == ["advance"] and app.top.armed
    key(app, pygame.K_2)  # the same key again confirms
    log = on_disk(app)
    assert [e["kind"] for e in log] == ["advance", "choose"]
    assert log[1]["option"] == app.game.match.log[1].option
    data = json.loads(app.game.autosave_path.read_text(encoding="utf-8"))
    extra = data["extra"]
    assert extra["tokens"] and extra["timer"] == 60
    assert data["lang"] == "en" and "lang" not in extra  # the language is kept once


def test_resume_gives_the_same_state():
    app = new_app(MINI, lang="fr")
    start(app, 3)
    for _ in range(9):
        key(app, pygame.K_PAGEDOWN)
    state, log = app.game.state, app.game.match.log
    view = type(app.game.view()).__name__
    app.release_game()  # as when its process ends, however it ends
    other = new_app(MINI)  # a new process, after a crash
    assert other.shelf.path is not None
    assert other.top.focused("resume")
    key(other, pygame.K_RETURN)
    assert other.game.state == state and other.game.match.log == log
    assert other.lang == "fr"
    assert type(other.game.view()).__name__ in (view, "BoardView", "ChallengeView")


def test_damaged_save_is_a_sentence():
    saves.games_dir().mkdir(parents=True, exist_ok=True)
    (saves.games_dir() / "game-20260101-000000.json").write_text("{not json", encoding="utf-8")
    app = new_app(MINI)
    assert button(app, "resume") is None  # a save that cannot be read is not offered
    assert app.top.name == "start"
    assert app.shelf.problem and "cannot be read" in app.shelf.problem
    assert app.shelf.path is None
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
    assert [e["kind"] for e in on_disk(app)] == ["advance"]
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
    key(app, pygame.K_PAGEUP)  # round to the last item
    assert app.top.focused("quit")
    key(app, pygame.K_PAGEDOWN)  # PageDown chooses in the menu
    assert app.top.name == "confirm" and app.running
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert not app.running


def test_a_new_game_keeps_the_previous_game():
    app = new_app(MINI)
    start(app)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # one action in the first game
    first_path = app.game.autosave_path
    first = saves.load(first_path)
    key(app, pygame.K_ESCAPE)
    click(app, "home")
    click(app, "new")
    click(app, "start")
    assert app.game.autosave_path != first_path
    assert saves.load(first_path).log == first.log  # untouched, never moved aside
    assert saves.load(app.game.autosave_path).log == ()


def test_two_windows_never_share_a_save():
    first = new_app(MINI)
    start(first)
    second = new_app(MINI)  # started while the first plays
    assert second.shelf.path is None and second.shelf.locked is not None  # the first one's game is not offered
    start(second)
    for _ in range(4):
        key(first, pygame.K_PAGEDOWN)
        key(second, pygame.K_PAGEDOWN)
    assert first.game.autosave_path != second.game.autosave_path
    for app in (first, second):
        assert saves.load(app.game.autosave_path).log == app.game.match.log


def test_a_second_window_views_a_game_read_only():
    first = new_app(MINI)
    start(first)
    key(first, pygame.K_PAGEDOWN)
    key(first, pygame.K_PAGEDOWN)
    before = first.game.autosave_path.read_bytes()
    second = new_app(MINI)
    click(second, "view")
    assert second.game is not None and second.game.read_only
    assert second.game.state == first.game.state
    assert not second.game.advance() and not second.game.undo()
    assert "Read only" in second.toast_text
    assert first.game.autosave_path.read_bytes() == before
    first.release_game()  # the first window closes: its game can be resumed for real
    third = new_app(MINI)
    assert third.shelf.path is not None and third.shelf.locked is None


def test_a_failed_resume_keeps_the_deck_and_is_not_offered_again(mini_copy):
    app = new_app(MINI)
    start(app)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    path = app.game.autosave_path
    app.release_game()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["extra"]["timer"] = 10**400  # a 400-digit timer used to end the game after Resume
    path.write_text(json.dumps(data), encoding="utf-8")
    other = new_app(mini_copy)
    assert other.shelf.path is None and "timer" in other.shelf.problem  # not offered, and said why
    other.render()
    deck, deck_path = other.deck, other.deck_path
    other.resume(path)  # asked for all the same
    assert other.top.name == "start" and "timer" in other.shelf.problem
    assert other.deck is deck and other.deck_path == deck_path
    assert other.shelf.path is None
    other.render()


def test_resume_on_an_edited_deck_plays_on_with_the_deck_it_was_played_with(mini_copy):
    import re

    app = new_app(mini_copy)
    start(app)
    for _ in range(3):
        key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_1)
    key(app, pygame.K_1)  # points, then confirms
    state = app.game.state
    app.release_game()
    cards = mini_copy / "cards.yaml"
    cards.write_text(re.sub(r"(ecology|economy|social): -?\d", r"\1: -4", cards.read_text(encoding="utf-8")))
    other = new_app(mini_copy)
    click(other, "resume")
    assert other.game is not None and other.game.state == state
    assert "earlier version of the deck" in other.toast_text


def test_an_older_unfinished_game_stays_within_reach_from_the_start_screen():
    import os

    app = new_app(MINI)
    start(app)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # the morning's game: one action
    morning, morning_log = app.game.autosave_path, app.game.match.log
    key(app, pygame.K_ESCAPE)
    click(app, "home")
    click(app, "new")
    click(app, "start")  # the afternoon's game
    afternoon = app.game.autosave_path
    app.release_game()
    os.utime(morning, (1_000_000, 1_000_000))  # older on disk, as it would be hours later
    again = new_app(MINI)
    assert again.shelf.path == afternoon and again.shelf.place() == (1, 2)
    click(again, "other")  # "Game 1 of 2 ›" steps to the older one
    assert again.shelf.path == morning and again.shelf.place() == (2, 2)
    again.top.focus_on("resume")
    key(again, pygame.K_RIGHT)  # Left and Right on Resume step through them too
    assert again.shelf.path == afternoon
    key(again, pygame.K_LEFT)
    assert again.shelf.path == morning
    click(again, "resume")
    assert again.game is not None and again.game.autosave_path == morning
    assert again.game.match.log == morning_log


def test_a_new_game_is_pinned_to_the_deck_on_screen_not_to_a_later_edit(mini_copy):
    """The deck is read once: a new game's save keeps the files the deck on screen was read from, so an edit
    saved meanwhile (no --watch: the screen still shows the old words) is not what the game is replayed on."""
    import re

    app = new_app(mini_copy)
    cards = mini_copy / "cards.yaml"
    before = cards.read_text(encoding="utf-8")
    cards.write_text(re.sub(r"(ecology|economy|social): -?\d", r"\1: -4", before), encoding="utf-8")
    start(app)
    saved = saves.load(app.game.autosave_path)
    assert saved.deck_files["cards.yaml"] == before
    assert saves.pinned_deck(saved) == app.deck  # resume replays on the deck the game is played with
