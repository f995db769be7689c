# SPDX-License-Identifier: MIT
"""What the room reads (issue 21): negative scores drawn as negative, names that stop with a word, the
menu's full-screen line, one "back to the overview", and a read-only window that says so on every screen."""

from __future__ import annotations

import itertools

import pygame
from ui_drive import MINI, click, key, new_app, type_text

from booster import paths
from booster.ui import theme


def test_the_debriefs_bars_go_left_of_zero_for_a_loss():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    key(app, pygame.K_RETURN)  # New game, two teams, in turn
    key(app, pygame.K_PAGEDOWN)
    game = app.game
    for _ in range(3000):  # team 1 takes the response that costs most, team 2 the one that gives most
        top = app.top
        if top.name == "debrief":
            break
        if top.name == "card":
            offered = top.options()
            sums = [sum(game.rules.preview(game.state, o.id)) for o in offered]
            pick = sums.index(min(sums) if top.team == 0 else max(sums))
            key(app, pygame.K_1 + pick)
            key(app, pygame.K_1 + pick)
            continue
        key(app, pygame.K_PAGEDOWN)
    scores = game.state.teams[0].scores
    assert app.top.name == "debrief" and min(scores) < 0, scores
    app.render()
    bars = app.top.bars
    k = app.layout.k
    for j, s in enumerate(scores):
        if s == 0:
            assert (0, j) not in bars
            continue
        zero, (x, y, w, h) = bars[(0, j)]
        if s < 0:
            assert x < zero and abs(x + w - zero) < 1e-6  # from zero, leftwards
        else:
            assert abs(x - zero) < 1e-6 and w > 0
        # And drawn there: the middle of the bar is not the panel's background.
        cx, cy = app.layout.point(x + w / 2, y + h / 2)
        assert tuple(app.surface.get_at((int(cx), int(cy))))[:3] != theme.PANEL[:3]
        assert w * k > 2
    # Larger losses, longer bars: one scale for gains and losses.
    negatives = sorted((s, bars[(0, j)][1][2]) for j, s in enumerate(scores) if s < 0)
    assert all(a[1] >= b[1] for a, b in itertools.pairwise(negatives))


def test_a_long_team_name_stops_with_a_word():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)  # New game
    app.top.focus_on("name0")
    key(app, pygame.K_RETURN)  # edit the first name
    type_text(app, "Coopérative des Jardins partagés du quartier Saint-Michel")
    assert len(app.top.names[0]) == 28
    assert "28" in app.toast_text


def test_the_menu_says_what_the_full_screen_line_does():
    app = new_app(MINI, lang="fr")
    key(app, pygame.K_ESCAPE)
    app.text.records = []
    app.render()
    said = [d.text for d in app.text.records]
    app.text.records = None
    assert "Passer en plein écran" in said and not any("oui ou non" in s for s in said)


def test_the_last_experience_card_has_one_way_back_to_the_overview():
    app = new_app(MINI, lang="fr", size=(1920, 1080))
    key(app, pygame.K_RETURN)
    key(app, pygame.K_PAGEDOWN)
    for _ in range(500):
        if app.top.name == "debrief":
            break
        key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "debrief" and app.top.cards()
    for _ in range(len(app.top.cards())):
        key(app, pygame.K_PAGEDOWN)
    assert app.top.page == len(app.top.cards())
    app.text.records = []
    app.render()
    said = [d.text for d in app.text.records]
    app.text.records = None
    assert said.count(app.t("debrief.overview")) == 1
    key(app, pygame.K_PAGEDOWN)
    assert app.top.page == 0


def test_a_read_only_window_says_so_on_every_screen():
    first = new_app(MINI)
    key(first, pygame.K_RETURN)
    key(first, pygame.K_PAGEDOWN)
    second = new_app(MINI)
    now = [1000.0]
    second.clock = lambda: now[0]
    click(second, "view")
    assert second.game.read_only
    for _ in range(4):
        now[0] += 10  # the toast of the last refusal is gone
        second.process([])
        assert not second.toast_text
        second.text.records = []
        second.render()
        said = [d.text for d in second.text.records]
        second.text.records = None
        assert second.t("toast.read_only_banner") in said, second.top.name
        key(second, pygame.K_PAGEDOWN)
    first.release_game()


def test_the_boards_stage_names_are_drawn_whole_in_french_and_english():
    for lang in ("fr", "en"):
        app = new_app(paths.CORE_DECK, lang=lang)
        key(app, pygame.K_RETURN)  # New game, two teams, in turn
        for _ in range(5):
            if app.top.name == "board":
                break
            key(app, pygame.K_PAGEDOWN)
        assert app.top.name == "board"
        names = [app.deck_text("stages", s.id, "name") for s in app.deck.rules.stages]
        app.text.records = []
        app.render()
        drawn = [d for d in app.text.records if any(name in d.text for name in names)]
        assert len(drawn) >= len(names), (lang, [d.text for d in drawn])
        assert not [d.text for d in drawn if d.cut], lang  # "2. Positionnement" was cut to "Positionneme…"
