# SPDX-License-Identifier: MIT
"""UI benchmarks (on demand, not in the tests): `python benchmarks/ui_bench.py [--deck PATH] [-n N]`.

- full redraw of every scene at 1920×1080 and 3840×2160 (median of N, warm caches, as in the real loop);
- CPU use of the real loop left idle for ~3 s under the dummy driver (process time / wall time);
- time from process start to the first frame on screen (a fresh subprocess).
Targets: busiest scene ≤ 5 ms at 1080p and ≤ 16 ms at 4K; idle CPU ≤ 2 %; first frame ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def redraws(deck: str, n: int) -> None:
    import tempfile

    import pygame

    os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-bench-")
    pygame.display.init()
    pygame.font.init()
    from booster.tools.demo import SCENES, goto, make_app

    for size in ((1920, 1080), (3840, 2160)):
        rows = []
        for scene in SCENES:
            app = make_app(deck, "fr", size)
            goto(app, scene)
            app.render()  # first frame fills the caches, as the real app does once per screen
            times = []
            for _ in range(n):
                t0 = time.perf_counter()
                app.render()
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((statistics.median(times), scene))
        rows.sort(reverse=True)
        print(
            f"full redraw at {size[0]}x{size[1]} (median of {n}, ms): "
            + ", ".join(f"{scene} {ms:.2f}" for ms, scene in rows)
        )
        print(f"  busiest: {rows[0][1]} {rows[0][0]:.2f} ms")


IDLE_CHILD = r"""
import os, sys, threading, time, argparse, tempfile
os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-bench-")
import pygame
from booster.ui.app import App, Options
from booster.ui.window import open_window
surface = open_window((1920, 1080), False)
app = App(Options(deck=sys.argv[1], lang="en", seed=1), surface)
app.window = True
app.render(); pygame.display.flip()
def stop():
    app.running = False
    pygame.event.post(pygame.event.Event(pygame.USEREVENT))
threading.Timer(3.0, stop).start()
c0, w0 = time.process_time(), time.perf_counter()
app.loop()
print((time.process_time() - c0) / (time.perf_counter() - w0))
"""

FIRST_FRAME_CHILD = r"""
import os, sys, argparse, tempfile
os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-bench-")
import pygame
from booster.ui.app import App, Options
from booster.ui.window import open_window
surface = open_window((1920, 1080), False)
app = App(Options(deck=sys.argv[1], seed=1), surface)
app.render(); pygame.display.flip()
print("frame", flush=True)
"""


def idle_cpu(deck: str) -> float:
    out = subprocess.run([sys.executable, "-c", IDLE_CHILD, deck], capture_output=True, text=True, cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def first_frame(deck: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", FIRST_FRAME_CHILD, deck], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deck", default=str(ROOT / "cards" / "core"))
    parser.add_argument("-n", type=int, default=30, help="redraws per scene")
    args = parser.parse_args()
    redraws(args.deck, args.n)
    print(f"idle CPU of the real loop over 3 s: {idle_cpu(args.deck) * 100:.2f} % of a core")
    frames = [first_frame(args.deck) for _ in range(5)]
    print(f"process start to first frame (median of 5): {statistics.median(frames) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
