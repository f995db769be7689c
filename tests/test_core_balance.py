# SPDX-License-Identifier: MIT
"""The core deck meets the targets of issue 11: choices that cost, consequences that come back, tools that matter.

The structural targets are read from the deck itself. The measured ones (policies, best play, modal shares,
tools) come from `booster balance` with a fixed seed and a modest number of games: a balance test, not a
timed one.
"""

import json

import pytest

from booster import paths
from booster.deck.loader import load_deck
from booster.tools.cli import main

STAGES = ("ideation", "positioning", "offer", "business-model", "launch")


@pytest.fixture(scope="module")
def deck():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None, [str(p) for p in result.problems]
    return result.deck


def _decisions(deck):
    return deck.of_kind("challenge") + deck.of_kind("follow-up")


def test_at_most_three_free_lunches_each_named_in_the_notes(deck):
    """A free lunch loses nothing on any pillar and ties for the best total on its card."""
    lunches = []
    for card in _decisions(deck):
        best = max(sum(o.effect) for o in card.options)
        lunches += [(card, o.id) for o in card.options if min(o.effect) >= 0 and sum(o.effect) == best]
    assert len(lunches) <= 3, [f"{c.id}.{o}" for c, o in lunches]
    for card, option in lunches:
        assert "free lunch" in (card.notes or "").lower() and option in (card.notes or ""), card.id


def test_every_response_has_a_consequence_in_french_and_english(deck):
    for card in _decisions(deck):
        for lang in ("fr", "en"):
            said = deck.texts.get(lang, {}).get("cards", {}).get(card.id, {}).get("consequences", {})
            assert set(said) == {o.id for o in card.options}, (lang, card.id)


def test_at_least_ten_follow_up_chains_across_stages(deck):
    chains = set()
    for card in deck.of_kind("challenge") + deck.of_kind("follow-up"):
        for option in card.options:
            follow = deck.cards.get(option.follow_up or "")
            later = follow is not None and STAGES.index(follow.stage or "launch") > STAGES.index(card.stage or "")
            if later:
                chains.add((card.id, option.follow_up))
    assert len(chains) >= 10, sorted(chains)
    scheduled = {o.follow_up for c in _decisions(deck) for o in c.options}
    assert {c.id for c in deck.of_kind("follow-up")} <= scheduled  # no follow-up card that never comes


def test_at_least_eight_tools_do_more_than_the_bonus(deck):
    powered = [t.id for t in deck.of_kind("tool") if set(t.powers) - {"bonus"}]
    assert len(powered) >= 8, powered
    for tool in deck.of_kind("tool"):
        if "unlock" in tool.powers:
            assert any(tool.id in o.unlocked_by for c in _decisions(deck) for o in c.options), tool.id


def test_every_experience_card_is_echoed_on_its_own_pillar(deck):
    echoed = {e for c in _decisions(deck) for o in c.options for e in o.echoes}
    assert {c.id for c in deck.of_kind("experience")} <= echoed
    assert all(deck.cards[e].kind == "experience" for e in echoed)


def test_every_scenario_has_fitting_challenges_and_tools_at_every_stage(deck):
    for scenario in deck.of_kind("scenario"):
        assert scenario.project, scenario.id
        for stage in STAGES:
            challenges = [c for c in deck.of_kind("challenge", stage) if c.fits_project(scenario.project)]
            tools = [c for c in deck.of_kind("tool", stage) if c.fits_project(scenario.project)]
            assert len(challenges) >= 4 and tools, (scenario.id, stage)


def test_booster_balance_meets_the_targets(run_balance):
    report = run_balance(paths.CORE_DECK)
    top = report["max_cards"]
    policies = report["policies"]
    best_policy = max(p["mean"] for name, p in policies.items() if name != "random")
    assert best_policy <= 0.75 * top, policies
    assert report["best_play"]["mean"] >= best_policy + 1.5, (report["best_play"], best_policy)
    assert policies["random"]["mean"] >= 0.35 * top, policies["random"]
    assert len(report["free_lunches"]) <= 3, report["free_lunches"]
    assert {card: share for card, share in report["modal_share"].items() if share > 0.6} == {}
    tools = report["tools"]
    assert {t: v["usable"] for t, v in tools.items() if v["usable"] < 0.5} == {}  # usable in half the games
    assert {t: v["changes"] for t, v in tools.items() if v["changes"] < 0.25} == {}
    assert report["warnings"] == []


@pytest.fixture
def run_balance(capsys):
    def go(path):
        code = main(["balance", str(path), "--games", "300", "--seed", "1", "--json"])
        out = capsys.readouterr()
        assert code == 0, out.err
        return json.loads(out.out)

    return go
