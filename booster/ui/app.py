# SPDX-License-Identifier: MIT
"""The window, the loop, the scene stack and the actions every scene calls (decide, undo, save...).

The loop is thin: it waits for events (sleeping when nothing moves), hands them to `handle`, and redraws
only when something changed. Scenes are plain objects driven by `handle`, so the tests run them headless.
"""

from __future__ import annotations

import contextlib
import os
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

import pygame

from booster import paths, saves
from booster.deck.loader import load_deck
from booster.engine.game import Action, IllegalAction, Setup
from booster.engine.model import Deck
from booster.ui import theme
from booster.ui.carddraw import card_text
from booster.ui.i18n import Strings, preferred_language, ui_languages
from booster.ui.layout import Layout, parse_size
from booster.ui.paint import BODY, SMALL, Painter
from booster.ui.scenes.base import Scene
from booster.ui.session import Session
from booster.ui.text import TextRenderer
from booster.ui.timer import Timer
from booster.ui.watch import DeckWatcher

TEXT_SCALES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5)
TOAST_SECONDS = 3.5
ANIMATION_MS = 33


class App:
    def __init__(self, args: Any, surface: pygame.Surface, clock=time.monotonic, window: bool = False) -> None:
        self.args = args
        self.window = window  # drawing into the display (True) or into a plain Surface (tests, screenshots)
        self.clock = clock
        self.surface = surface
        self.layout = Layout(surface.get_size())
        self.text = TextRenderer()
        self.text_scale = 1.0
        self.running = True
        self.dirty = True
        self.blackout = False
        self.toast_text = ""
        self.toast_until = 0.0
        self.session: Session | None = None
        self.scenes: list[Scene] = []
        self.painter = Painter(surface, self.layout, self.text)
        self.deck_path = Path(getattr(args, "deck", None) or paths.CORE_DECK)
        self.deck: Deck | None = None
        self.problems: list[str] = []
        self.watch_problems: list[str] = []
        self.watching = bool(getattr(args, "watch", False))
        self.watcher = DeckWatcher(self.deck_path) if self.watching else None
        self.last_poll = 0.0
        self.resume_problem: str | None = None
        # One save per game, locked while this window plays it (see booster.saves).
        self.game_lock: saves.GameLock | None = None
        self.failed_saves: set[Path] = set()  # saves a resume failed on: not offered again
        self.resume_path: Path | None = None  # the newest game no other window plays
        self.locked_path: Path | None = None  # a newer game another window plays: offered read-only
        with contextlib.suppress(OSError):
            saves.prune()
        self.timer = Timer(180, clock)
        self.timer_card: str | None = None
        self.fullscreen = bool(getattr(args, "fullscreen", False))
        self._under: tuple[Any, pygame.Surface] | None = None
        self._load(self.deck_path)
        mark = getattr(args, "mark_missing", None)
        lang = getattr(args, "lang", None) or preferred_language(self.languages(), self._source_language())
        self.lang = lang
        self.t = Strings(lang, mark)
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
        langs = set(ui_languages()) | (set(self.deck.languages) if self.deck else set())
        return tuple(sorted(langs))

    def deck_text(self, *path: str) -> str:
        return card_text(self.deck, self.lang, *path, mark=self.mark) if self.deck else ""

    def deck_title(self) -> str:
        if self.deck is None:
            return self.deck_path.name
        return self.deck.text(self.lang, "deck", "title") or self.deck.info.id

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.t = Strings(lang, self.t.mark_missing)
        if self.session is not None:
            self.session.saved = self.session.saved._replace(lang=lang)
            self.session.set_extra(lang=lang)
        self.dirty = True

    def next_language(self, step: int = 1) -> None:
        langs = list(self.languages())
        if self.lang not in langs:
            langs.append(self.lang)
        self.set_language(langs[(langs.index(self.lang) + step) % len(langs)])

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
        self.session = None
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

        self.refresh_games()
        if self.deck is None:
            self.set_scene(ErrorScene(self, self.problems))
        else:
            self.set_scene(StartScene(self))

    def open_setup(self) -> None:
        from booster.ui.scenes.setup import SetupScene

        if self.deck is not None:
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

    def show_game(self) -> None:
        """Show what the session owes the players now."""
        from booster.ui.scenes import board, card, debrief, exchange, stage

        s = self.session
        if s is None:
            self.go_start()
            return
        v = s.view()
        d = v.data
        scene: Scene
        if v.kind == "stage":
            scene = stage.StageScene(self, d["stage"])
        elif v.kind == "card":
            scene = card.ChallengeScene(self, d["card"], d["team"])
        elif v.kind == "tool":
            scene = card.ToolScene(self, d["card"], d["team"], d["delta"])
        elif v.kind == "effect":
            scene = card.EffectScene(self, d["card"], d["team"], d["option"], d["tool"], d["delta"])
        elif v.kind == "exchange":
            scene = exchange.ExchangeScene(self, d["team"])
        elif v.kind == "exchanged":
            scene = exchange.ExchangedScene(self, d["team"], d["cards"], self.clock)
        elif v.kind == "debrief":
            scene = debrief.DebriefScene(self)
        else:
            scene = board.BoardScene(self)
        if not isinstance(scene, card.ChallengeScene):
            self.timer.reset()  # the discussion is over: stop the clock (and the loop's wake-ups)
        self.set_scene(scene)

    # -- game actions --------------------------------------------------------------------------------------
    def start_game(self, names: list[str], scenarios: list[str | None], tokens: list[list[Any]], timer: int) -> None:
        assert self.deck is not None
        seed = getattr(self.args, "seed", None)
        seed = random.randrange(1 << 30) if seed is None else int(seed)
        setup = Setup(tuple(names), seed, tuple(scenarios))
        extra = {"tokens": tokens, "timer": timer, "lang": self.lang}
        self.release_game()
        try:  # a new file of its own: another window's game is never written over
            self.game_lock = saves.new_game()
            path = self.game_lock.path
        except OSError:  # a read-only data folder: play anyway, the failed saves are shown
            path = saves.games_dir() / f"game-{time.strftime('%Y%m%d-%H%M%S')}.json"
        try:
            self.session = Session(self.deck, str(self.deck_path), self.lang, setup, extra, path)
        except IllegalAction as e:
            self.release_game()
            self.toast(str(e))
            return
        self.resume_problem = None
        self.after_save()
        self.show_game()

    def release_game(self) -> None:
        """Let another window open the game this one played."""
        if self.game_lock is not None:
            self.game_lock.release()
            self.game_lock = None

    def refresh_games(self) -> None:
        """Find the game Resume offers: the newest one no other window plays and no resume failed on."""
        self.resume_path = self.locked_path = None
        own = self.game_lock.path if self.game_lock is not None else None
        try:
            entries = saves.list_games()
        except OSError:
            return
        for entry in entries:
            if entry.path in self.failed_saves:
                continue
            if entry.path != own and saves.is_locked(entry.path):
                self.locked_path = self.locked_path or entry.path
                continue
            self.resume_path = entry.path
            return

    def can_resume(self) -> bool:
        return self.resume_path is not None

    def can_view_locked(self) -> bool:
        return self.locked_path is not None

    def view_locked(self) -> None:
        """Open, read-only, the game another window plays."""
        if self.locked_path is not None:
            self.resume(self.locked_path, read_only=True)

    def resume(self, path: Path | None = None, read_only: bool = False) -> None:
        """Resume the newest free game (or `path`). A failure leaves the app as it was, with a sentence."""
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
            session = Session.resume(deck, saved, None if read_only else path, read_only)
        except (saves.SaveError, OSError) as e:
            if held is not None:
                held.release()
            self.failed_saves.add(path)
            self.resume_problem = self.t("start.resume_failed", why=str(e))
            self.refresh_games()
            self.dirty = True
            return
        if not read_only and not own:
            self.release_game()
            self.game_lock = held
        self.session = session
        self.deck = deck
        if deck is found:
            self.deck_path = found_path
        self.resume_problem = None
        lang = saved.extra.get("lang") or saved.lang
        if isinstance(lang, str) and lang in self.languages():
            self.set_language(lang)
        self.show_game()
        if read_only:
            self.toast(self.t("toast.read_only"))
        elif note == "pinned":
            self.toast(self.t("toast.deck_pinned"))
        elif note is not None:
            self.toast(saves.deck_note(saved, note))

    def decide(self, action: Action) -> None:
        if self.session is None:
            return
        if self.session.read_only:
            self.toast(self.t("toast.read_only"))
            return
        team = self.session.state.turn
        try:
            events = self.session.act(action)
        except IllegalAction as e:  # a stale click on a changed screen: say so, change nothing
            self.toast(str(e))
            return
        self.after_save()
        roll = next((e.value for e in events if e.kind == "rolled"), None)
        if roll is not None:
            self.toast(self.t("board.rolled", team=self.session.state.teams[team].name, n=roll))
        self.show_game()

    def advance(self) -> None:
        self.decide(Action("advance"))

    def exchange(self) -> None:
        self.decide(Action("exchange"))

    def dismiss(self) -> None:
        if self.session is not None:
            self.session.dismiss()
            self.show_game()

    def undo(self) -> None:
        if self.session is not None and self.session.read_only:
            self.toast(self.t("toast.read_only"))
        elif self.session is not None and self.session.undo():
            self.after_save()
            self.toast(self.t("toast.undone"))
            self.show_game()
        else:
            self.toast(self.t("toast.nothing_to_undo"))

    def after_save(self) -> None:
        if self.session is not None and self.session.save_error:
            self.toast(self.t("toast.save_failed", why=self.session.save_error))

    def save_copy(self) -> None:
        if self.session is None:
            return
        path = unique_path(saves.data_dir() / "saves", f"game-{time.strftime('%Y%m%d-%H%M%S')}", ".json")
        try:
            saves.save(path, self.session.saved)
            self.toast(self.t("toast.saved", path=str(path)))
        except OSError as e:
            self.toast(self.t("toast.save_failed", why=str(e)))

    def export_report(self) -> None:
        if self.session is None or self.deck is None:
            return
        try:
            from booster.report.export import write_report
        except ImportError:
            self.toast(self.t("toast.report_unavailable"))
            return
        out = unique_path(saves.data_dir() / "reports", f"report-{time.strftime('%Y%m%d-%H%M%S')}", ".pdf")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            write_report(self.session.saved, self.deck, out, fmt="pdf", lang=self.lang)
        except Exception as e:  # another module's failure must not end the workshop
            self.toast(self.t("toast.report_failed", why=f"{e.__class__.__name__}: {e}"))
            return
        self.toast(self.t("toast.report", path=str(out)))

    # -- timer ---------------------------------------------------------------------------------------------
    def timer_length(self) -> int:
        if self.session is not None:
            value = self.session.extra.get("timer")
            if isinstance(value, int) and value >= 0:
                return value
        return self.deck.rules.timer_seconds if self.deck else 180

    def timer_for_card(self, card_id: str) -> None:
        if self.timer_card != card_id:
            self.timer_card = card_id
            self.timer.reset(self.timer_length())

    def toggle_timer(self) -> None:
        from booster.ui.scenes.card import ChallengeScene

        if isinstance(self.scenes[0], ChallengeScene) and self.timer.length > 0:
            self.timer.toggle()
            self.dirty = True

    # -- window --------------------------------------------------------------------------------------------
    def set_surface(self, surface: pygame.Surface) -> None:
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

    def change_text_scale(self, step: int) -> None:
        i = min(range(len(TEXT_SCALES)), key=lambda j: abs(TEXT_SCALES[j] - self.text_scale))
        self.text_scale = TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))]
        self.painter.text_scale = self.text_scale
        self.toast(self.t("toast.text_size", pct=round(self.text_scale * 100)))

    def toast(self, text: str) -> None:
        self.toast_text = text
        self.toast_until = self.clock() + TOAST_SECONDS
        self.dirty = True

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
                if typing and hasattr(top, "editing"):
                    top.editing = None
                self.open_menu()
            return
        if k == pygame.K_F11 or (k == pygame.K_f and not typing):
            self.toggle_fullscreen()
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
                if self.in_game():
                    self.undo()
                return
        top.key(event)

    def in_game(self) -> bool:
        from booster.ui.scenes.setup import SetupScene
        from booster.ui.scenes.start import StartScene

        return self.session is not None and not isinstance(self.scenes[0], StartScene | SetupScene)

    # -- time ----------------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Timers, animations, toasts and the deck watcher: mark a redraw when something moved."""
        now = self.clock()
        if self.toast_text and now >= self.toast_until:
            self.toast_text = ""
            self.dirty = True
        if self.top.animating() or any(s.animating() for s in self.scenes):
            self.dirty = True
        if self.timer.running or self.timer.started_at is not None:
            label = (self.timer.label(), self.timer.done)
            if label != getattr(self, "_timer_shown", None):
                self._timer_shown = label
                self.dirty = True
        if self.watcher is not None and now - self.last_poll >= 0.25:
            self.last_poll = now
            if self.watcher.changed():
                self.reload_deck()

    def wait_ms(self) -> int:
        """How long the loop may sleep: forever (0) when nothing moves."""
        waits = []
        if any(s.animating() for s in self.scenes):
            waits.append(ANIMATION_MS)
        if self.timer.running:
            waits.append(int(self.timer.until_next_tick() * 1000) + 1)
        if self.toast_text:
            waits.append(max(1, int((self.toast_until - self.clock()) * 1000) + 1))
        if self.watcher is not None:
            waits.append(250)
        return max(1, min(waits)) if waits else 0

    def reload_deck(self) -> None:
        from booster.ui.scenes.error import ErrorScene

        result = load_deck(self.deck_path)
        self.dirty = True
        if result.deck is None:
            self.watch_problems = [str(p) for p in result.problems]
            if isinstance(self.scenes[0], ErrorScene):
                self.problems = self.watch_problems
                self.scenes[0].problems = self.problems
            return
        self.watch_problems = []
        if self.session is not None:
            try:
                self.session.swap_deck(result.deck)
            except saves.SaveError as e:  # shown until the files fit again, like any other deck problem
                self.watch_problems = [self.t("toast.deck_mismatch", why=str(e))]
                return
            self.deck = result.deck
            self.session.queue = [
                v for v in self.session.queue if v.data.get("card") is None or v.data["card"] in result.deck.cards
            ]
            self.toast(self.t("toast.deck_reloaded"))
            top_overlays = self.scenes[1:]
            self.show_game()
            self.scenes += top_overlays
            return
        self.deck, self.problems = result.deck, []
        self.toast(self.t("toast.deck_reloaded"))
        if isinstance(self.scenes[0], ErrorScene):
            self.go_start()

    # -- drawing -------------------------------------------------------------------------------------------
    def render(self) -> None:
        p = self.painter
        p.text_scale = self.text_scale
        base = max(i for i, s in enumerate(self.scenes) if not s.overlay or i == 0)
        layers = self.scenes[base:]
        under = layers[:-1]
        key = (tuple(id(s) for s in under), self.surface.get_size(), self.lang, self.text_scale)
        if under and self._under is not None and self._under[0] == key:
            # An overlay over an unchanged scene: reuse the dimmed picture underneath (a 4K redraw is ~10 ms).
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

        if self.watch_problems and self.session is not None:
            p.panel((40, 560, 1840, 400), theme.NEGATIVE_BG, theme.INK, 5, 18)
            p.text(self.t("error.problems"), (70, 570, 1780, 64), BODY, bold=True, max_lines=1)
            draw_problems(p, self.t, self.watch_problems, (60, 640, 1800, 300))
        if self.toast_text:
            p.panel((360, 880, 1200, 150), theme.PANEL, theme.INK, 4, 18)
            p.text(self.toast_text, (390, 890, 1140, 130), SMALL, align="center", valign="middle", max_lines=3)

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
            if self.session is not None:
                self.show_game()
            else:
                self.go_start()
            self.toast(self.t("toast.error"))

    def wait_event(self, timeout_ms: int) -> pygame.event.Event:
        """Sleep until an event (or the timeout, 0 = none). SDL blocks for real on desktop drivers, but on
        drivers without a wake-up mechanism (dummy, offscreen) its wait polls every millisecond (~2 % of a
        core): there, poll 50 times a second instead (~0.2 %)."""
        if pygame.display.get_driver() not in ("dummy", "offscreen"):
            return pygame.event.wait(timeout_ms) if timeout_ms else pygame.event.wait()
        deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms else None
        while True:
            event = pygame.event.poll()
            if event.type != pygame.NOEVENT:
                return event
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                return event
            time.sleep(0.02 if deadline is None else min(0.02, max(0.0, deadline - now)))


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem.suffix, or stem-2, stem-3... when two saves fall in the same second."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


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
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def run(args: Any) -> int:
    """Play in a window. Returns the process exit code."""
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    try:
        surface = open_window(size, bool(getattr(args, "fullscreen", False)))
    except pygame.error as e:
        print(
            f"No display is available ({e}). Run on a machine with a screen, or play in the terminal with "
            "`booster play --text`.",
            file=sys.stderr,
        )
        return 1
    try:
        app = App(args, surface, window=True)
        app.loop()
    finally:
        pygame.quit()
    return 0
