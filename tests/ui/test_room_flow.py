# SPDX-License-Identifier: MIT
"""The room's flow as a facilitator meets it (issue 21): every screen a game owes shown once per press in
both modes, a resume that comes back to the screen the room was looking at, and a discussion timer that
nothing but T and a new card changes."""

from __future__ import annotations

import pygame
import pytest
from ui_drive import key, new_app

from booster import paths
from booster.table import saves


def start(app, teams: int, together: bool) -> None:
    """From the start screen to a new game by keys alone."""
    key(app, pygame.K_RETURN)  # "New game"
    for _ in range(abs(teams - 2)):
        key(app, pygame.K_RIGHT if teams > 2 else pygame.K_LEFT)
    if together:
        key(app, pygame.K_DOWN)
        key(app, pygame.K_RETURN)  # in turn -> all at once
    key(app, pygame.K_PAGEDOWN)
    assert app.game is not None and len(app.game.state.teams) == teams


def answer_all(app) -> None:
    """Every team still waiting answers its first response (its number, then 1)."""
    for seat in app.game.waiting():
        key(app, pygame.K_1 + seat)
        key(app, pygame.K_1)


def play_until(app, name: str, limit: int = 3000) -> list[str]:
    """Press on (answering every round with first responses) until scene `name`; the scenes passed."""
    seen = []
    for _ in range(limit):
        top = app.top
        seen.append(top.name)
        if top.name == name:
            return seen
        if top.name == "debrief":
            break
        if top.name == "round" and app.game.waiting():
            answer_all(app)
            continue
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError(f"no {name} screen: {seen[-20:]}")


def test_all_at_once_each_team_sees_the_experience_cards_it_received():
    # A seed whose first responses earn cards (with seed 3 they end too deep in the red to earn any).
    app = new_app(paths.CORE_DECK, size=(1280, 720), seed=1)
    start(app, 4, together=True)
    play_until(app, "exchange")
    game = app.game
    received = []
    for _ in range(4):
        assert app.top.name == "exchange"
        team = app.top.team
        key(app, pygame.K_PAGEDOWN)
        assert app.top.name == "exchanged" and app.top.team == team  # its cards, before the next team
        assert len(app.top.cards) == len(game.state.teams[team].experience) > 0
        received.append(team)
        key(app, pygame.K_PAGEDOWN)  # every card at once
        key(app, pygame.K_PAGEDOWN)  # then on
    assert received == [0, 1, 2, 3] and app.top.name == "debrief"


@pytest.mark.parametrize("together", [True, False])
def test_every_stage_introduction_takes_one_press(together):
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 3, together)
    introductions = 0
    for _ in range(3000):
        top = app.top
        if top.name == "debrief":
            break
        if top.name == "stage":
            introductions += 1
            shown = top.stage
            key(app, pygame.K_PAGEDOWN)
            assert app.top.name != "stage" or app.top.stage != shown, f"stage {shown + 1} needed a second press"
            continue
        if top.name == "round" and app.game.waiting():
            answer_all(app)
            continue
        if top.name == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)
            continue
        key(app, pygame.K_PAGEDOWN)
    assert introductions == 5


def kill_and_resume(app, size=(1280, 720)):
    """The laptop dies (nothing more is written) and the game is resumed from the start screen."""
    path = app.game.autosave_path
    app.release_game()  # the lock goes with a killed process
    again = new_app(paths.CORE_DECK, size=size)
    assert again.shelf.path == path
    key(again, pygame.K_RETURN)  # "Resume" has the highlight
    return again


@pytest.mark.parametrize("screen", ["reveal", "stage", "tools", "exchanged"])
def test_a_resume_shows_the_screen_the_room_was_looking_at_all_at_once(screen):
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 3, together=True)
    if screen == "stage":  # the second stage's introduction, after the first stage's last reveal
        play_until(app, "reveal")
        while not (app.top.name == "stage" and app.top.stage == 1):
            play_until(app, "reveal")
            key(app, pygame.K_PAGEDOWN)
    else:
        play_until(app, screen)
    shown = app.top
    again = kill_and_resume(app)
    assert again.top.name == screen
    assert getattr(again.top, "view", None) == getattr(shown, "view", None)
    if screen == "stage":
        assert again.top.stage == 1
    key(again, pygame.K_PAGEDOWN)  # and the game goes on from there
    assert again.top.name != screen or screen == "exchanged"


@pytest.mark.parametrize("screen", ["effect", "tool"])
def test_a_resume_shows_the_screen_the_room_was_looking_at_in_turn(screen):
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 2, together=False)
    for _ in range(200):
        if app.top.name == screen:
            break
        if app.top.name == "card":
            key(app, pygame.K_2)
            key(app, pygame.K_2)
        else:
            key(app, pygame.K_PAGEDOWN)
    shown = app.top
    again = kill_and_resume(app)
    assert again.top.name == screen and again.top.card_id == shown.card_id and again.top.team == shown.team


def test_a_resume_after_the_screen_was_seen_does_not_show_it_again():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 3, together=True)
    play_until(app, "reveal")
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "board"
    assert kill_and_resume(app).top.name == "board"


def to_a_challenge_with_a_reveal_tool(app):
    """In turn, press on until the team to play holds a tool that reveals its challenge."""
    game = app.game
    for _ in range(3000):
        top = app.top
        if top.name == "card" and any(
            (use := game.rules.book.tool_use(top.card_id, tid)) is not None and use.reveals
            for tid in game.helpful_tools()
        ):
            return top
        if top.name == "debrief":
            break
        if top.name == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)
        else:
            key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no challenge with a reveal tool in reach")


def test_a_reveal_tool_and_its_undo_leave_the_running_timer_alone():
    clock = [1000.0]
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    app.clock = lambda: clock[0]
    start(app, 2, together=False)
    game = app.game
    game.timer.clock = app.clock
    card = to_a_challenge_with_a_reveal_tool(app)
    key(app, pygame.K_t)
    assert game.timer.running
    clock[0] += 5
    # The highlight to the reveal tool by PageUp (the clicker's way back), then twice PageDown: play it.
    while not app.top.focused(f"tool:{game.helpful_tools()[0]}") and not any(
        app.top.focused(f"tool:{t}") for t in game.helpful_tools()
    ):
        key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert game.state.revealed is not None and app.top.card_id == card.card_id
    assert game.timer.running and game.timer.remaining() == pytest.approx(game.timer.length - 5)
    clock[0] += 5
    key(app, pygame.K_BACKSPACE)  # undo the reveal
    assert game.state.revealed is None
    assert game.timer.running and game.timer.remaining() == pytest.approx(game.timer.length - 10)


def test_a_resume_gives_the_timer_back_paused_at_its_time_left():
    clock = [1000.0]
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    app.clock = lambda: clock[0]
    start(app, 3, together=True)
    app.game.timer.clock = app.clock
    play_until(app, "round")
    key(app, pygame.K_t)  # no row picked: T starts the timer
    clock[0] += 12
    key(app, pygame.K_1)
    key(app, pygame.K_2)  # team 1 answers: the save is written with the time left
    left = app.game.timer.remaining()
    assert left == pytest.approx(app.game.timer.length - 12)
    again = kill_and_resume(app)
    timer = again.game.timer
    assert again.top.name == "round" and not timer.running
    assert timer.remaining() == pytest.approx(left, abs=0.1)
    assert saves.load(again.game.autosave_path).extra["screen"]["timer"] == pytest.approx(left, abs=0.1)


# -- the clicker alone --------------------------------------------------------------------------------------


def press_on_in_turn(app, stop) -> object:
    """In turn, by PageDown alone (each challenge: its first response, armed then confirmed), until
    `stop(scene)` holds; that scene."""
    for _ in range(3000):
        top = app.top
        if top.name == "card" and stop(top):
            return top
        if top.name == "debrief":
            break
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("never reached")


def test_a_clicker_plays_a_helpful_tool_and_goes_on_to_the_answer():
    app = new_app(paths.CORE_DECK, size=(1280, 720), seed=5)
    start(app, 1, together=False)
    game = app.game

    def plays_with_answer(scene) -> bool:
        return any(not scene.reveals(t) for t in game.helpful_tools())

    scene = press_on_in_turn(app, plays_with_answer)
    tool = next(t for t in game.helpful_tools() if not scene.reveals(t))
    while not scene.focused(f"tool:{tool}"):
        key(app, pygame.K_PAGEUP)  # the clicker's other button moves the highlight back, over the timer
    key(app, pygame.K_PAGEDOWN)
    assert scene.tool == tool and scene.focused("option0")  # played with the answer; the highlight is back
    key(app, pygame.K_PAGEDOWN)
    assert app.top is scene and scene.armed  # a response takes a second press
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "effect" and app.top.tool == tool


def test_a_reveal_tool_takes_a_second_press_and_says_so():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 2, together=False)
    game = app.game
    scene = to_a_challenge_with_a_reveal_tool(app)
    tool = next(t for t in game.helpful_tools() if scene.reveals(t))
    while not scene.focused(f"tool:{tool}"):
        key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEDOWN)
    assert game.state.revealed is None and tool not in game.state.teams[scene.team].spent
    app.text.records = []
    app.render()
    said = [d.text for d in app.text.records]
    app.text.records = None
    assert app.t("card.confirm_tool", tool=app.deck_text("cards", tool, "title")) in said
    key(app, pygame.K_PAGEUP)  # anything else lets go of it
    key(app, pygame.K_PAGEDOWN)
    assert game.state.revealed is None
    while not scene.focused(f"tool:{tool}"):
        key(app, pygame.K_PAGEUP)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert game.state.revealed == tool and tool in game.state.teams[scene.team].spent


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_toolbox_says_whole_what_each_helpful_tool_does(lang):
    app = new_app(paths.CORE_DECK, lang=lang, size=(1280, 720), seed=28)  # a team that holds 3 helpful tools
    start(app, 1, together=False)
    game = app.game
    press_on_in_turn(app, lambda scene: len(game.helpful_tools()) >= 3)
    app.text.records = []
    app.render()
    drawn = list(app.text.records)
    app.text.records = None
    for tool in game.helpful_tools():
        title = app.deck_text("cards", tool, "title")
        labels = [d for d in drawn if d.text.startswith(title + "\n")]  # its button: its name, what it does
        assert len(labels) == 1 and not labels[0].cut, f"{title}: {[d.text for d in labels]}"


def test_a_clicker_alone_enters_every_answer_of_a_round_and_reveals():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 4, together=True)
    game = app.game
    play_until(app, "round")
    scene = app.top
    for seat in range(4):  # team k takes response k % 3: PageUp picks the team, then steps to it
        key(app, pygame.K_PAGEUP)
        assert scene.picked == seat
        for _ in range(seat % len(game.offered(seat))):
            key(app, pygame.K_PAGEUP)
        key(app, pygame.K_PAGEDOWN)
        assert not game.has_answered(seat) and scene.armed  # armed: the second press records
        key(app, pygame.K_PAGEDOWN)
        assert game.state.round.answers[seat].option == game.offered(seat)[seat % len(game.offered(seat))].id
        assert scene.picked is None
    key(app, pygame.K_PAGEDOWN)  # every team has answered: the first press asks
    assert app.top is scene and game.state.round is not None
    app.text.records = []
    app.render()
    assert app.t("round.reveal_again") in [d.text for d in app.text.records]
    app.text.records = None
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "reveal" and len(app.top.view.effects) == 4


def test_a_clicker_lets_go_of_a_team_after_its_last_response():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start(app, 3, together=True)
    play_until(app, "round")
    scene, game = app.top, app.game
    key(app, pygame.K_PAGEUP)
    for _ in range(len(game.offered(0)) - 1):
        key(app, pygame.K_PAGEUP)
        assert scene.picked == 0  # stepping through its responses
    key(app, pygame.K_PAGEUP)
    assert scene.picked is None and not any(game.has_answered(s) for s in range(3))


def challenges_differ(app) -> bool:
    """Whether the round's challenges (not only follow-ups) differ: no card fitted every team's project."""
    game = app.game
    challenges = {c for s in game.answering() if (c := game.round_card(s)) is not None}
    return len({c for c in challenges if app.deck.cards[c].kind != "follow-up"}) > 1


def to_a_follow_up_round(app):
    """Six teams all at once, each its response by seat, until some teams answer a follow-up card."""
    game = app.game
    for _ in range(3000):
        top = app.top
        if top.name == "round" and top.view.split and not challenges_differ(app):
            return top
        if top.name == "debrief":
            break
        if top.name == "round" and game.waiting():
            for seat in game.waiting():
                key(app, pygame.K_1 + seat)
                key(app, pygame.K_1 + seat % len(game.offered(seat)))
            continue
        key(app, pygame.K_PAGEDOWN)
    raise AssertionError("no follow-up round")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_follow_up_round_shows_the_shared_card_and_its_reveal_whole(lang):
    app = new_app(paths.CORE_DECK, lang=lang, size=(1280, 720), seed=4)
    start(app, 6, together=True)
    to_a_follow_up_round(app)
    game = app.game
    answering = set(game.answering())
    cards = [game.round_card(s) for s in answering]
    # The room's card is the one challenge of the round (teams with a follow-up due answer their own); two
    # teams may share a follow-up, so the most common card is not always the room's.
    room = [c for c in cards if app.deck.cards[c].kind != "follow-up"]
    shared = room[0] if room else max(set(cards), key=cards.count)
    app.text.records = []
    app.render()
    said = [d.text for d in app.text.records]
    app.text.records = None
    assert app.deck_text("cards", shared, "title") in said  # the room's card, before any team is picked
    assert app.deck_text("cards", shared, "text") in said
    others = [game.state.teams[s].name for s in game.answering() if game.round_card(s) != shared]
    assert any(all(name in text for name in others) for text in said)
    for seat in game.waiting():
        key(app, pygame.K_1 + seat)
        key(app, pygame.K_1 + seat % len(game.offered(seat)))
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    reveal = app.top
    assert reveal.name == "reveal" and reveal.pages[0] == shared and len(reveal.pages) == len(set(cards))
    seen = set()
    for page in reveal.pages:  # each card its page, every response and consequence whole
        assert app.top is reveal
        app.text.records = []
        app.render()
        drawn = list(app.text.records)
        app.text.records = None
        for e in reveal.view.effects:
            if e.card != page:
                continue
            seen.add(e.team)
            consequence = app.deck_text("cards", e.card, "consequences", e.option)
            response = app.deck_text("cards", e.card, "options", e.option)
            assert [d.cut for d in drawn if d.text == consequence] == [False]
            assert any(response in d.text and not d.cut for d in drawn)
        key(app, pygame.K_PAGEDOWN)
    assert seen == answering - set(reveal.view.passed)
    assert app.top.name != "reveal"


def test_a_tick_of_the_timer_redraws_the_timer_alone_as_a_whole_frame_would():
    clock = [1000.0]
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    app.clock = lambda: clock[0]
    start(app, 2, together=False)
    app.game.timer.clock = app.clock
    press_on_in_turn(app, lambda scene: True)
    key(app, pygame.K_t)
    app.render()
    before = app.surface.copy()
    clock[0] += 7
    app.process([])
    assert app.timer_dirty and not app.dirty  # the figures moved, nothing else
    rect = app.draw_timer()
    assert rect is not None and rect.width > 0
    partial = app.surface.copy()
    app.render()
    assert pygame.image.tobytes(partial, "RGB") == pygame.image.tobytes(app.surface, "RGB")
    assert pygame.image.tobytes(before.subsurface(rect), "RGB") != pygame.image.tobytes(partial.subsurface(rect), "RGB")
    assert [h.name for h in app.painter.hits].count("timer") == 1
