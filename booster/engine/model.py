# SPDX-License-Identifier: MIT
"""What a game is played with: rules and cards, as immutable data.

The deck loader builds these from YAML; the engine only reads them. Effects are tuples aligned with
`Rules.pillars`, so that scoring is a tuple addition.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from attrs import Factory, field, frozen


class CardKind(StrEnum):
    """What a card is. A StrEnum: a kind equals its YAML spelling ("challenge" == CardKind.CHALLENGE)."""

    CHALLENGE = "challenge"
    FOLLOW_UP = "follow-up"
    TOOL = "tool"
    EXPERIENCE = "experience"
    SCENARIO = "scenario"
    CREDITS = "credits"


class SpaceKind(StrEnum):
    """What a space of the board holds: the pile a team draws from there."""

    CHALLENGE = "challenge"
    TOOL = "tool"


class Power(StrEnum):
    """What a tool can do (issue 10): see booster/engine/powers.py for what each one does to a play."""

    BONUS = "bonus"
    REVEAL = "reveal"
    SOFTEN = "soften"
    UNLOCK = "unlock"


class Movement(StrEnum):
    STEP = "step"
    """One space a turn."""
    DIE = "die"
    """A die roll of 1 to `die_faces` spaces a turn (never past the stage's last space)."""


class Mode(StrEnum):
    IN_TURN = "in-turn"
    """Teams take turns: one team advances and answers at a time."""
    ALL_AT_ONCE = "all-at-once"
    """The whole room meets the same card in each round; every team answers; the answers show together."""


KINDS: tuple[CardKind, ...] = tuple(CardKind)
POWERS: tuple[Power, ...] = tuple(Power)
# Cards that ask the team to choose a response.
ANSWERED: tuple[CardKind, ...] = (CardKind.CHALLENGE, CardKind.FOLLOW_UP)
Effect = tuple[int, ...]


@frozen
class Pillar:
    id: str
    colour: str | None = None
    shape: str | None = None


def _spaces(spaces: Iterable[str]) -> tuple[SpaceKind, ...]:
    return tuple(map(SpaceKind, spaces))


def _powers(powers: Iterable[str]) -> tuple[Power, ...]:
    return tuple(map(Power, powers))


@frozen
class Stage:
    id: str
    spaces: tuple[SpaceKind, ...] = field(converter=_spaces)


def _frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@frozen
class Rules:
    pillars: tuple[Pillar, ...]
    stages: tuple[Stage, ...]
    min_teams: int = 1
    max_teams: int = 8
    movement: Movement = field(default=Movement.STEP, converter=Movement)
    play: Mode = field(default=Mode.IN_TURN, converter=Mode)
    die_faces: int = 3
    tools_single_use: bool = True
    draw_repeats: bool = True
    """False: a team never draws a card it has met while the pile holds one it has not (`draw: {repeat: false}`)."""
    tool_bonus: int = 1
    exchange_rate: int = 1
    exchange_cap: int = 4
    exchange_red: int = 0
    """Experience cards a pillar below zero costs the team at the exchange (taken from its best pillars)."""
    exchange_red_step: int = 0
    """When not 0, a pillar below zero costs `exchange_red` cards per `exchange_red_step` points under zero
    (rounded up), so a bankrupt pillar costs more than a dip; 0: the same cost however deep (flat)."""
    timer_seconds: int = 180
    limits: Mapping[str, int] = field(factory=dict, converter=_frozen_map)

    @property
    def pillar_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.pillars)

    @property
    def stage_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.stages)

    def stage_id(self, stage: int) -> str | None:
        """The id of stage number `stage` (None past the last: the exchange)."""
        return self.stages[stage].id if 0 <= stage < len(self.stages) else None


@frozen
class Adjust:
    """A change to a response's effect that depends on one mark of the team."""

    mark: str
    held: bool
    """True: applies when the team holds the mark (`when`); False: when it does not (`unless`)."""
    effect: Effect


@frozen
class Option:
    """One response of a challenge or follow-up card, and what it leaves behind."""

    id: str
    effect: Effect
    marks: tuple[str, ...] = ()
    """Marks the response leaves on the team."""
    clears: tuple[str, ...] = ()
    """Marks the response removes from the team."""
    echoes: tuple[str, ...] = ()
    """Experience cards the team receives first at the exchange, on their pillar, for this response."""
    follow_up: str | None = None
    """A follow-up card put on the team's queue."""
    requires: tuple[str, ...] = ()
    """Offered only when the team holds every one of these marks."""
    excludes: tuple[str, ...] = ()
    """Withheld when the team holds any of these marks."""
    adjust: tuple[Adjust, ...] = ()
    unlocked_by: tuple[str, ...] = ()
    """Offered only to a team holding one of these tools (tools with the `unlock` power)."""
    plain: bool = field(init=False, eq=False, repr=False)
    """The response only scores: it leaves, clears, echoes and schedules nothing (the engine's fast path)."""

    def __attrs_post_init__(self) -> None:
        plain = not (self.marks or self.clears or self.echoes or self.follow_up)
        object.__setattr__(self, "plain", plain)

    def offered_to(self, marks: Collection[str], tools: Collection[str]) -> bool:
        """Whether a team with these marks and tools is offered this response."""
        # Loops rather than any/all: this runs at every response of a conditional card.
        if self.unlocked_by:
            for t in self.unlocked_by:
                if t in tools:
                    break
            else:
                return False
        for m in self.requires:
            if m not in marks:
                return False
        return not self.excludes or all(m not in marks for m in self.excludes)


def _default_powers(card: Card) -> tuple[Power, ...]:
    return (Power.BONUS,) if card.kind == CardKind.TOOL else ()


@frozen
class Card:
    id: str
    kind: CardKind = field(converter=CardKind)
    stage: str | None = None
    """The stage of its pile; for a follow-up, the earliest stage at which it comes back (None: any)."""
    pillar: str | None = None
    effect: Effect = ()
    options: tuple[Option, ...] = ()
    tools: tuple[str, ...] = ()
    tool_bonus: Effect | None = None
    allow_dominated: tuple[str, ...] = ()
    notes: str = ""
    fits: tuple[str, ...] | None = None
    """The project kinds the card fits; None fits every project."""
    powers: tuple[Power, ...] = field(default=Factory(_default_powers, takes_self=True), converter=_powers)
    """A tool's powers (a tool without `powers` in cards.yaml has the bonus)."""
    project: str | None = None
    """A scenario's project kind."""

    def fits_project(self, project: str | None) -> bool:
        return self.fits is None or project is None or project in self.fits

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

    def marks(self) -> tuple[str, ...]:
        """Every mark a response can leave on a team, in card order."""
        out: dict[str, None] = {}
        for card in self.cards.values():
            for o in card.options:
                out.update(dict.fromkeys(o.marks))
        return tuple(out)

    def project_of(self, scenario: str | None) -> str | None:
        """The project kind a team playing `scenario` plays; None when it plays none."""
        card = self.cards.get(scenario) if scenario else None
        return card.project if card is not None else None

    def of_kind(self, kind: CardKind | SpaceKind, stage: str | None = None) -> tuple[Card, ...]:
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
