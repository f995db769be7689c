# SPDX-License-Identifier: MIT
"""The rules of Social Impact Booster, as pure functions over immutable state.

No pygame, no files, no clock. A `Game` is built once from a deck; then

    state = game.new_game(Setup(("Team A", "Team B"), seed=7))
    state, events = game.apply(state, game.legal_actions(state)[0])

`apply` never changes its input; an illegal action raises `IllegalAction` and changes nothing. The whole
state (randomness included) is plain data, so a seed, a setup and the action log replay a game exactly.

States are NamedTuples rather than attrs classes: the engine creates one per action, and tuple
construction is several times cheaper. Random play is the engine's hot loop (`booster simulate`), so
`apply` trades a little elegance for speed in the places the benchmark showed: see the notes there.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add
from typing import NamedTuple, TypeVar

from booster.engine import rng
from booster.engine.model import Card, Deck
from booster.engine.rng import LCG_A, LCG_C, MASK

T = TypeVar("T")

PLAY, EXCHANGE, OVER = "play", "exchange", "over"

# The hot paths build NamedTuples with tuple.__new__(Cls, (fields...)): the same object as Cls(fields...)
# without a Python-level __new__ call, which is a third of the cost of an action.
_new = tuple.__new__


class IllegalAction(ValueError):
    """The action is not allowed in this state; the state is unchanged."""


class Action(NamedTuple):
    """One decision: `advance`, `choose` (an option, optionally playing a tool) or `exchange`."""

    kind: str
    option: str | None = None
    tool: str | None = None

    def __str__(self) -> str:
        if self.kind != "choose":
            return self.kind
        return f"choose {self.option}" + (f" with {self.tool}" if self.tool else "")


ADVANCE = Action("advance")
EXCHANGE_ACTION = Action("exchange")
_JUST_ADVANCE, _JUST_EXCHANGE = (ADVANCE,), (EXCHANGE_ACTION,)


class Event(NamedTuple):
    """Something that happened. `scored` events carry `delta`, aligned with the rules' pillars."""

    kind: str  # moved, rolled, drew, scored, tool_gained, tool_played, stage, experience, exchanged, game_over
    team: int = -1
    card: str | None = None
    delta: tuple[int, ...] | None = None
    value: int = 0


class Team(NamedTuple):
    name: str
    scenario: str | None
    space: int  # index of the space reached in the current stage; -1 before its first space
    scores: tuple[int, ...]
    tools: tuple[str, ...]  # every tool drawn, in order
    spent: tuple[str, ...]  # tools played on a challenge, when tools are single use
    experience: tuple[str, ...]


class State(NamedTuple):
    rng: int
    phase: str  # play, exchange, over
    stage: int  # index into the rules' stages
    turn: int  # index of the team whose turn it is
    pending: str | None  # a drawn challenge waiting for the team's choice
    teams: tuple[Team, ...]
    piles: tuple[tuple[str, ...], ...]  # draw piles, in Game.pile_keys order
    step: int  # number of actions applied since the start


class Setup(NamedTuple):
    teams: tuple[str, ...]
    seed: int = 0
    scenarios: tuple[str | None, ...] = ()


class Game:
    """The rules of one deck, compiled for fast play."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        rules = deck.rules
        self.rules = rules
        self.pillars = rules.pillar_ids
        self.zero = (0,) * len(self.pillars)
        self.cards = deck.cards
        pillar_index = {p: i for i, p in enumerate(self.pillars)}
        self.pile_keys: list[tuple[str, str]] = []
        self._pile_of: dict[tuple[int, str], int] = {}
        full: list[tuple[str, ...]] = []
        for si, stage in enumerate(rules.stages):
            for kind in dict.fromkeys(stage.spaces):
                self._pile_of[(si, kind)] = len(full)
                self.pile_keys.append((stage.id, kind))
                full.append(tuple(c.id for c in deck.of_kind(kind, stage.id)))
        self._experience_pile: list[int] = []
        for p in self.pillars:
            self._experience_pile.append(len(full))
            self.pile_keys.append((p, "experience"))
            full.append(tuple(c.id for c in deck.cards.values() if c.kind == "experience" and c.pillar == p))
        self._full = tuple(full)
        self._spaces = tuple(s.spaces for s in rules.stages)
        self._last_space = tuple(len(s.spaces) - 1 for s in rules.stages)
        self._space_pile = tuple(
            tuple(self._pile_of[(si, kind)] for kind in s.spaces) for si, s in enumerate(rules.stages)
        )
        # Per challenge: the plain choices, and per helpful tool the bonus it adds.
        self._choices: dict[str, tuple[Action, ...]] = {}
        self._with_tools: dict[tuple[str, tuple[str, ...]], tuple[Action, ...]] = {}
        self._helpers: dict[str, dict[str, tuple[int, ...]]] = {}
        for card in deck.cards.values():
            if card.kind != "challenge":
                continue
            self._choices[card.id] = tuple(Action("choose", o.id) for o in card.options)
            helpers = {}
            for tool_id in card.tools:
                tool = deck.cards.get(tool_id)
                if tool is None or tool.kind != "tool":
                    continue
                if card.tool_bonus is not None:
                    helpers[tool_id] = card.tool_bonus
                elif tool.pillar in pillar_index:
                    bonus = [0] * len(self.pillars)
                    bonus[pillar_index[tool.pillar]] = rules.tool_bonus
                    helpers[tool_id] = tuple(bonus)
            self._helpers[card.id] = helpers
        self._helper_ids = {card: frozenset(helpers) for card, helpers in self._helpers.items()}
        self._die_faces = rules.die_faces if rules.movement == "die" else 0
        self._tool_effect = {c.id: (c.effect if any(c.effect) else None) for c in deck.cards.values()}
        self._effects = {
            c.id: {o.id: o.effect for o in c.options} for c in deck.cards.values() if c.kind == "challenge"
        }
        # Events are values, and most of them can only be one of a few thousand per deck: they are made
        # once here, per team seat, and shared by every game (this saves a tenth of the time of an action).
        seats = range(rules.max_teams)
        spaces = range(max((len(s) for s in self._spaces), default=0))
        self._moved = tuple(tuple(Event("moved", t, None, None, i) for i in spaces) for t in seats)
        self._drew = tuple({c: Event("drew", t, c) for c in deck.cards} for t in seats)
        self._gained = tuple({c: Event("tool_gained", t, c) for c in deck.cards} for t in seats)
        self._tool_scored = tuple(
            {c: Event("scored", t, c, e) for c, e in self._tool_effect.items() if e is not None} for t in seats
        )
        self._chose = tuple(
            {c: {o: Event("scored", t, c, e) for o, e in opts.items()} for c, opts in self._effects.items()}
            for t in seats
        )
        self._gained_experience = tuple(
            {
                c.id: Event("experience", t, c.id, None, pillar_index[c.pillar])
                for c in deck.cards.values()
                if c.kind == "experience" and c.pillar in pillar_index
            }
            for t in seats
        )

    # -- starting -------------------------------------------------------------------------------

    def new_game(self, setup: Setup) -> State:
        rules = self.rules
        names = tuple(setup.teams)
        if not rules.min_teams <= len(names) <= rules.max_teams:
            raise IllegalAction(
                f"this deck is played by {rules.min_teams} to {rules.max_teams} teams, not {len(names)}"
            )
        if any(not n.strip() for n in names):
            raise IllegalAction("every team needs a name")
        scenarios = tuple(setup.scenarios) + (None,) * (len(names) - len(setup.scenarios))
        for s in scenarios:
            if s is not None and (s not in self.cards or self.cards[s].kind != "scenario"):
                raise IllegalAction(f"'{s}' is not a scenario card of this deck")
        teams = tuple(Team(n, s, -1, self.zero, (), (), ()) for n, s in zip(names, scenarios, strict=True))
        return State(rng.seed_state(setup.seed), PLAY, 0, 0, None, teams, self._full, 0)

    # -- asking -----------------------------------------------------------------------------------

    def legal_actions(self, state: State) -> tuple[Action, ...]:
        """Every action allowed now: the options of a pending challenge, each also with every helpful tool
        the team can play; otherwise advance or exchange. Empty when the game is over."""
        pending = state.pending
        if pending is not None:
            if self._helper_ids[pending].isdisjoint(state.teams[state.turn].tools):  # usual: no helpful tool
                return self._choices[pending]
            usable = self.helpful_tools(state)
            if not usable:
                return self._choices[pending]
            key = (pending, usable)
            actions = self._with_tools.get(key)
            if actions is None:  # a handful of combinations per deck: cached
                actions = self._choices[pending] + tuple(
                    Action("choose", a.option, t) for t in usable for a in self._choices[pending]
                )
                self._with_tools[key] = actions
            return actions
        phase = state.phase
        if phase == PLAY:
            return _JUST_ADVANCE
        if phase == EXCHANGE:
            return _JUST_EXCHANGE
        return ()

    def is_over(self, state: State) -> bool:
        return state.phase == OVER

    def helpful_tools(self, state: State) -> tuple[str, ...]:
        """The current team's unspent tools that help the pending challenge, in the order they were drawn."""
        if state.pending is None:
            return ()
        helpers = self._helpers[state.pending]
        team = state.teams[state.turn]
        return tuple([t for t in team.tools if t in helpers and t not in team.spent])

    def option_effect(self, card_id: str, option: str, tool: str | None = None) -> tuple[int, ...]:
        effect = self._effects[card_id][option]
        if tool is not None:
            effect = _add(effect, self._helpers[card_id][tool])
        return effect

    # -- acting -----------------------------------------------------------------------------------
    # `apply` is the hot loop of every simulation, so advancing and choosing are written out in one
    # function over unpacked tuples, with few calls; only the exchange, four times a game, is a method of
    # its own. Each path builds the new team, then the new state, and nothing else. To weigh a change here,
    # count instructions (benchmarks/engine_instructions.py): wall time on a shared machine is too noisy.

    def apply(self, state: State, action: Action) -> tuple[State, list[Event]]:
        """The state after `action`, and what happened. Raises IllegalAction if it is not allowed."""
        seed, phase, stage, turn, pending, teams, piles, step = state
        kind, option, tool = action
        if kind == "choose":
            if phase != PLAY or pending is None:
                raise IllegalAction(self._why_not(state, action))
            name, scenario, space, scores, tools, spent, experience = teams[turn]
            scored = self._chose[turn][pending].get(option)  # type: ignore[arg-type]
            if scored is None:
                raise IllegalAction(f"'{option}' is not an option of '{pending}'")
            effect: tuple[int, ...] = scored.delta  # type: ignore[assignment]  # never None when scored
            if tool is None:
                events = [scored]
            else:
                bonus = self._helpers[pending].get(tool)
                if bonus is None:
                    raise IllegalAction(f"the tool '{tool}' does not help with '{pending}'")
                if tool not in tools:
                    raise IllegalAction(f"the team does not hold the tool '{tool}'")
                if tool in spent:
                    raise IllegalAction(f"the tool '{tool}' was already played")
                effect = _add(effect, bonus)
                events = [Event("tool_played", turn, tool), _new(Event, ("scored", turn, pending, effect, 0))]
                if self.rules.tools_single_use:
                    spent = (*spent, tool)
            scores = tuple(map(add, scores, effect))
        elif kind == "advance":
            if phase != PLAY or pending is not None:
                raise IllegalAction(self._why_not(state, action))
            name, scenario, space, scores, tools, spent, experience = teams[turn]
            if self._die_faces:
                seed, roll = rng.below(seed, self._die_faces)
                space = min(space + roll + 1, self._last_space[stage])
                events = [Event("rolled", turn, None, None, roll + 1), Event("moved", turn, None, None, space)]
            else:
                space += 1
                events = [self._moved[turn][space]]
            # Draw at random from what is left of the space's pile, refilled from the full pile when empty.
            # That is the same as shuffling once and drawing from the top, without shuffling every pile at
            # the start of each game.
            index = self._space_pile[stage][space]
            pile = piles[index] or self._full[index]
            if len(pile) > 1:
                seed = (seed * LCG_A + LCG_C) & MASK  # rng.below, inlined: the hottest line of a game
                j = ((seed >> 33) * len(pile)) >> 31
                card_id = pile[j]
                pile = pile[:j] + pile[j + 1 :]
            elif pile:
                card_id, pile = pile[0], ()
            else:
                card_id = None  # an empty pile: the space has nothing to resolve
            if card_id is not None:
                piles = _with(piles, index, pile)
                events.append(self._drew[turn][card_id])
                if self._spaces[stage][space] == "challenge":
                    team = _new(Team, (name, scenario, space, scores, tools, spent, experience))
                    teams = _with(teams, turn, team)
                    return _new(State, (seed, PLAY, stage, turn, card_id, teams, piles, step + 1)), events
                events.append(self._gained[turn][card_id])
                tools = (*tools, card_id)
                gain = self._tool_effect[card_id]
                if gain is not None:
                    scores = tuple(map(add, scores, gain))
                    events.append(self._tool_scored[turn][card_id])
        elif kind == "exchange":
            if phase != EXCHANGE:
                raise IllegalAction(self._why_not(state, action))
            return self._exchange(state)
        else:
            raise IllegalAction(f"unknown action '{kind}'")

        # The turn is over: the next team that has spaces left in this stage plays; if none has, the next
        # stage starts.
        teams = _with(teams, turn, _new(Team, (name, scenario, space, scores, tools, spent, experience)))
        last = self._last_space[stage]
        n = len(teams)
        j = turn + 1 if turn + 1 < n else 0
        if teams[j][2] < last:  # the usual case, written out: the next team has spaces left
            return _new(State, (seed, PLAY, stage, j, None, teams, piles, step + 1)), events
        for j in (*range(turn + 2, n), *range(turn + 1)):
            if teams[j][2] < last:
                return _new(State, (seed, PLAY, stage, j, None, teams, piles, step + 1)), events
        stage += 1
        events.append(Event("stage", value=stage))
        if stage == len(self._spaces):
            return State(seed, EXCHANGE, stage, 0, None, teams, piles, step + 1), events
        teams = tuple([_new(Team, (t[0], t[1], -1, *t[3:])) for t in teams])  # back before the first space
        return State(seed, PLAY, stage, stage % n, None, teams, piles, step + 1), events

    def _why_not(self, state: State, action: Action) -> str:
        if state.phase == OVER:
            return f"the game is over: no more '{action.kind}'"
        if state.phase == EXCHANGE:
            return f"it is time to exchange points for experience cards, not to '{action.kind}'"
        if state.pending is not None:
            return f"the team must first answer the challenge '{state.pending}'"
        return f"the team must advance first, not '{action}'"

    def _exchange(self, state: State) -> tuple[State, list[Event]]:
        """The team in turn trades each pillar's points for experience cards drawn from that pillar's pile
        (as above: at random from what is left, refilled when empty)."""
        seed, _, stage, turn, _, teams, piles, step = state
        team = teams[turn]
        rate, cap = self.rules.exchange_rate, self.rules.exchange_cap
        events: list[Event] = []
        experience = self._gained_experience[turn]
        gained = list(team.experience)
        for p, score in enumerate(team.scores):
            count = min(cap, max(0, score) // rate)
            if not count:
                continue
            index = self._experience_pile[p]
            pile = list(piles[index])
            for _ in range(count):
                if not pile:
                    pile = list(self._full[index])
                    if not pile:
                        break
                if len(pile) == 1:
                    card_id = pile.pop()
                else:
                    seed = (seed * LCG_A + LCG_C) & MASK
                    card_id = pile.pop(((seed >> 33) * len(pile)) >> 31)
                gained.append(card_id)
                events.append(experience[card_id])
            piles = _with(piles, index, tuple(pile))
        events.append(Event("exchanged", turn))
        teams = _with(teams, turn, _new(Team, (*team[:6], tuple(gained))))
        if turn + 1 < len(teams):
            return State(seed, EXCHANGE, stage, turn + 1, None, teams, piles, step + 1), events
        events.append(Event("game_over"))
        return State(seed, OVER, stage, 0, None, teams, piles, step + 1), events

    # -- reading ----------------------------------------------------------------------------------

    def current_card(self, state: State) -> Card | None:
        return self.cards[state.pending] if state.pending else None

    def stage_id(self, state: State) -> str | None:
        return self.rules.stages[state.stage].id if state.stage < len(self.rules.stages) else None


def _add(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    return tuple(map(add, a, b))


def _with(items: tuple[T, ...], index: int, item: T) -> tuple[T, ...]:
    """`items` with `items[index]` replaced (through a list: twice as fast as slicing and joining)."""
    out = list(items)
    out[index] = item
    return tuple(out)
