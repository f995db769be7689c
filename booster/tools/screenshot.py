# SPDX-License-Identifier: MIT
"""`booster screenshot`: render any scene of a seeded demo game to a PNG (headless).

Top-level imports stay light: the CLI imports this module at start, pygame only loads in `main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scene", default="board", help="scene to render (see --list)")
    parser.add_argument("--lang", default="en", help="language (default: en)")
    parser.add_argument("--size", default="1920x1080", help="image size WxH (default: 1920x1080)")
    parser.add_argument("-o", "--output", default=None, help="PNG file (default: SCENE-LANG-WxH.png)")
    parser.add_argument("--list", action="store_true", help="list the scene names and exit")
    parser.add_argument("--force", action="store_true", help="replace the PNG file if it exists")
    parser.add_argument("--deck", default=None, help="deck folder (default: the core deck)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the demo game")
    parser.add_argument(
        "--mark-missing",
        action="store_true",
        help="translator preview: mark texts missing in this language with [[...]]",
    )


def main(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from booster.tools.demo import SCENES

    if args.list:
        print("\n".join(SCENES))
        return 0
    if args.scene not in SCENES:
        print(f"unknown scene '{args.scene}'; one of: {', '.join(SCENES)}", file=sys.stderr)
        return 2
    from booster.ui.frame import parse_size

    try:
        size = parse_size(args.size)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    import shutil
    import tempfile

    # The demo game autosaves like any game: into a scratch folder, never over the user's real autosave.
    home, before = tempfile.mkdtemp(prefix="booster-screenshot-"), os.environ.get("BOOSTER_HOME")
    os.environ["BOOSTER_HOME"] = home
    try:
        return _render(args, size)
    finally:
        shutil.rmtree(home, ignore_errors=True)
        if before is None:
            os.environ.pop("BOOSTER_HOME", None)
        else:
            os.environ["BOOSTER_HOME"] = before


def _render(args: argparse.Namespace, size: tuple[int, int]) -> int:
    import pygame

    from booster import paths
    from booster.tools.demo import goto, make_app

    pygame.font.init()
    if args.mark_missing:
        os.environ["BOOSTER_MARK_MISSING"] = "1"
    app = make_app(args.deck or paths.CORE_DECK, args.lang, size, args.seed)
    if app.deck is None:
        print(f"the deck cannot be used ({len(app.problems)} problems): rendering the error screen", file=sys.stderr)
    goto(app, args.scene)
    app.render()
    out = args.output or f"{args.scene}-{args.lang}-{size[0]}x{size[1]}.png"
    folder = Path(out).parent
    if not folder.is_dir():
        print(f"Cannot write the screenshot: the folder {folder} does not exist.", file=sys.stderr)
        return 1
    from booster.deck.loader import deck_files
    from booster.files import RefusedWrite, check_output

    deck = Path(args.deck or paths.CORE_DECK)
    try:
        check_output(out, deck_files(deck) if deck.is_dir() else (), decks=[deck], force=args.force)
    except RefusedWrite as e:
        print(f"Cannot write the screenshot: {e}.", file=sys.stderr)
        return 1
    try:
        save_png(app.surface, out)
    except OSError as e:
        print(f"Cannot write the screenshot to {out}: {e.strerror or e}.", file=sys.stderr)
        return 1
    print(out)
    return 0


def save_png(surface: Any, path: str | Path) -> None:
    """Write `surface` as a PNG through the one atomic writer (a half-written image is never left)."""
    import io

    import pygame

    from booster.files import write_atomic

    buf = io.BytesIO()
    pygame.image.save(surface, buf, "image.png")
    write_atomic(path, buf.getvalue())
