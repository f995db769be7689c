# SPDX-License-Identifier: MIT
"""Saved games: the setup, the action log with the time of each decision, and what the game was played with.

A save is JSON, written through the one atomic writer (`booster.files`), so a crash or a kill at any instant
leaves the old file or the new one, never a torn one. Replaying the log on the deck gives back every state.

A game's autosave (`Autosave`) writes that whole file (with its copy of the deck, half a megabyte) once per
game, and again only when something other than a new decision changes (an undo, the language); each new
decision is appended to a journal beside it (`game-X.json.journal`, one JSON line per action, named by the
file's `journal` id) and flushed to disk before the game goes on: forty phones answering at once cost one
short append, not forty rewrites. `load` reads the file and its journal together; a torn last line (a kill
during an append) is a decision nobody was told was recorded, and is left out.

Scores are recomputed by replaying, so a save is pinned to its deck: it holds a fingerprint of the deck's
files and a copy of them. A deck edited after the game (one changed effect) would otherwise rewrite the game
silently; `deck_for` replays on the copy and says so in a sentence.

Each game has its own file in `games/` of the data folder, locked while a window plays it (`lock`): a
second instance starting at the same time never writes over the first one's game, and can open it read-only.

A save may be edited by hand: `load` checks every value it uses (types, sizes, finite numbers, no control
characters or lone surrogates) and answers with a `SaveError` sentence, never another exception.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import secrets
import stat
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from booster import paths
from booster.deck.yaml_safe import shown
from booster.engine import rng
from booster.engine.game import Action, ActionKind, Game, IllegalAction, Mode, Setup
from booster.engine.match import Match
from booster.files import clean_temp_files, write_atomic
from booster.table.projects import check as check_notes

if TYPE_CHECKING:
    from booster.deck.loader import LoadResult
    from booster.engine.model import Deck

FORMAT = "social-impact-booster/save-1"
MAX_SAVE_BYTES = 64 * 1024 * 1024  # a save holds its deck (the core deck is about a quarter of a megabyte)
MAX_DEPTH = 16  # a save nests 4 levels; front-end data a few more
MAX_NAME = 200  # characters of a team name, a language code, a deck id...
MAX_TIMER = 24 * 3600
MAX_TIME = 1e13  # seconds: far beyond any clock's jump, well within a float's exact seconds
_DECK_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml\Z")
_EMPTY: Mapping[str, str] = MappingProxyType({})


class SaveError(Exception):
    """A save file that cannot be used, with a sentence saying why."""

    def __str__(self) -> str:
        # The sentence may quote what the file holds: shown escaped, so that it prints and stays one line.
        return shown(super().__str__())


class Saved(NamedTuple):
    """A game as stored: enough to replay it and to report on it."""

    deck_id: str
    deck_version: str
    deck_path: str  # absolute, so that resume and report work from any folder
    lang: str
    setup: Setup
    log: tuple[Action, ...]
    times: tuple[float, ...]  # seconds since the start of the game at which each action was taken
    started: float  # Unix time of the start
    extra: dict[str, Any]  # front-end data (team colours and shapes, timer...), ignored by the engine
    deck_fingerprint: str = ""  # of the deck files it was played with ("" in saves made before pinning)
    deck_files: Mapping[str, str] = _EMPTY  # file name -> text: a copy of that deck
    deck_copy_damaged: bool = False  # the save had a copy, but it does not match its fingerprint

    def to_json(self) -> dict[str, Any]:
        deck: dict[str, Any] = {"id": self.deck_id, "version": self.deck_version, "path": self.deck_path}
        if self.deck_fingerprint:
            deck["fingerprint"] = self.deck_fingerprint
            deck["files"] = dict(self.deck_files)
        return {
            "format": FORMAT,
            "deck": deck,
            "lang": self.lang,
            "setup": _setup_to_json(self.setup),
            "log": [_entry(a, t) for a, t in zip(self.log, self.times, strict=True)],
            "started": self.started,
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, data: Any) -> Saved:
        """The save `data` holds; SaveError with a sentence naming the first value that is not right."""
        return _read_save(data)

    def replay(self, game: Game) -> Match:
        """The match this save records; SaveError if the deck no longer fits the log."""
        try:
            return Match.replay(game, self.setup, self.log)
        except IllegalAction as e:
            raise SaveError(f"the save does not fit this deck: {e}") from None

    def elapsed(self, now: float | None = None) -> float:
        """Seconds from the start of the game to `now` (Unix time; None: now)."""
        return max(0.0, (time.time() if now is None else now) - self.started)

    def record(self, action: Action, now: float | None = None) -> Saved:
        """This save with one more action, taken now."""
        return self._replace(log=(*self.log, action), times=(*self.times, self.elapsed(now)))

    def undo(self) -> Saved:
        return self._replace(log=self.log[:-1], times=self.times[:-1])

    def pin(self) -> DeckPin | None:
        """The deck files this game is played with, as its save keeps them (None: a save made before pinning)."""
        return DeckPin(self.deck_fingerprint, self.deck_files) if self.deck_fingerprint else None

    def pinned_to(self, pin: DeckPin | None) -> Saved:
        """This save, pinned to another deck (translator mode replays a game on the edited deck)."""
        if pin is None:
            return self._replace(deck_fingerprint="", deck_files=_EMPTY, deck_copy_damaged=False)
        return self._replace(deck_fingerprint=pin.fingerprint, deck_files=pin.files, deck_copy_damaged=False)


def new_save(
    match: Match, deck_path: str, lang: str, extra: dict[str, Any] | None = None, pin: DeckPin | None = None
) -> Saved:
    """A save of `match`, pinned to `pin`: the files the deck was loaded from (`pin_loaded`), never read
    again (they may have been edited since). Without one, the files in `deck_path` are read now."""
    info = match.game.deck.info
    folder = Path(deck_path).absolute() if deck_path else Path()
    if pin is None and deck_path:
        pin = pin_deck(folder)
    saved = Saved(
        info.id,
        info.version,
        str(folder) if deck_path else "",
        lang,
        match.setup,
        match.log,
        (0.0,) * len(match.log),
        time.time(),
        extra or {},
    )
    return saved.pinned_to(pin)


def save(path: Path, saved: Saved) -> None:
    """The whole game in one file (a copy, an export): no journal."""
    write_atomic(path, json.dumps(saved.to_json(), ensure_ascii=False, indent=1))


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


class Autosave:
    """A game's save as it is played: the whole file when more than the log changed, else the new decisions
    appended to its journal, each write flushed to disk (fsync) before `write` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._written: Saved | None = None  # what the file and its journal hold together
        self._journal = ""
        self.rewrites = 0  # whole files written (the tests count them)

    def write(self, saved: Saved) -> None:
        """Make the disk hold `saved`; OSError (or RefusedWrite) if it cannot."""
        before = self._written
        if (
            before is not None
            and _without_log(saved) == _without_log(before)
            and saved.log[: len(before.log)] == before.log
            and saved.times[: len(before.times)] == before.times
            and before.extra.keys() <= saved.extra.keys()
        ):
            changed = {k: v for k, v in saved.extra.items() if k not in before.extra or before.extra[k] != v}
            try:
                self._append(saved, len(before.log), changed)
            except OSError:  # the journal went missing (or a write failed): the whole file again
                self._rewrite(saved)
        else:
            self._rewrite(saved)
        self._written = saved

    def _rewrite(self, saved: Saved) -> None:
        # A new journal id first, in the file; then an empty journal. A kill between the two leaves lines of
        # the old id, which the new file ignores.
        journal = secrets.token_hex(8)
        data = saved.to_json()
        data["journal"] = journal
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1))
        write_atomic(journal_path(self.path), "")
        self._journal = journal
        self.rewrites += 1

    def _append(self, saved: Saved, start: int, extra: dict[str, Any]) -> None:
        """The decisions from `start` on, then the front-end values that changed (the screen on show, the
        timer's time left), one JSON line each."""
        if start == len(saved.log) and not extra:
            return
        lines = "".join(
            json.dumps({"journal": self._journal, "n": i, **_entry(saved.log[i], saved.times[i])}, ensure_ascii=False)
            + "\n"
            for i in range(start, len(saved.log))
        )
        if extra:
            lines += json.dumps({"journal": self._journal, "extra": extra}, ensure_ascii=False) + "\n"
        fd = os.open(journal_path(self.path), os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0))
        try:
            view = memoryview(lines.encode("utf-8"))
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)


def _without_log(saved: Saved) -> Saved:
    """What the journal cannot add to: everything but the log and the front-end values."""
    return saved._replace(log=(), times=(), extra={})


def action_to_json(action: Action) -> dict[str, Any]:
    """An action as a save's log holds it (read back by `_read_save`)."""
    data: dict[str, Any] = {"kind": str(action.kind)}
    if action.option is not None:
        data["option"] = action.option
    if action.tool is not None:
        data["tool"] = action.tool
    if action.team >= 0:
        data["team"] = action.team
    return data


def _setup_to_json(setup: Setup) -> dict[str, Any]:
    # The engine reads a seed modulo 2**64 (rng.seed_state) and a save holds numbers below 2**63 in size: a
    # larger seed is written as the one in that range that starts the same game.
    seed = ((setup.seed & rng.MASK) ^ 1 << 63) - (1 << 63)
    data: dict[str, Any] = {"teams": list(setup.teams), "seed": seed, "scenarios": list(setup.scenarios)}
    if setup.mode is not None:
        data["mode"] = setup.mode
    return data


def _entry(action: Action, t: float) -> dict[str, Any]:
    return {**action_to_json(action), "t": round(t, 3)}


def _with_journal(path: Path, data: Any) -> Any:
    """`data` (a save's JSON) with the decisions its journal adds, in order; a line of another id (an older
    file's), a torn or damaged line and everything after it are left out."""
    journal = data.get("journal") if isinstance(data, dict) else None
    entries = data.get("log") if isinstance(data, dict) else None
    if not isinstance(journal, str) or not isinstance(entries, list):
        return data
    try:
        with open(journal_path(path), "rb") as f:
            raw = f.read(MAX_SAVE_BYTES + 1)
    except OSError:  # no journal: the file holds every decision
        return data
    log = list(entries)
    extra = data.get("extra")
    extra = dict(extra) if isinstance(extra, dict) else {}
    for line in raw.split(b"\n"):
        try:
            entry = json.loads(line.decode("utf-8"), parse_constant=_no_constant)
        except (ValueError, UnicodeDecodeError, RecursionError):
            break
        if not isinstance(entry, dict) or entry.pop("journal", None) != journal:
            continue
        if "extra" in entry:  # front-end values that changed (checked with the rest by `_read_save`)
            if not isinstance(entry["extra"], dict):
                break
            extra.update(entry["extra"])
            continue
        n = entry.pop("n", None)
        if n != len(log):
            if isinstance(n, int) and n < len(log):
                continue  # written twice
            break  # a gap: what follows cannot be placed
        log.append(entry)
    return {**data, "log": log, "extra": extra}


def load(path: Path) -> Saved:
    """The save in `path`; SaveError (a sentence with the file name) if it cannot be used."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise SaveError(f"{path}: not a save file (a folder, a pipe or a device)")
        if st.st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: too large for a save ({st.st_size // 1048576} MiB)")
        with open(path, "rb") as f:
            raw = f.read(MAX_SAVE_BYTES + 1)
        data = _with_journal(path, json.loads(raw.decode("utf-8"), parse_constant=_no_constant))
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as e:
        # ValueError: not JSON, NaN or Infinity, or an integer of thousands of digits
        why = "it is nested too deeply" if isinstance(e, RecursionError) else _quiet(str(e))
        raise SaveError(f"{path}: the save cannot be read ({why})") from None
    try:
        return Saved.from_json(data)
    except SaveError as e:
        raise SaveError(f"{path}: {e}") from None


def room_code(path: Path) -> str | None:
    """The phones' room code the game at `path` was played with; None if it had none or cannot be read."""
    try:
        code = load(path).extra.get("room_code")
    except (SaveError, OSError):
        return None
    return code if isinstance(code, str) else None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save may hold")


# -- checking a save read from disk ----------------------------------------------------------------------


def _quiet(text: str, limit: int = 80) -> str:
    """`text` made safe to show: control characters escaped, cut to `limit` characters."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    return shown + ("..." if len(text) > limit else "")


def _walk(value: Any, where: tuple[str, ...] = ()) -> None:
    """Refuses what nothing in a save may be: too deep, a lone surrogate, a number that is not finite."""

    def damaged(what: str) -> SaveError:
        at = f" at {_quiet('/'.join(where), 120)}" if where else ""
        return SaveError(f"the save is damaged ({what}{at})")

    if len(where) > MAX_DEPTH:
        raise damaged(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise damaged(f"a text holds a lone surrogate: '{_quiet(value)}'") from None
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise damaged("a number is not finite")
    elif isinstance(value, int) and not isinstance(value, bool):
        if not -(1 << 63) <= value < 1 << 63:  # a signed 64-bit integer, as other JSON readers hold
            raise damaged("a number is too large")
    elif isinstance(value, dict):
        for k, v in value.items():
            _walk(k, where)
            _walk(v, (*where, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(v, (*where, str(i)))


def _field(data: Any, key: str, what: str) -> Any:
    if not isinstance(data, dict):
        raise SaveError(f"the save is damaged ({what} is not a mapping)")
    if key not in data:
        raise SaveError(f"the save is damaged (it has no '{key}')")
    return data[key]


def _name(value: Any, what: str, empty: bool = False) -> str:
    """A one-line text: no control character, not too long."""
    if not isinstance(value, str):
        raise SaveError(f"the save is damaged ({what} should be a text, not {_kind(value)})")
    if not value and not empty:
        raise SaveError(f"the save is damaged ({what} is empty)")
    if len(value) > MAX_NAME:
        raise SaveError(f"the save is damaged ({what} is longer than {MAX_NAME} characters)")
    if any(unicodedata.category(c) in ("Cc", "Cs") for c in value):
        raise SaveError(f"the save is damaged ({what} holds a control character: '{_quiet(value)}')")
    return value


def _optional_name(value: Any, what: str) -> str | None:
    return None if value is None else _name(value, what)


def _number(value: Any, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise SaveError(f"the save is damaged ({what} should be a number from {low:g} to {high:g})")
    return float(value)


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", str: "a text", bool: "true or false", type(None): "null"}.get(
        type(value), "a number"
    )


def _read_save(data: Any) -> Saved:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        shown = data.get("format") if isinstance(data, dict) else None
        raise SaveError(f"not a Social Impact Booster save (format {_quiet(repr(shown))})")
    _walk(data)
    deck = _field(data, "deck", "the save")
    deck_id = _name(_field(deck, "id", "the deck"), "the deck id")
    version = _name(_field(deck, "version", "the deck"), "the deck version", empty=True)
    deck_path = deck.get("path", "")
    if not isinstance(deck_path, str) or "\0" in deck_path or len(deck_path) > 4096:
        raise SaveError("the save is damaged (the deck path is not a path)")
    fingerprint = deck.get("fingerprint", "")
    files = deck.get("files", {})
    if not isinstance(fingerprint, str) or (fingerprint and not re.fullmatch(r"[0-9a-f]{64}", fingerprint)):
        raise SaveError("the save is damaged (the deck fingerprint is not one)")
    if not isinstance(files, dict) or not all(
        isinstance(k, str) and _DECK_FILE.match(k) and isinstance(v, str) for k, v in files.items()
    ):
        raise SaveError("the save is damaged (the copy of the deck is not a set of deck files)")
    damaged = bool(fingerprint) and fingerprint != deck_fingerprint(files)
    if damaged:  # an edited copy is no copy; the fingerprint still tells whether the deck found is the one
        files = {}
    lang = _name(_field(data, "lang", "the save"), "the language")

    setup = _field(data, "setup", "the save")
    teams = _field(setup, "teams", "the setup")
    if not isinstance(teams, list) or not teams:
        raise SaveError("the save is damaged (the teams should be a list of names)")
    names = tuple(_name(t, f"team {i + 1}'s name") for i, t in enumerate(teams))
    seed = _field(setup, "seed", "the setup")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise SaveError("the save is damaged (the seed should be a whole number)")
    scenarios = setup.get("scenarios", [])
    if not isinstance(scenarios, list) or len(scenarios) > len(names):
        raise SaveError("the save is damaged (the scenarios should be a list, one per team at most)")
    chosen = tuple(_optional_name(s, "a scenario") for s in scenarios)
    mode = setup.get("mode")
    if mode is not None and mode not in tuple(Mode):
        raise SaveError("the save is damaged (its way to play is neither in-turn nor all-at-once)")

    entries = _field(data, "log", "the save")
    if not isinstance(entries, list):
        raise SaveError("the save is damaged (the log should be a list of actions)")
    log, times = [], []
    for i, entry in enumerate(entries, 1):
        kind = _field(entry, "kind", f"action {i}")
        if kind not in tuple(ActionKind):
            raise SaveError(f"the save is damaged (action {i} is not one of: {', '.join(ActionKind)})")
        option = _optional_name(entry.get("option"), f"the option of action {i}")
        tool = _optional_name(entry.get("tool"), f"the tool of action {i}")
        team = entry.get("team", -1)
        if isinstance(team, bool) or not isinstance(team, int) or not -1 <= team < len(names):
            raise SaveError(f"the save is damaged (action {i} names a team that is not in the game)")
        log.append(Action(ActionKind(kind), option, tool, team))
        # A laptop's clock may go back or jump (a game started in 1970, corrected mid-game): any finite time
        # is kept as it was recorded; only the report's durations look odd.
        times.append(_number(entry.get("t", 0.0), f"the time of action {i}", -MAX_TIME, MAX_TIME))
    started = _number(data.get("started", 0.0), "the start time", -MAX_TIME, MAX_TIME)
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        raise SaveError("the save is damaged (its front-end data is not a mapping)")
    _check_extra(extra)
    if (wrong := check_notes(extra, len(names))) is not None:
        raise SaveError(f"the save is damaged ({wrong})")
    return Saved(
        deck_id,
        version,
        deck_path,
        lang,
        Setup(names, seed, chosen, mode),
        tuple(log),
        tuple(times),
        started,
        dict(extra),
        fingerprint,
        MappingProxyType(dict(files)) if files else _EMPTY,
        damaged,
    )


def _check_extra(extra: dict[str, Any]) -> None:
    """The front-end values the game reads back: a timer in seconds, a language, each team's token."""
    if "timer" in extra:
        timer = extra["timer"]
        if isinstance(timer, bool) or not isinstance(timer, int) or not 0 <= timer <= MAX_TIMER:
            raise SaveError(f"the save is damaged (the timer should be a number of seconds up to {MAX_TIMER})")
    if extra.get("lang") is not None:
        _name(extra["lang"], "the language")
    code = extra.get("room_code")
    # 4 digits in saves made before room codes grew to 10 (a resume then draws a new code).
    if code is not None and not (isinstance(code, str) and len(code) in (4, 10) and code.isdigit() and code.isascii()):
        raise SaveError("the save is damaged (the phones' room code should be 10 digits)")
    tokens = extra.get("tokens")
    if tokens is not None and not (
        isinstance(tokens, list)
        and all(
            isinstance(t, list)
            and len(t) == 2
            and isinstance(t[0], int)
            and not isinstance(t[0], bool)
            and 0 <= t[0] < 64
            and isinstance(t[1], str)
            and len(t[1]) <= 40
            for t in tokens
        )
    ):
        raise SaveError("the save is damaged (the team tokens should be pairs of a colour number and a shape)")


# -- pinned to its deck ----------------------------------------------------------------------------------


class DeckPin(NamedTuple):
    """The deck files a game is played with, and their fingerprint."""

    fingerprint: str
    files: Mapping[str, str]


def deck_fingerprint(files: Mapping[str, str]) -> str:
    """A content fingerprint of deck files: the same files give the same one, on any machine."""
    h = hashlib.sha256()
    for name in sorted(files):
        for part in (name, files[name]):
            raw = part.encode("utf-8", "surrogatepass")
            h.update(len(raw).to_bytes(8, "big"))
            h.update(raw)
    return h.hexdigest()


def pin_deck(folder: Path) -> DeckPin | None:
    """The deck files of `folder` (the files the loader reads) and their fingerprint; None if unreadable."""
    from booster.deck.loader import deck_files

    try:
        # Read as the loader reads them (UTF-8, a BOM dropped, line ends kept), so that a pin made from what
        # was loaded (`pin_loaded`) and one read from the same files agree.
        files = {
            p.name: p.read_bytes().decode("utf-8").removeprefix("\ufeff")
            for p in deck_files(folder)
            if _DECK_FILE.match(p.name)
        }
    except (OSError, UnicodeDecodeError):
        return None
    return DeckPin(deck_fingerprint(files), MappingProxyType(files)) if files else None


def pin_loaded(result: LoadResult) -> DeckPin | None:
    """The pin of the files exactly as the loader read them (`result`): a game started later is pinned to
    the deck it plays, even if the files were edited on disk meanwhile."""
    files = {name: doc.text for name, doc in result.documents.items() if _DECK_FILE.match(name) and doc.text}
    if len(files) != len(result.documents):  # a file it could not read: no copy rather than a false one
        return None
    return DeckPin(deck_fingerprint(files), MappingProxyType(files)) if files else None


_PINNED: dict[str, Deck | None] = {}  # fingerprint -> deck: a merge of many tables loads each copy once


def pinned_deck(saved: Saved) -> Deck | None:
    """The deck the save was played with, from its own copy; None if it holds none or the copy is invalid."""
    key = saved.deck_fingerprint
    if not key or not saved.deck_files:
        return None
    if key not in _PINNED:
        from booster.deck.loader import load_deck

        with tempfile.TemporaryDirectory(prefix="booster-pinned-") as tmp:
            for name, text in saved.deck_files.items():
                (Path(tmp) / name).write_text(text, encoding="utf-8")  # a scratch copy: no atomic write needed
            if len(_PINNED) >= 8:
                _PINNED.clear()
            _PINNED[key] = load_deck(Path(tmp)).deck
    return _PINNED[key]


# Why a save is not replayed on the deck found, as a sentence (the report and the UI translate the keys).
DECK_NOTES = {
    "pinned": "the deck '{deck}' has changed since this game was played: its scores come from the copy of the "
    "deck kept in the save",
    "unpinned": "this save was made before saves kept their deck: its scores are recomputed from the deck "
    "found now, which may have changed",
    "copy_unreadable": "the deck '{deck}' has changed since this game was played, and the save's copy of it "
    "cannot be used: its scores are recomputed from the deck found now",
    "copy_damaged": "the copy of the deck '{deck}' kept in this save is damaged (edited or cut), and the deck "
    "found now is not the one played: its scores are recomputed from the deck found now, which may differ",
    "missing": "the deck '{deck}' is not available",
}


def deck_for(
    saved: Saved, found: Deck | None, found_path: str | Path | None, found_pin: DeckPin | None = None
) -> tuple[Deck | None, str | None]:
    """The deck to replay `saved` on, and the key in DECK_NOTES of what the user should be told (or None).

    The deck found is used when its files are the ones the game was played with; otherwise the save's own
    copy ("pinned"); a save made before pinning falls back to the deck found ("unpinned").
    """
    same_deck = found is not None and found.info.id == saved.deck_id
    # The files `found` was loaded from (`found_pin`), else those in its folder now.
    pin = found_pin or (pin_deck(Path(found_path)) if same_deck and found_path else None)
    if same_deck and pin is not None and pin.fingerprint == saved.deck_fingerprint:
        return found, None
    own = pinned_deck(saved)
    if own is not None:
        # No deck of that name here, or the copy itself was given: its copy is the deck, nothing to say.
        return own, "pinned" if same_deck and own is not found else None
    if not same_deck:
        return None, "missing"
    if saved.deck_copy_damaged:
        return found, "copy_damaged"
    return found, "unpinned" if not saved.deck_fingerprint else "copy_unreadable"


def deck_note(saved: Saved, key: str) -> str:
    return DECK_NOTES[key].format(deck=_quiet(saved.deck_id))


# -- where games live, one file each, locked while played -------------------------------------------------


def data_dir() -> Path:
    """Where autosaves live: $BOOSTER_HOME if set (tests), else the user's data folder."""
    return paths.user_data()


def games_dir() -> Path:
    """One save per game, named by its start time."""
    return data_dir() / "games"


def autosave_path() -> Path:
    """The single autosave of earlier versions: still listed and resumed, never written by a new game."""
    return data_dir() / "autosave.json"


class GameLock:
    """An open, locked `.lock` file beside a save: held while a window plays the game, released by the
    system when the process ends however it ends (so a kill leaves no stale lock)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __del__(self) -> None:
        self.release()


class Locked(SaveError):
    """The game is open in another window."""


def _lock_file(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def lock(path: Path) -> GameLock:
    """Lock the game saved in `path` for this process: Locked if another window has it, OSError if the
    lock file cannot be made (a read-only data folder: then nothing can be saved either)."""
    lock_path = _lock_file(path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    if not _try_lock(fd):
        os.close(fd)
        raise Locked(f"{path.name} is open in another window")
    return GameLock(path, fd)


def is_locked(path: Path) -> bool:
    """Whether a window (this one included) plays the game saved in `path`."""
    try:
        held = lock(path)
    except Locked:
        return True
    except OSError:
        return False
    held.release()
    return False


def new_game(now: float | None = None) -> GameLock:
    """A fresh save path in `games/`, named by the time, locked for this process (OSError if impossible)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if now is None else now))
    folder = games_dir()
    for n in range(1, 1000):
        path = folder / (f"game-{stamp}.json" if n == 1 else f"game-{stamp}-{n}.json")
        if path.exists():
            continue
        try:
            held = lock(path)
        except Locked:  # another window took this name in the same second
            continue
        if path.exists():  # written between our check and our lock
            held.release()
            continue
        return held
    raise OSError(f"no free save name in {folder}")


class GameEntry(NamedTuple):
    """A save on disk, as listed: newest first; read it with `load`."""

    path: Path
    modified: float


def list_games() -> list[GameEntry]:
    """Every game that can be resumed, newest first: `games/`, the old single autosave and its archives."""
    found: list[GameEntry] = []
    for path in _game_files():
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                modified = st.st_mtime
                with contextlib.suppress(OSError):  # its last decisions are in its journal
                    modified = max(modified, os.lstat(journal_path(path)).st_mtime)
                found.append(GameEntry(path, modified))
    return sorted(found, key=lambda e: (-e.modified, e.path.name))


def _game_files() -> Iterator[Path]:
    yield autosave_path()
    for folder, pattern in ((games_dir(), "game-*.json"), (data_dir() / "saves", "autosave-*.json")):
        with contextlib.suppress(OSError):
            yield from folder.glob(pattern)


KEEP_GAMES = 200
PRUNE_RULE = (
    f"Unfinished games are never deleted. A finished game is deleted when {KEEP_GAMES} newer games exist "
    "(copies made with 'Save a copy' never are)."
)


def is_finished(path: Path) -> bool:
    """Whether the game saved at `path` is over (every team exchanged its points); False if unreadable."""
    try:
        saved = load(path)
    except (SaveError, OSError):
        return False  # a damaged save is kept: someone may want to look at it
    return sum(1 for a in saved.log if a.kind == ActionKind.EXCHANGE) >= len(saved.setup.teams)


def prune(keep: int = KEEP_GAMES) -> int:
    """Remove the finished games that have `keep` newer games (never an unfinished one, never one open in a
    window, never a copy the user saved with "Save a copy") and the temporary files of killed writers;
    returns how many games were removed. One long run used to leave eleven thousand files."""
    # Temporary files a kill left behind: those of the one writer (see booster.files), and the ones earlier
    # versions named .autosave.json.XXXXXXXX.tmp, which nothing writes any more.
    for folder in (data_dir(), games_dir()):
        clean_temp_files(folder)
    with contextlib.suppress(OSError):
        for stale in data_dir().glob(".autosave.json.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
    removed = 0
    for entry in list_games()[keep:]:
        if entry.path == autosave_path() or is_locked(entry.path) or not is_finished(entry.path):
            continue
        with contextlib.suppress(OSError):
            entry.path.unlink()
            journal_path(entry.path).unlink(missing_ok=True)
            _lock_file(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed
