# SPDX-License-Identifier: MIT
"""The phones' count on the projector's team rows (issue 21): a phone that joins (a team arriving, or a phone
back after the laptop restarted) wakes the window, which redraws the count at once; before, the count stayed
as it was until something else was pressed, so a resumed game showed teams with no phone."""

from __future__ import annotations

import json
import urllib.request

import pygame
from test_room_flow import play_until
from ui_drive import key, new_app

from booster import paths


def join(url: str, code: str, team: int) -> None:
    body = json.dumps({"code": code, "team": team}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/api/join", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def counts_drawn(app) -> list[str]:
    """The one-digit texts drawn on the rows: each row's number, then its phones' count."""
    app.text.records = []
    app.render()
    half = app.surface.get_width() / 2  # the rows' column, right of the card (and its responses' numbers)
    drawn = [d.text for d in app.text.records if d.text.isdigit() and len(d.text) == 1 and d.box.x > half]
    app.text.records = None
    return drawn


def test_a_phone_that_joins_is_counted_on_the_projector_at_once():
    app = new_app(paths.CORE_DECK)
    key(app, pygame.K_RETURN)  # "New game"
    key(app, pygame.K_RIGHT)  # 3 teams
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # all at once
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # answers from phones: on
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_ESCAPE)  # the join panel
    play_until(app, "round")
    app.process()
    app.render()
    app.dirty = False
    app.wakeup.clear()
    join(app.phones.url, app.phones.code, 1)
    assert app.wakeup.wait(10)  # the loop asleep in its event wait wakes up
    app.process()
    assert app.dirty  # and draws again: team 2's row counts its phone
    assert app.phones.phones(1) == 1
    assert counts_drawn(app) == ["1", "0", "2", "1", "3", "0"]  # each row: the team's number, its phones
