# SPDX-License-Identifier: MIT
"""The board: the stages as a path of spaces with the teams' tokens, and the scoreboard."""

from __future__ import annotations

import pygame

from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_ON, Scene


def draw_space_icon(p: Painter, kind: str, centre: tuple[float, float], r: float) -> None:
    """Challenge: a bold question mark; tool: a hammer. Shapes, so kinds differ without colour."""
    x, y = centre
    if kind == "challenge":
        p.text("?", (x - r, y - r, 2 * r, 2 * r), r * 1.5, bold=True, align="center", valign="middle", max_lines=1)
    else:
        head = p.r((x - r * 0.6, y - r * 0.65, r * 1.2, r * 0.45))
        handle = p.r((x - r * 0.12, y - r * 0.3, r * 0.24, r * 0.95))
        pygame.draw.rect(p.surface, theme.INK, head)
        pygame.draw.rect(p.surface, theme.INK, handle)


def draw_check(p: Painter, centre: tuple[float, float], r: float) -> None:
    x, y = centre
    pts = [p.layout.point(x - r, y), p.layout.point(x - r * 0.3, y + r * 0.7), p.layout.point(x + r, y - r * 0.7)]
    pygame.draw.lines(p.surface, theme.INK, False, pts, p.px(max(3, r / 4)))


class BoardScene(Scene):
    name = "board"

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in GO_ON:
            self.app.advance()
            return True
        return False

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        state = app.session.state
        team = state.turn
        p.fill(theme.BG)
        common.header(p, app, team, common.stage_title(app, state.stage))
        self.draw_path(p, state, (40, 115, 1840, 340))
        self.draw_scores(p, state, (40, 475, 1840, 480))
        p.button(
            (900, 975, 980, 90),
            t("board.advance", team=common.team_name(app, team)),
            app.advance,
            primary=True,
            focused=True,
            size=LARGE,
            hint="PgDn",
            name="advance",
        )
        common.small_buttons(p, app, 982)

    def draw_path(self, p: Painter, state, box) -> None:
        app = self.app
        x, y, w, h = box
        stages = app.deck.rules.stages
        n = len(stages)
        gap = 16
        sw = (w - gap * (n - 1)) / n
        for si, stage in enumerate(stages):
            sx = x + si * (sw + gap)
            current = si == state.stage
            done = si < state.stage
            fill = theme.DONE if done else theme.PANEL
            p.panel((sx, y, sw, h), fill, theme.FOCUS if current else theme.LINE, 8 if current else 3, 18)
            name = app.deck_text("stages", stage.id, "name") or stage.id
            p.text(
                f"{si + 1}. {name}",
                (sx + 16, y + 10, sw - 32 - (40 if done else 0), 64),
                SMALL if n > 3 else BODY,
                bold=current,
                valign="middle",
                max_lines=2,
            )
            if done:
                draw_check(p, (sx + sw - 34, y + 42), 16)
            slots = len(stage.spaces) + 1  # the start slot, then each space
            cw = (sw - 20) / slots
            size = min(96, cw - 12)
            sy = y + 90
            for j in range(slots):
                cx = sx + 10 + j * cw + cw / 2
                if j == 0:
                    p.text(
                        app.t("board.start_space"),
                        (cx - cw / 2 + 2, sy, cw - 4, size),
                        SMALL * min(1, cw / 150),
                        align="center",
                        valign="middle",
                        max_lines=1,
                        colour=theme.MUTED,
                    )
                else:
                    kind = stage.spaces[j - 1]
                    p.panel(
                        (cx - size / 2, sy, size, size),
                        theme.HIGHLIGHT if kind == "tool" else theme.PRIMARY,
                        theme.INK,
                        3,
                        14,
                    )
                    draw_space_icon(p, kind, (cx, sy + size / 2), size * 0.38)
                if current:
                    here = [i for i, space in enumerate(state.spaces) if space == j - 1]
                    self.draw_tokens(p, here, (cx - cw / 2, sy + size + 12, cw, h - (sy - y) - size - 22), state.turn)

    def draw_tokens(self, p: Painter, teams: list[int], box, turn: int) -> None:
        x, y, w, h = box
        if not teams:
            return
        n = len(teams)

        def radius(cols: int) -> float:
            rows = (n + cols - 1) // cols
            return min(24, w / cols / 2 - 3, h / rows / 2 - 3)

        cols = max(range(1, n + 1), key=radius)  # the grid that gives the largest tokens
        r = max(4.0, radius(cols))
        for k, team in enumerate(teams):
            cx = x + (k % cols + 0.5) * (w / cols)
            cy = y + (k // cols + 0.5) * (2 * r + 6)
            if team == turn:  # the team to play: a ring around its token
                pygame.draw.circle(p.surface, theme.INK, p.layout.point(cx, cy), (r + 5) * p.layout.k, p.px(4))
            common.token(p, self.app, team, (cx, cy), r)

    def draw_scores(self, p: Painter, state, box) -> None:
        app = self.app
        x, y, w, h = box
        p.panel(box, theme.PANEL, theme.LINE, 3, 18)
        npil = len(app.deck.rules.pillars)
        # Legend: icon + pillar name, once.
        p.text(app.t("board.scores"), (x + 24, y + 10, 300, 60), BODY, bold=True, valign="middle", max_lines=1)
        lw = (w - 360) / max(1, npil)
        for i in range(npil):
            lx = x + 340 + i * lw
            common.pillar_icon(p, app, i, (lx + 26, y + 40), 24)
            p.text(common.pillar_name(app, i), (lx + 60, y + 10, lw - 70, 60), SMALL, valign="middle", max_lines=1)
        teams = state.teams
        cols = 1 if len(teams) <= 4 else 2
        per_col = (len(teams) + cols - 1) // cols
        cw = (w - 40) / cols
        rh = min(96, (h - 90) / per_col)
        for i, tm in enumerate(teams):
            cx = x + 20 + (i // per_col) * cw
            cy = y + 80 + (i % per_col) * rh
            current = i == state.turn
            p.panel(
                (cx, cy + 4, cw - 20, rh - 8),
                theme.HIGHLIGHT if current else theme.BG,
                theme.FOCUS if current else theme.LINE,
                6 if current else 2,
                14,
            )
            common.token(p, app, i, (cx + 40, cy + rh / 2), min(26, rh * 0.3))
            name_w = (cw - 20) * 0.42
            p.text(tm.name, (cx + 80, cy + 8, name_w - 80, rh - 16), BODY, bold=current, valign="middle", max_lines=1)
            common.scores_row(
                p, app, tm.scores, (cx + name_w + 10, cy + 10, cw - 40 - name_w, rh - 20), LARGE if cols == 1 else BODY
            )
