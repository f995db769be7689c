# SPDX-License-Identifier: MIT
"""The rules of Social Impact Booster, as pure functions over immutable state.

No pygame, no files, no clock. A `Game` is built once from a deck; then

    state = game.new_game(Setup(("Team A", "Team B"), seed=7))
    state, events = game.apply(state, game.legal_actions(state)[0])

`apply` never changes its input; an illegal action raises `IllegalAction` and changes nothing. The whole
state (randomness included) is plain data, so a seed, a setup and the action log replay a game exactly.

States are NamedTuples rather than attrs classes: the engine creates one per action, and tuple
construction is several times cheaper, which is what keeps random play above 200,000 actions/s.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import NamedTuple

from booster.engine import rng
from booster.engine.model import Card, Deck
from booster.engine.rng import LCG_A, LCG_C, MASK

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
        self._die_faces = rules.die_faces if rules.movement == "die" else 0
        self._tool_effect = {c.id: (c.effect if any(c.effect) else None) for c in deck.cards.values()}
        self._effects = {
            c.id: {o.id: o.effect for o in c.options} for c in deck.cards.values() if c.kind == "challenge"
        }

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
            helpers = self._helpers[pending]
            if not helpers:
                return self._choices[pending]
            team = state.teams[state.turn]
            usable = tuple(t for t in team.tools if t in helpers and t not in team.spent)
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
        if state.phase == PLAY:
            return _JUST_ADVANCE
        if state.phase == EXCHANGE:
            return _JUST_EXCHANGE
        return ()

    def is_over(self, state: State) -> bool:
        return state.phase == OVER

    def helpful_tools(self, state: State) -> tuple[str, ...]:
        """The current team's unspent tools that help the pending challenge."""
        if state.pending is None:
            return ()
        helpers = self._helpers[state.pending]
        team = state.teams[state.turn]
        return tuple(t for t in team.tools if t in helpers and t not in team.spent)

    def option_effect(self, card_id: str, option: str, tool: str | None = None) -> tuple[int, ...]:
        effect = self._effects[card_id][option]
        if tool is not None:
            effect = _add(effect, self._helpers[card_id][tool])
        return effect

    # -- acting -----------------------------------------------------------------------------------

    def apply(self, state: State, action: Action) -> tuple[State, list[Event]]:
        """The state after `action`, and what happened. Raises IllegalAction if it is not allowed."""
        kind = action.kind
        if kind == "advance":
            if state.phase != PLAY or state.pending is not None:
                raise IllegalAction(self._why_not(state, action))
            return self._advance(state)
        if kind == "choose":
            if state.phase != PLAY or state.pending is None:
                raise IllegalAction(self._why_not(state, action))
            return self._choose(state, action)
        if kind == "exchange":
            if state.phase != EXCHANGE:
                raise IllegalAction(self._why_not(state, action))
            return self._exchange(state)
        raise IllegalAction(f"unknown action '{kind}'")

    def _why_not(self, state: State, action: Action) -> str:
        if state.phase == OVER:
            return f"the game is over: no more '{action.kind}'"
        if state.phase == EXCHANGE:
            return f"it is time to exchange points for experience cards, not to '{action.kind}'"
        if state.pending is not None:
            return f"the team must first answer the challenge '{state.pending}'"
        return f"the team must advance first, not '{action}'"

    def _draw(self, seed: int, piles: tuple[tuple[str, ...], ...], index: int):
        """(seed, piles, card): a card drawn at random from what is left of a pile, refilled when empty.

        Drawing at random from the remaining cards is the same as shuffling once and drawing from the top,
        without paying for a shuffle of every pile at the start of each game.
        """
        pile = piles[index]
        if not pile:
            pile = self._full[index]
            if not pile:
                return seed, piles, None
        if len(pile) == 1:
            return seed, (*piles[:index], (), *piles[index + 1 :]), pile[0]
        seed = (seed * LCG_A + LCG_C) & MASK  # rng.below, inlined: this is the hottest line of a game
        j = ((seed >> 33) * len(pile)) >> 31
        return seed, (*piles[:index], pile[:j] + pile[j + 1 :], *piles[index + 1 :]), pile[j]

    def _draw_many(self, seed: int, piles: tuple[tuple[str, ...], ...], index: int, count: int):
        """(seed, piles, cards): `count` draws as by `_draw`, rebuilding the piles once."""
        pile = list(piles[index])
        cards = []
        for _ in range(count):
            if not pile:
                pile = list(self._full[index])
                if not pile:
                    break
            if len(pile) == 1:
                cards.append(pile.pop())
                continue
            seed = (seed * LCG_A + LCG_C) & MASK
            cards.append(pile.pop(((seed >> 33) * len(pile)) >> 31))
        return seed, (*piles[:index], tuple(pile), *piles[index + 1 :]), cards

    def _advance(self, state: State) -> tuple[State, list[Event]]:
        turn = state.turn
        name, scenario, space, scores, tools, spent, experience = state.teams[turn]
        spaces = self._spaces[state.stage]
        seed = state.rng
        if self._die_faces:
            seed, roll = rng.below(seed, self._die_faces)
            roll += 1
            space = min(space + roll, len(spaces) - 1)
            events = [Event("rolled", turn, None, None, roll), Event("moved", turn, None, None, space)]
        else:
            space += 1
            events = [_new(Event, ("moved", turn, None, None, space))]
        kind = spaces[space]
        seed, piles, card_id = self._draw(seed, state.piles, self._space_pile[state.stage][space])
        if card_id is None:  # an empty pile: the space has nothing to resolve
            team = _new(Team, (name, scenario, space, scores, tools, spent, experience))
            return self._end_turn(state, team, seed, piles, events)
        events.append(_new(Event, ("drew", turn, card_id, None, 0)))
        if kind == "challenge":
            teams = state.teams
            team = _new(Team, (name, scenario, space, scores, tools, spent, experience))
            teams = (*teams[:turn], team, *teams[turn + 1 :])
            return _new(State, (seed, PLAY, state.stage, turn, card_id, teams, piles, state.step + 1)), events
        effect = self._tool_effect[card_id]
        events.append(_new(Event, ("tool_gained", turn, card_id, None, 0)))
        if effect is not None:
            scores = _add(scores, effect)
            events.append(_new(Event, ("scored", turn, card_id, effect, 0)))
        team = _new(Team, (name, scenario, space, scores, (*tools, card_id), spent, experience))
        return self._end_turn(state, team, seed, piles, events)

    def _choose(self, state: State, action: Action) -> tuple[State, list[Event]]:
        card_id = state.pending
        assert card_id is not None  # apply() checked it
        turn = state.turn
        name, scenario, space, scores, tools, spent, experience = state.teams[turn]
        effect = self._effects[card_id].get(action.option or "")
        if effect is None:
            raise IllegalAction(f"'{action.option}' is not an option of '{card_id}'")
        tool = action.tool
        if tool is None:
            events = [_new(Event, ("scored", turn, card_id, effect, 0))]
        else:
            bonus = self._helpers[card_id].get(tool)
            if bonus is None:
                raise IllegalAction(f"the tool '{tool}' does not help with '{card_id}'")
            if tool not in tools:
                raise IllegalAction(f"the team does not hold the tool '{tool}'")
            if tool in spent:
                raise IllegalAction(f"the tool '{tool}' was already played")
            effect = _add(effect, bonus)
            events = [Event("tool_played", turn, tool), _new(Event, ("scored", turn, card_id, effect, 0))]
            if self.rules.tools_single_use:
                spent = (*spent, tool)
        team = _new(Team, (name, scenario, space, _add(scores, effect), tools, spent, experience))
        return self._end_turn(state, team, state.rng, state.piles, events)

    def _end_turn(self, state: State, team: Team, seed: int, piles, events: list[Event]):
        turn = state.turn
        teams = state.teams
        teams = (*teams[:turn], team, *teams[turn + 1 :])
        last = self._last_space[state.stage]
        n = len(teams)
        for k in range(1, n + 1):
            j = (turn + k) % n
            if teams[j].space < last:
                return _new(State, (seed, PLAY, state.stage, j, None, teams, piles, state.step + 1)), events
        stage = state.stage + 1
        if stage == len(self._spaces):
            events.append(Event("stage", value=stage))
            return State(seed, EXCHANGE, stage, 0, None, teams, piles, state.step + 1), events
        teams = tuple(t._replace(space=-1) for t in teams)
        events.append(Event("stage", value=stage))
        return State(seed, PLAY, stage, stage % n, None, teams, piles, state.step + 1), events

    def _exchange(self, state: State) -> tuple[State, list[Event]]:
        turn = state.turn
        team = state.teams[turn]
        seed, piles = state.rng, state.piles
        rate, cap = self.rules.exchange_rate, self.rules.exchange_cap
        events: list[Event] = []
        gained = list(team.experience)
        for p, score in enumerate(team.scores):
            count = min(cap, max(0, score) // rate)
            if count:
                seed, piles, cards = self._draw_many(seed, piles, self._experience_pile[p], count)
                gained.extend(cards)
                events.extend(_new(Event, ("experience", turn, card_id, None, p)) for card_id in cards)
        events.append(Event("exchanged", turn))
        teams = (*state.teams[:turn], team._replace(experience=tuple(gained)), *state.teams[turn + 1 :])
        if turn + 1 < len(teams):
            return State(seed, EXCHANGE, state.stage, turn + 1, None, teams, piles, state.step + 1), events
        events.append(Event("game_over"))
        return State(seed, OVER, state.stage, 0, None, teams, piles, state.step + 1), events

    # -- reading ----------------------------------------------------------------------------------

    def current_card(self, state: State) -> Card | None:
        return self.cards[state.pending] if state.pending else None

    def stage_id(self, state: State) -> str | None:
        return self.rules.stages[state.stage].id if state.stage < len(self.rules.stages) else None


def _add(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    return tuple(map(operator.add, a, b))
