# SPDX-License-Identifier: MIT
"""Decks: reading, checking and measuring the YAML a deck designer or translator writes.

- `loader`: a deck folder into a checked `Deck`, or every problem with file:line:col (`load_deck`);
- `yaml_safe` (the hardened reader), `yaml_words` (plain words for YAML mistakes), `schemas` (JSON Schemas
  and their errors in sentences);
- `coverage`: how much of the deck each language has;
- `fit`: whether a card's texts fit its card, printed and projected, and by how much they overflow.
"""
