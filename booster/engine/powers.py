# SPDX-License-Identifier: MIT
"""What a tool does when a team uses it on a card: its powers.

A power is one entry of `model.Power` (and of the cards schema's `powers` enum) and one of:
- a function `(effect, use) -> effect` in `EFFECT_POWERS`, applied to the chosen response's effect, in the
  order of that mapping (every bonus before any soften);
- `reveal`: the tool is played on its own, before choosing, and the effects of every response are shown
  (the engine's `reveal` action; it changes no effect);
- `unlock`: the tool is never played; holding it offers the responses whose `unlocked_by` names it
  (`model.Option.offered_to`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import add
from typing import NamedTuple

from booster.engine.model import Card, Effect, Power


class ToolUse(NamedTuple):
    """One tool on one card, worked out once per deck."""

    tool: str
    powers: tuple[Power, ...]
    bonus: Effect  # what `bonus` adds: the card's tool_bonus, or the rules' bonus on the tool's pillar
    pillar: int | None  # index of the tool's pillar, which `soften` protects
    reveals: bool  # it is played on its own, before choosing, to show every response's effect
    on_choice: bool  # it changes the effect of the response it is played with

    @property
    def played(self) -> bool:
        """Whether it is ever played (an unlock-only tool is only held)."""
        return self.reveals or self.on_choice


def bonus(effect: Effect, use: ToolUse) -> Effect:
    """The tool's bonus is added."""
    return tuple(map(add, effect, use.bonus))


def soften(effect: Effect, use: ToolUse) -> Effect:
    """A loss on the tool's pillar becomes 0; a gain is unchanged."""
    i = use.pillar
    if i is None or effect[i] >= 0:
        return effect
    return (*effect[:i], 0, *effect[i + 1 :])


EFFECT_POWERS: dict[str, Callable[[Effect, ToolUse], Effect]] = {"bonus": bonus, "soften": soften}


def apply_effect_powers(effect: Effect, uses: Sequence[ToolUse]) -> Effect:
    """The effect after every played tool's effect powers, power by power in EFFECT_POWERS order."""
    for name, power in EFFECT_POWERS.items():
        for use in uses:
            if name in use.powers:
                effect = power(effect, use)
    return effect


def tool_use(tool: Card, card: Card, pillars: tuple[str, ...], rules_bonus: int) -> ToolUse:
    pillar = pillars.index(tool.pillar) if tool.pillar in pillars else None
    if card.tool_bonus is not None:
        extra = card.tool_bonus
    else:
        extra = tuple(rules_bonus if i == pillar else 0 for i in range(len(pillars)))
    on_choice = any(p in EFFECT_POWERS for p in tool.powers)
    return ToolUse(tool.id, tool.powers, extra, pillar, Power.REVEAL in tool.powers, on_choice)
