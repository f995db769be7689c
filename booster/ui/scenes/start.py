# SPDX-License-Identifier: MIT
"""Start: new game, resume the autosave, language, deck."""

from __future__ import annotations

import time

import pygame

from booster.table.controller import ResumeOffer
from booster.ui import theme
from booster.ui.i18n import deck_title, language_notes
from booster.ui.paint import HUGE, LARGE, SMALL, Painter
from booster.ui.scenes.base import Command, Scene


class StartScene(Scene):
    name = "start"

    def ring(self):
        app = self.app
        items = []
        if app.shelf.path is not None:
            items.append(("resume", lambda: app.do(Command.RESUME)))
            if len(app.shelf.offers) > 1:
                items.append(("other", app.shelf.step))
        if app.deck is not None:
            items.append(("new", lambda: app.do(Command.SETUP)))
        if app.shelf.locked is not None:
            items.append(("view", lambda: app.do(Command.VIEW_LOCKED)))
        items += [
            ("language", lambda: app.do(Command.NEXT_LANGUAGE)),
            ("deck", lambda: app.do(Command.NEXT_DECK)),
            ("quit", lambda: app.do(Command.QUIT)),
        ]
        return items

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_LEFT,) and self.focused("language"):
            self.app.do(Command.PREVIOUS_LANGUAGE)
            return True
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT) and (self.focused("resume") or self.focused("other")):
            self.app.shelf.step(-1 if event.key == pygame.K_LEFT else 1)
            return True
        return super().key(event)

    def about(self, offer: ResumeOffer) -> str:
        """The game on offer in words: its teams, the stage reached and when it started."""
        t, deck = self.t, self.app.deck
        names = ", ".join(offer.teams)
        started = time.localtime(offer.started)
        same_day = time.localtime()[:3] == started[:3]
        when = time.strftime("%H:%M" if same_day else "%d/%m %H:%M", started)
        if deck is None or offer.stage < 0:
            return t("start.resume_other", teams=names, time=when)
        total = len(deck.rules.stages)
        return t("start.resume_about", teams=names, n=min(offer.stage + 1, total), total=total, time=when)

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("app_title"), (120, 50, 1680, 130), HUGE, bold=True, align="center", valign="middle", max_lines=1)
        p.text(t("start.subtitle"), (120, 180, 1680, 80), LARGE, align="center", valign="middle", max_lines=2)
        x, w = 460, 1000
        y = 290
        actions = dict(self.ring())
        offer = app.shelf.offer
        if offer is not None:
            p.button(
                (x, y, w, 110),
                t("start.resume"),
                actions["resume"],
                focused=self.focused("resume"),
                primary=True,
                size=LARGE,
                name="resume",
            )
            if len(app.shelf.offers) > 1:  # older unfinished games: one button steps through them
                n, total = app.shelf.place()
                p.button(
                    (x + w + 20, y + 15, 380, 80),
                    t("start.other_game", n=n, total=total),
                    actions["other"],
                    focused=self.focused("other"),
                    size=SMALL,
                    name="other",
                )
            p.text(
                self.about(offer),
                (x - 200, y + 116, w + 400, 100),
                SMALL,
                colour=theme.MUTED,
                align="center",
                max_lines=2,
            )
            y += 225
        if app.deck is not None:
            p.button(
                (x, y, w, 110),
                t("start.new_game"),
                actions["new"],
                focused=self.focused("new"),
                primary=offer is None,
                size=LARGE,
                name="new",
            )
            y += 125
            if offer is None:
                p.text(
                    t("start.resume_failed", why=app.shelf.problem)
                    if app.shelf.problem
                    else t("start.resume_locked" if app.shelf.locked is not None else "start.resume_none"),
                    (x - 200, y, w + 400, 100),
                    SMALL,
                    colour=theme.MUTED,
                    align="center",
                    max_lines=2,
                )
                y += 100
        if app.shelf.locked is not None:
            p.button((x, y, w, 90), t("start.view_locked"), actions["view"], focused=self.focused("view"), name="view")
            y += 104
        # An incomplete interface language is offered with a line under the switch saying what it lacks;
        # the buttons below make room for it (into the empty space above them when there is some).
        note = "\n".join(language_notes(app.lang, app.t, app.deck))
        room = 100 if note else 0
        y = max(y, 640 - room)
        p.button(
            (x, y, w, 96),
            t("start.language", name=app.t.language_name(app.lang)),
            actions["language"],
            focused=self.focused("language"),
            name="language",
        )
        if note:
            p.text(note, (x - 200, y + 106, w + 400, 90), SMALL, colour=theme.INK, align="center", max_lines=2)
        y += room
        p.button(
            (x, y + 112, w, 96),
            t("start.deck", name=deck_title(self.deck, app.lang)),
            actions["deck"],
            focused=self.focused("deck"),
            name="deck",
        )
        p.button((x, y + 224, w, 96), t("start.quit"), actions["quit"], focused=self.focused("quit"), name="quit")
        if y + 320 <= 990:  # how to go full screen, where the buttons leave room
            p.text(t("start.keys"), (60, 990, 1800, 80), SMALL, colour=theme.MUTED, align="center", max_lines=1)
