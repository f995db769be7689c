# SPDX-License-Identifier: MIT
"""Causal chains: every link shown is backed by the log, checked on the replayed states, not on the events."""

import random

from hypothesis import given, settings
from test_engine import games, random_play, setup_of

from booster.engine.chains import Chain, Link, LinkKind, fold
from booster.engine.game import ADVANCE, ActionKind, Game
from booster.engine.match import Match
from booster.engine.model import Adjust, Card, Deck, DeckInfo, Option, Pillar, Rules, Stage


def answered(match: Match, step: int, team: int) -> tuple[str, str] | None:
    """(card, response) the team's answer applied at action `step`, read from the state before it."""
    before, action = match.states[step], match.log[step]
    if action.kind == ActionKind.CHOOSE and before.round is None and before.turn == team and before.pending:
        return before.pending, action.option or ""
    if action.kind == ActionKind.CLOSE and before.round is not None:
        answer = before.round.answers[team]
        card = before.round.cards[team]
        if answer is not None and answer.kind == ActionKind.CHOOSE and card is not None:
            return card, answer.option or ""
    return None


def met(match: Match, step: int, team: int) -> str | None:
    """The card the team had to answer after action `step`."""
    after = match.states[step + 1]
    if after.round is not None:
        return after.round.cards[team]
    return after.pending if after.turn == team else None


def check_chain(game: Game, match: Match, chain: Chain) -> None:
    team = chain.team
    parents: list[Link] = []
    assert chain.decision.kind == LinkKind.DECISION and chain.decision.depth == 0
    for link in chain.links:
        del parents[link.depth :]
        parent = parents[-1] if parents else None
        marks_before = match.states[link.step].teams[team].marks
        marks_after = match.states[link.step + 1].teams[team].marks
        if link.kind == LinkKind.DECISION:
            assert answered(match, link.step, team) == (link.card, link.option)
            if parent is not None:  # the response to a follow-up the parent brought
                assert parent.kind == LinkKind.FOLLOW_UP and parent.card == link.card
        elif link.kind == LinkKind.MARK:
            assert parent is not None and parent.kind == LinkKind.DECISION and link.step == parent.step
            assert link.mark in game.cards[parent.card or ""].option(parent.option or "").marks
            assert link.mark not in marks_before and link.mark in marks_after
        elif link.kind == LinkKind.FOLLOW_UP:
            assert parent is not None and parent.kind == LinkKind.DECISION
            assert game.cards[parent.card or ""].option(parent.option or "").follow_up == link.card
            assert link.step > parent.step and met(match, link.step, team) == link.card
            assert link.card not in match.states[parent.step].teams[team].scheduled
        elif link.kind == LinkKind.EXPERIENCE:
            assert parent is not None and parent.kind == LinkKind.DECISION
            assert link.card in game.cards[parent.card or ""].option(parent.option or "").echoes
            assert link.card in match.state.teams[team].experience
        else:  # the mark above did something to a later card
            assert parent is not None and parent.kind == LinkKind.MARK and link.step > parent.step
            mark = parent.mark or ""
            # Held from the step that left it to this one.
            assert all(mark in s.teams[team].marks for s in match.states[parent.step + 1 : link.step + 1])
            assert answered(match, link.step, team) is not None
            card, chosen = answered(match, link.step, team) or ("", "")
            assert card == link.card
            option = game.cards[card].option(link.option or "")
            if link.kind == LinkKind.CHANGED:
                assert chosen == link.option
                without = tuple(m for m in marks_before if m != mark)
                assert game.book.option_effect(card, chosen, marks=marks_before) != game.book.option_effect(
                    card, chosen, marks=without
                )
            elif link.kind == LinkKind.OPENED:
                assert chosen == link.option and mark in option.requires
            elif link.kind == LinkKind.CLOSED:
                assert chosen != link.option and mark in option.excludes
            else:
                assert link.kind == LinkKind.CLEARED
                assert chosen == link.option and mark in option.clears and mark not in marks_after
        parents.append(link)


@settings(max_examples=120, deadline=None)
@given(games)
def test_every_chain_shown_is_backed_by_the_log(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    chains = fold(deck.cards, match.events())
    for chain in chains:
        assert len(chain.links) > 1, "a decision with no consequence is no chain"
        check_chain(game, match, chain)
    # Each decision starts one chain at most, and chains follow the teams in seat order.
    starts = [(c.team, c.decision.step) for c in chains]
    assert len(set(starts)) == len(starts)
    assert [c.team for c in chains] == sorted(c.team for c in chains)


def tiny_deck() -> Deck:
    """Three challenges in one stage: a debt, a loan it makes dearer, a follow-up and an echo."""
    cards = {
        "loan": Card(
            "loan",
            "challenge",
            stage="s",
            options=(
                Option("borrow", (3, 0), marks=("in-debt",), echoes=("exp-debt",), follow_up="bank-calls"),
                Option("wait", (0, 1)),
            ),
        ),
        "van": Card(
            "van",
            "challenge",
            stage="s",
            options=(
                Option("buy", (2, 0), adjust=(Adjust("in-debt", True, (-3, 0)),)),
                Option("lease", (1, 0), excludes=("in-debt",)),
            ),
        ),
        "bank-calls": Card(
            "bank-calls", "follow-up", options=(Option("repay", (-1, 0), clears=("in-debt",)), Option("delay", (0, 0)))
        ),
        "exp-debt": Card("exp-debt", "experience", pillar="eco"),
    }
    rules = Rules((Pillar("eco"), Pillar("soc")), (Stage("s", ("challenge",) * 3),), exchange_cap=5)
    return Deck(DeckInfo("tiny", "1", "en", "CC-BY-SA-4.0"), rules, cards)


def play_tiny(seed: int, on_follow_up: str) -> tuple[Game, Match]:
    """The tiny deck played by one team: it borrows, buys the van, and answers the bank's call as told."""
    game = Game(tiny_deck())
    match = Match.start(game, setup_of([None], seed))
    wanted = {"loan": "borrow", "van": "buy", "bank-calls": on_follow_up}
    while not game.is_over(match.state):
        state = match.state
        actions = game.legal_actions(state)
        action = next((a for a in actions if a.option == wanted.get(state.pending or "")), actions[0])
        match, _ = match.play(action)
    return game, match


def loan_first(seed: int) -> bool:
    game = Game(tiny_deck())
    match, _ = Match.start(game, setup_of([None], seed)).play(ADVANCE)
    return match.state.pending == "loan"


def test_a_debt_that_made_a_later_purchase_dearer_is_one_chain():
    seed = next(s for s in range(50) if loan_first(s))
    game, match = play_tiny(seed, "delay")
    chains = fold(game.cards, match.events())
    assert len(chains) == 1
    check_chain(game, match, chains[0])
    shown = [(link.depth, link.kind, link.card, link.option) for link in chains[0].links]
    assert shown == [
        (0, LinkKind.DECISION, "loan", "borrow"),
        (1, LinkKind.MARK, "loan", "borrow"),
        (2, LinkKind.CHANGED, "van", "buy"),
        (2, LinkKind.CLOSED, "van", "lease"),
        (1, LinkKind.FOLLOW_UP, "bank-calls", None),
        (2, LinkKind.DECISION, "bank-calls", "delay"),
        (1, LinkKind.EXPERIENCE, "exp-debt", None),
    ]
    assert chains[0].links[2].delta == (-3, 0)


def test_a_debt_repaid_before_it_mattered_shows_as_cleared():
    seed = next(s for s in range(50) if loan_first(s))
    game, match = play_tiny(seed, "repay")
    (chain,) = fold(game.cards, match.events())
    check_chain(game, match, chain)
    kinds = [link.kind for link in chain.links]
    assert LinkKind.CLEARED in kinds and LinkKind.CHANGED not in kinds
