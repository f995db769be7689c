# SPDX-License-Identifier: MIT
"""The shell: the window, the loop, the scene stack, over the desk (`booster.ui.desk`: the deck, the language,
the game, the saved games, the phones).

The game itself (decide, undo, autosave, the discussion timer) is the game controller's
(`booster.table.controller`); scenes call it directly, and after every event the shell shows the screen the
controller says is owed. Scenes see the shell as a `Host` (booster/ui/scenes/base.py). The loop is thin: it
waits for events (sleeping when nothing moves), hands them to `handle`, and redraws only when something
changed. Scenes are plain objects driven by `handle`, so the tests run them headless.
"""

from __future__ import annotations

import time
import traceback
from typing import Any

import pygame

from booster.table.controller import GameController
from booster.table.views import View
from booster.ui import window
from booster.ui.banners import draw_banners
from booster.ui.desk import Desk, Options
from booster.ui.frame import Layout
from booster.ui.i18n import language_note
from booster.ui.keys import shortcut
from booster.ui.paint import Painter
from booster.ui.scenes import scene_for
from booster.ui.scenes.base import Command, Scene
from booster.ui.scenes.card import draw_timer
from booster.ui.scenes.error import ErrorScene
from booster.ui.scenes.overlays import ConfirmQuit, HelpOverlay, MenuOverlay
from booster.ui.scenes.phones import PhonesOverlay
from booster.ui.scenes.setup import SetupScene
from booster.ui.scenes.start import StartScene
from booster.ui.settings import Settings, next_text_scale, save_settings
from booster.ui.text import TextRenderer

TOAST_SECONDS = 3.5
ANIMATION_MS = 33


class App(Desk):
    """The window over a desk: the loop, the scene stack, keys and clicks, drawing, toasts (the `Host` the
    scenes see). Which key asks for what is `booster.ui.keys`'s; what each asks for is done by `do`."""

    def __init__(self, options: Options, surface: pygame.Surface, clock=time.monotonic, window: bool = False) -> None:
        super().__init__(options, clock)
        self.window = window  # drawing into the display (True) or into a plain Surface (tests, screenshots)
        self.surface = surface
        self.layout = Layout(surface.get_size())
        self.text = TextRenderer()
        self.text_scale = self.options.text_scale
        self.painter = Painter(surface, self.layout, self.text, self.text_scale)
        self.fullscreen = self.options.fullscreen
        self.running = True
        self.blackout = False
        self.toast_text = ""
        self.toast_until = 0.0
        self.scenes: list[Scene] = []
        self._shown: tuple[int, View] | None = None  # the controller's view the scene stack shows
        self._under: tuple[Any, pygame.Surface] | None = None
        self._animating = False
        self._timer_shown: tuple[str, bool] | None = None
        self.timer_dirty = False  # only the timer's figures moved: redraw it alone (see draw_timer)
        self.go_start()

    # -- the language and the deck on screen ---------------------------------------------------------------
    def next_language(self, step: int = 1) -> None:
        super().next_language(step)
        if (note := language_note(self.lang, self.t)) and not (self.scenes and self.top.name == "start"):
            self.toast(note)  # the start screen shows it under the switch; elsewhere (the menu) for a moment

    def reload_deck(self) -> None:
        """The deck's files changed on disk: the same screen in the new words, or why they cannot be shown."""
        error = self.scenes[0] if isinstance(self.scenes[0], ErrorScene) else None
        if not self.reload():
            if error is not None and self.deck is None:
                self.problems = error.problems = self.watch_problems
        elif self.playing() is not None:  # with the overlays that were on top
            top_overlays = self.scenes[1:]
            self.show_game()
            self.scenes += top_overlays
        elif self.game is None and error is not None:
            self.go_start()

    # -- scenes ---------------------------------------------------------------------------------------------
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
        self._shown = None
        self.refresh_games()
        if self.deck is None:
            self.set_scene(ErrorScene(self, self.problems, self.watching))
        else:
            self.set_scene(StartScene(self))

    def open_setup(self) -> None:
        if self.deck is not None:
            self._shown = None
            self.set_scene(SetupScene(self))

    def open_menu(self) -> None:
        if not self.top.overlay:
            self.push(MenuOverlay(self))

    def open_help(self) -> None:
        if isinstance(self.top, HelpOverlay):
            self.pop()
        elif not self.top.overlay:
            self.push(HelpOverlay(self))

    def request_quit(self) -> None:
        if not isinstance(self.top, ConfirmQuit):
            self.push(ConfirmQuit(self))

    def quit(self) -> None:
        self.running = False

    def do(self, command: Command) -> None:
        """What the facilitator asked for, from a key, a button or the menu."""
        actions = {
            Command.HOME: self.go_start,
            Command.SETUP: self.open_setup,
            Command.RESUME: self.resume,
            Command.VIEW_LOCKED: lambda: self.resume(self.shelf.locked, read_only=True) if self.shelf.locked else None,
            Command.MENU: self.open_menu,
            Command.HELP: self.open_help,
            Command.PHONES: self.toggle_phones,
            Command.SERVE_PHONES: lambda: self.set_phones(self.phones is None),
            Command.UNDO: self.undo,
            Command.TIMER: self.toggle_timer,
            Command.MORE_TIME: self.more_time,
            Command.FULLSCREEN: self.toggle_fullscreen,
            Command.LARGER_TEXT: lambda: self.change_text_scale(1),
            Command.SMALLER_TEXT: lambda: self.change_text_scale(-1),
            Command.BLACKOUT: self.black_out,
            Command.NEXT_LANGUAGE: self.next_language,
            Command.PREVIOUS_LANGUAGE: lambda: self.next_language(-1),
            Command.NEXT_DECK: self.next_deck,
            Command.RELOAD_DECK: self.reload_deck,
            Command.QUIT: self.request_quit,
            Command.QUIT_NOW: self.quit,
        }
        actions[command]()
        self.dirty = True

    # -- the game on screen --------------------------------------------------------------------------------
    def playing(self) -> GameController | None:
        """The game on screen; None on the start or set-up screen (also over a game left behind)."""
        return self.game if self._shown is not None else None

    def show_game(self, keep: bool = False) -> None:
        """Show the screen the controller owes the players now (overlays on top are closed); `keep`: unless
        the scene on screen goes on showing it (an open round, after one more answer)."""
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

    def toggle_timer(self) -> None:
        if (game := self.playing()) is not None:
            game.toggle_timer()

    def more_time(self) -> None:
        if (game := self.playing()) is not None:
            game.extend_timer(60)

    def undo(self) -> None:
        if (game := self.playing()) is not None:
            game.undo()
            self.sync_game()

    # -- window --------------------------------------------------------------------------------------------
    def set_surface(self, surface: pygame.Surface | None) -> None:
        if surface is None:
            return
        self.surface = surface
        self.layout.resize(surface.get_size())
        self.painter = Painter(surface, self.layout, self.text, self.text_scale)
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        # Headless, the picture goes into a plain Surface: there is no window to fill the screen with.
        surface = window.toggle_fullscreen(self.fullscreen) if pygame.display.get_surface() is self.surface else None
        if surface is None:
            self.toast(self.t("toast.fullscreen_failed"))
            return
        self.fullscreen = not self.fullscreen
        self.set_surface(surface)
        self.remember_settings()

    def change_text_scale(self, step: int) -> None:
        self.text_scale = next_text_scale(self.text_scale, step)
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

    def black_out(self) -> None:
        self.blackout = True

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
        if self.blackout:  # any key brings the picture back, and does nothing else
            self.blackout = False
            return
        top = self.top
        if event.key == pygame.K_ESCAPE and not top.overlay:  # over an overlay, Escape is the overlay's
            top.stop_typing()
            self.open_menu()
        elif (command := shortcut(event, top, self.phones is not None)) is not None:
            self.do(command)
        else:
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
        if timer is not None and timer.running and self.game is not None:
            self.game.checkpoint_timer()
        if timer is not None and (timer.running or timer.started_at is not None):
            label = (timer.label(), timer.done)
            if label != self._timer_shown:
                self._timer_shown = label
                self.timer_dirty = True
        if self.deck_changed(now):
            self.reload_deck()

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

    # -- the teams' phones --------------------------------------------------------------------------------
    def sync_phones(self) -> None:
        """Record the answers the phones sent (as if the facilitator had chosen them), publish the screen
        they should show, and show the join panel once for each new game."""
        assert self.phones is not None
        game = self.playing()
        self.phones.pause(self.blackout)  # the projector blacked out: the room, phones too, waits
        if self.phones.sync(game):
            self.sync_game()
            self.dirty = True
        if self.phones.recounted():  # a phone joined or left: the team rows count them
            self.dirty = True
        if game is not None and self._phones_shown is not game:
            self._phones_shown = game
            self.toggle_phones()

    def toggle_phones(self) -> None:
        if isinstance(self.top, PhonesOverlay):
            self.pop()
        elif self.phones is not None and not self.top.overlay:
            self.push(PhonesOverlay(self))

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
        # The problems of a translator's edit, unless the error screen shows them already.
        problems = self.watch_problems if self.game is not None or not self.problems else []
        read_only = (game := self.playing()) is not None and game.read_only
        draw_banners(p, self.t, self.toast_text, read_only, problems)
        if self.blackout:
            self.surface.fill((0, 0, 0))
        self.dirty = self.timer_dirty = False

    def draw_timer(self) -> pygame.Rect | None:
        """A tick of the discussion timer: redraw the timer alone over the last frame and return where (the
        window updates that rectangle only). None when the whole frame must be drawn instead."""
        top = self.top
        self.timer_dirty = False
        if self.blackout:
            return pygame.Rect(0, 0, 0, 0)  # nothing shows: nothing to draw
        if top.overlay or top.timer_at is None or self.game is None:
            self.dirty = True
            return None
        box, toggle = top.timer_at
        hits = list(self.painter.hits)  # the frame's buttons stay as they are: the timer's is where it was
        draw_timer(self.painter, top, box, toggle)
        self.painter.hits = hits
        return self.painter.r(box)

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
            if self.timer_dirty and not self.dirty:
                rect = self.draw_timer()
                if rect is not None:
                    pygame.display.update(rect)
            if self.dirty:
                self._guard(self.render)
                pygame.display.flip()
            first = window.wait_event(self.wait_ms(), self.wakeup)
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
            if self.playing() is not None:
                self.show_game()
            else:
                self.go_start()
            self.toast(self.t("toast.error"))
