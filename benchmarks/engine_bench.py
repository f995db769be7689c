# SPDX-License-Identifier: MIT
"""Engine speed in headless random play: actions/s (one action = one entry of the saved log) and games/s.

    python benchmarks/engine_bench.py [DECK] [--teams 4] [--seconds 2] [--repeats 5]

Prints the median of the repeats. The loop is the same as `booster simulate --policy random` minus the
statistics: legal_actions, a random pick, push (the state changes in place, as python-chess's board).

This machine is shared and its speed varies by up to 2x from minute to minute. When OpenSpiel is installed
(`pip install open_spiel`), its C++ Kuhn poker driven from Python by the same kind of loop is measured in
turn with our engine, and the ratio of the two medians is printed: that ratio is the steadier figure.

It measures the engine Python imports: in a checkout or an editable install, the plain Python modules; in an
installed wheel, the modules mypyc compiled (setup.py). The first line says which. The compiled engine as a
user meets it, installed in a fresh environment and imported from outside the checkout (-P):

    python3 -m venv /tmp/wheel-venv && /tmp/wheel-venv/bin/pip install . open_spiel
    (cd /tmp && /tmp/wheel-venv/bin/python -P "$OLDPWD/benchmarks/engine_bench.py")
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from booster import paths
from booster.deck.loader import load_deck
from booster.engine import compiled
from booster.engine import game as game_module
from booster.engine.game import Game, Setup


def measure(game: Game, teams: int, seconds: float, seed: int) -> tuple[float, float]:
    rnd = random.Random(seed)
    names = tuple(f"Team {i + 1}" for i in range(teams))
    legal = game.legal_actions
    actions = games = 0
    # CPU time of this process, not wall time: the figure stays meaningful on a shared, busy machine.
    start = time.process_time()
    while time.process_time() - start < seconds:
        state = game.new_game(Setup(names, seed + games))
        while state.phase != "over":
            choices = legal(state)
            state.push(choices[rnd.randrange(len(choices))] if len(choices) > 1 else choices[0])
            actions += 1
        games += 1
    elapsed = time.process_time() - start
    return actions / elapsed, games / elapsed


def measure_kuhn(seconds: float, seed: int) -> float | None:
    """OpenSpiel's C++ Kuhn poker, random play driven from Python: actions/s, or None without OpenSpiel."""
    try:
        import pyspiel
    except ImportError:
        return None
    game = pyspiel.load_game("kuhn_poker")
    rnd = random.Random(seed)
    actions = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        state = game.new_initial_state()
        while not state.is_terminal():
            if state.is_chance_node():
                outcomes = state.chance_outcomes()
                state.apply_action(outcomes[rnd.randrange(len(outcomes))][0])
            else:
                legal = state.legal_actions()
                state.apply_action(legal[rnd.randrange(len(legal))])
            actions += 1
    return actions / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("deck", nargs="?", default=str(paths.CORE_DECK))
    parser.add_argument("--teams", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    result = load_deck(args.deck)
    if result.deck is None:
        raise SystemExit("\n".join(map(str, result.problems)))
    game = Game(result.deck)
    runs, kuhn = [], []
    for seed in range(args.repeats):  # interleaved, so that both see the same machine
        runs.append(measure(game, args.teams, args.seconds, seed))
        kuhn.append(measure_kuhn(args.seconds, seed))
    a = statistics.median(r[0] for r in runs)
    g = statistics.median(r[1] for r in runs)
    engine = "compiled by mypyc" if compiled() else "interpreted"
    print(
        f"engine ({engine}, {Path(game_module.__file__ or '').name}), {args.teams} teams, "
        f"deck {result.deck.info.id}: median {a:,.0f} actions/s, {g:,.0f} games/s "
        f"({a / g:.0f} actions a game; {args.repeats} runs of {args.seconds:g} s; "
        f"min-max {min(r[0] for r in runs):,.0f}-{max(r[0] for r in runs):,.0f} actions/s)"
    )
    if kuhn[0] is not None:
        k = statistics.median(kuhn)
        print(
            f"reference, OpenSpiel C++ kuhn_poker from Python: median {k:,.0f} actions/s; "
            f"ours / reference = {a / k:.2f}"
        )


if __name__ == "__main__":
    main()
