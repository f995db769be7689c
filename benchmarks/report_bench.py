# SPDX-License-Identifier: MIT
"""How long session reports take: run on demand, `python benchmarks/report_bench.py [--runs 5]`.

Targets (issue 6): the report of a finished 8-team game in at most 2 s, a merge of 10 saves in at most 5 s.
Each figure is the median of several runs, measured two ways: in process (what the front end's menu costs,
imports already done) and as the `booster report` command in a fresh process (imports, deck loading and all).
Uses the core deck when it is valid, else the mini test deck.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sample_save import random_save  # noqa: E402

from booster import paths  # noqa: E402
from booster.deck.loader import load_deck  # noqa: E402
from booster.paper.export import write_merged, write_report  # noqa: E402
from booster.table.saves import save  # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--teams", type=int, default=8)
    parser.add_argument("--tables", type=int, default=10)
    args = parser.parse_args()

    deck_path = paths.CORE_DECK
    result = load_deck(deck_path)
    if result.deck is None:
        deck_path = ROOT / "tests" / "decks" / "mini"
        result = load_deck(deck_path)
    deck = result.deck
    assert deck is not None
    lang = deck.info.source_language
    print(f"deck: {deck_path.relative_to(ROOT)} ({len(deck.cards)} cards), {args.runs} runs, median")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        saves = [random_save(deck, str(deck_path), args.teams, seed=100 + i, lang=lang) for i in range(args.tables)]
        files = []
        for i, s in enumerate(saves):
            files.append(folder / f"table{i + 1}.json")
            save(files[-1], s)
        one = saves[0]
        print(f"game: {args.teams} teams, {len(one.log)} actions")

        write_report(one, deck, folder / "warm.pdf")  # imports fpdf, fills the glyph width cache
        rows = []
        for fmt in ("pdf", "csv", "json"):
            t = median_time(lambda fmt=fmt: write_report(one, deck, folder / f"one.{fmt}", fmt=fmt), args.runs)
            rows.append((f"one game, {fmt}, in process", t, 2.0))
        entries = [(f.stem, s, [deck]) for f, s in zip(files, saves, strict=True)]
        for fmt in ("pdf", "csv"):
            t = median_time(lambda fmt=fmt: write_merged(entries, deck, folder / f"merge.{fmt}", fmt, lang), args.runs)
            rows.append((f"merge of {args.tables}, {fmt}, in process", t, 5.0))

        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        command = [sys.executable, "-m", "booster", "report"]
        single = [*command, str(files[0]), "-o", str(folder / "cli.pdf")]
        merge = [*command, "merge", *map(str, files), "-o", str(folder / "cli-merge.pdf")]
        for label, cmd, target in (
            ("one game, pdf, command", single, 2.0),
            (f"merge of {args.tables}, pdf, command", merge, 5.0),
        ):
            t = median_time(lambda cmd=cmd: subprocess.run(cmd, check=True, env=env, capture_output=True), args.runs)
            rows.append((label, t, target))
        pages = (folder / "cli-merge.pdf").read_bytes().count(b"/Type /Page\n")

    width = max(len(r[0]) for r in rows)
    for label, t, target in rows:
        verdict = "ok" if t <= target else "TOO SLOW"
        print(f"{label:<{width}}  {t:6.3f} s   (target {target:.0f} s: {verdict})")
    if pages:
        print(f"merged PDF: {pages} pages")
    return 0 if all(t <= target for _, t, target in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
