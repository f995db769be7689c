# SPDX-License-Identifier: MIT
"""A finished game of the core deck by teams with projects of their own and tricky texts, as a save."""

from __future__ import annotations

import random

from booster import paths
from booster.engine.game import Game, Setup
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.table.projects import (
    Commitment,
    Project,
    Transfer,
    scenario_of_kind,
    with_commitments,
    with_projects,
    with_transfer,
)
from booster.table.saves import Saved, new_save

LONG = ("Nous voulons d’abord écouter les habitants du quartier, puis cartographier les commerces. " * 8)[:500]
EMOJI = "Café réparation 🔧🚲 avec les voisins 👩🏽‍🔧"
RTL = "مقهى الإصلاح"  # "repair café", a name in a right-to-left script
MARKUP = "<script>alert(1)</script> **bold** [link](http://x) {x} # not a heading | a | table"
LONG_NAME = "Le Grand Atelier Coopératif de Réparation, de Réemploi et de Mobilité Douce des Quartiers Nord"
TEAMS = ("Les Clés à molette", RTL, "Team 3")


def project_save(deck: Deck, lang: str = "fr", seed: int = 3, mode: str | None = None) -> Saved:
    """Three teams: a repair-café project with a long name (tricky answers, the last stage left without one),
    a project named in a right-to-left script, and a team without a project; played by seeded random choices."""
    game = Game(deck)
    rand = random.Random(seed)
    match = Match.start(game, Setup(TEAMS, seed, (scenario_of_kind(deck, "repair"), None, None), mode))
    saved = new_save(match, str(paths.CORE_DECK), lang)._replace(started=1_795_000_000.0)
    while not game.is_over(match.state):
        action = rand.choice(game.legal_actions(match.state))
        match, _ = match.play(action)
        saved = saved.record(action, saved.started + 30 * len(saved.log))
    extra = with_projects({}, [Project(LONG_NAME, f"{MARKUP} {EMOJI}", "repair"), Project(RTL, f"{RTL} {EMOJI}"), None])
    texts = [LONG, EMOJI, MARKUP, RTL]
    for i, stage in enumerate(deck.rules.stage_ids[:-1]):
        extra = with_transfer(extra, Transfer(0, stage, texts[i % len(texts)], "personas"))
        extra = with_transfer(extra, Transfer(1, stage, f"{RTL} {EMOJI}", None))
    commitments = [Commitment("Amina & Jo", MARKUP, "juin 2027"), Commitment(RTL, LONG, "15/09")]
    return saved._replace(extra=with_commitments(extra, 0, commitments, len(TEAMS)))
