# SPDX-License-Identifier: MIT
"""Translator figures: preview of one card, `deck check` of the core deck, the fit measures per card, and
the time from saving a deck file to the game showing it.

    python benchmarks/translator_bench.py [--repeats 5]

Preview and check are whole `booster` processes (what a translator waits for); check is timed in CPU, cold
(an empty cache folder: every card measured) and warm (the run after: the measures come from the cache).
The fit measures (`booster.tools.fit`) are timed on every card of the core deck in French, warm: `deck check`
measures only the cards of a translation that are longer than their source or past a limit. Reload is
measured in a running game in watch mode on a copy of the core deck: a French title is edited on disk, then
the loop's own tick/render runs until the new title is on screen; it includes the watcher's 250 ms polling
interval.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from booster import paths


def preview(repeats: int) -> float:
    times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(repeats):
            t = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "booster",
                    "deck",
                    "preview",
                    str(paths.CORE_DECK),
                    "--lang",
                    "fr",
                    "--card",
                    "food-desert",
                    "-o",
                    out,
                ],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def _check_cpu(deck: Path, home: str) -> float:
    """CPU seconds (user + system) of one `booster deck check` process with this user folder."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "booster", "deck", "check", str(deck)],
        capture_output=True,
        env={**os.environ, "BOOSTER_HOME": home},
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def deck_check(deck: Path, repeats: int) -> tuple[float, float]:
    """Median CPU seconds of `deck check`: cold (an empty cache folder) and warm (the run after)."""
    cold, warm = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as home:
            cold.append(_check_cpu(deck, home))
            warm.append(_check_cpu(deck, home))
    return statistics.median(cold), statistics.median(warm)


def fit_per_card(repeats: int) -> tuple[float, float]:
    """Median CPU seconds per card of the printed measure and of the screen measure (CPU, not wall: the
    figure should not depend on what else the machine runs)."""
    from booster.deck.loader import load_deck
    from booster.tools import fit

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    fit.screen(deck, "fr", list(deck.cards)[:3])  # fonts loaded once, as in any run
    out = []
    for measure in (fit.printed, fit.screen):
        times = []
        for _ in range(repeats):
            t = time.process_time()
            measure(deck, "fr")
            times.append((time.process_time() - t) / len(deck.cards))
        out.append(statistics.median(times))
    return out[0], out[1]


def reload(repeats: int) -> tuple[float, float]:
    import pygame

    from booster.tools.demo import goto, make_app

    os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-bench-")
    pygame.display.init()
    pygame.font.init()
    tmp = Path(tempfile.mkdtemp(prefix="booster-bench-"))
    deck = Path(shutil.copytree(paths.CORE_DECK, tmp / "core"))
    app = make_app(deck, "fr", (1920, 1080))
    app.watching = True
    from booster.ui.watch import DeckWatcher

    app.watcher = DeckWatcher(deck)
    goto(app, "card")
    app.render()
    text = deck / "text.fr.yaml"
    original = text.read_text(encoding="utf-8")
    totals, works = [], []
    for i in range(repeats):
        edited = original.replace('title: "Un quartier sans primeur"', f'title: "Un quartier sans primeur {i}"', 1)
        t = time.perf_counter()
        text.write_text(edited, encoding="utf-8")
        before = app.deck
        while app.deck is before:
            app.tick()
            time.sleep(0.005)
        app.render()
        totals.append(time.perf_counter() - t)
        # The work itself, without waiting for the watcher's next poll: check, reload, replay, redraw.
        t = time.perf_counter()
        app.reload_deck()
        app.render()
        works.append(time.perf_counter() - t)
    shutil.rmtree(tmp, ignore_errors=True)
    return statistics.median(totals), statistics.median(works)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(f"deck preview of one card (whole process): median {preview(args.repeats) * 1000:.0f} ms")
    cold, warm = deck_check(paths.CORE_DECK, args.repeats)
    print(f"deck check of the core deck (whole process, CPU): median {cold:.2f} s cold, {warm:.2f} s warm")
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
        from deckgen import synthetic_deck, write_deck

        big = write_deck(Path(tmp) / "big", synthetic_deck(10_000, ("en", "fr")))
        cold, warm = deck_check(big, 1)
        print(f"deck check of a valid 10,000-card deck in 2 languages (CPU): {cold:.1f} s cold, {warm:.1f} s warm")
    on_paper, on_screen = fit_per_card(args.repeats)
    print(f"fit of one card (CPU): printed {on_paper * 1000:.1f} ms, projected {on_screen * 1000:.1f} ms (median)")
    total, work = reload(args.repeats)
    print(
        f"reload after an edit, save to new frame: median {total * 1000:.0f} ms "
        f"(the watcher polls every 250 ms; the reload itself: median {work * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
