# SPDX-License-Identifier: MIT
"""The phones' join panel (`booster play --phones`): the QR code, the address in words, the room code.

Shown over the game when it starts, and again with P; any key or a click closes it, so a clicker can
always get out. The phones themselves are `booster.phones`; this only draws what the room needs to join.
"""

from __future__ import annotations

import pygame

from booster.phones.code import shown
from booster.ui import theme
from booster.ui.paint import BODY, HUGE, SMALL, TITLE, Painter
from booster.ui.scenes.base import Scene

QUIET = 4  # light modules around the symbol, as the QR standard asks


class PhonesOverlay(Scene):
    name = "phones"
    overlay = True

    def key(self, event: pygame.event.Event) -> bool:
        self.app.pop()
        return True

    def draw(self, p: Painter) -> None:
        t, phones = self.t, self.app.phones
        if phones is None:
            return
        p.panel((160, 60, 1600, 960), theme.PANEL, theme.INK, 5, 24)
        p.text(t("phones.title"), (220, 90, 1480, 90), TITLE, bold=True, valign="middle", max_lines=1)
        draw_qr(p, phones.qr, (220, 220, 640, 640))
        x, w = 920, 780
        p.text(t("phones.open"), (x, 215, w, 120), BODY, max_lines=2)
        p.text(phones.url.rstrip("/"), (x, 340, w, 90), TITLE, bold=True, max_lines=1)
        p.text(t("phones.code"), (x, 470, w, 60), BODY, max_lines=1)
        p.text(shown(phones.code), (x, 530, w, 130), HUGE * 1.4, bold=True, max_lines=1)
        p.text(t("phones.steps"), (x, 700, w, 180), SMALL, max_lines=4)
        p.button((1160, 910, 560, 80), t("phones.close"), self.app.pop, size=SMALL, name="close")


def draw_qr(p: Painter, modules: tuple[tuple[bool, ...], ...], box: tuple[float, float, float, float]) -> None:
    """The symbol on white with its quiet zone, in whole pixels per module so that cameras read it."""
    rect = p.r(box)
    n = len(modules) + 2 * QUIET
    size = max(1, min(rect.width, rect.height) // n)
    left = rect.x + (rect.width - size * n) // 2
    top = rect.y + (rect.height - size * n) // 2
    p.surface.fill((255, 255, 255), (left, top, size * n, size * n))
    for row, line in enumerate(modules):
        for col, dark in enumerate(line):
            if dark:
                p.surface.fill((0, 0, 0), ((col + QUIET) * size + left, (row + QUIET) * size + top, size, size))
