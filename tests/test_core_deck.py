# SPDX-License-Identifier: MIT
"""The bundled core deck: valid, complete in French and English, with the content a workshop needs."""

from collections import Counter

import pytest

from booster import paths
from booster.deck.coverage import coverage
from booster.deck.loader import load_deck
from booster.tools.simulate import dominated_options, losing_challenges


@pytest.fixture(scope="module")
def deck():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None, [str(p) for p in result.problems]
    return result.deck


def test_content_counts(deck):
    stages = deck.rules.stage_ids
    assert stages == ("ideation", "positioning", "offer", "business-model", "launch")
    challenges = Counter(c.stage for c in deck.of_kind("challenge"))
    tools = Counter(c.stage for c in deck.of_kind("tool"))
    experience = Counter(c.pillar for c in deck.of_kind("experience"))
    assert all(challenges[s] >= 12 for s in stages), challenges
    assert sum(tools.values()) >= 25 and all(tools[s] >= 4 for s in stages), tools
    assert sum(experience.values()) >= 30 and all(experience[p] >= 10 for p in deck.rules.pillar_ids)
    assert len(deck.of_kind("scenario")) >= 6
    assert len(deck.of_kind("credits")) == 1


def test_french_and_english_are_complete_and_every_stage_is_introduced(deck):
    cov = coverage(deck)
    assert cov["fr"][0] == cov["fr"][1] and cov["en"] == cov["fr"]
    for lang in ("fr", "en"):
        for stage in deck.rules.stage_ids:
            assert deck.text(lang, "stages", stage, "intro")
            assert len(deck.texts_of(lang, "stages", stage, "questions")) >= 2


def test_every_challenge_is_a_real_choice(deck):
    assert dominated_options(deck) == []
    assert losing_challenges(deck) == []
    for card in deck.of_kind("challenge"):
        # Up to three responses for every team, plus at most one opened by a tool or a mark.
        always = [o for o in card.options if not (o.unlocked_by or o.requires)]
        assert 2 <= len(always) <= 3 and len(card.options) <= 4 and card.tools, card.id


def test_a_card_whose_responses_total_differently_says_why(deck):
    # Effects are the deck's verdict: when one response is worth more than another, a deck editor reads why.
    silent = [
        card.id
        for card in deck.cards.values()
        if len({sum(o.effect) for o in card.options}) > 1 and not card.notes.strip()
    ]
    assert silent == []


def test_attribution(deck):
    assert deck.info.licence == "CC-BY-SA-4.0"
    assert "Social Impact Booster" in deck.info.based_on["title"]
    assert "Aix-Marseille" in deck.info.based_on["authors"] and deck.info.changes
