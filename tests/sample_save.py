# SPDX-License-Identifier: MIT
"""Seeded random games recorded as saves, with plausible decision times: a fixture of the tests and benchmarks."""

from __future__ import annotations

import random

from booster.engine.game import Game, Setup
from booster.engine.match import Match
from booster.engine.model import CardKind, Deck
from booster.table.saves import Saved, new_save


def random_save(
    deck: Deck,
    deck_path: str,
    teams: int | tuple[str, ...] = 4,
    seed: int = 1,
    lang: str = "en",
    actions: int | None = None,
    started: float = 1_795_000_000.0,
    scenarios: bool = False,
    mode: str | None = None,
) -> Saved:
    """A game played with random legal actions (all of it, or its first `actions`), timed like a workshop:
    a few seconds to advance, one to four minutes to debate a challenge. With `scenarios`, teams adopt the
    deck's scenario cards in turn; `mode` "all-at-once" plays every round with the whole room (None: the
    rules' choice)."""
    names = tuple(f"Team {i + 1}" for i in range(teams)) if isinstance(teams, int) else teams
    game = Game(deck)
    rand = random.Random(seed)
    cards = [c.id for c in deck.of_kind(CardKind.SCENARIO)] if scenarios else []
    chosen = tuple(cards[i % len(cards)] for i in range(len(names))) if cards else ()
    match = Match.start(game, Setup(names, seed, chosen, mode))
    saved = new_save(match, deck_path, lang)._replace(started=started)
    now = started
    while not game.is_over(match.state) and (actions is None or len(match.log) < actions):
        state = match.state
        action = rand.choice(game.legal_actions(state))
        now += rand.uniform(60, 240) if action.kind == "choose" else rand.uniform(3, 20)
        match, _ = match.play(action)
        saved = saved.record(action, now)
    return saved
