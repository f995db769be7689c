# SPDX-License-Identifier: MIT
"""The debrief of a real-project workshop, driven by posted events only: a team's number opens its chains,
R replays one of its decisions, the room's view and the passports are one button away."""

from __future__ import annotations

import sys
from pathlib import Path

import pygame
import pytest
from ui_drive import click, key, new_app, type_text

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.chains import fold
from booster.engine.replay import decisions, road_not_taken
from booster.table import saves

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))
from passport_sample import project_save


@pytest.fixture(scope="module")
def core():
    return load_deck(paths.CORE_DECK).deck


def debrief(core, lang: str = "en", size=(1280, 720), mode: str | None = None):
    """An app on the debrief of a project game: resumed before its last exchange from the start screen, and
    played to its end, as a person would."""
    path = saves.games_dir() / f"game-20261118-{lang}-{size[0]}.json"
    saves.save(path, project_save(core, lang, mode=mode).undo())
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    assert app.shelf.path is not None  # Resume offers it
    key(app, pygame.K_RETURN)
    for _ in range(6):
        if app.top.name == "debrief":
            break
        key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "debrief"
    return app


@pytest.mark.parametrize("mode", [None, "all-at-once"])
def test_a_teams_number_opens_its_chains_and_r_replays_a_decision_as_booster_replay_does(core, mode):
    app = debrief(core, mode=mode)
    match = app.game.match
    key(app, pygame.K_2)
    assert app.top.name == "chains" and app.top.seat == 1
    shown = [line.text for line in app.top.lines() if line.text]
    expected = [c for c in fold(core.cards, match.events()) if c.team == 1]
    assert len([t for t in shown if t]) == sum(len(c.links) for c in expected)
    key(app, pygame.K_1)  # another team's number: its chains
    assert app.top.seat == 0
    key(app, pygame.K_r)
    assert app.top.name == "replay"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # the team's second decision
    decision = decisions(match, 0)[1]
    assert app.top.decision == decision
    key(app, pygame.K_RETURN)  # the first other response
    other = next(o for o in decision.offered if o != decision.option)
    road = app.top.road
    assert road is not None and road.response == other
    assert road.end == road_not_taken(match, 0, 2, other).end  # the terminal's replay agrees
    key(app, pygame.K_BACKSPACE)  # back to the responses, the decisions, then the chains
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_BACKSPACE)
    assert app.top.name == "chains"
    key(app, pygame.K_BACKSPACE)
    assert app.top.name == "debrief"


def test_a_teams_number_button_leads_to_the_rooms_view_and_writes_the_passports(core):
    app = debrief(core)
    click(app, "chains2")  # the third team's number, clicked
    assert app.top.name == "chains" and app.top.seat == 2
    click(app, "room")
    assert app.top.name == "room"
    counts = app.top.counts()
    assert counts and all(sum(len(s) for _o, s in responses) >= 1 for _c, responses in counts)
    key(app, pygame.K_BACKSPACE)
    click(app, "passports")
    written = sorted((saves.data_dir() / "passports").glob("*/*.pdf"))
    assert len(written) == 3 and "3 passports written" in app.toast_text


def test_screens_at_every_size_in_french_and_english(core, tmp_path):
    for lang, size in (("fr", (1920, 1080)), ("en", (1280, 720)), ("fr", (3840, 2160))):
        app = debrief(core, lang, size)
        app.release_game()
        for keys in (
            [pygame.K_1],
            [pygame.K_1, pygame.K_r],
            [pygame.K_1, pygame.K_r, pygame.K_RETURN, pygame.K_RETURN],
        ):
            app.scenes = app.scenes[:1]
            for k in keys:
                key(app, k)
            app.render()
            pygame.image.save(app.surface, str(tmp_path / f"{app.top.name}-{lang}-{size[0]}.png"))
        app.scenes = app.scenes[:1]
        click(app, "chains0")
        click(app, "room")
        app.render()
        pygame.image.save(app.surface, str(tmp_path / f"room-{lang}-{size[0]}.png"))


def test_commitments_are_entered_at_the_end_and_reach_the_passport(core):
    from booster.paper.passport import passports

    app = debrief(core)
    key(app, pygame.K_3)  # the team without a project writes commitments too
    key(app, pygame.K_c)
    assert app.top.name == "commitments"
    key(app, pygame.K_RETURN)  # who
    type_text(app, "Jo & <Amina>")
    key(app, pygame.K_RETURN)  # what
    key(app, pygame.K_RETURN)
    type_text(app, "Call the housing association 📞 **now**")
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_RETURN)  # by when
    key(app, pygame.K_RETURN)
    type_text(app, "15 June")
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "chains"
    saved = saves.load(app.game.autosave_path)
    third = passports(saved, core, "en")[2]
    assert third.commitments == [("Jo & <Amina>", "Call the housing association 📞 **now*", "15 June")]
