# SPDX-License-Identifier: MIT
"""A deck that cannot be used: its problems as `file:line:col: sentence`, never a traceback."""

from __future__ import annotations

from booster.ui import theme
from booster.ui.paint import BODY, SMALL, TITLE, Painter
from booster.ui.scenes.base import Command, Host, Scene


class ErrorScene(Scene):
    name = "error"

    def __init__(self, app: Host, problems: list[str], watching: bool = False) -> None:
        super().__init__(app)
        self.problems = problems
        self.watching = watching  # the deck's files are watched: the screen changes when they are fixed

    def ring(self):
        return [("other", lambda: self.app.do(Command.NEXT_DECK)), ("quit", lambda: self.app.do(Command.QUIT))]

    def draw(self, p: Painter) -> None:
        t = self.t
        p.fill(theme.BG)
        p.text(t("error.title"), (60, 30, 1800, 100), TITLE, bold=True, valign="middle", max_lines=1)
        draw_problems(p, t, self.problems, (60, 150, 1800, 680))
        if self.watching:
            p.text(t("error.watching"), (60, 850, 1800, 70), BODY, colour=theme.MUTED, max_lines=1)
        p.button(
            (60, 950, 800, 100),
            t("error.other_deck"),
            lambda: self.app.do(Command.NEXT_DECK),
            focused=self.focus == 0,
            primary=True,
            size=BODY,
            name="other",
        )
        p.button(
            (1080, 950, 800, 100),
            t("start.quit"),
            lambda: self.app.do(Command.QUIT),
            focused=self.focus == 1,
            size=BODY,
            name="quit",
        )


def draw_problems(p: Painter, t, problems: list[str], box) -> None:
    """Each problem wrapped on as many lines as it needs, as many problems as fit, then how many more."""
    x, y, w, h = box
    p.panel(box, theme.PANEL, theme.INK, 3, 16)
    px = p.font_px(SMALL)
    line_h = p.tr.line_height(px) / p.layout.k  # in layout units
    width = p.r((x + 20, y, w - 40, 10)).width
    top, bottom = y + 12, y + h - 12
    for i, line in enumerate(problems):
        rows = len(p.tr.wrap(line, px, False, width))
        need = rows * line_h + 8
        more_left = len(problems) - i - 1
        if top + need > bottom - (line_h + 8 if more_left else 0):
            p.text(
                t("error.more", n=len(problems) - i), (x + 20, top, w - 40, line_h + 4), SMALL, bold=True, max_lines=1
            )
            return
        p.text(line, (x + 20, top, w - 40, rows * line_h + 4), SMALL)
        top += need
