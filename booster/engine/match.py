# SPDX-License-Identifier: MIT
"""A game in progress as its setup and its log of actions, with undo and exact replay.

A `Match` is immutable: `play` and `undo` return a new one. It keeps every intermediate state, so undo is
instant and restores the previous state exactly. The JSON helpers turn states, setups and logs into plain
data and back without loss; saving them to disk is the shell's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from booster.engine.game import Action, Event, Game, IllegalAction, Setup, State, Team


class Match(NamedTuple):
    game: Game
    setup: Setup
    log: tuple[Action, ...]
    states: tuple[State, ...]  # states[0] is the start; states[i + 1] follows log[i]

    @classmethod
    def start(cls, game: Game, setup: Setup) -> Match:
        return cls(game, setup, (), (game.new_game(setup),))

    @classmethod
    def replay(cls, game: Game, setup: Setup, log: Iterable[Action]) -> Match:
        """Replays a log; raises IllegalAction at the first action that does not fit."""
        match = cls.start(game, setup)
        for i, action in enumerate(log):
            try:
                match, _ = match.play(action)
            except IllegalAction as e:
                raise IllegalAction(f"action {i + 1} ({action}): {e}") from None
        return match

    @property
    def state(self) -> State:
        return self.states[-1]

    def play(self, action: Action) -> tuple[Match, list[Event]]:
        state, events = self.game.apply(self.states[-1], action)
        return self._replace(log=(*self.log, action), states=(*self.states, state)), events

    def can_undo(self) -> bool:
        return bool(self.log)

    def undo(self) -> Match:
        """The match before its last action (the same match if nothing was played)."""
        if not self.log:
            return self
        return self._replace(log=self.log[:-1], states=self.states[:-1])

    def events(self) -> list[tuple[int, Event]]:
        """Every event of the match, each with the index of the action that caused it (replayed)."""
        out: list[tuple[int, Event]] = []
        for i, (state, action) in enumerate(zip(self.states, self.log, strict=False)):
            _, events = self.game.apply(state, action)
            out.extend((i, e) for e in events)
        return out


# -- JSON: plain data in, plain data out -----------------------------------------------------------


def action_to_json(action: Action) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": action.kind}
    if action.option is not None:
        data["option"] = action.option
    if action.tool is not None:
        data["tool"] = action.tool
    return data


def action_from_json(data: dict[str, Any]) -> Action:
    if not isinstance(data, dict) or data.get("kind") not in ("advance", "choose", "exchange"):
        raise ValueError(f"not an action: {data!r}")
    return Action(data["kind"], data.get("option"), data.get("tool"))


def setup_to_json(setup: Setup) -> dict[str, Any]:
    return {"teams": list(setup.teams), "seed": setup.seed, "scenarios": list(setup.scenarios)}


def setup_from_json(data: dict[str, Any]) -> Setup:
    teams, seed, scenarios = data["teams"], data["seed"], data.get("scenarios", [])
    if not (isinstance(teams, list) and all(isinstance(t, str) for t in teams) and isinstance(seed, int)):
        raise ValueError("a setup needs a list of team names and an integer seed")
    return Setup(tuple(teams), seed, tuple(scenarios))


def state_to_json(state: State) -> dict[str, Any]:
    data = state._asdict()
    data["teams"] = [
        {
            **t._asdict(),
            "scores": list(t.scores),
            "tools": list(t.tools),
            "spent": list(t.spent),
            "experience": list(t.experience),
        }
        for t in state.teams
    ]
    data["piles"] = [list(p) for p in state.piles]
    return data


def state_from_json(data: dict[str, Any]) -> State:
    teams = tuple(
        Team(
            t["name"],
            t["scenario"],
            t["space"],
            tuple(t["scores"]),
            tuple(t["tools"]),
            tuple(t["spent"]),
            tuple(t["experience"]),
        )
        for t in data["teams"]
    )
    return State(
        data["rng"],
        data["phase"],
        data["stage"],
        data["turn"],
        data["pending"],
        teams,
        tuple(tuple(p) for p in data["piles"]),
        data["step"],
    )
