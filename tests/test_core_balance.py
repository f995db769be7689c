# SPDX-License-Identifier: MIT
"""The core deck meets the targets of issues 11 and 22: choices that cost, consequences that come back, tools
that matter, verdicts a practitioner would sign.

The structural targets are read from the deck itself. The measured ones come from `booster balance --quick`
with a fixed seed and a modest number of games, in both play modes: a balance test, not a timed one.
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


# Targets of issue 22 that this size cannot measure (the balance report at 2000 games meets them, seeds 1 and 2,
# both modes). The lookahead player plays 12 games here (±1.4 card on the same teams): above 75 % or less than a
# card above the best rule within that noise (at 2000 games it plays 200: 8.5-8.8 cards, 1.2-1.4 above the best
# rule). A tool's value to a blind team comes from 100 games here (±0.15-0.35 card each; at 2000 games, 300 games
# and ±0.1-0.17, every tool is at 0.3 or above). Marks that change the strong player's choice (11 % here, aim
# 10 %) and modal shares (none above 60 % without a declared lesson) are checked at this size.
# Any other warning fails this test.
KNOWN_GAPS = (
    "the player 'lookahead' earns",
    "the lookahead player (",
    "through its powers to a team that cannot see",
)


# Responses another response of their card beats on every pillar with plain effects: none (copy-request's
# franchise, once worse than duplicate on every pillar, costs less ecology since the deck's re-scoring).
KNOWN_DOMINATED: set[tuple[str, str]] = set()


@pytest.mark.parametrize("mode", ["in-turn", "all-at-once"])
def test_booster_balance_meets_the_targets(run_balance, mode):
    report = run_balance(paths.CORE_DECK, mode)
    top = report["max_cards"]
    rules = {n: p for n, p in report["policies"].items() if n != "lookahead"}
    assert max(p["mean"] for p in rules.values()) <= 0.75 * top, rules  # 300 games each
    ahead = report["policies"]["lookahead"]
    assert ahead["mean"] >= ahead["cap_aware_same_teams"]  # thinking ahead helps
    assert len({(f["card"], f["response"]) for f in report["free_lunches"]}) <= 3, report["free_lunches"]
    assert report["followups_per_team"] >= 1.5
    assert report["repeats_without_scenario"] == 0
    plain = {(d["card"], d["response"]) for d in report["dominated"] if d["when"] == "plain"}
    assert plain <= KNOWN_DOMINATED, plain
    assert [w for w in report["warnings"] if not any(gap in w for gap in KNOWN_GAPS)] == []


@pytest.fixture
def run_balance(capsys):
    def go(path, mode):
        code = main(
            ["balance", str(path), "--games", "300", "--seed", "1", "--json", "--quiet", "--quick", "--mode", mode]
        )
        out = capsys.readouterr()
        assert code == 0, out.err
        return json.loads(out.out)

    return go
