# SPDX-License-Identifier: MIT
"""The project passport: what each team takes home, one A4 page (two at most) and a Markdown and JSON twin.

In the team's language, readable without having played (deck texts and the program's strings, never an id):
the project; per stage the choices made, what happened, and the team's own answer for its project; the risks
to watch (the marks held at the end, each with the advice of an experience card that answers it); the methods
to run next (the tools drawn, their steps as a to-do list); what led to what (the game's causal chains); and
the team's commitments (who, what, by when), with empty lines to fill in by hand when there are none.

Whatever a team typed (its project, answers, commitments) is text: drawn as text in the PDF, escaped in the
Markdown, a JSON string in the JSON.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from itertools import groupby
from operator import itemgetter

from booster.engine.chains import Chain, Link, LinkKind, fold
from booster.engine.game import Game
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.engine.outcome import Outcome
from booster.engine.replay import decisions
from booster.table.projects import Notes, kind_title, notes
from booster.table.saves import Saved
from booster.text.i18n import section


@dataclass(slots=True)
class Choice:
    card: str  # the card's title
    response: str
    consequence: str


@dataclass(slots=True)
class StagePage:
    name: str
    questions: list[str]
    choices: list[Choice]
    answer: str  # the team's own answer for its project ("" when none was written)
    next_tool: str  # the title of the tool it will run next ("" when none)


@dataclass(slots=True)
class Risk:
    mark: str
    advice: list[tuple[str, str]]  # (experience card title, its advice)


@dataclass(slots=True)
class Method:
    tool: str
    steps: list[str]


@dataclass(slots=True)
class Passport:
    lang: str
    team: str
    project: str  # the project's name ("" for a team without a project of its own)
    summary: str
    kind: str  # the nearest kind of project, or the scenario played ("" when none)
    played_on: str
    stages: list[StagePage] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    methods: list[Method] = field(default_factory=list)
    chains: list[list[tuple[int, str]]] = field(default_factory=list)  # per chain, (depth, sentence) lines
    commitments: list[tuple[str, str, str]] = field(default_factory=list)


def passports(saved: Saved, deck: Deck, lang: str) -> list[Passport]:
    """One passport per team of a saved game, replayed on `deck`, in `lang`."""
    game = Game(deck)
    match = saved.replay(game)
    written = notes(saved.extra, len(match.state.teams))
    events = match.events()
    chains = fold(deck.cards, events)
    date = _dt.datetime.fromtimestamp(saved.started).strftime("%Y-%m-%d") if saved.started else ""
    return [
        _passport(match, deck, lang, seat, written, [c for c in chains if c.team == seat], date)
        for seat in range(len(match.state.teams))
    ]


def _passport(
    match: Match, deck: Deck, lang: str, seat: int, written: Notes, chains: list[Chain], date: str
) -> Passport:
    t = section(lang, "report.passport.")
    team = match.state.teams[seat]

    def text(*path: str) -> str:
        return deck.text(lang, *path)

    def title(card: str) -> str:
        return text("cards", card, "title") or card

    project = written.project(seat)
    if project is not None:
        kind = t("kind", kind=kind_title(deck, lang, project.kind)) if project.kind else ""
        out = Passport(lang, team.name, project.name, project.summary, kind, date)
    else:
        scenario = t("scenario", title=title(team.scenario)) if team.scenario else ""
        out = Passport(lang, team.name, "", "", scenario, date)
    by_stage: dict[int, list[Choice]] = {}
    for d in decisions(match, seat):
        response = text("cards", d.card, "options", d.option) or d.option
        by_stage.setdefault(match.states[d.step].stage, []).append(
            Choice(title(d.card), response, text("cards", d.card, "consequences", d.option))
        )
    for i, stage in enumerate(deck.rules.stages):
        answer = written.transfer(seat, stage.id)
        out.stages.append(
            StagePage(
                text("stages", stage.id, "name") or stage.id,
                list(deck.texts_of(lang, "stages", stage.id, "questions").values()),
                by_stage.get(i, []),
                answer.answer if answer else "",
                title(answer.tool) if answer and answer.tool else "",
            )
        )
    origins = _mark_origins(match, seat)
    for mark in team.marks:
        advice = [(title(e), text("cards", e, "advice")) for e in _echoes_of_mark(deck, mark, origins.get(mark))]
        out.risks.append(Risk(text("marks", mark) or mark, [(c, a) for c, a in advice if a][:1]))
    for tool in dict.fromkeys(team.tools):
        out.methods.append(Method(title(tool), list(deck.texts_of(lang, "cards", tool, "steps").values())))
    out.chains = [chain_lines(chain, deck, lang) for chain in chains]
    out.commitments = [(c.who, c.what, c.when) for c in written.commitments_of(seat)]
    return out


def _mark_origins(match: Match, seat: int) -> dict[str, tuple[str, str]]:
    """The (card, response) that last left each mark on the team."""
    found: dict[str, tuple[str, str]] = {}
    for _, group in groupby(match.events(), key=itemgetter(0)):
        mine = Outcome.of(e for _, e in group).team(seat)
        if mine.card and mine.option:
            found.update(dict.fromkeys(mine.marks, (mine.card, mine.option)))
    return found


def _echoes_of_mark(deck: Deck, mark: str, origin: tuple[str, str] | None) -> list[str]:
    """The experience cards that answer a mark: those its own response echoes, then any response leaving it."""
    out: list[str] = []
    if origin is not None and origin[0] in deck.cards:
        out += next((o.echoes for o in deck.cards[origin[0]].options if o.id == origin[1]), ())
    for card in deck.cards.values():
        for o in card.options:
            if mark in o.marks:
                out += o.echoes
    return list(dict.fromkeys(e for e in out if e in deck.cards))


def _effect_text(deck: Deck, lang: str, delta: Sequence[int]) -> str:
    names = [deck.text(lang, "pillars", p, "name") or p for p in deck.rules.pillar_ids]
    # An en dash for a loss: the fonts have no minus sign.
    signed = [(f"+{v}" if v > 0 else f"\u2013{-v}") + f" {n}" for v, n in zip(delta, names, strict=False) if v]
    return ", ".join(signed)


def chain_lines(chain: Chain, deck: Deck, lang: str) -> list[tuple[int, str]]:
    """A chain as sentences, each with its depth: the decision, then what followed from it."""
    t = section(lang, "report.passport.")

    def title(card: str | None) -> str:
        return deck.text(lang, "cards", card or "", "title") or (card or "")

    def option(link: Link) -> str:
        return deck.text(lang, "cards", link.card or "", "options", link.option or "") or (link.option or "")

    out = []
    for link in chain.links:
        if link.kind == LinkKind.DECISION:
            line = f"{title(link.card)} — {option(link)}"
        elif link.kind == LinkKind.MARK:
            line = t("chain_mark", mark=deck.text(lang, "marks", link.mark or "") or link.mark)
        elif link.kind == LinkKind.CHANGED:
            line = t("chain_changed", card=title(link.card), effect=_effect_text(deck, lang, link.delta or ()))
        elif link.kind in (LinkKind.OPENED, LinkKind.CLOSED, LinkKind.CLEARED):
            line = t(f"chain_{link.kind}", option=option(link), card=title(link.card))
        else:  # a follow-up, an experience card
            line = t(f"chain_{link.kind}", card=title(link.card))
        out.append((link.depth, line))
    return out


# -- Markdown and JSON -------------------------------------------------------------------------------------

_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")


def md(text: str) -> str:
    """`text` as Markdown that shows it as it is: every character that could start markup escaped."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


def to_markdown(p: Passport) -> str:
    t = section(p.lang, "report.passport.")
    lines = [f"# {md(t('title'))} — {md(p.team)}", ""]
    if p.project:
        lines += [f"## {md(t('project'))} — {md(p.project)}", ""]
        lines += [md(p.summary), ""] if p.summary else []
    else:
        lines += [md(t("no_project")), ""]
    lines += [md(p.kind), ""] if p.kind else []
    lines += [f"## {md(t('stages'))}", ""]
    for stage in p.stages:
        lines += [f"### {md(stage.name)}", ""]
        for c in stage.choices:
            lines.append(f"- **{md(c.card)}** — {md(c.response)}")
            if c.consequence:
                lines.append(f"  - {md(t('consequence', text=c.consequence))}")
        if stage.answer or p.project:
            lines.append(f"- **{md(t('answer', answer=stage.answer or t('no_answer')))}**")
        if stage.next_tool:
            lines.append(f"- {md(t('next_tool', tool=stage.next_tool))}")
        lines.append("")
    lines += [f"## {md(t('risks'))}", ""]
    for r in p.risks:
        lines.append(f"- **{md(r.mark)}**" + "".join(f": {md(t('advice', advice=a))} ({md(c)})" for c, a in r.advice))
    lines += [] if p.risks else [md(t("risks_none"))]
    lines += ["", f"## {md(t('methods'))}", ""]
    for m in p.methods:
        lines += [f"### {md(m.tool)}", "", *(f"- [ ] {md(s)}" for s in m.steps), ""]
    lines += [] if p.methods else [md(t("methods_none")), ""]
    lines += [f"## {md(t('chains'))}", ""]
    for chain in p.chains:
        lines += [f"{'  ' * depth}- {md(line)}" for depth, line in chain] + [""]
    lines += [] if p.chains else [md(t("chains_none")), ""]
    header = f"| {md(t('who'))} | {md(t('what'))} | {md(t('when'))} |"
    lines += [f"## {md(t('commitments'))}", "", header, "|---|---|---|"]
    rows = p.commitments or [("", "", "")] * 3
    lines += [f"| {md(who)} | {md(what)} | {md(when)} |" for who, what, when in rows]
    lines += ["", md(t("made_with", date=p.played_on)) if p.played_on else "", ""]
    return "\n".join(lines)


def to_json(p: Passport) -> str:
    return json.dumps(asdict(p), ensure_ascii=False, indent=1)


def file_stem(index: int, team: str) -> str:
    """A file name for a team's passport: its seat and its name in safe characters."""
    safe = re.sub(r"[^\w-]+", "-", team, flags=re.UNICODE).strip("-_")[:40] or "team"
    return f"passport-{index + 1}-{safe}"
