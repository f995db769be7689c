# SPDX-License-Identifier: MIT
"""Decks: reading and checking the YAML a deck designer or translator writes (layer 2: imports the engine).

- `loader`: a deck folder into a checked `Deck`, or every problem with file:line:col (`load_deck`);
- `yaml_safe` (the hardened reader), `yaml_words` (plain words for YAML mistakes), `schemas` (JSON Schemas
  and their errors in sentences);
- `coverage`: how much of the deck each language has.
"""
