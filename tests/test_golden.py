# SPDX-License-Identifier: MIT
"""One whole game of tests/decks/mechanics, pinned by a transcript checked by hand (tests/golden/*.txt).

As OpenSpiel pins its games: every action, what each team was offered before deciding, and every event.
The transcript's `#` lines say which rule each step shows; they are not compared. To see a change, run
`python tests/test_golden.py`, which prints the transcript of today's engine.
"""

from __future__ import annotations

from pathlib import Path

from booster.deck.loader import load_deck
from booster.engine.game import Action, Event, Game, Setup
from booster.engine.match import Match

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "mechanics-seed0.txt"
SETUP = Setup(("Grocery", "Repair", "Free"), 0, ("scenario-grocery", "scenario-repair-cafe", None))
# What each team answers, card by card: the first of these that is legal (else the first legal action).
PLAN: dict[int, dict[str, list[Action]]] = {
    0: {
        "empty-building": [Action("choose", "co-design")],
        "launch-day": [Action("choose", "press")],
        "repair-night": [Action("choose", "free")],
    },
    1: {
        "empty-building": [Action("reveal", tool="interviews"), Action("choose", "accept")],
        "building-repairs": [Action("choose", "pay", "canvas")],
        "repair-night": [Action("choose", "fee")],
    },
    2: {
        "empty-building": [Action("choose", "decline")],
        "launch-day": [Action("choose", "party")],
        "repair-night": [Action("choose", "free")],
    },
}


def describe(event: Event, pillars: tuple[str, ...]) -> str:
    words = [str(event.kind)]
    if event.team >= 0:
        words.append(f"team={event.team}")
    for name in ("card", "option", "mark"):
        if getattr(event, name) is not None:
            words.append(f"{name}={getattr(event, name)}")
    if event.delta is not None:
        words.append(" ".join(f"{p}{d:+d}" for p, d in zip(pillars, event.delta, strict=True)))
    if event.kind in ("moved", "rolled", "stage"):
        words.append(f"value={event.value}")
    if event.kind == "experience":
        words.append(f"pillar={pillars[event.value]}")
    if event.echo_of is not None:
        words.append(f"echo_of={event.echo_of[0]}/{event.echo_of[1]}")
    return " ".join(words)


def transcript() -> str:
    deck = load_deck(HERE / "decks" / "mechanics").deck
    assert deck is not None
    game = Game(deck)
    match = Match.start(game, SETUP)
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
    lines.append("final:")
    for i, team in enumerate(match.state.teams):
        scores = " ".join(f"{p}{s:+d}" for p, s in zip(game.pillars, team.scores, strict=True))
        lines.append(f"   team {i} {team.name}: {scores}; marks {list(team.marks)}; experience {list(team.experience)}")
    return "\n".join(lines) + "\n"


def test_a_whole_game_matches_its_hand_checked_transcript():
    golden = [line for line in GOLDEN.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert transcript().splitlines() == golden


if __name__ == "__main__":
    print(transcript(), end="")
