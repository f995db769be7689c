# SPDX-License-Identifier: MIT
"""Replay saves into plain data: one row per recorded action, with its card, choice, effect, score and time.

Everything a report shows is derived here, once, from the action log; the PDF, CSV and JSON writers only
format it. A session holds one table (one save) or several (a merge). Mechanics come from the deck each save
is replayed on; texts and pillars come from the *report deck*, matched by id, and whatever does not match is
recorded as a note rather than raising, so that one odd save never spoils a workshop's report.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from booster.engine.events import Event
from booster.engine.game import ActionKind, Game
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.engine.outcome import Outcome
from booster.table.projects import Project, notes
from booster.table.saves import Saved, SaveError

EXCHANGE = "exchange"  # the stage name of the rows of the final exchange of points for experience cards


@dataclass(frozen=True, slots=True)
class Row:
    """One recorded action, as a team lived it."""

    table: str
    team_index: int
    team: str  # the name given at the table (a merge adds the table in TeamReport.label)
    step: int  # 1-based position in the save's log
    action: str  # advance, choose, exchange, or pass (all at once: the round was revealed without an answer)
    stage: str  # stage id, or EXCHANGE
    card: str | None  # the card drawn (advance), answered (choose); None for an exchange
    kind: str | None
    option: str | None
    tool: str | None  # the tool played on the challenge
    effect: tuple[int, ...]  # aligned with the report deck's pillars
    score: tuple[int, ...]  # the team's scores after the action
    gained: tuple[str, ...]  # the tool gained, or the experience cards earned
    time: float  # seconds since the start of the game
    seconds: float  # seconds since the previous action: the time this decision took
    marks: tuple[str, ...] = ()  # the marks this response left on the team
    round: int | None = None  # all at once: the step that opened the round this row belongs to


@dataclass(slots=True)
class TeamReport:
    table: str
    index: int
    name: str
    label: str  # the name shown: prefixed by its table in a merge
    scenario: str | None
    scores: tuple[int, ...]
    tools: tuple[str, ...]
    spent: tuple[str, ...]
    experience: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    marks: tuple[str, ...] = ()  # held at the end (or now)
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)  # experience card -> (card, option) it answers
    project: Project | None = None  # the team's own project, when it played one


@dataclass(slots=True)
class TableReport:
    name: str
    saved: Saved
    deck: Deck  # the deck the log was replayed on
    teams: list[TeamReport]
    rows: list[Row]
    finished: bool
    pending: tuple[int, str] | None  # (team, challenge) still waiting for a choice

    @property
    def duration(self) -> float:
        return self.rows[-1].time if self.rows else 0.0


@dataclass(slots=True)
class Session:
    deck: Deck  # the report deck: texts, pillars and credits
    lang: str
    tables: list[TableReport]
    merged: bool = False
    notes: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (label key, fields)

    @property
    def pillars(self) -> tuple[str, ...]:
        return self.deck.rules.pillar_ids

    @property
    def teams(self) -> list[TeamReport]:
        return [t for table in self.tables for t in table.teams]

    @property
    def rows(self) -> list[Row]:
        return [r for table in self.tables for r in table.rows]

    def note(self, key: str, **fields: str) -> None:
        item = (key, fields)
        if item not in self.notes:
            self.notes.append(item)

    # -- texts: the report deck first, then the deck the table was played with, then the id -------------

    def text(self, *path: str, deck: Deck | None = None) -> str:
        found = self.deck.text(self.lang, *path)
        if not found and deck is not None and deck is not self.deck:
            found = deck.text(self.lang, *path)
        return found

    def title(self, card_id: str | None, deck: Deck | None = None) -> str:
        if not card_id:
            return ""
        return self.text("cards", card_id, "title", deck=deck) or card_id

    def option_text(self, card_id: str, option: str, deck: Deck | None = None) -> str:
        return self.text("cards", card_id, "options", option, deck=deck) or option

    def consequence(self, card_id: str, option: str, deck: Deck | None = None) -> str:
        """What happened after this response ("" when the deck says nothing)."""
        return self.text("cards", card_id, "consequences", option, deck=deck)

    def mark_name(self, mark: str, deck: Deck | None = None) -> str:
        return self.text("marks", mark, deck=deck) or mark

    def pillar_name(self, pillar: str) -> str:
        return self.deck.text(self.lang, "pillars", pillar, "name") or pillar

    def stage_name(self, stage: str) -> str:
        return self.deck.text(self.lang, "stages", stage, "name") or stage

    def texts_of(self, *path: str, deck: Deck | None = None) -> dict[str, str]:
        found = self.deck.texts_of(self.lang, *path)
        if not found and deck is not None and deck is not self.deck:
            found = deck.texts_of(self.lang, *path)
        return found

    def option_counts(self) -> dict[str, dict[str, dict[str, int]]]:
        """card -> option -> table -> how many times that response was chosen."""
        counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
        for row in self.rows:
            if row.action == "choose" and row.card and row.option:
                counts[row.card][row.option][row.table] += 1
        return counts


def started_label(saved: Saved) -> str:
    """The local date and time a game started, as a table name when there is no file name."""
    if not saved.started:
        return saved.deck_id
    return _dt.datetime.fromtimestamp(saved.started).strftime("%Y-%m-%d %H:%M")


def table_report(saved: Saved, deck: Deck, name: str, session: Session) -> TableReport:
    """Replays `saved` on `deck` (SaveError if it does not fit) and records what does not match the report deck."""
    game = Game(deck)
    try:
        match = saved.replay(game)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as error:  # a save edited by hand
        raise SaveError(f"the save is damaged ({error.__class__.__name__}: {error})") from None
    per_action: list[list[Event]] = [[] for _ in match.log]
    for i, event in match.events():
        per_action[i].append(event)
    outcomes = [Outcome.of(events) for events in per_action]

    report = session.deck
    remap = _pillar_map(deck, report, name, session)
    stages = deck.rules.stage_ids
    final = match.state
    label = (lambda n: f"{name} · {n}") if session.merged else (lambda n: n)
    teams = [
        TeamReport(
            name, i, t.name, label(t.name), t.scenario, remap(t.scores), t.tools, t.spent, t.experience, marks=t.marks
        )
        for i, t in enumerate(final.teams)
    ]
    for team, project in zip(teams, notes(saved.extra, len(teams)).projects, strict=True):
        team.project = project
    rows: list[Row] = []
    previous = 0.0
    times = saved.times
    opened: tuple[int, float] = (0, 0.0)  # all at once: the step and time at which the open round opened
    for i, action in enumerate(match.log):
        before, after = match.states[i], match.states[i + 1]
        t = times[i] if i < len(times) else previous
        if before.mode == "all-at-once" and before.phase == "play":
            # Every team acts at once: a row per team, for what it drew or how it answered. The answers
            # given while the round is open (changed, withdrawn) are provisional: the close records them.
            if action.kind == "advance" and after.round is not None:
                opened = (i + 1, t)
            for row in _round_rows(game, match, i, outcomes[i], name, teams, remap, stages, t, previous, opened):
                rows.append(row)
                teams[row.team_index].rows.append(row)
            previous = max(previous, t)
            continue
        turn = before.turn
        stage = stages[before.stage] if before.phase == "play" and before.stage < len(stages) else EXCHANGE
        mine = outcomes[i].team(turn)
        card = mine.drew if mine.drew is not None else before.pending if action.kind == "choose" else None
        for got in mine.experience:
            if got.echo_of is not None:
                teams[turn].answers[got.card] = got.echo_of
        row = Row(
            table=name,
            team_index=turn,
            team=teams[turn].name,  # the plain name: records carry the table in their own column
            step=i + 1,
            action=action.kind,
            stage=stage,
            card=card,
            kind=deck.cards[card].kind if card is not None and card in deck.cards else None,
            option=action.option,
            tool=action.tool,
            effect=remap(mine.scored or game.zero),
            score=remap(after.teams[turn].scores),
            gained=mine.tools + tuple(got.card for got in mine.experience),
            time=t,
            seconds=max(0.0, t - previous),
            marks=mine.marks,
        )
        previous = max(previous, t)
        rows.append(row)
        teams[turn].rows.append(row)

    pending = (final.turn, final.pending) if final.pending else None
    table = TableReport(name, saved, deck, teams, rows, game.is_over(final), pending)
    if deck is not report:
        _check_ids(table, session)
    return table


def _round_rows(
    game: Game,
    match: Match,
    i: int,
    done: Outcome,
    name: str,
    teams: list[TeamReport],
    remap: Callable[[Sequence[int]], tuple[int, ...]],
    stages: tuple[str, ...],
    t: float,
    previous: float,
    opened: tuple[int, float],
) -> list[Row]:
    """All at once, the rows of action `i`: per team, the card or tool it drew (an advance), or its answer
    with what it did (the close); none for an answer given, changed or withdrawn while the round is open."""
    action, before, after = match.log[i], match.states[i], match.states[i + 1]
    if action.kind not in ("advance", "close"):
        return []
    stage = stages[before.stage] if before.stage < len(stages) else EXCHANGE
    answers = before.round.answers if action.kind == "close" and before.round is not None else None
    cards = before.round.cards if answers is not None and before.round is not None else None
    step = opened[0] if action.kind == "close" or after.round is not None else None
    out = []
    for seat in range(len(before.teams)):
        mine = done.team(seat)
        answer = answers[seat] if answers is not None else None
        if answers is not None and answer is None:
            continue
        card = cards[seat] if cards is not None else mine.drew
        effect = mine.scored or game.zero
        gained = mine.tools
        out.append(
            Row(
                table=name,
                team_index=seat,
                team=teams[seat].name,
                step=i + 1,
                action=("pass" if answer.kind == ActionKind.PASS else "choose") if answer is not None else "advance",
                stage=stage,
                card=card,
                kind=game.cards[card].kind if card is not None and card in game.cards else None,
                option=answer.option if answer is not None else None,
                tool=answer.tool if answer is not None else None,
                effect=remap(effect),
                score=remap(after.teams[seat].scores),
                gained=gained,
                time=t,
                # The room's time: the round's discussion for an answer, the step's for a draw.
                seconds=max(0.0, t - (opened[1] if answer is not None else previous)),
                marks=mine.marks,
                round=step,
            )
        )
    return out


def _pillar_map(deck: Deck, report: Deck, name: str, session: Session):
    """A function that re-aligns score tuples from `deck`'s pillars onto the report deck's."""
    source, target = deck.rules.pillar_ids, report.rules.pillar_ids
    if source == target:
        return tuple
    where = {p: j for j, p in enumerate(target)}
    for p in source:
        if p not in where:
            session.note("unmatched_pillar", table=name, pillar=p)

    def remap(values: Sequence[int]) -> tuple[int, ...]:
        out = [0] * len(target)
        for p, v in zip(source, values, strict=False):
            if p in where:
                out[where[p]] += v
        return tuple(out)

    return remap


def _check_ids(table: TableReport, session: Session) -> None:
    """Notes every card and response of a table that the report deck does not know."""
    cards = session.deck.cards
    seen: set[str] = set()

    def card(card_id: str | None) -> bool:
        if card_id is None:
            return True
        if card_id not in cards:
            if card_id not in seen:
                seen.add(card_id)
                session.note("unmatched_card", table=table.name, card=card_id)
            return False
        return True

    for row in table.rows:
        card(row.tool)
        for g in row.gained:
            card(g)
        ok = card(row.card)
        if ok and row.card is not None and row.option is not None and not _has_option(cards[row.card], row.option):
            session.note("unmatched_option", table=table.name, card=row.card, option=row.option)
    for team in table.teams:
        card(team.scenario)


def _has_option(card, option: str) -> bool:
    return any(o.id == option for o in card.options)


def build_session(
    saves: Iterable[tuple[str, Saved, Sequence[Deck]]], deck: Deck, lang: str, merged: bool = False
) -> Session:
    """A session from (table name, save, decks to replay it on, in order of preference).

    In a merge, a save that replays on none of its decks is left out with a note; on its own it raises
    SaveError, since there would be nothing to report.
    """
    session = Session(deck, lang, [], merged)
    if merged:  # shells list files in text order: table10 would come before table2
        saves = sorted(saves, key=lambda item: _natural(item[0]))
    for name, saved, candidates in saves:
        errors: list[str] = []
        unique: list[Deck] = []
        for d in candidates:  # the same deck once, in order (decks are not hashable)
            if all(d is not u for u in unique):
                unique.append(d)
        for candidate in unique:
            try:
                table = table_report(saved, candidate, name, session)
            except SaveError as e:
                errors.append(str(e))
                continue
            played = (saved.deck_id, saved.deck_version)
            fields = {"table": name, "deck": saved.deck_id, "version": saved.deck_version}
            if played != (candidate.info.id, candidate.info.version):
                # the piles were shuffled from another deck: the draws may not be those of the game played
                session.note("replayed_other", **fields, other=candidate.info.id, other_version=candidate.info.version)
            elif merged and played != (deck.info.id, deck.info.version):
                session.note("other_version", **fields, report_deck=deck.info.id, report_version=deck.info.version)
            session.tables.append(table)
            break
        else:
            reason = errors[-1] if errors else "no deck to replay it on"
            if not merged:
                raise SaveError(reason)
            session.note("skipped", table=name, reason=reason)
    return session


def _natural(name: str) -> list[tuple[int, int | str]]:
    """A sort key that puts "table2" before "table10"."""
    return [(0, int(part)) if part.isdigit() else (1, part.casefold()) for part in re.split(r"(\d+)", name) if part]


def stage_seconds(rows: Iterable[Row]) -> dict[str, float]:
    """The time spent in each stage; all at once, a step of the log that every team lived counts once."""
    out: dict[str, float] = defaultdict(float)
    seen: set[tuple[str, int]] = set()
    for r in rows:
        if (r.table, r.step) not in seen:
            seen.add((r.table, r.step))
            out[r.stage] += r.seconds
    return out
