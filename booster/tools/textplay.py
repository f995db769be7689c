# SPDX-License-Identifier: MIT
"""Play in a terminal: the whole game with plain prompts, for machines without a screen.

The terminal is one prompt that the teams share, in turn. A tool that reveals is the room mode's rule
(issue 22): only the team that played it sees what each response does. The room is told that the team used
it; the effects are printed at that team's prompt, after a pause asking the other teams to look away, next to
each response it may choose, and are gone from the next team's prompt.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence

from booster.engine.game import Game, Mode, Setup
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.engine.outcome import Outcome
from booster.engine.state import Action, ActionKind, State


def play_text(deck: Deck, lang: str, teams: int, seed: int | None, input_=input, print_=print) -> int:
    """Play a whole game at the prompt; the exit status: 0 played to the end, 1 input ended, 2 wrong options."""
    rules = deck.rules
    if not rules.min_teams <= teams <= rules.max_teams:
        print(
            f"This deck is played by {rules.min_teams} to {rules.max_teams} teams, not {teams}: give --teams N.",
            file=sys.stderr,
        )
        return 2
    game = Game(deck)
    seed = random.randrange(1 << 30) if seed is None else seed
    names = tuple(f"{i + 1}" for i in range(teams))
    # The terminal is one prompt: teams answer in turn there, whatever the deck's rules say.
    match = Match.start(game, Setup(names, seed, mode=Mode.IN_TURN))
    pillar_names = [deck.text(lang, "pillars", p, "name", default=p) for p in game.pillars]
    print_(deck.text(lang, "deck", "title", default=deck.info.id) + f" (seed {seed})")
    last_stage = -1
    shown: tuple[int, str, str | None] | None = None  # the team, card and tool whose effects were last shown
    while not game.is_over(match.state):
        state = match.state
        if state.stage != last_stage and state.phase == "play":
            last_stage = state.stage
            sid = game.rules.stage_id(state.stage) or ""
            print_(f"\n== {deck.text(lang, 'stages', sid, 'name', default=sid)} ==")
            print_(deck.text(lang, "stages", sid, "intro"))
        actions = game.legal_actions(state)
        if state.pending:
            team = state.teams[state.turn]  # in turn play (above): a card pending is the team in turn's
            card = state.pending
            seen = (state.turn, card, state.revealed)
            if state.revealed is not None and seen != shown:  # its reveal: for its eyes, once a prompt
                shown = seen
                try:
                    input_(f"\nTeam {team.name} only: press Enter to see what each response does. ")
                except (EOFError, KeyboardInterrupt):
                    return _ended()
            print_(f"\nTeam {team.name} — {deck.text(lang, 'cards', card, 'title')}")
            print_(deck.text(lang, "cards", card, "text"))
            for i, a in enumerate(actions, 1):
                print_(f"  {i}. {_label(game, deck, lang, state, a, pillar_names)}")
            try:
                answer = input_("> ").strip().lower()
            except (EOFError, KeyboardInterrupt):  # stdin closed or Ctrl+D/Ctrl+C: stop with a sentence
                return _ended()
            if answer in ("u", "undo"):
                match = match.undo_decision()
                continue
            try:
                action = actions[int(answer) - 1]
            except (ValueError, IndexError):
                print_("Type the number of a response (or u to undo).")
                continue
            if action.kind == ActionKind.REVEAL:  # the room hears that the team used it, never what it shows
                tool = deck.text(lang, "cards", action.tool or "", "title")
                print_(f"\nTeam {team.name} used {tool} to see the effects of its responses.")
        else:
            action = actions[0]
        match, events = match.play(action)
        for seat, done in sorted(Outcome.of(events).teams.items()):
            name = match.state.teams[seat].name
            for tool in done.tools:
                print_(f"\nTeam {name} gains the tool: {deck.text(lang, 'cards', tool, 'title')}")
            if done.scored:
                print_("  " + _effect(pillar_names, done.scored))
            for got in done.experience:
                print_(f"  Team {name}: {deck.text(lang, 'cards', got.card, 'title')}")
    print_("\nFinal scores:")
    for t in match.state.teams:
        scores = ", ".join(f"{n} {s}" for n, s in zip(pillar_names, t.scores, strict=True))
        print_(f"  Team {t.name}: {scores}; {len(t.experience)} experience cards")
    return 0


def _ended() -> int:
    print("\nThe input ended before the game did: the game stops here (terminal play is not saved).", file=sys.stderr)
    return 1


def _effect(pillar_names: Sequence[str], effect: Sequence[int]) -> str:
    """ "Economy +2, Social -1" (or "no change")."""
    return ", ".join(f"{n} {d:+d}" for n, d in zip(pillar_names, effect, strict=True) if d) or "no change"


def _label(game: Game, deck: Deck, lang: str, state: State, action: Action, pillar_names: Sequence[str]) -> str:
    """A numbered line of the prompt: a response (with the tool it plays, and its effect once the team's
    reveal showed it), or a tool that reveals."""
    tool = deck.text(lang, "cards", action.tool or "", "title")
    if action.kind == ActionKind.REVEAL:
        used = ", then it is used up" if game.rules.tools_single_use else ""
        return f"Play {tool} to see what each response does before choosing{used}"
    label = deck.text(lang, "cards", state.pending or "", "options", action.option or "")
    if action.tool:
        label += f"  [+ {tool}]"
    if state.revealed is not None and action.option is not None:
        label += f"  → {_effect(pillar_names, game.preview(state, action.option, action.tool))}"
    return label
