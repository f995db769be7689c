# SPDX-License-Identifier: MIT
"""A whole workshop by clicker keys alone in a real window, with kill -9 and resumes:
`python benchmarks/clicker_workshop.py [--mode all|turn] [--teams 6] [--kills 5] [--seed 31]`.

How: a private X server (Xvfb) with openbox, `booster play` in it, and xdotool typing only the keys a
presentation clicker sends (PageDown, PageUp, F5, Esc). Which keys the screen on show needs is read from the
save on disk (the game controller, resumed headless, says which screen is owed). At random step boundaries
the game is killed with SIGKILL and started again, and Resume (F5) must bring back the same picture: the
window is captured with xwd before and after, the toast strip at the top left out. At the end the report is
exported from the menu (Esc, PageUp x4, PageDown). It prints the key presses per key and each kill.

Needs Xvfb, openbox, xdotool and xwd (x11-apps). A measurement, not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from booster import paths
from booster.deck.loader import load_deck
from booster.table import saves
from booster.table import views as V
from booster.table.controller import GameController

SETUP_RING = 29  # the set-up screen's controls with 6 teams: PageUp 28 times goes back round to "mode"


class Room:
    """One game window on a private X display, driven by clicker keys."""

    def __init__(self, env: dict[str, str], home: Path, seed: int) -> None:
        self.env, self.home, self.seed = env, home, seed
        deck = load_deck(paths.CORE_DECK).deck
        assert deck is not None, "the core deck has problems: `booster deck check` says which"
        self.deck = deck
        self.presses: dict[str, int] = {}
        self.proc: subprocess.Popen[bytes] | None = None

    def launch(self) -> None:
        cmd = [sys.executable, "-m", "booster", "play", "--seed", str(self.seed)]
        self.proc = subprocess.Popen(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            time.sleep(0.2)
            found = subprocess.run(
                ["xdotool", "search", "--pid", str(self.proc.pid)], env=self.env, capture_output=True, text=True
            )
            if found.stdout.strip():
                break
        time.sleep(1.5)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()

    def press(self, key: str, n: int = 1, count: bool = True) -> None:
        for _ in range(n):
            subprocess.run(["xdotool", "key", key], env=self.env, check=True, timeout=10)
            if count:
                self.presses[key] = self.presses.get(key, 0) + 1
            time.sleep(0.12)

    def save_path(self) -> Path | None:
        files = sorted((self.home / "games").glob("*.json"))
        return files[-1] if files else None

    def owed(self) -> tuple[GameController, object]:
        """The game as saved, and the screen it owes (what the window shows)."""
        path = self.save_path()
        assert path is not None
        game = GameController.resume(self.deck, saves.load(path), None, lambda *a, **k: None)
        return game, game.view()

    def settle(self, before: bytes, timeout: float = 3.0) -> bool:
        """Wait until the save changes: the press was taken."""
        end = time.time() + timeout
        while time.time() < end:
            path = self.save_path()
            if path is not None and path.exists() and path.read_bytes() != before:
                time.sleep(0.1)
                return True
            time.sleep(0.05)
        return False

    def picture(self) -> str:
        """A digest of the window's pixels below the toast strip (xwd of the focused window)."""
        window = subprocess.run(["xdotool", "getactivewindow"], env=self.env, capture_output=True, text=True)
        data = subprocess.run(["xwd", "-silent", "-id", window.stdout.strip()], env=self.env, capture_output=True)
        raw = data.stdout
        header = struct.unpack(">25I", raw[:100])
        size, width, height, per_line, colours = header[0], header[4], header[5], header[12], header[19]
        pixels = raw[size + 12 * colours :]
        top = int(height * 110 / 1080)
        return f"{width}x{height}:" + hashlib.sha1(pixels[top * per_line : height * per_line]).hexdigest()

    def keys_for(self, game: GameController, view: object) -> list[tuple[str, int]]:
        """The clicker keys the screen owes: a round one team at a time (PageUp picks it and steps to its
        response, PageDown twice records it), then PageDown twice reveals; a reveal one press a page."""
        if isinstance(view, V.RoundView):
            for seat in game.waiting():
                return [("Prior", 1 + seat % len(game.offered(seat))), ("Next", 2)]
            return [("Next", 2)]
        if isinstance(view, V.RevealView):
            return [("Next", len({e.card for e in view.effects}) or 1)]
        if isinstance(view, V.ChallengeView):
            return [("Next", 2)]
        if isinstance(view, V.ExchangedView):
            time.sleep(0.45 * len(view.cards) + 0.5)  # the cards have slid in: one press goes on
        return [("Next", 1)]


def play(room: Room, mode: str, teams: int, kills: int, seed: int) -> int:
    rnd = random.Random(seed)
    room.launch()
    room.press("F5")  # the start screen: "New game" has the highlight
    time.sleep(0.5)
    room.press("F5", teams - 2)  # the team count has the highlight: F5 steps it
    if mode == "all":
        room.press("Prior", SETUP_RING - 1)  # back round the controls to "mode"
        room.press("F5")
    room.press("Next")
    time.sleep(1.0)
    plan = sorted(rnd.sample(range(5, 60 if mode == "all" else 120), kills))
    steps, same = 0, 0
    while True:
        game, view = room.owed()
        if isinstance(view, V.DebriefView):
            break
        if plan and steps == plan[0]:
            plan.pop(0)
            time.sleep(0.6)
            before = room.picture()
            room.kill()
            room.launch()
            room.press("F5", count=False)  # "Resume" has the highlight
            time.sleep(1.2)
            ok = room.picture() == before
            same += ok
            print(f"kill -9 at step {steps} on {type(view).__name__}: resumed on the same picture: {ok}", flush=True)
        path = room.save_path()
        assert path is not None
        saved = path.read_bytes()
        for key, n in room.keys_for(game, view):
            room.press(key, n)
        if not room.settle(saved):
            print(f"nothing changed after the keys for {type(view).__name__}", flush=True)
        steps += 1
        if steps > 2000:
            raise SystemExit("the game does not end")
    room.press("Escape")  # the menu; PageUp x4: "Export the report"; PageDown
    room.press("Prior", 4)
    room.press("Next")
    reports: list[Path] = []
    for _ in range(120):
        time.sleep(0.5)
        reports = sorted((room.home / "reports").glob("*.pdf"))
        if reports:
            break
    total = sum(room.presses.values())
    print(f"{mode} {teams} teams: {steps} screens, {total} key presses {room.presses}")
    print(f"report: {reports[0] if reports else 'none'}; kills resumed on the same picture: {same} of {kills}")
    room.kill()
    return 0 if reports and same == kills else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("all", "turn"), default="all", help="all at once or in turn")
    parser.add_argument("--teams", type=int, default=6)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=31)
    args = parser.parse_args()
    for tool in ("Xvfb", "openbox", "xdotool", "xwd"):
        if not shutil.which(tool):
            print(f"{tool} is not installed: nothing played", file=sys.stderr)
            return 1
    n = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"])
    home = Path(tempfile.mkdtemp(prefix="booster-clicker-"))
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER")}
    env.update(DISPLAY=f":{n}", BOOSTER_HOME=str(home), SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    os.environ["BOOSTER_HOME"] = str(home)
    time.sleep(1.0)
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    room = Room(env, home, args.seed)
    try:
        return play(room, args.mode, args.teams, args.kills, args.seed)
    finally:
        room.kill()
        wm.terminate()
        xvfb.terminate()
        xvfb.wait(10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
