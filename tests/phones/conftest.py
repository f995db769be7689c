# SPDX-License-Identifier: MIT
"""Fixtures of the phones' tests: the core deck, and a room (a headless game behind the phone server)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # phone_room.py, webdriver.py
sys.path.insert(1, str(Path(__file__).parents[1] / "ui"))  # ui_drive.py: what the screen says

from phone_room import Room

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.model import Deck


@pytest.fixture(scope="session")
def core_deck() -> Deck:
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    return deck


@pytest.fixture
def room(core_deck):
    r = Room(core_deck)
    yield r
    r.close()
