# SPDX-License-Identifier: MIT
"""A game in progress as its setup and its log of actions, with undo and exact replay.

A `Match` is immutable: `play` and `undo` return a new one. It keeps a snapshot of every intermediate state
(each a `State.clone()`, so that nothing a caller pushes on one changes another), so undo is instant and
restores the previous state exactly. The JSON helpers turn states, setups and logs into plain
data and back without loss; saving them to disk is the shell's job.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from booster.engine.game import (
    Action,
    ActionKind,
    Echo,
    Event,
    Game,
    IllegalAction,
    Mode,
    Phase,
    Round,
    Setup,
    State,
    Team,
)

# The actions a team (or, all at once, the facilitator) decides; the others (advance, exchange) are the only
# action allowed where they occur.
DECISIONS = frozenset({ActionKind.CHOOSE, ActionKind.REVEAL, ActionKind.WITHDRAW, ActionKind.CLOSE, ActionKind.PASS})


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
        state = self.states[-1].clone()
        state.game = self.game
        events = state.push(action)
        state = state.clone()  # the snapshot keeps no undo frame
        return self._replace(log=(*self.log, action), states=(*self.states, state)), events

    def can_undo(self) -> bool:
        return bool(self.log)

    def undo(self) -> Match:
        """The match before its last action (the same match if nothing was played)."""
        if not self.log:
            return self
        return self._replace(log=self.log[:-1], states=self.states[:-1])

    def last_decision(self) -> int | None:
        """The index in the log of the last decision (a response chosen or a tool revealed), None if none."""
        for i in range(len(self.log) - 1, -1, -1):
            if self.log[i].kind in DECISIONS:
                return i
        return None

    def can_undo_decision(self) -> bool:
        return self.last_decision() is not None

    def undo_decision(self) -> Match:
        """The match just before its last decision, with the actions that followed it (advances, the
        exchange) undone too: the team faces the same card again. The same match if nothing was decided."""
        i = self.last_decision()
        if i is None:
            return self
        return self._replace(log=self.log[:i], states=self.states[: i + 1])

    def events(self) -> list[tuple[int, Event]]:
        """Every event of the match, each with the index of the action that caused it (replayed)."""
        out: list[tuple[int, Event]] = []
        for i, (state, action) in enumerate(zip(self.states, self.log, strict=False)):
            _, events = self.game.apply(state, action)
            out.extend((i, e) for e in events)
        return out


# -- JSON: plain data in, plain data out -----------------------------------------------------------


def action_to_json(action: Action) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": str(action.kind)}
    if action.option is not None:
        data["option"] = action.option
    if action.tool is not None:
        data["tool"] = action.tool
    if action.team >= 0:
        data["team"] = action.team
    return data


def action_from_json(data: dict[str, Any]) -> Action:
    kinds = [k.value for k in ActionKind]
    if not isinstance(data, dict) or data.get("kind") not in kinds:
        raise ValueError(f"not an action: {data!r}")
    team = data.get("team", -1)
    if isinstance(team, bool) or not isinstance(team, int):
        raise ValueError(f"not a team seat: {team!r}")
    return Action(ActionKind(data["kind"]), data.get("option"), data.get("tool"), team)


def setup_to_json(setup: Setup) -> dict[str, Any]:
    data = {"teams": list(setup.teams), "seed": setup.seed, "scenarios": list(setup.scenarios)}
    if setup.mode is not None:
        data["mode"] = setup.mode
    return data


def team_to_json(team: Team) -> dict[str, Any]:
    return {
        "name": team.name,
        "scenario": team.scenario,
        "scores": list(team.scores),
        "tools": list(team.tools),
        "spent": list(team.spent),
        "experience": list(team.experience),
        "marks": list(team.marks),
        "queue": list(team.queue),
        "scheduled": list(team.scheduled),
        "echoes": [list(e) for e in team.echoes],
        "pile_set": team.pile_set,
        "met": list(team.met),
    }


def team_from_json(t: dict[str, Any]) -> Team:
    return Team(
        name=t["name"],
        scenario=t["scenario"],
        scores=tuple(t["scores"]),
        tools=tuple(t["tools"]),
        spent=tuple(t["spent"]),
        experience=tuple(t["experience"]),
        marks=tuple(t.get("marks", ())),
        queue=tuple(t.get("queue", ())),
        scheduled=tuple(t.get("scheduled", ())),
        echoes=tuple(Echo(*e) for e in t.get("echoes", ())),
        pile_set=t.get("pile_set", 0),
        met=tuple(t.get("met", ())),
    )


def state_to_json(state: State) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rng": state.rng,
        "phase": state.phase.value,
        "stage": state.stage,
        "turn": state.turn,
        "spaces": list(state.spaces),
        "pending": state.pending,
        "revealed": state.revealed,
        "teams": [team_to_json(t) for t in state.teams],
        "piles": [list(p) for p in state.piles],
        "step": state.step,
        "mode": state.mode.value,
        "round": None,
    }
    if state.round is not None:
        data["round"] = {
            "cards": list(state.round.cards),
            "answers": [None if a is None else action_to_json(a) for a in state.round.answers],
            "revealed": list(state.round.revealed),
        }
    return data


def state_from_json(data: dict[str, Any], game: Game | None = None) -> State:
    """A state read back; with `game`, one that `push` can play on."""
    return State(
        rng=data["rng"],
        phase=Phase(data["phase"]),
        stage=data["stage"],
        turn=data["turn"],
        spaces=list(data["spaces"]),
        pending=data["pending"],
        teams=[team_from_json(t) for t in data["teams"]],
        piles=[tuple(p) for p in data["piles"]],
        game=game,
        step=data["step"],
        revealed=data["revealed"],
        mode=Mode(data.get("mode", Mode.IN_TURN)),
        round=_round_from_json(data.get("round")),
    )


def _round_from_json(data: dict[str, Any] | None) -> Round | None:
    if data is None:
        return None
    return Round(
        cards=tuple(data["cards"]),
        answers=tuple(None if a is None else action_from_json(a) for a in data["answers"]),
        revealed=tuple(data["revealed"]),
    )
