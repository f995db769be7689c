# SPDX-License-Identifier: MIT
"""What the screen owes the players now: one small frozen type per kind of screen.

The game controller (`booster.table.controller`) says which of these to show; each scene receives its own
view and reads its fields, never a loose dictionary. No pygame here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageView:
    """The introduction of a stage, before its first turn."""

    stage: int


@dataclass(frozen=True)
class BoardView:
    """The board, with the team whose turn it is (None: all at once, the room advances together)."""

    team: int | None


@dataclass(frozen=True)
class ChallengeView:
    """A challenge drawn by `team`, waiting for its response."""

    card: str
    team: int


@dataclass(frozen=True)
class ToolView:
    """A tool card just drawn by `team`, and the points it gave."""

    card: str
    team: int
    delta: tuple[int, ...] | None


@dataclass(frozen=True)
class EffectView:
    """The response `team` chose on `card` (with the tool it played, if any) and its effect."""

    card: str
    team: int
    option: str
    tool: str | None
    delta: tuple[int, ...] | None
    marks: tuple[str, ...] = ()  # the marks the response left on the team
    cleared: tuple[str, ...] = ()  # the marks it removed
    offered: tuple[str, ...] | None = None  # the responses the team was offered (None: every one)


@dataclass(frozen=True)
class ExchangeView:
    """A team about to exchange its points for experience cards."""

    team: int


@dataclass(frozen=True)
class ExchangedView:
    """The experience cards a team just received, each with its pillar's index and the decision (card,
    response) it answers, if it echoes one."""

    team: int
    cards: tuple[tuple[str, int], ...]
    echoes: tuple[tuple[str, str] | None, ...] = ()


@dataclass(frozen=True)
class RoundView:
    """All at once: a round is open; per team (by seat), the card it answers (None: nothing to answer)."""

    cards: tuple[str | None, ...]

    @property
    def split(self) -> bool:
        """The teams answer different cards (a follow-up of their own, or no card fitting every project)."""
        return len({c for c in self.cards if c is not None}) > 1


@dataclass(frozen=True)
class RevealView:
    """All at once: the round just closed; each team's response and what it did, side by side (a team with
    nothing to answer in the round has no entry; one that passed is named in `passed`)."""

    effects: tuple[EffectView, ...]
    passed: tuple[int, ...] = ()


@dataclass(frozen=True)
class ToolsView:
    """All at once: the tool each team just drew, shown together."""

    tools: tuple[ToolView, ...]


@dataclass(frozen=True)
class TransferView:
    """A team with a project of its own has finished a stage: its answer for its project, and its next tool."""

    stage: int
    team: int


@dataclass(frozen=True)
class DebriefView:
    """The game is over."""


View = (
    StageView
    | BoardView
    | ChallengeView
    | ToolView
    | EffectView
    | ExchangeView
    | ExchangedView
    | DebriefView
    | RoundView
    | RevealView
    | ToolsView
    | TransferView
)
