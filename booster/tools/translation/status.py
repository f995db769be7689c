# SPDX-License-Identifier: MIT
"""`booster deck status [PATH] [--lang L] [--strict]`: per language, what is translated, missing and stale.

Also counts the UI's own strings (`booster/text/i18n/ui.<lang>.yaml`), so that one command tells a translator
everything a language still needs, including the languages the program speaks that the deck does not.
The counts are those of the start screen and `deck check` (booster.deck.coverage.is_translated).
`--strict` (for a deck repository's CI) fails unless the deck's texts are complete and current in every
language asked for; the UI strings are reported, not enforced, since a deck repository does not hold them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

WITNESS = {
    "record": "origin record",
    "git": "git history: the source when the translation last changed",
    "comment": "the source comment above the entry",
}


def configure(parser: argparse.ArgumentParser) -> None:
    from booster.tools.cli import DECK_HELP

    parser.add_argument("path", nargs="?", help=DECK_HELP)
    parser.add_argument("--lang", action="append", help="language to report on (repeatable; default: every one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 unless every language is complete and current")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--all", action="store_true", help="list every missing text even for several languages")
    parser.add_argument("--ui-dir", type=Path, default=None, help=argparse.SUPPRESS)  # tests point it elsewhere


def main(args: argparse.Namespace) -> int:
    from booster.tools.translation import core

    ts = core.deck_textset(args.path)
    if core.lacks_source(ts, args.path):
        return 2
    langs = args.lang or [x for x in ts.languages() if x != ts.source_lang] or [ts.source_lang]
    bad = [x for x in langs if not core.LANG_CODE.match(x)]
    if bad:
        print(f"not a language code: {', '.join(bad)} (expected e.g. it, pt-br)", file=sys.stderr)
        return 2
    results = [core.status(ts, lang) for lang in langs]
    ui = core.ui_textset(args.ui_dir)
    # Without --lang, the languages the program has strings in but the deck lacks are shown too.
    ui_langs = [*langs, *(x for x in (ui.languages() if ui and not args.lang else []) if x not in [*langs, "en"])]
    ui_results = [core.status(ui, lang) for lang in ui_langs] if ui else []
    too_long = _too_long(args.path, langs)
    if args.json:
        data = _json(ts, results, ui, ui_results)
        for entry in data["deck"]["languages"]:
            entry["too_long"] = [p.message for p in too_long.get(entry["language"], [])]
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        detail = bool(args.lang) or len(results) == 1 or args.all
        text = report(ts, results, ui, ui_results, detail, args.path)
        for lang, found in too_long.items():
            text += f"\n{lang}: {len(found)} card{'s' if len(found) != 1 else ''} too long for the card:"
            text += "".join(f"\n  {p}" for p in found)
        print(text)
    if args.strict and not all(r.complete for r in results):
        return 1
    return 0


def _too_long(path: str, langs: list[str]) -> dict[str, list[Any]]:
    """The texts that do not fit their card, by language: the measure `deck check` makes (booster.tools.fit),
    from the same cache."""
    from booster.deck.loader import load_deck
    from booster.tools import fit

    result = load_deck(path)
    out: dict[str, list[Any]] = {}
    for p in fit.problems(result, path):
        lang = Path(p.file).name.removeprefix("text.").removesuffix(".yaml")
        if lang in langs:
            out.setdefault(lang, []).append(p)
    return out


def _json(ts: Any, results: list[Any], ui: Any, ui_results: list[Any]) -> dict[str, Any]:
    return {
        "deck": {"source_language": ts.source_lang, "languages": [r.to_json() for r in results]},
        "ui": {"source_language": "en", "languages": [r.to_json() for r in ui_results]} if ui else None,
    }


def _summary(r: Any, source_lang: str, unit: str) -> str:
    from booster.text.i18n import language_label

    name = language_label(r.lang)
    if r.lang == source_lang:
        return f"{name}: the source language, {r.total} {unit}"
    n = len(r.translated)
    pct = f"{n / r.total:.0%}, " if r.total else ""
    state = (
        "complete"
        if r.complete
        else ("not started" if not n else "stale texts to check" if not r.missing else "partial")
    )
    if not r.exists:
        state = "no file yet"
    return (
        f"{name}: {n} of {r.total} {unit} translated ({pct}{len(r.stale)} of them stale), "
        f"{len(r.missing)} missing: {state}"
    )


def _show(label: str, text: str, indent: str = "      ") -> list[str]:
    """A labelled text, its later lines aligned under the first."""
    pad = " " * (len(label) + 1)
    return [f"{indent}{label if i == 0 else pad[:-1]} {line}".rstrip() for i, line in enumerate(text.split("\n"))]


def report(ts: Any, results: list[Any], ui: Any, ui_results: list[Any], detail: bool, path: str) -> str:
    from booster.text.i18n import language_label
    from booster.tools.translation import core

    out = [
        f"{ts.label} ({path}): source language {language_label(ts.source_lang)}, {len(core.flat(ts.source))} {ts.unit}"
    ]
    source = core.flat(ts.source)
    for r in results:
        out.append(_summary(r, ts.source_lang, ts.unit))
        out += [f"  problem: {p}" for p in r.problems]
        if r.stale:
            out.append(
                f"  stale: the source text changed after the translation; check, then run "
                f"booster deck confirm {path} --lang {r.lang} ID"
            )
            for s in r.stale:
                out.append(f"    {s.path}  ({WITNESS.get(s.how, s.how)})")
                out += _show("was:", s.was) + _show("now:", s.now) + _show(f"{r.lang}:", s.translation)
        if r.missing and detail:
            out.append(f"  missing ({len(r.missing)}):")
            out += [f"    {g}" for g in core.group_missing(r.missing, source)]
        elif r.missing:
            out.append(f"  missing: {len(r.missing)} texts (booster deck status {path} --lang {r.lang} lists them)")
        if r.unrecorded:
            out.append(
                f"  {len(r.unrecorded)} translations have no origin record, git history or # {ts.source_lang}: "
                f"comment saying what they were made from, so they are counted as current; "
                f"booster deck confirm {path} --lang {r.lang} --all records them"
            )
        if r.same:
            out.append(
                f"  {len(r.same)} translations are the same as the source (fine for names; check the others): "
                f"{', '.join(r.same[:6])}{' ...' if len(r.same) > 6 else ''}"
            )
        if r.extra:
            out.append(
                f"  {len(r.extra)} texts are not in the source any more: "
                + ", ".join(r.extra[:10])
                + (" ..." if len(r.extra) > 10 else "")
            )
    if ui is None:
        out.append("UI strings: none in this build (booster/text/i18n/ui.en.yaml not found)")
    else:
        out.append(
            f"UI strings ({ui.folder}): source language {language_label('en')}, {len(core.flat(ui.source))} {ui.unit}"
        )
        ui_source = core.flat(ui.source)
        deck_langs = set(ts.languages())
        for r in ui_results:
            only = "" if r.lang in deck_langs else f"interface only (the deck has no text.{r.lang}.yaml): "
            out.append("  " + only + _summary(r, "en", ui.unit))
            if r.stale:
                out += [f"    stale: {s.path}: was {s.was!r}, now {s.now!r}" for s in r.stale]
            if r.missing and detail:
                out.append(f"    missing ({len(r.missing)}):")
                out += [f"      {g}" for g in core.group_missing(r.missing, ui_source, 104)]
    return "\n".join(out)
