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
from booster.table.views import ToolsView, ToolView
from booster.ui.scenes.rounds import ToolsScene

# What each power does, in each language's own words (not read back from the code that writes them).
SAYS = {
    "en": {
        "reveal": "shows every response’s effect",
        "soften": "no loss on {p}",
        "bonus": "+{n}\u00a0{p}",
        "unlock": "Held, it opens the responses that name it.",
        "played": ("Play it on a challenge it helps with:", "Played:"),  # in narrow cells, the short form
        "nothing": "No change",
    },
    "fr": {
        "reveal": "montre l’effet de chaque réponse",
        "soften": "aucune perte en {p}",
        "bonus": "+{n}\u00a0{p}",
        "unlock": "Gardé, il ouvre les réponses qui le nomment.",
        "played": ("À jouer sur un défi où il aide :", "Joué :"),
        "nothing": "Aucun changement",
    },
}


def what_it_does(app, tool: str) -> list[tuple[str, ...]]:
    """The phrases the line about `tool` must hold (each one of a few forms): one for each of its powers."""
    deck, words = app.deck, SAYS[app.lang]
    card = deck.cards[tool]
    pillar = deck.text(app.lang, "pillars", card.pillar, "name")
    wanted = [(words[str(power)].format(p=pillar, n=deck.rules.tool_bonus),) for power in card.powers]
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
    lines = [d for d in drawn if all(any(form in d.text for form in w) for w in wanted)]
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


@pytest.mark.parametrize(
    ("lang", "size", "teams"), [("en", (1280, 720), 6), ("fr", (3840, 2160), 6), ("fr", (1280, 720), 8)]
)
def test_the_tools_every_team_drew_together_say_what_each_will_do(lang, size, teams):
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    start(app, teams, together=True)
    play_until(app, "tools")
    drawn = app.top.view.tools
    assert len(drawn) == teams
    cards = [tool.card for tool in drawn]
    for card in cards:
        line_about(app, card, cards.count(card))
    # A team's number opens its tool whole, with the same words under the card.
    key(app, pygame.K_1 + drawn[2].team)
    assert app.top.name == "tools-team"
    line_about(app, drawn[2].card)
    key(app, pygame.K_PAGEDOWN)
    assert app.top.name == "tools"


@pytest.mark.parametrize(("lang", "size"), [("fr", (1280, 720)), ("en", (1280, 720)), ("fr", (3840, 2160))])
def test_every_tool_of_the_deck_says_what_it_does_whole_in_a_cell_of_eight(lang, size):
    """The narrowest cells (eight teams): each core tool in turn, its name on two lines at times, still says
    what it will do whole (in fewer words where the sentence would not fit)."""
    app = new_app(paths.CORE_DECK, lang=lang, size=size)
    start(app, 8, together=True)
    play_until(app, "tools")
    ids = [c.id for c in app.deck.of_kind("tool")]
    for i in range(0, len(ids), 8):
        batch = ids[i : i + 8]
        app.scenes[-1] = ToolsScene(app, ToolsView(tuple(ToolView(t, j, (0, 0, 0)) for j, t in enumerate(batch))))
        for tool in batch:
            line_about(app, tool)
