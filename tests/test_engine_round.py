# SPDX-License-Identifier: MIT
"""All at once: the room meets one card a round, every team answers, the answers apply together at close."""

import random

import attrs
import pytest
from deckgen import MINI
from hypothesis import given, settings
from hypothesis import strategies as st
from test_engine import decks, through_a_save

from booster.deck.loader import load_deck
from booster.engine import events as ev
from booster.engine.game import CLOSE, Action, ActionKind, Game, IllegalAction, Setup
from booster.engine.match import Match
from booster.engine.model import Card, Option, Stage
from booster.engine.outcome import Outcome

round_games = st.tuples(
    decks(),
    st.lists(st.sampled_from([None, "s-food", "s-repair", "s-none"]), min_size=1, max_size=8),
    st.integers(0, 2**64),
    st.integers(0, 2**32),
)


def facilitated_play(game: Game, setup: Setup, rnd: random.Random) -> Match:
    """Random play as a room plays: teams answer in any order, change and withdraw answers, reveal."""
    match = Match.start(game, setup)
    while not game.is_over(match.state):
        state = match.state
        actions = game.legal_actions(state)
        if state.round is not None and rnd.random() < 0.5:
            seat = rnd.randrange(len(state.teams))
            actions = game.team_actions(state, seat) or actions
        match, _ = match.play(rnd.choice(actions))
        assert len(match.log) < 20_000, "the game did not end"
    return match


@settings(max_examples=100, deadline=None)
@given(round_games)
def test_a_room_game_ends_replays_exactly_and_scores_only_at_close(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    setup = Setup(tuple(f"T{i}" for i in range(len(scenarios))), seed, tuple(scenarios), "all-at-once")
    match = facilitated_play(game, setup, random.Random(play_seed))
    assert Match.replay(game, setup, match.log).states == match.states
    assert through_a_save(match).states == match.states
    for i, action in enumerate(match.log):
        before, after = match.states[i], match.states[i + 1]
        if before.round is not None and action.kind != "close":
            assert [t.scores for t in after.teams] == [t.scores for t in before.teams], "scores wait for close"
        if before.round is not None and action.kind in ("choose", "withdraw", "reveal"):
            seat = before.turn if action.team < 0 else action.team
            others = [a for s, a in enumerate(before.round.answers) if s != seat]
            assert others == [a for s, a in enumerate(after.round.answers) if s != seat], "one team at a time"
    for state in match.states:
        # Every team stands on the same space; a round's cards are one card, but for due follow-ups.
        assert len(set(state.spaces)) == 1
        if state.round is not None:
            shared = {c for c in state.round.cards if c is not None and deck.cards[c].kind == "challenge"}
            assert len(shared) <= 1 or not any(
                all(deck.cards[c].fits_project(game.deck.project_of(t.scenario)) for t in state.teams) for c in shared
            )


@settings(max_examples=60, deadline=None)
@given(round_games)
def test_the_order_answers_come_in_does_not_change_the_round(args):
    """Answering in seat order at once, or in a random order with changes and withdrawals, ending on the
    same answers, gives the same game: only the final answers count."""
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    setup = Setup(tuple(f"T{i}" for i in range(len(scenarios))), seed, tuple(scenarios), "all-at-once")
    messy = facilitated_play(game, setup, random.Random(play_seed))
    tidy = Match.start(game, setup)
    for action, before, after in zip(messy.log, messy.states, messy.states[1:], strict=False):
        if action.kind == "close":
            answers = before.round.answers
            for seat, answer in enumerate(answers):
                if answer is not None and tidy.state.round.answers[seat] != answer:
                    tidy, _ = tidy.play(answer._replace(team=seat))
            tidy, _ = tidy.play(CLOSE)
            assert [t.scores for t in tidy.state.teams] == [t.scores for t in after.teams]
        elif before.round is None:
            tidy, _ = tidy.play(action)
        elif action.kind == "reveal":  # reveals spend the tool when they happen, as in turn play
            tidy, _ = tidy.play(action._replace(team=before.turn if action.team < 0 else action.team))
    assert tidy.state.teams == messy.state.teams


@pytest.fixture(scope="module")
def mini() -> Game:
    deck = load_deck(MINI).deck
    assert deck is not None
    return Game(deck)


def open_round(game: Game, teams: int = 3) -> Match:
    match = Match.start(game, Setup(tuple(f"T{i}" for i in range(teams)), 5, (), "all-at-once"))
    match, _ = match.play(game.legal_actions(match.state)[0])
    assert match.state.round is not None
    return match


def test_the_room_meets_one_card_and_it_closes_only_when_every_team_has_answered(mini):
    match = open_round(mini)
    rnd = match.state.round
    assert len(set(rnd.cards)) == 1 and None not in rnd.cards
    options = [o.id for o in mini.offered_options(match.state)]
    with pytest.raises(IllegalAction, match="T0, T1, T2"):
        mini.apply(match.state, CLOSE)
    match, events = match.play(Action(ActionKind.CHOOSE, options[0], team=2))
    assert list(map(type, events)) == [ev.AnswerRecorded] and match.state.turn == 0
    match, _ = match.play(Action(ActionKind.CHOOSE, options[1], team=0))
    match, _ = match.play(Action(ActionKind.CHOOSE, options[1], team=1))
    assert mini.legal_actions(match.state) == (CLOSE,)
    # The facilitator changes team 1's mind, then takes team 0's answer back: the others stay.
    match, _ = match.play(Action(ActionKind.CHOOSE, options[0], team=1))
    match, _ = match.play(Action(ActionKind.WITHDRAW, team=0))
    assert match.state.round.answers == (
        None,
        Action(ActionKind.CHOOSE, options[0]),
        Action(ActionKind.CHOOSE, options[0]),
    )
    assert match.state.turn == 0 and match.state.pending == rnd.cards[0]
    with pytest.raises(IllegalAction, match="no answer to withdraw"):
        mini.apply(match.state, Action(ActionKind.WITHDRAW, team=0))
    match, _ = match.play(Action(ActionKind.CHOOSE, options[1], team=0))
    match, events = match.play(CLOSE)
    assert events[-1] == ev.RoundClosed()
    scored = [e for e in events if isinstance(e, ev.Scored)]
    assert [e.team for e in scored] == [0, 1, 2] and [e.option for e in scored] == [options[1], *[options[0]] * 2]
    assert match.state.round is None and set(match.state.spaces) == {0}
    # Undo brings the round back with every answer, open.
    assert match.undo_decision().state.round.answers == match.states[-2].round.answers


def test_once_every_team_has_answered_no_team_is_to_play_until_the_close(mini):
    """A round every team has answered waits for its close: no team acts, and an answer naming no team is
    refused as such (it once went to seat -1, which reads the last team)."""
    match = open_round(mini)
    assert match.state.to_play == 0
    option = mini.offered_options(match.state)[0].id
    match, _ = match.play(Action(ActionKind.CHOOSE, option, team=0))
    match, _ = match.play(Action(ActionKind.CHOOSE, option, team=2))
    assert match.state.to_play == 1
    match, _ = match.play(Action(ActionKind.CHOOSE, option, team=1))
    assert match.state.to_play is None and mini.legal_actions(match.state) == (CLOSE,)
    with pytest.raises(IllegalAction, match="every team has answered"):
        mini.apply(match.state, Action(ActionKind.CHOOSE, option))
    match, _ = match.play(CLOSE)
    assert match.state.round is None and match.state.to_play is None  # the room advances together


def test_a_team_answers_only_its_own_card_with_a_legal_response(mini):
    match = open_round(mini)
    with pytest.raises(IllegalAction, match="no team 9"):
        mini.apply(match.state, Action(ActionKind.CHOOSE, "x", team=8))
    with pytest.raises(IllegalAction, match="not an option"):
        mini.apply(match.state, Action(ActionKind.CHOOSE, "nope", team=1))
    assert all(a.team == 1 for a in mini.team_actions(match.state, 1))
    assert mini.team_actions(match.state, 1)[-1].kind == "pass"  # nothing to withdraw yet: it may pass
    view = mini.seat_view(match.state, 1)
    assert view.turn == 1 and view.pending == match.state.round.cards[1]


def test_a_tool_space_gives_every_team_its_own_tool(mini):
    match = open_round(mini, teams=2)
    for seat in range(2):
        match, _ = match.play(mini.team_actions(match.state, seat)[0])
    match, _ = match.play(CLOSE)
    match, events = match.play(mini.legal_actions(match.state)[0])
    gained = [e for e in events if isinstance(e, ev.ToolGained)]
    assert [e.team for e in gained] == [0, 1]
    assert all(len(t.tools) == 1 for t in match.state.teams)


def test_when_no_card_fits_every_project_each_team_draws_its_own_and_is_told(mini):
    deck = mini.deck
    stage = deck.rules.stages[0].id
    cards = dict(deck.cards)
    for cid, card in deck.cards.items():
        if card.kind == "challenge":
            del cards[cid]
    option = Option("a", (1, 0, 0))
    for project in ("food", "repair"):
        cards[f"only-{project}"] = Card(f"only-{project}", "challenge", stage=stage, options=(option,), fits=(project,))
        cards[f"s-{project}"] = Card(f"s-{project}", "scenario", project=project)
    rules = attrs.evolve(deck.rules, stages=(Stage(stage, ("challenge",)),))
    game = Game(attrs.evolve(deck, cards=cards, rules=rules))
    match = Match.start(game, Setup(("A", "B", "C"), 1, ("s-food", "s-repair", "s-food"), "all-at-once"))
    match, events = match.play(game.legal_actions(match.state)[0])
    assert any(isinstance(e, ev.Split) for e in events)
    assert match.state.round.cards == ("only-food", "only-repair", "only-food")


def test_the_setup_mode_overrides_the_rules_and_a_wrong_one_is_refused(mini):
    assert mini.new_game(Setup(("A",), 1)).mode == "in-turn"
    assert mini.new_game(Setup(("A",), 1, (), "all-at-once")).mode == "all-at-once"
    with pytest.raises(IllegalAction, match="in-turn or all-at-once"):
        mini.new_game(Setup(("A",), 1, (), "sideways"))


def test_a_team_that_passes_scores_nothing_and_the_round_can_close_without_its_answer(mini):
    match = open_round(mini)
    options = [o.id for o in mini.offered_options(match.state)]
    assert mini.team_actions(match.state, 1)[-1] == Action(ActionKind.PASS, team=1)
    match, _ = match.play(Action(ActionKind.CHOOSE, options[0], team=0))
    match, _ = match.play(Action(ActionKind.PASS, team=1))
    match, _ = match.play(Action(ActionKind.PASS, team=2))
    match, _ = match.play(Action(ActionKind.CHOOSE, options[1], team=2))  # a late answer replaces the pass
    before = [t.scores for t in match.state.teams]
    match, events = match.play(CLOSE)
    assert [e.team for e in events if isinstance(e, ev.Passed)] == [1]
    assert match.state.teams[1].scores == before[1]
    assert {e.team for e in events if isinstance(e, ev.Scored)} == {0, 2}


def test_undo_after_revealing_without_a_team_reopens_the_round_with_its_pass(mini):
    match = open_round(mini)
    options = [o.id for o in mini.offered_options(match.state)]
    match, _ = match.play(Action(ActionKind.CHOOSE, options[0], team=0))
    match, _ = match.play(Action(ActionKind.PASS, team=1))
    match, _ = match.play(Action(ActionKind.CHOOSE, options[1], team=2))
    answered = match
    closed, events = match.play(CLOSE)  # revealed without team 1
    assert [e.team for e in events if isinstance(e, ev.Passed)] == [1]
    assert closed.state.round is None
    back = closed.undo_decision()
    # The close is taken back: every score as before it, the round open with team 1's pass still recorded;
    # the same state as a fresh replay of the log (nothing of the close is left behind).
    assert back.log == answered.log
    assert back.state == Match.replay(mini, back.setup, back.log).state
    assert [t.scores for t in back.state.teams] == [t.scores for t in answered.state.teams]
    assert back.state.round.answers == (
        Action(ActionKind.CHOOSE, options[0]),
        Action(ActionKind.PASS),
        Action(ActionKind.CHOOSE, options[1]),
    )
    assert mini.legal_actions(back.state) == (CLOSE,)
    # Team 1 may now answer after all, and scores at the next close.
    back, _ = back.play(Action(ActionKind.WITHDRAW, team=1))
    back, _ = back.play(Action(ActionKind.CHOOSE, options[0], team=1))
    back, events = back.play(CLOSE)
    assert [e.team for e in events if isinstance(e, ev.Scored)] == [0, 1, 2]
    assert not any(isinstance(e, ev.Passed) for e in events)


@settings(max_examples=100, deadline=None)
@given(round_games, st.sampled_from(["in-turn", "all-at-once"]))
def test_the_outcome_of_each_action_is_what_changed_for_each_team(args, mode):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    setup = Setup(tuple(f"T{i}" for i in range(len(scenarios))), seed, tuple(scenarios), mode)
    match = facilitated_play(game, setup, random.Random(play_seed))
    for i, action in enumerate(match.log):
        before, after = match.states[i], match.states[i + 1]
        _, events = game.apply(before, action)
        done = Outcome.of(events)
        for seat, (was, now) in enumerate(zip(before.teams, after.teams, strict=True)):
            mine = done.team(seat)
            assert now.scores == tuple(a + b for a, b in zip(was.scores, mine.scored or game.zero, strict=True))
            assert now.tools == was.tools + mine.tools
            assert now.experience == was.experience + tuple(r.card for r in mine.experience)
            assert set(now.marks) == (set(was.marks) | set(mine.marks)) - set(mine.cleared)
            assert not set(mine.marks) & set(was.marks), "a mark held already is not left again"
            assert now.scheduled == was.scheduled + mine.queued
        assert done.over == (game.is_over(after) and not game.is_over(before))
        assert bool(done.stages) == (after.stage != before.stage)
