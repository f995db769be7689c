# SPDX-License-Identifier: MIT
"""The engine's cost per action, counted rather than timed: steady on a noisy machine.

    python benchmarks/engine_instructions.py [DECK] [--games 100]      # CPU instructions (valgrind)
    python benchmarks/engine_instructions.py --bytecodes [--record]    # Python bytecodes and calls (CI's gate)

Wall-clock speed on this shared machine varies by up to two times from minute to minute, so a change of
a few per cent cannot be seen in actions/s. Counts can:

- `--bytecodes`: the Python bytecode instructions and function calls the engine runs per action (its own
  code and the Python code it calls: named tuples' and attrs' methods; C functions count as one call's
  bytecode), in random play of 4 teams on the core deck, seeds 0 to 19 (sys.settrace with opcode
  events). Exact and the same on every machine for one Python version; tests/test_engine_cost.py fails
  when it grows by 20 % over the figure recorded in tests/golden/engine_cost.json (`--record` rewrites it,
  when a change is worth its cost: say so in the commit).
- by default: CPU instructions under valgrind's cachegrind (`apt-get install valgrind`), once for one game
  and once for `--games`, the difference divided by the difference in actions, which leaves out start-up
  and deck loading. Hash randomisation is fixed, so two runs of the same code agree to the instruction.
  Fewer instructions is faster, though not exactly in proportion (memory and branches count too).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup

RECORD = Path(__file__).resolve().parent.parent / "tests" / "golden" / "engine_cost.json"
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def play(game: Game, games: int) -> int:
    """Plays `games` random 4-team games (seeds 0, 1, ...), as engine_bench.py does; returns the actions."""
    pick = random.Random(0).random
    legal = game.legal_actions
    names = ("Team 1", "Team 2", "Team 3", "Team 4")
    actions = 0
    for seed in range(games):
        state = game.new_game(Setup(names, seed))
        while state.phase != "over":
            choices = legal(state)
            state.push(choices[int(pick() * len(choices))])
            actions += 1
    return actions


def bytecodes(deck_path: str = str(paths.CORE_DECK), games: int = 20) -> dict[str, float]:
    """Per action: the bytecodes and the calls of the engine's code, in `games` random games."""
    deck = load_deck(deck_path).deck
    assert deck is not None, f"{deck_path} does not load"
    game = Game(deck)  # compiled before counting: a deck is compiled once per session
    play(game, 5)  # and its caches warm: what a long session pays per action
    counts = {"opcode": 0, "call": 0}

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "opcode":
            counts["opcode"] += 1
        return local

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        # Everything the engine runs, the named tuples' and attrs' generated methods included; not the loop.
        if event != "call" or frame.f_code is play.__code__:
            return None
        counts["call"] += 1
        frame.f_trace_opcodes = True
        return local

    before = sys.gettrace()  # a coverage tool's, say: put back after
    sys.settrace(trace)
    try:
        actions = play(game, games)
    finally:
        sys.settrace(before)
    return {"bytecodes": round(counts["opcode"] / actions, 1), "calls": round(counts["call"] / actions, 2)}


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
    parser.add_argument("--bytecodes", action="store_true", help="count Python bytecodes and calls (no valgrind)")
    parser.add_argument("--record", action="store_true", help="with --bytecodes: write the figure CI checks")
    parser.add_argument("--play", type=int, help=argparse.SUPPRESS)  # the child's side
    args = parser.parse_args()
    if args.play is not None:
        deck = load_deck(args.deck).deck
        assert deck is not None, f"{args.deck} does not load"
        print(play(Game(deck), args.play))
        return
    if args.bytecodes:
        figure = bytecodes(args.deck)
        print(
            f"engine, 4 teams, random play, Python {VERSION}: {figure['bytecodes']:,} bytecodes and "
            f"{figure['calls']} Python calls an action"
        )
        if args.record:
            recorded = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
            recorded[VERSION] = figure
            RECORD.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", encoding="utf-8")
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
