# SPDX-License-Identifier: MIT
"""`booster report SAVE -o report.pdf` and `booster report merge A B ... -o workshop.pdf`.

Imported by booster.tools.cli at start, so it imports nothing heavy at module level (fpdf is imported by the PDF
writer only when a PDF is written). Every failure the user can cause (a damaged save, an invalid deck, a folder
that cannot be written) ends with one plain sentence and exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FORMATS = ("pdf", "csv", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.usage = (
        "booster report SAVE [-o OUT] [--format pdf|csv|json] [--lang L] [--deck PATH]\n"
        "       booster report merge SAVE SAVE ... [-o OUT] [--format pdf|csv|json] [--lang L] [--deck PATH]\n"
        "       booster report SAVE --passport [-o FOLDER] [--lang L] [--deck PATH]"
    )
    parser.add_argument("saves", nargs="+", metavar="SAVE", help="a save file, or 'merge' then several save files")
    parser.add_argument("-o", "--output", help="file to write (default: SAVE-report.pdf; '-' for standard output)")
    parser.add_argument("--format", choices=FORMATS, help="pdf (default, or from the output's extension), csv, json")
    parser.add_argument("--lang", help="language of the report (default: the save's)")
    parser.add_argument("--deck", help="deck folder (default: the save's deck, else the core deck)")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists (never a save)")
    parser.add_argument(
        "--passport",
        action="store_true",
        help="write each team's project passport (PDF, Markdown, JSON) into the folder -o (default: SAVE-passports)",
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class _Decks:
    """Decks loaded once per path; problems of an invalid deck are kept for printing."""

    def __init__(self) -> None:
        self.loaded: dict[Path, Any] = {}
        self.problems: dict[Path, list[Any]] = {}

    def load(self, path: Path) -> Any:
        key = path.resolve()
        if key not in self.loaded:
            from booster.deck.loader import load_deck

            result = load_deck(key)
            self.loaded[key] = result.deck
            self.problems[key] = list(result.problems)
        return self.loaded[key]


def _deck_folder(saved_path: str, save_file: Path) -> Path | None:
    """The folder a save names as its deck, tried as given, beside the save and in the checkout."""
    if not saved_path:
        return None
    from booster import paths

    raw = Path(saved_path)
    for candidate in (raw, save_file.parent / raw, paths.PACKAGE.parent / raw, paths.DECKS / raw.name):
        if candidate.is_dir():
            return candidate
    return None


def _print_problems(problems: list[Any]) -> None:
    for p in problems:
        print(p)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found.")


def _table_names(files: list[Path]) -> list[str]:
    """The save file stems, made unique with their folder when two tables share a file name."""
    stems = [f.stem for f in files]
    names = []
    for f, stem in zip(files, stems, strict=True):
        name = f"{f.parent.name}/{stem}" if stems.count(stem) > 1 and f.parent.name else stem
        while name in names:
            name += "'"
        names.append(name)
    return names


def load_played(save_file: Path, deck_arg: str | None) -> tuple[Any, Any]:
    """(the save, the deck it was played with) for one save file: the deck given, else the save's own, else
    the core deck; the save's copy of its deck if the one found has changed. SaveError with a sentence."""
    from booster import paths
    from booster.table.saves import SaveError, deck_for, load

    saved = load(save_file)
    deck_path = Path(deck_arg) if deck_arg else _deck_folder(saved.deck_path, save_file) or paths.CORE_DECK
    found = _Decks().load(deck_path) if deck_path.is_dir() else None
    replay, _note = deck_for(saved, found, deck_path)
    if replay is None:
        raise SaveError(f"the deck '{deck_path}' cannot be used, and the save holds no copy of its own")
    return saved, replay


def _passports(save_file: Path, args: argparse.Namespace) -> int:
    """`booster report SAVE --passport -o FOLDER`: one passport per team, in the save's language or --lang."""
    from booster.files import RefusedWrite
    from booster.paper.passport_pdf import write_passports
    from booster.table.saves import SaveError

    folder = Path(args.output or f"{save_file.stem}-passports")
    if folder.exists() and not folder.is_dir():
        _say(f"Cannot write the passports: {folder} is a file, not a folder.")
        return 2
    try:
        saved, deck = load_played(save_file, args.deck)
        written = write_passports(saved, deck, args.lang or saved.lang, folder, inputs=[save_file])
    except SaveError as e:
        _say(f"Cannot make the passports: {e}.")
        return 1
    except RefusedWrite as e:
        _say(f"Cannot write the passports: {e}.")
        return 2
    except OSError as e:
        _say(f"Cannot write the passports to {folder}: {e.strerror or e}.")
        return 1
    print(f"{len(written)} passport{'s' * (len(written) != 1)} written to {folder} (PDF, Markdown and JSON).")
    return 0


def main(args: argparse.Namespace) -> int:
    from booster import paths
    from booster.table.saves import SaveError, load, pinned_deck

    items = list(args.saves)
    merged = items[0] == "merge"
    if merged:
        items = items[1:]
        if not items:
            _say("'report merge' needs at least one save file.")
            return 2
    elif len(items) > 1:
        _say("Give one save file, or 'merge' followed by several save files.")
        return 2
    files = [Path(p) for p in items]
    if args.passport:
        if merged:
            _say("A passport is made from one save: give one save file, without 'merge'.")
            return 2
        return _passports(files[0], args)

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in FORMATS else "pdf"
    if args.output == "-" and fmt == "pdf":
        _say("A PDF cannot go to standard output: give a file name with -o.")
        return 2

    out = args.output or (f"workshop-report.{fmt}" if merged else f"{files[0].stem}-report.{fmt}")
    if out != "-":
        from booster.deck.loader import deck_files
        from booster.files import RefusedWrite, check_output

        deck_dirs = [Path(args.deck)] if args.deck else []
        read = [*files, *(f for d in deck_dirs if d.is_dir() for f in deck_files(d))]
        try:  # before any work: never replace a save, a deck file or another file without --force
            check_output(out, read, decks=deck_dirs, force=args.force)
        except RefusedWrite as e:
            _say(f"Cannot write the report: {e}.")
            return 2

    decks = _Decks()
    names = _table_names(files)
    saves: list[tuple[str, Any, Path]] = []
    skipped: list[tuple[str, str]] = []
    for name, f in zip(names, files, strict=True):
        try:
            saves.append((name, load(f), f))
        except SaveError as e:
            if not merged:
                _say(f"Cannot make a report: {e}.")
                return 1
            skipped.append((name, str(e)))  # said with the other notes once the report is written
    if not saves:
        for _, reason in skipped:
            _say(f"{reason}.")
        _say("Cannot make a report: none of the saves can be read.")
        return 1

    # The report deck: --deck, else the first save's own deck, else the core deck.
    _, first, first_file = saves[0]
    if args.deck:
        deck_path = Path(args.deck)
    else:
        found = _deck_folder(first.deck_path, first_file)
        if found is None and first.deck_path:
            _say(f"The deck '{first.deck_path}' named in {first_file} is not found: using the core deck.")
        deck_path = found or paths.CORE_DECK
    deck: Any = decks.load(deck_path) if deck_path.is_dir() else None
    report_path: Path | None = deck_path
    if deck is None and not args.deck and (kept := pinned_deck(first)) is not None:
        # The deck folder is gone or broken now, but the save carries the deck it was played with.
        _say(f"The deck folder '{deck_path}' cannot be used now: the report uses the copy kept in {first_file}.")
        deck, report_path = kept, None
    if deck is None:
        if not deck_path.is_dir():
            _say(f"Cannot make a report: the deck folder '{deck_path}' does not exist.")
        else:
            _print_problems(decks.problems[deck_path.resolve()])
        return 1

    lang = args.lang or first.lang
    from booster.table.saves import deck_for

    entries = []
    deck_notes = []
    for name, saved, f in saves:
        found, found_path = deck, report_path
        if merged:  # a table replays best on the deck it was played with, when that deck is still here
            own = _deck_folder(saved.deck_path, f)
            own_deck = decks.load(own) if own is not None else None
            if own is not None and own_deck is not None and own_deck.info.id == saved.deck_id:
                found, found_path = own_deck, own
        # The deck it was played with: the one found if its files are unchanged, else the save's own copy.
        replay, note = deck_for(saved, found, found_path)
        entries.append((name, saved, [d for d in (replay, found, deck) if d is not None]))
        if note is not None and note != "missing":
            deck_notes.append((name, saved.deck_id, note))

    from booster.paper.collect import build_session
    from booster.paper.export import session_note, to_csv, to_json_text, write_session

    try:
        session = build_session(entries, deck, lang, merged=merged)
    except SaveError as e:
        _say(f"Cannot make a report: {e}.")
        return 1
    for name, deck_id, note in deck_notes:
        session.note(f"deck_{note}", table=name, deck=deck_id)
    for name, reason in skipped:
        session.note("skipped", table=name, reason=reason)
    if merged and not session.tables:
        for key, fields in session.notes:
            _say(session_note(session, key, fields))
        _say("Cannot make a report: no save replays on the deck.")
        return 1

    try:
        if out == "-":
            sys.stdout.write(to_csv(session, bom=False) if fmt == "csv" else to_json_text(session))
        else:
            write_session(session, out, fmt, inputs=files)
    except OSError as e:
        _say(f"Cannot write the report to {out}: {e.strerror or e}.")
        return 1
    if out != "-":
        for key, fields in session.notes:
            _say(session_note(session, key, fields))
        teams = len(session.teams)
        print(
            f"Report written to {out} ({len(session.tables)} table{'s' * (len(session.tables) != 1)}, "
            f"{teams} team{'s' * (teams != 1)})."
        )
    return 0
