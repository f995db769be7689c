# SPDX-License-Identifier: MIT
"""A headless game on its own thread with the phone server in front of it, on loopback, and a plain
HTTP client for it."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from headless import HeadlessLoop

from booster.engine.game import ADVANCE, CLOSE, ActionKind, Setup
from booster.engine.model import Deck
from booster.phones.server import Limits, PhoneServer

TEAMS = ("Blue", "Green")


class Room:
    """The game, its server and a plain HTTP client, as one fixture."""

    def __init__(self, deck: Deck, limits: Limits | None = None, seed: int = 3, mode: str | None = None) -> None:
        self.loop = HeadlessLoop(deck, Setup(TEAMS, seed, mode=mode))
        # A loaded test machine may keep the game loop busy for seconds: the tests want the verdict itself.
        limits = limits or Limits(verdict_seconds=60)
        self.server = PhoneServer(self.loop.bridge, "127.0.0.1", 0, limits=limits)
        self.url = self.server.start()

    @property
    def code(self) -> str:
        return self.server.code

    def wrong_code(self) -> str:
        return "0000000000" if self.code != "0000000000" else "1111111111"

    def log(self) -> list[tuple[int, str, str | None, str | None]]:
        """The game's log as (the team that acted, kind, option, tool), read on the game's thread."""
        match = self.loop.call(lambda table: table.match)
        return [
            (a.team if a.team >= 0 else match.states[i].turn, a.kind, a.option, a.tool) for i, a in enumerate(match.log)
        ]

    def choices(self) -> list[tuple[int, str | None]]:
        return [(team, option) for team, kind, option, _ in self.log() if kind == "choose"]

    def request(
        self, path: str, body: Any = None, token: str | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url.rstrip("/") + path, data=data, method="GET" if data is None else "POST"
        )
        if token:
            request.add_header("X-Token", token)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, _decode(response.read())
        except urllib.error.HTTPError as e:
            return e.code, _decode(e.read())

    def join(self, team: int) -> str:
        status, data = self.request("/api/join", {"code": self.code, "team": team})
        assert status == 200, data
        return str(data["token"])

    def view(self, token: str, since: str = "", lang: str = "en") -> dict[str, Any]:
        status, data = self.request(f"/api/view?since={since}&lang={lang}", token=token)
        assert status == 200, data
        return data

    def close(self) -> None:
        self.server.stop()
        self.loop.stop()


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


def to_a_reveal(table: Any) -> tuple[int, str]:
    """All at once, on the game's thread: every team answers its first response and the round closes, until
    a team of the open round holds a tool that reveals its card; returns that team and the tool."""
    for _ in range(200):
        state, game = table.match.state, table.match.game
        if state.phase != "play":
            break
        if state.round is None:
            table.decide(ADVANCE)
            continue
        for seat in range(len(state.teams)):
            tools = [a.tool for a in game.team_actions(state, seat) if a.kind == ActionKind.REVEAL and a.tool]
            if tools:
                return seat, tools[0]
        for seat in range(len(state.teams)):
            choices = [a for a in game.team_actions(state, seat) if a.kind == ActionKind.CHOOSE]
            if choices:
                table.decide(choices[0])
        table.decide(CLOSE)
    raise AssertionError("no team could reveal its card before the game ended")
