# SPDX-License-Identifier: MIT
"""The start screen's deck switch offers the decks a user put in their decks folder."""

import shutil

from deckgen import MINI

from booster import paths
from booster.tools.demo import make_app


def test_the_deck_switch_goes_from_the_bundled_deck_to_the_users_own(booster_home):
    shutil.copytree(MINI, booster_home / "decks" / "workshop")
    app = make_app(paths.CORE_DECK, "en", (1280, 720))
    assert app.deck_candidates() == [paths.CORE_DECK, booster_home / "decks" / "workshop"]
    app.next_deck()
    assert app.deck is not None and app.deck.info.id == "mini"
    app.next_deck()
    assert app.deck is not None and app.deck.info.id == "core"
