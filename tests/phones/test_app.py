# SPDX-License-Identifier: MIT
"""The phones wired into the real front end (headless): an answer from a phone is played, shown and
saved exactly as the facilitator's key would be; `booster play --phones` prints where it serves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Callable
from typing import Any

import pygame
import pytest
from phone_room import TEAMS, to_a_reveal
from ui_drive import said

from booster import paths
from booster.engine.game import Action
from booster.phones.service import Phones
from booster.table import saves
from booster.table.controller import GameController
from booster.table.views import BoardView, RoundView
from booster.ui.app import App, Options
from booster.ui.scenes.phones import PhonesOverlay


@pytest.fixture(autouse=True)
def display(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path / "home"))
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((320, 200))
    yield
    pygame.quit()


def pump(app: App, work: Callable[[], Any]) -> Any:
    """Run a phone's requests on a thread while the game's loop runs here, as in the real program."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as e:  # handed back to the test's thread
            result["error"] = e

    thread = threading.Thread(target=run)
    thread.start()
    while thread.is_alive():
        app.process()
        thread.join(0.005)
    app.process()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def call(url: str, path: str, body: Any = None, token: str = "") -> tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url.rstrip("/") + path, data=data, method="GET" if data is None else "POST")
    request.add_header("X-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_a_phone_answers_in_the_real_game_and_the_save_holds_it():
    app = App(Options(deck=str(paths.CORE_DECK), lang="en", seed=5), pygame.Surface((1280, 720)))
    phones = Phones("127.0.0.1", 0)
    phones.start()
    app.phones = phones
    try:
        app.process()
        assert call(phones.url, "/api/room", {"code": phones.code}) == (200, {"teams": []})  # no game yet
        app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180)
        app.process()
        assert isinstance(app.top, PhonesOverlay)  # the join panel comes up with the game
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="", scancode=0))
        app.process()
        assert not isinstance(app.top, PhonesOverlay)
        game = app.game
        assert game is not None
        while game.state.pending is None:
            if isinstance(game.view(), BoardView):
                game.advance()
            else:
                game.dismiss()
            app.sync_game()
        app.process()  # the loop's pass publishes the challenge to the phones
        turn, card = game.state.turn, game.state.pending
        option = app.deck.cards[card].options[2].id

        def phone() -> tuple[int, Any]:
            status, joined = call(phones.url, "/api/join", {"code": phones.code, "team": turn})
            assert status == 200
            _, data = call(phones.url, "/api/view?since=&lang=en", token=joined["token"])
            assert data["view"]["phase"] == "open" and data["view"]["card"]["id"] == card
            return call(phones.url, "/api/answer", {"team": turn, "card": card, "option": option}, joined["token"])

        status, verdict = pump(app, phone)
        assert status == 200, verdict
        assert game.match.log[-1] == Action("choose", option)
        assert app.top.name == "effect"  # the projector shows the effect of the team's answer
        saved = saves.load(game.autosave_path)
        assert saved.log[-1] == Action("choose", option)
    finally:
        phones.stop()


def _booster(*args: str, home: str) -> subprocess.Popen[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "BOOSTER_HOME": home}
    return subprocess.Popen(
        [sys.executable, "-m", "booster", "play", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_play_with_phones_prints_where_it_serves(tmp_path):
    process = _booster("--phones", "127.0.0.1:0", home=str(tmp_path))
    try:
        timer = threading.Timer(30, process.kill)  # a hung start fails the test instead of hanging it
        timer.start()
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        timer.cancel()
        assert line.startswith("Phones: http://127.0.0.1:"), line
        url, code = line.split()[1], line.rstrip(")").split()[-1]
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"<html" in response.read()
        assert call(url, "/api/room", {"code": code})[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_play_with_phones_refuses_an_address_outside_the_room(tmp_path):
    process = _booster("--phones", "8.8.8.8", home=str(tmp_path))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "not an address on a local network" in err and "Traceback" not in err


def test_all_at_once_a_phone_answers_while_the_facilitator_has_another_team_picked():
    app = App(Options(deck=str(paths.CORE_DECK), lang="en", seed=5), pygame.Surface((1280, 720)))
    phones = Phones("127.0.0.1", 0)
    phones.start()
    app.phones = phones
    try:
        app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180, "all-at-once")
        app.process()
        app.pop()  # the join panel
        game = app.game
        assert game is not None
        while not game.in_round():
            game.dismiss() if game.queue else game.advance()
            app.sync_game()
        app.process()
        scene = app.top
        assert scene.name == "round"
        scene.picked = 0  # the facilitator is entering Blue's answer
        card = game.round_card(1)
        option = game.offered(1)[1].id

        def phone() -> tuple[int, Any]:
            _, joined = call(phones.url, "/api/join", {"code": phones.code, "team": 1})
            _, data = call(phones.url, "/api/view?since=&lang=en", token=joined["token"])
            assert data["view"]["phase"] == "open" and data["view"]["turn"] is None
            return call(phones.url, "/api/answer", {"team": 1, "card": card, "option": option}, joined["token"])

        status, verdict = pump(app, phone)
        assert status == 200, verdict
        assert game.state.round.answers[1] == Action("choose", option)
        assert app.top is scene and scene.picked == 0  # the answer did not take the facilitator's row away
        assert game.match.log[-1] == Action("choose", option, None, 1)
        assert saves.load(game.autosave_path).log[-1] == Action("choose", option, None, 1)
    finally:
        phones.stop()


def test_the_room_code_printed_is_the_one_in_force_all_run_long(capsys):
    options = Options(deck=str(paths.CORE_DECK), lang="en", seed=5, phones="127.0.0.1:0")
    app = App(options, pygame.Surface((1280, 720)))
    app.set_phones(True)
    assert app.phones is not None
    code = app.phones.code
    assert f"(room code {code})" in capsys.readouterr().out
    app.set_phones(False)  # the set-up's toggle, off and on again: the same code, said again
    app.set_phones(True)
    assert app.phones is not None and app.phones.code == code
    assert f"(room code {code})" in capsys.readouterr().out
    try:
        app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180)
        assert app.game is not None and app.game.extra["room_code"] == code
        other = f"{(int(code) + 1) % 10**10:010d}"
        app.game.set_extra("room_code", other)  # as if its phones had joined it with another code
        path = app.game.autosave_path
        app.release_game()
        app.resume(path)  # the resumed game brings its own code back, and says so on stdout
        assert app.phones.code == other
        assert capsys.readouterr().out.strip() == f"Phones: room code now {other} at {app.phones.url}"
        assert call(app.phones.url, "/api/room", {"code": other})[0] == 200
        assert call(app.phones.url, "/api/room", {"code": code})[0] == 403
        app.set_phones(False)
        app.set_phones(True)
        assert app.phones.code == other
        assert f"(room code {other})" in capsys.readouterr().out
        # A game saved with an old 4-digit code keeps the server's long one: 4 digits are guessed in minutes.
        app.game.set_extra("room_code", "1234")
        app.release_game()
        app.resume(path)
        assert app.phones.code == other and app.game.extra["room_code"] == other
        assert call(app.phones.url, "/api/room", {"code": "1234"})[0] == 403
    finally:
        app.phones.stop()


def _app_with_phones() -> tuple[App, Phones]:
    """A window on the core deck with the phones served on the loopback."""
    options = Options(deck=str(paths.CORE_DECK), lang="en", seed=5, phones="127.0.0.1:0")
    app = App(options, pygame.Surface((1280, 720)))
    app.set_phones(True)
    phones = app.phones
    assert phones is not None
    return app, phones


def test_a_blackout_pauses_every_phone_and_the_team_rows_count_the_phones():
    app, phones = _app_with_phones()
    try:
        app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180, "in-turn")
        while app.top.overlay:
            app.pop()
        for _ in range(5):
            if app.top.name == "board":
                break
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="", scancode=0))
            app.process()
        assert app.top.name == "board"

        def two_phones_in_green() -> list[str]:
            tokens = [call(phones.url, "/api/join", {"code": phones.code, "team": 1})[1]["token"] for _ in range(2)]
            return [call(phones.url, "/api/view?since=&lang=en", token=t)[1] for t in tokens]

        views = pump(app, two_phones_in_green)
        assert not views[0]["paused"] and phones.phones(1) == 2
        app.text.records = []
        app.render()
        row = [d for d in app.text.records if d.text in ("0", "2")]
        assert {d.text for d in row} >= {"0", "2"}  # Blue's row: no phone; Green's: two

        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PERIOD, mod=0, unicode=".", scancode=0))
        app.process()  # the clicker's black screen: the room waits, phones too
        assert app.blackout
        token = pump(app, lambda: call(phones.url, "/api/join", {"code": phones.code, "team": 0})[1]["token"])
        status, view = pump(app, lambda: call(phones.url, "/api/view?since=&lang=en", token=token))
        assert view["paused"] is True
        answer = view["view"]["answers"][0] if view["view"]["answers"] else None
        if answer is not None:
            status, refused = pump(app, lambda: call(phones.url, "/api/answer", {"team": 0, **answer}, token))
            assert (status, refused) == (409, {"error": "paused"})
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" ", scancode=0))
        app.process()  # any key brings the picture back, and the room goes on
        assert pump(app, lambda: call(phones.url, "/api/view?since=&lang=en", token=token))[1]["paused"] is False
    finally:
        phones.stop()


def test_all_at_once_the_round_rows_count_each_teams_phones():
    app, phones = _app_with_phones()
    try:
        app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180, "all-at-once")
        while app.top.overlay:
            app.pop()
        for _ in range(8):
            if app.top.name == "round":
                break
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="", scancode=0))
            app.process()
        assert app.top.name == "round"
        pump(app, lambda: [call(phones.url, "/api/join", {"code": phones.code, "team": 1}) for _ in range(2)])
        assert phones.phones(1) == 2
        app.text.records = []
        app.render()
        assert {d.text for d in app.text.records} >= {"0", "2"}  # the first team's row: no phone; the second's: two
    finally:
        phones.stop()


def _playing_with_phones(mode: str) -> tuple[App, Phones, GameController]:
    """A game of the two teams begun with the phones served on the loopback, the join panel closed."""
    app, phones = _app_with_phones()
    app.start_game(list(TEAMS), [None, None], [[0, "circle"], [1, "square"]], 180, mode)
    app.process()
    app.pop()  # the join panel
    assert app.game is not None
    return app, phones, app.game


def test_all_at_once_a_reveal_played_from_a_phone_tells_the_room_only_that_the_team_used_it():
    app, phones, game = _playing_with_phones("all-at-once")
    try:
        seat, tool = to_a_reveal(game)  # the facilitator's answers and reveals, through the same controller
        while not isinstance(game.view(), RoundView):
            game.dismiss()
        app.sync_game()
        app.process()
        assert app.top.name == "round"
        app.top.picked = 1 - seat  # the facilitator is entering the other team's answer
        card = game.round_card(seat)

        def phone() -> tuple[int, Any]:
            _, joined = call(phones.url, "/api/join", {"code": phones.code, "team": seat})
            return call(phones.url, "/api/reveal", {"team": seat, "card": card, "tool": tool}, joined["token"])

        status, verdict = pump(app, phone)
        assert status == 200 and verdict["revealed"] == tool, verdict
        assert game.revealed(seat) == tool and saves.load(game.autosave_path).log[-1].kind == "reveal"
        title = app.deck_text("cards", tool, "title")
        assert app.toast_text == app.t("round.used_tool", team=TEAMS[seat], tool=title)
        drawn = said(app)
        assert app.top.private is None and app.top.picked == 1 - seat  # no look-away screen: the phone has them
        assert not [line for text in drawn for line in text.split("\n") if line[:3] in ("1: ", "2: ", "3: ")]
    finally:
        phones.stop()


def test_in_turn_a_reveal_from_the_phone_shows_on_the_projector_as_the_key_would():
    app, phones, game = _playing_with_phones("in-turn")
    try:
        for _ in range(400):  # play on (the first legal action) until the team in turn can reveal its card
            legal = game.rules.legal_actions(game.state)
            reveal = next((a for a in legal if a.kind == "reveal"), None)
            if reveal is not None:
                break
            game.decide(legal[0]) if legal else game.dismiss()
        assert reveal is not None and reveal.tool is not None
        while game.queue:
            game.dismiss()
        app.sync_game()
        app.process()
        assert app.top.name == "card" and game.state.revealed is None
        turn, card = game.state.turn, game.state.pending

        def phone() -> tuple[int, Any]:
            _, joined = call(phones.url, "/api/join", {"code": phones.code, "team": turn})
            return call(phones.url, "/api/reveal", {"team": turn, "card": card, "tool": reveal.tool}, joined["token"])

        status, verdict = pump(app, phone)
        assert status == 200, verdict
        assert game.state.revealed == reveal.tool and app.top.name == "card"
        title = app.deck_text("cards", reveal.tool, "title")
        assert app.t("card.revealed", tool=title) in said(app)  # as R would show it
    finally:
        phones.stop()
