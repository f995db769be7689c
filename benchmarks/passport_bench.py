# SPDX-License-Identifier: MIT
"""How long the debrief of a real-project workshop takes to compute: `python benchmarks/passport_bench.py`.

The chains of a finished game (folded from its replayed events), one road not taken (a whole game replayed
with one response changed) and the passports of every team (PDF, Markdown, JSON), on the core deck, for 4 and
8 teams, in turn and all at once. Each figure is the median of several runs, in process (what the debrief's
screens and button cost once the program is running).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from sample_save import random_save  # noqa: E402

from booster import paths  # noqa: E402
from booster.deck.loader import load_deck  # noqa: E402
from booster.engine.chains import fold  # noqa: E402
from booster.engine.game import Game  # noqa: E402
from booster.engine.replay import decisions, road_not_taken  # noqa: E402
from booster.paper.passport_pdf import write_passports  # noqa: E402


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    game = Game(deck)
    print(f"{'teams':>5} {'mode':>12} {'chains ms':>10} {'replay ms':>10} {'passports ms':>13}")
    for teams in (4, 8):
        for mode in ("in-turn", "all-at-once"):
            saved = random_save(deck, str(paths.CORE_DECK), teams, seed=7, mode=mode)
            match = saved.replay(game)
            chains = median_ms(lambda m=match: fold(deck.cards, m.events()), args.runs)
            d = decisions(match, 0)[0]
            other = next(o for o in d.offered if o != d.option)
            road = median_ms(lambda m=match, o=other: road_not_taken(m, 0, 1, o), args.runs)
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder)
                written = median_ms(lambda s=saved, f=out: write_passports(s, deck, "fr", f), args.runs)
            print(f"{teams:>5} {mode:>12} {chains:>10.1f} {road:>10.1f} {written:>13.0f}")


if __name__ == "__main__":
    main()
