# SPDX-License-Identifier: MIT
"""The facilitator guides follow the deck: their echo table is the one `cards.yaml` makes (issue 22 §6)."""

from pathlib import Path

import pytest

from booster import paths
from booster.deck.echo_table import echo_rows
from booster.deck.loader import load_deck

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_guide_echo_table_is_the_decks(lang):
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    guide = (DOCS / f"facilitator-guide.{lang}.md").read_text(encoding="utf-8").splitlines()
    # The table's rows: after its header (the one that says card → response) and the line under it.
    header = next(i for i, line in enumerate(guide) if line.startswith("| ") and "→" in line)
    rows = []
    for line in guide[header + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    expected = echo_rows(deck, lang)
    assert rows == expected, "the guide's table should read:\n" + "\n".join(expected)
