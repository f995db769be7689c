# SPDX-License-Identifier: MIT
"""Nothing lost, nothing slow: kill -9 trials, the slowest deck file under its size cap, long words drawn.

    python benchmarks/robustness_bench.py [--trials 75] [--repeats 3] [--json]

1. kill -9: a child plays a random game through the game controller (the autosave after every decision, as
   in a window) and reports each decision once its save call has returned; once the first decision is
   reported, the parent kills it with SIGKILL at a random moment within a second, then reads the save
   back. A lost decision is one reported but not in the save.
2. Files at their size cap (2 MiB, text files 4 MiB), valid and hostile: the time `load_deck` takes.
3. Drawing: a card with a 60-character title word and a 2,000-character text word, and team names at
   their longest, each laid out from scratch (fonts loaded, text caches empty).

Times are this process's CPU time, the best of --repeats runs: the machines we measure on are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "decks" / "mini"

CHILD = r"""
import random, sys
from pathlib import Path
from booster import paths
from booster.table import saves
from booster.deck.loader import load_deck
from booster.engine.game import Setup
from booster.table.controller import GameController

deck = load_deck(paths.CORE_DECK).deck
rnd = random.Random(int(sys.argv[2]))
path = Path(sys.argv[1])
game = GameController.new(
    deck, str(paths.CORE_DECK), "en", Setup(("A", "B", "C", "D"), rnd.randrange(1 << 30)), {}, path,
    lambda key, **fields: None,
)
n = 0
while not game.rules.is_over(game.state):
    game.decide(rnd.choice(game.rules.legal_actions(game.state)))
    n += 1
    print(n, flush=True)  # reported: the save call has returned
print("over", flush=True)
"""


def kill_trials(trials: int, seed: int) -> tuple[int, int, int]:
    """(trials, decisions reported in all, decisions lost)."""
    rnd = random.Random(seed)
    reported_total = lost = 0
    with tempfile.TemporaryDirectory(prefix="booster-kill-") as tmp:
        for i in range(trials):
            path = Path(tmp) / f"game-{i}.json"
            proc = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(path), str(i)],
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "BOOSTER_HOME": tmp},
            )
            assert proc.stdout is not None
            first = proc.stdout.readline()  # the game has started: from now on, any moment
            time.sleep(rnd.uniform(0.0, 1.0))
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            out = first + out
            reported = max((int(x) for x in out.split() if x.isdigit()), default=0)
            reported_total += reported
            if reported == 0:
                continue
            from booster.table import saves

            try:
                on_disk = len(saves.load(path).log)
            except saves.SaveError:
                on_disk = 0
            lost += max(0, reported - on_disk)
    return trials, reported_total, lost


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def _fill(prefix: str, line: str, size: int) -> bytes:
    """`prefix` then as many numbered lines ({n}: 0000000, 0000001...) as fit in `size` bytes."""
    n = (size - len(prefix)) // len(line.format(n="0000000"))
    return (prefix + "".join(line.format(n=f"{i:07d}") for i in range(n))).encode("utf-8")


def file_times(repeats: int) -> list[tuple[str, float]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from deckgen import synthetic_deck, write_deck

    from booster.deck.loader import TEXT_MAX_BYTES, load_deck
    from booster.deck.yaml_safe import MAX_BYTES

    text_cap, cap = TEXT_MAX_BYTES, MAX_BYTES
    cases: list[tuple[str, str, bytes | None]] = [
        ("text.en.yaml of unknown keys in one card", "text.en.yaml", None),
        ("text.en.yaml of unknown top-level keys", "text.en.yaml", _fill("", "unknown-key-{n}: v\n", text_cap)),
        ("text.en.yaml of one long text", "text.en.yaml", b"deck: {title: '" + b"x" * (text_cap - 40) + b"'}\n"),
        ("cards.yaml of unknown keys", "cards.yaml", _fill("cards:\n  garden:\n", "    zz-unknown-{n}: 1\n", cap)),
        ("cards.yaml of cards of unknown kind", "cards.yaml", _fill("cards:\n", "  c-{n}: {{kind: x}}\n", cap)),
        ("rules.yaml of unknown keys", "rules.yaml", _fill("", "unknown-key-{n}: 1\n", cap)),
    ]
    out = []
    with tempfile.TemporaryDirectory(prefix="booster-files-") as tmp:
        for label, name, data in cases:
            folder = Path(shutil.copytree(MINI, Path(tmp) / label.replace(" ", "_")))
            if data is None:
                text = (MINI / "text.en.yaml").read_text(encoding="utf-8")
                line = "    zz-unknown-field-0000000: value\n"
                n = (TEXT_MAX_BYTES - len(text)) // len(line)
                data = text.replace("  garden:\n", "  garden:\n" + line * n, 1).encode("utf-8")
            _write(folder, name, data)
            assert (folder / name).stat().st_size <= (TEXT_MAX_BYTES if name.startswith("text.") else MAX_BYTES)
            best = min(_cpu(load_deck, folder) for _ in range(repeats))
            out.append((f"{label} ({(folder / name).stat().st_size / 1048576:.1f} MiB)", best))
        # A valid text file as large as the cap allows.
        files = synthetic_deck(1, ("en",))
        big = write_deck(Path(tmp) / "valid", files)
        n_cards = 1
        while (big / "text.en.yaml").stat().st_size < TEXT_MAX_BYTES * 0.9 and n_cards < 100_000:
            n_cards = int(n_cards * TEXT_MAX_BYTES * 0.9 / (big / "text.en.yaml").stat().st_size) + 1
            files = synthetic_deck(n_cards, ("en",))
            text_only = {"text.en.yaml": files["text.en.yaml"]}
            write_deck(big, text_only)
        size = (big / "text.en.yaml").stat().st_size
        if size <= TEXT_MAX_BYTES:
            best = min(_cpu(load_deck, big) for _ in range(repeats))
            out.append((f"text.en.yaml, valid texts of {n_cards:,} cards ({size / 1048576:.1f} MiB)", best))
    return out


def _timed(fn, *args) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def _cpu(fn, *args) -> float:
    """This process's CPU time for fn(*args): on a machine shared with other work, wall time mostly
    measures the others."""
    t = time.process_time()
    fn(*args)
    return time.process_time() - t


def draw_times(repeats: int = 5) -> list[tuple[str, float]]:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from booster.deck.loader import load_deck
    from booster.ui.carddraw import card_size, draw_card
    from booster.ui.frame import Layout
    from booster.ui.i18n import Strings
    from booster.ui.paint import Painter
    from booster.ui.text import TextRenderer

    pygame.font.init()
    out = []
    with tempfile.TemporaryDirectory(prefix="booster-draw-") as tmp:
        folder = Path(shutil.copytree(MINI, Path(tmp) / "words"))
        rules = (folder / "rules.yaml").read_text(encoding="utf-8")
        (folder / "rules.yaml").write_text(rules + "limits: {text: 2000}\n", encoding="utf-8")
        texts = (folder / "text.en.yaml").read_text(encoding="utf-8")
        texts = texts.replace("title: A garden", "title: " + "W" * 60)
        texts = texts.replace("text: A plot of land is free.", "text: " + "m" * 2000)
        (folder / "text.en.yaml").write_text(texts, encoding="utf-8")
        result = load_deck(folder)
        assert result.deck is not None, result.problems[:3]
        deck = result.deck
        t = Strings("en")
        surface = pygame.Surface((1920, 1080))
        layout = Layout((1920, 1080))
        tr = TextRenderer()
        painter = Painter(surface, layout, tr)
        box = (0, 0, *card_size("challenge"))
        draw_card(painter, deck, "en", "map", box, t)  # fonts loaded once, as in a running game

        def best(fn, *args) -> float:
            """The best of a few runs, each from empty text caches (the machine is shared: take the least
            disturbed run)."""
            times = []
            for _ in range(repeats):
                tr.fits.clear(), tr.wraps.clear(), tr.blocks.clear()
                times.append(_cpu(fn, *args))
            return min(times)

        label = "a card with a 60-character title word and a 2,000-character text word"
        out.append((label, best(draw_card, painter, deck, "en", "garden", box, t)))
        names = ["W" * 28] * 8  # the set-up's longest names
        label = "8 team names of 28 wide characters"
        out.append((label, best(lambda: [tr.draw(surface, n, pygame.Rect(0, 0, 300, 60), 42, True) for n in names])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=75)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, object] = {}
    trials, reported, lost = kill_trials(args.trials, args.seed)
    figures["kill"] = {"trials": trials, "reported": reported, "lost": lost}
    print(f"kill -9: {trials} trials, {reported:,} decisions reported, {lost} lost")
    files = file_times(args.repeats)
    figures["files"] = dict(files)
    for label, seconds in files:
        print(f"load_deck, {label}: {seconds * 1000:.0f} ms CPU")
    slowest = max(files, key=lambda x: x[1])
    print(f"slowest file under its cap: {slowest[0]}, {slowest[1] * 1000:.0f} ms CPU")
    draws = draw_times(max(5, args.repeats))
    figures["draw"] = dict(draws)
    for label, seconds in draws:
        print(f"draw {label}: {seconds * 1000:.1f} ms CPU")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
