# SPDX-License-Identifier: MIT
"""The room mode on the projector (issue 12): the set-up screen's choices, and the phones' room code that
a resumed game keeps."""

from __future__ import annotations

import pygame
from ui_drive import MINI, key, new_app

from booster import saves


def test_set_up_turns_the_phones_on_and_the_game_keeps_their_room_code():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)  # "New game"
    scene = app.top
    assert scene.name == "setup" and app.phones is None
    key(app, pygame.K_DOWN)
    assert scene.focused("mode")
    key(app, pygame.K_DOWN)
    assert scene.focused("phones")
    key(app, pygame.K_RETURN)
    assert app.phones is not None  # serving, as `booster play --phones` does
    code = app.phones.code
    key(app, pygame.K_PAGEDOWN)
    game = app.game
    assert game is not None and game.autosave_path is not None
    assert saves.load(game.autosave_path).extra["room_code"] == code
    app.phones.stop()
    app.release_game()

    # The laptop restarts: the game Resume offers brings its room code back to the server, so the phones
    # that were in the room get back in without typing anything.
    again = new_app(MINI)
    assert again.resume_path == game.autosave_path
    again.set_phones(True)
    assert again.phones is not None and again.phones.code == code
    again.resume()
    assert again.game is not None and again.phones.code == code


def test_a_game_resumed_with_phones_records_the_room_code_it_is_played_with():
    app = new_app(MINI)
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60)
    path = app.game.autosave_path
    assert "room_code" not in saves.load(path).extra
    app.release_game()
    again = new_app(MINI)
    again.set_phones(True)
    again.resume(path)
    assert again.phones is not None and saves.load(path).extra["room_code"] == again.phones.code


def test_set_up_turns_the_phones_off_again():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)
    app.top.focus_on("phones")
    key(app, pygame.K_RETURN)
    assert app.phones is not None
    key(app, pygame.K_RETURN)
    assert app.phones is None


def test_a_damaged_room_code_in_a_save_is_refused_with_a_sentence(tmp_path):
    app = new_app(MINI)
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60)
    app.game.set_extra("room_code", "12ab")
    try:
        saves.load(app.game.autosave_path)
    except saves.SaveError as e:
        assert "room code" in str(e)
    else:
        raise AssertionError("a room code that is not 4 digits was accepted")
