# SPDX-License-Identifier: MIT
"""The rules of Social Impact Booster: a mutable game state with an undo stack, as python-chess keeps a board.

No pygame, no files, no clock. A `Game` is built once from a deck (the rules, compiled); a `State` is one
game in progress, changed in place by `push` and put back exactly by `pop`:

>>> from booster import paths
>>> from booster.deck.loader import load_deck
>>> game = Game(load_deck(paths.CORE_DECK).deck)
>>> state = game.new_game(Setup(("Team A", "Team B"), seed=7))
>>> events = state.push(game.legal_actions(state)[0])
>>> [type(e).__name__ for e in events][:2]
['Moved', 'Drew']
>>> state.pop()
Action(kind=<ActionKind.ADVANCE: 'advance'>, option=None, tool=None, team=-1)
>>> state == game.new_game(Setup(("Team A", "Team B"), seed=7))
True

An illegal action raises `IllegalAction` and changes nothing. `clone()` copies a state (for search, or to
keep a snapshot); `Game.apply(state, action)` is `clone` then `push`, for callers that want a new state.
The whole state (randomness included) is plain data, so a seed, a setup and the action log replay a game
exactly.

The engine has two halves, as boardgame.io keeps them:
- moves: what an action does to a team (`_advance`, `_reveal`, `_respond`, `_exchange`);
- flow: whose turn it is, when a stage ends, and, all at once, the round that collects every team's
  provisional answer before they apply together (`_end_turn`, `_next_stage`, `_in_round`, `_close`).

The flow of a game: in each stage, teams take turns; on its turn a team advances one space and resolves
the card of that space (a tool joins its toolbox; a challenge, or a follow-up card its own past responses
scheduled, waits for its response). After the last stage, each team exchanges its points for experience
cards.

All at once (`Mode.ALL_AT_ONCE`), the teams advance together, one space per round. At a challenge space the
room meets one card (a follow-up replaces it for a team that has one due); each team's answer is recorded
(`choose`, changed by another `choose`, removed by `withdraw`; `pass` records that the team gives none, so
that the facilitator can reveal without it) and nothing scores until `close` applies every answer, in
seat order, with the same `_respond`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import add
from typing import NoReturn, TypeVar

from attrs import frozen

from booster.engine import powers, rng
from booster.engine.book import RuleBook
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
    ToolGained,
    ToolPlayed,
)
from booster.engine.model import CardKind, Deck, Effect, Mode, Movement, Option, SpaceKind
from booster.engine.rng import LCG_A, LCG_C, MASK
from booster.engine.state import (
    ADVANCE,
    CLOSE,
    EXCHANGE,
    EXCHANGE_ACTION,
    OVER,
    PLAY,
    Action,
    ActionKind,
    Echo,
    IllegalAction,
    Phase,
    Round,
    Setup,
    State,
    Team,
)

__all__ = ["ADVANCE", "CLOSE", "EXCHANGE", "EXCHANGE_ACTION", "OVER", "PLAY", "Action", "ActionKind", "Echo"]
__all__ += ["Game", "IllegalAction", "Mode", "Phase", "Round", "Setup", "State", "Team"]

T = TypeVar("T")


# Reading an enum member costs as much as a function call; the hot paths use these names.
_ADVANCE, _REVEAL, _CHOOSE, _EXCHANGE = ActionKind.ADVANCE, ActionKind.REVEAL, ActionKind.CHOOSE, ActionKind.EXCHANGE
_ROUND_KINDS = frozenset({ActionKind.WITHDRAW, ActionKind.CLOSE, ActionKind.PASS})
_ALL_AT_ONCE, _CHALLENGE = Mode.ALL_AT_ONCE, SpaceKind.CHALLENGE
_JUST_ADVANCE, _JUST_EXCHANGE, _JUST_CLOSE = (ADVANCE,), (EXCHANGE_ACTION,), (CLOSE,)
_ALL = slice(None)  # the key of a change to a whole list (the spaces, when a stage starts)
_GAME_OVER, _ROUND_CLOSED = GameOver(), RoundClosed()


@frozen
class After:
    """What a response leaves behind beyond its score, for one team seat, worked out once per deck."""

    marks: tuple[tuple[str, Event], ...]  # each mark left, and its event
    clears: tuple[tuple[str, Event], ...]
    echoes: tuple[tuple[Echo, Event], ...]
    follow_up: str | None
    queued: Event | None


class Game:
    """The rules of one deck, compiled once.

    Its API: `new_game`, `legal_actions`, `apply` (or `State.push`, `pop`, `clone` in place), `is_over`;
    what the team to play is offered (`offered_options`, `helpful_tools`) and what a response would do to it
    (`preview`); all at once, any team's actions (`team_actions`) and view (`seat_view`). What an action did
    to each team is `Outcome.of(events)` (booster.engine.outcome); what the rules say of a card or a score
    without a game is the deck's `RuleBook` (`book`).

    In the methods' examples, `game` is the core deck's, as the module's example makes it."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        rules = deck.rules
        self.rules = rules
        self.pillars = rules.pillar_ids
        self.zero = (0,) * len(self.pillars)
        self.cards = deck.cards
        book = self.book = RuleBook(deck)
        # The book's tables and look-ups, under the names the moves below read them by.
        self._answered, self._effect, self._counts = book.answered, book.effect, book.counts
        self._experience_full, self._experience_pillar = book.experience_full, book.experience_pillar
        # The board piles, one per (stage, kind of space); each pile set holds one of each.
        self.pile_keys: list[tuple[str, SpaceKind]] = []
        pile_of: dict[tuple[int, str], int] = {}
        for si, stage in enumerate(rules.stages):
            for kind in dict.fromkeys(stage.spaces):
                pile_of[(si, kind)] = len(self.pile_keys)
                self.pile_keys.append((stage.id, kind))
        self._space_pile = tuple(tuple(pile_of[(si, k)] for k in s.spaces) for si, s in enumerate(rules.stages))
        self._spaces = tuple(s.spaces for s in rules.stages)
        self._last_space = tuple(len(s.spaces) - 1 for s in rules.stages)
        self._piles_per_set = len(self.pile_keys)
        self._full_by_project: dict[tuple[str | None, ...], tuple[tuple[str, ...], ...]] = {}
        self._die_faces = rules.die_faces if rules.movement == Movement.DIE else 0
        self._repeats = rules.draw_repeats
        # Events are values, and most are one of a few thousand per deck: those are made once here, per
        # team seat, and shared by every game (making an event costs as much as the rest of an advance).
        seats = range(rules.max_teams)
        most_spaces = max(len(s) for s in self._spaces)
        self._moved = tuple(tuple(Moved(t, i) for i in range(most_spaces)) for t in seats)
        self._drew = tuple({c: Drew(t, c) for c in deck.cards} for t in seats)
        self._gained = tuple({c: ToolGained(t, c) for c in deck.cards} for t in seats)
        self._tool_scored = tuple(
            {c.id: Scored(t, c.id, c.effect) for c in deck.cards.values() if any(c.effect)} for t in seats
        )
        self._plain_scored = tuple(
            {
                cid: {o.id: Scored(t, cid, o.effect, o.id) for o in a.options.values()}
                for cid, a in self._answered.items()
            }
            for t in seats
        )
        self._gained_experience = tuple(
            {c: ExperienceDealt(t, c, p) for c, p in self._experience_pillar.items()} for t in seats
        )
        self._played = tuple({c: ToolPlayed(t, c) for c in deck.cards} for t in seats)
        self._after = tuple(
            {
                (cid, o.id): self._compile_after(t, cid, o)
                for cid, a in self._answered.items()
                for o in a.options.values()
                if not o.plain
            }
            for t in seats
        )
        self._exchanged = tuple(Exchanged(t) for t in seats)
        self._stage_events = tuple(StageStarted(i) for i in range(len(self._spaces) + 1))
        self._moves: dict[str, Callable[[State, Action], list[Event]]] = {
            ActionKind.ADVANCE: self._advance,
            ActionKind.CHOOSE: self._choose,
            ActionKind.REVEAL: self._reveal,
            ActionKind.EXCHANGE: self._exchange,
        }
        self._offered_cache: dict[tuple[str, frozenset[str], frozenset[str]], tuple[Action, ...]] = {}
        self._actions_cache: dict[tuple[tuple[Action, ...], tuple[str, ...], str | None], tuple[Action, ...]] = {}

    def _compile_after(self, seat: int, card_id: str, option: Option) -> After:
        follow_up = option.follow_up
        return After(
            tuple((m, Marked(seat, card_id, option.id, m)) for m in option.marks),
            tuple((m, Cleared(seat, card_id, option.id, m)) for m in option.clears),
            tuple(
                (Echo(e, card_id, option.id), Echoed(seat, e, (card_id, option.id)))
                for e in dict.fromkeys(option.echoes)
            ),
            follow_up,
            None if follow_up is None else Queued(seat, follow_up, option.id),
        )

    def _full_piles(self, projects: tuple[str | None, ...]) -> tuple[tuple[str, ...], ...]:
        """The board piles, full, of the cards that fit every one of `projects` (None: any project)."""
        piles = self._full_by_project.get(projects)
        if piles is None:
            piles = tuple(
                tuple(
                    c.id
                    for c in self.deck.of_kind(kind, stage)
                    if all(c.fits_project(p) for p in projects) and (kind != _CHALLENGE or c.id in self._answered)
                )
                for stage, kind in self.pile_keys
            )
            self._full_by_project[projects] = piles
        return piles

    def _project_of(self, team: Team) -> str | None:
        return self.deck.project_of(team.scenario)

    # -- starting -------------------------------------------------------------------------------

    def new_game(self, setup: Setup) -> State:
        """The state before the first action of a game: teams named, seated and dealt their piles."""
        rules = self.rules
        names = tuple(setup.teams)
        if not rules.min_teams <= len(names) <= rules.max_teams:
            raise IllegalAction(
                f"this deck is played by {rules.min_teams} to {rules.max_teams} teams, not {len(names)}"
            )
        if any(not n.strip() for n in names):
            raise IllegalAction("every team needs a name")
        if setup.mode is not None and setup.mode not in tuple(Mode):
            raise IllegalAction(f"'{setup.mode}' is not a way to play: in-turn or all-at-once")
        mode = Mode(setup.mode or rules.play)
        scenarios = tuple(setup.scenarios) + (None,) * (len(names) - len(setup.scenarios))
        for s in scenarios:
            if s is not None and (s not in self.cards or self.cards[s].kind != CardKind.SCENARIO):
                raise IllegalAction(f"'{s}' is not a scenario card of this deck")
        # Teams that play the same project share one set of piles (all of them, in a deck without projects).
        projects = [self.cards[s].project if s else None for s in scenarios]
        pile_sets = list(dict.fromkeys(projects))
        teams = [
            Team(name, scenario, self.zero, (), (), (), pile_set=pile_sets.index(project))
            for name, scenario, project in zip(names, scenarios, projects, strict=True)
        ]
        piles = [pile for project in pile_sets for pile in self._full_piles((project,))]
        if mode == Mode.ALL_AT_ONCE and len(pile_sets) > 1:
            piles += self._full_piles(tuple(pile_sets))  # the room's piles: the cards that fit every team
        return State(
            rng=rng.seed_state(setup.seed),
            phase=PLAY,
            stage=0,
            turn=0,
            spaces=[-1] * len(teams),
            pending=None,
            revealed=None,
            teams=teams,
            piles=piles + list(self._experience_full),
            step=0,
            mode=mode,
            game=self,
        )

    # -- asking -----------------------------------------------------------------------------------

    def legal_actions(self, state: State) -> tuple[Action, ...]:
        """Every action allowed now (empty when the game is over).

        The responses offered to the team on its pending card, each also with every tool it may play with
        it, and a reveal per reveal tool; otherwise advance or exchange. In an open round (all at once): the
        actions of the first team that has not answered (`team_actions` gives any team's), or `close` once
        every team has.

        >>> state = game.new_game(Setup(("Team A", "Team B"), seed=7))
        >>> game.legal_actions(state)
        (Action(kind=<ActionKind.ADVANCE: 'advance'>, option=None, tool=None, team=-1),)
        """
        pending = state.pending
        if pending is not None:
            team = state.teams[state.turn]
            answered = self._answered[pending]
            choices = self._offered_choices(pending, team) if answered.conditional else answered.choices
            if answered.played.isdisjoint(team.tools):  # the usual case: no tool for this card
                return choices
            playable = self.helpful_tools(state)
            if not playable:
                return choices
            uses = answered.uses
            key = (choices, playable, state.revealed)
            actions = self._actions_cache.get(key)
            if actions is None:  # a handful of combinations per deck: made once
                actions = choices + tuple(a._replace(tool=t) for t in playable if uses[t].on_choice for a in choices)
                if state.revealed is None:
                    actions += tuple(Action(ActionKind.REVEAL, tool=t) for t in playable if uses[t].reveals)
                self._actions_cache[key] = actions
            return actions
        if state.phase == PLAY:
            return _JUST_ADVANCE if state.round is None else _JUST_CLOSE
        if state.phase == EXCHANGE:
            return _JUST_EXCHANGE
        return ()

    def seat_view(self, state: State, seat: int) -> State:
        """The state as team `seat` meets it in an open round: its card pending, its reveal.

        So that `legal_actions`, `preview`, `offered_options` and `helpful_tools` answer for that team. For
        reading only: it shares the teams and piles of `state`."""
        rnd = state.round
        if rnd is None:
            return state
        return state._view(seat, rnd.cards[seat], rnd.revealed[seat])

    def team_actions(self, state: State, seat: int) -> tuple[Action, ...]:
        """What team `seat` may do now; each action names the team in an open round.

        In an open round: answer (again, to change its answer), reveal before answering, pass, withdraw its
        answer (or pass). Otherwise the legal actions if it is that team's turn, else nothing."""
        rnd = state.round
        if rnd is None:
            return self.legal_actions(state) if seat == state.turn else ()
        if rnd.cards[seat] is None:
            return ()
        answered = rnd.answers[seat] is not None
        actions = tuple(
            a._replace(team=seat)
            for a in self.legal_actions(self.seat_view(state, seat))
            if not (answered and a.kind == _REVEAL)
        )
        last = ActionKind.WITHDRAW if answered else ActionKind.PASS
        return (*actions, Action(last, team=seat))

    def _offered_choices(self, card_id: str, team: Team) -> tuple[Action, ...]:
        """The plain `choose` actions of the responses a team is offered on a card."""
        answered = self._answered[card_id]
        if not answered.conditional:
            return answered.choices
        # Keyed by the marks and tools the card's conditions name, so that the cache stays small.
        marks, tools = answered.conditions
        marks, tools = marks.intersection(team.marks), tools.intersection(team.tools)
        key = (card_id, marks, tools)
        choices = self._offered_cache.get(key)
        if choices is None:
            choices = tuple(a for a in answered.choices if answered.options[a.option or ""].offered_to(marks, tools))
            self._offered_cache[key] = choices
        return choices

    def offered_options(self, state: State) -> tuple[Option, ...]:
        """The responses the team in turn is offered on its pending card (withheld ones left out).

        >>> state = game.new_game(Setup(("Team A", "Team B"), seed=7))
        >>> game.offered_options(state)  # no card pending before the first advance
        ()
        >>> while state.pending is None:  # advance to the first challenge
        ...     _ = state.push(ADVANCE)
        >>> [o.id for o in game.offered_options(state)] == [a.option for a in game.legal_actions(state)]
        True
        """
        if state.pending is None:
            return ()
        options = self._answered[state.pending].options
        return tuple(options[a.option or ""] for a in self._offered_choices(state.pending, state.teams[state.turn]))

    def is_over(self, state: State) -> bool:
        """Whether every team has exchanged: no action is left."""
        return state.phase == OVER

    def helpful_tools(self, state: State) -> tuple[str, ...]:
        """The unspent tools the team in turn may play on its pending card, in the order drawn.

        The tool it revealed the card with is spent already."""
        if state.pending is None:
            return ()
        played = self._answered[state.pending].played
        if not played:
            return ()
        team = state.teams[state.turn]
        return tuple([t for t in team.tools if t in played and t not in team.spent and t != state.revealed])

    def preview(self, state: State, option: str, tool: str | None = None) -> Effect:
        """The effect the team in turn would get now from a response to its pending card.

        With `tool` played with it, and the tool the card was revealed with, if any. IllegalAction when no
        card is pending."""
        if state.pending is None:
            raise IllegalAction("there is no card to answer")
        answered = self._answered[state.pending]
        played = [t for t in (state.revealed, tool) if t is not None]
        return self._effect(answered.options[option], state.teams[state.turn].marks, [answered.uses[t] for t in played])

    # -- acting -----------------------------------------------------------------------------------

    def apply(self, state: State, action: Action) -> tuple[State, list[Event]]:
        """A copy of `state` after `action`, and what happened; `state` is unchanged.

        Raises IllegalAction if the action is not allowed. `state.push(action)` does the same in place,
        without the copy.

        >>> state = game.new_game(Setup(("Team A", "Team B"), seed=7))
        >>> after, events = game.apply(state, ADVANCE)
        >>> (state.step, after.step, type(events[0]).__name__)
        (0, 1, 'Moved')
        """
        after = state.clone()
        after.game = self
        return after, after.push(action)

    def _not_a_move(self, action: Action) -> NoReturn:
        """Raises the IllegalAction of an action that is no move out of a round."""
        if action.kind in _ROUND_KINDS:
            raise IllegalAction(f"there is no open round to '{action.kind}'")
        raise IllegalAction(f"unknown action '{action.kind}'")

    # -- moves: what an action does to a team ------------------------------------------------------

    def _advance(self, state: State, action: Action = ADVANCE) -> list[Event]:
        if state.pending is not None or state.phase is not PLAY:
            raise IllegalAction(self._why_not(state, ADVANCE))
        if state.mode is _ALL_AT_ONCE:
            return self._advance_together(state)
        turn, stage, spaces, changes = state.turn, state.stage, state.spaces, state._changes
        space = spaces[turn]
        changes += (spaces, turn, space)
        if self._die_faces:
            state.rng, roll = rng.below(state.rng, self._die_faces)
            space = min(space + roll + 1, self._last_space[stage])
            events: list[Event] = [Rolled(turn, roll + 1), self._moved[turn][space]]
        else:
            space += 1
            events = [self._moved[turn][space]]
        spaces[turn] = space
        team = state.teams[turn]
        queue = team.queue
        if self._spaces[stage][space] is _CHALLENGE:
            if queue and self._comes_back(queue[0], stage):
                # The consequences come back: the team draws the follow-up its response scheduled.
                card_id: str | None = queue[0]
                changes += (team, "queue", queue)
                team.queue = queue[1:]
            else:
                card_id = self._draw(state, team.pile_set, self._space_pile[stage][space], (team,))
            if card_id is not None:
                events.append(self._drew[turn][card_id])
                state.pending = card_id
                return events
        else:
            tool = self._draw(state, team.pile_set, self._space_pile[stage][space], (team,))
            if tool is not None:
                events.append(self._drew[turn][tool])
                self._gain_tool(state, turn, team, tool, events)
        # The turn is over (a tool drawn, or an empty pile): usually the next team plays.
        turn += 1
        if turn == len(spaces):
            turn = 0
        if spaces[turn] < self._last_space[stage]:
            state.turn = turn
        else:
            self._end_turn(state, events)
        return events

    def _gain_tool(self, state: State, seat: int, team: Team, tool: str, events: list[Event]) -> None:
        """The tool the team drew joins its toolbox (and the tool's points its scores, if it has any)."""
        events.append(self._gained[seat][tool])
        changes = state._changes
        changes += (team, "tools", team.tools)
        team.tools = (*team.tools, tool)
        scored = self._tool_scored[seat].get(tool)
        if scored is not None:
            events.append(scored)
            changes += (team, "scores", team.scores)
            team.scores = _add(team.scores, scored.delta)

    def _draw(
        self, state: State, pile_set: int, pile: int, teams: Sequence[Team], meet: Sequence[Team] | None = None
    ) -> str | None:
        """A card drawn at random from pile `pile` of a pile set (None: a pile with no card at all), for the
        teams `meet` (default: `teams`). The set holds the cards that fit the projects of `teams`.

        Drawing at random from what is left is the same as shuffling once and drawing from the top, without
        shuffling every pile at the start of each game. An empty pile starts again, full. When the rules
        forbid repeats, a card one of `meet` has met is drawn only when the pile, even full again, has no
        other."""
        piles = state.piles
        index = pile_set * self._piles_per_set + pile
        cards = piles[index] or self._full_piles(tuple(dict.fromkeys(map(self._project_of, teams))))[pile]
        n = len(cards)
        if n > 1:
            # rng.below, inlined: this is the hottest draw of the engine.
            state.rng = seed = (state.rng * LCG_A + LCG_C) & MASK
            j = ((seed >> 33) * n) >> 31
        elif n:
            j = 0
        else:
            return None
        card = cards[j]
        changes = state._changes
        if not self._repeats:
            meet = teams if meet is None else meet
            for team in meet:
                if card in team.met:
                    cards, j = self._unmet(state, cards, pile, teams, meet)
                    card = cards[j]
                    break
            for team in meet:
                met = team.met
                changes += (team, "met", met)
                team.met = (*met, card)
        changes += (piles, index, piles[index])
        piles[index] = cards[:j] + cards[j + 1 :]
        return card

    def _unmet(
        self, state: State, cards: tuple[str, ...], pile: int, teams: Sequence[Team], meet: Sequence[Team]
    ) -> tuple[tuple[str, ...], int]:
        """The pile and the index of a card drawn at random among those none of `meet` has met: in `cards`
        (each unmet card is then as likely as with a first draw that missed them), else in the pile full
        again; (cards, a card's index) when every card has been met."""
        fresh = [i for i, c in enumerate(cards) if not any(c in t.met for t in meet)]
        if not fresh:  # what is left has been met: the pile starts again, full
            cards = self._full_piles(tuple(dict.fromkeys(map(self._project_of, teams))))[pile]
            fresh = [i for i, c in enumerate(cards) if not any(c in t.met for t in meet)] or list(range(len(cards)))
        state.rng, k = rng.below(state.rng, len(fresh))
        return cards, fresh[k]

    def _comes_back(self, follow_up: str, stage: int) -> bool:
        earliest = self._answered[follow_up].stage
        return earliest is None or earliest <= stage

    def _reveal(self, state: State, action: Action) -> list[Event]:
        if state.phase != PLAY or state.pending is None:
            raise IllegalAction(self._why_not(state, action))
        turn = state.turn
        self._reveal_for(state, turn, state.pending, state.revealed, action.tool or "")
        state.revealed = action.tool
        return [self._played[turn][action.tool or ""], Revealed(turn, state.pending)]

    def _reveal_for(self, state: State, seat: int, card: str, revealed: str | None, tool: str) -> None:
        """Team `seat` plays `tool` to reveal `card` (which it revealed with `revealed`), if it may."""
        team = state.teams[seat]
        use = self._check_tool(team, card, revealed, tool)
        if not use.reveals:
            raise IllegalAction(f"the tool '{tool}' does not reveal anything")
        if revealed is not None:
            raise IllegalAction(f"'{card}' is already revealed")
        if self.rules.tools_single_use:
            state._changes += (team, "spent", team.spent)
            team.spent = (*team.spent, tool)

    def _check_tool(self, team: Team, card: str, revealed: str | None, tool: str | None) -> powers.ToolUse:
        """What the tool does on `card`, if the team may play it there; else IllegalAction."""
        use = self._answered[card].uses.get(tool or "")
        if use is None:
            raise IllegalAction(f"the tool '{tool}' does not help with '{card}'")
        if tool not in team.tools:
            raise IllegalAction(f"the team does not hold the tool '{tool}'")
        if tool in team.spent or tool == revealed:
            raise IllegalAction(f"the tool '{tool}' was already played")
        return use

    def _choose(self, state: State, action: Action) -> list[Event]:
        card = state.pending
        if state.phase != PLAY or card is None:
            raise IllegalAction(self._why_not(state, action))
        turn = state.turn
        team = state.teams[turn]
        answered = self._answered[card]
        option = answered.options.get(action.option or "")
        if (
            option is None
            or action.tool is not None
            or state.revealed is not None
            or (answered.conditional and not option.offered_to(team.marks, team.tools))
        ):
            option, effect, events = self._checked_choice(state, turn, team, card, state.revealed, action)
        else:  # the usual response: offered, no tool played (the checks of _checked_choice that apply)
            effect = self._effect(option, team.marks, ()) if option.adjust else option.effect
            events = []
        self._respond(state, turn, team, card, option, effect, events)
        self._end_turn(state, events)
        return events

    def _checked_choice(
        self,
        state: State,
        seat: int,
        team: Team,
        card_id: str,
        revealed: str | None,
        action: Action,
        spend: bool = True,
    ) -> tuple[Option, Effect, list[Event]]:
        """For a `choose` of team `seat` on `card_id`, if it is legal: the response, its effect (marks and tools
        included) and the event of the tool played, the tool now spent (if `spend`: an answer recorded in a
        round spends it only at close). Else IllegalAction, nothing changed."""
        option_id, tool = action.option, action.tool
        answered = self._answered[card_id]
        option = answered.options.get(option_id or "")
        if option is None:
            raise IllegalAction(f"'{option_id}' is not an option of '{card_id}'")
        if answered.conditional and not option.offered_to(team.marks, team.tools):
            raise IllegalAction(f"'{option_id}' is not offered to this team: {_why_withheld(option, team)}")
        events: list[Event] = []
        uses = [answered.uses[revealed]] if revealed is not None else []
        if tool is not None:
            use = self._check_tool(team, card_id, revealed, tool)
            if not use.on_choice:
                raise IllegalAction(f"the tool '{tool}' does nothing to a response: it is played to reveal")
            if spend and self.rules.tools_single_use:
                state._changes += (team, "spent", team.spent)
                team.spent = (*team.spent, tool)
            events.append(self._played[seat][tool])
            uses.append(use)
        effect = self._effect(option, team.marks, uses) if uses or option.adjust else option.effect
        return option, effect, events

    def _respond(
        self, state: State, seat: int, team: Team, card_id: str, option: Option, effect: Effect, events: list[Event]
    ) -> None:
        """The team's response applies: scored, then marks left and cleared, echoes noted, follow-up queued."""
        scored = self._plain_scored[seat][card_id][option.id]
        if scored.delta != effect:
            scored = Scored(seat, card_id, effect, option.id)
        events.append(scored)
        changes = state._changes
        scores = team.scores
        changes += (team, "scores", scores)
        team.scores = tuple(map(add, scores, effect))
        if option.plain:
            return
        after = self._after[seat][card_id, option.id]
        if after.marks or after.clears:
            marks = list(team.marks)
            for mark, event in after.marks:
                if mark not in marks:  # a mark is held or not: left twice, it is held once
                    marks.append(mark)
                    events.append(event)
            for mark, event in after.clears:
                if mark in marks:
                    marks.remove(mark)
                    events.append(event)
            changes += (team, "marks", team.marks)
            team.marks = tuple(marks)
        if after.echoes:
            echoes = list(team.echoes)
            echoed = [e.experience for e in echoes]
            for echo, event in after.echoes:
                if echo.experience not in echoed:
                    echoes.append(echo)
                    events.append(event)
            changes += (team, "echoes", team.echoes)
            team.echoes = tuple(echoes)
        follow_up = after.follow_up
        if follow_up is not None and follow_up not in team.scheduled and self._fits(follow_up, team):
            changes += (team, "queue", team.queue)
            changes += (team, "scheduled", team.scheduled)
            team.queue = (*team.queue, follow_up)
            team.scheduled = (*team.scheduled, follow_up)
            events.append(after.queued)  # type: ignore[arg-type]  # a follow-up has its event

    def _fits(self, card_id: str, team: Team) -> bool:
        """Whether a card fits the project the team plays."""
        return self.cards[card_id].fits_project(self._project_of(team))

    def _exchange(self, state: State, action: Action = EXCHANGE_ACTION) -> list[Event]:
        """The team in turn trades each pillar's points for experience cards: first the cards its own
        responses echo, then cards drawn from that pillar's pile; never a card it already holds."""
        if state.phase is not EXCHANGE:
            raise IllegalAction(self._why_not(state, action))
        turn, piles, changes = state.turn, state.piles, state._changes
        team = state.teams[turn]
        events: list[Event] = []
        held = list(team.experience)
        first_pile = len(piles) - len(self.pillars)
        seed = state.rng
        for p, count in enumerate(self._counts(team.scores)):
            if not count:
                continue
            index = first_pile + p
            pile = list(piles[index])
            for echo in team.echoes:
                if count and echo.experience not in held and self._experience_pillar[echo.experience] == p:
                    held.append(echo.experience)
                    if echo.experience in pile:
                        pile.remove(echo.experience)
                    events.append(ExperienceDealt(turn, echo.experience, p, (echo.card, echo.option)))
                    count -= 1
            candidates = [c for c in pile if c not in held]  # in pile order, as each draw leaves them
            for _ in range(count):
                if not candidates:  # what is left is the team's already: the pile starts again, full
                    pile = list(self._experience_full[p])
                    candidates = [c for c in pile if c not in held]
                    if not candidates:
                        break  # the team holds every card of this pillar
                seed, j = rng.below(seed, len(candidates))
                card_id = candidates.pop(j)
                pile.remove(card_id)
                held.append(card_id)
                events.append(self._gained_experience[turn][card_id])
            changes += (piles, index, piles[index])
            piles[index] = tuple(pile)
        state.rng = seed
        events.append(self._exchanged[turn])
        changes += (team, "experience", team.experience)
        team.experience = tuple(held)
        if turn + 1 < len(state.teams):
            state.turn = turn + 1
            return events
        events.append(_GAME_OVER)
        state.phase, state.turn = OVER, 0
        return events

    # -- flow: whose turn, when a stage ends, the rounds of all at once -----------------------------

    def _end_turn(self, state: State, events: list[Event]) -> None:
        """The turn is over: the next team that has spaces left in this stage plays; if none has, the next
        stage starts (or the exchange, after the last)."""
        spaces = state.spaces
        last = self._last_space[state.stage]
        state.pending = state.revealed = None
        # Usually the next team plays; the others are looked at only when it has no space left.
        turn = state.turn + 1
        if turn == len(spaces):
            turn = 0
        if spaces[turn] < last:
            state.turn = turn
            return
        for j in (*range(turn, len(spaces)), *range(turn)):
            if spaces[j] < last:
                state.turn = j
                return
        self._next_stage(state, events)

    def _next_stage(self, state: State, events: list[Event]) -> None:
        """Every team has played the stage: the next one starts (or the exchange, after the last)."""
        stage = state.stage + 1
        n = len(state.teams)
        events.append(self._stage_events[stage])
        over = stage == len(self._spaces)
        state.phase = EXCHANGE if over else PLAY
        state.stage = stage
        # In turn, the team that opens a stage changes from stage to stage.
        state.turn = 0 if over or state.mode is _ALL_AT_ONCE else stage % n
        state.pending = state.revealed = None
        if not over:
            spaces = state.spaces
            state._changes += (spaces, _ALL, spaces[:])
            spaces[:] = [-1] * n  # back before the first space

    def _advance_together(self, state: State) -> list[Event]:
        """Every team moves one space. A tool space: each team draws its own tool. A challenge space: the
        round opens on one card for the room (drawn from the cards that fit every team), a team's due
        follow-up in place of it; when no card fits every team, each team draws its own."""
        stage, n, changes = state.stage, len(state.teams), state._changes
        space = state.spaces[0] + 1
        changes += (state.spaces, _ALL, state.spaces[:])
        state.spaces[:] = [space] * n
        pile = self._space_pile[stage][space]
        events: list[Event] = [self._moved[t][space] for t in range(n)]
        teams = state.teams
        if self._spaces[stage][space] is not _CHALLENGE:
            for seat, team in enumerate(teams):
                tool = self._draw(state, team.pile_set, pile, (team,))
                if tool is not None:
                    events.append(self._drew[seat][tool])
                    self._gain_tool(state, seat, team, tool, events)
            self._end_space(state, events)
            return events
        due = [bool(t.queue) and self._comes_back(t.queue[0], stage) for t in teams]
        shared: str | None = None
        split = False
        if not all(due):
            pile_sets = 1 + max(t.pile_set for t in teams)
            room = 0 if pile_sets == 1 else pile_sets  # the room's piles follow the teams' own
            projects = tuple(dict.fromkeys(map(self._project_of, teams)))
            split = pile_sets > 1 and not self._full_piles(projects)[pile]
            if split:
                events.append(Split(stage))
            else:
                shared = self._draw(state, room, pile, teams, [t for t, d in zip(teams, due, strict=True) if not d])
        cards: list[str | None] = []
        for seat, team in enumerate(teams):
            card: str | None
            if due[seat]:
                card = team.queue[0]
                changes += (team, "queue", team.queue)
                team.queue = team.queue[1:]
            elif split:
                card = self._draw(state, team.pile_set, pile, (team,))
            else:
                card = shared
            if card is not None:
                events.append(self._drew[seat][card])
            cards.append(card)
        if not any(cards):  # empty piles: nothing to answer in this round
            self._end_space(state, events)
            return events
        self._with_round(state, Round(tuple(cards), (None,) * n, (None,) * n))
        return events

    def _with_round(self, state: State, rnd: Round) -> None:
        """The round is now `rnd`: the team in turn is the first without an answer."""
        state.round = rnd
        seat = rnd.waiting()
        if seat is None:
            state.turn, state.pending, state.revealed = -1, None, None
        else:
            state.turn, state.pending, state.revealed = seat, rnd.cards[seat], rnd.revealed[seat]

    def _in_round(self, state: State, action: Action) -> list[Event]:
        """An action while a round is open: a team answers, reveals or withdraws; or the round closes."""
        rnd = state.round
        assert rnd is not None
        kind = action.kind
        if kind == ActionKind.CLOSE:
            return self._close(state, rnd)
        seat = rnd.waiting() if action.team < 0 else action.team
        if seat is None:
            raise IllegalAction(self._why_not(state, action))
        if not 0 <= seat < len(state.teams):
            raise IllegalAction(f"there is no team {action.team + 1} in this game")
        card = rnd.cards[seat]
        team = state.teams[seat]
        if card is None:
            raise IllegalAction(f"{team.name} has no card to answer in this round")
        answer = rnd.answers[seat]
        if kind == _CHOOSE:
            self._checked_choice(state, seat, team, card, rnd.revealed[seat], action, spend=False)
            answers = _with(rnd.answers, seat, Action(ActionKind.CHOOSE, action.option, action.tool))
            self._with_round(state, rnd._replace(answers=answers))
            return [AnswerRecorded(seat, card)]
        if kind == _REVEAL:
            if answer is not None:
                raise IllegalAction(f"{team.name} has answered already: withdraw the answer first to reveal")
            self._reveal_for(state, seat, card, rnd.revealed[seat], action.tool or "")
            self._with_round(state, rnd._replace(revealed=_with(rnd.revealed, seat, action.tool)))
            return [self._played[seat][action.tool or ""], Revealed(seat, card)]
        if kind == ActionKind.PASS:
            self._with_round(state, rnd._replace(answers=_with(rnd.answers, seat, Action(ActionKind.PASS))))
            return [AnswerRecorded(seat, card)]
        if kind == ActionKind.WITHDRAW:
            if answer is None:
                raise IllegalAction(f"{team.name} has no answer to withdraw")
            self._with_round(state, rnd._replace(answers=_with(rnd.answers, seat, None)))
            return [AnswerWithdrawn(seat, card)]
        raise IllegalAction(f"the round on '{card}' is open: every team answers, then it closes; no '{kind}' now")

    def _close(self, state: State, rnd: Round) -> list[Event]:
        """Every team has answered: the answers apply in seat order, as in turn play."""
        waiting = [state.teams[s].name for s in rnd.unanswered()]
        if waiting:
            raise IllegalAction(f"the round cannot close before every team has answered: {', '.join(waiting)}")
        events: list[Event] = []
        for seat, (card, answer) in enumerate(zip(rnd.cards, rnd.answers, strict=True)):
            if card is None or answer is None:
                continue
            if answer.kind == ActionKind.PASS:
                events.append(Passed(seat, card))
                continue
            team = state.teams[seat]
            option, effect, played = self._checked_choice(state, seat, team, card, rnd.revealed[seat], answer)
            events += played
            self._respond(state, seat, team, card, option, effect, events)
        events.append(_ROUND_CLOSED)
        self._end_space(state, events)
        return events

    def _end_space(self, state: State, events: list[Event]) -> None:
        """All at once, every team has resolved the space: the room moves on (or to the next stage)."""
        state.round = None
        if state.spaces[0] < self._last_space[state.stage]:
            state.turn, state.pending, state.revealed = 0, None, None
            return
        self._next_stage(state, events)

    def _why_not(self, state: State, action: Action) -> str:
        if state.round is not None and state.pending is None:
            return f"every team has answered: the round closes before any '{action.kind}'"
        if state.phase == OVER:
            return f"the game is over: no more '{action.kind}'"
        if state.phase == EXCHANGE:
            return f"it is time to exchange points for experience cards, not to '{action.kind}'"
        if state.pending is not None:
            return f"the team must first answer the card '{state.pending}'"
        return f"the team must advance first, not '{action}'"


def _why_withheld(option: Option, team: Team) -> str:
    missing = [m for m in option.requires if m not in team.marks]
    if missing:
        return f"it needs the mark '{missing[0]}'"
    held = [m for m in option.excludes if m in team.marks]
    if held:
        return f"the team holds the mark '{held[0]}'"
    return f"it needs one of the tools {', '.join(option.unlocked_by)}"


def _add(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    return tuple(map(add, a, b))


def _with(items: tuple[T, ...], index: int, item: T) -> tuple[T, ...]:
    """`items` with `items[index]` replaced."""
    out = list(items)
    out[index] = item
    return tuple(out)
