# SPDX-License-Identifier: MIT
"""`booster deck translate PATH --lang L [--ui]`: create or complete `text.L.yaml` for a translator.

Every source entry appears in source order with the source text as a comment above it; existing
translations are kept; untranslated entries are commented out, so the file always passes `deck check`.
Translations that had no origin record get one: the source text their witnesses say they were made from
(git history, the `# fr:` comment; see history.py), today's only when there is none. Existing records are
left alone, so a stale translation stays stale (and marked so in the file) until a translator confirms it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line imports this module at start: the rest is loaded when it runs
    from booster.tools.translation import core


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="deck folder, e.g. cards/core")
    parser.add_argument("--lang", required=True, help="the language to translate into, e.g. it or pt-br")
    parser.add_argument("--ui", action="store_true", help="also create or complete the UI's ui.LANG.yaml")
    parser.add_argument(
        "--drop-same",
        action="store_true",
        help="comment out translations identical to the source text (po2yaml fills untranslated entries so)",
    )
    parser.add_argument("--ui-dir", type=Path, default=None, help=argparse.SUPPRESS)


def main(args: argparse.Namespace) -> int:
    from booster.tools.translation import core

    lang = args.lang
    if not core.LANG_CODE.match(lang):
        print(f"'{lang}' is not a language code (expected e.g. it, pt-br: lowercase)", file=sys.stderr)
        return 2
    ts = core.deck_textset(args.path)
    if core.lacks_source(ts, args.path):
        return 2
    if lang == ts.source_lang:
        print(f"{lang} is the deck's source language: edit text.{lang}.yaml directly", file=sys.stderr)
        return 2
    notes = card_notes(Path(args.path))
    code = translate(ts, lang, notes, args.drop_same)
    if code == 0 and args.ui:
        ui = core.ui_textset(args.ui_dir)
        if ui is None:
            print("this build has no UI strings to translate", file=sys.stderr)
        elif lang != ui.source_lang:
            ui.adopt(lang)
            code = translate(ui, lang, {}, args.drop_same)
    if code == 0:
        from booster.deck.loader import load_deck

        result = load_deck(args.path)
        if result.deck is None or lang in result.refused:
            for problem in result.problems:
                print(problem)
            print("the deck has problems (above): fix them, then run booster deck check", file=sys.stderr)
            return 1
    return code


def translate(
    ts: core.TextSet,
    lang: str,
    notes: dict[str, str],
    drop_same: bool = False,
    rewrite_only: bool = False,
    given: dict | None = None,
) -> int:
    """Write `ts`'s file for `lang` in the translator's shape; 0, or 1 after saying why nothing was written.
    `rewrite_only` (for `deck confirm`, which keeps the records itself) writes the file and nothing else;
    `given` is the nested translation to write instead of the file's (for `deck po import`)."""
    from booster.deck.yaml_safe import parse_bytes
    from booster.tools.translation import core

    path = ts.file(lang)
    target, problems = (given, []) if given is not None else ts.read(lang)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{path}: fix the problems above first; nothing was written", file=sys.stderr)
        return 1
    dropped: list[str] = []
    if drop_same:
        target, dropped = _drop_same(ts.source, target)
    # What each translation was made from, read before this run rewrites the comments and records.
    known, warning = core.known_origins(ts, lang, core.flat(target))
    if warning:
        print(warning, file=sys.stderr)
    made_from = {p: o.was for p, o in known.items()}
    text = core.render(ts.source, target, ts.source_lang, core.header_lines(ts, lang), notes, made_from)
    # Never lose a translation: check what we would write before writing it.
    doc, problems = parse_bytes(text.encode("utf-8"), str(path), max_bytes=16 * 1024 * 1024, all_text=True)
    written = core.flat(doc.value if isinstance(doc.value, dict) else {})
    lost = [p for p, t in core.flat(target).items() if written.get(p) != t]
    if problems or lost:
        for problem in problems:
            print(problem, file=sys.stderr)
        if lost:
            print(f"{path}: these texts do not fit the source's structure: {', '.join(lost)}", file=sys.stderr)
        print(f"{path}: nothing was written; move or fix those texts by hand", file=sys.stderr)
        return 1
    created = not path.exists()
    core.write_text_file(path, text)
    if rewrite_only:
        return 0
    source = core.flat(ts.source)
    origins, _ = core.read_origins(ts.sidecar(lang))
    recorded = [p for p in written if p in source and p not in origins]
    # A translation is recorded as made from what its witnesses say (git, its comment), never from
    # today's source when they say otherwise: that would hide a stale text.
    for p in recorded:
        origins[p] = made_from.get(p, source[p])
    stale = [p for p in written if p in source and origins.get(p, source[p]) != source[p]]
    # Records of texts that are gone (from the source or the translation) would only mislead later.
    obsolete = [p for p in origins if p not in written or p not in source]
    for p in obsolete:
        del origins[p]
    if recorded or obsolete or not ts.sidecar(lang).exists():
        core.write_origins(ts.sidecar(lang), lang, ts.source_lang, origins, source)
    done = sum(1 for p in source if p in written)
    print(
        f"{'created' if created else 'updated'} {path}: {done} of {len(source)} texts translated, "
        f"{len(source) - done} to do (commented out)"
        + (f"; recorded the origin of {len(recorded)} existing translations" if recorded else "")
        + (f"; {len(dropped)} texts identical to the source commented out again" if dropped else "")
    )
    if stale:
        print(
            f"{len(stale)} translations were made from an older source text: they are marked STALE in the file "
            f"(booster deck status lists them)"
        )
    return 0


def _drop_same(source: dict, target: dict, path: str = "") -> tuple[dict, list[str]]:
    """`target` without the texts equal to their source text, and the paths taken out."""
    kept: dict = {}
    dropped: list[str] = []
    for k, v in target.items():
        s = source.get(k)
        here = f"{path}.{k}" if path else k
        if isinstance(v, str) and v == s:
            dropped.append(here)
        elif isinstance(v, dict) and isinstance(s, dict):
            sub, more = _drop_same(s, v, here)
            dropped += more
            if sub:
                kept[k] = sub
        else:
            kept[k] = v
    return kept, dropped


def card_notes(folder: Path) -> dict[str, str]:
    """A comment after each card id (`# challenge, ideation`) so a translator knows what the card is."""
    from booster.deck.loader import load_deck

    deck = load_deck(folder).deck
    if deck is None:
        return {}
    return {f"cards.{c.id}": ", ".join(x for x in (c.kind, c.stage, c.pillar) if x) for c in deck.cards.values()}
