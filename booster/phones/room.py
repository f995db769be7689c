# SPDX-License-Identifier: MIT
"""What the phone server needs from the game, and that interface over the engine for turn play.

`Room` is the whole of it: the teams, the view owed to each team's phones, who has answered, whether a
team's card is open, and `submit`, which records an answer or says why not. The game owns its state: a
`Room` is only ever called on the game's thread (the `bridge` carries requests over from the server's).

`TurnRoom` implements it over a `Match`, for turn play: the team in turn answers its challenge from its
phone, exactly as if the facilitator had pressed its key. `RoundRoom` implements it for a game played all
at once: every team of the open round answers at the same time, and may change its answer until the round
closes. `room_for` picks the one a game needs; the server does not change.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Protocol

from attrs import evolve, frozen

from booster.engine.game import Action, ActionKind, Mode, State
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.table.projects import Transfer, clean, notes, transfer_prompts
from booster.table.views import TransferView


class TeamPhase(enum.Enum):
    """Where a team's phones are."""

    OPEN = "open"  # the team may answer the card now
    ANSWERED = "answered"  # the team's answer is recorded and the card is still open (all at once)
    WAITING = "waiting"  # nothing to answer now: another team's turn, a tool, a new stage
    WRITING = "writing"  # the team writes its answer for its own project (the transfer step of a stage)
    OVER = "over"  # the game is over


class Refusal(enum.Enum):
    """Why an answer was not recorded. Each has a sentence in the UI strings (`phone.refused.*`)."""

    CLOSED = "closed"  # that card is no longer open: answered, revealed, undone, or another card came
    NOT_YOUR_TURN = "not_your_turn"  # the card is another team's
    NOT_LEGAL = "not_legal"  # not one of the card's answers, or a tool the team cannot play on it
    WRONG_TEAM = "wrong_team"  # the phone joined another team (checked by the server)


@frozen
class Answer:
    """A team's answer to a card: an option, and the tool played with it if any."""

    card: str
    option: str
    tool: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"card": self.card, "option": self.option, "tool": self.tool}


@frozen
class Reveal:
    """A team plays a tool that reveals its card: what each answer would do shows on its phones only."""

    card: str
    tool: str


@frozen
class Note:
    """A team's own answer, for its project, at a stage's transfer step: plain text, never read as markup."""

    stage: str
    text: str


@frozen
class Writing:
    """The transfer step a team's phones show: the stage, its prompts, and what the team has written so far."""

    stage: str
    name: str
    prompts: tuple[str, ...]
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "name": self.name, "prompts": list(self.prompts), "text": self.text}


@frozen
class Choice:
    id: str
    text: str


@frozen
class CardView:
    """A challenge as a phone shows it, in one language. Effects stay hidden until chosen."""

    id: str
    title: str
    text: str
    options: tuple[Choice, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "options": [{"id": o.id, "text": o.text} for o in self.options],
        }


@frozen
class HeldTool:
    """One of the team's tools: what the method is for, and whether it can be played on the card now."""

    id: str
    title: str
    text: str
    helps: bool  # playable on the open card
    spent: bool  # already played (single-use tools)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "text": self.text, "helps": self.helps, "spent": self.spent}


@frozen
class Recorded:
    """The team's answer as recorded by the game, in words."""

    answer: Answer
    card_title: str
    option_text: str
    tool_title: str | None
    laptop: bool = False  # entered on the laptop, not sent by a phone (the bridge knows which it sent)

    def to_json(self) -> dict[str, Any]:
        return {
            **self.answer.to_json(),
            "card_title": self.card_title,
            "option_text": self.option_text,
            "tool_title": self.tool_title,
            "laptop": self.laptop,
        }


@frozen
class Shown:
    """What a team's reveal tool showed it: the effect each of its answers would have now (a response, with
    the tool played with it if any), pillar by pillar. Only that team's phones ever get it."""

    tool: str
    tool_title: str
    effects: tuple[tuple[Answer, tuple[tuple[str, int], ...]], ...]  # (answer, ((pillar's name, change), ...))

    def to_json(self) -> dict[str, Any]:
        return {
            "tool": self.tool,
            "tool_title": self.tool_title,
            "effects": [
                {"option": a.option, "tool": a.tool, "effect": [{"pillar": p, "value": v} for p, v in effect]}
                for a, effect in self.effects
            ],
        }


@frozen
class TeamView:
    """Everything one team's phones show: two phones of one team get the same view."""

    team: int
    phase: TeamPhase
    card: CardView | None  # the card on the table, if any (shown to every team, answerable by some)
    answers: tuple[Answer, ...]  # the legal answers now; empty unless OPEN
    tools: tuple[HeldTool, ...]
    # The team's current answer to the card it is on: all at once, the open round's (none before it answers
    # or once its answer is withdrawn), and between rounds the one revealed last; in turn, the one that
    # ended its last turn, until its next card.
    recorded: Recorded | None
    turn: int | None  # turn play: the team whose turn it is; None when all teams play at once
    writing: Writing | None = None  # the transfer step the team writes now (phase WRITING)
    reveals: tuple[str, ...] = ()  # the tools the team may play now to reveal its card (each is used up)
    # The effects the team's reveal tool showed it on its open card: this team's view only, never another's.
    shown: Shown | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "writing": self.writing.to_json() if self.writing else None,
            "shown": self.shown.to_json() if self.shown else None,
            "reveals": list(self.reveals),
            "team": self.team,
            "phase": self.phase.value,
            "card": self.card.to_json() if self.card else None,
            "answers": [a.to_json() for a in self.answers],
            "tools": [t.to_json() for t in self.tools],
            "recorded": self.recorded.to_json() if self.recorded else None,
            "turn": self.turn,
        }


class Room(Protocol):
    """The narrow interface the phone server needs from the game. Called on the game's thread only."""

    def teams(self) -> tuple[str, ...]:
        """The teams' names, in seat order (a phone picks one by its index)."""
        ...

    def languages(self) -> tuple[str, ...]:
        """The languages a phone may read the cards in."""
        ...

    def revision(self) -> Hashable:
        """A value that changes whenever any view may have changed (compared with ==)."""
        ...

    def snapshot(self, team: int, lang: str) -> TeamView:
        """What `team`'s phones show now, in `lang`."""
        ...

    def submit(self, team: int, answer: Answer) -> Refusal | None:
        """Record `team`'s answer (None), or say why not and change nothing."""
        ...

    def answered(self) -> frozenset[int]:
        """The teams whose answer to the open card is recorded ("4 of 6 teams have answered")."""
        ...

    def reveal(self, team: int, reveal: Reveal) -> Refusal | None:
        """Play `team`'s reveal tool on its open card (None), or say why not and change nothing."""
        ...

    def is_open(self, team: int) -> bool:
        """Whether `team` may answer now."""
        ...

    def write(self, team: int, note: Note) -> Refusal | None:
        """Record `team`'s answer for its own project at the transfer step on screen (None), or say why not."""
        ...

    def batch(self) -> AbstractContextManager[object]:
        """Answers submitted inside are saved together when it ends (one write to disk for a burst)."""
        ...


class Table(Protocol):
    """What `TurnRoom` plays on: the front end's game controller, or the tests' `headless.Headless`."""

    @property
    def deck(self) -> Deck: ...

    @property
    def match(self) -> Match: ...

    def decide(self, action: Action) -> bool:
        """Play, record and save one action; False (changing nothing) if it is not allowed."""
        ...


class _TableRoom:
    """What both ways of playing answer alike: the teams, the languages, and when the views change."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def teams(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.table.match.state.teams)

    def languages(self) -> tuple[str, ...]:
        return self.table.deck.languages

    def batch(self) -> AbstractContextManager[object]:
        # The front end's controller saves a batch at once; a bare match (tests) has nothing to save.
        batch = getattr(self.table, "batch", None)
        return batch() if batch is not None else nullcontext()

    def revision(self) -> Hashable:
        # The deck by identity (a translator's reload swaps it); the state by value (an undo brings back an
        # equal state, and then the views are the same); the screen's version, which a transfer step moves.
        return (id(self.table.deck), self.table.match.state, getattr(self.table, "version", None))

    def _writing(self, team: int, lang: str) -> Writing | None:
        """The transfer step on the laptop's screen, if it is `team`'s (a table without screens has none)."""
        view = getattr(self.table, "view", None)
        shown = view() if callable(view) else None
        if not isinstance(shown, TransferView) or shown.team != team:
            return None
        deck = self.table.deck
        stage = deck.rules.stages[shown.stage].id
        written = notes(getattr(self.table, "extra", {}), len(self.table.match.state.teams)).transfer(team, stage)
        name = deck.text(lang, "stages", stage, "name") or stage
        return Writing(stage, name, tuple(transfer_prompts(deck, lang, stage)), written.answer if written else "")

    def write(self, team: int, note: Note) -> Refusal | None:
        writing = self._writing(team, self.table.deck.info.source_language)
        record = getattr(self.table, "record_transfer", None)
        if writing is None or writing.stage != note.stage or record is None:
            return Refusal.CLOSED
        old = notes(getattr(self.table, "extra", {}), len(self.table.match.state.teams)).transfer(team, note.stage)
        record(Transfer(team, note.stage, clean(note.text), old.tool if old else None))
        return None

    def snapshot(self, team: int, lang: str) -> TeamView:
        view = self._snapshot(team, lang)
        writing = self._writing(team, lang)
        return evolve(view, phase=TeamPhase.WRITING, writing=writing) if writing is not None else view

    def _snapshot(self, team: int, lang: str) -> TeamView:
        raise NotImplementedError

    def _play(self, action: Action, legal: tuple[Action, ...]) -> Refusal | None:
        """Play a team's `action` if it is one of the `legal` ones now and the table takes it (a game another
        window plays, opened read-only, takes none)."""
        if action not in legal or not self.table.decide(action):
            return Refusal.NOT_LEGAL
        return None


class TurnRoom(_TableRoom):
    """`Room` for turn play: only the team in turn has an open card, and its answer ends its turn."""

    def is_open(self, team: int) -> bool:
        state = self.table.match.state
        return state.pending is not None and state.turn == team

    def answered(self) -> frozenset[int]:
        return frozenset()  # in turn play an answer closes the card at once

    def submit(self, team: int, answer: Answer) -> Refusal | None:
        match = self.table.match
        state = match.state
        if state.pending is None or state.pending != answer.card:
            return Refusal.CLOSED
        if state.turn != team:
            return Refusal.NOT_YOUR_TURN
        return self._play(Action(ActionKind.CHOOSE, answer.option, answer.tool), match.game.legal_actions(state))

    def reveal(self, team: int, reveal: Reveal) -> Refusal | None:
        state = self.table.match.state
        if state.pending is None or state.pending != reveal.card:
            return Refusal.CLOSED
        if state.turn != team:
            return Refusal.NOT_YOUR_TURN
        return self._play(Action(ActionKind.REVEAL, tool=reveal.tool), self.table.match.game.legal_actions(state))

    def _snapshot(self, team: int, lang: str) -> TeamView:
        match, deck = self.table.match, self.table.deck
        state = match.state
        if state.phase == "over":
            phase = TeamPhase.OVER
        elif self.is_open(team):
            phase = TeamPhase.OPEN
        else:
            phase = TeamPhase.WAITING
        card = _card_view(deck, lang, state.pending) if state.pending else None
        answers: tuple[Answer, ...] = ()
        helpful: tuple[str, ...] = ()
        if phase is TeamPhase.OPEN and state.pending is not None:
            answers = tuple(
                Answer(state.pending, a.option or "", a.tool) for a in match.game.legal_actions(state) if a.option
            )
            helpful = match.game.helpful_tools(state)
        tools = _tools(deck, lang, state, team, helpful)
        turn = state.to_play if state.phase == "play" else None
        recorded = _last_answer(deck, lang, match, team) if phase is not TeamPhase.OPEN else None
        shown: Shown | None = None
        reveals: tuple[str, ...] = ()
        if phase is TeamPhase.OPEN:
            shown, reveals = _shown(deck, lang, match, state, answers), _reveal_tools(match.game.legal_actions(state))
        return TeamView(team, phase, card, answers, tools, recorded, turn, shown=shown, reveals=reveals)


class RoundRoom(_TableRoom):
    """`Room` all at once: while a round is open, every team with a card in it may answer, and answer again
    to change its answer, until the round closes (the projector shows how many have answered, never what)."""

    def _card(self, team: int) -> str | None:
        rnd = self.table.match.state.round
        return rnd.cards[team] if rnd is not None and 0 <= team < len(rnd.cards) else None

    def is_open(self, team: int) -> bool:
        return self._card(team) is not None

    def answered(self) -> frozenset[int]:
        rnd = self.table.match.state.round
        return frozenset(i for i, a in enumerate(rnd.answers) if a is not None) if rnd is not None else frozenset()

    def submit(self, team: int, answer: Answer) -> Refusal | None:
        match = self.table.match
        card = self._card(team)
        if card is None or card != answer.card:
            return Refusal.CLOSED
        action = Action(ActionKind.CHOOSE, answer.option, answer.tool, team)
        return self._play(action, match.game.team_actions(match.state, team))

    def reveal(self, team: int, reveal: Reveal) -> Refusal | None:
        match = self.table.match
        card = self._card(team)
        if card is None or card != reveal.card:
            return Refusal.CLOSED
        action = Action(ActionKind.REVEAL, tool=reveal.tool, team=team)
        return self._play(action, match.game.team_actions(match.state, team))

    def _snapshot(self, team: int, lang: str) -> TeamView:
        match, deck = self.table.match, self.table.deck
        state = match.state
        card = self._card(team)
        rnd = state.round
        if state.phase == "over":
            phase = TeamPhase.OVER
        elif card is None or rnd is None:
            phase = TeamPhase.WAITING
        else:
            phase = TeamPhase.ANSWERED if rnd.answers[team] is not None else TeamPhase.OPEN
        answers: tuple[Answer, ...] = ()
        reveals: tuple[str, ...] = ()
        if card is not None:
            actions = match.game.team_actions(state, team)
            answers = tuple(Answer(card, a.option or "", a.tool) for a in actions if a.kind == ActionKind.CHOOSE)
            reveals = _reveal_tools(actions)
        helpful = {a.tool for a in answers if a.tool} | set(reveals)  # a tool that reveals helps too
        given = rnd.answers[team] if card is not None and rnd is not None else None
        if card is None:  # between rounds: the answer the last reveal showed
            recorded = _revealed_answer(deck, lang, match, team)
        else:  # the open round's answer, none before the team answers or once it is withdrawn
            recorded = _recorded(deck, lang, card, given) if given is not None else None
        # What its reveal tool showed, while its card is open (answered or not: it may still change its answer).
        shown = _shown(deck, lang, match, match.game.seat_view(state, team), answers) if card is not None else None
        return TeamView(
            team,
            phase,
            _card_view(deck, lang, card) if card is not None else None,
            answers,
            _tools(deck, lang, state, team, helpful),
            recorded,
            None,
            shown=shown,
            reveals=reveals,
        )


def room_for(table: Table) -> Room:
    """The `Room` of the game on `table`: all at once or in turn."""
    return RoundRoom(table) if table.match.state.mode == Mode.ALL_AT_ONCE else TurnRoom(table)


def _tools(deck: Deck, lang: str, state: State, team: int, helpful: set[str] | tuple[str, ...]) -> tuple[HeldTool, ...]:
    holder = state.teams[team]
    return tuple(
        HeldTool(
            t,
            deck.text(lang, "cards", t, "title", default=t),
            deck.text(lang, "cards", t, "text"),
            t in helpful,
            t in holder.spent,
        )
        for t in dict.fromkeys(holder.tools)
    )


def _reveal_tools(actions: tuple[Action, ...]) -> tuple[str, ...]:
    return tuple(a.tool for a in actions if a.kind == ActionKind.REVEAL and a.tool)


def _shown(deck: Deck, lang: str, match: Match, seen: State, answers: tuple[Answer, ...]) -> Shown | None:
    """What the reveal tool played on the card pending in `seen` (a team's view of it) shows that team: the
    effect of each of its legal answers; None if it played none."""
    if seen.revealed is None or seen.pending is None:
        return None
    pillars = [deck.text(lang, "pillars", pid, "name", default=pid) for pid in deck.rules.pillar_ids]
    effects = tuple(
        (a, tuple((name, v) for name, v in zip(pillars, match.game.preview(seen, a.option, a.tool), strict=False) if v))
        for a in answers
    )
    tool = seen.revealed
    return Shown(tool, deck.text(lang, "cards", tool, "title", default=tool), effects)


def _card_view(deck: Deck, lang: str, card_id: str) -> CardView:
    card = deck.cards[card_id]
    texts = deck.texts_of(lang, "cards", card_id, "options")
    return CardView(
        card_id,
        deck.text(lang, "cards", card_id, "title", default=card_id),
        deck.text(lang, "cards", card_id, "text"),
        tuple(Choice(o.id, texts.get(o.id) or o.id) for o in card.options),
    )


def _last_answer(deck: Deck, lang: str, match: Match, team: int) -> Recorded | None:
    """The team's latest `choose` in the log, in words (the log is a game's worth: a few hundred actions)."""
    for i in range(len(match.log) - 1, -1, -1):
        action, before = match.log[i], match.states[i]
        seat = before.turn if action.team < 0 else action.team
        if action.kind != "choose" or seat != team:
            continue
        card = before.round.cards[seat] if before.round is not None else before.pending
        if card is not None:
            return _recorded(deck, lang, card, action)
    return None


def _revealed_answer(deck: Deck, lang: str, match: Match, team: int) -> Recorded | None:
    """The team's answer in the round the facilitator revealed last (none if it had none)."""
    for i in range(len(match.log) - 1, -1, -1):
        if match.log[i].kind == ActionKind.CLOSE:
            rnd = match.states[i].round
            if rnd is None or not 0 <= team < len(rnd.answers):
                return None
            card, given = rnd.cards[team], rnd.answers[team]
            return _recorded(deck, lang, card, given) if card is not None and given is not None else None
    return None


def _recorded(deck: Deck, lang: str, card: str, action: Action) -> Recorded:
    options = deck.texts_of(lang, "cards", card, "options")
    tool = deck.text(lang, "cards", action.tool, "title", default=action.tool) if action.tool else None
    return Recorded(
        Answer(card, action.option or "", action.tool),
        deck.text(lang, "cards", card, "title", default=card),
        options.get(action.option or "", action.option or ""),
        tool,
    )


class NoGame:
    """`Room` before a game is open: no team to join yet, nothing to answer."""

    def teams(self) -> tuple[str, ...]:
        return ()

    def languages(self) -> tuple[str, ...]:
        return ()

    def revision(self) -> Hashable:
        return None

    def snapshot(self, team: int, lang: str) -> TeamView:
        raise IndexError(team)

    def submit(self, team: int, answer: Answer) -> Refusal | None:
        return Refusal.CLOSED

    def answered(self) -> frozenset[int]:
        return frozenset()

    def reveal(self, team: int, reveal: Reveal) -> Refusal | None:
        return Refusal.CLOSED

    def is_open(self, team: int) -> bool:
        return False

    def write(self, team: int, note: Note) -> Refusal | None:
        return Refusal.CLOSED

    def batch(self) -> AbstractContextManager[object]:
        return nullcontext()
