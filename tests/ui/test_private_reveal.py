# SPDX-License-Identifier: MIT
"""All at once, a team that plays its reveal tool with no phone following it reads the effects on the
projector, behind a screen that asks the other teams to look away (issue 22): driven by posted keys and
clicks only, as a facilitator with a clicker would."""

from __future__ import annotations

import json
import urllib.request

import pygame
import pytest
from test_layout import check
from test_room_flow import kill_and_resume
from test_room_mode import answer_by_keys, start_all_at_once
from ui_drive import click, key, new_app, said

from booster import paths


def to_a_reveal(app, teams: int = 6) -> int:
    """Play on (every team its first response) until a team of the open round can reveal its card."""
    start_all_at_once(app, teams)
    game = app.game
    for _ in range(3000):
        top = app.top
        assert top.name != "debrief", "the core deck offers a reveal tool in a game of this size"
        if top.name == "round":
            found = next((s for s in game.waiting() if game.reveal_tools(s)), None)
            if found is not None:
                return found
            for seat in game.waiting():
                answer_by_keys(app, seat, 0)
        key(app, pygame.K_RETURN)
    raise AssertionError("no reveal tool in reach")


def named(app, seat: int) -> tuple[str, str, str]:
    """The team's reveal tool, the team's name and the tool's title."""
    tool = app.game.reveal_tools(seat)[0]
    return tool, app.game.state.teams[seat].name, app.deck_text("cards", tool, "title")


def play_reveal(app, seat: int) -> None:
    """The team's number, then R twice: it plays its reveal tool (spent, so the first press only says so)."""
    key(app, pygame.K_1 + seat)
    key(app, pygame.K_r)
    key(app, pygame.K_r)


def effect_lines(app, texts: list[str]) -> list[str]:
    """The lines that say what a response does ("1: +1 Ecology, –1 Social")."""
    return [line for text in texts for line in text.split("\n") if line[:3] in ("1: ", "2: ", "3: ")]


def test_with_no_phone_the_effects_wait_behind_a_look_away_screen_and_hide_again():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    seat = to_a_reveal(app)
    game, t = app.game, app.t
    tool, team, title = named(app, seat)
    key(app, pygame.K_1 + seat)
    key(app, pygame.K_r)  # the tool is spent: R once says so, R again plays it
    assert game.revealed(seat) is None
    key(app, pygame.K_r)
    assert game.revealed(seat) == tool
    # First the screen that asks the others to look away: who, which tool, and not one effect.
    texts = said(app)
    assert t("round.private_title", team=team) in texts
    assert any(t("round.private_body", team=team, tool=title) in x for x in texts)
    assert not effect_lines(app, texts) and t("round.revealed_by", team=team, tool=title) not in texts
    key(app, pygame.K_PAGEDOWN)  # the clicker's press shows them, to that team
    texts = said(app)
    assert t("round.revealed_by", team=team, tool=title) in texts
    view = game.rules.seat_view(game.state, seat)
    first = game.offered(seat)[0]
    from booster.ui.scenes import common

    assert effect_lines(app, texts)[0] == f"1: {common.effect_words(app, game.rules.preview(view, first.id))}"
    key(app, pygame.K_PAGEDOWN)  # and the next hides them: the round, the team's row still picked
    texts = said(app)
    assert app.top.name == "round" and app.top.picked == seat and not effect_lines(app, texts)
    assert t("round.used_tool", team=team, tool=title) in texts
    assert t("round.used_show_again", team=team) in texts
    key(app, pygame.K_2)  # the team answers, its effects gone from the screen
    assert game.has_answered(seat) and game.state.round.answers[seat].option == game.offered(seat)[1].id


def test_the_look_away_screen_takes_every_key_but_the_blackout_and_shows_nothing_by_mistake():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    seat = to_a_reveal(app, 4)
    game = app.game
    play_reveal(app, seat)
    timer = game.timer.running
    for k in (pygame.K_BACKSPACE, pygame.K_LEFT, pygame.K_t, pygame.K_PAGEUP, pygame.K_3):
        scene = app.top
        assert scene.private == seat and not scene.showing
        key(app, k)  # back, nothing shown: no undo, no timer, no answer
        assert scene.private is None and app.top is scene and scene.picked == seat
        assert game.revealed(seat) is not None and game.timer.running == timer and not game.has_answered(seat)
        key(app, pygame.K_r)  # R on a team that revealed: the look-away screen again
    key(app, pygame.K_b)  # the blackout is the app's, and hides everything at once
    assert app.blackout and app.top.private == seat
    key(app, pygame.K_RETURN)  # any key brings the picture back, and does nothing else
    assert not app.top.showing
    click(app, "show")  # the mouse: show, then hide
    assert app.top.showing and effect_lines(app, said(app))
    click(app, "hide")
    assert app.top.private is None and not effect_lines(app, said(app))
    key(app, pygame.K_r)
    click(app, "back")
    assert app.top.private is None
    key(app, pygame.K_BACKSPACE)  # now the row's Backspace again: no answer to withdraw
    key(app, pygame.K_LEFT)
    key(app, pygame.K_BACKSPACE)  # no row picked: the app's undo takes the reveal back
    assert game.revealed(seat) is None


def test_a_laptop_killed_while_a_team_reads_its_effects_resumes_with_them_hidden():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    seat = to_a_reveal(app, 4)
    play_reveal(app, seat)
    key(app, pygame.K_PAGEDOWN)
    assert app.top.showing and effect_lines(app, said(app))
    again = kill_and_resume(app)
    assert again.top.name == "round" and again.top.private is None and again.game.revealed(seat) is not None
    assert not effect_lines(again, said(again))  # back on the round: the team's row, never its effects
    if again.top.picked != seat:  # the row picked comes back with the save; pick it if it did not
        key(again, pygame.K_1 + seat)
    key(again, pygame.K_r)  # R on its row: the look-away screen again, for the team to read them
    assert again.top.private == seat and not again.top.showing


def test_an_undo_of_the_reveal_takes_the_look_away_screen_with_it():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    seat = to_a_reveal(app, 4)
    play_reveal(app, seat)
    scene = app.top
    assert app.game.undo()  # an undo from elsewhere (the menu): the reveal is gone, so is its screen
    app.sync_game()
    assert app.top is scene and scene.in_private() is None
    assert not effect_lines(app, said(app))


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_private_reveals_screens_fit_in_french_and_english(lang, size, tmp_path):
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    seat = to_a_reveal(app, 8 if size[0] == 1280 else 6)
    play_reveal(app, seat)
    bad = []
    for step in ("look-away", "shown", "used"):
        bad += check(app)
        pygame.image.save(app.surface, str(tmp_path / f"private-{step}-{lang}-{size[0]}.png"))
        key(app, pygame.K_PAGEDOWN)
    assert not bad, "\n".join(bad[:20])


def ask(app, path: str, body: dict | None = None, token: str = "") -> dict:
    """A phone's request to the window's phone server (served on the loopback by the tests' conftest)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(app.phones.url.rstrip("/") + path, data=data, headers={"X-Token": token})
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())


def test_a_team_a_phone_follows_reads_its_reveal_there_and_the_room_reads_only_that_it_used_it():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    app.set_phones(True)
    seat = to_a_reveal(app)
    game, t = app.game, app.t
    other = next(s for s in game.answering() if s != seat)
    mine = ask(app, "/api/join", {"code": app.phones.code, "team": seat})["token"]
    theirs = ask(app, "/api/join", {"code": app.phones.code, "team": other})["token"]
    tool, team, title = named(app, seat)
    play_reveal(app, seat)
    assert game.revealed(seat) == tool and app.top.private is None  # no look-away screen: the phone has it
    texts = said(app)
    assert t("round.used_tool", team=team, tool=title) in texts
    assert t("round.used_on_phones", team=team) in texts
    assert not effect_lines(app, texts) and t("round.revealed_by", team=team, tool=title) not in texts
    assert ask(app, "/api/view?since=", token=mine)["view"]["shown"]["tool"] == tool
    assert ask(app, "/api/view?since=", token=theirs)["view"]["shown"] is None
    key(app, pygame.K_r)  # the team's phone went flat: R still shows it the effects, behind the same screen
    assert app.top.private == seat
    assert not any(t("round.private_no_phone", team=team) in x for x in said(app))  # a phone follows it


def test_with_phones_on_a_team_without_one_is_told_why_the_screen_shows_its_effects():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    app.set_phones(True)
    seat = to_a_reveal(app, 3)
    team = app.game.state.teams[seat].name
    play_reveal(app, seat)
    assert app.top.private == seat
    assert any(x.startswith(app.t("round.private_no_phone", team=team)) for x in said(app))


def test_a_clicker_alone_plays_a_teams_reveal_tool_then_shows_and_hides_its_effects():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    seat = to_a_reveal(app)
    game, t = app.game, app.t
    tool, team, title = named(app, seat)
    while game.waiting()[0] != seat:  # the teams before it answer first: Page Up picks, Page Down twice records
        for k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_PAGEDOWN):
            key(app, k)
    key(app, pygame.K_PAGEUP)
    assert app.top.picked == seat
    for _ in game.offered(seat):  # past its responses: its reveal tool has the highlight
        key(app, pygame.K_PAGEUP)
    assert app.top.on_reveal() and t("round.clicker_reveal", team=team, tool=title) in said(app)
    key(app, pygame.K_PAGEDOWN)  # the tool is then used up: the first press says so
    assert game.revealed(seat) is None and t("round.confirm_reveal_clicker", team=team, tool=title) in said(app)
    key(app, pygame.K_PAGEDOWN)
    assert game.revealed(seat) == tool and app.top.private == seat and not effect_lines(app, said(app))
    key(app, pygame.K_PAGEDOWN)  # shown to the team
    assert effect_lines(app, said(app))
    key(app, pygame.K_PAGEDOWN)  # hidden; its row still picked, its first response highlighted
    assert app.top.private is None and app.top.picked == seat and app.top.choice == 0
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert game.state.round.answers[seat].option == game.offered(seat)[0].id


def test_past_the_responses_of_a_team_without_a_reveal_tool_page_up_lets_go_of_its_row():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    to_a_reveal(app, 4)
    game = app.game
    seat = next((s for s in game.waiting() if not game.reveal_tools(s)), None)
    assert seat is not None, "in a four-team round some team holds no reveal tool"
    while game.waiting()[0] != seat:
        for k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_PAGEDOWN):
            key(app, k)
    key(app, pygame.K_PAGEUP)
    for _ in game.offered(seat)[1:]:
        key(app, pygame.K_PAGEUP)
    assert app.top.picked == seat
    key(app, pygame.K_PAGEUP)
    assert app.top.picked is None
