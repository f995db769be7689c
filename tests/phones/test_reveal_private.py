# SPDX-License-Identifier: MIT
"""All at once, a reveal tool's effects are its team's alone (issue 22): that team's phones get what each of
its answers would do, every other team's view (as published, and as served over HTTP) holds none of it."""

from __future__ import annotations

import json

from headless import Headless
from hypothesis import given, settings
from hypothesis import strategies as st
from phone_room import Room, to_a_reveal

from booster.engine.game import CLOSE, Action, ActionKind, Setup
from booster.phones.bridge import Bridge
from booster.phones.room import Refusal, Reveal, room_for

NAMES = ("Blue", "Green", "Orange", "Red", "Teal", "Violet")


def expected(table, seat: int, lang: str) -> list[dict]:
    """What the team's reveal shows, computed from the engine: every legal answer's effect, in words."""
    game, state, deck = table.match.game, table.match.state, table.deck
    seen = game.seat_view(state, seat)
    names = [deck.text(lang, "pillars", p, "name", default=p) for p in deck.rules.pillar_ids]
    out = []
    for a in game.team_actions(state, seat):
        if a.kind == ActionKind.CHOOSE:
            effect = game.preview(seen, a.option, a.tool)
            pairs = [{"pillar": n, "value": v} for n, v in zip(names, effect, strict=False) if v]
            out.append({"option": a.option, "tool": a.tool, "effect": pairs})
    return out


def published(table) -> dict:
    bridge = Bridge()
    bridge.publish(room_for(table))
    return dict(bridge.current().views)


@given(seed=st.integers(0, 10_000), teams=st.integers(2, 6))
@settings(max_examples=12, deadline=None)
def test_a_reveal_shows_its_effects_to_the_team_that_played_it_and_to_no_other(core_deck, seed, teams):
    table = Headless(core_deck, Setup(NAMES[:teams], seed, mode="all-at-once"))
    seat, tool = to_a_reveal(table)
    assert all(v["shown"] is None for v in published(table).values())  # nothing shown before the tool is played
    assert table.decide(Action(ActionKind.REVEAL, tool=tool, team=seat))
    for (team, lang), view in published(table).items():
        if team == seat:
            assert view["shown"]["tool"] == tool
            assert view["shown"]["tool_title"] == core_deck.text(lang, "cards", tool, "title")
            assert view["shown"]["effects"] == expected(table, seat, lang)
        else:  # not the effects, not that they exist: another team's view is as it was
            assert view["shown"] is None and '"effect"' not in json.dumps(view)


def test_the_team_keeps_its_effects_while_it_answers_and_changes_its_answer_until_the_round_closes(core_deck):
    table = Headless(core_deck, Setup(NAMES[:3], 4, mode="all-at-once"))
    seat, tool = to_a_reveal(table)
    assert table.decide(Action(ActionKind.REVEAL, tool=tool, team=seat))
    shown = published(table)[(seat, "en")]["shown"]
    options = [a for a in table.match.game.team_actions(table.match.state, seat) if a.kind == ActionKind.CHOOSE]
    for answer in (options[0], options[-1]):  # answered, then changed: still the team's to read
        assert table.decide(answer)
        assert published(table)[(seat, "en")]["shown"] == shown
    for other in range(3):
        if other != seat:
            choices = [
                a for a in table.match.game.team_actions(table.match.state, other) if a.kind == ActionKind.CHOOSE
            ]
            assert table.decide(choices[0])
    assert table.decide(CLOSE)  # the round is over: its card and what the tool showed go with it
    assert all(v["shown"] is None for v in published(table).values())


def test_in_turn_the_team_in_turn_reads_its_reveal_on_its_phone_too(core_deck):
    table = Headless(core_deck, Setup(NAMES[:2], 4))
    game = table.match.game
    for _ in range(300):
        state = table.match.state
        reveal = [a for a in game.legal_actions(state) if a.kind == ActionKind.REVEAL]
        if reveal:
            break
        table.decide(game.legal_actions(state)[0])
    else:
        raise AssertionError("no reveal tool in reach")
    seat = table.match.state.turn
    assert table.decide(reveal[0])
    views = published(table)
    assert views[(seat, "en")]["shown"]["tool"] == reveal[0].tool
    assert views[(1 - seat, "en")]["shown"] is None


def test_over_http_only_the_revealing_teams_phones_get_the_effects_even_after_a_reconnect(core_deck):
    room = Room(core_deck, mode="all-at-once")
    try:
        seat, tool = room.loop.call(to_a_reveal)
        mine, theirs = room.join(seat), room.join(1 - seat)
        assert room.loop.call(lambda table: table.decide(Action(ActionKind.REVEAL, tool=tool, team=seat)))
        for lang in ("en", "fr"):
            view = room.view(mine, lang=lang)["view"]
            assert view["shown"]["tool"] == tool and view["shown"]["effects"]
            # Whatever the other team's phone asks for (its own view in any language, another team's number
            # in the query), the answer is its own view: no effect of the reveal in it.
            for query in (f"?since=&lang={lang}", f"?since=&lang={lang}&team={seat}"):
                status, data = room.request(f"/api/view{query}", token=theirs)
                assert status == 200 and data["view"]["team"] == 1 - seat
                assert data["view"]["shown"] is None and '"effect"' not in json.dumps(data)
        again = room.join(seat)  # a phone that lost its token joins its team again: the effects are still there
        assert room.view(again)["view"]["shown"]["tool"] == tool
    finally:
        room.close()


def test_a_team_plays_its_reveal_tool_from_its_phone_once_and_only_on_its_own_open_card(core_deck):
    table = Headless(core_deck, Setup(NAMES[:3], 4, mode="all-at-once"))
    seat, tool = to_a_reveal(table)
    room = room_for(table)
    card = table.match.state.round.cards[seat]
    before = room.snapshot(seat, "en")
    assert before.reveals == (tool,) and next(t for t in before.tools if t.id == tool).helps  # "can be played"
    other = next((t for t in table.match.state.teams[seat].tools if t != tool), "not-a-tool")
    assert room.reveal(seat, Reveal("another-card", tool)) is Refusal.CLOSED
    assert room.reveal(seat, Reveal(card, other)) is Refusal.NOT_LEGAL
    assert table.match.state.round.revealed[seat] is None  # refused: nothing played, nothing spent
    assert room.reveal(seat, Reveal(card, tool)) is None
    assert table.match.state.round.revealed[seat] == tool and tool in table.match.state.teams[seat].spent
    assert room.reveal(seat, Reveal(card, tool)) is Refusal.NOT_LEGAL  # once: the card is revealed, the tool spent
    mine = room.snapshot(seat, "en")
    assert mine.reveals == () and mine.shown is not None and mine.shown.tool == tool
    assert all(room.snapshot(t, "en").shown is None for t in range(3) if t != seat)


def test_over_http_a_phone_reveals_for_its_own_team_only(core_deck):
    room = Room(core_deck, mode="all-at-once")
    try:
        seat, tool = room.loop.call(to_a_reveal)
        mine, theirs = room.join(seat), room.join(1 - seat)
        card = room.view(mine)["view"]["card"]["id"]
        assert room.view(mine)["view"]["reveals"] == [tool]
        body = {"team": seat, "card": card, "tool": tool}
        assert room.request("/api/reveal", body, token=theirs) == (403, {"error": "wrong_team"})
        room.loop.call(lambda table: setattr(room.loop.bridge, "paused", True))
        assert room.request("/api/reveal", body, token=mine) == (409, {"error": "paused"})
        room.loop.call(lambda table: setattr(room.loop.bridge, "paused", False))
        status, data = room.request("/api/reveal", body, token=mine)
        assert status == 200 and data["revealed"] == tool
        assert [(team, kind, t) for team, kind, _, t in room.log() if kind == "reveal"] == [(seat, "reveal", tool)]
        assert room.view(mine)["view"]["shown"]["tool"] == tool
        status, data = room.request("/api/view?since=", token=theirs)
        assert data["view"]["shown"] is None and '"effect"' not in json.dumps(data)
        assert room.request("/api/reveal", body, token=mine) == (409, {"error": "not_legal"})  # spent
    finally:
        room.close()
