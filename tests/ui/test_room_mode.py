# SPDX-License-Identifier: MIT
"""The room mode on the projector (issue 12): the set-up screen's choices, and the phones' room code that
a resumed game keeps."""

from __future__ import annotations

import pygame
import pytest
from ui_drive import MINI, click, key, new_app

from booster import paths
from booster.table import saves


def test_set_up_turns_the_phones_on_and_the_game_keeps_their_room_code():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)  # "New game"
    scene = app.top
    assert scene.name == "setup" and app.phones is None
    key(app, pygame.K_DOWN)
    assert scene.focused("mode")
    key(app, pygame.K_DOWN)
    assert scene.focused("phones")
    key(app, pygame.K_RETURN)
    assert app.phones is not None  # serving, as `booster play --phones` does
    code = app.phones.code
    key(app, pygame.K_PAGEDOWN)
    game = app.game
    assert game is not None and game.autosave_path is not None
    assert saves.load(game.autosave_path).extra["room_code"] == code
    app.phones.stop()
    app.release_game()

    # The laptop restarts: the game Resume offers brings its room code back to the server, so the phones
    # that were in the room get back in without typing anything.
    again = new_app(MINI)
    assert again.shelf.path == game.autosave_path
    again.set_phones(True)
    assert again.phones is not None and again.phones.code == code
    again.resume()
    assert again.game is not None and again.phones.code == code


def test_a_game_resumed_with_phones_records_the_room_code_it_is_played_with():
    app = new_app(MINI)
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60)
    path = app.game.autosave_path
    assert "room_code" not in saves.load(path).extra
    app.release_game()
    again = new_app(MINI)
    again.set_phones(True)
    again.resume(path)
    assert again.phones is not None and saves.load(path).extra["room_code"] == again.phones.code


def test_set_up_turns_the_phones_off_again():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)
    app.top.focus_on("phones")
    key(app, pygame.K_RETURN)
    assert app.phones is not None
    key(app, pygame.K_RETURN)
    assert app.phones is None


def test_a_damaged_room_code_in_a_save_is_refused_with_a_sentence(tmp_path):
    app = new_app(MINI)
    app.start_game(["A", "B"], [None, None], [[0, "circle"], [1, "square"]], 60)
    app.game.set_extra("room_code", "12ab")
    try:
        saves.load(app.game.autosave_path)
    except saves.SaveError as e:
        assert "room code" in str(e)
    else:
        raise AssertionError("a room code that is not 4 digits was accepted")


# -- all at once, by keyboard alone ----------------------------------------------------------------------------


def start_all_at_once(app, teams: int) -> None:
    """From the start screen to a game of `teams` teams played all at once, by keys alone."""
    key(app, pygame.K_RETURN)  # "New game"
    for _ in range(teams - 2):
        key(app, pygame.K_RIGHT)  # the team count has the highlight
    key(app, pygame.K_DOWN)
    assert app.top.focused("mode")
    key(app, pygame.K_RETURN)  # in turn -> all at once
    key(app, pygame.K_PAGEDOWN)
    assert app.game is not None and app.game.state.mode == "all-at-once"
    assert len(app.game.state.teams) == teams


def answer_by_keys(app, seat: int, response: int) -> None:
    """The team's number, then its response's: the row is let go of after the answer."""
    key(app, pygame.K_1 + seat)
    assert app.top.picked == seat
    key(app, pygame.K_1 + response)
    assert app.top.picked is None


def test_six_teams_play_all_at_once_by_keyboard_alone_to_the_end():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    start_all_at_once(app, 6)
    game = app.game
    rounds = reveals = tools = 0
    for _ in range(3000):
        top = app.top
        if top.name == "debrief":
            break
        if top.name == "round":
            rounds += 1
            assert top.view.cards == game.state.round.cards
            scores = [t.scores for t in game.state.teams]
            for seat in game.waiting():  # a different response for each team, as tables do
                n = len(game.offered(seat))
                answer_by_keys(app, seat, (seat + game.state.stage) % n)
                assert app.top is top  # an answer keeps the round on screen
            assert game.state.round is not None and all(a is not None for a in game.state.round.answers)
            assert [t.scores for t in game.state.teams] == scores  # nothing scores before the reveal
            key(app, pygame.K_RETURN)  # every team has answered: the first press asks, the second reveals
            assert app.top.name == "round" and game.state.round is not None
            key(app, pygame.K_RETURN)
            assert app.top.name == "reveal"
            reveals += 1
            assert len(app.top.view.effects) == 6
            continue
        if top.name == "tools":
            tools += 1
            assert len(top.view.tools) == 6  # each team drew its own tool, shown together
        key(app, pygame.K_RETURN)
    assert app.top.name == "debrief" and game.state.phase == "over"
    assert rounds == reveals == 10 and tools == 5  # the core deck: 5 stages of challenge, tool, challenge
    chosen = [a for a in game.match.log if a.kind == "choose"]
    assert len(chosen) == 60 and {a.team for a in chosen} == set(range(6))
    saved = saves.load(game.autosave_path)
    assert saved.log == game.match.log and saved.replay(game.rules).state == game.state


def test_a_team_answer_is_withdrawn_alone_and_undo_brings_it_back():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start_all_at_once(app, 4)
    game = app.game
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    answer_by_keys(app, 0, 1)
    answer_by_keys(app, 1, 0)
    key(app, pygame.K_RETURN)  # two teams have not answered: no reveal yet, and the screen says who
    assert app.top.name == "round" and app.toast_text.startswith("Still waiting for")
    key(app, pygame.K_1)  # Team 1's row
    key(app, pygame.K_BACKSPACE)  # withdraws Team 1's answer, and only it
    assert [game.has_answered(s) for s in range(4)] == [False, True, False, False]
    assert game.match.log[-1].kind == "withdraw" and game.match.log[-1].team == 0
    key(app, pygame.K_LEFT)  # let go of the row: Backspace is the undo again
    key(app, pygame.K_BACKSPACE)
    assert [game.has_answered(s) for s in range(4)] == [True, True, False, False]
    # The facilitator keeps the last word: a second answer for a team replaces its first.
    first = game.state.round.answers[1]
    answer_by_keys(app, 1, 2)
    assert game.state.round.answers[1] != first and game.has_answered(1)


def test_t_cycles_the_tools_of_the_team_picked_and_the_answer_plays_it():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start_all_at_once(app, 4)
    game = app.game
    for _ in range(400):
        if app.top.name == "round" and any(game.tools_for(s) for s in game.waiting()):
            break
        if app.top.name == "round":
            for seat in game.waiting():
                answer_by_keys(app, seat, 0)
        key(app, pygame.K_RETURN)
    seat = next(s for s in game.waiting() if game.tools_for(s))
    timer = game.timer.running
    tool = game.tools_for(seat)[0]
    key(app, pygame.K_1 + seat)
    key(app, pygame.K_t)  # the team's first helpful tool, not the timer
    assert game.timer.running == timer and app.top.tools[seat] == tool
    app.text.records = []
    app.render()
    title = app.deck_text("cards", tool, "title")
    said = app.t("round.plays_tool", team=game.state.teams[seat].name, tool=title, n=len(game.offered(seat)))
    hints = [d for d in app.text.records if d.text == said]
    app.text.records = None
    assert len(hints) == 1 and not hints[0].cut, "the facilitator sees which tool the answer will play"
    key(app, pygame.K_1)
    assert game.state.round.answers[seat].tool == tool
    # A team with no tool for its card: T says so, and nothing is chosen.
    bare = next((s for s in game.waiting() if not game.tools_for(s)), None)
    if bare is not None:
        key(app, pygame.K_1 + bare)
        key(app, pygame.K_t)
        assert "no tool" in app.toast_text and app.top.tools.get(bare) is None


def test_a_game_resumed_mid_round_keeps_the_answers_given():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start_all_at_once(app, 5)
    game = app.game
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    for seat in (0, 2, 3):
        answer_by_keys(app, seat, seat % 3)
    answers = game.state.round.answers
    path = game.autosave_path
    app.release_game()  # the laptop restarts

    again = new_app(paths.CORE_DECK, size=(1280, 720))
    assert again.shelf.path == path
    again.resume()
    assert again.top.name == "round" and again.game.state.round.answers == answers
    for seat in again.game.waiting():
        answer_by_keys(again, seat, 0)
    key(again, pygame.K_PAGEDOWN)  # a clicker reveals, on a second press
    key(again, pygame.K_PAGEDOWN)
    assert again.top.name == "reveal" and len(again.top.view.effects) == 5


def test_the_reveal_says_each_response_once_with_the_teams_that_chose_it():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    start_all_at_once(app, 6)
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    game = app.game
    card = game.state.round.cards[0]
    for seat in range(6):  # teams 1-4 take the first response, teams 5 and 6 the second
        answer_by_keys(app, seat, 0 if seat < 4 else 1)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.top.name == "reveal"
    app.text.records = []
    app.render()
    drawn = list(app.text.records)
    app.text.records = None
    first, second, third = (
        app.t("reveal.response", n=n, text=app.deck_text("cards", card, "options", o.id))
        for n, o in enumerate(app.deck.cards[card].options[:3], 1)
    )
    said = [d.text for d in drawn]
    assert said.count(first) == 1 and said.count(second) == 1 and third not in said
    assert not any(d.cut for d in drawn if d.text in (first, second)), "the responses are said whole"
    for option in app.deck.cards[card].options[:2]:
        consequence = app.deck_text("cards", card, "consequences", option.id)
        assert [d.cut for d in drawn if d.text == consequence] == [False]
    names = [t.name for t in game.state.teams]
    assert all(said.count(name) == 1 for name in names)
    # A team's row opens its answer whole; going on comes back to the reveal.
    click(app, "team4")
    assert app.top.name == "reveal-team"
    key(app, pygame.K_RETURN)
    assert app.top.name == "reveal"


def test_the_round_timer_runs_across_the_answers():
    clock = [1000.0]
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    app.clock = lambda: clock[0]
    start_all_at_once(app, 3)
    game = app.game
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    key(app, pygame.K_t)  # no row picked: T is the timer
    assert game.timer.running
    clock[0] += 40
    left = game.timer.remaining()
    answer_by_keys(app, 0, 0)
    answer_by_keys(app, 1, 1)
    assert game.timer.running and game.timer.remaining() == left  # an answer does not restart the discussion


def test_the_mouse_picks_a_team_row_then_its_response():
    app = new_app(paths.CORE_DECK, size=(1280, 720))
    start_all_at_once(app, 3)
    game = app.game
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    click(app, "option 2")  # no team picked: nothing is recorded, and the screen says what to do first
    assert not any(game.has_answered(s) for s in range(3)) and app.toast_text.startswith("Pick a team first")
    click(app, "team2")
    assert app.top.picked == 2
    click(app, "option 2")
    assert game.has_answered(2) and game.state.round.answers[2].option == game.offered(2)[1].id
    click(app, "reveal")  # two teams have not answered: the round stays open
    assert app.top.name == "round"


def test_r_plays_a_teams_reveal_tool_and_the_projector_shows_what_each_response_does():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    start_all_at_once(app, 6)
    game = app.game
    found = None
    for _ in range(3000):  # play on (every team its first response) until a team can reveal its card
        top = app.top
        if top.name == "debrief":
            break
        if top.name == "round":
            found = next((s for s in game.waiting() if game.reveal_tools(s)), None)
            if found is not None:
                break
            for seat in game.waiting():
                answer_by_keys(app, seat, 0)
        key(app, pygame.K_RETURN)
    assert found is not None, "the core deck offers a reveal tool in a six-team game"
    tool = game.reveal_tools(found)[0]
    key(app, pygame.K_1 + found)
    key(app, pygame.K_r)  # the tool is spent: R once says so, R again plays it
    assert game.revealed(found) is None
    key(app, pygame.K_r)
    assert game.revealed(found) == tool and tool in game.state.teams[found].spent
    assert app.top.picked == found  # the row stays picked
    key(app, pygame.K_PAGEDOWN)  # no phone follows the team: the look-away screen, then a press shows them
    app.text.records = []
    app.render()
    said = [d.text for d in app.text.records]
    app.text.records = None
    title = app.deck_text("cards", tool, "title")
    assert app.t("round.revealed_by", team=game.state.teams[found].name, tool=title) in said
    first = game.offered(found)[0]
    view = game.rules.seat_view(game.state, found)
    assert any(line.startswith("1: ") for text in said for line in text.split("\n"))
    expected = game.rules.preview(view, first.id)
    key(app, pygame.K_PAGEDOWN)  # hidden again, the row still picked
    key(app, pygame.K_1)  # the team's first response
    for seat in game.waiting():
        answer_by_keys(app, seat, 0)
    key(app, pygame.K_RETURN)  # reveal the answers: the effect is the one the tool showed
    key(app, pygame.K_RETURN)
    effect = next(e for e in app.top.view.effects if e.team == found)
    assert effect.delta == expected


def test_on_the_reveal_a_team_that_played_a_tool_is_named_with_it_and_with_its_own_effect():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    start_all_at_once(app, 6)
    game = app.game
    seat = None
    for _ in range(3000):  # play on until a team holds a tool that helps on the round's card
        if app.top.name == "round":
            seat = next((s for s in game.waiting() if game.tools_for(s)), None)
            if seat is not None:
                break
            for s in game.waiting():
                answer_by_keys(app, s, 0)
        key(app, pygame.K_RETURN)
    assert seat is not None
    tool = game.tools_for(seat)[0]
    key(app, pygame.K_1 + seat)
    key(app, pygame.K_t)  # its first helpful tool
    key(app, pygame.K_1)
    for s in game.waiting():
        answer_by_keys(app, s, 0)  # every other team the same response, without a tool
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert app.top.name == "reveal"
    mine = next(e for e in app.top.view.effects if e.team == seat)
    others = {e.delta for e in app.top.view.effects if e.team != seat}
    assert mine.tool == tool
    app.text.records = []
    app.render()
    drawn = list(app.text.records)
    app.text.records = None
    notes = [d for d in drawn if app.t("round.tool", tool=app.deck_text("cards", tool, "title")) in d.text]
    assert len(notes) == 1 and not notes[0].cut, "the tool is named whole, on the team's own line"
    if mine.delta not in others:  # the tool changed what the response did: the team's effect is said
        from booster.ui.scenes.common import effect_words

        assert app.t("reveal.its_effect", effect=effect_words(app, mine.delta)) in notes[0].text


def test_the_facilitator_reveals_before_every_team_has_answered_by_asking_twice():
    app = new_app(paths.CORE_DECK, size=(1920, 1080))
    start_all_at_once(app, 6)
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    game = app.game
    for seat in (0, 1, 2):
        answer_by_keys(app, seat, 0)
    key(app, pygame.K_RETURN)  # three teams still think: the first press says who
    assert app.top.name == "round" and game.state.round is not None
    assert "Team 4" in app.toast_text and "pass" in app.toast_text
    key(app, pygame.K_RETURN)  # asked again: reveal now
    assert app.top.name == "reveal"
    assert app.top.view.passed == (3, 4, 5) and {e.team for e in app.top.view.effects} == {0, 1, 2}
    passes = [a for a in game.match.log if a.kind == "pass"]
    assert [a.team for a in passes] == [3, 4, 5]
    key(app, pygame.K_z, pygame.KMOD_CTRL)  # undo the reveal: the round is back, the passes shown as such
    assert game.state.round is not None and app.top.name == "round"
    assert game.has_passed(5) and not game.has_passed(0)
    answer_by_keys(app, 5, 1)  # a late answer replaces the pass
    assert not game.has_passed(5) and game.has_answered(5)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_keys_help_in_a_round_tells_the_round_keys_whole(lang):
    app = new_app(paths.CORE_DECK, lang=lang, size=(1280, 720))
    start_all_at_once(app, 6)
    while app.top.name != "round":
        key(app, pygame.K_RETURN)
    key(app, pygame.K_h)
    assert app.top.name == "help"
    app.text.records = []
    app.render()
    drawn = {d.text: d for d in app.text.records}
    app.text.records = None
    for k in ("round_pick", "round_row", "round_reveal"):
        assert not drawn[app.t(f"help.{k}")].cut
    assert app.t("help.clicker") not in drawn  # one team's challenge keys are not this mode's
