# SPDX-License-Identifier: MIT
"""Memory of a whole workshop (on demand): `python benchmarks/workshop_memory.py [--size 3840x2160] [--games 3]`.

The real App, headless (dummy video driver), plays `--games` games one after the other as a facilitator
does with a clicker: PageDown on every screen, the first answer of every card (key 1 then a confirming
PageDown), the reveal and the exchange, every screen drawn at the window's size; French and English in
turn, 6 teams, all at once and in turn alternately. After each game it prints the process's resident
memory (RSS, from /proc) and the text caches' weight. Target: under 500 MiB at 4K after three games.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEAMS = ["Blue", "Green", "Orange", "Sky", "Vermilion", "Purple"]


def rss_mib() -> float:
    """The resident set size now (not the peak), in MiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def play_game(app, lang: str, mode: str, presses: int) -> int:
    """One game from set-up to its end, by keys; returns the keys pressed."""
    import pygame

    from booster.engine.game import ActionKind

    app.set_language(lang)
    app.start_game(TEAMS, [None] * len(TEAMS), [[i, "circle"] for i in range(len(TEAMS))], 180, mode)
    game = app.game
    assert game is not None
    pressed = 0

    def press(key: int, char: str = "") -> None:
        nonlocal pressed
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=char, scancode=0))
        app.process()
        app.render()
        pressed += 1

    stuck = 0
    while game.state.phase != "over" and pressed < presses:
        before = len(game.match.log)
        press(pygame.K_PAGEDOWN)
        if len(game.match.log) == before:
            stuck += 1
        else:
            stuck = 0
        if stuck >= 6:  # a card waits for an answer: the facilitator types it from the teams' words
            legal = [a for a in game.match.game.legal_actions(game.state) if a.kind == ActionKind.CHOOSE]
            if legal:
                game.decide(legal[0])
                app.show_game()
                app.render()
            stuck = 0
    for _ in range(10):  # the debrief's screens
        press(pygame.K_PAGEDOWN)
    return pressed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="3840x2160")
    parser.add_argument("--games", type=int, default=3)
    parser.add_argument("--presses", type=int, default=4000, help="keys per game at most")
    args = parser.parse_args()
    os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-workshop-")

    import pygame

    from booster import paths
    from booster.ui.app import App, Options
    from booster.ui.frame import parse_size

    pygame.display.init()
    pygame.font.init()
    size = parse_size(args.size)
    surface = pygame.display.set_mode(size)
    app = App(Options(deck=str(paths.CORE_DECK), lang="en", seed=1), surface, window=True)
    app.render()
    print(f"{args.size}: at start, RSS {rss_mib():.0f} MiB")
    peak = 0.0
    for n in range(args.games):
        t0 = time.perf_counter()
        lang, mode = ("fr", "all-at-once") if n % 2 == 0 else ("en", "in-turn")
        keys = play_game(app, lang, mode, args.presses)
        rss = rss_mib()
        peak = max(peak, rss)
        text = app.text
        print(
            f"{args.size}: game {n + 1} ({lang}, {mode}, {keys} keys, {time.perf_counter() - t0:.0f} s, "
            f"over: {app.game is not None and app.game.state.phase == 'over'}): RSS {rss:.0f} MiB; text caches "
            f"{text.blocks.bytes / 2**20:.0f} MiB of images in {len(text.blocks)} blocks, {len(text.fonts)} fonts"
        )
    print(f"{args.size}: workshop of {args.games} games: highest RSS after a game {peak:.0f} MiB (target < 500 MiB)")
    pygame.quit()


if __name__ == "__main__":
    main()
