# SPDX-License-Identifier: MIT
"""`booster deck confirm PATH --lang L [--all | ID...]`: a translator says "these translations match the
current source texts", which records those source texts as their origin (stale ones become current).

An ID is a text path (`cards.food-desert.title`), a prefix (`cards.food-desert`, `stages`) or a bare card
id (`food-desert`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="deck folder, e.g. cards/core")
    parser.add_argument("ids", nargs="*", metavar="ID", help="text path, prefix or card id to confirm")
    parser.add_argument("--lang", required=True, help="the translation's language")
    parser.add_argument("--all", action="store_true", help="confirm every translated text of the language")
    parser.add_argument("--ui", action="store_true", help="confirm the UI strings (ui.LANG.yaml) instead")
    parser.add_argument("--ui-dir", type=Path, default=None, help=argparse.SUPPRESS)
    _intermixed(parser)


def _intermixed(parser: argparse.ArgumentParser) -> None:
    """Let IDs come after options (`confirm PATH --lang it food-desert`): plain argparse takes the
    positionals in one go before `--lang` and then refuses the IDs. The parent parser calls
    parse_known_args on this one, so that call is routed to the intermixed variant."""
    plain = parser.parse_known_args

    def parse_known_args(args: list[str] | None = None, namespace: argparse.Namespace | None = None):
        parser.parse_known_args = plain  # type: ignore[method-assign,assignment]  # the intermixed parser calls it
        try:
            return parser.parse_known_intermixed_args(args, namespace)
        finally:
            parser.parse_known_args = parse_known_args  # type: ignore[method-assign,assignment]

    parser.parse_known_args = parse_known_args  # type: ignore[method-assign,assignment]


def main(args: argparse.Namespace) -> int:
    from booster.tools.translation import core  # here: the command line imports this module at start

    if bool(args.all) == bool(args.ids):
        print("say what to confirm: --all, or one or more IDs (e.g. cards.food-desert)", file=sys.stderr)
        return 2
    if args.ui:
        ts = core.ui_textset(args.ui_dir)
        if ts is None:
            print("this build has no UI strings", file=sys.stderr)
            return 2
    else:
        ts = core.deck_textset(args.path)
    if core.lacks_source(ts, args.path):
        return 2
    if args.lang == ts.source_lang:
        print(f"{args.lang} is the source language: it has nothing to confirm", file=sys.stderr)
        return 2
    ts.adopt(args.lang)
    texts, problems = ts.read(args.lang)
    if problems or not ts.file(args.lang).is_file():
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{ts.file(args.lang)}: no readable translation to confirm", file=sys.stderr)
        return 1
    source = core.flat(ts.source)
    translated = [p for p in core.flat(texts) if p in source]
    if args.all:
        chosen = translated
    else:
        named, unknown = core.select(source, args.ids)
        if unknown:
            print(f"no source text is named {', '.join(unknown)}; nothing was confirmed", file=sys.stderr)
            return 2
        chosen = [p for p in named if p in set(translated)]
        untranslated = len(named) - len(chosen)
        if untranslated:
            print(f"{untranslated} of the texts named are not translated yet: they were skipped")
    known, warning = core.known_origins(ts, args.lang, core.flat(texts))
    if warning:
        print(warning, file=sys.stderr)
    origins, _ = core.read_origins(ts.sidecar(args.lang))
    was_stale = [p for p in chosen if p in known and known[p].was != source[p]]
    was_unrecorded = [p for p in chosen if p not in known]
    # The confirmed get a record of today's source; the others one of what their witnesses say, so that
    # rewriting their comments below loses nothing.
    for p in translated:
        if p in chosen:
            origins[p] = source[p]
        elif p not in origins and p in known:
            origins[p] = known[p].was
    kept = set(translated)
    origins = {p: o for p, o in origins.items() if p in kept}  # drop records of texts that are gone
    core.write_origins(ts.sidecar(args.lang), args.lang, ts.source_lang, origins, source)
    print(
        f"confirmed {len(chosen)} {args.lang} texts against the current {ts.source_lang} source "
        f"({len(was_stale)} were stale, {len(was_unrecorded)} had no record) in {ts.sidecar(args.lang)}"
    )
    for p in was_stale:
        print(f"  now current: {p}")
    # The file's comments follow: `# fr:` shows the confirmed source, the STALE lines go.
    from booster.tools.translation import translate

    notes = {} if args.ui else translate.card_notes(Path(args.path))
    return translate.translate(ts, args.lang, notes, rewrite_only=True)
