# SPDX-License-Identifier: MIT
"""The core deck's partial Italian translation: a whole game reads in Italian, French where it is missing."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup
from booster.tools.translation import core

IT_FILE = paths.CORE_DECK / "text.it.yaml"


@pytest.fixture(scope="module")
def deck():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None, result.problems
    return result.deck


def test_a_whole_game_in_italian(deck) -> None:
    game = Game(deck)
    rng = random.Random(5)
    state = game.new_game(Setup(("Squadra A", "Squadra B", "Squadra C"), seed=11))
    it, fr = deck.texts["it"], deck.texts["fr"]
    seen: set[str] = set()
    italian = 0
    while not game.is_over(state):
        sid = game.rules.stage_id(state.stage)
        if sid:
            assert deck.text("it", "stages", sid, "name") == it["stages"][sid]["name"]  # stages are translated
        state, events = game.apply(state, rng.choice(game.legal_actions(state)))
        for card in (getattr(e, "card", None) for e in events):  # the events that name a card
            if card is None:
                continue
            seen.add(card)
            title = deck.text("it", "cards", card, "title")
            own = it.get("cards", {}).get(card)
            # Translated where the Italian file has it, the French source otherwise: never empty.
            assert title == (own["title"] if own else fr["cards"][card]["title"]) and title
            italian += own is not None
            for key, text in deck.texts_of("it", "cards", card, "options").items():
                mine = (own or {}).get("options", {}).get(key)
                assert text == (mine or fr["cards"][card]["options"][key])
    assert italian > 0 and len(seen) > italian  # some cards in Italian, some falling back to French
    assert deck.text("it", "deck", "title") and deck.text("it", "pillars", "social", "name") == "Sociale"


def test_every_ideation_card_is_in_italian(deck) -> None:
    for card in deck.of_kind("challenge", "ideation") + deck.of_kind("tool", "ideation"):
        assert card.id in deck.texts["it"]["cards"], card.id


def test_status_counts_italian_as_partial(run) -> None:
    st = core.status(core.deck_textset(paths.CORE_DECK), "it")
    assert 0 < len(st.translated) < st.total and st.missing
    # A stale text (its French changed since) is still a translation, never counted missing.
    assert not {s.path for s in st.stale} & set(st.missing)
    assert not st.unrecorded  # confirmed
    code, out = run("deck", "status", paths.CORE_DECK, "--lang", "it", "--strict")
    assert code == 1 and ": partial" in out


def test_a_french_change_makes_italian_stale(tmp_path: Path, run) -> None:
    copy = tmp_path / "core"
    shutil.copytree(paths.CORE_DECK, copy)
    path = copy / "text.fr.yaml"
    before = {s.path for s in core.status(core.deck_textset(copy), "it").stale}
    text = path.read_text(encoding="utf-8")
    old = 'title: "Un quartier sans primeur"'
    assert old in text and "cards.food-desert.title" not in before
    path.write_text(text.replace(old, 'title: "Un quartier sans primeur ni marché"'), encoding="utf-8")
    st = core.status(core.deck_textset(copy), "it")
    assert {s.path for s in st.stale} == before | {"cards.food-desert.title"}
    assert "cards.food-desert.title" in st.translated and "cards.food-desert.title" not in st.missing
    assert run("deck", "confirm", copy, "--lang", "it", "cards.food-desert.title")[0] == 0
    assert {s.path for s in core.status(core.deck_textset(copy), "it").stale} == before
