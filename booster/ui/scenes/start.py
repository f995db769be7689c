# SPDX-License-Identifier: MIT
"""Start: new game, resume the autosave, language, deck."""

from __future__ import annotations

import pygame

from booster.ui import theme
from booster.ui.paint import BODY, HUGE, LARGE, Painter
from booster.ui.scenes.base import Scene


class StartScene(Scene):
    name = "start"

    def ring(self):
        app = self.app
        items = []
        if app.can_resume():
            items.append(("resume", app.resume))
        if app.deck is not None:
            items.append(("new", app.open_setup))
        if app.can_view_locked():
            items.append(("view", app.view_locked))
        items += [("language", app.next_language), ("deck", app.next_deck), ("quit", app.request_quit)]
        return items

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT,) and self.focused("language"):
            self.app.next_language(-1)
            return True
        return super().key(event)

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("app_title"), (120, 70, 1680, 130), HUGE, bold=True, align="center", valign="middle", max_lines=1)
        p.text(t("start.subtitle"), (120, 200, 1680, 80), LARGE, align="center", valign="middle", max_lines=2)
        # Pillar icons under the title, as a quiet reminder of the three pillars.
        y, x, w = 330, 560, 800
        items: list[tuple[str, object, bool]] = []
        if app.can_resume():
            items.append(("resume", t("start.resume"), True))
        if app.deck is not None:
            items.append(("new", t("start.new_game"), not app.can_resume()))
        if app.can_view_locked():
            items.append(("view", t("start.view_locked"), False))
        actions = dict(self.ring())
        for name, label, primary in items:
            p.button(
                (x, y, w, 110),
                str(label),
                actions[name],
                focused=self.focused(name),
                primary=primary,
                size=LARGE,
                name=name,
            )
            y += 135
        if not app.can_resume() and app.deck is not None:
            p.text(
                app.resume_problem or t("start.resume_none"),
                (x, y - 10, w, 60),
                BODY,
                colour=theme.MUTED,
                align="center",
                max_lines=2,
            )
            y += 70
        elif app.resume_problem:
            p.text(app.resume_problem, (260, y - 10, 1400, 100), BODY, colour=theme.MUTED, align="center")
            y += 100
        y = max(y, 640)
        p.button(
            (x, y, w, 96),
            t("start.language", name=app.t.language_name(app.lang)),
            actions["language"],
            focused=self.focused("language"),
            name="language",
        )
        p.button(
            (x, y + 116, w, 96),
            t("start.deck", name=app.deck_title()),
            actions["deck"],
            focused=self.focused("deck"),
            name="deck",
        )
        p.button((x, y + 232, w, 96), t("start.quit"), actions["quit"], focused=self.focused("quit"), name="quit")
