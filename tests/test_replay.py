# SPDX-License-Identifier: MIT
"""The road not taken: with the team's own response it is the game itself; with another, it differs only
after that decision, and the same draws come before it."""

import random

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_engine import games, random_play, setup_of

from booster.engine.game import Game, IllegalAction
from booster.engine.replay import decisions, road_not_taken


def same_end(a, b) -> bool:
    """The same end of game: `step` counts actions, and answers changed while a round was open add some."""
    a, b = a.clone(), b.clone()
    a.step = b.step = 0
    return a == b


@settings(max_examples=120, deadline=None)
@given(games, st.integers(0, 10**6))
def test_replaying_a_decision_with_the_teams_own_response_gives_back_the_real_end(args, pick):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    teams = [t for t in range(len(scenarios)) if decisions(match, t)]
    assume(teams)
    team = teams[pick % len(teams)]
    own = decisions(match, team)
    decision = own[pick % len(own)]
    road = road_not_taken(match, team, decision.number, decision.option)
    assert same_end(road.end, match.state)
    assert road.assumed == ()
    # Another response: the same game up to the card, then the other response is the one taken.
    others = [o for o in decision.offered if o != decision.option]
    if others:
        road = road_not_taken(match, team, decision.number, others[pick % len(others)])
        assert game.is_over(road.end)
        theirs = decisions(road.other, team)[decision.number - 1]
        assert (theirs.card, theirs.option) == (decision.card, road.response)
        assert decisions(road.other, team)[: decision.number - 1] == own[: decision.number - 1]


def test_a_decision_or_response_that_does_not_exist_is_a_sentence():
    from test_chains import tiny_deck

    game = Game(tiny_deck())
    match = random_play(game, setup_of([None], 1), random.Random(1))
    with pytest.raises(IllegalAction, match=r"made \d decisions, not 9"):
        road_not_taken(match, 0, 9, "x")
    with pytest.raises(IllegalAction, match="was not offered"):
        road_not_taken(match, 0, 1, "nonsense")
    with pytest.raises(IllegalAction, match="no team 4"):
        road_not_taken(match, 3, 1, "x")


def test_booster_replay_lists_decisions_responses_and_prints_the_differences(tmp_path, capsys):
    from sample_save import random_save

    from booster import paths
    from booster.deck.loader import load_deck
    from booster.engine.replay import road_not_taken
    from booster.paper.roads import road_rows
    from booster.table.saves import save
    from booster.tools.cli import main

    deck = load_deck(paths.CORE_DECK).deck
    saved = random_save(deck, str(paths.CORE_DECK), teams=3, seed=5, mode="all-at-once", lang="en")
    path = tmp_path / "game.json"
    save(path, saved)
    assert main(["replay", str(path), "--team", "2"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("Decisions of Team 2:") and "\n  1. " in listing
    assert main(["replay", str(path), "--team", "2", "--decision", "1"]) == 0
    assert "\n  3. " in capsys.readouterr().out
    match = saved.replay(Game(deck))
    decision = decisions(match, 1)[0]
    other = next(o for o in decision.offered if o != decision.option)
    assert main(["replay", str(path), "--team", "2", "--decision", "1", "--response", other]) == 0
    out = capsys.readouterr().out
    for row in road_rows(road_not_taken(match, 1, 1, other), deck, "en"):
        assert row.label in out and row.other in out  # the terminal shows what the debrief shows
    # Mistakes are sentences, with the range to give.
    assert main(["replay", str(path), "--team", "7"]) == 2
    assert "this game has 3" in capsys.readouterr().err
    assert main(["replay", str(path), "--team", "2", "--decision", "99"]) == 2
    assert "give --decision from 1 to" in capsys.readouterr().err
    assert main(["replay", str(tmp_path / "nothing.json"), "--team", "1"]) == 1
    assert "Cannot replay" in capsys.readouterr().err
