# SPDX-License-Identifier: MIT
"""What a facilitator notices in a workshop: every card of the exchange seen, a clicker alone runs it all,
an undo gives the time back, messages never hide a button, a resume offer says which game."""

from __future__ import annotations

from collections import Counter

import pygame
from ui_drive import MINI, key, new_app

from booster import paths
from booster.deck.loader import load_deck
from booster.table import saves
from booster.table.views import ExchangedView
from booster.tools.demo import SCENES, goto, make_app, step
from booster.ui import theme
from booster.ui.app import App, Options
from booster.ui.settings import load_settings

CLICKER = {
    pygame.K_PAGEDOWN,
    pygame.K_PAGEUP,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_b,
    pygame.K_PERIOD,
    pygame.K_ESCAPE,
    pygame.K_F5,
}


def click_key(app: App, k: int) -> None:
    assert k in CLICKER, "a clicker has no such key"
    key(app, k)


def test_the_exchange_draws_its_last_card():
    """The loop redraws only when told to: the frame where the last card lands must be drawn."""
    now = [1000.0]
    app = App(Options(deck=str(MINI), lang="en", seed=5), pygame.Surface((1280, 720)), clock=lambda: now[0])
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60)
    g = app.game
    assert g is not None
    while not (isinstance(g.view(), ExchangedView) and len(g.view().cards) >= 2):  # type: ignore[union-attr]
        step(app)
    app.toast_text = ""  # nothing else may trigger a redraw
    app.render()
    titles = [app.deck.text("en", "cards", c, "title") for c, _p in app.top.cards]  # type: ignore[union-attr, attr-defined]
    for _ in range(200):  # the loop: tick, and redraw when something moved
        now[0] += 0.05
        app.tick()
        if app.dirty:
            app.text.records = []
            app.render()
    drawn = Counter(text for _r, _b, text, _px, _cut in app.text.records or [])
    assert not Counter(titles) - drawn, "the last frame misses a card"
    assert not app.dirty and app.wait_ms() == 0  # and then the loop sleeps


def test_pgdn_during_the_exchange_shows_every_card_before_moving_on():
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "exchanged")
    app.top.skip = False  # type: ignore[attr-defined]
    app.top.started = app.clock()  # type: ignore[attr-defined]
    before = app.game.view()
    key(app, pygame.K_PAGEDOWN)
    assert app.game.view() == before and app.top.shown() == len(app.top.cards)  # type: ignore[attr-defined]
    key(app, pygame.K_PAGEDOWN)
    assert app.game.view() != before


def test_undo_gives_back_the_time_left():
    now = [0.0]
    app = App(Options(deck=str(MINI), lang="en", seed=2), pygame.Surface((1280, 720)), clock=lambda: now[0])
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)  # a game of two teams, timer 60 s
    key(app, pygame.K_PAGEDOWN)  # the stage
    key(app, pygame.K_PAGEDOWN)  # advance: a challenge
    assert app.top.name == "card"
    timer = app.game.timer
    key(app, pygame.K_t)
    now[0] += 25
    key(app, pygame.K_1)
    key(app, pygame.K_1)  # played: the effect, the timer stops
    assert app.top.name == "effect" and not timer.running
    now[0] += 10
    key(app, pygame.K_BACKSPACE)
    assert app.top.name == "card"
    assert timer.running and round(timer.remaining()) == 35  # the 35 s that were left, running again


def test_a_whole_workshop_with_clicker_keys_alone():
    app = new_app(MINI, lang="fr")
    click_key(app, pygame.K_PAGEDOWN)  # start screen: "New game"
    assert app.top.name == "setup"
    scene = app.top
    click_key(app, pygame.K_F5)  # the team count has the highlight: 1 more team
    assert scene.count == 3  # type: ignore[attr-defined]
    for _ in range(3):
        click_key(app, pygame.K_PAGEUP)  # on through the controls a clicker needs: the mode, the phones, the timer
    assert scene.focused("timer")
    timer_before = scene.timer  # type: ignore[attr-defined]
    click_key(app, pygame.K_F5)
    assert scene.timer != timer_before  # type: ignore[attr-defined]
    for _ in range(10):  # on through the teams' own controls to the last team's colour
        if not scene.focused("colour2"):
            click_key(app, pygame.K_PAGEUP)
    assert scene.focused("colour2")
    colour_before = scene.tokens[2][0]  # type: ignore[attr-defined]
    click_key(app, pygame.K_F5)
    assert scene.tokens[2][0] != colour_before  # type: ignore[attr-defined]
    click_key(app, pygame.K_PAGEDOWN)  # start
    g = app.game
    assert g is not None and len(g.state.teams) == 3 and g.timer_length() == scene.timer  # type: ignore[attr-defined]
    timer_started = undone = False
    for _ in range(800):
        if app.top.name == "debrief":
            break
        if app.top.name == "card" and not timer_started:
            click_key(app, pygame.K_PAGEUP)  # from the first response, round to the timer
            assert app.top.focused("timer")
            click_key(app, pygame.K_PAGEDOWN)
            assert g.timer.running and app.top.focused("option0") and not app.top.armed  # type: ignore[attr-defined]
            timer_started = True
            continue
        if app.top.name == "board" and not undone and g.can_undo():
            click_key(app, pygame.K_ESCAPE)  # the menu: Down to "undo", PageDown chooses
            click_key(app, pygame.K_DOWN)
            log = len(g.match.log)
            click_key(app, pygame.K_PAGEDOWN)
            assert len(g.match.log) < log and app.top.name != "menu"
            undone = True
            continue
        click_key(app, pygame.K_F5 if app.top.name == "board" else pygame.K_PAGEDOWN)
    assert app.top.name == "debrief" and timer_started and undone
    assert g.state.phase == "over"
    assert g.autosave_path is not None and saves.load(g.autosave_path).log == g.match.log


def test_messages_never_cover_a_button():
    for scene in SCENES:
        app = make_app(MINI, "fr", (1280, 720))
        goto(app, scene)
        app.toast("Un message assez long pour prendre deux lignes " * 4)
        app.render()
        strip = app.painter.r((0, 0, 1920, 104))
        covered = [h.name for h in app.painter.hits if h.rect.colliderect(strip)]
        assert not covered, f"{scene}: the message covers {covered}"


def test_team_tokens_never_look_like_pillars():
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    pillars = [theme.pillar_style(deck.rules.pillars, i) for i in range(len(deck.rules.pillars))]
    tokens = theme.default_tokens(deck.rules.pillars, 8)
    assert len(set(tokens)) == 8 and len({c for c, _s in tokens}) == 8 and len({s for _c, s in tokens}) == 8
    for ci, shape in tokens:
        assert shape not in {s for _c, s in pillars}
        assert theme.TEAM_COLOURS[ci][1] not in {c for c, _s in pillars}


def test_setup_warns_about_two_identical_tokens():
    app = make_app(MINI, "en", (1280, 720))
    app.open_setup()
    scene = app.top
    assert scene.clash() == ""  # type: ignore[attr-defined]
    for _ in range(len(scene.colour_order) - 1):  # type: ignore[attr-defined]
        scene.change("colour1", 1)  # type: ignore[attr-defined]
    scene.tokens[1][1] = scene.tokens[0][1]  # type: ignore[attr-defined]
    scene.tokens[1][0] = scene.tokens[0][0]  # type: ignore[attr-defined]
    assert "same token" in scene.clash()  # type: ignore[attr-defined]


def test_the_resume_offer_says_which_game_and_a_finished_game_is_not_offered():
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "board")
    played = len(app.game.match.log)
    app.release_game()  # the window is closed
    other = new_app(MINI)
    offer = other.shelf.offer
    assert offer is not None and offer.teams == tuple(t.name for t in app.game.state.teams)
    other.text.records = []
    other.render()
    texts = " ".join(d.text for d in other.text.records)
    total = len(app.deck.rules.stages)
    assert app.game.state.teams[0].name in texts and f"stage {app.game.state.stage + 1} of {total}" in texts
    goto(app, "debrief")  # a newer game, played to its end
    app.release_game()
    offer = new_app(MINI).shelf.offer
    assert offer is not None and offer.decisions == played  # the finished one is passed over


def test_text_size_is_remembered_for_a_window():
    app = make_app(MINI, "en", (1280, 720))
    app.window = True
    app.change_text_scale(1)
    assert load_settings().text_scale == app.text_scale > 1


MECHANICS = MINI.parent / "mechanics"


def test_consequences_marks_and_echoes_are_shown():
    """After a choice: its effect, what happened next and the marks it left; at the exchange and the
    debrief: which decision an experience card answers."""
    from booster.table.views import EffectView

    app = make_app(MECHANICS, "en", (1920, 1080))
    goto(app, "board")
    g = app.game
    seen_effect = seen_echo = False
    for _ in range(400):
        v = g.view()
        if isinstance(v, EffectView) and v.marks and not seen_effect:
            app.text.records = []
            app.render()
            texts = {d.text for d in app.text.records}
            consequence = app.deck.text("en", "cards", v.card, "consequences", v.option)
            assert consequence and consequence in texts
            assert any(app.deck.text("en", "marks", v.marks[0]) in t for t in texts)
            seen_effect = True
        if isinstance(v, ExchangedView) and any(v.echoes) and not seen_echo:
            app.text.records = []
            app.render()
            assert any(t.startswith("Answers your choice") for t in (d.text for d in app.text.records))
            seen_echo = True
        if g.state.phase == "over":
            break
        step(app)
    assert seen_effect and seen_echo


def test_a_reveal_tool_shows_every_response_before_choosing():
    from booster.table.views import ChallengeView

    app = make_app(MECHANICS, "en", (1920, 1080))
    goto(app, "board")
    g = app.game
    for _ in range(400):
        v = g.view()
        if isinstance(v, ChallengeView):
            reveal = [t for t in g.helpful_tools() if g.rules.book.tool_use(v.card, t).reveals]
            if reveal:
                break
        if g.state.phase == "over":
            raise AssertionError("no reveal tool was ever playable")
        step(app)
    before = g.state.teams[g.state.turn].scores
    app.top.toggle_tool(reveal[0])  # a reveal tool is spent: the first press only says so
    assert g.state.revealed is None and reveal[0] not in g.state.teams[g.state.turn].spent
    app.top.toggle_tool(reveal[0])
    app.sync_game()
    assert g.state.revealed == reveal[0] and g.state.teams[g.state.turn].scores == before
    app.text.records = []
    app.render()
    shown = "\n".join(d.text for d in app.text.records)
    assert "Revealed by" in shown and "1: " in shown


def test_the_effect_screen_shows_the_responses_as_the_team_saw_them():
    """A response withheld from the team (it lacked a mark or a tool) is not drawn after the choice either,
    and the chosen one keeps the number the team saw."""
    from booster.table.views import EffectView

    app = make_app(MECHANICS, "en", (1920, 1080))
    goto(app, "board")
    g = app.game
    checked = 0
    for _ in range(400):
        v = g.view()
        if isinstance(v, EffectView) and v.offered is not None:
            card = app.deck.cards[v.card]
            withheld = [o.id for o in card.options if o.id not in v.offered]
            if withheld:
                app.text.records = []
                app.render()
                texts = {d.text for d in app.text.records}
                for o in withheld:
                    assert app.deck.text("en", "cards", v.card, "options", o) not in texts
                n = list(v.offered).index(v.option) + 1
                assert any(t == app.t("card.chosen", n=n) for t in texts)
                checked += 1
        if g.state.phase == "over":
            break
        step(app)
    assert checked, "no response was withheld in this game: the test saw nothing"
