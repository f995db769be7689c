# SPDX-License-Identifier: MIT
"""Long team names on the round's rows (issue 21): eight teams, each named up to the 28-character limit,
answering from phones, are each drawn whole on the projector, at the readable floor at least, in French and
English, from 720p to 4K."""

from __future__ import annotations

import pygame
import pytest
from test_room_flow import play_until
from ui_drive import key, new_app, type_text

from booster import paths
from booster.ui.paint import FLOOR
from booster.ui.scenes.setup import MAX_NAME

NAMES = {
    "en": [
        "Northside Community Kitchen",
        "Riverside Repair Café Crew",
        "The Neighbourhood Bike Works",
        "Green Roofs for Every School",
        "Second Chance Clothes Market",
        "Eastgate Food Co-operative",
        "Shared Tools Library Project",
        "Seniors and Students Housing",
    ],
    "fr": [
        "Coopérative des Quatre Vents",
        "Association Solidaire du Sud",
        "Les Jardins Partagés du Nord",
        "Ressourcerie de la Belle Mai",
        "Épicerie Solidaire du Panier",
        "Atelier Vélo des Chartreux",
        "Maison des Savoirs Partagés",
        "Colocations Intergénérations",
    ],
}


def set_up(app, names: list[str]) -> None:
    """Eight named teams, all at once, answering from phones: by keys, as a facilitator types them."""
    key(app, pygame.K_RETURN)  # "New game"
    scene = app.top
    for _ in range(len(names) - 2):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the mode: all at once
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # answers from phones: on
    for i, name in enumerate(names):
        scene.focus_on(f"name{i}")
        key(app, pygame.K_RETURN)
        type_text(app, name)
        key(app, pygame.K_RETURN)
    key(app, pygame.K_PAGEDOWN)
    assert app.phones is not None and [t.name for t in app.game.state.teams] == names


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_eight_long_team_names_are_drawn_whole_on_the_round(lang, size):
    names = NAMES[lang]
    assert all(len(n) <= MAX_NAME for n in names) and max(len(n) for n in names) >= 27
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    set_up(app, names)
    key(app, pygame.K_ESCAPE)  # the phones' join panel
    play_until(app, "round")
    app.text.records = []
    app.render()
    drawn = {d.text: d for d in app.text.records}
    app.text.records = None
    floor = app.painter.floor_px(FLOOR)
    for name in names:
        assert name in drawn, f"{name} is not on the round"
        assert not drawn[name].cut and drawn[name].px >= floor, f"{name}: {drawn[name]}"
    # The card stays as wide as it can, and no row runs off the screen.
    rows = [h.rect for h in app.painter.hits if h.name.startswith("team")]
    assert len(rows) == 8 and all(app.surface.get_rect().contains(r) for r in rows)
    assert min(r.left for r in rows) >= app.surface.get_width() * 0.55


def test_short_names_keep_the_status_in_words():
    app = new_app(paths.CORE_DECK)
    set_up(app, [f"Team {n}" for n in range(1, 9)])
    key(app, pygame.K_ESCAPE)
    play_until(app, "round")
    app.text.records = []
    app.render()
    drawn = [d.text for d in app.text.records]
    app.text.records = None
    assert drawn.count(app.t("round.not_yet")) == 8
