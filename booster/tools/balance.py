# SPDX-License-Identifier: MIT
"""`booster balance`: plays a deck headless and says whether its choices are real (issue 10 §6).

Pure apart from the progress bar, which goes to stderr: the same seed prints the same bytes.
"""

from __future__ import annotations

import random
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from booster.engine.game import Action, Game, Setup, State
from booster.engine.model import ANSWERED, Deck
from booster.tools.simulate import dominated_options

Policy = Callable[[Game, State, Sequence[Action], random.Random], Action]
BEST_PLAY_GAMES = 100  # games whose teams get the best-play search
BEAM = 64  # states kept after each decision of the best-play search


def _after(game: Game, state: State, action: Action) -> tuple[int, ...]:
    scores = state.teams[state.turn].scores
    delta = game.preview(state, action.option or "", action.tool)
    return tuple(s + d for s, d in zip(scores, delta, strict=True))


def _responses(actions: Sequence[Action]) -> list[Action]:
    return [a for a in actions if a.kind == "choose"]


def _best(key: Callable[[Game, State], Callable[[Action], Any]]) -> Policy:
    def policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
        if len(actions) == 1:
            return actions[0]
        return max(_responses(actions), key=key(game, state))  # max keeps the first of equals

    return policy


def random_policy(game: Game, state: State, actions: Sequence[Action], rnd: random.Random) -> Action:
    return actions[rnd.randrange(len(actions))] if len(actions) > 1 else actions[0]


def _maximin(game: Game, state: State) -> Callable[[Action], Any]:
    def key(a: Action) -> tuple[int, int]:
        after = _after(game, state, a)
        return min(after), sum(after)

    return key


def _no_loss(game: Game, state: State) -> Callable[[Action], Any]:
    def key(a: Action) -> tuple[int, int]:
        delta = game.preview(state, a.option or "", a.tool)
        return sum(d for d in delta if d < 0), sum(delta)

    return key


def _highest_total(game: Game, state: State) -> Callable[[Action], Any]:
    return lambda a: sum(game.preview(state, a.option or "", a.tool))


def _only(pillar: int) -> Callable[[Game, State], Callable[[Action], Any]]:
    def make(game: Game, state: State) -> Callable[[Action], Any]:
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


def policies(game: Game) -> dict[str, Policy]:
    out: dict[str, Policy] = {
        "random": random_policy,
        "maximin": _best(_maximin),
        "no-loss": _best(_no_loss),
        "highest-total": _best(_highest_total),
        "first": _first,
        "last": _last,
    }
    for i, p in enumerate(game.pillars):
        out[f"only-{p}"] = _best(_only(i))
    return out


def best_play(game: Game, cards: Sequence[str], start: tuple[int, ...], tools: tuple[str, ...]) -> int:
    """How many experience cards a sequence of a team's own responses (and tools) can earn on the cards
    it answered, in that order, holding the tools it drew (marks, unlocks, adjust and powers included).

    A beam search: after each decision it keeps the BEAM most promising states (by the cards their
    scores would buy, then their total), so the figure is a sequence the team could have played: a
    bound from below on best play. Draws are held fixed (follow-ups another response would have
    scheduled are not counted)."""
    frontier: set[tuple[tuple[int, ...], frozenset[str], frozenset[str]]] = {(start, frozenset(), frozenset())}
    for card_id in cards:
        answered = game.answered(card_id)
        nxt = set()
        for scores, marks, spent in frontier:
            for option in answered.options.values():
                if not option.offered_to(tuple(marks), tools):
                    continue
                choices: list[str | None] = [None]
                choices += [t for t, u in answered.uses.items() if t in tools and t not in spent and u.on_choice]
                for tool in choices:
                    uses = [answered.uses[tool]] if tool else []
                    effect = game.effect(option, tuple(marks), uses)
                    after = tuple(s + d for s, d in zip(scores, effect, strict=True))
                    held = (marks | set(option.marks)) - set(option.clears)
                    used = spent | {tool} if tool and game.rules.tools_single_use else spent
                    nxt.add((after, frozenset(held), frozenset(used)))
        frontier = set(sorted(nxt, key=lambda x: (-game.cards_earned(x[0]), -sum(x[0]), x))[:BEAM])
    return max(game.cards_earned(s) for s, _, _ in frontier) if frontier else game.cards_earned(start)


def balance(
    deck: Deck,
    games: int,
    teams: int,
    seed: int,
    warnings: Sequence[str] = (),
    progress: bool = True,
    mode: str | None = None,
) -> dict[str, Any]:
    """Every policy's games and best play, and the warnings. `mode`: "in-turn" or "all-at-once" (None: the
    rules' choice)."""
    game = Game(deck)
    names = tuple(f"Team {i + 1}" for i in range(teams))
    top = game.most_cards()
    plays = policies(game)
    results: dict[str, list[int]] = {}
    per_game: dict[str, list[float]] = {}
    chosen: dict[str, Counter[str]] = {}
    drawn: Counter[str] = Counter()
    tool_draws: Counter[str] = Counter()
    tool_usable: Counter[str] = Counter()
    tool_changes: Counter[str] = Counter()
    best: list[int] = []
    total = games * len(plays)
    done = 0
    for name, policy in plays.items():
        rnd = random.Random(f"{seed}:{name}")
        cards: list[int] = []
        means: list[float] = []
        for g in range(games):
            state = game.new_game(Setup(names, seed * 1_000_003 + g, mode=mode))
            answered: list[list[str]] = [[] for _ in names]
            usable: list[set[str]] = [set() for _ in names]
            changed: list[set[str]] = [set() for _ in names]
            while state.phase != "over":
                actions = game.legal_actions(state)
                action = policy(game, state, actions, rnd)
                if state.pending is not None and name == "maximin":
                    team = state.teams[state.turn]
                    answered[state.turn].append(state.pending)
                    drawn[state.pending] += 1
                    chosen.setdefault(state.pending, Counter())[action.option or ""] += 1
                    _tools_seen(game, state, actions, action, usable[state.turn], changed[state.turn], team.tools)
                state.push(action)
            got = [len(t.experience) for t in state.teams]
            cards += got
            means.append(statistics.fmean(got))
            if name == "maximin":
                for i, t in enumerate(state.teams):
                    for tool in set(t.tools):
                        tool_draws[tool] += 1
                        tool_usable[tool] += tool in usable[i]
                        tool_changes[tool] += tool in changed[i]
                    if g < BEST_PLAY_GAMES:
                        gains = [deck.cards[x].effect for x in t.tools if deck.cards[x].effect]
                        start = tuple(sum(column) for column in zip(game.zero, *gains, strict=True))
                        best.append(best_play(game, answered[i], start, t.tools))
            done += 1
            if progress and (done % 50 == 0 or done == total):
                bar = "#" * (30 * done // total)
                print(f"\rbalance [{bar:<30}] {done}/{total} games", end="", file=sys.stderr, flush=True)
        results[name] = cards
        per_game[name] = means
    if progress:
        print(file=sys.stderr)
    report_policies = {
        name: {
            "mean": round(statistics.fmean(c), 3),
            "min": min(c),
            "max": max(c),
            "share_max": round(sum(1 for x in c if x >= top) / len(c), 4),
        }
        for name, c in results.items()
    }
    free = free_lunches(deck)
    modal = {c: round(max(n.values()) / drawn[c], 4) for c, n in sorted(chosen.items())}
    tools = {
        t: {
            "usable": round(tool_usable[t] / tool_draws[t], 4) if tool_draws[t] else 0.0,
            "changes": round(tool_changes[t] / tool_usable[t], 4) if tool_usable[t] else 0.0,
        }
        for t in sorted(c.id for c in deck.cards.values() if c.kind == "tool")
    }
    # The spread of a policy's results over games comes from draws; the spread between policies on the
    # same games comes from choices: their shares of the sum of both variances.
    between = statistics.fmean(statistics.pvariance([per_game[n][g] for n in per_game]) for g in range(games))
    across = statistics.fmean(statistics.pvariance(per_game[n]) for n in per_game)
    choice_share = round(between / (between + across), 4) if between + across else 0.0
    best_mean = round(statistics.fmean(best), 3) if best else 0.0
    out = {
        "deck": deck.info.id,
        "games": games,
        "teams": teams,
        "seed": seed,
        "mode": mode or deck.rules.play,
        "max_cards": top,
        "policies": report_policies,
        "best_play": {"mean": best_mean, "games": min(games, BEST_PLAY_GAMES)},
        "free_lunches": [{"card": c, "response": o} for c, o in free],
        "modal_share": modal,
        "tools": tools,
        "dominated": [{"card": c, "response": o, "dominated_by": d} for c, o, d in dominated_options(deck)],
        "spread_from_choices": choice_share,
    }
    out["warnings"] = list(warnings) + _target_warnings(out)
    return out


def _tools_seen(game, state, actions, action, usable: set[str], changed: set[str], held) -> None:
    """Which tools the team could use on this card, and which changed maximin's choice or revealed."""
    answered = game.answered(state.pending)
    plain = [a for a in actions if a.kind == "choose" and a.tool is None]
    key = _maximin(game, state)
    for tool, use in answered.uses.items():
        if tool not in held:
            continue
        if any(a.tool == tool for a in actions):
            usable.add(tool)
            if use.reveals or (action.tool == tool and max(plain, key=key).option != action.option):
                changed.add(tool)
    for o in game.offered_options(state):
        for tool in o.unlocked_by:
            if tool in held:
                usable.add(tool)
                if action.option == o.id:
                    changed.add(tool)


def free_lunches(deck: Deck) -> list[tuple[str, str]]:
    """Responses that lose nothing on any pillar and tie for the best total on their card."""
    out = []
    for card in deck.cards.values():
        if card.kind not in ANSWERED or not card.options:
            continue
        best = max(sum(o.effect) for o in card.options)
        out += [(card.id, o.id) for o in card.options if min(o.effect) >= 0 and sum(o.effect) == best]
    return out


def _share(x: float, target: float) -> str:
    """A share as a percentage, with a decimal when the whole number would hide which side of the target it
    is on (60.4 % is not "60 %" when the aim is at most 60 %)."""
    return f"{x:.1%}" if round(x * 100) == round(target * 100) else f"{x:.0%}"


def _target_warnings(r: dict[str, Any]) -> list[str]:
    out = []
    top = r["max_cards"]
    if len(r["free_lunches"]) > 3:
        out.append(
            f"{len(r['free_lunches'])} free lunches (responses that cost nothing and tie for the best"
            f" total): aim for at most 3"
        )
    best_policy = max(r["policies"], key=lambda n: r["policies"][n]["mean"])
    mean = r["policies"][best_policy]["mean"]
    for name, p in r["policies"].items():
        if p["mean"] > 0.75 * top:
            out.append(
                f"the rule of thumb '{name}' earns {p['mean']} of {top} cards on average: above 75 %,"
                f" the choices are too easy"
            )
    if r["best_play"]["mean"] < mean + 1.5:
        out.append(
            f"best play ({r['best_play']['mean']}) is less than 1.5 cards above the best rule of thumb"
            f" ('{best_policy}', {mean}): careful play is hardly rewarded"
        )
    for card, share in r["modal_share"].items():
        if share > 0.6:
            out.append(
                f"'{card}': maximin takes the same response {_share(share, 0.6)} of the time (aim for at most 60 %)"
            )
    for tool, t in r["tools"].items():
        if t["usable"] and t["changes"] < 0.25:
            out.append(
                f"the tool '{tool}' changes or reveals something in {_share(t['changes'], 0.25)} of the draws"
                f" where it is usable (aim for 25 %)"
            )
    if r["policies"]["random"]["mean"] < 0.35 * top:
        out.append(
            f"random play earns {r['policies']['random']['mean']} of {top} cards: below 35 %, the deck"
            f" punishes too much"
        )
    return out


def format_report(r: dict[str, Any]) -> str:
    lines = [
        f"{r['games']} games, {r['teams']} teams {r['mode']}, seed {r['seed']}, deck {r['deck']}; at most"
        f" {r['max_cards']} experience cards a team",
        "",
    ]
    lines.append(f"{'policy':<20}{'mean':>8}{'min':>6}{'max':>6}{'at max':>9}")
    for name, p in r["policies"].items():
        lines.append(f"{name:<20}{p['mean']:>8.3f}{p['min']:>6}{p['max']:>6}{p['share_max']:>9.1%}")
    lines.append(
        f"{'best play':<20}{r['best_play']['mean']:>8.3f}   (beam search over each team's decisions,"
        f" first {r['best_play']['games']} games)"
    )
    lines.append(f"share of the spread of results that comes from choices: {r['spread_from_choices']:.1%}")
    lines += ["", f"free lunches: {len(r['free_lunches'])}"]
    lines += [f"  {f['card']}: {f['response']}" for f in r["free_lunches"]]
    lines += ["", "modal share under maximin (most chosen response / draws):"]
    lines += [f"  {c}: {s:.0%}" for c, s in r["modal_share"].items()]
    lines += ["", "tools: usable (share of draws), changes or reveals (share of usable draws):"]
    lines += [f"  {t}: {v['usable']:.0%}, {v['changes']:.0%}" for t, v in r["tools"].items()]
    lines += ["", f"dominated responses: {len(r['dominated'])}"]
    lines += [f"  {d['card']}: '{d['response']}' is dominated by '{d['dominated_by']}'" for d in r["dominated"]]
    lines += ["", f"warnings: {len(r['warnings'])}"]
    lines += [f"  - {w}" for w in r["warnings"]]
    return "\n".join(lines)
