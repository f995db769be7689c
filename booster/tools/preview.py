# SPDX-License-Identifier: MIT
"""`booster deck preview`: PNG images of cards exactly as the game draws them (same drawing code)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="deck folder")
    parser.add_argument("--lang", default=None, help="language (default: the deck's source language)")
    parser.add_argument("--card", action="append", default=None, help="card id (repeatable; default: every card)")
    parser.add_argument("-o", "--output", default="preview", help="output folder (default: ./preview)")
    parser.add_argument("--size", default=None, help="image size WxH (default: the card's size in the game at 1080p)")
    parser.add_argument(
        "--mark-missing",
        action="store_true",
        help="translator preview: mark texts missing in this language with [[...]]",
    )


def main(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from booster.deck.loader import load_deck

    result = load_deck(args.path)
    if result.deck is None:
        for p in result.problems:
            print(p)
        n = len(result.problems)
        print(f"{n} problem{'s' if n != 1 else ''} found.")
        return 1
    deck = result.deck
    lang = args.lang or deck.info.source_language
    if lang in result.refused:
        # A translation the game refuses is still drawn here, so that its translator sees what to fix.
        for p in result.refused[lang]:
            print(p)
        doc = result.documents.get(f"text.{lang}.yaml")
        if doc is None or not isinstance(doc.value, dict):
            print(f"text.{lang}.yaml cannot be read: nothing to preview in {lang}", file=sys.stderr)
            return 1
        deck = attrs.evolve(deck, texts={**deck.texts, lang: doc.value})
        print(f"text.{lang}.yaml has problems (above); the game leaves it out, the preview shows it", file=sys.stderr)
    ids = args.card or list(deck.cards)
    unknown = [c for c in ids if c not in deck.cards]
    if unknown:
        print(f"no such card in this deck: {', '.join(unknown)}", file=sys.stderr)
        return 2
    import pygame

    from booster.tools.screenshot import save_png
    from booster.ui.carddraw import card_size, draw_card
    from booster.ui.frame import Layout, parse_size
    from booster.ui.i18n import Strings
    from booster.ui.paint import Painter
    from booster.ui.text import TextRenderer

    try:
        fixed = parse_size(args.size) if args.size else None
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    pygame.font.init()
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        print(f"{out} is a file: -o takes a folder, where one PNG per card is written.", file=sys.stderr)
        return 2
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"Cannot create the folder {out}: {e.strerror or e}.", file=sys.stderr)
        return 1
    t = Strings(lang, True if args.mark_missing else None)
    text = TextRenderer()
    from booster.tools import fit

    # The image is the projected card: it is marked when that card overflows; the printed card's own
    # overflow is said in words (booster deck print shows it).
    too_long = {o.card: o for o in fit.screen(deck, lang, ids)}
    for o in fit.printed(deck, lang, ids):
        print(o.sentence(lang, args.path), file=sys.stderr)
    for cid in ids:
        box = card_size(deck.cards[cid].kind)
        size = fixed or box
        surface = pygame.Surface(size)
        surface.fill((255, 255, 255))
        # The card box fills the image: scale the game's 1080p card box to the requested size.
        layout = Layout(size)
        layout.k = min(size[0] / box[0], size[1] / box[1])
        layout.ox = (size[0] - box[0] * layout.k) / 2
        layout.oy = (size[1] - box[1] * layout.k) / 2
        layout.frame = surface.get_rect()
        draw_card(Painter(surface, layout, text), deck, lang, cid, (0, 0, *box), t, None, t.mark_missing)
        if cid in too_long:
            surface = _mark_overflow(surface, text, too_long[cid], t)
            print(too_long[cid].sentence(lang, args.path), file=sys.stderr)
        path = out / f"{cid}.{lang}.png"
        try:
            save_png(surface, path)
        except OSError as e:
            print(f"Cannot write {path}: {e.strerror or e}.", file=sys.stderr)
            return 1
        print(path)
    return 0


def _mark_overflow(card: Any, text: Any, overflow: Any, t: Callable[..., str]) -> Any:
    """The card image with a red frame and, below it, a strip that says by how much its texts overflow."""
    import pygame

    w, h = card.get_size()
    strip = max(48, h // 9)
    out = pygame.Surface((w, h + strip))
    out.fill((255, 255, 255))
    out.blit(card, (0, 0))
    red = (213, 94, 0)  # Okabe-Ito vermillion, with words: colour is never the only cue
    pygame.draw.rect(out, red, out.get_rect(), max(4, w // 160))
    pygame.draw.rect(out, red, (0, h, w, strip))
    words = t("preview.too_long", lines=overflow.lines, chars=overflow.chars)  # in the translator's language
    text.draw(
        out, words, pygame.Rect(16, h, w - 32, strip), max(14, strip // 2), True, (255, 255, 255), "left", "middle", 1
    )
    return out
