# SPDX-License-Identifier: MIT
"""The players meet the graded cost of a pillar in the red where it bites: the exchange screen says it, the
debrief says why balance matters, in English and French (a core-deck game played by keys alone)."""

from __future__ import annotations

import pygame
import pytest
from ui_drive import key, new_app, said

from booster import paths

SAID = {
    "en": (
        "A pillar below zero costs you 1 of them between -1 and -3, 1 more down to -6",
        "the deeper a pillar was in the red, the more cards it cost",
    ),
    "fr": (
        "Un pilier sous zéro vous en coûte 1 entre -1 et -3, 1 de plus jusqu’à -6",
        "plus un pilier était dans le rouge, plus il a coûté de cartes",
    ),
}


@pytest.mark.parametrize("lang", SAID)
def test_the_exchange_and_the_debrief_say_the_graded_cost(lang):
    app = new_app(paths.CORE_DECK, lang)
    key(app, pygame.K_RETURN)  # start: "New game" has the focus
    for _ in range(12):  # up the setup's fields, round to "Start"
        if app.top.focused("start"):
            break
        key(app, pygame.K_UP)
    assert app.top.focused("start")
    key(app, pygame.K_RETURN)
    exchange_said: list[str] = []
    for _ in range(500):
        if app.top.name == "debrief":
            break
        if app.top.name == "exchange" and not exchange_said:
            exchange_said = said(app)
        if app.top.name == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)  # one press points, the second plays
        else:
            key(app, pygame.K_RETURN)
    on_exchange, on_debrief = SAID[lang]
    assert any(on_exchange in text for text in exchange_said), exchange_said
    assert any(on_debrief in text for text in said(app))
