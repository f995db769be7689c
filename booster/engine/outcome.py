# SPDX-License-Identifier: MIT
"""What one action did, per team: the fold of its events, written once for every front end.

`State.push` (and `Game.apply`) say what happened as a list of events, in order; the screen, the report,
the terminal and the phones each want it per team: the card a team drew, the tool it gained and what that
scored, the response applied and its effect, the marks left and cleared, the experience cards received.
`Outcome.of(events)` folds the events once into that.

>>> from booster.engine.game import Event, EventKind
>>> done = Outcome.of([Event(EventKind.DREW, 0, "map"), Event(EventKind.TOOL_GAINED, 0, "map"),
...                    Event(EventKind.SCORED, 0, "map", (0, 0, 1))])
>>> done.team(0).tools, done.team(0).scored, done.team(1).scored
(('map',), (0, 0, 1), None)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from booster.engine.game import Event, EventKind
from booster.engine.model import Effect


class Received(NamedTuple):
    """An experience card a team received at the exchange."""

    card: str
    pillar: int  # index into the rules' pillars
    echo_of: tuple[str, str] | None  # (card, option): the team's response it answers, if any


class TeamOutcome(NamedTuple):
    """What one action did to one team (every field empty when it did nothing to it)."""

    rolled: int | None = None  # the die, when the rules move by die
    moved: int | None = None  # the index of the space reached in the stage
    drew: str | None = None  # the card drawn: a challenge, a follow-up or a tool
    tools: tuple[str, ...] = ()  # tools gained
    played: tuple[str, ...] = ()  # tools played (to reveal, or with the response)
    revealed: str | None = None  # the card whose effects a reveal showed
    card: str | None = None  # the card whose response applied (or whose tool scored)
    option: str | None = None  # the response applied
    scored: Effect | None = None  # the points scored (the response's, or a tool's own)
    marks: tuple[str, ...] = ()  # marks left (never one the team held already)
    cleared: tuple[str, ...] = ()  # marks removed
    queued: tuple[str, ...] = ()  # follow-up cards scheduled
    echoed: tuple[str, ...] = ()  # experience cards echoed, dealt first at the exchange
    experience: tuple[Received, ...] = ()  # cards received at the exchange
    answered: bool = False  # all at once: an answer (or a pass) recorded, hidden until the close
    withdrawn: bool = False  # all at once: its recorded answer removed
    passed: bool = False  # all at once: the round closed without its answer


class Outcome(NamedTuple):
    """What one action did: per team (by seat), and to the game (stages started, the round, the end)."""

    teams: dict[int, TeamOutcome]
    stages: tuple[int, ...] = ()  # stages that started (the number of stages: the exchange began)
    split: bool = False  # all at once: no card fitted every team, so each drew its own
    closed: bool = False  # all at once: the round closed and every answer applied
    over: bool = False

    def team(self, seat: int) -> TeamOutcome:
        """What the action did to team `seat` (an empty TeamOutcome if nothing)."""
        return self.teams.get(seat, _NOTHING)

    @classmethod
    def of(cls, events: Iterable[Event]) -> Outcome:
        """The fold of an action's events, per team, in the order they happened."""
        teams: dict[int, dict[str, object]] = {}
        stages: list[int] = []
        split = closed = over = False
        for e in events:
            kind = e.kind
            if e.team < 0:
                if kind == EventKind.STAGE:
                    stages.append(e.value)
                elif kind == EventKind.SPLIT:
                    split = True
                elif kind == EventKind.ROUND_CLOSED:
                    closed = True
                elif kind == EventKind.GAME_OVER:
                    over = True
                continue
            mine = teams.setdefault(e.team, {})
            if kind == EventKind.ROLLED:
                mine["rolled"] = e.value
            elif kind == EventKind.MOVED:
                mine["moved"] = e.value
            elif kind == EventKind.DREW:
                mine["drew"] = e.card
            elif kind == EventKind.TOOL_GAINED:
                _add(mine, "tools", e.card)
            elif kind == EventKind.TOOL_PLAYED:
                _add(mine, "played", e.card)
            elif kind == EventKind.REVEALED:
                mine["revealed"] = e.card
            elif kind == EventKind.SCORED:
                mine["card"], mine["option"] = e.card, e.option
                delta, before = e.delta or (), mine.get("scored")
                if isinstance(before, tuple):  # a second score for the team in one action: they add up
                    delta = tuple(map(sum, zip(before, delta, strict=True)))
                mine["scored"] = delta
            elif kind == EventKind.MARKED:
                _add(mine, "marks", e.mark)
            elif kind == EventKind.CLEARED:
                _add(mine, "cleared", e.mark)
            elif kind == EventKind.QUEUED:
                _add(mine, "queued", e.card)
            elif kind == EventKind.ECHOED:
                _add(mine, "echoed", e.card)
            elif kind == EventKind.EXPERIENCE:
                _add(mine, "experience", Received(e.card or "", e.value, e.echo_of))
            elif kind == EventKind.ANSWERED:
                mine["answered"] = True
            elif kind == EventKind.WITHDRAWN:
                mine["withdrawn"] = True
            elif kind == EventKind.PASSED:
                mine["passed"] = True
        folded = {seat: TeamOutcome(**fields) for seat, fields in teams.items()}  # type: ignore[arg-type]
        return cls(folded, tuple(stages), split, closed, over)


_NOTHING = TeamOutcome()


def _add(fields: dict[str, object], name: str, item: object) -> None:
    before = fields.get(name, ())
    assert isinstance(before, tuple)
    fields[name] = (*before, item)
