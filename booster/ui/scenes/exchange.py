# SPDX-License-Identifier: MIT
"""Exchange: each team's positive points become experience cards, shown one by one."""

from __future__ import annotations

import time

from booster.table.views import ExchangedView, ExchangeView
from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, TITLE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import OneStepScene

STEP = 0.45  # seconds between two cards: short, calm


class ExchangeScene(OneStepScene):
    """A team about to exchange: its scores and one button."""

    name = "exchange"

    def __init__(self, app, view: ExchangeView) -> None:
        super().__init__(app)
        self.team = view.team

    def go_on(self) -> None:
        self.game.exchange()

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("exchange.title"), (60, 30, 1800, 100), TITLE, bold=True, align="center", max_lines=1)
        rules = self.deck.rules
        key = "exchange.explain" if rules.exchange_rate == 1 else "exchange.explain_rate"
        explain = t(key, rate=rules.exchange_rate, cap=rules.exchange_cap)
        red, step = rules.exchange_red, rules.exchange_red_step
        if red and step:  # the rule that makes neglecting a pillar a risk, said where it bites
            explain += " " + t("exchange.red_step", n=red, step=step, step2=2 * step)
        elif red:
            explain += " " + t("exchange.red", n=red)
        p.text(explain, (160, 140, 1600, 160), BODY, align="center")
        p.panel((360, 320, 1200, 400), theme.PANEL, theme.INK, 4, 24)
        common.token(p, app, self.team, (450, 400), 40)
        p.text(common.team_name(app, self.team), (520, 350, 1000, 100), TITLE, bold=True, valign="middle", max_lines=1)
        team = self.game.state.teams[self.team]
        if project := common.team_project(app, self.team):
            p.text(
                project,
                (520, 440, 1000, 56),
                SMALL,
                colour=theme.MUTED,
                max_lines=1,
            )
        scores = team.scores
        common.scores_row(p, app, scores, (420, 500, 1080, 110), LARGE)
        count = self.game.cards_earned(self.team)
        p.text(t("exchange.will_get", n=count), (420, 620, 1080, 80), BODY, bold=True, align="center", max_lines=1)
        common.go_on_button(p, app, (560, 800, 800, 110), t("exchange.go"), self.go_on, "exchange")
        common.small_buttons(p, app, 982)


class ExchangedScene(OneStepScene):
    """The cards a team received, appearing one after the other."""

    name = "exchanged"

    def __init__(self, app, view: ExchangedView, clock=time.monotonic) -> None:
        super().__init__(app)
        self.team, self.cards, self.echoes, self.clock = view.team, view.cards, view.echoes, clock
        self.started = clock()
        self.skip = False

    def shown(self) -> int:
        if self.skip:
            return len(self.cards)
        return min(len(self.cards), int((self.clock() - self.started) / STEP) + 1)

    def animating(self) -> bool:
        """Until the last card has slid into place (the shell then draws one more, final, frame)."""
        if self.skip or not self.cards:
            return False
        return self.clock() - self.started < (len(self.cards) - 1) * STEP + STEP / 2

    def go_on(self) -> None:
        if self.animating() or self.shown() < len(self.cards):  # first show every card, then move on
            self.skip = True
        else:
            self.game.dismiss()

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        common.token(p, app, self.team, (110, 90), 40)
        p.text(
            t("exchange.received", team=common.team_name(app, self.team), n=len(self.cards)),
            (170, 40, 1700, 100),
            TITLE,
            bold=True,
            valign="middle",
            max_lines=2,
        )
        if not self.cards:
            p.text(t("exchange.none"), (160, 400, 1600, 100), LARGE, align="center")
        shown = self.shown()
        n = len(self.cards)
        cols = 4 if n > 6 else 3 if n > 2 else max(1, n)
        rows = max(1, (n + cols - 1) // cols)
        cw, ch = 1800 / cols, min(380, 780 / rows)
        # Which decision a card answers is the lesson of the exchange: two lines for it while there is room.
        echo_lines = 2 if rows <= 2 else 1
        for k, (cid, pillar) in enumerate(self.cards[:shown]):
            x = 60 + (k % cols) * cw
            y = 180 + (k // cols) * ch
            # The newest card slides up into place over one step.
            age = 1.0 if self.skip else min(1.0, (self.clock() - self.started - k * STEP) / STEP * 2)
            y += (1 - max(0.0, age)) * 40
            p.panel((x + 10, y + 10, cw - 20, ch - 20), theme.PANEL, theme.INK, 3, 18)
            common.pillar_icon(p, app, pillar, (x + 60, y + 52), 26)
            p.text(
                common.pillar_name(app, pillar), (x + 100, y + 24, cw - 130, 56), SMALL, max_lines=1, valign="middle"
            )
            echo = self.echoes[k] if k < len(self.echoes) else None
            echo_h = 48 * echo_lines + 8 if echo else 0
            title_h = ch - 108 - echo_h
            p.text(app.deck_text("cards", cid, "title") or cid, (x + 30, y + 84, cw - 60, title_h), BODY, bold=True)
            if echo:  # this card answers one of the team's own decisions: say which
                card = app.deck_text("cards", echo[0], "title") or echo[0]
                p.text(
                    t("card.answers", card=card),
                    (x + 30, y + ch - 24 - echo_h, cw - 60, echo_h),
                    SMALL,
                    colour=theme.MUTED,
                    max_lines=echo_lines,
                )
        last = self.game.state.phase == "over"
        label = t("exchange.to_debrief") if last else t("exchange.next")
        common.go_on_button(p, app, (1180, 968, 700, 96), label, self.go_on, "continue")
        common.small_buttons(p, app, 978)
