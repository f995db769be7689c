# SPDX-License-Identifier: MIT
"""Play in a terminal: the whole game with plain prompts, for machines without a screen."""

from __future__ import annotations

import random
import sys

from booster.engine.game import Game, Mode, Setup
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.engine.outcome import Outcome


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
            print_(f"\nTeam {team.name} — {deck.text(lang, 'cards', card, 'title')}")
            print_(deck.text(lang, "cards", card, "text"))
            for i, a in enumerate(actions, 1):
                label = deck.text(lang, "cards", card, "options", a.option or "")
                if a.tool:
                    label += f"  [+ {deck.text(lang, 'cards', a.tool, 'title')}]"
                print_(f"  {i}. {label}")
            try:
                answer = input_("> ").strip().lower()
            except (EOFError, KeyboardInterrupt):  # stdin closed or Ctrl+D/Ctrl+C: stop with a sentence
                print(
                    "\nThe input ended before the game did: the game stops here (terminal play is not saved).",
                    file=sys.stderr,
                )
                return 1
            if answer in ("u", "undo"):
                match = match.undo_decision()
                continue
            try:
                action = actions[int(answer) - 1]
            except (ValueError, IndexError):
                print_("Type the number of a response (or u to undo).")
                continue
        else:
            action = actions[0]
        match, events = match.play(action)
        for seat, done in sorted(Outcome.of(events).teams.items()):
            name = match.state.teams[seat].name
            for tool in done.tools:
                print_(f"\nTeam {name} gains the tool: {deck.text(lang, 'cards', tool, 'title')}")
            if done.scored:
                print_("  " + ", ".join(f"{n} {d:+d}" for n, d in zip(pillar_names, done.scored, strict=True) if d))
            for got in done.experience:
                print_(f"  Team {name}: {deck.text(lang, 'cards', got.card, 'title')}")
    print_("\nFinal scores:")
    for t in match.state.teams:
        scores = ", ".join(f"{n} {s}" for n, s in zip(pillar_names, t.scores, strict=True))
        print_(f"  Team {t.name}: {scores}; {len(t.experience)} experience cards")
    return 0
