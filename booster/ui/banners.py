# SPDX-License-Identifier: MIT
"""What the window draws over every screen: the message strip (a toast, or the banner of a game looked at
read-only) and why a translator's last edit cannot be shown."""

from __future__ import annotations

from booster.ui import theme
from booster.ui.i18n import Strings
from booster.ui.paint import BODY, Painter
from booster.ui.scenes.error import draw_problems

TOAST_STRIP = (0, 0, 1920, 104)  # the messages' own strip, over the header: never over a button or response


def draw_banners(p: Painter, t: Strings, toast: str, read_only: bool, problems: list[str]) -> None:
    """`toast`: the message of the moment ("": none); `read_only`: the game on screen is another window's;
    `problems`: the deck's files as a translator left them, if they cannot be shown."""
    if problems:
        p.panel((40, 560, 1840, 400), theme.NEGATIVE_BG, theme.INK, 5, 18)
        p.text(t("error.problems"), (70, 570, 1780, 64), BODY, bold=True, max_lines=1)
        draw_problems(p, t, problems, (60, 640, 1800, 300))
    # A game another window plays, looked at: said on every screen, not only when a press is refused.
    if toast or read_only:
        x, y, w, h = TOAST_STRIP
        p.panel((x, y, w, h), theme.TOAST, theme.INK, 4, 0)
        if not toast:
            p.hatch((x, y, w, h), theme.HATCH)
        said = toast or t("toast.read_only_banner")
        p.text(said, (x + 40, y + 6, w - 80, h - 12), BODY, align="center", valign="middle", max_lines=2)
