# SPDX-License-Identifier: MIT
"""`booster simulate`: figures that do not depend on the run, dominated options, speed on stderr."""

import json
import subprocess
import sys
from pathlib import Path

from deckgen import MINI
from hypothesis import given, settings
from hypothesis import strategies as st

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Game
from booster.engine.match import Match
from booster.engine.model import Card, Option
from booster.tools.cli import main
from booster.tools.simulate import dominated_options, losing_challenges, simulate


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "booster", "simulate", str(MINI), *args], capture_output=True, text=True, timeout=120
    )


def test_the_same_seed_prints_the_same_figures_and_speed_goes_to_stderr():
    a, b = run("--games", "300", "--teams", "3", "--seed", "5"), run("--games", "300", "--teams", "3", "--seed", "5")
    assert a.returncode == 0 and a.stdout == b.stdout
    assert "actions/s" in a.stderr and "actions/s" not in a.stdout
    assert run("--games", "300", "--teams", "3", "--seed", "6").stdout != a.stdout
    for word in (
        "ecology",
        "stdev",
        "experience cards per team",
        "options chosen",
        "dominated options",
        "total actions: ",
    ):
        assert word in a.stdout


def test_json_figures_are_consistent(capsys):
    assert main(["simulate", str(MINI), "--games", "200", "--teams", "4", "--seed", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["games"] == 200 and set(report["pillars"]) == {"ecology", "economy", "social"}
    for s in report["pillars"].values():
        assert s["min"] <= s["mean"] <= s["max"]
    # Each of the 4 teams draws one challenge per challenge space: 2 per game here.
    assert sum(sum(c.values()) for c in report["options_chosen"].values()) == 200 * 4 * 2
    assert 0 < report["tools_played_share_of_games"]["map"] <= 1


def test_greedy_balances_better_than_random():
    deck = load_deck(MINI).deck
    greedy = simulate(deck, 300, 2, 1, "greedy")
    rand = simulate(deck, 300, 2, 1, "random")

    def worst(r):
        return min(s["mean"] for s in r["pillars"].values())

    assert worst(greedy) > worst(rand)


def test_dominated_and_losing_options_are_found():
    deck = load_deck(MINI).deck
    assert dominated_options(deck) == []
    bad = Card("bad", "challenge", "start", options=(Option("a", (1, 0, 1)), Option("b", (1, 0, 0))))
    lost = Card("lost", "challenge", "start", options=(Option("a", (-1, 0, 0)), Option("b", (0, -2, 0))))
    ok = Card(
        "ok", "challenge", "start", options=(Option("a", (1, 0, 0)), Option("b", (1, 0, 0))), allow_dominated=("b",)
    )
    deck = deck.__class__(deck.info, deck.rules, {**deck.cards, "bad": bad, "lost": lost, "ok": ok}, deck.texts)
    assert ("bad", "b", "a") in dominated_options(deck)
    assert not any(d[0] == "ok" for d in dominated_options(deck))
    assert losing_challenges(deck) == ["lost"]


def test_bad_arguments_are_refused_plainly():
    out = run("--games", "10", "--teams", "9")
    assert out.returncode == 2 and "1 to 8 teams" in out.stderr and "Traceback" not in out.stderr


def test_simulate_save_writes_the_last_game_for_report(tmp_path, capsys):
    from booster.deck.loader import load_deck
    from booster.engine.game import Game
    from booster.table import saves
    from booster.tools.cli import main

    path = tmp_path / "last.json"
    deck_path = str(Path(__file__).parent / "decks" / "mechanics")
    assert main(["simulate", deck_path, "--games", "3", "--teams", "2", "--save", str(path)]) == 0
    saved = saves.load(path)
    deck = load_deck(deck_path).deck
    assert deck is not None
    state = saved.replay(Game(deck)).state
    assert state.phase == "over" and len(state.teams) == 2
    assert main(["report", str(path), "-o", str(tmp_path / "last.csv")]) == 0


def test_simulate_plays_both_modes(capsys):
    """All at once, every team meets the room's card in each round: a card is answered by all four teams
    of a game or by none, and the rounds close once all have answered."""
    reports = {}
    for mode in ("in-turn", "all-at-once"):
        assert (
            main(["simulate", str(MINI), "--games", "100", "--teams", "4", "--seed", "2", "--mode", mode, "--json"])
            == 0
        )
        reports[mode] = json.loads(capsys.readouterr().out)
        assert reports[mode]["mode"] == mode
        assert sum(sum(c.values()) for c in reports[mode]["options_chosen"].values()) == 100 * 4 * 2
    together = reports["all-at-once"]["options_chosen"]
    assert all(sum(c.values()) % 4 == 0 for c in together.values())
    deck = load_deck(MINI).deck
    setup, log = simulate(deck, 3, 4, 2, mode="all-at-once")["last_game"]
    match = Match.replay(Game(deck), setup, log)
    rounds = [s.round for s, a in zip(match.states, match.log, strict=False) if a.kind == "choose"]
    assert len(rounds) == 4 * 2 and all(r is not None and len(set(r.cards)) == 1 for r in rounds)
    assert [a.kind for a in log].count("close") == 2
    assert main(["simulate", str(MINI), "--games", "10", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mode"] == "in-turn"  # the deck's rules say nothing: in turn


def test_the_pool_gives_the_figures_of_one_process(monkeypatch):
    from booster.tools import pool

    deck = load_deck(MINI).deck
    assert deck is not None
    pooled = simulate(deck, 250, 3, 5, "greedy")  # three batches, on every core
    monkeypatch.setattr(pool.multiprocessing, "get_all_start_methods", lambda: ["spawn"])  # one process
    alone = simulate(deck, 250, 3, 5, "greedy")
    for r in (pooled, alone):
        r.pop("speed")
    assert pooled == alone


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), teams=st.integers(1, 8), mode=st.sampled_from(["in-turn", "all-at-once"]))
def test_greedy_plays_the_core_deck_to_the_end_whatever_the_seed(seed, teams, mode):
    # The core deck has reveal tools (an action without a response): greedy once crashed on them with KeyError ''.
    deck = load_deck(paths.CORE_DECK).deck
    report = simulate(deck, 2, teams, seed, "greedy", mode)
    assert report["games"] == 2 and report["experience_cards_per_team"]["max"] >= 0
    assert sum(sum(c.values()) for c in report["options_chosen"].values()) > 0
