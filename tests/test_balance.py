# SPDX-License-Identifier: MIT
"""`booster balance`: the figures of issue 10 §6, the same bytes for the same seed, warnings in words."""

import json
from pathlib import Path

from booster.deck.loader import load_deck
from booster.engine.game import Game
from booster.tools.balance import best_play, free_lunches
from booster.tools.cli import main

MECHANICS = Path(__file__).parent / "decks" / "mechanics"


def test_json_has_the_keys_of_the_issue_and_is_the_same_for_the_same_seed(capsys):
    assert main(["balance", str(MECHANICS), "--games", "30", "--teams", "3", "--seed", "4", "--json"]) == 0
    first = capsys.readouterr()
    assert "balance [" in first.err  # the progress bar, on stderr
    r = json.loads(first.out)
    for key in ("policies", "best_play", "max_cards", "free_lunches", "modal_share", "tools", "warnings"):
        assert key in r
    assert set(r["policies"]) == {
        "random", "maximin", "no-loss", "highest-total", "first", "last",
        "only-ecology", "only-economy", "only-social",
    }  # fmt: skip
    for p in r["policies"].values():
        assert set(p) == {"mean", "min", "max", "share_max"}
        assert 0 <= p["min"] <= p["mean"] <= p["max"] <= r["max_cards"]
    assert r["max_cards"] == 5  # rate 1, cap 2: ecology has 1 card, economy 2, social 2
    assert set(r["tools"]) == {"interviews", "canvas", "personas"}
    assert all(set(t) == {"usable", "changes"} for t in r["tools"].values())
    # Best play is a sequence of the team's own responses: never below what maximin earned on average.
    assert r["best_play"]["mean"] >= r["policies"]["maximin"]["mean"] - 1e-9
    assert all(isinstance(w, str) for w in r["warnings"])
    assert main(["balance", str(MECHANICS), "--games", "30", "--teams", "3", "--seed", "4", "--json"]) == 0
    assert capsys.readouterr().out == first.out


def test_free_lunches_are_responses_that_cost_nothing_and_tie_for_the_best_total():
    deck = load_deck(MECHANICS).deck
    assert deck is not None
    # building-repairs' volunteers (ecology +1, economy 0, social +1) loses nothing and has the card's best
    # total (2): the deck's only free lunch.
    assert free_lunches(deck) == [("building-repairs", "volunteers")]


def test_best_play_finds_the_better_sequence():
    deck = load_deck(MECHANICS).deck
    assert deck is not None
    game = Game(deck)
    # repair-night then launch-day, no tools, no marks (press then loses 1 economy: unless city-partner):
    # free+party 1,-2,2 -> 1+0+2 cards; free+press 2,0,-1 -> 1 (ecology has 1 card); fee+party 0,0,1 -> 1;
    # fee+press 1,2,-2 -> 1+2. The best sequence earns 3.
    assert best_play(game, ["repair-night", "launch-day"], game.zero, ()) == 3


def test_the_text_report_names_its_warnings(capsys):
    assert main(["balance", str(MECHANICS), "--games", "20", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "best play" in out and "free lunches: 1" in out and "warnings:" in out


def test_balance_plays_all_at_once_too(capsys):
    assert main(["balance", str(MECHANICS), "--games", "20", "--teams", "3", "--seed", "4", "--json", "--quiet",
                 "--mode", "all-at-once"]) == 0  # fmt: skip
    together = json.loads(capsys.readouterr().out)
    assert together["mode"] == "all-at-once"
    assert main(["balance", str(MECHANICS), "--games", "20", "--teams", "3", "--seed", "4", "--json", "--quiet"]) == 0
    in_turn = json.loads(capsys.readouterr().out)
    assert in_turn["mode"] == "in-turn" and set(together["policies"]) == set(in_turn["policies"])
    assert together["best_play"]["mean"] >= together["policies"]["maximin"]["mean"] - 1e-9
    # The same seeds, other draws: the room shares one card per round instead of each team drawing its own.
    assert together["policies"] != in_turn["policies"]


def test_a_share_just_over_its_target_is_not_written_as_the_target():
    from booster.tools.balance import _target_warnings

    report = {
        "max_cards": 12,
        "free_lunches": [],
        "policies": {"random": {"mean": 6.0}, "maximin": {"mean": 8.0}},
        "best_play": {"mean": 11.0},
        "modal_share": {"close-call": 0.604, "clear-miss": 0.72, "fine": 0.6},
        "tools": {"canvas": {"usable": 0.8, "changes": 0.246}},
    }
    warnings = _target_warnings(report)
    assert any("'close-call'" in w and "60.4%" in w for w in warnings)
    assert any("'clear-miss'" in w and "72%" in w for w in warnings)
    assert not any("'fine'" in w for w in warnings)
    assert any("'canvas'" in w and "24.6%" in w for w in warnings)
