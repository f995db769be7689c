# SPDX-License-Identifier: MIT
"""The game as the front end sees it: a match, its save, and the screens owed to the players.

No pygame here. Every action goes through `act`, which plays it, records it and autosaves at once. After
an action some screens are owed before play goes on (the tool just drawn, the effect of a choice, the next
stage's introduction, the experience cards received): they wait in `queue`, and `view()` says what to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from booster import saves
from booster.engine.game import ADVANCE, EXCHANGE, EXCHANGE_ACTION, OVER, Action, Event, Game, IllegalAction, Setup
from booster.engine.match import Match
from booster.engine.model import Deck


class View(NamedTuple):
    kind: str  # stage, board, card, tool, effect, exchange, exchanged, debrief
    data: dict[str, Any]


class Session:
    def __init__(
        self,
        deck: Deck,
        deck_path: str,
        lang: str,
        setup: Setup,
        extra: dict[str, Any] | None = None,
        autosave: Path | None = None,
    ) -> None:
        self.deck = deck
        self.deck_path = deck_path
        self.game = Game(deck)
        self.match = Match.start(self.game, setup)
        self.saved = saves.new_save(self.match, deck_path, lang, extra or {})
        self.autosave_path = autosave
        self.queue: list[View] = [View("stage", {"stage": 0})]
        self.save_error: str | None = None
        self.read_only = False
        self.persist()

    @classmethod
    def resume(cls, deck: Deck, saved: saves.Saved, autosave: Path | None = None, read_only: bool = False) -> Session:
        """The session a save records; SaveError if it does not fit the deck. A read-only session (a game
        another window plays) refuses every action and writes nothing."""
        self = cls.__new__(cls)
        self.deck = deck
        self.deck_path = saved.deck_path
        self.game = Game(deck)
        self.match = saved.replay(self.game)
        self.saved = saved
        self.autosave_path = autosave
        self.queue = []
        self.save_error = None
        self.read_only = read_only
        if read_only:
            self.autosave_path = None
        return self

    # -- reading ---------------------------------------------------------------------------------------
    @property
    def state(self):
        return self.match.state

    @property
    def extra(self) -> dict[str, Any]:
        return self.saved.extra

    def view(self) -> View:
        if self.queue:
            return self.queue[0]
        state = self.state
        if state.phase == OVER:
            return View("debrief", {})
        if state.phase == EXCHANGE:
            return View("exchange", {"team": state.turn})
        if state.pending:
            return View("card", {"card": state.pending, "team": state.turn})
        return View("board", {"team": state.turn})

    def token(self, team: int) -> tuple[int, str]:
        from booster.ui.theme import default_token

        tokens = self.extra.get("tokens") or []
        if team < len(tokens):
            t = tokens[team]
            if isinstance(t, list | tuple) and len(t) == 2 and isinstance(t[0], int) and isinstance(t[1], str):
                return t[0], t[1]
        return default_token(team)

    # -- acting ----------------------------------------------------------------------------------------
    def act(self, action: Action) -> list[Event]:
        """Play, record and autosave one action; queue the screens it calls for."""
        if self.read_only:
            raise IllegalAction("read only: this game is being played in another window")
        before = self.state
        self.match, events = self.match.play(action)
        self.saved = self.saved.record(action)
        self.persist()
        self.queue.clear()
        team = before.turn
        if action.kind == "advance":
            drawn = next((e.card for e in events if e.kind == "tool_gained"), None)
            if drawn:
                delta = next((e.delta for e in events if e.kind == "scored"), None)
                self.queue.append(View("tool", {"card": drawn, "team": team, "delta": delta}))
        elif action.kind == "choose":
            delta = next((e.delta for e in events if e.kind == "scored"), None)
            self.queue.append(
                View(
                    "effect",
                    {
                        "card": before.pending,
                        "team": team,
                        "option": action.option,
                        "tool": action.tool,
                        "delta": delta,
                    },
                )
            )
        elif action.kind == "exchange":
            cards = [(e.card, e.value) for e in events if e.kind == "experience"]
            self.queue.append(View("exchanged", {"team": team, "cards": cards}))
        for e in events:
            if e.kind == "stage" and e.value < len(self.deck.rules.stages):
                self.queue.append(View("stage", {"stage": e.value}))
        return events

    def advance(self) -> list[Event]:
        return self.act(ADVANCE)

    def exchange(self) -> list[Event]:
        return self.act(EXCHANGE_ACTION)

    def dismiss(self) -> None:
        if self.queue:
            self.queue.pop(0)

    def undo(self) -> bool:
        """Undo the last decision: trailing advances (not decisions) go with the choice before them."""
        log = self.match.log
        if not log or self.read_only:
            return False
        n = len(log)
        while n and log[n - 1].kind == "advance":
            n -= 1
        if n:
            n -= 1  # the decision itself
        match, saved = self.match, self.saved
        for _ in range(len(log) - n):
            match, saved = match.undo(), saved.undo()
        self.match, self.saved = match, saved
        self.queue.clear()
        self.persist()
        return True

    def set_extra(self, **values: Any) -> None:
        self.saved = self.saved._replace(extra={**self.saved.extra, **values})
        self.persist()

    def persist(self) -> None:
        if self.autosave_path is None:
            return
        try:
            saves.save(self.autosave_path, self.saved)
            self.save_error = None
        except OSError as e:  # a full disk must not stop the workshop; the UI shows the sentence
            self.save_error = str(e)

    def swap_deck(self, deck: Deck) -> None:
        """Replay the log on a changed deck (translator mode); SaveError if it no longer fits."""
        game = Game(deck)
        match = self.saved.replay(game)
        self.deck, self.game, self.match = deck, game, match
        self.saved = self.saved.pinned_to(saves.pin_deck(Path(self.deck_path)))  # played on the edited deck now
        self.persist()
