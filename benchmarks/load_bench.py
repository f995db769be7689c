# SPDX-License-Identifier: MIT
"""Load-and-check time: the core deck, a generated deck of 5,000 cards in 8 languages, and hostile files.

    python benchmarks/load_bench.py [--repeats 7]

Prints medians of wall time (what a translator waits for) and of this process's CPU time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from booster import paths
from booster.deck.loader import load_deck

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from deckgen import synthetic_deck, write_deck

LANGS = ("fr", "en", "it", "es", "pt", "hr", "sl", "el")


def timed(folder: Path, repeats: int, expect_valid: bool) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeats):
        w, c = time.perf_counter(), time.process_time()
        result = load_deck(folder)
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
        assert (result.deck is not None) == expect_valid, result.problems[:3]
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="booster-bench-"))
    try:
        w, c = timed(paths.CORE_DECK, args.repeats * 3, True)
        print(f"core deck: median {w * 1000:.1f} ms wall, {c * 1000:.1f} ms CPU")
        big = write_deck(tmp / "big", synthetic_deck(5000, LANGS))
        size = sum(p.stat().st_size for p in big.iterdir()) / 1e6
        w, c = timed(big, args.repeats, True)
        print(f"5,000 cards x 8 languages ({size:.1f} MB): median {w * 1000:.0f} ms wall, {c * 1000:.0f} ms CPU")
        hostile = {
            "25,000 nested brackets": b"cards: " + b"[" * 25_000 + b"]" * 25_000,
            "billion laughs": b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            + b"".join(
                f"b{i}: &b{i} [{','.join(['*a' if i == 1 else f'*b{i - 1}'] * 9)}]\n".encode() for i in range(1, 10)
            ),
            "2 MiB of one scalar": b"cards: '" + b"x" * (2 * 1024 * 1024 - 20) + b"'",
            "40,000 duplicate keys": b"cards:\n" + b"".join(b"  k: 1\n" for _ in range(40_000)),
            "not UTF-8": b"cards:\n  a: \xff\xfe\n" * 1000,
        }
        for name, data in hostile.items():
            folder = Path(shutil.copytree(paths.CORE_DECK, tmp / name.replace(" ", "_")))
            (folder / "cards.yaml").write_bytes(data)
            w, c = timed(folder, args.repeats, False)
            print(f"malformed cards.yaml, {name}: median {w * 1000:.0f} ms wall")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
