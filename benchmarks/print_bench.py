# SPDX-License-Identifier: MIT
"""How long printing the core deck takes (goal: at most 10 s, fronts and backs included).

python benchmarks/print_bench.py [--deck cards/core] [--lang fr] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from booster.deck.loader import load_deck  # noqa: E402 - after the path is set
from booster.paper.deck_pdf import build  # noqa: E402

GOAL_S = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deck", default=str(ROOT / "cards" / "core"))
    parser.add_argument("--lang", default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t0 = time.perf_counter()
    deck = load_deck(args.deck).deck
    if deck is None:
        print(f"{args.deck}: the deck does not load (booster deck check)", file=sys.stderr)
        return 1
    load_s = time.perf_counter() - t0
    lang = args.lang or deck.info.source_language
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            t0 = time.perf_counter()
            doc = build(deck, lang, "a4", backs=True)
            doc.pdf.output(str(Path(tmp) / "deck.pdf"))
            times.append(time.perf_counter() - t0)
            pages, size = doc.pdf.pages_count, (Path(tmp) / "deck.pdf").stat().st_size
    best = min(times)
    print(
        f"{len(deck.cards)} cards, {lang}, fronts and backs: {pages} pages, {size / 1024:.0f} KiB; "
        f"load {load_s:.2f} s, print best {best:.2f} s of {args.runs} (median {sorted(times)[len(times) // 2]:.2f} s); "
        f"goal <= {GOAL_S:.0f} s"
    )
    return 0 if best + load_s <= GOAL_S else 1


if __name__ == "__main__":
    sys.exit(main())
