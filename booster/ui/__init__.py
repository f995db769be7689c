# SPDX-License-Identifier: MIT
"""The pygame-ce front end: scenes drawn in logical 1920×1080 units over the pure engine.

- `app`: window, loop (sleeps on events), scene stack, the actions scenes call; `session`: the match, its
  autosave after every action, the screens owed after an action (tool drawn, effect, next stage...), undo.
- `layout` (logical units, letterbox), `text` (fonts, wrapping, shrink-to-fit, caches), `paint` (drawing
  and buttons in logical units), `theme` (colours, shapes), `carddraw` (one card into a rectangle: the
  game, `booster deck preview` and anyone printing cards), `i18n` (UI strings, English fallback).
- `scenes/`: start, setup, stage, board, card (challenge, tool, effect), exchange, debrief, overlays
  (help, menu, quit confirmation), error. Each is driven by events and draws into any Surface.
- `demo` brings a seeded game to any scene: `screenshot`, the tests and `benchmarks/ui_bench.py` use it.

Keys: 1-3 choose; Enter/Space/Right/PageDown go on (on a challenge: first press highlights, second
confirms); Left/PageUp/Up/Down move the highlight or go back; Ctrl+Z/Backspace undo; T timer; B or . black
screen; F11/F full screen; + and - text size; H or ? help; Esc menu. Nothing quits without a confirmation.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep the CLI's output clean
