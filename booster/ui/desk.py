# SPDX-License-Identifier: MIT
"""What the window shows, apart from the window: the deck on screen and its watcher, the language, the game
open and its save's lock, the saved games on offer, the teams' phones.

No drawing and no events here: `App` (booster/ui/app.py) is this desk with a window, a loop and a scene stack,
and gives it the three things it needs back from the screen: `toast`, `show_game` and `go_start`.
"""

from __future__ import annotations

import abc
import contextlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import IllegalAction, Setup
from booster.engine.model import Deck
from booster.phones.code import is_room_code
from booster.table import saves
from booster.table.controller import GameController
from booster.table.shelf import Shelf, open_game
from booster.ui import window
from booster.ui.carddraw import card_text
from booster.ui.i18n import FALLBACK, Strings, complete, offered_languages, preferred_language
from booster.ui.watch import DeckWatcher

if TYPE_CHECKING:
    from booster.phones.service import Phones


@dataclass(frozen=True)
class Options:
    """How the game was started (the command line's `play` options)."""

    deck: str | None = None
    lang: str | None = None
    seed: int | None = None
    watch: bool = False
    fullscreen: bool = False
    mark_missing: bool | None = None
    text_scale: float = 1.0
    phones: str | None = None  # --phones: "" for the local network's address, else HOST[:PORT]
    # More checks of a deck reloaded in watch mode, as (load result, deck path) -> problems: the command line
    # passes `deck check`'s measure of texts too long for their card (booster.tools.fit).
    check: Callable[[Any, str], list[Any]] | None = None

    @classmethod
    def from_args(cls, args: Any) -> Options:
        seed = getattr(args, "seed", None)
        return cls(
            deck=getattr(args, "deck", None),
            lang=getattr(args, "lang", None),
            seed=None if seed is None else int(seed),
            watch=bool(getattr(args, "watch", False)),
            fullscreen=bool(getattr(args, "fullscreen", False)),
            mark_missing=getattr(args, "mark_missing", None),
            phones=getattr(args, "phones", None),
            check=getattr(args, "check", None),
        )


class Desk(abc.ABC):
    """The deck, the language, the game, the saved games and the phones of one window."""

    def __init__(self, options: Options, clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options
        self.clock = clock
        self.dirty = True  # something changed that the window must draw again
        self.deck_path = Path(options.deck or paths.CORE_DECK)
        self.deck: Deck | None = None
        # The files the deck on screen was read from, read with it: a new game's save is pinned to them, not
        # to whatever the folder holds when the game starts (a translator may have saved an edit meanwhile).
        self.pin: saves.DeckPin | None = None
        self.problems: list[str] = []  # why the deck on screen cannot be played (the error screen shows them)
        self.watch_problems: list[str] = []  # why a translator's last edit cannot be shown
        self.watching = options.watch
        self.watcher = DeckWatcher(self.deck_path) if self.watching else None
        # Without --watch, an edit on disk changes nothing until the facilitator reloads (Ctrl+R): a toast says so.
        self.disk_watch: DeckWatcher | None = None
        self.last_poll = 0.0
        self.game: GameController | None = None
        # One save per game, locked while this window plays it (see booster.table.saves).
        self.game_lock: saves.GameLock | None = None
        self.shelf = Shelf()  # the saved games the start screen offers
        self.phones: Phones | None = None  # the teams' phones (booster.phones), when played with --phones
        self.room_code: str | None = None  # the phones' room code of this run: kept while they are off
        self._phones_shown: GameController | None = None  # the game the join panel was last shown for
        self.wakeup = threading.Event()  # set from another thread to end the loop's nap at once
        with contextlib.suppress(OSError):
            if pruned := saves.prune():
                print(f"Deleted {pruned} finished game{'s' if pruned > 1 else ''}: {saves.PRUNE_RULE}", flush=True)
        self._load(self.deck_path)
        # Unasked, only a language with its whole interface: an incomplete one is chosen on the switch.
        picked = tuple(x for x in self.languages() if complete(x))
        source = self.deck.info.source_language if self.deck else FALLBACK
        self.lang = options.lang or preferred_language(picked, source)
        self.t = Strings(self.lang, options.mark_missing)

    # What the window does for the desk.
    @abc.abstractmethod
    def toast(self, text: str) -> None:
        """Say `text` for a moment in the message strip."""

    @abc.abstractmethod
    def show_game(self, keep: bool = False) -> None:
        """Show the screen the game open owes now."""

    @abc.abstractmethod
    def go_start(self) -> None:
        """Show the start screen (or, for a deck with problems, the error screen)."""

    # -- deck and language ---------------------------------------------------------------------------------

    def _load(self, path: Path) -> bool:
        result = load_deck(path)
        self.deck_path = path
        self.disk_watch = DeckWatcher(path, ui=False) if not self.watching else None
        if result.deck is None:
            self.deck = None
            self.problems = [str(p) for p in result.problems]
            return False
        self.deck, self.problems = result.deck, []
        self.pin = saves.pin_loaded(result)
        return True

    def languages(self) -> tuple[str, ...]:
        return offered_languages(self.deck)

    def next_language(self, step: int = 1) -> None:
        """The switch: forward, round the languages whose interface is complete (French to English never
        passes through a half-translated one); backward (Left on the start screen), round every language
        the deck has, the incomplete ones included, for their translators and the curious."""
        langs = list(self.languages())
        if step > 0:
            langs = [x for x in langs if complete(x)] or langs
        if self.lang not in langs:
            langs.append(self.lang)
        self.set_language(langs[(langs.index(self.lang) + step) % len(langs)])

    def deck_text(self, *path: str) -> str:
        return card_text(self.deck, self.lang, *path, mark=self.t.mark_missing) if self.deck else ""

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.t = Strings(lang, self.t.mark_missing)
        if self.game is not None:
            self.game.set_language(lang)
        self.dirty = True

    def deck_changed(self, now: float) -> bool:
        """A look at the deck's files now and then: True when a translator's edit is to be shown (--watch);
        without --watch, a toast says the files changed (Ctrl+R reads them)."""
        if self.watcher is not None and now - self.last_poll >= 0.25:
            self.last_poll = now
            return self.watcher.changed()
        if self.disk_watch is not None and now - self.last_poll >= 2.0:  # at the next event: an idle loop sleeps
            self.last_poll = now
            if self.disk_watch.changed():
                self.toast(self.t("toast.deck_changed_on_disk"))
        return False

    def deck_candidates(self) -> list[Path]:
        found = [self.deck_path, *(folder for _, folder in paths.decks())]
        out: list[Path] = []
        for p in found:
            if p.resolve() not in [q.resolve() for q in out]:
                out.append(p)
        return out

    def next_deck(self) -> None:
        """Show the next deck found (the game on screen is left; it stays on offer on the start screen)."""
        cands = self.deck_candidates()
        current = next((i for i, p in enumerate(cands) if p.resolve() == self.deck_path.resolve()), 0)
        self._load(cands[(current + 1) % len(cands)])
        if self.watching:
            self.watcher = DeckWatcher(self.deck_path)
        self.game = None
        self.release_game()
        self.go_start()

    def reload(self) -> bool:
        """Read the deck and the current language's strings again (a translator saved an edit): True if the deck
        on screen is now theirs; False if it cannot be read, or no longer fits the game on screen. Every problem
        is kept in `watch_problems` (shown on screen) and printed in the terminal with its file, line and column;
        a broken translation keeps its last good version meanwhile, rather than the game switching language."""
        import sys

        result = load_deck(self.deck_path)
        self.dirty = True
        problems = [str(p) for p in result.problems] + self._ui_problems()
        if self.options.check is not None:  # as `deck check` says
            problems += [str(p) for p in self.options.check(result, str(self.deck_path))]
        if problems != self.watch_problems:
            for line in problems:
                print(line, file=sys.stderr)
            if problems:
                print(self.t("error.problems"), file=sys.stderr)
        self.watch_problems = problems
        if result.deck is None:
            return False
        deck = result.deck
        good = self.deck.texts if self.deck is not None else {}
        if kept := {lang: good[lang] for lang in result.refused if lang in good}:
            deck = attrs.evolve(deck, texts={**deck.texts, **kept})  # the last good version of each
        pin = saves.pin_loaded(result)  # pinned to what was loaded, never to the files read again later
        if self.disk_watch is not None:
            self.disk_watch = DeckWatcher(self.deck_path, ui=False)
        if self.game is not None:
            try:
                self.game.swap_deck(deck, pin)
            except saves.SaveError as e:  # shown until the files fit again, like any other deck problem
                self.watch_problems = [self.t("toast.deck_mismatch", why=str(e)), *problems]
                return False
        else:
            self.problems = []
        self.deck, self.pin = deck, pin
        if not problems:
            self.toast(self.t("toast.deck_reloaded"))
        return True

    def _ui_problems(self) -> list[str]:
        """The problems of the current language's string files (the translator's own and the bundled one)."""
        from booster.text import i18n

        out = []
        for folder in i18n.folders():
            path = folder / f"ui.{self.lang}.yaml"
            if path.is_file():
                out += [str(p) for p in i18n.check(path)[0]]
        return out

    # -- the game -----------------------------------------------------------------------------------------

    def notify(self, key: str, /, **fields: Any) -> None:
        """The controller's messages, translated and shown in the toast strip."""
        self.toast(self.t(key, **fields))

    def start_game(
        self,
        names: list[str],
        scenarios: list[str | None],
        tokens: list[list[Any]],
        timer: int,
        mode: str | None = None,
    ) -> None:
        """A new game; `mode` "in-turn" or "all-at-once" (None: the rules' choice)."""
        assert self.deck is not None
        seed = self.options.seed
        seed = random.randrange(1 << 30) if seed is None else seed
        setup = Setup(tuple(names), seed, tuple(scenarios), mode)
        extra = {"tokens": tokens, "timer": timer}  # the language is the save's own field
        self.release_game()
        try:  # a new file of its own: another window's game is never written over
            self.game_lock = saves.new_game()
            path = self.game_lock.path
        except OSError:  # a read-only data folder: play anyway, the failed saves are shown
            path = saves.games_dir() / f"game-{time.strftime('%Y%m%d-%H%M%S')}.json"
        try:
            self.game = GameController.new(
                self.deck, str(self.deck_path), self.lang, setup, extra, path, self.notify, self.clock, self.pin
            )
        except IllegalAction as e:
            self.release_game()
            self.toast(str(e))
            return
        self.shelf.problem = None
        self.keep_room_code()
        self.show_game()

    def release_game(self) -> None:
        """Let another window open the game this one played."""
        if self.game_lock is not None:
            self.game_lock.release()
            self.game_lock = None

    def refresh_games(self) -> None:
        """Read again which saved games the start screen offers."""
        self.shelf.refresh(self.deck, self.deck_path, self.game_lock.path if self.game_lock is not None else None)

    def resume(self, path: Path | None = None, read_only: bool = False) -> None:
        """Resume the game offered (or `path`). A failure leaves the app as it was, with a sentence."""
        path = path or self.shelf.path
        if path is None:
            return
        held = self.game_lock is not None and self.game_lock.path == path
        try:
            opened = open_game(path, self.deck, self.deck_path, self.notify, self.clock, read_only, held, self.pin)
        except (saves.SaveError, OSError) as e:
            if not isinstance(e, saves.Locked):  # a game another window took meanwhile stays offered read-only
                self.shelf.failed.add(path)
            self.shelf.problem = str(e)
            self.refresh_games()
            self.dirty = True
            return
        if not read_only and not held:
            self.release_game()
            self.game_lock = opened.lock
        self.game, self.deck = opened.game, opened.deck
        self.deck_path = opened.deck_path or self.deck_path
        self.pin = opened.game.saved.pin() or self.pin
        self.shelf.problem = None
        if opened.lang in self.languages():
            self.set_language(opened.lang)
        self.keep_room_code()
        self.show_game()
        if read_only:
            self.toast(self.t("toast.read_only"))
        elif opened.note == "pinned":
            self.toast(self.t("toast.deck_pinned"))
        elif opened.note is not None:
            self.toast(saves.deck_note(opened.game.saved, opened.note))

    # -- the teams' phones --------------------------------------------------------------------------------

    def set_phones(self, on: bool) -> None:
        """Answers from phones on or off (the set-up screen's toggle, as `play --phones`): serve the page, or
        stop serving it. A server that cannot start says why and leaves the phones off."""
        if on and self.phones is None:
            try:
                self.start_phones(self.options.phones or "")
            except (ValueError, OSError) as e:
                self.toast(self.t("setup.phones_failed", why=str(e)))
        elif not on and self.phones is not None:
            self.phones.stop()
            self.phones = None
            self._phones_shown = None
        self.dirty = True

    def start_phones(self, where: str) -> None:
        """Serve the phones' page at `where` with the run's room code (the phones in the room joined with it),
        else the code of the game Resume offers, else a new one. ValueError or OSError if it cannot."""
        self.phones = window.serve_phones(where, self.wakeup.set, self.room_code or self.shelf.room_code())
        self.room_code = self.phones.code

    def keep_room_code(self) -> None:
        """The game on screen and the phones share one room code, kept in its save: a resumed game takes its
        own back (the phones that were in the room rejoin on their own), a new one records the server's."""
        game = self.game
        if self.phones is None or game is None or game.read_only:
            return
        saved = game.extra.get("room_code")
        if not is_room_code(saved):  # none yet, or an old save's short code: record the server's
            saved = None
        if saved is not None and saved != self.phones.code:
            self.phones.code = self.room_code = saved
            print(f"Phones: room code now {saved} at {self.phones.url}", flush=True)
        elif saved is None:
            game.set_extra("room_code", self.phones.code)
