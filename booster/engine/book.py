# SPDX-License-Identifier: MIT
"""The rule book of one deck: what the rules say of a card, a response or a score, whatever the game.

Read-only look-ups, compiled once per deck; `Game` plays with them (`Game.book`), and the screens and
`booster balance` ask them without a state:

>>> from booster import paths
>>> from booster.deck.loader import load_deck
>>> book = RuleBook(load_deck(paths.CORE_DECK).deck)
>>> book.cards_earned((2, 0, -1)) <= book.most_cards()
True

What a game in progress allows (the responses offered to a team, their effect for it now) is `Game`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add

from attrs import frozen

from booster.engine import powers
from booster.engine.model import ANSWERED, Card, CardKind, Deck, Effect, Option
from booster.engine.state import Action, ActionKind


@frozen  # slotted, rather than a named tuple: the engine's hot path reads its fields
class Answered:
    """What the engine needs of a challenge or follow-up card, worked out once per deck."""

    options: dict[str, Option]
    choices: tuple[Action, ...]  # one per option, without tools
    conditional: bool  # some option has requires, excludes or unlocked_by
    uses: dict[str, powers.ToolUse]  # tool -> what it does here, for the tools the card names
    played: frozenset[str]  # the tools of `uses` a team plays here (an unlock tool is only held)
    conditions: tuple[frozenset[str], frozenset[str]]  # the marks and the tools the options' conditions name
    stage: int | None  # a follow-up's earliest stage


class RuleBook:
    """Look-ups over one deck's cards and exchange rules, made once."""

    def __init__(self, deck: Deck) -> None:
        rules = deck.rules
        self.rules = rules
        self.cards = deck.cards
        self.pillars = rules.pillar_ids
        stage_index = {s: i for i, s in enumerate(rules.stage_ids)}
        self.answered: dict[str, Answered] = {
            c.id: self._compile(c, stage_index) for c in deck.cards.values() if c.kind in ANSWERED and c.options
        }
        """The challenges and follow-ups that can be answered, by id."""
        self.experience_full = tuple(
            tuple(c.id for c in deck.cards.values() if c.kind == CardKind.EXPERIENCE and c.pillar == p)
            for p in self.pillars
        )
        """Per pillar, its experience pile, full."""
        self.experience_pillar = {
            c.id: self.pillars.index(c.pillar)
            for c in deck.cards.values()
            if c.kind == CardKind.EXPERIENCE and c.pillar in self.pillars
        }
        """Experience card -> the index of its pillar."""

    def _compile(self, card: Card, stage_index: dict[str, int]) -> Answered:
        uses = {}
        for tool_id in card.tools:
            tool = self.cards.get(tool_id)
            if tool is not None and tool.kind == CardKind.TOOL:
                uses[tool_id] = powers.tool_use(tool, card, self.pillars, self.rules.tool_bonus)
        return Answered(
            options={o.id: o for o in card.options},
            choices=tuple(Action(ActionKind.CHOOSE, o.id) for o in card.options),
            conditional=any(o.requires or o.excludes or o.unlocked_by for o in card.options),
            uses=uses,
            played=frozenset(t for t, use in uses.items() if use.played),
            conditions=(
                frozenset(m for o in card.options for m in (*o.requires, *o.excludes)),
                frozenset(t for o in card.options for t in o.unlocked_by),
            ),
            stage=stage_index.get(card.stage) if card.kind == CardKind.FOLLOW_UP and card.stage else None,
        )

    def tool_use(self, card_id: str, tool_id: str) -> powers.ToolUse | None:
        """What playing `tool_id` on `card_id` does (None if the card does not name it)."""
        answered = self.answered.get(card_id)
        return answered.uses.get(tool_id) if answered else None

    def option_effect(self, card_id: str, option: str, tool: str | None = None, marks: Sequence[str] = ()) -> Effect:
        """The effect of a response for a team holding `marks`, playing `tool` (if any) with it."""
        answered = self.answered[card_id]
        uses = [answered.uses[tool]] if tool is not None else []
        return self.effect(answered.options[option], marks, uses)

    def effect(self, option: Option, marks: Sequence[str], uses: Sequence[powers.ToolUse]) -> Effect:
        """effect, + adjust (by the marks held), then each played tool's powers (bonus before soften)."""
        effect = option.effect
        if not option.adjust and not uses:
            return effect
        for adjust in option.adjust:
            if (adjust.mark in marks) == adjust.held:
                effect = tuple(map(add, effect, adjust.effect))
        if uses:
            effect = powers.apply_effect_powers(effect, uses)
        return effect

    def counts(self, scores: Sequence[int]) -> list[int]:
        """Per pillar, the experience cards `scores` buy: one per `rate` positive points, at most `cap`; then
        each pillar below zero costs `red` cards (per `red_step` points under zero, rounded up, when the rules
        grade it), one at a time from the pillar that has the most. A higher score never costs more."""
        rate, cap, step = self.rules.exchange_rate, self.rules.exchange_cap, self.rules.exchange_red_step
        counts = [min(cap, max(0, s) // rate) for s in scores]
        depth = sum((-(s // step) if step else 1) for s in scores if s < 0)  # -(s // step): ceil(-s / step)
        for _ in range(self.rules.exchange_red * depth):
            best = max(range(len(counts)), key=counts.__getitem__)  # the first of equals
            if not counts[best]:
                break
            counts[best] -= 1
        return counts

    def cards_earned(self, scores: Sequence[int]) -> int:
        """How many experience cards a team with `scores` receives at the exchange (`counts`), never more
        than a pillar has (no card twice)."""
        return sum(map(min, self.counts(scores), map(len, self.experience_full)))

    def most_cards(self) -> int:
        """The most experience cards a team can receive."""
        return sum(min(self.rules.exchange_cap, len(pile)) for pile in self.experience_full)
