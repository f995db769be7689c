# SPDX-License-Identifier: MIT
"""A team's own project, its transfer answers per stage and its commitments: what a living-lab workshop adds.

The engine knows none of this: a real-project team plays the scenario card of the kind of project nearest to
its own (so it draws only the universal cards and that kind's), and everything the team writes is kept in the
save's front-end data (`Saved.extra`), saved after each entry like a decision:

    extra["projects"]    = [None | {"name": ..., "summary": ..., "kind": ... or None}, ...]   # one per team
    extra["transfer"]    = [{"team": 0, "stage": "ideation", "answer": ..., "tool": ... or None}, ...]
    extra["commitments"] = [[{"who": ..., "what": ..., "when": ...}, ...], ...]                # one list per team
    extra["transfer_off"] = [0, 2]   # the teams that skip the transfer step (teams with a project have it)
    extra["transfer_step"] = False   # no transfer step in this game at all (a facilitator in a hurry)

Text typed at the laptop or sent from a phone is plain text: `clean` keeps it to one line of printable
characters; it is never interpreted (no markup, no code) wherever it is shown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from booster.engine.model import CardKind, Deck

MAX_TEXT = 500  # characters of a transfer answer or a project sentence (a phone's text field holds as many)
MAX_NAME = 120
MAX_COMMITMENTS = 3


class Project(NamedTuple):
    name: str
    summary: str = ""
    kind: str | None = None
    """The nearest kind of project (a scenario card's `project`), None: every card fits."""


class Transfer(NamedTuple):
    """A team's own answer, for its project, to a stage's key questions, and the tool it will run next."""

    team: int
    stage: str
    answer: str
    tool: str | None = None


class Commitment(NamedTuple):
    who: str
    what: str
    when: str


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """`text` as one line of printable characters (controls and line breaks become spaces), cut to `limit`."""
    out = "".join(" " if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in text)
    return " ".join(out.split())[:limit]


def kinds(deck: Deck) -> tuple[str, ...]:
    """The kinds of project the deck's scenario cards name, in card order."""
    return tuple(dict.fromkeys(c.project for c in deck.of_kind(CardKind.SCENARIO) if c.project))


def scenario_of_kind(deck: Deck, kind: str | None) -> str | None:
    """The scenario card a real project of this kind plays (it decides which cards the team draws)."""
    return next((c.id for c in deck.of_kind(CardKind.SCENARIO) if kind and c.project == kind), None)


def kind_title(deck: Deck, lang: str, kind: str) -> str:
    """A kind of project, named by its scenario card's title."""
    scenario = scenario_of_kind(deck, kind)
    return deck.text(lang, "cards", scenario, "title") if scenario else kind


class Notes(NamedTuple):
    """What the teams wrote, read from a save's front-end data."""

    projects: tuple[Project | None, ...]
    transfers: tuple[Transfer, ...]
    commitments: tuple[tuple[Commitment, ...], ...]
    transfer_off: frozenset[int]

    def project(self, team: int) -> Project | None:
        return self.projects[team] if team < len(self.projects) else None

    def transfer(self, team: int, stage: str) -> Transfer | None:
        """The team's latest answer for the stage."""
        return next((t for t in reversed(self.transfers) if t.team == team and t.stage == stage), None)

    def commitments_of(self, team: int) -> tuple[Commitment, ...]:
        return self.commitments[team] if team < len(self.commitments) else ()


def notes(extra: Mapping[str, Any], teams: int) -> Notes:
    """The teams' notes in `extra` (checked by `check` when the save was read)."""
    projects: list[Project | None] = [None] * teams
    for i, p in enumerate(extra.get("projects") or ()):
        if i < teams and isinstance(p, Mapping):
            projects[i] = Project(p["name"], p.get("summary", ""), p.get("kind"))
    transfers = tuple(
        Transfer(t["team"], t["stage"], t.get("answer", ""), t.get("tool"))
        for t in extra.get("transfer") or ()
        if t["team"] < teams
    )
    commitments = [
        tuple(Commitment(c["who"], c["what"], c["when"]) for c in team) for team in extra.get("commitments") or ()
    ]
    commitments += [()] * (teams - len(commitments))
    return Notes(tuple(projects), transfers, tuple(commitments[:teams]), frozenset(extra.get("transfer_off") or ()))


def transfer_teams(extra: Mapping[str, Any], teams: int) -> tuple[int, ...]:
    """The teams that write a transfer answer at the end of each stage: those with a project of their own,
    unless the game or the team turned the step off."""
    if extra.get("transfer_step") is False:
        return ()
    written = notes(extra, teams)
    return tuple(i for i in range(teams) if written.project(i) is not None and i not in written.transfer_off)


def transfer_prompts(deck: Deck, lang: str, stage: str) -> list[str]:
    """What a team answers for its project at the end of a stage: the stage's own transfer prompts in the
    deck, else its key questions."""
    return list(
        (deck.texts_of(lang, "stages", stage, "transfer") or deck.texts_of(lang, "stages", stage, "questions")).values()
    )


def with_transfer(extra: Mapping[str, Any], transfer: Transfer) -> dict[str, Any]:
    """`extra` with one more transfer answer (the latest for a team and stage is the one that counts)."""
    entry = {"team": transfer.team, "stage": transfer.stage, "answer": clean(transfer.answer), "tool": transfer.tool}
    return {**extra, "transfer": [*(extra.get("transfer") or ()), entry]}


def with_commitments(extra: Mapping[str, Any], team: int, items: Sequence[Commitment], teams: int) -> dict[str, Any]:
    """`extra` with a team's commitments (up to three; empty ones left out)."""
    lists = [list(c) for c in (extra.get("commitments") or ())]
    lists += [[] for _ in range(teams - len(lists))]
    lists[team] = [
        {"who": clean(c.who, MAX_NAME), "what": clean(c.what), "when": clean(c.when, MAX_NAME)}
        for c in items
        if c.what.strip()
    ][:MAX_COMMITMENTS]
    return {**extra, "commitments": lists}


def with_projects(extra: Mapping[str, Any], projects: Sequence[Project | None]) -> dict[str, Any]:
    return {
        **extra,
        "projects": [
            None if p is None else {"name": clean(p.name, MAX_NAME), "summary": clean(p.summary), "kind": p.kind}
            for p in projects
        ],
    }


def check(extra: Mapping[str, Any], teams: int) -> str | None:
    """What is wrong with the teams' notes in a save's front-end data, as a sentence; None when nothing."""

    def text(value: Any, limit: int = MAX_TEXT, optional: bool = False) -> bool:
        if value is None:
            return optional
        return isinstance(value, str) and len(value) <= limit and value == clean(value, limit)

    def seat(value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < teams

    projects = extra.get("projects")
    if projects is not None and not (
        isinstance(projects, list)
        and len(projects) <= teams
        and all(
            p is None
            or (
                isinstance(p, dict)
                and text(p.get("name"), MAX_NAME)
                and text(p.get("summary", ""))
                and text(p.get("kind"), MAX_NAME, optional=True)
            )
            for p in projects
        )
    ):
        return "the teams' projects should be a name, a sentence and a kind of project per team"
    transfer = extra.get("transfer")
    if transfer is not None and not (
        isinstance(transfer, list)
        and all(
            isinstance(t, dict)
            and seat(t.get("team"))
            and text(t.get("stage"), MAX_NAME)
            and text(t.get("answer", ""))
            and text(t.get("tool"), MAX_NAME, optional=True)
            for t in transfer
        )
    ):
        return "the transfer answers should each name a team, a stage, an answer and maybe a tool"
    commitments = extra.get("commitments")
    if commitments is not None and not (
        isinstance(commitments, list)
        and len(commitments) <= teams
        and all(
            isinstance(team, list)
            and len(team) <= MAX_COMMITMENTS
            and all(
                isinstance(c, dict)
                and text(c.get("who"), MAX_NAME)
                and text(c.get("what"))
                and text(c.get("when"), MAX_NAME)
                for c in team
            )
            for team in commitments
        )
    ):
        return f"the commitments should be up to {MAX_COMMITMENTS} per team, each a who, a what and a when"
    if not isinstance(extra.get("transfer_step", True), bool):
        return "the transfer step should be on or off (true or false)"
    off = extra.get("transfer_off")
    if off is not None and not (isinstance(off, list) and all(seat(s) for s in off)):
        return "the teams without a transfer step should be a list of team numbers"
    return None
