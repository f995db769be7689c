# SPDX-License-Identifier: MIT
"""What a game is made of while it is played: actions, teams, rounds and the mutable `State` (its events are
in booster.engine.events).

The rules that change a state are `booster.engine.game.Game`'s; `State.push` asks them. Every name here is
also importable from `booster.engine.game`, where callers have always found them.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple, NoReturn, Protocol

from booster.engine.events import Event
from booster.engine.model import Mode


class Phase(StrEnum):
    PLAY = "play"
    EXCHANGE = "exchange"
    OVER = "over"


class ActionKind(StrEnum):
    ADVANCE = "advance"
    """Move to the next space and draw its card."""
    REVEAL = "reveal"
    """Play a tool with the reveal power on the pending card: its effects are shown before choosing."""
    CHOOSE = "choose"
    """Answer the pending card with one of its responses, optionally playing a tool."""
    EXCHANGE = "exchange"
    """Trade the team's points for experience cards."""
    WITHDRAW = "withdraw"
    """All at once: remove a team's recorded answer (the round stays open)."""
    CLOSE = "close"
    """All at once: every team has answered; apply the answers, in seat order, and show them together."""
    PASS = "pass"
    """All at once: the team gives no answer to this round's card (the facilitator reveals without it)."""


PLAY, EXCHANGE, OVER = Phase.PLAY, Phase.EXCHANGE, Phase.OVER


class IllegalAction(ValueError):
    """The action is not allowed in this state; the state is unchanged."""


class Action(NamedTuple):
    """One entry of the log: `advance`, `reveal` (with a tool), `choose` (an option, maybe a tool), `exchange`;
    all at once also `withdraw`, `pass` and `close`. `team` is the seat that acts in a round (-1: the team
    the round waits for)."""

    kind: ActionKind
    option: str | None = None
    tool: str | None = None
    team: int = -1

    def __str__(self) -> str:
        who = f"team {self.team + 1}: " if self.team >= 0 else ""
        if self.kind == ActionKind.REVEAL:
            return f"{who}reveal with {self.tool}"
        if self.kind != ActionKind.CHOOSE:
            return f"{who}{self.kind}"
        return f"{who}choose {self.option}" + (f" with {self.tool}" if self.tool else "")


ADVANCE = Action(ActionKind.ADVANCE)
EXCHANGE_ACTION = Action(ActionKind.EXCHANGE)
CLOSE = Action(ActionKind.CLOSE)


class Echo(NamedTuple):
    """An experience card a team's response echoes: it is dealt first at the exchange."""

    experience: str
    card: str
    option: str


_TEAM_FIELDS = (
    "name",
    "scenario",
    "scores",
    "tools",
    "spent",
    "experience",
    "marks",
    "queue",
    "scheduled",
    "echoes",
    "pile_set",
    "met",
)


class Team:
    """What a team holds. Changed in place by `State.push` (each change noted for `pop`); read it, never
    assign to it.

    A plain class, not attrs: mypyc compiles it into a native class (attribute reads become C struct reads),
    which the built wheel's engine relies on for its speed."""

    __slots__ = _TEAM_FIELDS

    def __init__(
        self,
        name: str,
        scenario: str | None,
        scores: tuple[int, ...],
        tools: tuple[str, ...],
        spent: tuple[str, ...],
        experience: tuple[str, ...],
        marks: tuple[str, ...] = (),
        queue: tuple[str, ...] = (),
        scheduled: tuple[str, ...] = (),
        echoes: tuple[Echo, ...] = (),
        pile_set: int = 0,
        met: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.scenario = scenario
        self.scores = scores
        self.tools = tools  # every tool drawn, in order
        self.spent = spent  # tools played on a challenge, when tools are single use
        self.experience = experience
        self.marks = marks  # marks held, in the order they were left
        self.queue = queue  # follow-up cards waiting to be drawn, first first
        self.scheduled = scheduled  # every follow-up ever queued (a card is queued once)
        self.echoes = echoes  # in the order the responses were chosen
        self.pile_set = pile_set  # which set of piles the team draws from (teams of one project share one)
        self.met = met  # the cards it drew from the board piles, kept when the rules forbid repeats

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.name,
            self.scenario,
            self.scores,
            self.tools,
            self.spent,
            self.experience,
            self.marks,
            self.queue,
            self.scheduled,
            self.echoes,
            self.pile_set,
            self.met,
        )

    def _replace(self, **changes: Any) -> Team:
        """A copy with `changes` (as a named tuple's `_replace`); `_replace()` is a plain copy."""
        copy = Team(*self._fields())
        for key, value in changes.items():
            if key not in _TEAM_FIELDS:
                raise TypeError(f"Team has no field {key!r}")
            setattr(copy, key, value)
        return copy

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Team) and self._fields() == other._fields()

    def __reduce__(self) -> tuple[type[Team], tuple[Any, ...]]:
        # Pickled by its fields: a class mypyc compiles is not rebuilt by pickle's default (no __dict__).
        return Team, self._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return "Team(" + ", ".join(f"{k}={v!r}" for k, v in zip(_TEAM_FIELDS, self._fields(), strict=True)) + ")"


class Round(NamedTuple):
    """An open round, all at once: per team (by seat), its card, its recorded answer, its reveal tool."""

    cards: tuple[str | None, ...]  # None: the team has nothing to answer (an empty pile)
    answers: tuple[Action | None, ...]  # `choose` (or `pass`) actions without a team, None until answered
    revealed: tuple[str | None, ...]

    def waiting(self) -> int | None:
        """The first seat that has a card and no answer yet; None once every team has answered."""
        for seat, (card, answer) in enumerate(zip(self.cards, self.answers, strict=True)):
            if card is not None and answer is None:
                return seat
        return None

    def unanswered(self) -> tuple[int, ...]:
        """The seats that have a card and no answer yet: those the round waits for."""
        return tuple(
            s for s, (c, a) in enumerate(zip(self.cards, self.answers, strict=True)) if c is not None and a is None
        )


class Setup(NamedTuple):
    teams: tuple[str, ...]
    seed: int = 0
    scenarios: tuple[str | None, ...] = ()
    mode: str | None = None  # "in-turn" or "all-at-once"; None: the rules' choice


# The undo stack is two flat lists, so that what it keeps is no new object for the garbage collector to
# look at (a tuple per change kept alive for a whole game made the collector run four times as often):
# - the frames: per push, FRAME items: the action, the flow before it (rng, phase, stage, turn, pending,
#   revealed, round) and the length of the journal before it;
# - the journal: per change made to a team, the piles or the spaces, three items: the team or list, the
#   attribute or index, the old value.
FRAME = 9
# What a state is equal by and shows (not its rules nor its undo stack), in `_key`'s order.
_STATE_FIELDS = (
    "rng",
    "phase",
    "stage",
    "turn",
    "spaces",
    "pending",
    "revealed",
    "teams",
    "piles",
    "step",
    "mode",
    "round",
)


class State:
    """One game in progress: the flow (phase, stage, turn, spaces, the pending card, an open round) and what
    the teams hold. `push` applies an action in place; `pop` undoes the last one exactly.

    All at once, while a round is open, `turn` is the first team without an answer (-1, no team, once all
    have answered) and `pending`, `revealed` are its own, so that the readers of Game work as in turn play.
    Who acts is `to_play` (an int or None), never `turn` read as a seat.

    A plain class (as Team): mypyc compiles it."""

    __slots__ = (*_STATE_FIELDS, "game", "_stack", "_changes")

    rng: int
    phase: Phase
    stage: int  # index into the rules' stages
    turn: int  # index of the team whose turn it is
    spaces: list[int]  # per team, the index of the space reached in this stage; -1 before the first
    pending: str | None  # a drawn challenge or follow-up waiting for the team's response
    revealed: str | None  # the tool played to reveal the pending card's effects
    teams: list[Team]
    # The board piles of each pile set (in Game.pile_keys order), then one experience pile per pillar.
    piles: list[tuple[str, ...]]
    step: int  # number of actions applied since the start
    mode: Mode
    round: Round | None
    game: Rules | None  # the rules `push` applies; None: a state read back
    _stack: list[Any]
    _changes: list[Any]

    def __init__(
        self,
        rng: int,
        phase: Phase,
        stage: int,
        turn: int,
        spaces: list[int],
        pending: str | None,
        revealed: str | None,
        teams: list[Team],
        piles: list[tuple[str, ...]],
        step: int,
        mode: Mode = Mode.IN_TURN,
        round: Round | None = None,
        game: Rules | None = None,
    ) -> None:
        self.rng = rng
        self.phase = phase
        self.stage = stage
        self.turn = turn
        self.spaces = spaces
        self.pending = pending
        self.revealed = revealed
        self.teams = teams
        self.piles = piles
        self.step = step
        self.mode = mode
        self.round = round
        self.game = game
        self._stack = []
        self._changes = []

    def push(self, action: Action) -> list[Event]:
        """Applies `action` in place and says what happened; raises IllegalAction and changes nothing if the
        action is not allowed."""
        game = self.game
        if game is None:
            raise IllegalAction("this state was read back without its rules: replay its log instead")
        rnd = self.round
        self._stack += (
            action,
            self.rng,
            self.phase,
            self.stage,
            self.turn,
            self.pending,
            self.revealed,
            rnd,
            len(self._changes),
        )
        try:
            if rnd is None:
                move = game._moves.get(action.kind)
                if move is None:
                    game._not_a_move(action)
                events = move(self, action)
            else:
                events = game._in_round(self, action)
        except BaseException:
            self._restore()
            raise
        self.step += 1
        return events

    def pop(self) -> Action:
        """Undoes the last `push` exactly and returns its action (IndexError when nothing was pushed)."""
        if not self._stack:
            raise IndexError("pop from a state with nothing pushed")
        self.step -= 1
        return self._restore()

    def _restore(self) -> Action:
        """Puts back the flow and every change noted since the last frame, and drops that frame."""
        stack = self._stack
        action, self.rng, self.phase, self.stage, self.turn, self.pending, self.revealed, self.round, noted = stack[
            -FRAME:
        ]
        del stack[-FRAME:]
        changes = self._changes
        for i in range(len(changes) - 3, noted - 3, -3):
            target, key, old = changes[i : i + 3]
            if type(key) is str:
                setattr(target, key, old)
            else:
                target[key] = old
        del changes[noted:]
        restored: Action = action
        return restored

    @property
    def to_play(self) -> int | None:
        """The seat of the team that acts now: the team in turn (or exchanging). All at once, the first team
        the open round waits for (`Round.waiting`); None when no one team acts: between rounds (the room
        advances together), once every team has answered (the round waits for its close), at the end."""
        if self.round is not None:
            return self.round.waiting()
        if self.phase is Phase.OVER or (self.mode is Mode.ALL_AT_ONCE and self.phase is Phase.PLAY):
            return None
        return self.turn

    @property
    def log(self) -> tuple[Action, ...]:
        """The actions pushed on this state, first first (those `pop` can undo)."""
        return tuple(self._stack[::FRAME])

    def clone(self) -> State:
        """A copy that shares nothing changeable with this state (and has nothing to pop)."""
        return State(
            self.rng,
            self.phase,
            self.stage,
            self.turn,
            list(self.spaces),
            self.pending,
            self.revealed,
            [t._replace() for t in self.teams],
            list(self.piles),
            self.step,
            self.mode,
            self.round,
            self.game,
        )

    def _view(self, turn: int, pending: str | None, revealed: str | None) -> State:
        """The same state read as team `turn` meets it (for reading only: it shares the teams and piles)."""
        return State(
            self.rng,
            self.phase,
            self.stage,
            turn,
            self.spaces,
            pending,
            revealed,
            self.teams,
            self.piles,
            self.step,
            self.mode,
            self.round,
            self.game,
        )

    def _key(self) -> tuple[Any, ...]:
        return (
            self.rng,
            self.phase,
            self.stage,
            self.turn,
            self.spaces,
            self.pending,
            self.revealed,
            self.teams,
            self.piles,
            self.step,
            self.mode,
            self.round,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, State) and self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __reduce__(self) -> tuple[Callable[..., State], tuple[Any, ...]]:
        # Pickled and copied by its fields and undo stack, as Team: mypyc's native class has no default for it.
        return _rebuilt, (self._key(), self.game, self._stack, self._changes)

    def __repr__(self) -> str:
        return "State(" + ", ".join(f"{k}={v!r}" for k, v in zip(_STATE_FIELDS, self._key(), strict=True)) + ")"


def _rebuilt(key: tuple[Any, ...], game: Rules | None, stack: list[Any], changes: list[Any]) -> State:
    """The state `State.__reduce__` describes (`_key` lists the fields in `State`'s order)."""
    state = State(*key)
    state.game, state._stack, state._changes = game, stack, changes
    return state


class Rules(Protocol):
    """What `State.push` asks of the rules: booster.engine.game.Game is one (a protocol, so that this module
    does not import the rules, which import it)."""

    _moves: dict[str, Callable[[State, Action], list[Event]]]

    def _not_a_move(self, action: Action) -> NoReturn: ...

    def _in_round(self, state: State, action: Action) -> list[Event]: ...
