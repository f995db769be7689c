# SPDX-License-Identifier: MIT
"""The facilitator guide's table "which experience card answers which decision", made from the deck.

The guide keeps a copy of this table (so that it reads well on paper and online); a test compares the two,
so that an edit of `cards.yaml` that moves an echo shows up in the guide, in every language it is written in.
"""

from __future__ import annotations

from booster.engine.model import ANSWERED, Deck

QUOTES = {"fr": ("« ", " »"), "en": ("“", "”")}


def echo_rows(deck: Deck, lang: str) -> list[str]:
    """One Markdown row per experience card, in deck order within each pillar: its title, its pillar, and
    every response that echoes it (*card title* → “response”)."""
    open_q, close_q = QUOTES.get(lang, ("“", "”"))
    rows = []
    for pillar in deck.rules.pillar_ids:
        for exp in deck.cards.values():
            if exp.kind != "experience" or exp.pillar != pillar:
                continue
            answers = [
                f"*{deck.text(lang, 'cards', card.id, 'title')}* → {open_q}"
                f"{deck.text(lang, 'cards', card.id, 'options', option.id).rstrip('.')}{close_q}"
                for card in deck.cards.values()
                if card.kind in ANSWERED
                for option in card.options
                if exp.id in option.echoes
            ]
            title = deck.text(lang, "cards", exp.id, "title")
            name = deck.text(lang, "pillars", pillar, "name").lower()
            rows.append(f"| {title} | {name} | {'; '.join(answers)} |")
    return rows
