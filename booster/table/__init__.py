# SPDX-License-Identifier: MIT
"""One game as every front end drives it (layer 4: imports text, the deck and the engine).

- `controller`: the match, its one log, undo, the timer and the screens owed after an action (`views`);
- `saves`: the save file (setup, log, times, the deck copy a save is pinned to), its lock and autosave;
- `timer`: the discussion timer; `views`: what the screen owes the players after each action.
"""
