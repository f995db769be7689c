# SPDX-License-Identifier: MIT
"""The commands (layer 6, the top: nothing in the package imports it).

`cli` (the `booster` command), `balance` and `simulate` (play many games headless), `textplay` (a game in a
terminal), `fit` (whether card texts fit their cards), `preview` (card images), `screenshot` with `demo` (a
seeded game brought to any scene), `report` (session reports from saves), `translation/` (translators' tools).
"""
