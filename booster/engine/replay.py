# SPDX-License-Identifier: MIT
"""The road not taken: a finished game replayed with one decision of one team answered otherwise.

The log up to that decision replays exactly (same seed, same draws); the decision takes the other response;
then every team goes on answering as it did in the game: each card a team meets is answered with the
response it gave to that card (with the same tool, and the same reveal first), in the order it met them. Where
the other road puts a card before a team that it never answered in the game (a follow-up the other response
brought, another card drawn), or its own response is no longer offered, the team takes the first response
offered, and the road says so (`Road.assumed`). With the team's own response, the road is the game itself.

Pure: a `Match` in, a `Road` out; the facilitator's screen and `booster replay` both show `Road`.
"""

from __future__ import annotations

from typing import NamedTuple

from booster.engine.game import ADVANCE, Action, ActionKind, Game, IllegalAction, State
from booster.engine.match import Match


class Decision(NamedTuple):
    """A response a team chose in the game."""

    number: int
    """Its place among the team's decisions, from 1."""
    step: int
    """The index in the log of the action that applied it (a `choose`, or all at once the round's `close`)."""
    card: str
    option: str
    tool: str | None
    """The tool played with the response."""
    revealed: str | None
    """The tool the team revealed the card's effects with, before choosing."""
    offered: tuple[str, ...]
    """The responses the team was offered."""


class Assumed(NamedTuple):
    """On the other road, a card a team had to answer without a response of its own to repeat."""

    team: int
    card: str
    option: str | None
    """The response taken (None: the team gave none, all at once)."""


class Road(NamedTuple):
    team: int
    decision: Decision
    response: str
    real: State
    other: Match
    assumed: tuple[Assumed, ...]

    @property
    def end(self) -> State:
        return self.other.state


class _Plan(NamedTuple):
    """What a team did on one card: its response (None: it passed), the tool played, the tool revealed with."""

    card: str
    option: str | None
    tool: str | None
    revealed: str | None


def decisions(match: Match, team: int) -> tuple[Decision, ...]:
    """The responses team `team` chose, in the order they applied."""
    game = match.game
    out: list[Decision] = []
    for i, action in enumerate(match.log):
        before = match.states[i]
        if action.kind == ActionKind.CHOOSE and before.round is None and before.turn == team and before.pending:
            view, card, option, tool = before, before.pending, action.option, action.tool
        elif action.kind == ActionKind.CLOSE and before.round is not None:
            answer, card_or_none = before.round.answers[team], before.round.cards[team]
            if answer is None or answer.kind != ActionKind.CHOOSE or card_or_none is None:
                continue
            view, card, option, tool = game.seat_view(before, team), card_or_none, answer.option, answer.tool
        else:
            continue
        offered = tuple(o.id for o in game.offered_options(view))
        out.append(Decision(len(out) + 1, i, card, option or "", tool, view.revealed, offered))
    return tuple(out)


def _plans(match: Match) -> list[list[_Plan]]:
    """Per team, what it did on each card it answered (or passed), in order."""
    plans: list[list[_Plan]] = [[] for _ in match.state.teams]
    for i, action in enumerate(match.log):
        before = match.states[i]
        if action.kind == ActionKind.CHOOSE and before.round is None and before.pending:
            plans[before.turn].append(_Plan(before.pending, action.option, action.tool, before.revealed))
        elif action.kind == ActionKind.CLOSE and before.round is not None:
            rnd = before.round
            for seat, (card, answer) in enumerate(zip(rnd.cards, rnd.answers, strict=True)):
                if card is not None and answer is not None:
                    option = answer.option if answer.kind == ActionKind.CHOOSE else None
                    plans[seat].append(_Plan(card, option, answer.tool, rnd.revealed[seat]))
    return plans


def road_not_taken(match: Match, team: int, number: int, response: str) -> Road:
    """The game replayed with decision `number` of `team` answered with `response`. IllegalAction, with a
    sentence, when the game is not over, the decision or the response does not exist."""
    game = match.game
    if not game.is_over(match.state):
        raise IllegalAction("the game is not over: the road not taken is compared with the end of the game")
    if not 0 <= team < len(match.state.teams):
        raise IllegalAction(f"there is no team {team + 1} in this game")
    own = decisions(match, team)
    if not 1 <= number <= len(own):
        raise IllegalAction(f"{match.state.teams[team].name} made {len(own)} decisions, not {number}")
    decision = own[number - 1]
    if response not in decision.offered:
        raise IllegalAction(f"'{response}' was not offered then: {', '.join(decision.offered)}")

    # Everything before the card was met replays exactly (same seed, same draws); then the teams answer it.
    start = decision.step
    while start > 0 and (match.states[start - 1].pending is not None or match.states[start - 1].round is not None):
        start -= 1  # a reveal before the choice, or the answers recorded while the round was open
    other = Match.replay(game, match.setup, match.log[:start])
    plans = _plans(match)
    for seat, done in enumerate(_plans(other)):  # what each team had answered by then is not to be repeated
        del plans[seat][: len(done)]
    plans[team][0] = _Plan(decision.card, response, decision.tool, decision.revealed)
    assumed: list[Assumed] = []
    other = _play_out(game, other, plans, assumed)
    return Road(team, decision, response, match.state, other, tuple(assumed))


def _play_out(game: Game, match: Match, plans: list[list[_Plan]], assumed: list[Assumed]) -> Match:
    """Plays `match` to its end, each team answering as `plans` say (first come, first taken)."""
    guard = 0
    while not game.is_over(match.state):
        guard += 1
        if guard > 100_000:  # a game ends after a few hundred actions; never hang on a broken deck
            raise IllegalAction("the other road does not end")
        state = match.state
        rnd = state.round
        if rnd is not None:
            for seat, (card, answer) in enumerate(zip(rnd.cards, rnd.answers, strict=True)):
                if card is not None and answer is None:
                    match = _answer(game, match, seat, card, plans[seat], assumed, in_round=True)
            match, _ = match.play(Action(ActionKind.CLOSE))
        elif state.pending is not None:
            match = _answer(game, match, state.turn, state.pending, plans[state.turn], assumed, in_round=False)
        else:
            legal = game.legal_actions(state)
            match, _ = match.play(legal[0] if legal else ADVANCE)
    return match


def _answer(
    game: Game, match: Match, seat: int, card: str, plan: list[_Plan], assumed: list[Assumed], in_round: bool
) -> Match:
    """Team `seat` answers `card`: as it did in the game if it met that card, else with the first response."""
    who = seat if in_round else -1
    mine = next((p for p in plan if p.card == card), None)
    if mine is not None:
        plan.remove(mine)
        if mine.revealed is not None:
            reveal = Action(ActionKind.REVEAL, tool=mine.revealed, team=who)
            if _legal(game, match.state, seat, reveal, in_round):
                match, _ = match.play(reveal)
        if mine.option is None and in_round:
            match, _ = match.play(Action(ActionKind.PASS, team=seat))
            return match
        for action in (
            Action(ActionKind.CHOOSE, mine.option, mine.tool, who),
            Action(ActionKind.CHOOSE, mine.option, None, who),
        ):
            if _legal(game, match.state, seat, action, in_round):
                match, _ = match.play(action)
                return match
    view = game.seat_view(match.state, seat) if in_round else match.state
    offered = game.offered_options(view)
    option = offered[0].id if offered else None
    assumed.append(Assumed(seat, card, option))
    action = Action(ActionKind.CHOOSE, option, None, who) if option else Action(ActionKind.PASS, team=seat)
    match, _ = match.play(action)
    return match


def _legal(game: Game, state: State, seat: int, action: Action, in_round: bool) -> bool:
    if in_round:
        return action in game.team_actions(state, seat)
    return action in game.legal_actions(state)
