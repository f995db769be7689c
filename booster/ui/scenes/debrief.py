# SPDX-License-Identifier: MIT
"""Debrief: the teams side by side on the pillars, the tools each discovered, and their experience cards
read out one by one (PageDown/PageUp walk through them)."""

from __future__ import annotations

from functools import partial

import pygame

from booster.ui import theme
from booster.ui.carddraw import card_size, draw_card
from booster.ui.paint import BODY, LARGE, SMALL, TITLE, Painter
from booster.ui.scenes import common, workshop
from booster.ui.scenes.base import GO_BACK, GO_ON, Scene


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0  # 0: overview; k ≥ 1: the k-th experience card
        # Where the last overview drew each score: (team, pillar) -> (zero line x, bar's box), logical units.
        self.bars: dict[tuple[int, int], tuple[float, tuple[float, float, float, float]]] = {}

    def cards(self) -> list[tuple[int, str]]:
        return [(i, c) for i, tm in enumerate(self.game.state.teams) for c in tm.experience]

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        seat = workshop.digit(k)
        if seat is not None and seat < len(self.game.state.teams):  # a team's number: what led to what
            self.open_chains(seat)
            return True
        n = len(self.cards())
        if k in GO_ON:
            self.page = self.page + 1 if self.page < n else 0
            return True
        if k in GO_BACK:
            self.page = max(0, self.page - 1)
            return True
        return False

    def open_chains(self, seat: int) -> None:
        self.app.push(workshop.ChainsScene(self.app, seat))

    def set_page(self, page: int) -> None:
        self.page = page

    def export(self) -> None:
        common.export_report(self.game, self.app.lang)

    def draw(self, p: Painter) -> None:
        if self.page and self.page <= len(self.cards()):
            self.draw_card_page(p)
        else:
            self.page = 0
            self.draw_overview(p)

    def draw_overview(self, p: Painter) -> None:
        app, t = self.app, self.t
        state = self.game.state
        p.fill(theme.BG)
        p.text(t("debrief.title"), (60, 20, 900, 100), TITLE, bold=True, valign="middle", max_lines=1)
        rules, key = self.deck.rules, "debrief.balance"
        if rules.exchange_red:  # the sentence says how the exchange made the balance count
            key = "debrief.balance_red_step" if rules.exchange_red_step else "debrief.balance_red"
        balance = t(key)
        p.text(balance, (960, 20, 920, 100), SMALL, colour=theme.MUTED, valign="middle", max_lines=2)
        teams = state.teams
        n = len(teams)
        cols = n if n <= 4 else (n + 1) // 2
        rows = 1 if n <= 4 else 2
        cw = 1840 / cols
        ch = 830 / rows
        npil = len(self.deck.rules.pillars)
        # One scale for every team: a zero line, gains to its right, losses to its left (hatched, as a loss
        # is everywhere), so that -4 never looks like 0.
        top = max((max(s, 0) for tm in teams for s in tm.scores), default=0)
        low = max((max(-s, 0) for tm in teams for s in tm.scores), default=0)
        span = max(1, top + low)
        # Every team's tool list at one size, the largest at which the longest fits (never below the type
        # scale: a list too long is cut, the report has it whole): side by side, lists of different sizes
        # would look like different levels of importance.
        bar_h = min(90, (ch - 20 - 130 - 60 - 56 - 10) / npil)
        tool_lists = [" · ".join(app.deck_text("cards", c, "title") or c for c in tm.tools) for tm in teams]
        list_box = (0, 0, cw - 60, ch - 20 - 130 - npil * bar_h - 120)  # the box each list is drawn in
        floor = p.floor_px()
        list_px = min(
            (
                p.tr.fit(text, p.font_px(SMALL), False, p.r(list_box).width, p.r(list_box).height, 0, floor)[0]
                for text in tool_lists
                if text
            ),
            default=p.font_px(SMALL),
        )
        for i, tm in enumerate(teams):
            x = 40 + (i % cols) * cw
            y = 130 + (i // cols) * ch
            w, h = cw - 20, ch - 20
            p.panel((x, y, w, h), theme.PANEL, theme.LINE, 3, 18)
            common.token(p, app, i, (x + 44, y + 50), 28)
            p.text(tm.name, (x + 84, y + 14, w - 180, 72), BODY, bold=True, valign="middle", max_lines=1)
            # The team's number: pressed (or its key), what led to what in its game, the road not taken.
            p.button((x + w - 86, y + 16, 68, 68), str(i + 1), partial(self.open_chains, i), size=BODY,
                     name=f"chains{i}")  # fmt: skip
            scenario = common.team_project(app, i)
            box = (x + 20, y + 70, w - 40, 48)
            # The project the team adopted, under its name (cut with "…" where it is long: the set-up and the
            # report show it whole).
            if scenario:
                p.text(scenario, box, SMALL, colour=theme.MUTED, max_lines=1)
            # Pillars as bars with icon and number, all teams on the same scale.
            for j, s in enumerate(tm.scores):
                by = y + 120 + j * bar_h
                common.pillar_icon(p, app, j, (x + 40, by + bar_h / 2), min(22, bar_h * 0.32))
                p.text(f"{s:+d}" if s else "0", (x + 70, by, 90, bar_h), BODY, bold=True, valign="middle", max_lines=1)
                colour, _shape = theme.pillar_style(self.deck.rules.pillars, j)
                full = w - 190
                zero = x + 170 + full * low / span
                if s:
                    bar = (min(zero, zero + full * s / span), by + bar_h * 0.2, full * abs(s) / span, bar_h * 0.6)
                    self.bars[(i, j)] = (zero, bar)
                    p.panel(bar, colour, theme.INK, 2, 6)
                    if s < 0:
                        p.hatch(bar, theme.INK, gap=12, width=3)
                if low:  # the zero line, where losses start
                    p.panel((zero - 2, by + bar_h * 0.08, 4, bar_h * 0.84), theme.INK, None, radius=0)
            ty = y + 130 + npil * bar_h
            p.text(t("debrief.tools", n=len(tm.tools)), (x + 20, ty, w - 40, 50), SMALL, bold=True, max_lines=1)
            rest = y + h - ty - 120
            if tool_lists[i] and rest > 30:
                list_rect = p.r((x + 20, ty + 52, w - 40, rest))
                p.tr.draw(p.surface, tool_lists[i], list_rect, list_px, False, theme.INK, floor=list_px)
            p.text(
                t("debrief.experience", n=len(tm.experience)),
                (x + 20, y + h - 64, w - 40, 52),
                SMALL,
                bold=True,
                max_lines=1,
            )
        if self.cards():
            common.go_on_button(
                p, app, (1160, 975, 720, 90), t("debrief.read"), lambda: self.set_page(1), "read", size=BODY
            )
        p.button((640, 975, 480, 90), t("debrief.export"), self.export, size=SMALL, name="export")
        common.small_buttons(p, app, 982, undo=False)

    def draw_card_page(self, p: Painter) -> None:
        app, t = self.app, self.t
        cards = self.cards()
        team, cid = cards[self.page - 1]
        p.fill(theme.BG)
        draw_card(p, self.deck, app.lang, cid, (70, 60, *card_size("experience")), t, None, app.t.mark_missing)
        common.token(p, app, team, (1360, 120), 40)
        p.text(common.team_name(app, team), (1420, 70, 460, 100), LARGE, bold=True, valign="middle", max_lines=2)
        own = [c for tm, c in cards if tm == team]
        p.text(t("debrief.card_n", i=own.index(cid) + 1, n=len(own)), (1320, 190, 560, 80), BODY, max_lines=2)
        p.text(f"{self.page} / {len(cards)}", (1320, 290, 560, 70), BODY, colour=theme.MUTED, max_lines=1)
        echo = self.game.echo_of(team, cid)
        if echo:  # the decision this testimony answers
            card = app.deck_text("cards", echo[0], "title") or echo[0]
            p.text(t("card.answers", card=card), (1320, 380, 560, 300), BODY)
        last = self.page >= len(cards)
        common.go_on_button(
            p,
            app,
            (1320, 860, 560, 100),
            t("debrief.overview") if last else t("card.continue"),
            lambda: self.set_page(0 if last else self.page + 1),
            "next",
            size=BODY,
        )
        if not last:  # on the last card the way forward is the overview already: one button, not two
            p.button((1320, 740, 560, 90), t("debrief.overview"), lambda: self.set_page(0), size=SMALL, name="overview")
        common.small_buttons(p, app, 982, undo=False)
