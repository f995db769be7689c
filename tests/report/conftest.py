# SPDX-License-Identifier: MIT
"""Fixtures of the report tests: decks, and saves made by playing seeded random games on them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sample_save import random_save

from booster import paths
from booster.deck.loader import load_deck
from booster.table.saves import save

MINI_PATH = Path(__file__).resolve().parent.parent / "decks" / "mini"


@pytest.fixture(scope="session")
def mini():
    result = load_deck(MINI_PATH)
    assert result.deck is not None, result.problems
    return result.deck


@pytest.fixture(scope="session")
def core():
    """The bundled core deck."""
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None, result.problems
    return result.deck


@pytest.fixture
def save_file(tmp_path, mini):
    """Writes a random game on the mini deck to tmp_path/NAME.json and returns its path."""

    def make(
        name: str = "table",
        teams=3,
        seed: int = 1,
        lang: str = "en",
        actions: int | None = None,
        deck=None,
        deck_path: Path = MINI_PATH,
    ) -> Path:
        saved = random_save(deck or mini, str(deck_path), teams, seed=seed, lang=lang, actions=actions)
        path = tmp_path / f"{name}.json"
        save(path, saved)
        return path

    return make


@pytest.fixture
def mini_variant(tmp_path):
    """A copy of the mini deck, with `edit(text) -> text` applied to each of its files."""

    def make(edit, name: str = "variant") -> Path:
        folder = Path(shutil.copytree(MINI_PATH, tmp_path / name))
        for f in folder.glob("*.yaml"):
            f.write_text(edit(f.read_text(encoding="utf-8")), encoding="utf-8")
        return folder

    return make
