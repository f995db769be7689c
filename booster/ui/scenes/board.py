# SPDX-License-Identifier: MIT
"""The board: the stages as a path of spaces with the teams' tokens, and the scoreboard."""

from __future__ import annotations

import pygame

from booster.table.views import BoardView
from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_ON, Scene


def draw_space_icon(p: Painter, kind: str, centre: tuple[float, float], r: float) -> None:
    """Challenge: a bold question mark; tool: a hammer. Shapes, so kinds differ without colour."""
    x, y = centre
    if kind == "challenge":
        p.text("?", (x - r, y - r, 2 * r, 2 * r), r * 1.5, bold=True, align="center", valign="middle", floor=0)
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

    def __init__(self, app, view: BoardView) -> None:
        super().__init__(app)
        self.team = view.team

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in GO_ON:
            self.game.advance()
            return True
        return False

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        state = self.game.state
        team = state.to_play  # None all at once: every team moves at once, no one's turn
        p.fill(theme.BG)
        common.header(p, app, team, common.stage_title(app, state.stage))
        self.draw_path(p, state, (40, 115, 1840, 340))
        self.draw_scores(p, state, (40, 475, 1840, 480))
        common.go_on_button(
            p,
            app,
            (900, 975, 980, 90),
            t("board.advance_all") if team is None else t("board.advance", team=common.team_name(app, team)),
            self.game.advance,
            "advance",
        )
        common.small_buttons(p, app, 982)

    def draw_path(self, p: Painter, state, box) -> None:
        """The stages side by side, the current one wide; one thick line runs through every space, and the
        teams' tokens stand on the spaces they reached."""
        app = self.app
        x, y, w, h = box
        stages = self.deck.rules.stages
        n = len(stages)
        gap = 16
        current = min(state.stage, n - 1)
        # The current stage gets the room its tokens need; the others keep their spaces, smaller.
        wide = (w - gap * (n - 1)) * (0.36 if n > 1 else 1.0)
        narrow = (w - gap * (n - 1) - wide) / max(1, n - 1)
        centres: list[tuple[float, float]] = []
        spots: list[tuple[int, int, float, float, float]] = []  # stage, slot, centre x, centre y, size
        sx = x
        for si, stage in enumerate(stages):
            sw = wide if si == current else narrow
            done = si < state.stage
            here = si == current
            fill = theme.DONE if done else theme.PANEL
            p.panel((sx, y, sw, h), fill, theme.FOCUS if here else theme.LINE, 8 if here else 3, 18)
            name = app.deck_text("stages", stage.id, "name") or stage.id
            p.text(
                f"{si + 1}. {name}",
                (sx + 12, y + 8, sw - 24 - (40 if done else 0), 104 if not here else 72),
                BODY if here else SMALL,
                bold=here,
                valign="middle",
                max_lines=2 if not here else 1,
            )
            if done:
                draw_check(p, (sx + sw - 34, y + 42), 16)
            slots = len(stage.spaces) + 1  # the start slot, then each space
            cw = (sw - 20) / slots
            size = min(150 if here else 84, cw - 14)
            cy = y + 112 + (h - 112) / 2 - 20  # one height for every stage: the path runs straight
            for j in range(slots):
                cx = sx + 10 + j * cw + cw / 2
                centres.append((cx, cy))
                spots.append((si, j, cx, cy, size))
            sx += sw + gap
        # The path first, under the spaces: a thick line from the first start to the last space.
        pts = [p.layout.point(cx, cy) for cx, cy in centres]
        if len(pts) > 1:
            pygame.draw.lines(p.surface, theme.PATH, False, pts, p.px(14))
        for si, j, cx, cy, size in spots:
            here = si == current
            if j == 0:
                r = size * 0.42
                pygame.draw.circle(p.surface, theme.PANEL, p.layout.point(cx, cy), r * p.layout.k)
                pygame.draw.circle(p.surface, theme.INK, p.layout.point(cx, cy), r * p.layout.k, p.px(4))
                if here:
                    p.text(
                        app.t("board.start_space"),
                        (cx - size / 2 - 10, cy + r + 2, size + 20, 50),
                        SMALL,
                        bold=True,
                        align="center",
                        max_lines=1,
                    )
            else:
                kind = stages[si].spaces[j - 1]
                p.panel(
                    (cx - size / 2, cy - size / 2, size, size),
                    theme.HIGHLIGHT if kind == "tool" else theme.PRIMARY,
                    theme.INK,
                    4 if here else 3,
                    14,
                )
                draw_space_icon(p, kind, (cx, cy), size * 0.34)
            if here:
                on = [i for i, space in enumerate(state.spaces) if space == j - 1]
                self.draw_tokens(p, on, (cx - size / 2, cy - size / 2, size, size), state.to_play)

    def draw_tokens(self, p: Painter, teams: list[int], box, turn: int | None) -> None:
        """The tokens of `teams` standing on a space (box): as large as the space allows, in a grid."""
        x, y, w, h = box
        if not teams:
            return
        n = len(teams)
        cols = 1 if n == 1 else 2 if n <= 4 else 3
        rows = (n + cols - 1) // cols
        cell = min(w / cols, h / rows)
        r = min(44.0, cell / 2 - 8)
        gx, gy = x + (w - cols * cell) / 2, y + (h - rows * cell) / 2
        for k, team in enumerate(teams):
            cx = gx + (k % cols + 0.5) * cell
            cy = gy + (k // cols + 0.5) * cell
            if team == turn:  # the team to play: a white halo and a thick ring around its token
                pygame.draw.circle(p.surface, theme.PANEL, p.layout.point(cx, cy), (r + 7) * p.layout.k)
                pygame.draw.circle(p.surface, theme.INK, p.layout.point(cx, cy), (r + 7) * p.layout.k, p.px(5))
            common.token(p, self.app, team, (cx, cy), r)

    def draw_scores(self, p: Painter, state, box) -> None:
        app = self.app
        x, y, w, h = box
        p.panel(box, theme.PANEL, theme.LINE, 3, 18)
        npil = len(self.deck.rules.pillars)
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
        rh = min(110, (h - 90) / per_col)
        for i, tm in enumerate(teams):
            cx = x + 20 + (i // per_col) * cw
            cy = y + 80 + (i % per_col) * rh
            current = i == state.to_play
            p.panel(
                (cx, cy + 4, cw - 20, rh - 8),
                theme.HIGHLIGHT if current else theme.BG,
                theme.FOCUS if current else theme.LINE,
                6 if current else 2,
                14,
            )
            common.token(p, app, i, (cx + 40, cy + rh / 2), min(30, rh * 0.34))
            name_w = (cw - 20) * 0.42
            room = common.PHONES_W if app.phones is not None else 0  # the phones following the team
            common.phones_count(p, app, i, (cx + name_w - room, cy + 8, room - 8, rh - 16))
            marks = common.marks_text(app, tm)
            if marks:  # the name above, the marks its decisions left under it
                p.text(
                    tm.name,
                    (cx + 84, cy + 2, name_w - 84 - room, rh * 0.52),
                    BODY,
                    bold=current,
                    valign="middle",
                    max_lines=1,
                )
                p.text(
                    marks,
                    (cx + 84, cy + rh * 0.5, name_w - 84 - room, rh * 0.5 - 2),
                    SMALL,
                    colour=theme.MUTED,
                    valign="middle",
                    max_lines=1,
                )
            else:
                p.text(
                    tm.name,
                    (cx + 84, cy + 8, name_w - 84 - room, rh - 16),
                    BODY,
                    bold=current,
                    valign="middle",
                    max_lines=1,
                )
            common.scores_row(
                p, app, tm.scores, (cx + name_w + 10, cy + 10, cw - 40 - name_w, rh - 20), LARGE if cols == 1 else BODY
            )
