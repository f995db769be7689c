# SPDX-License-Identifier: MIT
"""Headless play of many games, and the balance figures a deck designer tunes against.

Pure apart from the clock read for throughput, which callers print apart from the figures so that the
same seed always prints the same figures.
"""

from __future__ import annotations

import random
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from booster.engine.game import Action, ActionKind, Game, Setup, State
from booster.engine.model import Deck
from booster.tools import pool

Policy = Callable[[Game, State, Sequence[Action], random.Random], Action]


def random_policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    return actions[rnd.randrange(len(actions))] if len(actions) > 1 else actions[0]


def greedy_policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    """The choice that most raises the team's weakest pillar, then its total (a balance-minded team)."""
    # Only responses change scores: a reveal (a tool played before choosing, without an option) is left to
    # other policies, and a lone advance, exchange or close is taken as it comes.
    answers = [a for a in actions if a.kind == ActionKind.CHOOSE and a.option is not None]
    if not answers or state.pending is None:
        return actions[0]
    scores = state.teams[state.turn].scores

    def value(a: Action) -> tuple[int, int, float]:
        after = [s + d for s, d in zip(scores, game.preview(state, a.option or "", a.tool), strict=True)]
        return (min(after), sum(after), rnd.random())

    return max(answers, key=value)


POLICIES: dict[str, Policy] = {"random": random_policy, "greedy": greedy_policy}


def dominated_options(deck: Deck) -> list[tuple[str, str, str]]:
    """(card, option, dominating option): no better on any pillar, worse on one. Deliberate ones excluded."""
    out = []
    for card in deck.cards.values():
        for o in card.options:
            if o.id in card.allow_dominated:
                continue
            for other in card.options:
                if (
                    other is not o
                    and all(a <= b for a, b in zip(o.effect, other.effect, strict=True))
                    and any(a < b for a, b in zip(o.effect, other.effect, strict=True))
                ):
                    out.append((card.id, o.id, other.id))
                    break
    return out


def losing_challenges(deck: Deck) -> list[str]:
    """Challenges whose every option loses on every pillar it touches and gains on none."""
    return [
        c.id
        for c in deck.cards.values()
        if c.kind == "challenge" and c.options and all(max(o.effect) <= 0 and min(o.effect) < 0 for o in c.options)
    ]


class _Batch(NamedTuple):
    finals: list[tuple[int, ...]]
    experience: list[int]
    option_counts: Counter[tuple[str, str]]
    tool_games: Counter[str]
    total_actions: int
    last_game: tuple[Setup, tuple[Action, ...]]


_RUN: tuple[Game, Policy, tuple[str, ...], int, str | None] | None = None  # set before the pool forks
BATCH = 100  # games per batch of the process pool


def _play(games: range) -> _Batch:
    """Some games of the run `_RUN` (game, policy, team names, seed, mode); each game has its own randomness,
    so that a game plays the same in whichever batch it falls."""
    assert _RUN is not None
    game, choose, names, seed, mode = _RUN
    batch = _Batch([], [], Counter(), Counter(), 0, (Setup(names), ()))
    total = 0
    legal = game.legal_actions
    for g in games:
        setup = Setup(names, seed * 1_000_003 + g, mode=mode)
        state = game.new_game(setup)
        rnd = random.Random(f"{seed}:{g}")
        played: set[str] = set()
        while state.phase != "over":
            actions = legal(state)
            action = choose(game, state, actions, rnd)
            if action.kind == "choose":
                batch.option_counts[(state.pending or "", action.option or "")] += 1
                if action.tool is not None:
                    played.add(action.tool)
            state.push(action)
            total += 1
        batch.tool_games.update(played)
        for t in state.teams:
            batch.finals.append(t.scores)
            batch.experience.append(len(t.experience))
        last = (setup, state.log)
    return batch._replace(total_actions=total, last_game=last)


def simulate(
    deck: Deck, games: int, teams: int, seed: int, policy: str = "random", mode: str | None = None
) -> dict[str, Any]:
    """Plays `games` complete games, on every core, and returns the figures (deterministic for a seed) plus
    `speed`. `mode`: "in-turn" or "all-at-once" (None: the rules' choice)."""
    global _RUN
    game = Game(deck)
    names = tuple(f"Team {i + 1}" for i in range(teams))
    pillars = game.pillars
    finals: list[tuple[int, ...]] = []
    experience: list[int] = []
    option_counts: Counter[tuple[str, str]] = Counter()
    tool_games: Counter[str] = Counter()
    total_actions = 0
    _RUN = (game, POLICIES[policy], names, seed, mode)
    start = time.perf_counter()
    try:
        for batch in pool.run_all(_play, [range(i, min(games, i + BATCH)) for i in range(0, games, BATCH)]):
            finals += batch.finals
            experience += batch.experience
            option_counts.update(batch.option_counts)
            tool_games.update(batch.tool_games)
            total_actions += batch.total_actions
            setup, last = batch.last_game
    finally:
        _RUN = None
    elapsed = time.perf_counter() - start

    per_pillar = {}
    for i, p in enumerate(pillars):
        values = [f[i] for f in finals]
        per_pillar[p] = {
            "mean": round(statistics.fmean(values), 3),
            "stdev": round(statistics.pstdev(values), 3),
            "min": min(values),
            "max": max(values),
        }
    options: dict[str, dict[str, int]] = {}
    for card in deck.cards.values():
        if card.kind == "challenge":
            options[card.id] = {o.id: option_counts[(card.id, o.id)] for o in card.options}
    tools = {c.id: round(tool_games[c.id] / games, 4) for c in deck.cards.values() if c.kind == "tool"}
    return {
        "deck": deck.info.id,
        "games": games,
        "teams": teams,
        "seed": seed,
        "policy": policy,
        "mode": mode or deck.rules.play,
        "pillars": per_pillar,
        "experience_cards_per_team": {
            "mean": round(statistics.fmean(experience), 3),
            "median": statistics.median(experience),
            "min": min(experience),
            "max": max(experience),
        },
        "options_chosen": options,
        "tools_played_share_of_games": tools,
        "dominated_options": [{"card": c, "option": o, "dominated_by": d} for c, o, d in dominated_options(deck)],
        "losing_challenges": losing_challenges(deck),
        "total_actions": total_actions,
        "last_game": (setup, last),  # for `--save`; the command line takes it out, as `speed`
        "speed": {
            "seconds": round(elapsed, 3),
            "games_per_s": round(games / elapsed, 1) if elapsed else None,
            "actions_per_s": round(total_actions / elapsed) if elapsed else None,
            "processes": min(pool.cores(), -(-games // BATCH)),  # the figures above are for all of them
        },
    }


def format_report(r: dict[str, Any]) -> str:
    """The figures as text, without `speed` (which changes from run to run)."""
    lines = [
        f"{r['games']} games, {r['teams']} teams {r['mode']}, seed {r['seed']}, policy {r['policy']}, deck {r['deck']}",
        "",
    ]
    lines.append(f"{'pillar':<16}{'mean':>9}{'stdev':>9}{'min':>6}{'max':>6}")
    for p, s in r["pillars"].items():
        lines.append(f"{p:<16}{s['mean']:>9.3f}{s['stdev']:>9.3f}{s['min']:>6}{s['max']:>6}")
    means = [s["mean"] for s in r["pillars"].values()]
    if means and min(means) > 0:
        lines.append(f"largest pillar mean / smallest: {max(means) / min(means):.3f}")
    e = r["experience_cards_per_team"]
    lines += [
        "",
        f"experience cards per team: mean {e['mean']}, median {e['median']}, min {e['min']}, max {e['max']}",
        "",
        "options chosen (share of the card's draws):",
    ]
    for card, counts in r["options_chosen"].items():
        total = sum(counts.values())
        shares = ", ".join(f"{o} {c / total:.0%}" if total else f"{o} -" for o, c in counts.items())
        lines.append(f"  {card}: {shares} ({total} draws)")
    lines += ["", "tools: share of games in which each was played:"]
    for tool, share in r["tools_played_share_of_games"].items():
        lines.append(f"  {tool}: {share:.2%}")
    lines.append("")
    if r["dominated_options"]:
        lines.append("dominated options:")
        for d in r["dominated_options"]:
            lines.append(f"  {d['card']}: '{d['option']}' is dominated by '{d['dominated_by']}'")
    else:
        lines.append("dominated options: none")
    lines.append("challenges where every option loses: " + (", ".join(r["losing_challenges"]) or "none"))
    lines.append(f"total actions: {r['total_actions']}")
    return "\n".join(lines)
