# SPDX-License-Identifier: MIT
"""Stage transition: the next stage's introduction and its key questions."""

from __future__ import annotations

import pygame

from booster.table.views import StageView
from booster.ui import theme
from booster.ui.carddraw import card_text, card_texts, fit_stack
from booster.ui.paint import BODY, HUGE, LARGE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import OneStepScene


class StageScene(OneStepScene):
    name = "stage"

    def __init__(self, app, view: StageView) -> None:
        super().__init__(app)
        self.stage = view.stage

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        stages = self.deck.rules.stages
        sid = stages[self.stage].id
        p.fill(theme.BG)
        p.text(
            t("stage.heading", n=self.stage + 1, total=len(stages)),
            (120, 40, 1680, 70),
            LARGE,
            align="center",
            max_lines=1,
        )
        name = app.deck_text("stages", sid, "name") or sid
        p.text(name, (120, 110, 1680, 130), HUGE, bold=True, align="center", valign="middle", max_lines=1)
        # The path so far: one mark per stage, the current one filled and larger (shape + size, not colour).
        n = len(stages)
        for i in range(n):
            cx = 960 + (i - (n - 1) / 2) * 90
            r = 24 if i == self.stage else 14
            pygame.draw.circle(
                p.surface,
                theme.INK if i <= self.stage else theme.LINE,
                p.layout.point(cx, 270),
                r * p.layout.k,
                0 if i <= self.stage else p.px(4),
            )
        box = (160, 320, 1600, 620)
        p.panel(box, theme.PANEL, theme.LINE, 3, 24)
        intro = card_text(self.deck, app.lang, "stages", sid, "intro", mark=app.t.mark_missing)
        questions = list(card_texts(self.deck, app.lang, "stages", sid, "questions", mark=app.t.mark_missing).values())
        x, w = 220, 1480
        # One size for all the key questions (and one for the introduction), shrunk together when the stage
        # says a lot: questions of different sizes would look like different levels of importance.
        items = [(intro, w, LARGE, False, 0.0)] if intro else []
        items += [(t("stage.questions"), w, BODY, True, 0.0)] if questions else []
        items += [(q, w - 60, BODY, False, 0.0) for q in questions]
        f, heights = fit_stack(p, items, 20, 560)
        y: float = 350
        rows = iter(heights)
        if intro:
            h = next(rows)
            p.text(intro, (x, y, w, h), LARGE * f)
            y += h + 30
        if questions:
            h = next(rows)
            p.text(t("stage.questions"), (x, y, w, h), BODY * f, bold=True, max_lines=1)
            y += h + 10
            for q in questions:
                h = next(rows)
                pygame.draw.circle(p.surface, theme.INK, p.layout.point(x + 16, y + 30 * f), 9 * p.layout.k)
                p.text(q, (x + 60, y, w - 60, h), BODY * f)
                y += h + 20
        common.go_on_button(p, app, (1160, 968, 720, 96), t("stage.begin"), self.go_on, "begin")
        common.small_buttons(p, app, 978)
