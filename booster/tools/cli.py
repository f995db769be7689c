# SPDX-License-Identifier: MIT
"""The `booster` command line: thin wrappers that parse arguments and call the package's modules."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from booster import __version__, paths
from booster.deck import schemas
from booster.deck.loader import LoadResult, load_deck
from booster.deck.yaml_safe import shown
from booster.engine import compiled


def refused_note(result: LoadResult) -> str:
    """One sentence on the translations left out of a usable deck (empty when there are none)."""
    if result.deck is None or not result.refused:
        return ""
    from booster.text.i18n import language_label

    langs = ", ".join(language_label(lang) for lang in sorted(result.refused))
    return (
        f"left out until their problems are fixed: the {langs} text{'s' if len(result.refused) > 1 else ''}; "
        f"the other languages can be used"
    )


def _deck_or_exit(path: str, result: LoadResult | None = None):
    result = result or load_deck(path)
    if result.deck is None:
        _print_problems(result.problems)
        sys.exit(1)
    if note := refused_note(result):  # a broken translation does not stop the others
        print(note, file=sys.stderr)
    return result.deck


def _print_problems(problems) -> None:
    for p in problems:
        print(p)
    n = len(problems)
    print(f"{n} problem{'s' if n != 1 else ''} found.")


def cmd_deck_check(args: argparse.Namespace) -> int:
    from booster.text import i18n

    result = load_deck(args.path)
    # The program's own strings (screen, print, report) are checked with every deck: a translator of the
    # deck is usually their translator too.
    ui_problems, ui_warnings = i18n.check_all()
    from booster.tools import fit

    ui_problems += fit.problems(result, args.path)
    for w in [*result.warnings, *ui_warnings]:
        print(f"{w.file}:{w.line}:{w.col}: warning: {w.message}")
    if result.deck is None:
        _print_problems([*result.problems, *ui_problems])
        return 1
    if result.problems or ui_problems:  # only translations are broken: what is left plays, but is not valid
        _print_problems([*result.problems, *ui_problems])
        if note := refused_note(result):
            print(note)
        return 1
    deck = result.deck
    n = len(result.warnings)
    warned = f" ({n} warning{'s' if n != 1 else ''})" if n else ""
    print(shown(f"{args.path}: deck '{deck.info.id}' version {deck.info.version} is valid{warned}."))
    by_kind = Counter(c.kind for c in deck.cards.values())
    print(f"{len(deck.cards)} cards: " + ", ".join(f"{n} {k}" for k, n in by_kind.items()))
    for stage in deck.rules.stage_ids:
        counts = Counter(c.kind for c in deck.cards.values() if c.stage == stage)
        print(f"  {stage}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    from booster.deck.coverage import coverage
    from booster.text.i18n import interface_count, language_label
    from booster.text.i18n import languages as interface_languages

    def counted(done: int, total: int, unit: str) -> str:
        return f"{done}/{total} {unit} ({done / total:.0%})" if total else f"no {unit}"

    # The counts `deck status` and the start screen show (booster.deck.coverage.is_translated).
    for lang, (done, total) in coverage(deck).items():
        mark = ", the source" if lang == deck.info.source_language else ""
        ui = counted(*interface_count(lang), "interface strings")
        print(f"language {language_label(lang)}: {counted(done, total, 'deck texts')}{mark}; {ui}")
    if only := [x for x in interface_languages() if x not in deck.texts]:
        print(
            "interface only: "
            + ", ".join(f"{language_label(x)} {counted(*interface_count(x), 'interface strings')}" for x in only)
        )
    return 0


def cmd_deck_list(args: argparse.Namespace) -> int:
    from booster.text.i18n import language_label

    mine = paths.user_decks()
    if mine.is_dir():  # the modelines of the decks there name ../../schemas: put them there
        with contextlib.suppress(OSError):
            schemas.install()
    seen: set[str] = set()
    for name, folder in paths.decks():
        result = load_deck(folder)
        if result.deck is None:
            about = f"does not load: {len(result.problems)} problems (booster deck check {name})"
        else:
            deck = result.deck
            title = deck.text(deck.info.source_language, "deck", "title") or deck.info.id
            about = f"{title}, " + ", ".join(language_label(lang) for lang in sorted(deck.texts))
        where = "yours" if folder.parent == mine else "bundled"
        hidden = " (hidden by yours of the same name)" if name in seen else ""
        seen.add(name)
        # Escaped: a folder named with ESC[2J would clear the terminal, one with a newline would forge a line.
        print(shown(f"{name}: {about} [{where}{hidden}] {folder}"))
    print(shown(f"Your decks folder: {mine} (a deck folder put there is played with --deck FOLDER-NAME)"))
    return 0


def cmd_deck_schema(args: argparse.Namespace) -> int:
    if args.install:
        try:
            folder = schemas.install()
        except OSError as e:
            print(f"cannot write the schemas: {e}", file=sys.stderr)
            return 1
        print(f"schemas written to {folder}: files in your decks folder name them on their first line")
        return 0
    if args.kind:
        print(schemas.schema_text(args.kind), end="")
        return 0
    print("The kinds of deck file, each with its JSON Schema (booster deck schema KIND prints it):")
    for kind in schemas.KINDS:
        print(f"  {kind}: {schemas.ABOUT[kind]}")
    print("booster deck schema --install puts them beside your decks, where your files' first lines find them.")
    return 0


BALANCE_GAMES = 2000


def _wrong_run(deck, args: argparse.Namespace) -> str | None:
    """Why `simulate` or `balance` cannot play these games with this deck, or None."""
    if not deck.rules.min_teams <= args.teams <= deck.rules.max_teams:
        return f"this deck is played by {deck.rules.min_teams} to {deck.rules.max_teams} teams"
    if args.games < 1:
        return "--games must be at least 1"
    return None


def cmd_simulate(args: argparse.Namespace) -> int:
    from booster.tools.simulate import format_report, simulate

    result = load_deck(args.path)
    deck = _deck_or_exit(args.path, result)
    if (wrong := _wrong_run(deck, args)) is not None:
        print(wrong, file=sys.stderr)
        return 2
    if args.save:
        from booster.deck.loader import deck_files
        from booster.files import RefusedWrite, check_output

        try:  # before the games are played: a save goes to a new file, outside the deck
            check_output(args.save, deck_files(Path(args.path)), decks=[args.path], save=True)
        except RefusedWrite as e:
            print(f"Cannot write {args.save}: {e}", file=sys.stderr)
            return 2
    report = simulate(deck, args.games, args.teams, args.seed, args.policy, args.mode)
    speed = report.pop("speed")
    setup, log = report.pop("last_game")
    if args.save:
        from booster.engine.game import Game
        from booster.engine.match import Match
        from booster.table import saves

        match = Match.replay(Game(deck), setup, log)
        try:
            saved = saves.new_save(match, args.path, deck.info.source_language, pin=saves.pin_loaded(result))
            saves.save(Path(args.save), saved)
        except OSError as e:
            print(f"Cannot write {args.save}: {e}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(format_report(report))
    # Speed changes from run to run: it goes to stderr so that stdout is the same for the same seed.
    print(
        f"speed: {speed['games_per_s']} games/s, {speed['actions_per_s']} actions/s "
        f"({report['total_actions']} actions in {speed['seconds']} s, {speed['processes']} processes)",
        file=sys.stderr,
    )
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    from booster.tools.balance import balance, format_report

    result = load_deck(args.path)
    if result.deck is None:
        _print_problems(result.problems)
        return 1
    deck = result.deck
    if (wrong := _wrong_run(deck, args)) is not None:
        print(wrong, file=sys.stderr)
        return 2
    other: dict[str, Any] | None = None
    if args.diff:
        compared = _balance_to_compare(args)
        if isinstance(compared, int):
            return compared
        other = compared
    if args.quick and args.games == BALANCE_GAMES:
        args.games = 200
    warnings = [w.message for w in result.warnings]
    report = balance(
        deck, args.games, args.teams, args.seed, warnings, progress=not args.quiet, mode=args.mode, quick=args.quick
    )
    if args.json:
        print(json.dumps(report if other is None else {"report": report, "other": other}, indent=2, ensure_ascii=False))
    else:
        print(format_report(report, other))
    return 0


def _balance_to_compare(args: argparse.Namespace) -> dict[str, Any] | int:
    """The report `--diff` compares with: a saved JSON report, or another deck played with the same flags."""
    from booster.tools.balance import balance

    path = Path(args.diff)
    if path.is_file() and path.suffix == ".json":
        try:
            saved = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"Cannot read {path} as a balance report: {e}", file=sys.stderr)
            return 1
        if not isinstance(saved, dict) or "policies" not in saved:
            print(f"{path} is not a report of `booster balance --json`", file=sys.stderr)
            return 1
        return saved.get("report", saved)
    result = load_deck(args.diff)
    if result.deck is None:
        _print_problems(result.problems)
        return 1
    games = 200 if args.quick and args.games == BALANCE_GAMES else args.games
    return balance(result.deck, games, args.teams, args.seed, progress=not args.quiet, mode=args.mode, quick=args.quick)


def cmd_play(args: argparse.Namespace) -> int:
    try:
        from booster.ui.play import run
    except ImportError:  # no front end in this build: play in the terminal
        args.text = True
    if args.text:
        from booster.tools.textplay import play_text

        if getattr(args, "phones", None) is not None:
            print("--phones needs the window: the terminal game has no phones", file=sys.stderr)
            return 2

        deck = _deck_or_exit(args.deck)
        return play_text(deck, args.lang or deck.info.source_language, args.teams, args.seed)
    from booster.text import i18n
    from booster.tools import fit

    if getattr(args, "watch", False):
        args.check = fit.problems  # the watch says what `deck check` says, texts too long included
    if args.lang and (note := i18n.language_note(args.lang, i18n.Strings(args.lang, mark_missing=False))):
        print(note, file=sys.stderr)  # the start screen says it too
    return run(args)


# Commands that live in their own modules: each module has configure(parser) and main(args) -> int.
# A missing module (a front end not installed) gives a plain message rather than a traceback.
PLUGGED = {
    ("screenshot",): ("booster.tools.screenshot", "render any scene of a seeded demo game to a PNG"),
    ("deck", "status"): ("booster.tools.translation.status", "what each language has translated, missing or stale"),
    ("deck", "translate"): (
        "booster.tools.translation.translate",
        "create or complete text.LANG.yaml for a translator",
    ),
    ("deck", "confirm"): ("booster.tools.translation.confirm", "mark stale translations as checked"),
    ("deck", "po"): (
        "booster.tools.translation.po",
        "export a translation to a PO file, or import one (Poedit, Weblate)",
    ),
    ("deck", "preview"): ("booster.tools.preview", "PNG images of cards exactly as the game draws them"),
    ("deck", "print"): ("booster.paper.deck_pdf", "a print-and-play PDF of a deck"),
    ("replay",): ("booster.tools.replay", "a team's decision answered otherwise: the two ends side by side"),
    ("report",): ("booster.tools.report", "a session report (PDF, CSV or JSON) from a save; 'report merge' for tables"),
}


def _plug(sub: argparse._SubParsersAction, name: str, module: str, help_: str) -> None:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ImportError as e:
        if not (e.name or "").startswith("booster"):
            raise
        parser = sub.add_parser(name, help=f"{help_} (not available in this build)")
        parser.set_defaults(func=lambda _args: _unavailable(module))
        return
    parser = sub.add_parser(name, help=help_, description=help_)
    mod.configure(parser)
    parser.set_defaults(func=mod.main)


def _unavailable(module: str) -> int:
    print(f"this command is not available in this build ({module} is missing)", file=sys.stderr)
    return 1


DECK_HELP = "a deck folder, or the name of one in `booster deck list` (default: the core deck)"
MODES = ("in-turn", "all-at-once")
MODE_HELP = "teams play in turn or all at once (default: the deck's rules)"


def _resolve_decks(args: argparse.Namespace) -> str | None:
    """Turn every deck argument (`path`, `--deck`) given as a name into its folder; an absent `path` is the
    core deck. Returns a sentence if a name matches no deck."""
    for attr in ("path", "deck"):
        if not hasattr(args, attr):
            continue
        value = getattr(args, attr)
        if value is None:
            if attr == "path":  # `--deck` left out keeps its meaning (a report's deck is the save's)
                setattr(args, attr, str(paths.CORE_DECK))
            continue
        found = paths.find_deck(value)
        if found is not None:
            setattr(args, attr, str(found))
        elif len(Path(value).parts) == 1:
            names = ", ".join(sorted({name for name, _ in paths.decks()})) or "none"
            return (
                f"no deck folder or deck named '{value}' (decks: {names}; `booster deck list` says where they are, "
                f"and a deck folder put in {paths.user_decks()} is found by its name)"
            )
    return None


def build_parser() -> argparse.ArgumentParser:
    from booster.table import saves

    parser = argparse.ArgumentParser(prog="booster", description="Social Impact Booster, a serious game engine.")
    engine = "compiled" if compiled() else "interpreted"  # what CI checks of a wheel and the app (.ci/run)
    parser.add_argument("--version", action="version", version=f"booster {__version__} (engine {engine})")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser(
        "play",
        help="play the game (the default command)",
        # Where a facilitator finds a game again: the user's data folder, never the installed package.
        epilog=f"Every game is saved after each decision, one file per game, in\n  {saves.games_dir()}\n"
        "The start screen offers the unfinished ones; `booster report FILE` writes a session report.\n"
        + saves.PRUNE_RULE,
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the folder on a line of its own, whole
    )
    play.add_argument("--deck", default=str(paths.CORE_DECK), help=DECK_HELP)
    play.add_argument("--lang", help="language (default: the system's, else the deck's source language)")
    play.add_argument("--text", action="store_true", help="play in the terminal instead of a window")
    play.add_argument("--teams", type=int, default=2, help="number of teams (terminal play)")
    play.add_argument("--seed", type=int, default=None, help="random seed")
    play.add_argument("--size", help="window size, e.g. 1280x720")
    play.add_argument("--fullscreen", action="store_true", help="start in full screen")
    play.add_argument("--watch", action="store_true", help="reload the deck when its files change (translators)")
    play.add_argument("--mark-missing", action="store_true", help="mark UI strings missing in --lang (translators)")
    play.add_argument(
        "--phones",
        nargs="?",
        const="",
        metavar="HOST[:PORT]",
        help="teams answer from their phones on the local network; prints the address (default: this laptop's "
        "local network address, port 8737)",
    )
    play.set_defaults(func=cmd_play)

    deck = sub.add_parser("deck", help="check and inspect decks")
    deck_sub = deck.add_subparsers(dest="deck_command", required=True)
    check = deck_sub.add_parser("check", help="check a deck folder and report every problem")
    check.add_argument("path", nargs="?", help=DECK_HELP)
    check.set_defaults(func=cmd_deck_check)
    listing = deck_sub.add_parser("list", help="the decks --deck NAME finds: yours, then the bundled ones")
    listing.set_defaults(func=cmd_deck_list)
    schema = deck_sub.add_parser("schema", help="print the JSON Schema of a deck file kind")
    schema.add_argument("kind", nargs="?", choices=schemas.KINDS, help="the kind of file; none lists the kinds")
    schema.add_argument("--install", action="store_true", help="put the schemas beside your decks for your editor")
    schema.set_defaults(func=cmd_deck_schema)

    for path, (module, help_) in PLUGGED.items():
        if path[0] == "deck":
            _plug(deck_sub, path[1], module, help_)
        else:
            _plug(sub, path[0], module, help_)

    sim = sub.add_parser("simulate", help="play many games headless and print balance figures")
    sim.add_argument("path", nargs="?", help=DECK_HELP)
    sim.add_argument("--games", type=int, default=1000)
    sim.add_argument("--teams", type=int, default=4)
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--policy", choices=("random", "greedy"), default="random")
    sim.add_argument("--mode", choices=MODES, help=MODE_HELP)
    sim.add_argument("--json", action="store_true", help="print JSON")
    sim.add_argument("--save", metavar="FILE", help="write the last game as a save that `booster report` reads")
    sim.set_defaults(func=cmd_simulate)

    bal = sub.add_parser("balance", help="play a deck by rules of thumb and best play: are its choices real?")
    bal.add_argument("path", nargs="?", help=DECK_HELP)
    bal.add_argument("--games", type=int, default=BALANCE_GAMES)
    bal.add_argument("--teams", type=int, default=4)
    bal.add_argument("--seed", type=int, default=1)
    bal.add_argument("--mode", choices=MODES, help=MODE_HELP)
    bal.add_argument("--json", action="store_true", help="print one JSON object (for CI)")
    bal.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    bal.add_argument("--quick", action="store_true", help="small samples (200 games unless --games): a few seconds")
    bal.add_argument("--diff", metavar="OTHER", help="another deck, or a saved --json report: figures side by side")
    bal.set_defaults(func=cmd_balance)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    # `booster` alone, or with play's options only (`booster --lang fr`), plays.
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if problem := _resolve_decks(args):
        print(problem, file=sys.stderr)
        return 2
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
