# SPDX-License-Identifier: MIT
"""A pillar in the red costs at the exchange: flat (`red` cards, however deep) or graded by how deep
(`red` cards per `red_step` points below zero), and a higher score never earns fewer cards."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.book import RuleBook


@pytest.fixture(scope="module")
def core():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None, result.problems
    return result.deck


def book(deck, **exchange: int) -> RuleBook:
    rules = attrs.evolve(deck.rules, **{f"exchange_{k}": v for k, v in exchange.items()})
    return RuleBook(attrs.evolve(deck, rules=rules))


def test_flat_cost_is_the_same_however_deep(core):
    flat = book(core, rate=1, cap=4, red=1, red_step=0)
    assert flat.cards_earned((4, 4, -1)) == flat.cards_earned((4, 4, -9)) == 7


def test_graded_cost_grows_with_the_depth(core):
    graded = book(core, rate=1, cap=4, red=1, red_step=3)
    # -1 to -3 cost one card, -4 to -6 two, -9 three: a bankrupt pillar costs more than a dip.
    assert [graded.cards_earned((4, 4, s)) for s in (0, -1, -3, -4, -6, -9)] == [8, 7, 7, 6, 6, 5]
    # Two pillars in the red each cost by their own depth, never below no card at all.
    assert graded.cards_earned((4, -2, -5)) == 1
    assert graded.cards_earned((1, -20, -20)) == 0


def test_the_core_deck_grades_the_cost(core):
    """The core deck's rule, chosen by measuring the policies (its rules.yaml says the figures)."""
    assert (core.rules.exchange_red, core.rules.exchange_red_step) == (1, 3)
    earned = RuleBook(core).cards_earned
    assert earned((4, 4, -1)) > earned((4, 4, -9))


exchanges = st.fixed_dictionaries(
    {
        "rate": st.integers(1, 3),
        "cap": st.integers(0, 5),
        "red": st.integers(0, 3),
        "red_step": st.integers(0, 5),
    }
)
scores = st.lists(st.integers(-15, 15), min_size=3, max_size=3)


@settings(max_examples=300, deadline=None)
@given(exchanges, scores, st.integers(0, 2), st.integers(1, 6))
def test_a_higher_score_never_earns_fewer_cards(core, exchange, before, pillar, rise):
    """The exact search of `booster balance` prunes on this; a team must never gain by losing points."""
    rules = book(core, **exchange)
    after = list(before)
    after[pillar] += rise
    assert rules.cards_earned(after) >= rules.cards_earned(before)
    assert 0 <= rules.cards_earned(before) <= rules.most_cards()


@settings(max_examples=200, deadline=None)
@given(exchanges, scores)
def test_graded_costs_at_least_the_flat_cost(core, exchange, points):
    """A step of points grades upwards from the flat cost: at one step deep or less, the two agree."""
    graded = book(core, **exchange).cards_earned(points)
    flat = book(core, **{**exchange, "red_step": 0}).cards_earned(points)
    assert graded <= flat
    if all(s >= -max(1, exchange["red_step"]) for s in points):
        assert graded == flat


def _rules_line(folder: Path, line: str) -> None:
    path = folder / "rules.yaml"
    text = path.read_text(encoding="utf-8")
    assert "exchange: {rate: 1, cap: 2}" in text
    path.write_text(text.replace("exchange: {rate: 1, cap: 2}", line), encoding="utf-8")


def test_red_step_is_read(mini_copy):
    _rules_line(mini_copy, "exchange: {rate: 1, cap: 2, red: 1, red_step: 2}")
    result = load_deck(mini_copy)
    assert result.deck is not None, result.problems
    assert (result.deck.rules.exchange_red, result.deck.rules.exchange_red_step) == (1, 2)
    assert not result.warnings


def test_red_step_absent_is_flat(mini_copy):
    result = load_deck(mini_copy)
    assert result.deck is not None
    assert result.deck.rules.exchange_red_step == 0


@pytest.mark.parametrize("bad", ["0", "-2", "21", "two", "1.5"])
def test_a_bad_red_step_is_located_with_the_fix(mini_copy, bad):
    _rules_line(mini_copy, f"exchange: {{rate: 1, cap: 2, red: 1, red_step: {bad}}}")
    result = load_deck(mini_copy)
    assert result.deck is None
    [problem] = [str(p) for p in result.problems]
    assert problem.startswith(f"{mini_copy / 'rules.yaml'}:13:")
    assert "red_step" in problem and "whole number" in problem


def test_red_step_without_a_red_cost_is_a_warning_with_the_fix(mini_copy):
    _rules_line(mini_copy, "exchange: {rate: 1, cap: 2, red_step: 3}")
    result = load_deck(mini_copy)
    assert result.deck is not None, result.problems
    [warning] = [str(w) for w in result.warnings]
    assert warning.startswith(f"{mini_copy / 'rules.yaml'}:13:")
    assert "set red: 1" in warning
