# SPDX-License-Identifier: MIT
"""A deck that cannot be used: its problems as `file:line:col: sentence`, never a traceback."""

from __future__ import annotations

from booster.ui import theme
from booster.ui.paint import BODY, SMALL, TITLE, Painter
from booster.ui.scenes.base import Scene


class ErrorScene(Scene):
    name = "error"

    def __init__(self, app, problems: list[str]) -> None:
        super().__init__(app)
        self.problems = problems

    def ring(self):
        return [("other", self.app.next_deck), ("quit", self.app.request_quit)]

    def draw(self, p: Painter) -> None:
        t = self.t
        p.fill(theme.BG)
        p.text(t("error.title"), (60, 30, 1800, 100), TITLE, bold=True, valign="middle", max_lines=1)
        draw_problems(p, t, self.problems, (60, 150, 1800, 680))
        if self.app.watching:
            p.text(t("error.watching"), (60, 850, 1800, 70), BODY, colour=theme.MUTED, max_lines=1)
        p.button((60, 950, 800, 100), t("error.other_deck"), self.app.next_deck, focused=self.focus == 0,
                 primary=True, size=BODY, name="other")
        p.button((1080, 950, 800, 100), t("start.quit"), self.app.request_quit, focused=self.focus == 1, size=BODY,
                 name="quit")


def draw_problems(p: Painter, t, problems: list[str], box) -> None:
    x, y, w, h = box
    p.panel(box, theme.PANEL, theme.INK, 3, 16)
    rh = 66
    fit = max(1, int((h - 20) // rh))
    shown = problems if len(problems) <= fit else problems[: fit - 1]
    for i, line in enumerate(shown):
        p.text(line, (x + 20, y + 10 + i * rh, w - 40, rh - 4), SMALL, valign="middle", max_lines=2)
    if len(shown) < len(problems):
        p.text(t("error.more", n=len(problems) - len(shown)), (x + 20, y + 10 + len(shown) * rh, w - 40, rh - 4),
               SMALL, bold=True, valign="middle", max_lines=1)
