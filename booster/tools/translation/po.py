# SPDX-License-Identifier: MIT
"""`booster deck po export|import PATH --lang L [--ui]`: the PO route (Poedit, Weblate's PO format, any
gettext tool), with nothing lost on the way.

Each text is one PO entry whose context (`msgctxt`) is its path (`cards.food-desert.title`), so ids stay
stable; an extracted comment says what the text is (the card's kind and stage, and that it must fit the
card, as `deck check` measures it) and the location repeats the path; a text with `{name}` placeholders
is flagged `python-brace-format`, so that `msgfmt --check` and Poedit check them. A stale translation is
exported `fuzzy`, with the source it was made from as the previous msgid (`#| msgid`), as gettext's own
msgmerge does. On import, a fuzzy entry is kept as a stale translation (not dropped), an entry equal to
its source is kept (an untranslated entry is an empty one), and each translation's origin is recorded
(the msgid it was made from, or the previous msgid of a fuzzy entry), so `deck status` shows stale texts
after a source edit whatever tool edited the PO file.

The PO reader here is small: it reads what gettext tools write (comments, flags, msgctxt, msgid, msgstr,
continued lines); tests check it and the writer against Translate Toolkit's PO library.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="po_command", required=True)
    exp = sub.add_parser("export", help="write LANG.po: every source text, with its translation and context")
    exp.add_argument("path", help="deck folder")
    exp.add_argument("--lang", required=True)
    exp.add_argument("-o", "--output", help="PO file (default: text.LANG.po, or ui.LANG.po with --ui)")
    exp.add_argument("--ui", action="store_true", help="the program's own strings instead of the deck's")
    exp.add_argument("--ui-dir", type=Path, default=None, help=argparse.SUPPRESS)
    imp = sub.add_parser("import", help="put the translations of a PO file into text.LANG.yaml")
    imp.add_argument("path", help="deck folder")
    imp.add_argument("po", help="the PO file")
    imp.add_argument("--lang", required=True)
    imp.add_argument("--ui", action="store_true", help="the program's own strings instead of the deck's")
    imp.add_argument("--ui-dir", type=Path, default=None, help=argparse.SUPPRESS)


@dataclass
class Entry:
    context: str
    source: str
    target: str = ""
    fuzzy: bool = False
    previous: str | None = None  # the msgid a fuzzy translation was made from
    notes: list[str] = field(default_factory=list)
    brace_format: bool = False  # the text holds `{name}` placeholders (msgfmt --check then checks them)


# -- writing ------------------------------------------------------------------------------------------


def _po_string(text: str) -> str:
    """A PO string: quoted, escaped, one source line per PO line (as gettext tools wrap at newlines)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")

    if "\n" not in text.rstrip("\n"):
        return '"' + esc(text).replace("\n", "\\n") + '"'
    parts = text.split("\n")
    lines = [esc(p) + "\\n" for p in parts[:-1]] + ([esc(parts[-1])] if parts[-1] else [])
    return '""\n' + "\n".join(f'"{x}"' for x in lines)


def write(entries: Iterable[Entry], header: Mapping[str, str]) -> str:
    out = ['msgid ""', 'msgstr ""']
    out += [f'"{k}: {v}\\n"' for k, v in header.items()]
    for e in entries:
        out.append("")
        out += [f"#. {n}" for n in e.notes]
        out.append(f"#: {e.context}")
        flags = [f for f, on in (("fuzzy", e.fuzzy), ("python-brace-format", e.brace_format)) if on]
        if flags:
            out.append("#, " + ", ".join(flags))
        if e.fuzzy and e.previous is not None:
            out += [f"#| {line}" for line in f"msgid {_po_string(e.previous)}".split("\n")]
        out.append(f"msgctxt {_po_string(e.context)}")
        out.append(f"msgid {_po_string(e.source)}")
        out.append(f"msgstr {_po_string(e.target)}")
    return "\n".join(out) + "\n"


# -- reading ------------------------------------------------------------------------------------------


def _unquote(s: str) -> str:
    s = s.strip()
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        raise ValueError(f"expected a quoted string, found {s[:30]!r}")
    out, i, body = [], 0, s[1:-1]
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """The entries of a PO file (the header left out), and (line, sentence) for what cannot be read."""
    entries: list[Entry] = []
    problems: list[tuple[int, str]] = []
    fields: dict[str, str] = {}
    prev: dict[str, str] = {}
    flags: set[str] = set()
    current: str | None = None  # the keyword the next continued line belongs to
    in_prev = False

    def flush() -> None:
        nonlocal fields, prev, flags
        if "msgid" in fields and (fields["msgid"] or "msgctxt" in fields):
            entries.append(
                Entry(
                    fields.get("msgctxt", ""),
                    fields["msgid"],
                    fields.get("msgstr", fields.get("msgstr[0]", "")),
                    "fuzzy" in flags,
                    prev.get("msgid"),
                )
            )
        fields, prev, flags = {}, {}, set()

    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        try:
            if not line:
                continue
            if line.startswith("#,"):
                if "msgid" in fields and "msgstr" in fields:
                    flush()
                flags |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith("#|"):
                if "msgid" in fields and "msgstr" in fields:
                    flush()
                rest = line[2:].strip()
                key, _, value = rest.partition(" ")
                if key.startswith('"'):  # a continued previous string
                    if current:
                        prev[current] += _unquote(rest)
                else:
                    prev[key] = _unquote(value)
                    current, in_prev = key, True
            elif line.startswith("#"):
                if "msgid" in fields and "msgstr" in fields:
                    flush()
            elif line.startswith('"'):
                if current is None:
                    raise ValueError("a continued string with nothing before it")
                (prev if in_prev else fields)[current] += _unquote(line)
            else:
                key, _, value = line.partition(" ")
                if key in ("msgctxt", "msgid") and "msgid" in fields and "msgstr" in fields:
                    flush()
                if key not in ("msgctxt", "msgid", "msgstr", "msgid_plural") and not key.startswith("msgstr["):
                    raise ValueError(f"unknown keyword {key!r}")
                fields[key] = _unquote(value)
                current, in_prev = key, False
        except ValueError as e:
            problems.append((n, f"this line cannot be read as PO: {e}"))
    flush()
    return entries, problems


# -- the commands -------------------------------------------------------------------------------------


def _textset(args: argparse.Namespace) -> Any:
    from booster.tools.translation import core

    if args.ui:
        ts = core.ui_textset(args.ui_dir)
        if ts is None:
            print("this build has no interface strings", file=sys.stderr)
        return ts
    ts = core.deck_textset(args.path)
    return None if core.lacks_source(ts, args.path) else ts


def main(args: argparse.Namespace) -> int:
    from booster.tools.translation import core

    if not core.LANG_CODE.match(args.lang):
        print(f"'{args.lang}' is not a language code (expected e.g. it, pt-br)", file=sys.stderr)
        return 2
    ts = _textset(args)
    if ts is None:
        return 2
    if args.lang == ts.source_lang:
        print(f"{args.lang} is the source language: it has nothing to translate", file=sys.stderr)
        return 2
    return export(ts, args) if args.po_command == "export" else import_(ts, args)


def _notes(args: argparse.Namespace) -> dict[str, str]:
    """What each text is, for the translator: the card's kind and stage, and how its length is judged (by
    measure on the card, not by a count of characters: German words are longer, Chinese ones shorter)."""
    if args.ui:
        return {}
    from booster.deck.loader import LIMIT_OF, load_deck

    deck = load_deck(args.path).deck
    if deck is None:
        return {}
    from booster.tools.translation import core

    out: dict[str, str] = {}
    source = core.flat(deck.texts.get(deck.info.source_language, {}))
    for path in source:
        parts = path.split(".")
        bits = []
        if parts[0] == "cards" and len(parts) > 1 and (card := deck.cards.get(parts[1])):
            bits.append(", ".join(x for x in (card.kind, card.stage, card.pillar) if x))
        limit_kind = LIMIT_OF.get(parts[2] if parts[0] == "cards" and len(parts) > 2 else parts[-1])
        if parts[0] == "cards" and len(parts) > 2 and limit_kind and deck.rules.limits.get(limit_kind):
            bits.append(
                f"must fit the card: booster deck check measures it on the printed and the projected card "
                f"(booster deck preview {args.path} --lang {args.lang} --card {parts[1]} shows it)"
            )
        if bits:
            out[path] = "; ".join(bits)
    return out


def _placeholders(text: str) -> set[str]:
    from booster.text.i18n import placeholders

    return placeholders(text) - {"{"}


def export(ts: Any, args: argparse.Namespace) -> int:
    from booster.files import write_atomic
    from booster.tools.translation import core

    texts, problems = ts.read(args.lang)
    if problems:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{ts.file(args.lang)}: fix the problems above first; nothing was written", file=sys.stderr)
        return 1
    target = core.flat(texts)
    known, _ = core.known_origins(ts, args.lang, target)
    notes = _notes(args)
    entries = []
    for path, source in core.flat(ts.source).items():
        tr = target.get(path, "")
        was = known[path].was if path in known else source
        stale = bool(tr) and was != source
        note = [notes[path]] if path in notes else []
        entries.append(Entry(path, source, tr, stale, was if stale else None, note, bool(_placeholders(source))))
    header = {
        "Project-Id-Version": ts.label,
        "Language": args.lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": ts.source_lang,
    }
    out = Path(args.output or f"{ts.stem}.{args.lang}.po")
    try:  # never over the texts it was made from (-o text.fr.yaml), a pipe, a link or a device
        write_atomic(out, write(entries, header).encode("utf-8"), inputs=[ts.file(args.lang), ts.file(ts.source_lang)])
    except OSError as e:
        print(f"Cannot write {out}: {e.strerror or e}.", file=sys.stderr)
        return 1
    done = sum(1 for e in entries if e.target)
    fuzzy = sum(1 for e in entries if e.fuzzy)
    print(f"wrote {out}: {len(entries)} texts, {done} translated ({fuzzy} fuzzy: their source changed since)")
    return 0


def import_(ts: Any, args: argparse.Namespace) -> int:
    from booster.tools.translation import core
    from booster.tools.translation.translate import card_notes, translate

    path = Path(args.po)
    try:
        entries, problems = read(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as why:
        print(f"{path}: cannot read the file ({why.__class__.__name__})", file=sys.stderr)
        return 1
    if problems:
        for n, sentence in problems:
            print(f"{path}:{n}:1: {sentence}", file=sys.stderr)
        print(f"{path}: nothing was imported", file=sys.stderr)
        return 1
    source = core.flat(ts.source)
    ts.adopt(args.lang)  # the installed program's own file is copied to the translator's folder first
    texts, read_problems = ts.read(args.lang)
    if read_problems:
        for p in read_problems:
            print(p, file=sys.stderr)
        print(f"{ts.file(args.lang)}: fix the problems above first; nothing was imported", file=sys.stderr)
        return 1
    target = core.flat(texts)
    origins, _ = core.read_origins(ts.sidecar(args.lang))
    taken = same = fuzzy = 0
    unknown = []
    for e in entries:
        if e.context not in source:
            unknown.append(e.context or e.source[:30])
            continue
        if not e.target:
            continue
        # A translation equal to its source ("Personas", "Canvas") is the translator's choice: an
        # untranslated entry has an empty msgstr.
        same += e.target == e.source
        target[e.context] = e.target
        # What it was made from: the msgid it translates, or for a fuzzy entry the msgid before the change.
        origins[e.context] = (e.previous if e.previous is not None else "") if e.fuzzy else e.source
        fuzzy += e.fuzzy
        taken += 1
    core.write_origins(ts.sidecar(args.lang), args.lang, ts.source_lang, origins, source)
    nested = _nest(target)
    code = translate(ts, args.lang, {} if args.ui else card_notes(Path(args.path)), rewrite_only=True, given=nested)
    if code:
        return code
    print(
        f"imported {taken} translations from {path} into {ts.file(args.lang)} ({fuzzy} fuzzy, kept as stale)"
        + (f"; {same} the same as their source (fine for names: deck status lists them)" if same else "")
        + (f"; {len(unknown)} entries name no text of the source: {', '.join(unknown[:5])}" if unknown else "")
    )
    return 0


def _nest(flat: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in flat.items():
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
        node[parts[-1]] = value
    return out
