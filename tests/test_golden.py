# SPDX-License-Identifier: MIT
"""Whole games pinned by transcripts (tests/golden/*.txt), and many random games pinned by digests.

As OpenSpiel keeps a playthrough per game: every action, what the team was offered before deciding, and
every event. The transcripts' `#` lines say which rule each step shows; they are not compared. The digests
(tests/golden/replay.json) pin hundreds of random games per mode: the log, every event and the final teams of
each, so that a rewrite of the engine that changes any rule, any draw or any event fails here.

To see a change, `python tests/test_golden.py NAME` prints a transcript of today's engine (NAME: one of
TRANSCRIPTS), and `python tests/test_golden.py --digests` rewrites replay.json (only when a rule changes on
purpose: say so in the commit). The core deck's games are played on the copy they were recorded on
(tests/golden/core-deck), so that re-scoring the deck needs no new digests; a new rule is tried there too.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from deckgen import MINI

from booster.deck.loader import load_deck
from booster.engine import events as ev
from booster.engine.game import Action, ActionKind, Game, Setup, State
from booster.engine.match import Match

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
MECHANICS = HERE / "decks" / "mechanics"
CORE_AS_RECORDED = HERE / "golden" / "core-deck"
REPLAY = GOLDEN / "replay.json"
TEAMS = ("Grocery", "Repair", "Free")
SCENARIOS = ("scenario-grocery", "scenario-repair-cafe", None)

# In turn: what each team answers, card by card: the first of these that is legal (else the first legal action).
PLAN: dict[int, dict[str, list[Action]]] = {
    0: {
        "empty-building": [Action(ActionKind.CHOOSE, "co-design")],
        "launch-day": [Action(ActionKind.CHOOSE, "press")],
        "repair-night": [Action(ActionKind.CHOOSE, "free")],
    },
    1: {
        "empty-building": [Action(ActionKind.REVEAL, tool="interviews"), Action(ActionKind.CHOOSE, "accept")],
        "building-repairs": [Action(ActionKind.CHOOSE, "pay", "canvas")],
        "repair-night": [Action(ActionKind.CHOOSE, "fee")],
    },
    2: {
        "empty-building": [Action(ActionKind.CHOOSE, "decline")],
        "launch-day": [Action(ActionKind.CHOOSE, "party")],
        "repair-night": [Action(ActionKind.CHOOSE, "free")],
    },
}

# All at once: the room's actions in order ("undo": the facilitator undoes the last decision); when the script
# runs out, the first legal action. Team seats count from 0 here, as in Action.team.
ROOM_SCRIPT: list[Action | str] = [
    Action(ActionKind.ADVANCE),
    Action(ActionKind.ADVANCE),
    Action(ActionKind.ADVANCE),  # empty-building, for the whole room
    Action(ActionKind.REVEAL, tool="interviews", team=1),
    Action(ActionKind.CHOOSE, "co-design", team=0),
    Action(ActionKind.CHOOSE, "decline", "canvas", team=1),
    Action(ActionKind.CHOOSE, "accept", team=0),  # team 0 changes its mind before the close
    Action(ActionKind.PASS, team=2),
    Action(ActionKind.CLOSE),  # revealed without team 2
    "undo",  # the facilitator takes the close back: team 2's pass is still recorded
    Action(ActionKind.WITHDRAW, team=2),
    Action(ActionKind.CHOOSE, "accept", "canvas", team=2),
    Action(ActionKind.CLOSE),
    Action(ActionKind.ADVANCE),  # building-repairs comes back to teams 0 and 2; team 1 draws from the room's pile
]


# The name of each kind of event in a transcript (the names the transcripts and digests were recorded with).
KIND_NAMES: dict[type, str] = {
    ev.Moved: "moved",
    ev.Rolled: "rolled",
    ev.Drew: "drew",
    ev.ToolGained: "tool_gained",
    ev.ToolPlayed: "tool_played",
    ev.Revealed: "revealed",
    ev.Scored: "scored",
    ev.Marked: "marked",
    ev.Cleared: "cleared",
    ev.Queued: "queued",
    ev.Echoed: "echoed",
    ev.StageStarted: "stage",
    ev.ExperienceDealt: "experience",
    ev.Exchanged: "exchanged",
    ev.GameOver: "game_over",
    ev.Split: "split",
    ev.AnswerRecorded: "answered",
    ev.AnswerWithdrawn: "withdrawn",
    ev.RoundClosed: "round_closed",
    ev.Passed: "passed",
}


def describe(event: ev.Event, pillars: tuple[str, ...]) -> str:
    """One event as a line of a transcript: its kind, then the fields it carries."""
    words = [KIND_NAMES[type(event)]]
    fields = event._asdict()
    if fields.get("team", -1) >= 0:
        words.append(f"team={fields['team']}")
    for name in ("card", "option", "mark"):
        if fields.get(name) is not None:
            words.append(f"{name}={fields[name]}")
    match event:
        case ev.Scored(delta=delta):
            words.append(" ".join(f"{p}{d:+d}" for p, d in zip(pillars, delta, strict=True)))
        case ev.Moved(space=value) | ev.Rolled(die=value) | ev.StageStarted(stage=value):
            words.append(f"value={value}")
        case ev.ExperienceDealt(pillar=pillar):
            words.append(f"pillar={pillars[pillar]}")
    echo_of = fields.get("echo_of")
    if echo_of is not None:
        words.append(f"echo_of={echo_of[0]}/{echo_of[1]}")
    return " ".join(words)


def final(game: Game, state: State) -> list[str]:
    lines = ["final:"]
    for i, team in enumerate(state.teams):
        scores = " ".join(f"{p}{s:+d}" for p, s in zip(game.pillars, team.scores, strict=True))
        lines.append(f"   team {i} {team.name}: {scores}; marks {list(team.marks)}; experience {list(team.experience)}")
    return lines


def mechanics() -> Game:
    deck = load_deck(MECHANICS).deck
    assert deck is not None
    return Game(deck)


def in_turn_transcript() -> str:
    game = mechanics()
    match = Match.start(game, Setup(TEAMS, 0, SCENARIOS))
    lines = []
    while not game.is_over(match.state):
        state = match.state
        legal = game.legal_actions(state)
        action = legal[0]
        if state.pending is not None:
            action = next((a for a in PLAN[state.turn].get(state.pending, []) if a in legal), legal[0])
            lines.append(f"offered: {', '.join(map(str, legal))}")
        match, events = match.play(action)
        lines.append(f"{len(match.log)}. team {state.turn}: {action}")
        lines += [f"   {describe(e, game.pillars)}" for e in events]
    return "\n".join(lines + final(game, match.state)) + "\n"


def room(game: Game, state: State) -> str:
    """An open round as the facilitator's screen shows it: each team's card and recorded answer."""
    rnd = state.round
    if rnd is None:
        return "   no round open"
    seats = [f"seat {s}: {c} <- {a or '-'}" for s, (c, a) in enumerate(zip(rnd.cards, rnd.answers, strict=True))]
    return "   round: " + "; ".join(seats)


def all_at_once_transcript() -> str:
    game = mechanics()
    match = Match.start(game, Setup(TEAMS, 0, SCENARIOS, "all-at-once"))
    script = iter(ROOM_SCRIPT)
    lines = []
    while not game.is_over(match.state):
        state = match.state
        step = next(script, None) or game.legal_actions(state)[0]
        if step == "undo":
            match = match.undo_decision()
            lines += [f"undo: back to {len(match.log)} actions", room(game, match.state)]
            continue
        assert isinstance(step, Action)
        if state.round is not None and step.team >= 0:
            lines.append(f"offered to seat {step.team}: {', '.join(map(str, game.team_actions(state, step.team)))}")
        match, events = match.play(step)
        lines.append(f"{len(match.log)}. {step}")
        lines += [f"   {describe(e, game.pillars)}" for e in events]
        if match.state.round is not None:
            lines.append(room(game, match.state))
    return "\n".join(lines + final(game, match.state)) + "\n"


TRANSCRIPTS: dict[str, Callable[[], str]] = {
    "mechanics-seed0": in_turn_transcript,
    "mechanics-all-at-once-seed0": all_at_once_transcript,
}


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_a_whole_game_matches_its_hand_checked_transcript(name):
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    golden = [line for line in text.splitlines() if not line.startswith("#")]
    assert TRANSCRIPTS[name]().splitlines() == golden


# -- many random games, pinned by digests ----------------------------------------------------------------


def random_game(game: Game, setup: Setup, seed: int) -> Iterator[str]:
    """The lines of a random game: a random legal action each step; in an open round, as a room plays (any
    team answers, changes or withdraws its answer, passes, reveals); now and then an undo."""
    rnd = random.Random(seed)
    match = Match.start(game, setup)
    while not game.is_over(match.state):
        state = match.state
        if match.log and rnd.random() < 0.03:
            match = match.undo_decision() if rnd.random() < 0.5 else match.undo()
            yield f"undo to {len(match.log)}"
            continue
        actions = list(game.legal_actions(state))
        if state.round is not None:
            for seat in range(len(state.teams)):
                actions += game.team_actions(state, seat)
        action = actions[rnd.randrange(len(actions))]
        match, events = match.play(action)
        yield str(action)
        yield from (describe(e, game.pillars) for e in events)
        assert len(match.log) < 5000, "the game did not end"
    yield from final(game, match.state)
    yield " ".join(map(str, match.log))


def digest(lines: Iterator[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


# (deck folder, teams, scenarios, mode, seeds, rules changed): every mode on the core deck, the mechanics and
# the mini deck; movement by die and tools that are not spent, on the mechanics deck. The core deck is the copy
# the games were recorded on (`golden/core-deck`): the deck's numbers are re-scored as it is edited, the
# engine must play the same deck the same way.
DIGESTS: dict[str, tuple[Path, int, tuple[str | None, ...], str, int, dict[str, Any]]] = {
    "core/in-turn/4": (CORE_AS_RECORDED, 4, (), "in-turn", 300, {}),
    "core/all-at-once/4": (CORE_AS_RECORDED, 4, (), "all-at-once", 300, {}),
    "core/in-turn/1": (CORE_AS_RECORDED, 1, (), "in-turn", 50, {}),
    "mechanics/in-turn/3": (MECHANICS, 3, SCENARIOS, "in-turn", 300, {}),
    "mechanics/all-at-once/3": (MECHANICS, 3, SCENARIOS, "all-at-once", 300, {}),
    "mini/in-turn/8": (MINI, 8, (), "in-turn", 100, {}),
    "mechanics/die/3": (MECHANICS, 3, SCENARIOS, "in-turn", 100, {"movement": "die", "die_faces": 2}),
    "mechanics/reusable-tools/3": (MECHANICS, 3, SCENARIOS, "all-at-once", 100, {"tools_single_use": False}),
    "core/red-step/4": (CORE_AS_RECORDED, 4, (), "in-turn", 100, {"exchange_red": 1, "exchange_red_step": 3}),
}


def digests(name: str) -> list[str]:
    folder, n, scenarios, mode, seeds, rules = DIGESTS[name]
    deck = load_deck(folder).deck
    assert deck is not None
    game = Game(attrs.evolve(deck, rules=attrs.evolve(deck.rules, **rules)))
    teams = tuple(f"Team {i + 1}" for i in range(n))
    return [digest(random_game(game, Setup(teams, seed, scenarios, mode), seed)) for seed in range(seeds)]


@pytest.mark.parametrize("name", DIGESTS)
def test_random_games_replay_exactly_as_recorded(name):
    recorded = json.loads(REPLAY.read_text(encoding="utf-8"))[name]
    today = digests(name)
    differ = [seed for seed, (a, b) in enumerate(zip(recorded, today, strict=True)) if a != b]
    assert not differ, f"{len(differ)} of {len(today)} seeds play differently, first {differ[:5]}"


if __name__ == "__main__":
    if sys.argv[1:] == ["--digests"]:
        rows = [f"{json.dumps(name)}: {json.dumps(digests(name))}" for name in DIGESTS]
        REPLAY.write_text("{\n" + ",\n".join(rows) + "\n}\n", encoding="utf-8")
    else:
        print(TRANSCRIPTS[sys.argv[1] if sys.argv[1:] else "mechanics-seed0"](), end="")
