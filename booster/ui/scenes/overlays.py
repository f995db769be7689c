# SPDX-License-Identifier: MIT
"""Overlays drawn over the current scene: help (every key), the menu (Esc) and the quit confirmation."""

from __future__ import annotations

import pygame

from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, TITLE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import Command, Ring, Scene
from booster.ui.scenes.board import draw_space_icon

HELP_KEYS = (
    "options",
    "go_on",
    "clicker",
    "f5",
    "back",
    "arrows",
    "undo",
    "timer",
    "black",
    "fullscreen",
    "size",
    "phones",
    "help",
    "menu",
)
# All at once, the keys of a round take the place of those of one team's challenge.
ROUND_HELP_KEYS = tuple(
    k
    for key in HELP_KEYS
    for k in (
        ("round_pick", "round_row", "round_reveal")
        if key == "options"
        else ("round_clicker",)
        if key == "clicker"
        else (key,)
    )
)


class HelpOverlay(Scene):
    name = "help"
    overlay = True

    def key(self, event: pygame.event.Event) -> bool:
        self.app.pop()  # any key closes: a clicker can always get out
        return True

    def draw(self, p: Painter) -> None:
        t = self.t
        p.panel((160, 50, 1600, 980), theme.PANEL, theme.INK, 5, 24)
        p.text(t("help.title"), (220, 70, 700, 90), TITLE, bold=True, valign="middle", max_lines=1)
        # What the board's spaces mean, next to the title: the icons are shapes, not colours.
        lx = 960
        for kind in ("challenge", "tool"):
            p.panel((lx, 85, 60, 60), theme.HIGHLIGHT if kind == "tool" else theme.PRIMARY, theme.INK, 3, 10)
            draw_space_icon(p, kind, (lx + 30, 115), 22)
            p.text(t(f"help.space_{kind}"), (lx + 72, 80, 300, 70), SMALL, valign="middle", max_lines=1)
            lx += 390
        game = self.app.playing()
        keys = ROUND_HELP_KEYS if game is not None and game.state.mode == "all-at-once" else HELP_KEYS
        y, rh = 165.0, min(59.0, 770 / len(keys))
        for key in keys:
            p.text(t(f"help.{key}"), (220, y, 1480, rh), BODY, valign="middle", max_lines=1)
            y += rh
        p.button((1160, 940, 560, 70), t("help.close"), self.app.pop, size=SMALL, name="close")


class MenuOverlay(Scene):
    """Resume, undo, save, language, full screen, export, quit. Up/Down/Tab and PageUp move,
    PageDown/Enter/Space/Right/F5 choose, Esc/Left closes: a clicker's PageUp and PageDown suffice."""

    name = "menu"
    overlay = True

    def ring(self) -> Ring:
        app = self.app
        game = app.playing()
        items: Ring = [("resume", app.pop)]
        if game is not None:
            items.append(("undo", lambda: self.close_then(Command.UNDO)))
            items.append(("save", game.save_copy))
        items.append(("language", lambda: app.do(Command.NEXT_LANGUAGE)))
        items.append(("fullscreen", lambda: app.do(Command.FULLSCREEN)))
        if game is not None:
            items.append(("export", lambda: common.export_report(game, app.lang)))
            items.append(("home", lambda: self.close_then(Command.HOME)))
        items.append(("help", lambda: self.close_then(Command.HELP)))
        items.append(("quit", lambda: app.do(Command.QUIT)))
        return items

    def close_then(self, command: Command) -> None:
        """Close the menu, then do what was picked in it."""
        self.app.pop()
        self.app.do(command)

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ring = self.ring()
        if k in (pygame.K_ESCAPE, pygame.K_LEFT):
            self.app.pop()
            return True
        if k in (pygame.K_DOWN, pygame.K_TAB):
            self.focus = (self.focus + 1) % len(ring)
            return True
        if k in (pygame.K_UP, pygame.K_PAGEUP):
            self.focus = (self.focus - 1) % len(ring)
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_RIGHT, pygame.K_F5, pygame.K_PAGEDOWN):
            ring[min(self.focus, len(ring) - 1)][1]()
            return True
        return True  # the menu is modal: other keys do nothing underneath

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        ring = self.ring()
        rh = min(100, 900 / len(ring))
        h = rh * len(ring) + 130
        y0 = (1080 - h) / 2
        p.panel((560, y0, 800, h), theme.PANEL, theme.INK, 5, 24)
        p.text(t("menu.title"), (600, y0 + 20, 720, 80), LARGE, bold=True, valign="middle", max_lines=1)
        labels = {
            "language": t("menu.language", name=app.t.language_name(app.lang)),
            "fullscreen": t("menu.window" if app.fullscreen else "menu.fullscreen"),  # what the press does
        }
        for i, (name, action) in enumerate(ring):
            label = labels.get(name) or t(f"menu.{name}")
            p.button(
                (620, y0 + 110 + i * rh, 680, rh - 14),
                label,
                action,
                focused=i == self.focus,
                size=BODY,
                primary=name == "resume",
                name=name,
            )


class ConfirmQuit(Scene):
    """Nothing quits without this: the highlight starts on Stay, so a stray Esc or Enter is harmless."""

    name = "confirm"
    overlay = True

    def ring(self):
        return [("stay", self.app.pop), ("quit", lambda: self.app.do(Command.QUIT_NOW))]

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_ESCAPE:
            self.app.pop()
            return True
        if k in (
            pygame.K_LEFT,
            pygame.K_RIGHT,
            pygame.K_UP,
            pygame.K_DOWN,
            pygame.K_TAB,
            pygame.K_PAGEUP,
            pygame.K_PAGEDOWN,
        ):
            self.focus = 1 - self.focus
            return True
        if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5):
            self.ring()[self.focus][1]()
            return True
        return True

    def draw(self, p: Painter) -> None:
        t = self.t
        p.panel((460, 300, 1000, 480), theme.PANEL, theme.INK, 5, 24)
        p.text(t("confirm.quit"), (520, 330, 880, 100), TITLE, bold=True, align="center", valign="middle", max_lines=1)
        p.text(t("confirm.quit_saved"), (520, 440, 880, 130), BODY, align="center")
        p.button(
            (540, 620, 380, 110),
            t("confirm.stay"),
            self.app.pop,
            focused=self.focus == 0,
            primary=True,
            size=LARGE,
            name="stay",
        )
        p.button(
            (1000, 620, 380, 110),
            t("confirm.yes_quit"),
            lambda: self.app.do(Command.QUIT_NOW),
            focused=self.focus == 1,
            size=LARGE,
            name="quit",
        )
