# SPDX-License-Identifier: MIT
"""A game in progress as its setup and its log of actions, with undo and exact replay.

A `Match` is immutable: `play` and `undo` return a new one. It keeps a snapshot of every intermediate state
(each a `State.clone()`, so that nothing a caller pushes on one changes another), so undo is instant and
restores the previous state exactly. A setup and a log are the whole game: saving them (as JSON) and reading
them back is the table's job (`booster.table.saves`), the one save reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from booster.engine.events import Event
from booster.engine.game import (
    Action,
    ActionKind,
    Game,
    IllegalAction,
    Setup,
    State,
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
