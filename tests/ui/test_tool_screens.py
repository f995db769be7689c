# SPDX-License-Identifier: MIT
"""What a drawn tool shows (issue 22): drawing a tool scores nothing, so its screens say what the team gained
(the tool and what it will do when played, or held) and no "No change" under it, in turn and all at once,
said whole at 720p and 4K, in French and English."""

from __future__ import annotations

import pygame
import pytest
from test_room_flow import play_until, start
from ui_drive import key, new_app, said

from booster import paths

# What each power does, in each language's own words (not read back from the code that writes them).
SAYS = {
    "en": {
        "reveal": "shows every response’s effect",
        "soften": "no loss on {p}",
        "bonus": "+{n}\u00a0{p}",
        "unlock": "it opens the responses that name it",
        "played": "Play it on a challenge it helps with:",
        "nothing": "No change",
    },
    "fr": {
        "reveal": "montre l’effet de chaque réponse",
        "soften": "aucune perte en {p}",
        "bonus": "+{n}\u00a0{p}",
        "unlock": "il ouvre les réponses qui le nomment",
        "played": "À jouer sur un défi où il aide :",
        "nothing": "Aucun changement",
    },
}


def what_it_does(app, tool: str) -> list[str]:
    """The phrases the line about `tool` must hold: one for each of its powers."""
    deck, words = app.deck, SAYS[app.lang]
    card = deck.cards[tool]
    pillar = deck.text(app.lang, "pillars", card.pillar, "name")
    wanted = [words[str(power)].format(p=pillar, n=deck.rules.tool_bonus) for power in card.powers]
    if any(str(power) != "unlock" for power in card.powers):
        wanted.append(words["played"])
    return wanted


def line_about(app, tool: str, times: int = 1) -> None:
    """The text on screen that says what `tool` does (at least once for each team that drew it: two tools
    may do the same), checked whole (not cut with "…")."""
    app.text.records = []
    app.render()
    drawn, app.text.records = app.text.records, None
    wanted = what_it_does(app, tool)
    lines = [d for d in drawn if all(w in d.text for w in wanted)]
    assert len(lines) >= times, (tool, wanted, [d.text for d in drawn])
    assert not any(d.cut for d in lines), lines
    assert not any(d.text == SAYS[app.lang]["nothing"] for d in drawn)


@pytest.mark.parametrize(("lang", "size"), [("fr", (1280, 720)), ("en", (3840, 2160))])
def test_a_tool_drawn_in_turn_says_what_it_will_do_not_no_change(lang, size):
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    start(app, 2, together=False)
    tools = set()
    while len(tools) < 3 and app.top.name != "debrief":  # by PageDown alone: each card's first response
        if app.top.name == "tool":
            tools.add(app.top.card_id)
            line_about(app, app.top.card_id)
            assert ("Outil gagné" if lang == "fr" else "Tool gained") in said(app)
        key(app, pygame.K_PAGEDOWN)
    assert len(tools) == 3


@pytest.mark.parametrize(("lang", "size"), [("en", (1280, 720)), ("fr", (3840, 2160))])
def test_the_tools_every_team_drew_together_say_what_each_will_do(lang, size):
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    start(app, 6, together=True)
    play_until(app, "tools")
    drawn = app.top.view.tools
    assert len(drawn) == 6
    cards = [tool.card for tool in drawn]
    for card in cards:
        line_about(app, card, cards.count(card))
    # A team's number opens its tool whole, with the same words under the card.
    key(app, pygame.K_1 + drawn[2].team)
    assert app.top.name == "tools-team"
    line_about(app, drawn[2].card)
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "tools"
