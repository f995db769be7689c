# SPDX-License-Identifier: MIT
"""CPU instructions per action in random play: the engine's cost, steady on a noisy machine.

    python benchmarks/engine_instructions.py [DECK] [--games 100]

Wall-clock speed on this shared machine varies by up to two times from minute to minute, so a change of
a few per cent cannot be seen in actions/s. Instructions executed can: this runs the same random play
as engine_bench.py under valgrind's cachegrind (`apt-get install valgrind`), once for one game and once
for `--games`, and divides the difference by the difference in actions, which leaves out start-up and
deck loading. Hash randomisation is fixed, so two runs of the same code agree to the instruction.
Fewer instructions is faster, though not exactly in proportion (memory and branches count too).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup


def play(deck_path: str, games: int) -> int:
    """Plays `games` random 4-team games, as engine_bench.py does; returns the number of actions."""
    deck = load_deck(deck_path).deck
    assert deck is not None, f"{deck_path} does not load"
    game = Game(deck)
    pick = random.Random(0).random
    legal, apply = game.legal_actions, game.apply
    names = ("Team 1", "Team 2", "Team 3", "Team 4")
    actions = 0
    for seed in range(games):
        state = game.new_game(Setup(names, seed))
        while state.phase != "over":
            choices = legal(state)
            state, _ = apply(state, choices[int(pick() * len(choices))])
            actions += 1
    return actions


def count(deck_path: str, games: int) -> tuple[int, int]:
    """(instructions, actions) of a child process playing `games` games under cachegrind."""
    out = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            deck_path,
            "--play",
            str(games),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    refs = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    assert refs, out.stderr[-2000:]
    return int(refs.group(1).replace(",", "")), int(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("deck", nargs="?", default=str(paths.CORE_DECK))
    parser.add_argument("--games", type=int, default=100)
    parser.add_argument("--play", type=int, help=argparse.SUPPRESS)  # the child's side
    args = parser.parse_args()
    if args.play is not None:
        print(play(args.deck, args.play))
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("this benchmark needs valgrind (apt-get install valgrind)")
    i1, a1 = count(args.deck, 1)
    i2, a2 = count(args.deck, args.games)
    print(
        f"engine, 4 teams, random play: {(i2 - i1) / (a2 - a1):,.0f} instructions an action "
        f"({a2 - a1:,} actions measured)"
    )


if __name__ == "__main__":
    main()
