# SPDX-License-Identifier: MIT
"""A whole workshop by clicker keys alone in a real window, teams on phones, kill -9 and resumes:
`python benchmarks/clicker_workshop.py [--mode all|turn] [--teams 6] [--phones 2] [--kills 5] [--seed 31]
[--lang en]`.

How: a private X server (Xvfb) with openbox, `booster play --phones 127.0.0.1:PORT` in it, and xdotool
typing only the keys a presentation clicker sends (PageDown, PageUp, F5, Esc). Which keys the screen on
show needs is read from the save on disk (the game controller, resumed headless, says which screen is
owed). All at once, `--phones` teams (the 2nd, the 5th...) answer from headless Chromium phones (Debian's
chromium and chromium-driver, driven as `tests/phones/` does) that joined them with the room code: they tap
their answer as soon as a round opens, and the facilitator enters the other teams' answers by keys.

At random moments (before a key press drawn at random: between two screens, or between a screen's first
press and its confirming one) the game is killed with SIGKILL and started again: F5 resumes it (Esc closes
the phones' join panel it opens with), and the window must come back to the same picture (captured with xwd
before and after, the toast strip at the top left out: a half-pressed step, "press again to confirm",
included), the phones must rejoin on their own (their count on the team rows is in the picture) and still
show the answers they had recorded. At the end
the report is exported from the menu (Esc, PageUp x4, PageDown). It prints the key presses per key and per
screen, each kill, and whether the phones kept their answers.

Needs programs nothing in the project installs (`pip install` cannot): on Debian or Ubuntu,
`sudo apt-get install xvfb openbox xdotool x11-apps` (x11-apps holds xwd), and `chromium chromium-driver` for
phones. A measurement, not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "phones"))  # the phones' WebDriver client (standard library only)

import webdriver  # noqa: E402

from booster import paths  # noqa: E402
from booster.deck.loader import load_deck  # noqa: E402
from booster.table import saves  # noqa: E402
from booster.table import views as V  # noqa: E402
from booster.table.controller import GameController  # noqa: E402
from booster.text.style import BG, PANEL  # noqa: E402
from booster.ui.frame import Layout  # noqa: E402

# The programs the run drives, and the Debian package each comes in (xwd's is not named after it).
PROGRAMS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xwd": "x11-apps"}
MODE_AT = 1  # the set-up's controls a clicker's PageUp goes on through: the mode is the next after the count
Press = tuple[str, int]


class Shot:
    """One xwd capture of the game's window."""

    def __init__(self, raw: bytes) -> None:
        header = struct.unpack(">25I", raw[:100])
        size, self.width, self.height = header[0], header[4], header[5]
        self.big, self.per_line, colours = header[7] == 1, header[12], header[19]
        self.masks = header[14:17]
        self.pixels = raw[size + 12 * colours :]

    def digest(self) -> str:
        """The pixels below the toast strip."""
        top = int(self.height * 110 / 1080)
        body = self.pixels[top * self.per_line : self.height * self.per_line]
        return f"{self.width}x{self.height}:" + hashlib.sha1(body).hexdigest()

    def colour(self, x: float, y: float) -> tuple[int, ...]:
        """The colour at layout point (x, y) (the game's 1920x1080 units)."""
        px, py = Layout((self.width, self.height)).point(x, y)
        at = int(py) * self.per_line + int(px) * 4
        value = int.from_bytes(self.pixels[at : at + 4], "big" if self.big else "little")
        return tuple((value & m) >> ((m & -m).bit_length() - 1) for m in self.masks)

    def save(self, path: Path) -> None:
        """As a PNG, to look at a resume that came back to another picture."""
        import pygame

        rgb = bytearray()
        for y in range(self.height):
            for x in range(self.width):
                at = y * self.per_line + x * 4
                value = int.from_bytes(self.pixels[at : at + 4], "big" if self.big else "little")
                rgb += bytes((value & m) >> ((m & -m).bit_length() - 1) for m in self.masks)
        pygame.image.save(pygame.image.frombuffer(bytes(rgb), (self.width, self.height), "RGB"), str(path))

    def join_panel(self) -> bool:
        """The phones' join panel is up: an overlay dims the left margin (not the paper colour any more), and
        the panel's white is where the start screen and the menu have none."""
        return self.colour(12, 600) != BG and self.colour(200, 100) == PANEL


class Phones:
    """Headless Chromium phones, one per team that answers from a phone."""

    def __init__(self, home: Path, seats: tuple[int, ...]) -> None:
        self.seats = seats
        self.driver = webdriver.Driver(home / "chromedriver.log") if seats else None
        self.browsers: dict[int, webdriver.Browser] = {}
        self.home = home

    def join(self, url: str, code: str) -> None:
        assert self.driver is not None
        for seat in self.seats:
            browser = self.driver.browser(self.home / f"phone-{seat}")
            browser.open(f"{url}#room={code}&team={seat}")
            browser.wait("return !document.getElementById('play-screen').hidden", timeout=30)
            self.browsers[seat] = browser

    def answer(self, seat: int, offered: list[str], n: int) -> None:
        """Tap the n-th answer (1-based) of the round's card once the phone shows it, and confirm it."""
        browser = self.browsers[seat]
        try:
            browser.wait(
                "const ids = [...document.querySelectorAll('#options input')].map(e => e.value);"
                "return !document.getElementById('card').hidden && !document.getElementById('answer').hidden"
                " && JSON.stringify(ids) === arguments[0];",
                json.dumps(offered, separators=(",", ":")),  # as JSON.stringify writes it
                timeout=30,
            )
        except webdriver.WebDriverError:
            shows = browser.run(
                "return [document.getElementById('status').textContent, document.getElementById('card').hidden,"
                " document.getElementById('answer').hidden,"
                " [...document.querySelectorAll('#options input')].map(e => e.value)];"
            )
            raise SystemExit(f"team {seat + 1}'s phone never showed {offered}: it shows {shows}") from None
        browser.tap(f"#options label:nth-of-type({n}) input")
        browser.tap("#confirm")
        browser.wait_text("#recorded", "Recorded", timeout=30)

    def recorded(self) -> dict[int, str]:
        """What each phone says its team's answer is ('' when none)."""
        return {
            s: str(b.run("const e = document.getElementById('recorded'); return e.hidden ? '' : e.textContent;"))
            for s, b in self.browsers.items()
        }

    def connected(self) -> bool:
        return all(
            b.run(
                "return document.getElementById('connection').hidden && !document.getElementById('play-screen').hidden;"
            )
            for b in self.browsers.values()
        )

    def close(self) -> None:
        for browser in self.browsers.values():
            browser.close()
        if self.driver is not None:
            self.driver.close()


class Room:
    """One game window on a private X display, driven by clicker keys."""

    def __init__(self, env: dict[str, str], home: Path, seed: int, lang: str, port: int | None) -> None:
        self.env, self.home, self.seed, self.lang, self.port = env, home, seed, lang, port
        deck = load_deck(paths.CORE_DECK).deck
        assert deck is not None, "the core deck has problems: `booster deck check` says which"
        self.deck = deck
        self.presses: Counter[str] = Counter()
        self.by_screen: Counter[str] = Counter()  # key presses per kind of screen
        self.screens: Counter[str] = Counter()
        self.proc: subprocess.Popen[bytes] | None = None
        self.out = home / "stdout.txt"

    def launch(self) -> None:
        cmd = [sys.executable, "-m", "booster", "play", "--seed", str(self.seed), "--lang", self.lang]
        if self.port is not None:
            cmd += ["--phones", f"127.0.0.1:{self.port}"]
        with self.out.open("ab") as out:
            self.proc = subprocess.Popen(cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        for _ in range(100):
            time.sleep(0.2)
            found = subprocess.run(
                ["xdotool", "search", "--pid", str(self.proc.pid)], env=self.env, capture_output=True, text=True
            )
            if found.stdout.strip():
                break
        time.sleep(1.5)

    def phones_address(self) -> tuple[str, str]:
        """The phones' page and room code the game printed last."""
        text = self.out.read_text(errors="replace")
        url = re.findall(r"Phones: (http://\S+?/?) \(room code (\d+)\)", text)
        now = re.findall(r"room code now (\d+)", text)
        return url[0][0], (now[-1] if now else url[-1][1])

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()

    def press(self, key: str, n: int = 1, screen: str | None = None) -> None:
        for _ in range(n):
            subprocess.run(["xdotool", "key", key], env=self.env, check=True, timeout=10)
            if screen is not None:
                self.presses[key] += 1
                self.by_screen[screen] += 1
            time.sleep(0.12)

    def save_path(self) -> Path | None:
        files = sorted((self.home / "games").glob("*.json"))
        return files[-1] if files else None

    def saved(self) -> bytes:
        """The save and its journal as they are on disk (a decision appends to the journal alone)."""
        path = self.save_path()
        if path is None:
            return b""
        journal = saves.journal_path(path)
        return path.read_bytes() + (journal.read_bytes() if journal.exists() else b"")

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
            if self.saved() != before:
                time.sleep(0.1)
                return True
            time.sleep(0.05)
        return False

    def shot(self) -> Shot:
        window = subprocess.run(["xdotool", "getactivewindow"], env=self.env, capture_output=True, text=True)
        data = subprocess.run(["xwd", "-silent", "-id", window.stdout.strip()], env=self.env, capture_output=True)
        return Shot(data.stdout)

    def close_join_panel(self, count: str | None) -> None:
        """With phones on, a game that opens shows the phones' join panel: Esc closes it (once it is up)."""
        if self.port is None:
            return
        end = time.time() + 30  # a loaded machine may take this long to open the game
        while time.time() < end and not self.shot().join_panel():
            time.sleep(0.2)
        self.press("Escape", screen=count)
        time.sleep(0.3)

    def keys_for(self, game: GameController, view: object) -> list[Press]:
        """The clicker keys the screen owes, one press each: a round one team at a time (PageUp picks it and
        steps to its response, PageDown twice records it), then PageDown twice reveals; a reveal one press
        a page."""
        if isinstance(view, V.RoundView):
            for seat in game.waiting():
                return [("Prior", 1)] * (1 + seat % len(game.offered(seat))) + [("Next", 1)] * 2
            return [("Next", 1)] * 2
        if isinstance(view, V.RevealView):
            return [("Next", 1)] * (len({e.card for e in view.effects}) or 1)
        if isinstance(view, V.ChallengeView):
            return [("Next", 1)] * 2
        if isinstance(view, V.ExchangedView):
            time.sleep(0.45 * len(view.cards) + 0.5)  # the cards have slid in: one press goes on
        return [("Next", 1)]


def set_up(room: Room, mode: str, teams: int) -> int:
    """From the start screen to the game, by clicker keys; the presses it took."""
    room.press("F5", screen="set-up")  # the start screen: "New game" has the highlight
    time.sleep(0.5)
    room.press("F5", teams - 2, screen="set-up")  # the team count has the highlight: F5 steps it
    if mode == "all":
        room.press("Prior", MODE_AT, screen="set-up")  # on to "mode"
        room.press("F5", screen="set-up")
    room.press("Next", screen="set-up")
    time.sleep(1.0)
    room.close_join_panel("set-up")
    return room.by_screen["set-up"]


def resume(room: Room, phones: Phones, before: Shot, answers: dict[int, str], keep: Path | None) -> tuple[bool, bool]:
    """Kill -9, start again, resume: (the same picture, every phone back with the answer it showed). `keep`:
    where to write the two pictures when they differ."""
    room.kill()
    room.launch()
    room.press("F5")  # "Resume" has the highlight
    time.sleep(1.0)
    room.close_join_panel(None)
    end, same = time.time() + 25, False
    while time.time() < end and not same:  # the phones rejoin on their own: their count is in the picture
        after = room.shot()
        same = after.digest() == before.digest()
        time.sleep(0.3)
    if not same and keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        n = len(list(keep.glob("*-before.png")))
        before.save(keep / f"kill{n}-before.png")
        after.save(keep / f"kill{n}-after.png")
    kept = True
    if phones.browsers:
        end = time.time() + 25
        while time.time() < end and not phones.connected():
            time.sleep(0.3)
        time.sleep(1.0)
        kept = phones.connected() and phones.recorded() == answers
    return same, kept


def play(room: Room, phones: Phones, mode: str, teams: int, kills: int, seed: int, keep: Path | None) -> int:
    rnd = random.Random(seed)
    room.launch()
    setup = set_up(room, mode, teams)
    if phones.seats:
        url, code = room.phones_address()
        phones.join(url, code)
    plan = sorted(rnd.sample(range(10, 200 if mode == "all" else 150), kills))  # before these presses
    steps, same, kept, stalls, pressed = 0, 0, 0, 0, 0
    while True:
        game, view = room.owed()
        if isinstance(view, V.DebriefView):
            break
        name = type(view).__name__
        saved = room.saved()
        waiting = [s for s in game.waiting() if s in phones.seats] if isinstance(view, V.RoundView) else []
        if waiting:  # the tables with a phone answer as soon as the round opens
            for seat in waiting:
                offered = [o.id for o in game.offered(seat)]
                phones.answer(seat, offered, 1 + seat % len(offered))
            if not room.settle(saved, timeout=10):
                print(f"the phones' answers never reached the save on {name}", flush=True)
            continue
        presses = room.keys_for(game, view)
        for i, (key, n) in enumerate(presses):
            if plan and pressed >= plan[0]:  # kill -9 here, before this press
                plan.pop(0)
                time.sleep(0.6)
                before = room.shot()
                answers = phones.recorded() if phones.browsers else {}
                ok, back = resume(room, phones, before, answers, keep)
                same, kept = same + ok, kept + back
                phoned = f", phones back with their answers {back}" if phones.seats else ""
                where = f"{name} after {i} of its {len(presses)} presses"
                print(f"kill -9 at press {pressed} on {where}: same picture {ok}{phoned}", flush=True)
            room.press(key, n, screen=name)
            pressed += n
        room.screens[name] += 1
        if not room.settle(saved):
            stalls += 1
            print(f"nothing changed after the keys for {name}", flush=True)
        steps += 1
        if steps > 2000:
            raise SystemExit("the game does not end")
    room.press("Escape", screen="report")  # the menu; PageUp x4: "Export the report"; PageDown
    room.press("Prior", 4, screen="report")
    room.press("Next", screen="report")
    reports: list[Path] = []
    for _ in range(120):
        time.sleep(0.5)
        reports = sorted((room.home / "reports").glob("*.pdf"))
        if reports:
            break
    total = sum(room.presses.values())
    phoned = f", {len(phones.seats)} of them on phones" if phones.seats else ""
    print(f"{mode} {teams} teams{phoned}: {steps} screens, {total} key presses {dict(room.presses)}")
    print(f"set-up: {setup} presses; per screen (screens, presses):")
    for screen, n in room.by_screen.most_common():
        print(f"  {screen}: {room.screens.get(screen, 1)}, {n}")
    print(f"report: {reports[0] if reports else 'none'}; kills resumed on the same picture: {same} of {kills}")
    if phones.seats:
        print(f"phones back with their answers after a kill: {kept} of {kills}")
    print(f"screens whose keys changed nothing: {stalls}")
    room.kill()
    return 0 if reports and same == kills and kept == kills and not stalls else 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def missing_programs() -> str:
    """What to install, said once for every program missing (empty when none is)."""
    missing = {tool: package for tool, package in PROGRAMS.items() if not shutil.which(tool)}
    if not missing:
        return ""
    packages = " ".join(dict.fromkeys(missing.values()))
    return f"{', '.join(missing)} not installed: nothing played (on Debian: sudo apt-get install {packages})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog=f"Needs the Debian packages {', '.join(sorted(set(PROGRAMS.values())))} (and chromium, "
        "chromium-driver for --phones).",
    )
    parser.add_argument("--mode", choices=("all", "turn"), default="all", help="all at once or in turn")
    parser.add_argument("--teams", type=int, default=6)
    parser.add_argument("--phones", type=int, default=2, help="teams that answer from phones (all at once)")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--keep", type=Path, help="a folder for the pictures of a resume that differ (PNG)")
    args = parser.parse_args()
    seats = tuple(range(1, args.teams, 3))[: args.phones] if args.mode == "all" else ()
    if missing := missing_programs():
        print(missing, file=sys.stderr)
        return 1
    if seats and not webdriver.available():
        print("chromium and chromium-driver are not installed: no phones", file=sys.stderr)
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
    room = Room(env, home, args.seed, args.lang, free_port() if args.mode == "all" else None)
    phones = Phones(home, seats)
    try:
        return play(room, phones, args.mode, args.teams, args.kills, args.seed, args.keep)
    finally:
        phones.close()
        room.kill()
        wm.terminate()
        xvfb.terminate()
        xvfb.wait(10)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
