# SPDX-License-Identifier: MIT
"""Terminal play: a whole game answered at the prompt, with undo."""

from deckgen import MINI

from booster.deck.loader import load_deck
from booster.textplay import play_text


def test_a_whole_game_in_the_terminal_with_undo_and_a_wrong_answer():
    deck = load_deck(MINI).deck
    answers = iter(["9", "u", "1", "1", "2", "1", "1", "1", "1", "1", "1", "1"])
    out: list[str] = []
    assert play_text(deck, "fr", 2, 7, input_=lambda _p: next(answers), print_=out.append) == 0
    text = "\n".join(out)
    assert "Type the number of a response" in text
    assert "Un jardin" in text  # French where translated...
    assert "Launch day" in text  # ...and the source language where not
    assert "Final scores:" in text and text.count("experience cards") == 2
