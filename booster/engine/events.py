# SPDX-License-Identifier: MIT
"""What an action did, as events: one small type per kind of event.

`State.push` returns a list of them, in the order they happened. Readers match on the type, so that mypy
sees a misspelt kind or field (a string kind compared to "scored" did not):

>>> events: list[Event] = [Drew(0, "map"), ToolGained(0, "map"), Scored(0, "map", (0, 0, 1))]
>>> [e.delta for e in events if isinstance(e, Scored)]
[(0, 0, 1)]
>>> Drew(0, "map") == ToolGained(0, "map")  # two kinds are never equal, even with the same fields
False

Named tuples: the engine makes most of its events once per deck and shares them, and a named tuple is
immutable and cheap to make. `Outcome.of` (booster.engine.outcome) folds them per team for every front end.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

from booster.engine.model import Effect

_E = TypeVar("_E")


def _one_kind(cls: type[_E]) -> type[_E]:
    """Makes events of two kinds unequal even when their fields are (named tuples compare as tuples)."""

    def __eq__(self: tuple[Any, ...], other: object) -> bool:
        return type(other) is cls and tuple.__eq__(self, other)

    def __ne__(self: tuple[Any, ...], other: object) -> bool:
        return not __eq__(self, other)

    cls.__eq__ = __eq__  # type: ignore[assignment,method-assign]
    cls.__ne__ = __ne__  # type: ignore[assignment,method-assign]
    return cls


# -- a team's events: `team` is its seat ------------------------------------------------------------------


@_one_kind
class Rolled(NamedTuple):
    """The team rolled the die (when the rules move by die)."""

    team: int
    die: int


@_one_kind
class Moved(NamedTuple):
    """The team reached a space of the stage."""

    team: int
    space: int
    """The index of the space in the stage."""


@_one_kind
class Drew(NamedTuple):
    """The team drew a card: a challenge, a follow-up or a tool."""

    team: int
    card: str


@_one_kind
class ToolGained(NamedTuple):
    """The tool the team drew joined its toolbox."""

    team: int
    card: str


@_one_kind
class ToolPlayed(NamedTuple):
    """The team played a tool: to reveal a card, or with its response."""

    team: int
    card: str


@_one_kind
class Revealed(NamedTuple):
    """The effects of the card's responses are shown to the team before it chooses."""

    team: int
    card: str


@_one_kind
class Scored(NamedTuple):
    """The team's scores changed: by a response (`option`), or by a tool's own effect when drawn."""

    team: int
    card: str
    delta: Effect
    """Aligned with the rules' pillars."""
    option: str | None = None


@_one_kind
class Marked(NamedTuple):
    """A response left a mark the team did not hold."""

    team: int
    card: str
    option: str
    mark: str


@_one_kind
class Cleared(NamedTuple):
    """A response removed a mark the team held."""

    team: int
    card: str
    option: str
    mark: str


@_one_kind
class Queued(NamedTuple):
    """A response scheduled a follow-up card: it comes back to the team later."""

    team: int
    card: str
    """The follow-up."""
    option: str
    """The response that scheduled it."""


@_one_kind
class Echoed(NamedTuple):
    """A response will be answered by an experience card, dealt first at the exchange."""

    team: int
    card: str
    """The experience card."""
    echo_of: tuple[str, str]
    """The (card, option) it answers."""


@_one_kind
class ExperienceDealt(NamedTuple):
    """The team received an experience card at the exchange."""

    team: int
    card: str
    pillar: int
    """The index of its pillar in the rules' pillars."""
    echo_of: tuple[str, str] | None = None
    """The (card, option) of the team's it answers, if it was echoed."""


@_one_kind
class Exchanged(NamedTuple):
    """The team traded its points for experience cards."""

    team: int


@_one_kind
class AnswerRecorded(NamedTuple):
    """All at once: the team's answer (or pass) to its card is recorded, hidden until the round closes."""

    team: int
    card: str


@_one_kind
class AnswerWithdrawn(NamedTuple):
    """All at once: the team's recorded answer was removed."""

    team: int
    card: str


@_one_kind
class Passed(NamedTuple):
    """All at once: the round closed without an answer from the team to `card`."""

    team: int
    card: str


# -- the game's events ----------------------------------------------------------------------------------------


@_one_kind
class StageStarted(NamedTuple):
    """A stage starts; after the last, `stage` is the number of stages: the exchange begins."""

    stage: int


@_one_kind
class Split(NamedTuple):
    """All at once: no card fits every team's project, so each team draws its own this round."""

    stage: int


@_one_kind
class RoundClosed(NamedTuple):
    """All at once: every recorded answer applied (the events before this one)."""


@_one_kind
class GameOver(NamedTuple):
    """Every team has exchanged: no action is left."""


TeamEvent = (
    Rolled
    | Moved
    | Drew
    | ToolGained
    | ToolPlayed
    | Revealed
    | Scored
    | Marked
    | Cleared
    | Queued
    | Echoed
    | ExperienceDealt
    | Exchanged
    | AnswerRecorded
    | AnswerWithdrawn
    | Passed
)
"""An event that happened to one team (each has a `team`)."""

Event = TeamEvent | StageStarted | Split | RoundClosed | GameOver
"""Anything an action did."""
