# SPDX-License-Identifier: MIT
"""`booster balance`: the figures of issues 10 and 22, the same bytes for the same seed, warnings in words."""

import functools
import json
import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup
from booster.tools import balance as b
from booster.tools.cli import main

MECHANICS = Path(__file__).parent / "decks" / "mechanics"
RULES = {"random", "maximin", "cap-aware", "cap-aware-marks", "no-loss", "highest-total", "first", "last"}


@functools.cache
def _core_game():
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    return Game(deck)


def _mechanics():
    deck = load_deck(MECHANICS).deck
    assert deck is not None
    return deck


def test_json_has_the_figures_of_the_issue_and_is_the_same_for_the_same_seed(capsys):
    args = ["balance", str(MECHANICS), "--games", "30", "--teams", "3", "--seed", "4", "--json", "--quick"]
    assert main(args) == 0
    first = capsys.readouterr()
    # Not a terminal: one line on stderr, not a bar redrawn with carriage returns for every batch.
    assert "batches played" in first.err and "\r" not in first.err
    r = json.loads(first.out)
    for key in ("policies", "foresight", "value", "changes", "followups_per_team", "echo_share", "repeats"):
        assert key in r
    assert set(r["policies"]) == RULES | {"lookahead", "only-ecology", "only-economy", "only-social"}
    for p in r["policies"].values():
        assert 0 <= p["min"] <= p["mean"] <= p["max"] <= r["max_cards"]
    assert r["max_cards"] == 5  # rate 1, cap 2: ecology has 1 card, economy 2, social 2
    assert set(r["value"]) == {"interviews", "canvas", "personas"}
    assert r["foresight"]["clairvoyant"] is True
    ahead = r["policies"]["lookahead"]
    assert ahead["best_rule"] == r["strongest_rule"]
    assert set(ahead["above_best_rule"]) == {"mean", "ci95"} and ahead["above_best_rule"]["ci95"] >= 0
    assert 0 <= r["echo_share"] <= 1 and 0 <= r["repeats"] <= 1
    assert all(isinstance(w, str) for w in r["warnings"])
    assert main(args) == 0
    assert capsys.readouterr().out == first.out


def test_the_pool_gives_the_figures_of_one_process(monkeypatch):
    deck = _mechanics()
    pooled = b.balance(deck, 20, 2, 3, progress=False, quick=True)
    monkeypatch.setattr(b.pool.multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # no fork: one process
    alone = b.balance(deck, 20, 2, 3, progress=False, quick=True)
    assert pooled == alone


def test_free_lunches_plain_and_under_every_mark_and_tool():
    deck = _mechanics()
    # building-repairs' volunteers (ecology +1, economy 0, social +1) loses nothing and has the card's best
    # total (2): the deck's only free lunch with plain effects.
    assert b.free_lunches(deck) == [("building-repairs", "volunteers")]
    held = b.free_lunches(deck, every_condition=True)
    assert ("building-repairs", "volunteers", "plain") in held
    # With a tool played (canvas softens a loss) more responses cost nothing: each is named with its condition.
    played = b.free_lunches(deck, every_condition=True, played=True)
    assert set(held) < set(played)
    assert all("playing" in w for c, o, w in set(played) - set(held))


def test_the_exact_search_never_earns_less_than_the_cap_aware_rule_on_the_same_game():
    deck = _mechanics()
    game = Game(deck)
    plays = b.policies(game)
    for g in range(12):
        setup = Setup(("A", "B", "C"), g)
        state = game.new_game(setup)
        while state.phase != "over":
            state, _ = game.apply(state, plays["cap-aware"](game, state, game.legal_actions(state), random.Random(0)))
        seat = g % 3
        best, exact = b._exact(game, game.new_game(setup), seat, plays["cap-aware"], random.Random(0))
        assert exact
        assert game.book.most_cards() >= best >= game.book.cards_earned(state.teams[seat].scores)


def _brute_force(game, state, seat, others):
    """The most cards `seat` can earn knowing the draws, by trying every sequence of its responses."""
    while state.phase == "play":
        actions = game.legal_actions(state)
        if state.turn == seat and state.pending is not None and len(actions) > 1:
            return max(_brute_force(game, game.apply(state, a)[0], seat, others) for a in actions if a.kind == "choose")
        state, _ = game.apply(state, others(game, state, actions, random.Random(0)))
    return game.book.cards_earned(state.teams[seat].scores)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), seat=st.integers(0, 2), mode=st.sampled_from(["in-turn", "all-at-once"]))
def test_the_exact_search_prunes_nothing_that_could_do_better(seed, seat, mode):
    """On the core deck (a pillar in the red costs a card there), from the last two stages: the search with
    its bound and its dominated positions finds what trying every response finds."""
    game = _core_game()
    others = b.policies(game)["cap-aware"]
    state = game.new_game(Setup(("A", "B", "C"), seed, mode=mode))
    while state.phase == "play" and state.stage < len(game.rules.stages) - 3:
        state.push(others(game, state, game.legal_actions(state), random.Random(0)))
    best, exact = b._exact(game, state, seat, others, random.Random(0))
    assert exact
    assert best == _brute_force(game, state.clone(), seat, others)
    # The bound it prunes with is never below what the team can still earn, at any of its decisions.
    ceiling, rnd = b._Ceiling(game, seat), random.Random(seed)
    while state.phase == "play":
        actions = game.legal_actions(state)
        if state.turn == seat and state.pending is not None and len(actions) > 1:
            assert ceiling(state) >= _brute_force(game, state.clone(), seat, others)
            state.push(b.random_policy(game, state, actions, rnd))
        else:
            state.push(others(game, state, actions, rnd))


def test_a_tool_without_its_powers_unlocks_nothing():
    deck = _mechanics()
    off = b._powerless(deck, "personas")
    assert off.cards["personas"].powers == ()
    unlocked = [o for c in deck.cards.values() for o in c.options if "personas" in o.unlocked_by]
    assert unlocked
    for o in unlocked:
        assert not any(
            o2.offered_to((), ("personas",)) for c in off.cards.values() for o2 in c.options if o2.id == o.id
        )


def test_the_text_report_names_its_warnings_and_compares_with_a_saved_report(capsys, tmp_path):
    assert main(["balance", str(MECHANICS), "--games", "20", "--quiet", "--quick", "--json"]) == 0
    saved = tmp_path / "before.json"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["balance", str(MECHANICS), "--games", "20", "--quiet", "--quick", "--diff", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "foresight ceiling" in out and "free lunches" in out and "warnings:" in out
    assert "(was " in out  # the figures side by side
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["balance", str(MECHANICS), "--games", "5", "--quiet", "--diff", str(tmp_path / "bad.json")]) == 1
    assert "not a report" in capsys.readouterr().err


def test_balance_plays_all_at_once_too(capsys):
    common = [str(MECHANICS), "--games", "20", "--teams", "3", "--seed", "4", "--json", "--quiet", "--quick"]
    assert main(["balance", *common, "--mode", "all-at-once"]) == 0
    together = json.loads(capsys.readouterr().out)
    assert together["mode"] == "all-at-once"
    assert main(["balance", *common]) == 0
    in_turn = json.loads(capsys.readouterr().out)
    assert in_turn["mode"] == "in-turn" and set(together["policies"]) == set(in_turn["policies"])
    # The same seeds, other draws: the room shares one card per round instead of each team drawing its own.
    assert together["policies"] != in_turn["policies"]


def test_the_targets_in_words():
    report: dict[str, Any] = {
        "max_cards": 12,
        "free_lunches": [],
        "policies": {
            "random": {"mean": 1.0},  # a team choosing at random may be crushed: no target of issue 22
            "cap-aware": {"mean": 8.0},
            "lookahead": {"mean": 8.5},
        },
        "strong_policy": "cap-aware",
        "modal_share": {"close-call": 0.604, "clear-miss": 0.72, "fine": 0.6},
        "value": {"canvas": {"strong": 0.5, "blind": 0.2, "teams": 30}, "map": {"strong": 0, "blind": 0.4, "teams": 9}},
        "marks_change_share": 0.05,
        "followups_per_team": 1.6,
        "echo_share": 0.5,
        "repeats": 0.02,
    }
    warnings = b._target_warnings(report)
    assert any("'close-call'" in w and "60.4%" in w for w in warnings)
    assert any("'clear-miss'" in w and "72%" in w for w in warnings)
    assert not any("'fine'" in w for w in warnings)
    assert any("'canvas'" in w and "0.2 card" in w for w in warnings) and not any("'map'" in w for w in warnings)
    assert any("lookahead player (8.5) is less than 1 card above" in w for w in warnings)
    assert any("marks change" in w for w in warnings)
    assert any("same challenge twice" in w for w in warnings)
    report["repeats_by_scenario"] = {"repair-cafe": 0.34, "bike": 0.0}
    assert any("repair-cafe 34%" in w and "bike" not in w for w in b._target_warnings(report))
    assert not any("follow-ups" in w or "echo" in w or "random" in w for w in warnings)
    # With the lookahead compared on the same teams, that comparison decides.
    report["policies"]["lookahead"]["above_best_rule"] = {"mean": 1.2, "ci95": 0.3}
    assert not any("lookahead" in w for w in b._target_warnings(report))
    report["policies"]["lookahead"]["above_best_rule"] = {"mean": 0.4, "ci95": 0.3}
    assert any("+0.4 ± 0.3 on the same teams" in w for w in b._target_warnings(report))


def test_the_progress_bar_is_drawn_on_a_terminal_only(capsys, monkeypatch):
    args = ["balance", str(MECHANICS), "--games", "10", "--quick", "--json"]
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert main(args) == 0
    err = capsys.readouterr().err
    assert err.count("\r") > 1 and "balance [" in err


def _tool_gains(deck, games, seed, teams=3):
    """The tools measure alone: per (tool, player), the cards each holder gained from the tool's powers."""
    game = Game(deck)
    seen = b.foresight_of(game)
    names = tuple(f"Team {i + 1}" for i in range(teams))
    b._CONTEXT = b._Context(deck, game, names, seed, None, seen, b.policies(game, seen), b.Sizes.of(games), {})
    try:
        return b._run_tools(tuple(range(games)))["gain"]
    finally:
        b._CONTEXT = None


def test_a_tool_whose_powers_do_nothing_is_worth_exactly_nothing_to_every_holder():
    # The games with and without the (already absent) powers throw the same dice: paired to the last draw.
    deck = b._powerless(_mechanics(), "personas")
    gains = _tool_gains(deck, 40, seed=5)
    assert gains[("personas", "blind")] and gains[("personas", "strong")]
    assert set(gains[("personas", "blind")]) == {0} and set(gains[("personas", "strong")]) == {0}
    assert any(v != 0 for (t, _), gain in gains.items() if t != "personas" for v in gain)  # the others count


def test_a_tool_value_is_the_same_for_the_same_seed_and_close_for_another():
    deck = _mechanics()
    first, again, other = _tool_gains(deck, 60, seed=1), _tool_gains(deck, 60, seed=1), _tool_gains(deck, 60, seed=2)
    assert first == again
    for key, gain in first.items():
        mean, ci = b._paired(gain, [0] * len(gain)).values()
        other_mean, other_ci = b._paired(other[key], [0] * len(other[key])).values()
        assert abs(mean - other_mean) <= ci + other_ci + 1e-9, key  # the two intervals meet
