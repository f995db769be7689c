# SPDX-License-Identifier: MIT
"""What one action did, per team: the fold of its events, written once for every front end.

`State.push` (and `Game.apply`) say what happened as a list of events, in order; the screen, the report,
the terminal and the phones each want it per team: the card a team drew, the tool it gained and what that
scored, the response applied and its effect, the marks left and cleared, the experience cards received.
`Outcome.of(events)` folds the events once into that.

>>> from booster.engine.events import Drew, Scored, ToolGained
>>> done = Outcome.of([Drew(0, "map"), ToolGained(0, "map"), Scored(0, "map", (0, 0, 1))])
>>> done.team(0).tools, done.team(0).scored, done.team(1).scored
(('map',), (0, 0, 1), None)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, assert_never

from booster.engine.events import (
    AnswerRecorded,
    AnswerWithdrawn,
    Cleared,
    Drew,
    Echoed,
    Event,
    Exchanged,
    ExperienceDealt,
    GameOver,
    Marked,
    Moved,
    Passed,
    Queued,
    Revealed,
    Rolled,
    RoundClosed,
    Scored,
    Split,
    StageStarted,
    TeamEvent,
    ToolGained,
    ToolPlayed,
)
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
        for event in events:
            match event:
                case StageStarted(stage):
                    stages.append(stage)
                case Split():
                    split = True
                case RoundClosed():
                    closed = True
                case GameOver():
                    over = True
                case _:
                    _fold_team(teams.setdefault(event.team, {}), event)
        folded = {seat: TeamOutcome(**fields) for seat, fields in teams.items()}  # type: ignore[arg-type]
        return cls(folded, tuple(stages), split, closed, over)


def _fold_team(mine: dict[str, object], event: TeamEvent) -> None:
    """Adds what `event` did to a team to the fields of its TeamOutcome so far."""
    match event:
        case Rolled(die=die):
            mine["rolled"] = die
        case Moved(space=space):
            mine["moved"] = space
        case Drew(card=card):
            mine["drew"] = card
        case ToolGained(card=card):
            _add(mine, "tools", card)
        case ToolPlayed(card=card):
            _add(mine, "played", card)
        case Revealed(card=card):
            mine["revealed"] = card
        case Scored(card=card, delta=delta, option=option):
            mine["card"], mine["option"] = card, option
            before = mine.get("scored")
            if isinstance(before, tuple):  # a second score for the team in one action: they add up
                delta = tuple(map(sum, zip(before, delta, strict=True)))
            mine["scored"] = delta
        case Marked(mark=mark):
            _add(mine, "marks", mark)
        case Cleared(mark=mark):
            _add(mine, "cleared", mark)
        case Queued(card=card):
            _add(mine, "queued", card)
        case Echoed(card=card):
            _add(mine, "echoed", card)
        case ExperienceDealt(card=card, pillar=pillar, echo_of=echo_of):
            _add(mine, "experience", Received(card, pillar, echo_of))
        case AnswerRecorded():
            mine["answered"] = True
        case AnswerWithdrawn():
            mine["withdrawn"] = True
        case Passed():
            mine["passed"] = True
        case Exchanged():
            pass  # the cards dealt are the ExperienceDealt events before it
        case _:
            assert_never(event)


_NOTHING = TeamOutcome()


def _add(fields: dict[str, object], name: str, item: object) -> None:
    before = fields.get(name, ())
    assert isinstance(before, tuple)
    fields[name] = (*before, item)
