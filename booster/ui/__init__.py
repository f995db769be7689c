# SPDX-License-Identifier: MIT
"""The pygame-ce front end (layer 5: imports the table, text, the deck and the engine, and drives the phones
and the paper): scenes drawn in logical 1920×1080 units over the game of `booster.table`.

- `app`: the window's loop (sleeps on events) and scene stack, over `desk` (the deck, the language, the game,
  the saved games, the phones); `window` (the real window), `keys` (the keys of every screen), `banners`
  (drawn over every screen), `settings` (remembered between runs), `watch` (a deck's files changing).
- `frame` (logical units, letterbox), `text` (fonts, shrink-to-fit, caches), `paint` (drawing and buttons in
  logical units), `theme` (colours, shapes), `carddraw` (one card into a rectangle: the game and
  `booster deck preview`), `i18n` (the screen's view of `booster.text.i18n`).
- `scenes/`: start, setup, stage, board, card (challenge, tool, effect), rounds, exchange, debrief, overlays
  (help, menu, quit confirmation), phones, error. Each is driven by events and draws into any Surface.

Keys: 1-3 choose; Enter/Space/Right/PageDown go on (on a challenge: first press highlights, second
confirms); Left/PageUp/Up/Down move the highlight or go back; Ctrl+Z/Backspace undo; T timer; B or . black
screen; F11/F full screen; + and - text size; H or ? help; Esc menu. Nothing quits without a confirmation.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep the CLI's output clean
