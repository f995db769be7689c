# SPDX-License-Identifier: MIT
"""Idle CPU of the game in a real window: `python benchmarks/idle_cpu.py [--seconds 30] [--deck PATH] [--timer]`.

How: start a private X server (Xvfb) with a window manager (openbox), run `booster play` in it as a user
would, wait until the start screen is up, then read the process's user + system CPU time from
`/proc/PID/stat` at the start and at the end of a quiet window of N seconds (no input, nothing moving):
CPU % = (ticks at the end - ticks at the start) / (CLK_TCK × N) × 100. For comparison it measures the same
way a bare pygame window that sleeps in `pygame.event.wait()`, SDL's own wait (pygame-ce issue #1541: it
polls every millisecond). Target: under 0.5 % of a core for the game.

With `--timer` it also measures a challenge with its discussion timer running (the figures change every
second): it presses New game, Start, two PageDowns and T with xdotool, then measures the same way. Target:
under 1 % of a core.

Needs Xvfb and openbox (CI does not run it: it is a measurement, not a test).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WAIT = r"""
import pygame
pygame.display.init()
pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
pygame.display.flip()
while True:
    pygame.event.wait()
"""


def cpu_ticks(pid: int) -> int:
    """User + system time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise SystemExit("no free X display number")


TIMER_KEYS = ("Return", "Next", "Next", "Next", "t")  # New game, Start, the stage, the board: a challenge; T


def press(env: dict[str, str], keys: tuple[str, ...]) -> None:
    """Type keys into the window that has the focus (the game's, the only one), as a person would (xdotool
    sends them through XTEST; `search --name` does not find SDL's window title on every server)."""
    for k in keys:
        subprocess.run(["xdotool", "key", k], env=env, check=True, timeout=10)
        time.sleep(0.7)


def measure(
    cmd: list[str], env: dict[str, str], seconds: float, settle: float = 4.0, keys: tuple[str, ...] = ()
) -> float:
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)  # start-up and the first frame are not idle
        if proc.poll() is not None:
            raise SystemExit(f"{cmd[0]} ended early (exit {proc.returncode})")
        if keys:
            press(env, keys)
            time.sleep(2.0)  # the frames the keys asked for are drawn
        t0, c0 = time.monotonic(), cpu_ticks(proc.pid)
        time.sleep(seconds)
        t1, c1 = time.monotonic(), cpu_ticks(proc.pid)
    finally:
        proc.kill()
        proc.wait(10)
    return (c1 - c0) / os.sysconf("SC_CLK_TCK") / (t1 - t0) * 100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the quiet window (default 30)")
    parser.add_argument("--deck", default=None, help="deck folder (default: the core deck)")
    parser.add_argument("--timer", action="store_true", help="also measure a challenge with its timer running")
    args = parser.parse_args()
    if not shutil.which("Xvfb"):
        print("Xvfb is not installed: nothing measured", file=sys.stderr)
        return 1
    n = free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
    home = tempfile.mkdtemp(prefix="booster-idle-")
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")}
    env.update(DISPLAY=f":{n}", BOOSTER_HOME=home, SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    wm = None
    try:
        time.sleep(1.0)
        if shutil.which("openbox"):
            wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
        game = [sys.executable, "-m", "booster", "play", *(["--deck", args.deck] if args.deck else [])]
        ours = measure(game, env, args.seconds)
        timer = None
        if args.timer:
            if not shutil.which("xdotool"):
                raise SystemExit("--timer needs xdotool")
            shutil.rmtree(home, ignore_errors=True)  # a new game, not the one just played
            timer = measure(game, env, args.seconds, keys=TIMER_KEYS)
        bare = measure([sys.executable, "-c", BARE_WAIT], env, args.seconds, settle=2.0)
    finally:
        if wm is not None:
            wm.terminate()
        xvfb.terminate()
        xvfb.wait(10)
        shutil.rmtree(home, ignore_errors=True)
    print(f"idle CPU in a real window under Xvfb + openbox, over {args.seconds:.0f} s, from /proc:")
    print(f"  booster play (start screen, nothing moving): {ours:.2f} % of a core (target < 0.5 %)")
    if timer is not None:
        print(f"  booster play, a challenge with its timer running: {timer:.2f} % of a core (target < 1 %)")
    print(f"  a bare pygame window in pygame.event.wait():  {bare:.2f} % of a core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
