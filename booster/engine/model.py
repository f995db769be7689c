# SPDX-License-Identifier: MIT
"""What a game is played with: rules and cards, as immutable data.

The deck loader builds these from YAML; the engine only reads them. Effects are tuples aligned with
`Rules.pillars`, so that scoring is a tuple addition.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

KINDS = ("challenge", "tool", "experience", "scenario", "credits")
Effect = tuple[int, ...]


@frozen
class Pillar:
    id: str
    colour: str | None = None
    shape: str | None = None


@frozen
class Stage:
    id: str
    spaces: tuple[str, ...]


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@frozen
class Rules:
    pillars: tuple[Pillar, ...]
    stages: tuple[Stage, ...]
    min_teams: int = 1
    max_teams: int = 8
    movement: str = "step"  # "step" or "die"
    die_faces: int = 3
    tools_single_use: bool = True
    tool_bonus: int = 1
    exchange_rate: int = 1
    exchange_cap: int = 4
    timer_seconds: int = 180
    limits: Mapping[str, int] = field(factory=dict, converter=_frozen_map)

    @property
    def pillar_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.pillars)

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)


@frozen
class Option:
    id: str
    effect: Effect


@frozen
class Card:
    id: str
    kind: str
    stage: str | None = None
    pillar: str | None = None
    effect: Effect = ()
    options: tuple[Option, ...] = ()
    tools: tuple[str, ...] = ()
    tool_bonus: Effect | None = None
    allow_dominated: tuple[str, ...] = ()
    notes: str = ""

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)


@frozen
class DeckInfo:
    id: str
    version: str
    source_language: str
    licence: str
    authors: Mapping[str, str] = field(factory=dict, converter=_frozen_map)
    source: str | None = None
    based_on: Mapping[str, Any] = field(factory=dict, converter=_frozen_map)
    changes: Mapping[str, str] = field(factory=dict, converter=_frozen_map)
    translators: Mapping[str, str] = field(factory=dict, converter=_frozen_map)


@frozen
class Deck:
    """A checked deck. `texts[lang]` is the nested mapping of a `text.<lang>.yaml` file."""

    info: DeckInfo
    rules: Rules
    cards: Mapping[str, Card] = field(converter=_frozen_map)
    texts: Mapping[str, Mapping[str, Any]] = field(factory=dict, converter=_frozen_map)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.texts))

    def of_kind(self, kind: str, stage: str | None = None) -> tuple[Card, ...]:
        return tuple(c for c in self.cards.values() if c.kind == kind and (stage is None or c.stage == stage))

    def text(self, lang: str, *path: str, default: str = "") -> str:
        """A text in `lang`, falling back to the source language, then to `default`."""
        for language in (lang, self.info.source_language):
            node: Any = self.texts.get(language)
            for key in path:
                node = node.get(key) if isinstance(node, Mapping) else None
            if isinstance(node, str):
                return node
        return default

    def texts_of(self, lang: str, *path: str) -> dict[str, str]:
        """A mapping of texts (options, steps, questions) in `lang`, each falling back to the source."""
        keys: dict[str, None] = {}
        for language in (self.info.source_language, lang):
            node: Any = self.texts.get(language)
            for key in path:
                node = node.get(key) if isinstance(node, Mapping) else None
            if isinstance(node, Mapping):
                keys.update(dict.fromkeys(node))
        return {k: self.text(lang, *path, k) for k in keys}
