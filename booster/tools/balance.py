# SPDX-License-Identifier: MIT
"""`booster balance`: plays a deck headless and says whether its choices are real (issues 10 and 22).

It plays the deck with one-line rules of thumb (random, maximin, cap-aware...), with a lookahead player that
does not know the draws (it plays seeded imagined futures of each response), and measures the clairvoyant
ceiling by an exact search through the engine. Then it asks what each tool is worth through its powers
(powers on and off, same seeds), how often each mark changes the strong player's choice, and whether the
consequences are felt (follow-ups, echoes, repeated challenges).

Only the engine's public API is used (the game's `new_game`, `legal_actions`, `push`, `preview`; its rule
book's `option_effect`, `effect`, `cards_earned`), so that the figures follow the rules as played. Games run
on every core (a process pool); the same seed prints the same bytes whatever the number of cores. Pure apart
from the progress bar, on stderr (redrawn on a terminal, one line otherwise).
"""

from __future__ import annotations

import hashlib
import random
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, combinations
from typing import Any, NamedTuple

import attrs

from booster.engine import rng
from booster.engine.game import Action, Game, Setup, State
from booster.engine.model import ANSWERED, Card, Deck
from booster.tools import pool

Policy = Callable[[Game, State, Sequence[Action], random.Random], Action]
Key = Callable[[Action], Any]

CHUNK = 50  # games per task of the process pool
LOOKAHEAD_FUTURES = 8  # random futures the lookahead player plays for each response
LOOKAHEAD_ROLLOUT = "cap-aware"  # the rule that plays the lookahead player's futures (marks count as played)
MARK_WEIGHT = 0.5  # cards a point of expected future gain is worth to the mark-valuing rule
FORESIGHT_NODES = 8_000  # decisions the exact search may visit in one game before it gives a lower bound
QUICK_FORESIGHT_NODES = 2_000  # the same, with --quick
MEMO_SIZE = 200_000  # choices a rule remembers (a few tens of megabytes) before it starts again
STRONG = ("cap-aware", "cap-aware-marks")  # the one-line rules whose decisions are looked at closely


class Sizes(NamedTuple):
    """How many games each measure plays: the strong rules play them all, the weak ones and the costly
    measures a sample. A weak rule's mean is known to ±0.1 card after 300 games; the lookahead player's
    difference with the best rule, on the same teams, to about ±0.3 after 200 (it varies by 2 cards from
    team to team); the exact search costs seconds a game and only says how far knowing the draws would go.
    A tool's value to a blind team is known to about ±0.17 card after 300 games (its 180-250 holders gain
    nothing in most games and 1 to 5 cards in a few: the spread is the tool's, not the dice's)."""

    games: int
    weak_rules: int
    lookahead: int
    foresight: int
    tools: int
    scenarios: int
    foresight_nodes: int  # the decisions the exact search may visit in one game

    @classmethod
    def of(cls, games: int, quick: bool = False) -> Sizes:
        if quick:
            small = min(games, 12)
            tools = min(games, 100)
            return cls(games, min(games, 200), small, min(games, 2), tools, min(games, 20), QUICK_FORESIGHT_NODES)
        lookahead = min(games, max(20, games // 10))
        return cls(games, min(games, 300), lookahead, min(games, 2), min(games, 300), 100, FORESIGHT_NODES)


# -- what a response is worth ---------------------------------------------------------------------


_EARNED: dict[tuple[Game, tuple[int, ...]], int] = {}


def _earned(game: Game, scores: tuple[int, ...]) -> int:
    """`game.book.cards_earned(scores)`, remembered: the rules rank every response by it, and teams meet the
    same scores again and again."""
    key = (game, scores)
    cards = _EARNED.get(key)
    if cards is None:
        if len(_EARNED) >= MEMO_SIZE:
            _EARNED.clear()
        cards = _EARNED[key] = game.book.cards_earned(scores)
    return cards


def _after(game: Game, state: State, action: Action) -> tuple[int, ...]:
    scores = state.teams[state.turn].scores
    delta = game.preview(state, action.option or "", action.tool)
    return tuple(s + d for s, d in zip(scores, delta, strict=True))


def _responses(actions: Sequence[Action]) -> list[Action]:
    return [a for a in actions if a.kind == "choose"]


class Foresight(NamedTuple):
    """What a team that knows the deck (not the draws) expects from the marks and follow-ups a response leaves."""

    mark_value: dict[tuple[str, int], float]
    """(mark, stage index) -> expected points the mark adds to the best response of the cards still to come."""
    follow_up_value: dict[str, float]
    """follow-up card -> its best total, above the average best total of a challenge."""


def _best_total(card: Card, game: Game, marks: Iterable[str]) -> int:
    held = tuple(marks)
    totals = [sum(game.book.option_effect(card.id, o.id, None, held)) for o in card.options if o.offered_to(held, ())]
    return max(totals, default=0)


def foresight_of(game: Game) -> Foresight:
    deck = game.deck
    stages = deck.rules.stage_ids
    answered = [c for c in deck.cards.values() if c.kind in ANSWERED and c.options]
    # A challenge of a stage is met about (challenge spaces / pile size) times.
    chance: dict[str, float] = {}
    for stage in deck.rules.stages:
        pile = [c for c in answered if c.kind == "challenge" and c.stage == stage.id]
        for c in pile:
            chance[c.id] = stage.spaces.count("challenge") / len(pile)
    values: dict[tuple[str, int], float] = {}
    for mark in deck.marks():
        for now in range(len(stages)):
            total = 0.0
            for c in answered:
                later = c.kind == "challenge" and stages.index(c.stage or stages[-1]) > now
                if later and any(mark in (*o.requires, *o.excludes, *(a.mark for a in o.adjust)) for o in c.options):
                    total += chance[c.id] * (_best_total(c, game, (mark,)) - _best_total(c, game, ()))
            values[(mark, now)] = total
    usual = statistics.fmean(_best_total(c, game, ()) for c in answered if c.kind == "challenge") if answered else 0
    follow = {c.id: _best_total(c, game, ()) - usual for c in answered if c.kind == "follow-up"}
    return Foresight(values, follow)


def _future(game: Game, state: State, action: Action, seen: Foresight) -> float:
    """Expected points to come from the marks and follow-up a response leaves (or the marks it clears)."""
    option = game.cards[state.pending or ""].option(action.option or "")
    team = state.teams[state.turn]
    value = sum(seen.mark_value.get((m, state.stage), 0.0) for m in option.marks if m not in team.marks)
    value -= sum(seen.mark_value.get((m, state.stage), 0.0) for m in option.clears if m in team.marks)
    if option.follow_up and option.follow_up not in team.scheduled:
        value += seen.follow_up_value.get(option.follow_up, 0.0)
    return value


# -- the rules of thumb ---------------------------------------------------------------------------


def _best(key: Callable[[Game, State], Key]) -> Policy:
    """The rule that takes the response `key` ranks first. Its choices are remembered: the same team meets the
    same card with the same scores, marks and tools again and again (in the other games a worker plays, and in
    every branch of the exact search), and ranking the responses is most of the cost of a game."""
    memo: dict[tuple[Any, ...], Action] = {}

    def policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
        if len(actions) == 1:
            return actions[0]
        team = state.teams[state.turn]
        # Everything a key reads: the rules (the tools' value plays a deck without some powers), the card and
        # its offered actions, the team's scores, marks and scheduled follow-ups, its reveal, the stage.
        seen = (game, state.pending, actions, team.scores, team.marks, team.scheduled, state.revealed, state.stage)
        action = memo.get(seen)
        if action is None:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            action = memo[seen] = max(_responses(actions), key=key(game, state))  # max keeps the first of equals
        return action

    return policy


def random_policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    return actions[rnd.randrange(len(actions))] if len(actions) > 1 else actions[0]


def _maximin(game: Game, state: State) -> Key:
    def key(a: Action) -> tuple[int, int]:
        after = _after(game, state, a)
        return min(after), sum(after)

    return key


def _cap_aware(game: Game, state: State) -> Key:
    """Most experience cards the scores would earn now (nothing wasted above the cap), then the weakest
    pillar, then the total."""

    def key(a: Action) -> tuple[int, int, int]:
        after = _after(game, state, a)
        return _earned(game, after), min(after), sum(after)

    return key


def _cap_aware_marks(seen: Foresight) -> Callable[[Game, State], Key]:
    """The cap-aware rule, counting what the marks and follow-ups a response leaves are expected to bring."""

    def make(game: Game, state: State) -> Key:
        def key(a: Action) -> tuple[float, int, int]:
            after = _after(game, state, a)
            return _earned(game, after) + MARK_WEIGHT * _future(game, state, a, seen), min(after), sum(after)

        return key

    return make


def _no_loss(game: Game, state: State) -> Key:
    def key(a: Action) -> tuple[int, int]:
        delta = game.preview(state, a.option or "", a.tool)
        return sum(d for d in delta if d < 0), sum(delta)

    return key


def _highest_total(game: Game, state: State) -> Key:
    return lambda a: sum(game.preview(state, a.option or "", a.tool))


def _only(pillar: int) -> Callable[[Game, State], Key]:
    def make(game: Game, state: State) -> Key:
        def key(a: Action) -> tuple[int, int]:
            delta = game.preview(state, a.option or "", a.tool)
            return delta[pillar], sum(delta)

        return key

    return make


def _first(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    return _responses(actions)[0] if len(actions) > 1 else actions[0]


def _last(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    plain = [a for a in _responses(actions) if a.tool is None]
    return plain[-1] if len(actions) > 1 else actions[0]


def _blind(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    """A team that cannot see the effects before choosing: it reveals when a tool lets it (and then plays
    cap-aware), otherwise it picks a response at random and plays any tool that helps with it."""
    if len(actions) == 1:
        return actions[0]
    reveals = [a for a in actions if a.kind == "reveal"]
    if reveals:
        return reveals[0]
    if state.revealed is not None:
        return max(_responses(actions), key=_cap_aware(game, state))
    responses = _responses(actions)
    options = list(dict.fromkeys(a.option for a in responses))
    pick = options[rnd.randrange(len(options))]
    return next((a for a in reversed(responses) if a.option == pick), responses[0])  # with a tool, if any


def policies(game: Game, seen: Foresight | None = None) -> dict[str, Policy]:
    """The one-line rules, by name (the lookahead player and the exact search are not rules: see `balance`)."""
    out: dict[str, Policy] = {
        "random": random_policy,
        "maximin": _best(_maximin),
        "cap-aware": _best(_cap_aware),
        "cap-aware-marks": _best(_cap_aware_marks(seen or foresight_of(game))),
        "no-loss": _best(_no_loss),
        "highest-total": _best(_highest_total),
        "first": _first,
        "last": _last,
    }
    for i, p in enumerate(game.pillars):
        out[f"only-{p}"] = _best(_only(i))
    return out


# -- the figures of one batch of games (run in a worker) ------------------------------------------


class _Context(NamedTuple):
    deck: Deck
    game: Game
    names: tuple[str, ...]
    seed: int
    mode: str | None
    seen: Foresight
    plays: dict[str, Policy]
    sizes: Sizes
    # The rules without each tool's powers, built when first needed: a worker keeps its own (building one costs
    # as much as playing a few games, and every batch of the tools measure needs most of them).
    powerless: dict[str, Game]


_CONTEXT: _Context | None = None  # set before the pool forks, so that workers inherit it


def _setup(ctx: _Context, g: int) -> Setup:
    return Setup(ctx.names, ctx.seed * 1_000_003 + g, mode=ctx.mode)


_NO_DICE = random.Random(0)  # for a decision with one action: no rule throws dice then


def _game_rnd(ctx: _Context, name: str, g: int) -> random.Random:
    return random.Random(f"{ctx.seed}:{name}:{g}")


def _choice_with(game: Game, state: State, actions: Sequence[Action], marks: tuple[str, ...]) -> tuple[str, str | None]:
    """The cap-aware choice the team in turn would make if it held `marks` instead of its own."""
    card = game.cards[state.pending or ""]
    team = state.teams[state.turn]
    tools = list(dict.fromkeys(a.tool for a in _responses(actions)))
    best: tuple[Any, ...] | None = None
    pick: tuple[str, str | None] = ("", None)
    for o in card.options:
        if not o.offered_to(marks, team.tools):
            continue
        for tool in tools:
            delta = game.book.option_effect(card.id, o.id, tool, marks)
            after = tuple(s + d for s, d in zip(team.scores, delta, strict=True))
            key = (_earned(game, after), min(after), sum(after))
            if best is None or key > best:
                best, pick = key, (o.id, tool)
    return pick


def _named_marks(game: Game) -> dict[str, frozenset[str]]:
    """Per card, the marks that can change what it offers or does (a mark it does not name changes nothing)."""
    return {
        c.id: frozenset(m for o in c.options for m in (*o.requires, *o.excludes, *(a.mark for a in o.adjust)))
        for c in game.cards.values()
        if c.options
    }


def _plain_choice(game: Game, state: State, actions: Sequence[Action]) -> tuple[str, str | None]:
    a = max(_responses(actions), key=_cap_aware(game, state))
    return a.option or "", a.tool


def _run_policy(name: str, games: Sequence[int]) -> dict[str, Any]:
    """One rule of thumb over some games: cards per team, and (for the strong rules) what each decision saw."""
    ctx = _CONTEXT
    assert ctx is not None
    game, policy, detail = ctx.game, ctx.plays[name], name in STRONG
    ctx_named = _named_marks(game)
    cards: list[int] = []
    chosen: Counter[tuple[str, str]] = Counter()
    mark_held: Counter[str] = Counter()
    mark_changed: Counter[str] = Counter()
    decisions = changed_by_marks = followups = echoed = received = repeats = 0
    for g in games:
        state = game.new_game(_setup(ctx, g))
        rnd = _game_rnd(ctx, name, g)
        met: list[list[str]] = [[] for _ in ctx.names]
        while state.phase != "over":
            actions = game.legal_actions(state)
            action = policy(game, state, actions, rnd)
            if detail and state.pending is not None and action.kind == "choose":
                team = state.teams[state.turn]
                met[state.turn].append(state.pending)
                chosen[(state.pending, action.option or "")] += 1
                decisions += 1
                if game.cards[state.pending].kind == "follow-up":
                    followups += 1
                mark_held.update(team.marks)
                named = ctx_named.get(state.pending, ())
                if len(actions) > 1 and any(m in named for m in team.marks):
                    # What the cap-aware rule takes with the team's marks, and without them (or one of them).
                    actual = _plain_choice(game, state, actions)
                    changed_by_marks += _choice_with(game, state, actions, ()) != actual
                    for m in team.marks:
                        if m in named:
                            without = tuple(x for x in team.marks if x != m)
                            mark_changed[m] += _choice_with(game, state, actions, without) != actual
            state.push(action)
        for i, team in enumerate(state.teams):
            cards.append(len(team.experience))
            if detail:
                echoes = {e.experience for e in team.echoes}
                echoed += sum(1 for x in team.experience if x in echoes)
                received += len(team.experience)
                repeats += len(met[i]) != len(set(met[i]))
    return {
        "cards": cards,
        "chosen": chosen,
        "decisions": decisions,
        "changed_by_marks": changed_by_marks,
        "mark_held": mark_held,
        "mark_changed": mark_changed,
        "followups": followups,
        "echoed": echoed,
        "received": received,
        "repeats": repeats,
    }


def _imagined(game: Game, state: State, seed: int) -> State:
    """The future the team in turn imagines as it answers its pending card: alone, in turn, drawing from
    what is left in the piles with other draws than those to come (it knows the deck, not the draws). The
    other teams are left out: their choices change none of its scores, their draws only thin the piles."""
    team = state.teams[state.turn]
    return State(
        rng=rng.seed_state(seed),
        phase=state.phase,
        stage=state.stage,
        turn=0,
        spaces=[state.spaces[state.turn]],
        pending=state.pending,
        revealed=state.revealed,
        teams=[team._replace()],
        piles=list(state.piles),
        step=0,
        game=game,
    )


def _playout(game: Game, state: State, rollout: Policy, rnd: random.Random) -> int:
    """The cards the one team of an imagined future earns if it plays `rollout` to the end. Plays on
    `state` itself."""
    while state.phase == "play":
        state.push(rollout(game, state, game.legal_actions(state), rnd))
    return game.book.cards_earned(state.teams[0].scores)


def _look_ahead(
    game: Game, state: State, actions: Sequence[Action], futures: list[int], rollout: Policy, rnd: random.Random
) -> Action:
    """The response whose imagined futures (the same ones for every response) earn the team the most cards;
    ties go to the rollout rule's own choice."""
    first = rollout(game, state, actions, rnd)
    imagined = [_imagined(game, state, f) for f in futures]

    def value(a: Action) -> tuple[int, bool]:
        total = 0
        for future in imagined:
            played = future.clone()
            played.push(a._replace(team=-1))
            total += _playout(game, played, rollout, rnd)
        return total, a == first

    return max(_responses(actions), key=value)


def _run_lookahead(games: Sequence[int]) -> dict[str, Any]:
    """In each game one team (seat g mod teams) looks ahead, the others play cap-aware. Its choice: the
    response whose LOOKAHEAD_FUTURES imagined futures (`_imagined`, the same for every response) earn the
    most cards, each played to the end by LOOKAHEAD_ROLLOUT through the engine, so that the marks,
    follow-ups and unlocks a response leaves count as they will be played. It knows the deck, not the draws.

    Measured on the core deck (60 games, the same teams): 16 or 32 futures, or futures played by the
    mark-valuing rule, did not earn more than 8 futures by more than the noise (±0.35 card)."""
    ctx = _CONTEXT
    assert ctx is not None
    game = ctx.game
    rollout, others = ctx.plays[LOOKAHEAD_ROLLOUT], ctx.plays["cap-aware"]
    ahead: list[int] = []
    for g in games:
        seat = g % len(ctx.names)
        state = game.new_game(_setup(ctx, g))
        rnd = _game_rnd(ctx, "lookahead", g)
        while state.phase != "over":
            actions = game.legal_actions(state)
            if state.turn == seat and state.pending is not None and len(actions) > 1:
                futures = [rnd.getrandbits(62) for _ in range(LOOKAHEAD_FUTURES)]
                action = _look_ahead(game, state, actions, futures, rollout, rnd)
            else:
                action = others(game, state, actions, rnd)
            state.push(action)
        ahead.append(len(state.teams[seat].experience))
    return {"cards": ahead}


class _Reach(NamedTuple):
    """The most one step of a stage (a response, or a tool drawn) can add to a team's scores."""

    pillar: tuple[int, ...]
    """To each pillar."""
    gain: int
    """Over all pillars, counting gains only."""
    net: int
    """Over all pillars, losses counted (never below 0, so that a step the team skips is no gain)."""

    @classmethod
    def of(cls, effects: Iterable[Sequence[int]], pillars: int) -> _Reach:
        most, gain, net = [0] * pillars, 0, 0
        for e in effects:
            most = [max(x, y) for x, y in zip(most, e, strict=True)]
            gain, net = max(gain, sum(x for x in e if x > 0)), max(net, sum(e))
        return cls(tuple(most), gain, net)

    def plus(self, step: _Reach, times: int) -> _Reach:
        """What this adds, and `times` steps more."""
        pillar = tuple(a + times * b for a, b in zip(self.pillar, step.pillar, strict=True))
        return _Reach(pillar, self.gain + times * step.gain, self.net + times * step.net)


def _every_effect(game: Game, card: Card) -> Iterable[Sequence[int]]:
    """Every effect a response of `card` can have: under every combination of the marks it names, with no
    tool, one, or two (one that revealed and changes effects too, one played with the response)."""
    marks = sorted({m for o in card.options for m in (*o.requires, *o.excludes, *(a.mark for a in o.adjust))})
    uses = [u for u in game.book.answered[card.id].uses.values() if u.on_choice]
    revealers = [u for u in game.book.answered[card.id].uses.values() if u.reveals and u.on_choice]
    played = [(), *((u,) for u in uses), *((r, u) for r in revealers for u in uses if u is not r)]
    for n in range(len(marks) + 1):
        for held in combinations(marks, n):
            for o in card.options:
                for tools in played:
                    yield game.book.effect(o, held, tools)


class _Ceiling:
    """An optimistic bound on the cards a team can still earn, for the exact search to prune with: every
    response and tool draw left adds the most any of its stage can add (follow-ups may come at any stage)."""

    def __init__(self, game: Game, seat: int) -> None:
        self.seat = seat
        rules, n = game.rules, len(game.pillars)
        self.top, self.rate, self.red = game.book.most_cards(), rules.exchange_rate, rules.exchange_red
        self.points = rules.exchange_cap * rules.exchange_rate  # a pillar earns nothing above these points
        answered = [c for c in game.cards.values() if c.kind in ANSWERED and c.options]
        # left[stage][space]: what every step left adds at most, the team answering the card of `space`.
        self.left: list[list[_Reach]] = []
        later = _Reach((0,) * n, 0, 0)
        for stage in reversed(rules.stages):
            cards = [c for c in answered if c.kind != "challenge" or c.stage == stage.id]
            answer = _Reach.of(chain.from_iterable(_every_effect(game, c) for c in cards), n)
            tools = [c.effect for c in game.cards.values() if c.kind == "tool" and c.stage == stage.id and c.effect]
            draw = _Reach.of(tools, n)
            here = []
            for at in range(len(stage.spaces)):
                answers, draws = stage.spaces[at:].count("challenge"), stage.spaces[at + 1 :].count("tool")
                here.append(later.plus(answer, answers).plus(draw, draws))
            self.left.insert(0, here)
            later = here[0].plus(draw, stage.spaces[0] == "tool")

    def __call__(self, state: State) -> int:
        """The bound, when the team at `seat` is about to answer its pending card."""
        scores = state.teams[self.seat].scores
        left = self.left[state.stage][state.spaces[self.seat]]
        top = self.points
        have = [min(top, max(0, x)) for x in scores]
        room = [max(0, min(top, x + m) - h) for x, m, h in zip(scores, left.pillar, have, strict=True)]
        best = 0
        if all(x + m >= 0 for x, m in zip(scores, left.pillar, strict=True)):
            # No pillar ends in the red: the points that lift the pillars below zero and those it gains come
            # from the gains left, and net of losses, from the net total left and what it holds above the cap.
            debt = sum(-x for x in scores if x < 0)
            spare = sum(x - top for x in scores if x > top)
            lift = min(left.net - debt + spare, left.gain - debt, sum(room))
            if lift >= 0:
                best = (sum(have) + lift) // self.rate
        # Some pillars end in the red: each costs `red` cards, and its losses cost nothing more. One pillar in
        # the red bounds any number (fewer pillars earn, more cost).
        held, rooms = sum(have), sum(room)
        for h, r in zip(have, room, strict=True):
            best = max(best, (held - h + min(left.gain, rooms - r)) // self.rate - self.red)
        return min(self.top, best)


def _exact(
    game: Game, state: State, seat: int, others: Policy, rnd: random.Random, budget: int = FORESIGHT_NODES
) -> tuple[int, bool]:
    """The most cards `seat` can earn from `state` knowing every draw: a depth-first search through the
    engine over the team's responses (and tools), the others playing `others`. (best, True) when exact;
    (the best found, False) past `budget` decisions.

    Two prunings keep it exact. A position whose optimistic bound (`_Ceiling`) cannot beat the best found is
    left. And the cards earned never fall when a score rises, while nothing else in the rules reads the
    scores; a tool left unspent can still be left unplayed: a position that differs from one already
    searched only by lower scores, or more tools spent, for the team cannot do better, and is left too."""
    ceiling = _Ceiling(game, seat)
    top = game.book.most_cards()
    searched: dict[tuple[Any, ...], list[tuple[tuple[int, ...], set[str]]]] = {}
    best = -1
    nodes = 0

    def search(s: State) -> None:
        """Plays on `s` and leaves it as it found it (push, then pop)."""
        start = s.step
        try:
            explore(s)
        finally:
            while s.step > start:
                s.pop()

    def explore(s: State) -> None:
        nonlocal best, nodes
        while True:
            if s.phase != "play":
                best = max(best, game.book.cards_earned(s.teams[seat].scores))
                return
            actions = game.legal_actions(s)
            if s.turn == seat and s.pending is not None and len(actions) > 1:
                break
            s.push(others(game, s, actions, rnd))
        if best >= top or nodes >= budget or ceiling(s) <= best:
            return
        team = s.teams[seat]
        scores, spent = team.scores, set(team.spent)
        lower = searched.setdefault(_position(s, seat), [])
        if any(used <= spent and all(a >= b for a, b in zip(done, scores, strict=True)) for done, used in lower):
            return
        lower.append((scores, spent))
        nodes += 1
        for a in sorted(_responses(actions), key=_cap_aware(game, s), reverse=True):
            s.push(a)
            search(s)
            s.pop()

    search(state.clone())
    return best, nodes < budget


def _position(s: State, seat: int) -> tuple[Any, ...]:
    """What decides the rest of a game but the scores and spent tools of the team at `seat` (compared apart),
    and its echoes (they change which experience cards it receives, never how many)."""
    teams = tuple(
        (t.tools, t.marks, t.queue, t.scheduled) + (() if i == seat else (t.scores, t.spent, t.echoes))
        for i, t in enumerate(s.teams)
    )
    return (s.rng, s.phase, s.stage, s.turn, tuple(s.spaces), s.pending, s.revealed, teams, tuple(s.piles), s.round)


def _run_foresight(games: Sequence[int]) -> dict[str, Any]:
    ctx = _CONTEXT
    assert ctx is not None
    out: list[int] = []
    exact = 0
    others = ctx.plays["cap-aware"]
    for g in games:
        state = ctx.game.new_game(_setup(ctx, g))
        seat, rnd = g % len(ctx.names), _game_rnd(ctx, "foresight", g)
        best, complete = _exact(ctx.game, state, seat, others, rnd, ctx.sizes.foresight_nodes)
        out.append(best)
        exact += complete
    return {"cards": out, "exact": exact}


def _powerless(deck: Deck, tool: str) -> Deck:
    """The deck with `tool`'s powers gone: no bonus, soften or reveal, and the responses it unlocked withheld."""
    cards = dict(deck.cards)
    cards[tool] = attrs.evolve(deck.cards[tool], powers=())
    for cid, card in deck.cards.items():
        if any(tool in o.unlocked_by for o in card.options):
            options = tuple(
                attrs.evolve(o, unlocked_by=tuple("" if t == tool else t for t in o.unlocked_by)) for o in card.options
            )
            cards[cid] = attrs.evolve(card, options=options)
    return attrs.evolve(deck, cards=cards)


def _situation(ctx: _Context, player: str, g: int, state: State) -> int:
    """64 random bits from the game, the team, where it stands and what it faces: the dice of that situation."""
    turn = state.turn
    where = f"{ctx.seed}:{player}:{g}:{state.phase}:{turn}:{state.stage}:{state.spaces[turn]}:{state.pending}"
    return int.from_bytes(hashlib.blake2b(where.encode(), digest_size=8).digest(), "big")


def _run_tools(games: Sequence[int]) -> dict[str, Any]:
    """Per tool and per player (strong, blind): the cards its holders gain from its powers, same seeds.

    A game without a tool's powers is the same game until a team holding the tool meets a card that names
    it (to play it, or to unlock a response): it is played again from there only, and not at all when no
    holder meets such a card (its holders gain nothing from its powers in that game). Every random pick and
    draw is thrown from the situation it is made in (`_situation`), so the two games differ only where the
    powers make them differ."""
    ctx = _CONTEXT
    assert ctx is not None
    game = ctx.game
    named = {c.id: frozenset(c.tools) | {t for o in c.options for t in o.unlocked_by} for c in game.cards.values()}
    off = ctx.powerless
    gain: dict[tuple[str, str], list[int]] = {}

    def play(rules: Game, state: State, policy: Policy, player: str, g: int) -> None:
        # Common random numbers: the team's pick and the engine's next draw are thrown from the situation,
        # not from one stream per game, so a game without a tool's powers throws the same dice as the game
        # with them wherever a team meets the same situation (one pick that differs shifts no later pick).
        dice = _situation(ctx, player, g, state)
        actions = rules.legal_actions(state)
        if state.pending is None:
            state.rng = dice
        state.push(policy(rules, state, actions, random.Random(dice) if len(actions) > 1 else _NO_DICE))

    for player, policy in (("strong", ctx.plays["cap-aware"]), ("blind", _blind)):
        for g in games:
            state = game.new_game(_setup(ctx, g))
            first_use: dict[str, State] = {}  # tool -> the game where it first counts
            while state.phase != "over":
                if state.pending is not None:
                    for tool in named[state.pending].intersection(state.teams[state.turn].tools):
                        if tool not in first_use:
                            first_use[tool] = state.clone()
                play(game, state, policy, player, g)
            for tool in sorted({t for team in state.teams for t in team.tools}):
                holders = [i for i, team in enumerate(state.teams) if tool in team.tools]
                if tool not in first_use:
                    gain.setdefault((tool, player), []).extend(0 for _ in holders)
                    continue
                if tool not in off:
                    off[tool] = Game(_powerless(ctx.deck, tool))
                without = first_use[tool]
                without.game = off[tool]
                while without.phase != "over":
                    play(off[tool], without, policy, player, g)
                gain.setdefault((tool, player), []).extend(
                    len(state.teams[i].experience) - len(without.teams[i].experience) for i in holders
                )
    return {"gain": gain}


def _task(job: tuple[str, str, tuple[int, ...]]) -> dict[str, Any]:
    kind, name, games = job
    if kind == "policy":
        return _run_policy(name, games)
    if kind == "lookahead":
        return _run_lookahead(games)
    if kind == "foresight":
        return _run_foresight(games)
    if kind == "scenario":
        return _run_scenario(name, games)
    return _run_tools(games)


def _run_scenario(scenario: str, games: Sequence[int]) -> dict[str, Any]:
    """Every team plays `scenario` (so all draw from its small piles), cap-aware: how many team-games meet
    the same challenge twice."""
    ctx = _CONTEXT
    assert ctx is not None
    game, policy, n = ctx.game, ctx.plays["cap-aware"], len(ctx.names)
    repeats = 0
    for g in games:
        state = game.new_game(Setup(ctx.names, ctx.seed * 1_000_003 + g, (scenario,) * n, ctx.mode))
        met: list[list[str]] = [[] for _ in range(n)]
        rnd = _game_rnd(ctx, scenario, g)
        while state.phase != "over":
            actions = game.legal_actions(state)
            action = policy(game, state, actions, rnd)
            if action.kind == "choose" and state.pending is not None:
                met[state.turn].append(state.pending)
            state.push(action)
        repeats += sum(len(m) != len(set(m)) for m in met)
    return {"repeats": repeats, "team_games": len(games) * n}


def _paired(a: Sequence[int], b: Sequence[int]) -> dict[str, float]:
    """The mean of a - b over the same teams, and the half-width of its 95 % confidence interval (normal)."""
    diff = [x - y for x, y in zip(a, b, strict=True)]
    spread = statistics.stdev(diff) if len(diff) > 1 else 0.0
    return {"mean": round(statistics.fmean(diff), 3), "ci95": round(1.96 * spread / len(diff) ** 0.5, 3)}


def _chunks(n: int, size: int) -> list[tuple[int, ...]]:
    return [tuple(range(i, min(n, i + size))) for i in range(0, n, size)]


# The cost of one game of each kind of job, in games of a rule of thumb: the costly jobs go first, so that
# the cores finish together instead of one core playing the last exact search alone.
_COST = {"foresight": 1000, "lookahead": 150, "tools": 40, "scenario": 1, "policy": 1}


def _run(jobs: list[tuple[str, str, tuple[int, ...]]], progress: bool) -> list[dict[str, Any]]:
    """Every job, on every core (the workers inherit the context), costly ones first; the results in job
    order, so that the figures do not depend on the order the jobs ran in."""
    order = sorted(range(len(jobs)), key=lambda i: -_COST[jobs[i][0]] * len(jobs[i][2]))
    out: list[dict[str, Any]] = [{} for _ in jobs]
    tty = progress and sys.stderr.isatty()
    for done, (i, result) in enumerate(zip(order, pool.run_all(_task, [jobs[i] for i in order]), strict=True), 1):
        out[i] = result
        if tty:
            bar = "#" * (30 * done // len(jobs))
            print(f"\rbalance [{bar:<30}] {done}/{len(jobs)} batches", end="", file=sys.stderr, flush=True)
    if tty:
        print(file=sys.stderr)
    elif progress:  # a log file gets one line, not a bar redrawn for every batch
        print(f"balance: {len(jobs)} batches played", file=sys.stderr)
    return out


# -- the report -----------------------------------------------------------------------------------


def balance(
    deck: Deck,
    games: int,
    teams: int,
    seed: int,
    warnings: Sequence[str] = (),
    progress: bool = True,
    mode: str | None = None,
    quick: bool = False,
) -> dict[str, Any]:
    """Every policy's games, the lookahead player, the foresight ceiling, the value of tools and marks, the
    consequences felt, and the warnings against the targets. `mode`: "in-turn" or "all-at-once" (None: the
    rules' choice). `quick`: small samples for the costly measures (a few seconds)."""
    global _CONTEXT
    game = Game(deck)
    seen = foresight_of(game)
    plays = policies(game, seen)
    names = tuple(f"Team {i + 1}" for i in range(teams))
    sizes = Sizes.of(games, quick)
    _CONTEXT = _Context(deck, game, names, seed, mode, seen, plays, sizes, {})
    jobs = [
        ("policy", name, chunk)
        for name in plays
        for chunk in _chunks(games if name in STRONG else sizes.weak_rules, CHUNK)
    ]
    jobs += [("lookahead", "", chunk) for chunk in _chunks(sizes.lookahead, 4)]
    jobs += [("foresight", "", chunk) for chunk in _chunks(sizes.foresight, 1)]
    jobs += [("tools", "", chunk) for chunk in _chunks(sizes.tools, 5)]
    scenarios = [c.id for c in deck.cards.values() if c.kind == "scenario"]
    jobs += [("scenario", s, chunk) for s in scenarios for chunk in _chunks(sizes.scenarios, 50)]
    try:
        results = _run(jobs, progress)
    finally:
        _CONTEXT = None
    by_policy: dict[str, list[dict[str, Any]]] = {}
    by_scenario: dict[str, list[int]] = {}
    merged: dict[str, list[dict[str, Any]]] = {}
    for (kind, name, _), r in zip(jobs, results, strict=True):
        if kind == "policy":
            by_policy.setdefault(name, []).append(r)
        elif kind == "scenario":
            counted = by_scenario.setdefault(name, [0, 0])
            counted[0] += r["repeats"]
            counted[1] += r["team_games"]
        else:
            merged.setdefault(kind, []).append(r)
    top = game.book.most_cards()

    def summary(cards: list[int], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        out = {
            "mean": round(statistics.fmean(cards), 3),
            "min": min(cards),
            "max": max(cards),
            "share_max": round(sum(1 for x in cards if x >= top) / len(cards), 4),
            "games": len(cards) // teams,
        }
        return out | (extra or {})

    report_policies = {}
    for name, parts in by_policy.items():
        report_policies[name] = summary(list(chain.from_iterable(p["cards"] for p in parts)))
    rules_only = dict(report_policies)
    best_rule = max(rules_only, key=lambda n: (rules_only[n]["mean"], n))
    # The lookahead player and the exact search play one team a game (seat g mod teams); every rule played
    # those games too, with the same draws until the team's choices differ: compared on the same teams.
    per_team = {n: list(chain.from_iterable(p["cards"] for p in parts)) for n, parts in by_policy.items()}

    def same_teams(name: str, n: int) -> list[int]:
        return [per_team[name][g * teams + g % teams] for g in range(n)]

    ahead = list(chain.from_iterable(r["cards"] for r in merged["lookahead"]))
    report_policies["lookahead"] = summary(
        ahead,
        {
            "games": sizes.lookahead,
            "cap_aware_same_teams": round(statistics.fmean(same_teams("cap-aware", len(ahead))), 3),
            "best_rule": best_rule,
            "above_best_rule": _paired(ahead, same_teams(best_rule, len(ahead))),
        },
    )
    sight = merged["foresight"]
    ceiling = list(chain.from_iterable(r["cards"] for r in sight))
    foresight = {
        "mean": round(statistics.fmean(ceiling), 3),
        "games": sizes.foresight,
        "exact": sum(r["exact"] for r in sight),
        "clairvoyant": True,
        "lookahead_same_teams": round(statistics.fmean(ahead[: len(ceiling)]), 3),
        "best_rule_same_teams": round(statistics.fmean(same_teams(best_rule, len(ceiling))), 3),
    }
    strongest = max(STRONG, key=lambda n: report_policies[n]["mean"])
    strong = by_policy[strongest]
    chosen: Counter[tuple[str, str]] = Counter()
    held: Counter[str] = Counter()
    changed: Counter[str] = Counter()
    for p in strong:
        chosen.update(p["chosen"])
        held.update(p["mark_held"])
        changed.update(p["mark_changed"])
    drawn: Counter[str] = Counter()
    for (card, _), n in chosen.items():
        drawn[card] += n
    modal: dict[str, float] = {}
    for (card, _), n in chosen.items():
        modal[card] = max(modal.get(card, 0.0), round(n / drawn[card], 4))
    decisions = sum(p["decisions"] for p in strong)
    received = sum(p["received"] for p in strong)
    team_games = games * teams
    gains: dict[tuple[str, str], list[int]] = {}
    for r in merged["tools"]:
        for k, v in r["gain"].items():
            gains.setdefault(k, []).extend(v)
    value = {}
    for t in sorted(c.id for c in deck.cards.values() if c.kind == "tool"):
        strong_gain, blind_gain = gains.get((t, "strong"), []), gains.get((t, "blind"), [])
        value[t] = {
            "strong": round(statistics.fmean(strong_gain), 3) if strong_gain else 0.0,
            "blind": round(statistics.fmean(blind_gain), 3) if blind_gain else 0.0,
            "teams": len(blind_gain),
            "blind_ci95": _paired(blind_gain, [0] * len(blind_gain))["ci95"] if blind_gain else 0.0,
        }
    lunches = free_lunches(deck, game, every_condition=True)
    # Share of team-games that meet a challenge twice when every team plays the scenario.
    repeats = {s: round(n / total, 4) for s, (n, total) in sorted(by_scenario.items())}
    plain_repeats = round(sum(p["repeats"] for p in strong) / (games * teams), 4)
    out: dict[str, Any] = {
        "deck": deck.info.id,
        "games": games,
        "teams": teams,
        "seed": seed,
        "mode": mode or deck.rules.play,
        "max_cards": top,
        "samples": sizes._asdict(),
        "policies": report_policies,
        "strongest_rule": best_rule,
        "strong_policy": strongest,
        "foresight": foresight,
        "free_lunches": [{"card": c, "response": o, "when": w} for c, o, w in lunches],
        # A tool played is spent: a response it makes free has cost the tool (reported, not a target).
        "free_with_a_tool_played": [
            {"card": c, "response": o, "when": w}
            for c, o, w in free_lunches(deck, game, every_condition=True, played=True)
            if (c, o) not in {(x, y) for x, y, _ in lunches}
        ],
        "dominated": [{"card": c, "response": o, "dominated_by": d, "when": w} for c, o, d, w in dominated(deck, game)],
        "modal_share": dict(sorted(modal.items())),
        "value": value,
        "changes": {m: round(changed[m] / held[m], 4) for m in sorted(held)},
        "marks_change_share": round(sum(p["changed_by_marks"] for p in strong) / decisions, 4) if decisions else 0.0,
        "followups_per_team": round(sum(p["followups"] for p in strong) / team_games, 3),
        "echo_share": round(sum(p["echoed"] for p in strong) / received, 4) if received else 0.0,
        "repeats": max([plain_repeats, *repeats.values()]),
        "repeats_without_scenario": plain_repeats,
        "repeats_by_scenario": repeats,
    }
    out["warnings"] = list(warnings) + _target_warnings(out, deck)
    return out


# -- the deck read card by card, under every condition ---------------------------------------------


def _conditions(card: Card, game: Game) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None]]:
    """(marks held, tools held, tool played) for every combination that can change what the card offers or
    does: the marks its responses name, the tools that unlock one of them, each tool played with a response."""
    marks = sorted({m for o in card.options for m in (*o.requires, *o.excludes, *(a.mark for a in o.adjust))})
    unlockers = sorted({t for o in card.options for t in o.unlocked_by})
    played: list[str | None] = [None]
    played += [t for t in card.tools if (use := game.book.tool_use(card.id, t)) is not None and use.on_choice]
    out = []
    for n in range(len(marks) + 1):
        for held in combinations(marks, n):
            for k in range(len(unlockers) + 1):
                for tools in combinations(unlockers, k):
                    out += [(held, tools, tool) for tool in played]
    return out


def _condition_name(marks: tuple[str, ...], tools: tuple[str, ...], tool: str | None) -> str:
    parts = [f"mark {m}" for m in marks] + [f"holding {t}" for t in tools] + ([f"playing {tool}"] if tool else [])
    return ", ".join(parts) or "plain"


def _offered(card: Card, game: Game, marks: tuple[str, ...], tools: tuple[str, ...], tool: str | None):
    held = tools + ((tool,) if tool else ())
    return [
        (o.id, game.book.option_effect(card.id, o.id, tool, marks)) for o in card.options if o.offered_to(marks, held)
    ]


def free_lunches(
    deck: Deck, game: Game | None = None, every_condition: bool = False, played: bool = False
) -> list[Any]:
    """Responses that lose nothing on any pillar and tie for the best total on their card: (card, response)
    with plain effects; with `every_condition`, (card, response, condition) for the first condition (marks
    held, unlocking tools held, and with `played` a tool played with the response) under which each is free."""
    game = game or Game(deck)
    out: list[Any] = []
    for card in deck.cards.values():
        if card.kind not in ANSWERED or not card.options:
            continue
        conditions = _conditions(card, game) if every_condition else [((), (), None)]
        if not played:
            conditions = [c for c in conditions if c[2] is None]
        found: dict[str, str] = {}
        for marks, tools, tool in conditions:
            offered = _offered(card, game, marks, tools, tool)
            best = max(sum(e) for _, e in offered)
            for o, e in offered:
                if min(e) >= 0 and sum(e) == best and o not in found:
                    found[o] = _condition_name(marks, tools, tool)
        out += [(card.id, o, w) if every_condition else (card.id, o) for o, w in found.items()]
    return out


def dominated(deck: Deck, game: Game | None = None) -> list[tuple[str, str, str, str]]:
    """(card, response, the response that dominates it, condition): no better on any pillar and worse on
    one, under some condition (marks held, tools held or played); deliberate ones (`allow_dominated`) left out."""
    game = game or Game(deck)
    out = []
    for card in deck.cards.values():
        if card.kind not in ANSWERED or not card.options:
            continue
        found: set[str] = set()
        for marks, tools, tool in _conditions(card, game):
            offered = _offered(card, game, marks, tools, tool)
            for o, e in offered:
                if o in found or o in card.allow_dominated:
                    continue
                for other, f in offered:
                    if other != o and all(a <= b for a, b in zip(e, f, strict=True)) and e != f:
                        out.append((card.id, o, other, _condition_name(marks, tools, tool)))
                        found.add(o)
                        break
    return out


# -- the targets ----------------------------------------------------------------------------------


def _share(x: float, target: float) -> str:
    """A share as a percentage, with a decimal when the whole number would hide which side of the target it
    is on (60.4 % is not "60 %" when the aim is at most 60 %)."""
    return f"{x:.1%}" if round(x * 100) == round(target * 100) else f"{x:.0%}"


def _declares(deck: Deck | None, card: str, word: str) -> bool:
    notes = deck.cards[card].notes if deck is not None and card in deck.cards else ""
    return word.lower() in (notes or "").lower()


def _target_warnings(r: dict[str, Any], deck: Deck | None = None) -> list[str]:
    out = []
    top = r["max_cards"]
    lunches = r["free_lunches"]
    if len({(f["card"], f["response"]) for f in lunches}) > 3:
        out.append(
            f"{len(lunches)} free lunches (responses that cost nothing and tie for the best total, plain or"
            f" under some mark or unlocking tool): aim for at most 3"
        )
    for f in lunches:
        if deck is not None and not (
            _declares(deck, f["card"], "free lunch") and _declares(deck, f["card"], f["response"])
        ):
            out.append(
                f"'{f['card']}': the free lunch '{f['response']}' ({f.get('when', 'plain')}) is not declared in"
                " its notes"
            )
    rules = {n: p for n, p in r["policies"].items() if n != "lookahead"}
    best_rule = max(rules, key=lambda n: (rules[n]["mean"], n))
    for name, p in r["policies"].items():
        if p["mean"] > 0.75 * top:
            out.append(
                f"the player '{name}' earns {p['mean']} of {top} cards on average without knowing the draws:"
                f" above 75 %, the choices are too easy"
            )
    if "lookahead" in r["policies"]:
        ahead = r["policies"]["lookahead"]
        # On the same teams when the report has it: the lookahead plays a sample, the rules every game.
        above = ahead.get("above_best_rule")
        if (above["mean"] if above else ahead["mean"] - rules[best_rule]["mean"]) < 1:
            paired = f", {above['mean']:+} ± {above['ci95']} on the same teams" if above else ""
            out.append(
                f"the lookahead player ({ahead['mean']}) is less than 1 card above the best rule of thumb"
                f" ('{best_rule}', {rules[best_rule]['mean']}{paired}): thinking ahead is hardly rewarded"
            )
    strong = r.get("strong_policy", "maximin")
    for card, share in r["modal_share"].items():
        if share > 0.6 and not _declares(deck, card, "lesson:"):
            out.append(
                f"'{card}': {strong} takes the same response {_share(share, 0.6)} of the time (aim for at most"
                f" 60 %, or say the lesson in its notes)"
            )
    for tool, v in r.get("value", {}).items():
        if v["teams"] and v["blind"] < 0.3:
            spread = f" (± {v['blind_ci95']}, {v['teams']} teams)" if "blind_ci95" in v else ""
            out.append(
                f"the tool '{tool}' is worth {v['blind']} card{spread} through its powers to a team that cannot"
                f" see the effects (aim for at least 0.3)"
            )
    checks = (
        ("marks_change_share", 0.10, "marks change the strong player's choice in {} of decisions (aim for 10 %)"),
        ("echo_share", 0.40, "{} of the experience cards received echo the team's own decisions (aim for 40 %)"),
    )
    for key, target, text in checks:
        if key in r and r[key] < target:
            out.append(text.format(_share(r[key], target)))
    if "followups_per_team" in r and r["followups_per_team"] < 1.5:
        out.append(f"{r['followups_per_team']} follow-ups per team and game (aim for at least 1.5)")
    if r.get("repeats"):
        worst = {s: v for s, v in r.get("repeats_by_scenario", {}).items() if v}
        where = f" (every team on: {', '.join(f'{s} {v:.0%}' for s, v in worst.items())})" if worst else ""
        out.append(
            f"up to {_share(r['repeats'], 0)} of teams meet the same challenge twice in a game{where}: aim for none"
        )
    return out


def format_report(r: dict[str, Any], other: dict[str, Any] | None = None) -> str:
    """The figures as text; with `other` (another deck's or run's report), side by side."""

    def pair(a: Any, b: Any) -> str:
        return f"{a}" if other is None else f"{a}  (was {b})"

    def get(report: dict[str, Any] | None, *path: str) -> Any:
        node: Any = report
        for k in path:
            node = node.get(k) if isinstance(node, dict) else None
        return node

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{x:.1%}"

    s = r["samples"]
    lines = [
        f"{r['games']} games, {r['teams']} teams {r['mode']}, seed {r['seed']}, deck {r['deck']}; at most"
        f" {r['max_cards']} experience cards a team",
        "",
        f"{'policy':<20}{'mean':>8}{'min':>6}{'max':>6}{'at max':>9}{'games':>7}" + ("   before" if other else ""),
    ]
    for name, p in r["policies"].items():
        was = get(other, "policies", name, "mean")
        line = f"{name:<20}{p['mean']:>8.3f}{p['min']:>6}{p['max']:>6}{p['share_max']:>9.1%}"
        lines.append(line + f"{p['games']:>7}" + (f"   {was}" if other else ""))
    ahead = r["policies"]["lookahead"]
    lines.append(
        f"  (lookahead: one team a game in {s['lookahead']} games, {LOOKAHEAD_FUTURES} imagined futures per"
        f" response played by {LOOKAHEAD_ROLLOUT}; cap-aware on the same teams {ahead['cap_aware_same_teams']})"
    )
    if "above_best_rule" in ahead:
        above = ahead["above_best_rule"]
        lines.append(
            f"  (lookahead above the best rule, {ahead['best_rule']}, on the same teams: {above['mean']:+.3f}"
            f" ± {above['ci95']:.3f}, 95 % interval)"
        )
    f = r["foresight"]
    lines.append(
        f"{'foresight ceiling':<20}{f['mean']:>8.3f}   (clairvoyant: exact search knowing the draws, one team a"
        f" game in {f['games']} games, {f['exact']} searched to the end)"
        + (f"   {get(other, 'foresight', 'mean')}" if other else "")
    )
    if "lookahead_same_teams" in f:
        lines.append(
            f"  (on the same teams: lookahead {f['lookahead_same_teams']}, {r['strongest_rule']}"
            f" {f['best_rule_same_teams']})"
        )
    lines += [
        "",
        f"strong player for the figures below: {r['strong_policy']}",
        f"marks change its choice in {pair(pct(r['marks_change_share']), pct(get(other, 'marks_change_share')))}"
        " of decisions",
        f"follow-ups per team and game: {pair(r['followups_per_team'], get(other, 'followups_per_team'))}",
        f"experience cards that echo the team's decisions: {pair(pct(r['echo_share']), pct(get(other, 'echo_share')))}",
        f"teams that meet a challenge twice in a game (worst of no scenario and each scenario for every team):"
        f" {pair(pct(r['repeats']), pct(get(other, 'repeats')))}",
        "",
        "per mark, how often it changes the strong player's choice when held:",
    ]
    lines += [f"  {m}: {v:.0%}" for m, v in r["changes"].items()]
    lines += ["", f"free lunches (plain, or under any mark or unlocking tool held): {len(r['free_lunches'])}"]
    lines += [f"  {x['card']}: {x['response']} ({x['when']})" for x in r["free_lunches"]]
    spent = r["free_with_a_tool_played"]
    lines += [f"responses free only with a tool played (the tool is spent): {len(spent)}"]
    lines += ["", "modal share of the strong player (most chosen response / draws), above 60 %:"]
    lines += [f"  {c}: {v:.0%}" for c, v in r["modal_share"].items() if v > 0.6]
    lines += ["", f"tools: cards gained through their powers (same seeds, powers off), first {s['tools']} games:"]
    lines += [
        f"  {t}: strong {v['strong']:+.2f}, blind {v['blind']:+.2f} ± {v.get('blind_ci95', 0):.2f} ({v['teams']} teams)"
        for t, v in r["value"].items()
    ]
    lines += ["", f"dominated responses (under any mark or tool): {len(r['dominated'])}"]
    lines += [f"  {d['card']}: '{d['response']}' by '{d['dominated_by']}' ({d['when']})" for d in r["dominated"]]
    lines += ["", f"warnings: {len(r['warnings'])}"]
    lines += [f"  - {w}" for w in r["warnings"]]
    return "\n".join(lines)
