# SPDX-License-Identifier: MIT
"""Causal chains: a game's log folded into "this decision led to that", per team.

A chain starts at a decision (a response a team chose) and follows what it caused, in the order it happened:

- a **mark** it left on the team, then each later card that mark **changed**: a response whose effect the mark
  adjusted, a response it **opened** (offered only to a team holding it), responses it **closed** (withheld
  from a team holding it), and the later response that **cleared** it;
- a **follow-up** card it brought, which came back later, and the team's response to it (a decision, whose
  own consequences follow beneath it);
- an **experience** card the team received at the exchange because it answers that decision.

Pure: events in (as `Match.events()` gives them, each with the index of its action, read through the engine's
one fold, `Outcome`), chains out. A mark that
changed nothing later, a follow-up that never came back and a decision with no consequence beyond its points
are left out: every link shown was felt in the game.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import NamedTuple

from booster.engine.events import Event
from booster.engine.model import Adjust, Card, Effect
from booster.engine.outcome import Outcome


class LinkKind(StrEnum):
    DECISION = "decision"
    """The team chose `option` on `card`."""
    MARK = "mark"
    """The decision above left `mark` on the team."""
    CHANGED = "changed"
    """The mark above changed the effect of the team's response `option` on `card` by `delta`."""
    OPENED = "opened"
    """The mark above offered the response `option` on `card`, which the team chose."""
    CLOSED = "closed"
    """The mark above withheld the response `option` of `card` from the team."""
    CLEARED = "cleared"
    """The team's response `option` on `card` removed the mark above."""
    FOLLOW_UP = "follow_up"
    """The decision above brought the follow-up `card`, which the team met at `step`."""
    EXPERIENCE = "experience"
    """The experience card `card` the team received for the decision above."""


class Link(NamedTuple):
    """One link of a chain. It follows from the nearest link above it whose depth is one less."""

    kind: LinkKind
    depth: int
    step: int
    """The index in the log of the action where it happened."""
    card: str | None = None
    option: str | None = None
    mark: str | None = None
    delta: Effect | None = None


class Chain(NamedTuple):
    """What one decision of a team led to: its links, the decision first (depth 0)."""

    team: int
    links: tuple[Link, ...]

    @property
    def decision(self) -> Link:
        return self.links[0]


class _Node:
    __slots__ = ("came_back", "children", "link")

    def __init__(self, link: Link) -> None:
        self.link = link
        self.children: list[_Node] = []
        self.came_back = False  # a follow-up: the team met it

    def add(self, link: Link) -> _Node:
        child = _Node(link)
        self.children.append(child)
        return child

    def felt(self) -> bool:
        """Whether the team felt it: a mark that changed nothing later, or a follow-up that never came back,
        is not worth showing."""
        if self.link.kind == LinkKind.MARK:
            return any(c.felt() for c in self.children)
        if self.link.kind == LinkKind.FOLLOW_UP:
            return self.came_back
        return True

    def flatten(self, depth: int, out: list[Link]) -> None:
        out.append(self.link._replace(depth=depth))
        for child in self.children:
            if child.felt():
                child.flatten(depth + 1, out)


def fold(cards: Mapping[str, Card], events: Iterable[tuple[int, Event]]) -> tuple[Chain, ...]:
    """The chains of a game, from its deck's cards and its events, each with the index of the action that
    caused it (as `Match.events()` gives them). Each action is read through the engine's own fold
    (`Outcome.of`), team by team in seat order, the order in which the engine applied it. Chains come team
    by team, each team's in the order of its decisions."""
    roots: dict[int, list[_Node]] = {}
    last: dict[int, _Node] = {}  # team -> its latest decision
    marks: dict[int, dict[str, _Node]] = {}  # team -> mark held -> the node of the decision's mark
    follow_ups: dict[tuple[int, str], _Node] = {}  # (team, follow-up) -> the node of the follow-up it brought
    drawn: dict[tuple[int, str], _Node] = {}  # follow-ups met, waiting for the team's response
    echoes: dict[tuple[int, str], _Node] = {}  # (team, experience card) -> the decision it answers
    for step, done in _per_action(events):
        for team, what in sorted(done.teams.items()):
            held = marks.setdefault(team, {})
            if what.option is not None and what.card is not None:  # a response: a decision
                decision = _decide(cards, step, what.card, what.option, held)
                node = drawn.pop((team, what.card), None)
                if node is not None:  # the response to a follow-up hangs under it
                    node.children.append(decision)
                else:
                    roots.setdefault(team, []).append(decision)
                last[team] = decision
                for mark in what.marks:
                    if mark not in held:
                        held[mark] = decision.add(Link(LinkKind.MARK, 1, step, what.card, what.option, mark))
                for mark in what.cleared:
                    origin = held.pop(mark, None)
                    if origin is not None and origin.link.step < step:  # not left and cleared by this response
                        origin.add(Link(LinkKind.CLEARED, 2, step, what.card, what.option, mark))
                for card in what.queued:
                    follow_ups[(team, card)] = decision.add(Link(LinkKind.FOLLOW_UP, 1, step, card))
                for card in what.echoed:
                    echoes[(team, card)] = decision
            if what.drew is not None and (team, what.drew) in follow_ups:
                node = follow_ups.pop((team, what.drew))
                node.link = node.link._replace(step=step)  # the step it came back at
                node.came_back = True
                drawn[(team, what.drew)] = node
            for received in what.experience:
                origin = echoes.get((team, received.card))
                if received.echo_of is not None and origin is not None:
                    origin.add(Link(LinkKind.EXPERIENCE, 1, step, received.card))
    chains = []
    for team in sorted(roots):
        for root in roots[team]:
            links: list[Link] = []
            root.flatten(0, links)
            if len(links) > 1:
                chains.append(Chain(team, tuple(links)))
    return tuple(chains)


def _per_action(events: Iterable[tuple[int, Event]]) -> list[tuple[int, Outcome]]:
    """(the action's index, what it did) for each action that had events, in order."""
    grouped: dict[int, list[Event]] = {}
    for step, e in events:
        grouped.setdefault(step, []).append(e)
    return [(step, Outcome.of(group)) for step, group in grouped.items()]


def _decide(cards: Mapping[str, Card], step: int, card_id: str, option_id: str, held: dict[str, _Node]) -> _Node:
    """The decision node of a response, and the links it adds under the marks the team held when it chose."""
    node = _Node(Link(LinkKind.DECISION, 0, step, card_id, option_id))
    card = cards.get(card_id)
    if card is None or not held:
        return node
    for option in card.options:
        if option.id == option_id:
            for mark, origin in held.items():
                delta = _adjusted(option.adjust, mark)
                if delta is not None:
                    origin.add(Link(LinkKind.CHANGED, 2, step, card_id, option_id, mark, delta))
                if mark in option.requires:
                    origin.add(Link(LinkKind.OPENED, 2, step, card_id, option_id, mark))
        else:
            for mark in option.excludes:
                if mark in held:
                    held[mark].add(Link(LinkKind.CLOSED, 2, step, card_id, option.id, mark))
    return node


def _adjusted(adjusts: Iterable[Adjust], mark: str) -> Effect | None:
    """What holding `mark` adds to a response's effect (None when the mark does not change it)."""
    total: list[int] | None = None
    for a in adjusts:
        if a.mark == mark and a.held:
            total = [x + y for x, y in zip(total, a.effect, strict=True)] if total else list(a.effect)
    if total is None or not any(total):
        return None
    return tuple(total)
