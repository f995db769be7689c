# SPDX-License-Identifier: MIT
"""The road not taken, in words: the rows `booster replay` prints and the debrief's replay screen shows.

A row is (what, the game, the other road): the decision, each pillar's score, the marks held at the end, the
follow-up cards met and the experience cards received, in the deck's language; then the cards the other road
answered for a team without a response of its own to repeat. Only texts from the deck and the program's
strings: no ids.
"""

from __future__ import annotations

from typing import NamedTuple

from booster.engine.model import Deck
from booster.engine.replay import Decision, Road
from booster.text.i18n import section


class RoadRow(NamedTuple):
    label: str
    real: str
    other: str
    only_real: tuple[str, ...] = ()
    """For a list (marks, cards): the names only the game has."""
    only_other: tuple[str, ...] = ()
    """For a list: the names only the other road has."""
    shared: int = 0
    """For a list: how many names both have."""

    @property
    def differs(self) -> bool:
        return self.real != self.other


def card_title(deck: Deck, lang: str, card: str) -> str:
    return deck.text(lang, "cards", card, "title") or card


def option_text(deck: Deck, lang: str, card: str, option: str) -> str:
    return deck.text(lang, "cards", card, "options", option) or option


def decision_label(deck: Deck, lang: str, decision: Decision) -> str:
    """ "3. A neighbourhood without a greengrocer: First map the food offer…" for a menu of decisions."""
    chosen = option_text(deck, lang, decision.card, decision.option)
    return f"{decision.number}. {card_title(deck, lang, decision.card)}: {chosen}"


def _names(deck: Deck, lang: str, ids: tuple[str, ...], kind: str) -> tuple[str, ...]:
    if kind == "marks":
        return tuple(deck.text(lang, "marks", m) or m for m in ids)
    return tuple(card_title(deck, lang, c) for c in ids)


def signed(n: int) -> str:
    """+2, –1 (an en dash: the fonts have no minus sign), 0."""
    return f"+{n}" if n > 0 else f"\u2013{-n}" if n < 0 else "0"


def road_rows(road: Road, deck: Deck, lang: str) -> list[RoadRow]:
    """What the team reached and what the other response would have led to, side by side."""
    t = section(lang, "report.replay.")
    team = road.team
    real, other = road.real.teams[team], road.end.teams[team]
    card = road.decision.card
    none = t("none")
    rows = [
        RoadRow(
            card_title(deck, lang, card),
            option_text(deck, lang, card, road.decision.option),
            option_text(deck, lang, card, road.response),
        )
    ]
    for i, pillar in enumerate(deck.rules.pillar_ids):
        name = deck.text(lang, "pillars", pillar, "name") or pillar
        rows.append(RoadRow(name, signed(real.scores[i]), signed(other.scores[i])))
    for label, kind, a, b in (
        (t("marks"), "marks", real.marks, other.marks),
        (t("follow_ups"), "cards", real.scheduled, other.scheduled),
        (t("experience"), "cards", real.experience, other.experience),
    ):
        ours, theirs = _names(deck, lang, a, kind), _names(deck, lang, b, kind)
        only_ours = tuple(x for x in ours if x not in theirs)
        only_theirs = tuple(x for x in theirs if x not in ours)
        shared = len(ours) - len(only_ours)
        rows.append(RoadRow(label, ", ".join(ours) or none, ", ".join(theirs) or none, only_ours, only_theirs, shared))
    return rows


def assumed_lines(road: Road, deck: Deck, lang: str) -> list[str]:
    """The cards the other road met that a team never answered in the game, and the response it took."""
    t = section(lang, "report.replay.")
    out = []
    for a in road.assumed:
        answer = option_text(deck, lang, a.card, a.option) if a.option else t("no_answer")
        out.append(t("assumed", team=road.real.teams[a.team].name, card=card_title(deck, lang, a.card), answer=answer))
    return out


def others_changed(road: Road) -> list[str]:
    """The names of the other teams whose end differs on the other road (the piles and the dice are shared)."""
    return [
        t.name
        for seat, (t, o) in enumerate(zip(road.real.teams, road.end.teams, strict=True))
        if seat != road.team and (t.scores, t.experience, t.marks) != (o.scores, o.experience, o.marks)
    ]
