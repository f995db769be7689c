# SPDX-License-Identifier: MIT
"""The shell: the window, the loop, the scene stack, the language, the deck on screen and its watcher.

The game itself (decide, undo, resume, autosave, export, the discussion timer) is the game controller's
(`booster.table.controller`); scenes call it directly, and after every event the shell shows the screen the
controller says is owed. The loop is thin: it waits for events (sleeping when nothing moves), hands them to
`handle`, and redraws only when something changed. Scenes are plain objects driven by `handle`, so the
tests run them headless.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pygame

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import IllegalAction, Setup
from booster.engine.model import Deck
from booster.table import saves
from booster.table.controller import GameController, ResumeOffer, resume_offer
from booster.table.views import View
from booster.ui import theme
from booster.ui.carddraw import card_text
from booster.ui.frame import Layout, parse_size
from booster.ui.i18n import Strings, complete, language_note, preferred_language
from booster.ui.paint import BODY, Painter
from booster.ui.scenes.base import Scene
from booster.ui.settings import Settings, load_settings, save_settings
from booster.ui.text import TextRenderer
from booster.ui.watch import DeckWatcher

TEXT_SCALES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5)
TOAST_SECONDS = 3.5
ANIMATION_MS = 33
TOAST_STRIP = (0, 0, 1920, 104)  # the messages' own strip, over the header: never over a button or response


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


if TYPE_CHECKING:
    from booster.phones.service import Phones


class App:
    def __init__(
        self, options: Options | Any, surface: pygame.Surface, clock=time.monotonic, window: bool = False
    ) -> None:
        self.options = options if isinstance(options, Options) else Options.from_args(options)
        self.window = window  # drawing into the display (True) or into a plain Surface (tests, screenshots)
        self.clock = clock
        self.surface = surface
        self.layout = Layout(surface.get_size())
        self.text = TextRenderer()
        self.text_scale = self.options.text_scale
        self.running = True
        self.dirty = True
        self.blackout = False
        self.toast_text = ""
        self.toast_until = 0.0
        self.game: GameController | None = None
        self.phones: Phones | None = None  # the teams' phones (booster.phones), when played with --phones
        self.room_code: str | None = None  # the phones' room code of this run: kept while they are off
        self._phones_shown: GameController | None = None  # the game the join panel was last shown for
        self.wakeup = threading.Event()  # set from another thread to end the loop's nap at once
        self._shown: tuple[int, View] | None = None  # the controller's view the scene stack shows
        self.scenes: list[Scene] = []
        self.painter = Painter(surface, self.layout, self.text, self.text_scale)
        self.deck_path = Path(self.options.deck or paths.CORE_DECK)
        self.deck: Deck | None = None
        self.problems: list[str] = []
        self.watch_problems: list[str] = []
        self.watching = self.options.watch
        self.watcher = DeckWatcher(self.deck_path) if self.watching else None
        self.last_poll = 0.0
        self.resume_problem: str | None = None
        # One save per game, locked while this window plays it (see booster.table.saves).
        self.game_lock: saves.GameLock | None = None
        self.failed_saves: set[Path] = set()  # saves a resume failed on: not offered again
        self.resume_path: Path | None = None  # the newest unfinished game no other window plays
        self.offer: ResumeOffer | None = None  # what that game holds, for the start screen
        # Every unfinished game Resume can offer, newest first; the start screen steps through them.
        self.offers: list[tuple[Path, ResumeOffer]] = []
        self.locked_path: Path | None = None  # a newer game another window plays: offered read-only
        with contextlib.suppress(OSError):
            saves.prune()
        self.fullscreen = self.options.fullscreen
        self._under: tuple[Any, pygame.Surface] | None = None
        self._animating = False
        self._timer_shown: tuple[str, bool] | None = None
        self._load(self.deck_path)
        # Unasked, only a language with its whole interface: an incomplete one is chosen on the switch.
        picked = tuple(x for x in self.languages() if complete(x))
        self.lang = self.options.lang or preferred_language(picked, self._source_language())
        self.t = Strings(self.lang, self.options.mark_missing)
        self.mark = self.t.mark_missing
        self.go_start()

    # -- deck and language ---------------------------------------------------------------------------------
    def _load(self, path: Path) -> bool:
        result = load_deck(path)
        self.deck_path = path
        if result.deck is None:
            self.deck = None
            self.problems = [str(p) for p in result.problems]
            return False
        self.deck, self.problems = result.deck, []
        return True

    def _source_language(self) -> str:
        return self.deck.info.source_language if self.deck else "en"

    def languages(self) -> tuple[str, ...]:
        """The languages the switch offers: every one the deck is translated into (without a deck, every one
        with interface strings). An incomplete interface is offered with a line saying what it lacks
        (`language_note`); `--lang` opens any other, for its translator."""
        from booster.text import i18n

        langs = set(self.deck.languages) if self.deck else set(i18n.languages())
        return tuple(sorted(langs | {self._source_language()}))

    def language_notes(self) -> list[str]:
        """What each incomplete language the switch offers lacks, in plain words and in the interface's
        language, the one shown first: a line under the switch tells before anyone switches to it."""
        langs = [self.lang, *(x for x in self.languages() if x != self.lang)]
        return [note for x in langs if (note := language_note(x, self.t))]

    def deck_text(self, *path: str) -> str:
        return card_text(self.deck, self.lang, *path, mark=self.mark) if self.deck else ""

    def deck_title(self) -> str:
        if self.deck is None:
            return self.deck_path.name
        return self.deck.text(self.lang, "deck", "title") or self.deck.info.id

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.t = Strings(lang, self.t.mark_missing)
        if self.game is not None:
            self.game.set_language(lang)
        self.dirty = True

    def next_language(self, step: int = 1) -> None:
        langs = list(self.languages())
        if self.lang not in langs:
            langs.append(self.lang)
        self.set_language(langs[(langs.index(self.lang) + step) % len(langs)])
        if (note := language_note(self.lang, self.t)) and not (self.scenes and self.scenes[-1].name == "start"):
            self.toast(note)  # the start screen shows it under the switch; elsewhere (the menu) for a moment

    def deck_candidates(self) -> list[Path]:
        found = [self.deck_path, *(folder for _, folder in paths.decks())]
        out: list[Path] = []
        for p in found:
            if p.resolve() not in [q.resolve() for q in out]:
                out.append(p)
        return out

    def next_deck(self) -> None:
        cands = self.deck_candidates()
        current = next((i for i, p in enumerate(cands) if p.resolve() == self.deck_path.resolve()), 0)
        self._load(cands[(current + 1) % len(cands)])
        if self.watching:
            self.watcher = DeckWatcher(self.deck_path)
        self.game = None
        self.release_game()
        self.go_start()

    # -- scenes --------------------------------------------------------------------------------------------
    def set_scene(self, scene: Scene) -> None:
        self.scenes = [scene]
        scene.enter()
        self.dirty = True

    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)
        scene.enter()
        self.dirty = True

    def pop(self) -> None:
        if len(self.scenes) > 1:
            self.scenes.pop()
        self.dirty = True

    @property
    def top(self) -> Scene:
        return self.scenes[-1]

    def go_start(self) -> None:
        from booster.ui.scenes.error import ErrorScene
        from booster.ui.scenes.start import StartScene

        self._shown = None
        self.refresh_games()
        if self.deck is None:
            self.set_scene(ErrorScene(self, self.problems))
        else:
            self.set_scene(StartScene(self))

    def open_setup(self) -> None:
        from booster.ui.scenes.setup import SetupScene

        if self.deck is not None:
            self._shown = None
            self.set_scene(SetupScene(self))

    def open_menu(self) -> None:
        from booster.ui.scenes.overlays import MenuOverlay

        if not self.top.overlay:
            self.push(MenuOverlay(self))

    def open_help(self) -> None:
        from booster.ui.scenes.overlays import HelpOverlay

        if isinstance(self.top, HelpOverlay):
            self.pop()
        elif not self.top.overlay:
            self.push(HelpOverlay(self))

    def request_quit(self) -> None:
        from booster.ui.scenes.overlays import ConfirmQuit

        if not isinstance(self.top, ConfirmQuit):
            self.push(ConfirmQuit(self))

    def quit(self) -> None:
        self.running = False

    def in_game(self) -> bool:
        """A game is open and on screen (not the start or set-up screen over a game left behind)."""
        return self.game is not None and self._shown is not None

    def show_game(self, keep: bool = False) -> None:
        """Show the screen the controller owes the players now (overlays on top are closed); `keep`: unless
        the scene on screen goes on showing it (an open round, after one more answer)."""
        from booster.ui.scenes import scene_for

        if self.game is None:
            self.go_start()
            return
        view = self.game.view()
        self._shown = (self.game.version, view)
        if keep and self.scenes and self.scenes[0].keeps(view):
            self.dirty = True
            return
        self.set_scene(scene_for(self, view))

    def sync_game(self) -> None:
        """After an event: if the game changed under the scene on screen, show what it owes now."""
        if self.game is not None and self._shown is not None and self._shown[0] != self.game.version:
            self.show_game(keep=True)

    # -- the game's start ----------------------------------------------------------------------------------
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
        extra = {"tokens": tokens, "timer": timer, "lang": self.lang}
        self.release_game()
        try:  # a new file of its own: another window's game is never written over
            self.game_lock = saves.new_game()
            path = self.game_lock.path
        except OSError:  # a read-only data folder: play anyway, the failed saves are shown
            path = saves.games_dir() / f"game-{time.strftime('%Y%m%d-%H%M%S')}.json"
        try:
            self.game = GameController.new(
                self.deck, str(self.deck_path), self.lang, setup, extra, path, self.notify, self.clock
            )
        except IllegalAction as e:
            self.release_game()
            self.toast(str(e))
            return
        self.resume_problem = None
        self.keep_room_code()
        self.show_game()

    def release_game(self) -> None:
        """Let another window open the game this one played."""
        if self.game_lock is not None:
            self.game_lock.release()
            self.game_lock = None

    RESUME_SCAN = 10  # saves read to find one to resume: the newest ones are the ones that matter

    def refresh_games(self) -> None:
        """Find the game Resume offers: the newest unfinished one no other window plays and no resume failed
        on; and a newer one another window plays, offered read-only."""
        self.resume_path = self.locked_path = self.offer = None
        self.offers = []
        own = self.game_lock.path if self.game_lock is not None else None
        try:
            entries = saves.list_games()[: self.RESUME_SCAN]
        except OSError:
            return
        for entry in entries:
            if entry.path in self.failed_saves:
                continue
            offer, problem = resume_offer(self.deck, self.deck_path, entry.path)
            if problem is not None:
                self.failed_saves.add(entry.path)
                self.resume_problem = self.t("start.resume_failed", why=problem)
                continue
            if offer is None:  # finished
                continue
            if entry.path != own and saves.is_locked(entry.path):
                self.locked_path = self.locked_path or entry.path
                continue
            self.offers.append((entry.path, offer))
        if self.offers:
            self.resume_path, self.offer = self.offers[0]

    def other_game(self, step: int = 1) -> None:
        """Offer the next (or previous) unfinished game on the start screen: an older workshop's game stays
        within reach after a newer one started."""
        if len(self.offers) < 2:
            return
        i = next((k for k, (path, _) in enumerate(self.offers) if path == self.resume_path), 0)
        self.resume_path, self.offer = self.offers[(i + step) % len(self.offers)]

    def offer_place(self) -> tuple[int, int]:
        """(which, of how many) unfinished games the start screen offers now."""
        i = next((k for k, (path, _) in enumerate(self.offers) if path == self.resume_path), 0)
        return i + 1, len(self.offers)

    def resume_offer(self) -> ResumeOffer | None:
        """The game Resume offers, if any (a finished or unreadable game is not offered)."""
        return self.offer

    def can_resume(self) -> bool:
        return self.resume_path is not None

    def can_view_locked(self) -> bool:
        return self.locked_path is not None

    def view_locked(self) -> None:
        """Open, read-only, the game another window plays."""
        if self.locked_path is not None:
            self.resume(self.locked_path, read_only=True)

    def resume(self, path: Path | None = None, read_only: bool = False) -> None:
        """Resume the game offered (or `path`). A failure leaves the app as it was, with a sentence."""
        path = path or self.resume_path
        if path is None:
            return
        own = self.game_lock is not None and self.game_lock.path == path
        held: saves.GameLock | None = None
        try:
            saved = saves.load(path)
            found, found_path = self.deck, self.deck_path
            if found is None or found.info.id != saved.deck_id:  # the save's own deck, if it is still there
                own_folder = Path(saved.deck_path) if saved.deck_path else None
                if own_folder is not None and own_folder.is_dir():
                    result = load_deck(own_folder)
                    if result.deck is not None:
                        found, found_path = result.deck, own_folder
            deck, note = saves.deck_for(saved, found, found_path)
            if deck is None:
                raise saves.SaveError(saves.deck_note(saved, note or "missing"))
            if not read_only and not own:
                try:
                    held = saves.lock(path)
                except OSError:  # cannot lock (read-only folder): resume anyway, saving will say why it fails
                    held = None
            game = GameController.resume(deck, saved, path, self.notify, self.clock, read_only=read_only)
        except (saves.SaveError, OSError) as e:
            if held is not None:
                held.release()
            if not isinstance(e, saves.Locked):  # a game another window took meanwhile stays offered read-only
                self.failed_saves.add(path)
            self.resume_problem = self.t("start.resume_failed", why=str(e))
            self.refresh_games()
            self.dirty = True
            return
        if not read_only and not own:
            self.release_game()
            self.game_lock = held
        self.game = game
        self.deck = deck
        if deck is found:
            self.deck_path = found_path
        self.resume_problem = None
        lang = saved.extra.get("lang") or saved.lang
        if isinstance(lang, str) and lang in self.languages():
            self.set_language(lang)
        self.keep_room_code()
        self.show_game()
        if read_only:
            self.toast(self.t("toast.read_only"))
        elif note == "pinned":
            self.toast(self.t("toast.deck_pinned"))
        elif note is not None:
            self.toast(saves.deck_note(saved, note))

    # -- window --------------------------------------------------------------------------------------------
    def set_surface(self, surface: pygame.Surface | None) -> None:
        if surface is None:
            return
        self.surface = surface
        self.layout.resize(surface.get_size())
        self.painter = Painter(surface, self.layout, self.text, self.text_scale)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        if pygame.display.get_surface() is not self.surface:
            self.toast(self.t("toast.fullscreen_failed"))  # headless: rendering into a plain Surface
            return
        try:
            pygame.display.toggle_fullscreen()
        except pygame.error:
            try:  # some drivers (dummy, some Wayland setups) refuse to toggle: set the mode again
                flags = pygame.RESIZABLE if self.fullscreen else pygame.FULLSCREEN
                size = (1280, 720) if self.fullscreen else (0, 0)
                pygame.display.set_mode(size, flags)
            except pygame.error:
                self.toast(self.t("toast.fullscreen_failed"))
                return
        self.fullscreen = not self.fullscreen
        self.set_surface(pygame.display.get_surface())
        self.remember_settings()

    def change_text_scale(self, step: int) -> None:
        i = min(range(len(TEXT_SCALES)), key=lambda j: abs(TEXT_SCALES[j] - self.text_scale))
        self.text_scale = TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))]
        self.painter.text_scale = self.text_scale
        self.toast(self.t("toast.text_size", pct=round(self.text_scale * 100)))
        self.remember_settings()

    def remember_settings(self) -> None:
        """Full screen and text size come back at the next start (only for a real window)."""
        if self.window:
            save_settings(Settings(self.fullscreen, self.text_scale))

    def toast(self, text: str) -> None:
        self.toast_text = text
        self.toast_until = self.clock() + TOAST_SECONDS
        self.dirty = True

    def toggle_timer(self) -> None:
        if self.game is not None and self.in_game() and self.game.toggle_timer():
            self.dirty = True

    def undo(self) -> None:
        if self.game is not None and self.in_game():
            self.game.undo()
            self.sync_game()

    # -- events --------------------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        et = event.type
        if et == pygame.QUIT:
            self.request_quit()
        elif et == pygame.KEYDOWN:
            self.on_key(event)
        elif et == pygame.TEXTINPUT:
            if not self.blackout and self.top.captures_text():
                self.top.text_input(event.text)
                self.dirty = True
        elif et == pygame.MOUSEBUTTONDOWN:
            if event.button == 1 and not getattr(event, "touch", False):  # touches come as FINGERDOWN
                self.click(event.pos)
        elif et == pygame.FINGERDOWN:
            w, h = self.surface.get_size()
            self.click((event.x * w, event.y * h))
        elif et in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            display = pygame.display.get_surface()
            if display is not None and self.window:  # headless tests render into their own Surface
                self.set_surface(display)
        elif et in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED, pygame.VIDEOEXPOSE):
            self.dirty = True
        self.sync_game()

    def click(self, pos: tuple[float, float]) -> None:
        if self.blackout:
            self.blackout = False
            self.dirty = True
            return
        if self.dirty:  # buttons are where the last frame put them: make sure it reflects the state
            self.render()
        hit = self.painter.hit(pos)
        if hit is not None:
            hit.action()
            self.dirty = True

    def on_key(self, event: pygame.event.Event) -> None:
        self.dirty = True
        k, mod = event.key, event.mod
        if self.blackout:  # any key brings the picture back, and does nothing else
            self.blackout = False
            return
        top = self.top
        typing = top.captures_text()
        if k == pygame.K_ESCAPE:
            if top.overlay:
                top.key(event)
            else:
                top.stop_typing()
                self.open_menu()
            return
        if k == pygame.K_F11 or (k == pygame.K_f and not typing):
            self.toggle_fullscreen()
            return
        if not typing and top.claims(event):
            top.key(event)
            return
        if not typing:
            char = getattr(event, "unicode", "")
            if k in (pygame.K_b, pygame.K_PERIOD, pygame.K_KP_PERIOD):
                self.blackout = True
                return
            if k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS) or char == "+":
                self.change_text_scale(1)
                return
            if k in (pygame.K_MINUS, pygame.K_KP_MINUS) or char == "-":
                self.change_text_scale(-1)
                return
            if k == pygame.K_p and self.phones is not None:
                self.toggle_phones()
                return
            if k in (pygame.K_h, pygame.K_QUESTION) or char == "?":
                self.open_help()
                return
            if top.overlay:
                top.key(event)
                return
            if k == pygame.K_t:
                self.toggle_timer()
                return
            if (k == pygame.K_z and mod & pygame.KMOD_CTRL) or k == pygame.K_BACKSPACE:
                self.undo()
                return
        top.key(event)

    # -- time ----------------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Timers, animations, toasts and the deck watcher: mark a redraw when something moved."""
        if self.phones is not None:
            self.sync_phones()
        now = self.clock()
        if self.toast_text and now >= self.toast_until:
            self.toast_text = ""
            self.dirty = True
        animating = any(s.animating() for s in self.scenes)
        if animating or self._animating:  # and once more when it ends: the last frame must be drawn
            self.dirty = True
        self._animating = animating
        timer = self.game.timer if self.game is not None else None
        if timer is not None and (timer.running or timer.started_at is not None):
            label = (timer.label(), timer.done)
            if label != self._timer_shown:
                self._timer_shown = label
                self.dirty = True
        if self.watcher is not None and now - self.last_poll >= 0.25:
            self.last_poll = now
            if self.watcher.changed():
                self.reload_deck()

    # -- the teams' phones --------------------------------------------------------------------------------
    def sync_phones(self) -> None:
        """Record the answers the phones sent (as if the facilitator had chosen them), publish the screen
        they should show, and show the join panel once for each new game."""
        assert self.phones is not None
        game = self.game if self.in_game() else None
        if self.phones.sync(game):
            self.sync_game()
            self.dirty = True
        if game is not None and self._phones_shown is not game:
            self._phones_shown = game
            self.toggle_phones()

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
        self.phones = serve_phones(where, self.wakeup.set, self.room_code or self.offered_room_code())
        self.room_code = self.phones.code

    def offered_room_code(self) -> str | None:
        """The room code of the game Resume offers, so that a laptop restarted mid-game serves the code its
        teams' phones joined with (None: draw one)."""
        return saves.room_code(self.resume_path) if self.resume_path is not None else None

    def keep_room_code(self) -> None:
        """The game on screen and the phones share one room code, kept in its save: a resumed game takes its
        own back (the phones that were in the room rejoin on their own), a new one records the server's."""
        game = self.game
        if self.phones is None or game is None or game.read_only:
            return
        saved = game.extra.get("room_code")
        if isinstance(saved, str) and saved != self.phones.code:
            self.phones.code = self.room_code = saved
            print(f"Phones: room code now {saved} at {self.phones.url}", flush=True)
        elif saved is None:
            game.set_extra("room_code", self.phones.code)

    def toggle_phones(self) -> None:
        from booster.ui.scenes.phones import PhonesOverlay

        if isinstance(self.top, PhonesOverlay):
            self.pop()
        elif self.phones is not None and not self.top.overlay:
            self.push(PhonesOverlay(self))

    def wait_ms(self) -> int:
        """How long the loop may sleep: forever (0) when nothing moves."""
        waits = []
        if any(s.animating() for s in self.scenes):
            waits.append(ANIMATION_MS)
        if self.game is not None and self.game.timer.running:
            waits.append(int(self.game.timer.until_next_tick() * 1000) + 1)
        if self.toast_text:
            waits.append(max(1, int((self.toast_until - self.clock()) * 1000) + 1))
        if self.watcher is not None:
            waits.append(250)
        return max(1, min(waits)) if waits else 0

    def reload_deck(self) -> None:
        """Read the deck and the current language's strings again (watch mode). A problem is shown on screen
        and printed in the terminal, with its file, line and column, until it is fixed; a broken translation
        keeps its last good version meanwhile, rather than the game switching to another language."""
        from booster.ui.scenes.error import ErrorScene

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
        if result.deck is None:
            self.watch_problems = problems
            if isinstance(self.scenes[0], ErrorScene):
                self.problems = self.watch_problems
                self.scenes[0].problems = self.problems
            return
        deck = result.deck
        good = self.deck.texts if self.deck is not None else {}
        if kept := {lang: good[lang] for lang in result.refused if lang in good}:
            deck = attrs.evolve(deck, texts={**deck.texts, **kept})  # the last good version of each
        self.watch_problems = problems
        if self.game is not None:
            try:
                self.game.swap_deck(deck)
            except saves.SaveError as e:  # shown until the files fit again, like any other deck problem
                self.watch_problems = [self.t("toast.deck_mismatch", why=str(e)), *problems]
                return
            self.deck = deck
            if not problems:
                self.toast(self.t("toast.deck_reloaded"))
            if self._shown is not None:  # the same screen, in the new words, with its overlays
                top_overlays = self.scenes[1:]
                self.show_game()
                self.scenes += top_overlays
            return
        self.deck, self.problems = deck, []
        if not problems:
            self.toast(self.t("toast.deck_reloaded"))
        if isinstance(self.scenes[0], ErrorScene):
            self.go_start()

    def _ui_problems(self) -> list[str]:
        """The problems of the current language's string files (the translator's own and the bundled one)."""
        from booster.text import i18n

        out = []
        for folder in i18n.folders():
            path = folder / f"ui.{self.lang}.yaml"
            if path.is_file():
                out += [str(p) for p in i18n.check(path)[0]]
        return out

    # -- drawing -------------------------------------------------------------------------------------------
    def render(self) -> None:
        p = self.painter
        p.text_scale = self.text_scale
        base = max(i for i, s in enumerate(self.scenes) if not s.overlay or i == 0)
        layers = self.scenes[base:]
        under = layers[:-1]
        key = (tuple(id(s) for s in under), self.surface.get_size(), self.lang, self.text_scale)
        if under and self._under is not None and self._under[0] == key:
            # An overlay over an unchanged scene: reuse the dimmed picture underneath.
            self.surface.blit(self._under[1], (0, 0))
        else:
            for scene in under:
                scene.draw(p)
            if under:
                p.shade()
                self._under = (key, self.surface.copy())
        p.hits = []  # only the top scene's buttons answer clicks
        layers[-1].draw(p)
        self.draw_banners(p)
        if self.blackout:
            self.surface.fill((0, 0, 0))
        self.dirty = False

    def draw_banners(self, p: Painter) -> None:
        from booster.ui.scenes.error import draw_problems

        if self.watch_problems and (self.game is not None or not self.problems):
            p.panel((40, 560, 1840, 400), theme.NEGATIVE_BG, theme.INK, 5, 18)
            p.text(self.t("error.problems"), (70, 570, 1780, 64), BODY, bold=True, max_lines=1)
            draw_problems(p, self.t, self.watch_problems, (60, 640, 1800, 300))
        if self.toast_text:
            x, y, w, h = TOAST_STRIP
            p.panel((x, y, w, h), theme.TOAST, theme.INK, 4, 0)
            p.text(self.toast_text, (x + 40, y + 6, w - 80, h - 12), BODY, align="center", valign="middle", max_lines=2)

    # -- loop ----------------------------------------------------------------------------------------------
    def process(self, events: list[pygame.event.Event] | None = None) -> None:
        """Handle pending events (tests post them, then call this), then update timers and animations."""
        for event in pygame.event.get() if events is None else events:
            self.handle(event)
            if not self.running:
                break
        self.tick()

    def loop(self) -> None:
        self._failures = 0
        while self.running:
            if self.dirty:
                self._guard(self.render)
                pygame.display.flip()
            first = self.wait_event(self.wait_ms())
            events = [first] if first.type != pygame.NOEVENT else []
            for event in events + pygame.event.get():
                self._guard(self.handle, event)
                if not self.running:
                    break
            self._guard(self.tick)

    def _guard(self, fn, *args: Any) -> None:
        """A bug must not end a workshop: every decision is already saved, so say so and show the game again
        from its saved state. Several failures in a row mean we cannot recover: then stop."""
        try:
            fn(*args)
            self._failures = 0
        except Exception:
            self._failures += 1
            if self._failures > 3:
                raise
            traceback.print_exc()
            self.scenes = self.scenes[:1]
            if self.in_game():
                self.show_game()
            else:
                self.go_start()
            self.toast(self.t("toast.error"))

    def wait_event(self, timeout_ms: int) -> pygame.event.Event:
        """Sleep until an event (or the timeout, 0 = none).

        SDL's own wait (`pygame.event.wait`) polls about every millisecond on every driver in pygame-ce
        (its issue #1541), which costs a few percent of a core with nothing on screen moving. So we poll
        ourselves and sleep in between: 20 ms when something may come soon (an event was just handled), up
        to 50 ms when idle, which a person cannot notice and which costs a small fraction of a percent."""
        deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms else None
        nap = 0.005
        while True:
            event = pygame.event.poll()
            if event.type != pygame.NOEVENT:
                return event
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return event
            nap = min(0.05, nap * 2)
            # Another thread (the phones' server) may cut the nap short: it has work for the loop's tick.
            if self.wakeup.wait(nap if deadline is None else min(nap, max(0.0, deadline - now))):
                self.wakeup.clear()
                return event


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    # SDL turns SIGTERM and SIGINT into a window-close event, which we answer with "Quit?": a system shutdown
    # or Ctrl+C in the terminal must end the process instead (every decision is already on disk).
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    pygame.display.init()
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and os.environ.get("SDL_VIDEODRIVER") != driver:
        # SDL falls back to an invisible driver when there is no screen: the game would run unseen.
        pygame.display.quit()
        raise pygame.error(f"no screen was found (SDL fell back to its '{driver}' driver)")
    pygame.font.init()
    pygame.display.set_caption("Social Impact Booster")
    pygame.display.set_icon(pygame.image.load(str(paths.ICON)))
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def serve_phones(where: str, wake: Callable[[], None], code: str | None = None) -> Phones:
    """Serve the phones' page at `where` (HOST[:PORT], "" for the local network) with room code `code` (None:
    drawn at random) and print its address on stdout, for scripts and facilitators. ValueError or OSError
    (with the reason) if it cannot."""
    from booster.phones.network import parse_bind
    from booster.phones.service import Phones

    host, port = parse_bind(where)
    phones = Phones(host, port, wake, code)
    phones.start()
    print_phones(phones)
    return phones


def print_phones(phones: Phones) -> None:
    print(f"Phones: {phones.url} (room code {phones.code})", flush=True)


def run(args: Any) -> int:
    """Play in a window. Returns the process exit code."""
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    remembered = load_settings()
    options = Options.from_args(args)
    options = replace(options, fullscreen=options.fullscreen or remembered.fullscreen, text_scale=remembered.text_scale)
    try:
        surface = open_window(size, options.fullscreen)
    except pygame.error as e:
        print(
            f"No display is available ({e}). Run on a machine with a screen, or play in the terminal with "
            "`booster play --text`.",
            file=sys.stderr,
        )
        return 1
    app: App | None = None
    try:
        app = App(options, surface, window=True)
        if options.phones is not None:
            try:
                app.start_phones(options.phones)
            except (ValueError, OSError) as e:
                print(f"The phones cannot join: {e}", file=sys.stderr)
                return 2
        app.loop()
    finally:
        if app is not None and app.phones is not None:
            app.phones.stop()
        pygame.quit()
    return 0
