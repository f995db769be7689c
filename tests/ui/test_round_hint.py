# SPDX-License-Identifier: MIT
"""The round's bottom line with a long team name picked (issue 21's leftover): eight teams named up to the
28-character limit widen the rows' column, and the line that says what the picked team's keys do (or what the
next press does) stays whole at 720p, in French and English: the sentence gives way, never the name."""

from __future__ import annotations

import pygame
import pytest
from test_room_flow import play_until
from test_room_names import NAMES, set_up
from ui_drive import key, new_app

from booster import paths


def bottom_line(app):
    """The text drawn in the band under the card (the hint, or the confirmation on its panel)."""
    app.text.records = []
    app.render()
    drawn, app.text.records = app.text.records, None
    h = app.surface.get_height()
    below = [d for d in drawn if d.box.top >= h * 0.88 and d.box.right < app.surface.get_width() * 0.6]
    assert len(below) == 1, [d.text for d in below]
    return below[0]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_hint_stays_whole_with_a_long_team_name_picked(lang):
    names = NAMES[lang]
    app = new_app(paths.CORE_DECK, lang=lang, size=(1280, 720))
    set_up(app, names)
    key(app, pygame.K_ESCAPE)  # the phones' join panel
    play_until(app, "tools")  # every team holds a tool: its row says more (T, R)
    play_until(app, "round")
    seen = set()
    for seat in range(8):
        key(app, pygame.K_1 + seat)  # the team's row is picked: its keys
        assert app.top.picked == seat
        states = [bottom_line(app)]
        if app.game.tools_for(seat):
            key(app, pygame.K_t)  # a tool chosen to play with its answer
            states.append(bottom_line(app))
        key(app, pygame.K_PAGEDOWN)  # its first response armed: the next press records it
        states.append(bottom_line(app))
        if app.game.reveal_tools(seat):
            key(app, pygame.K_r)  # its reveal tool armed: the next press spends it
            states.append(bottom_line(app))
            key(app, pygame.K_LEFT)
            key(app, pygame.K_1 + seat)
            for _ in app.game.offered(seat):  # a clicker's Page Up, past its responses: its reveal tool
                key(app, pygame.K_PAGEUP)
            states.append(bottom_line(app))
            key(app, pygame.K_PAGEDOWN)  # armed: the next Page Down spends it
            states.append(bottom_line(app))
        for line in states:
            assert names[seat] in line.text, line.text  # the name whole...
            assert not line.cut, line.text  # ...and the sentence too
            seen.add(line.text.replace(names[seat], "{team}"))
        key(app, pygame.K_LEFT)  # let go
        assert app.top.picked is None
    assert len(seen) >= 5, seen  # several kinds of line were checked
