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


# How each guide says "N points under zero" for the red rule, and how it counts.
RED = {
    "en": "per {step} points under zero",
    "fr": "par tranche de {step} points",
}
NUMBERS = {"en": {2: "two", 3: "three", 4: "four"}, "fr": {2: "deux", 3: "trois", 4: "quatre"}}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_exchange_sentence_of_the_guide_has_the_decks_red_step(lang):
    """The rules (section 2) and the paper game's last step both say what a pillar in the red costs, with the
    core deck's `exchange.red_step`: a guide that forgot one, or kept an old step, fails."""
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None and deck.rules.exchange_red == 1
    guide = " ".join((DOCS / f"facilitator-guide.{lang}.md").read_text(encoding="utf-8").split())
    said = RED[lang].format(step=NUMBERS[lang][deck.rules.exchange_red_step])
    assert guide.count(said) == 2, said
    for step in set(NUMBERS[lang]) - {deck.rules.exchange_red_step}:
        assert RED[lang].format(step=NUMBERS[lang][step]) not in guide
