# SPDX-License-Identifier: MIT
"""The game without a screen, for the tests and benchmarks of the phones: a bare match as the `Table`,
and a game loop in a thread of its own that owns it, as the front end's loop does in a real workshop.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from booster.engine.game import ADVANCE, EXCHANGE_ACTION, Action, Game, IllegalAction, Setup
from booster.engine.match import Match
from booster.engine.model import Deck
from booster.phones.bridge import Bridge
from booster.phones.room import Room, Table, room_for

T = TypeVar("T")


class Headless:
    """A `Table` over a bare match."""

    def __init__(self, deck: Deck, setup: Setup) -> None:
        self.deck = deck
        self.match = Match.start(Game(deck), setup)

    def decide(self, action: Action) -> bool:
        try:
            self.match, _ = self.match.play(action)
        except IllegalAction:
            return False
        return True


class HeadlessLoop:
    """Owns a headless game on its own thread: drains the phones' answers, and (like a facilitator
    pressing "go on") advances, and exchanges at the end, until a team has a challenge to answer. `call`
    runs code on that thread."""

    def __init__(
        self, deck: Deck, setup: Setup, advance: bool = True, poll: float | None = None, table: Table | None = None
    ) -> None:
        """`poll`: None wakes the loop as soon as an answer is queued; a number of seconds makes it look at the
        queue only that often instead, as a window's loop polling for events does (the benchmark uses it).
        `table`: the game to play instead of a bare match (the front end's controller, which saves)."""
        self.table: Table = table if table is not None else Headless(deck, setup)
        self.poll = poll
        self.room: Room = room_for(self.table)
        self.bridge = Bridge(wake=self.wake if poll is None else None)
        self.advance = advance
        self._woken = threading.Event()
        self._calls: queue.SimpleQueue[tuple[Callable[[Any], Any], Future[Any]]] = queue.SimpleQueue()
        self._running = True
        self._thread = threading.Thread(target=self._run, name="game", daemon=True)
        self._step()  # the first views exist before any phone asks
        self._thread.start()

    def wake(self) -> None:
        self._woken.set()

    def call(self, fn: Callable[[Any], T]) -> T:
        """Run `fn(table)` on the game's thread and return its result (as the facilitator's keyboard)."""
        done: Future[T] = Future()
        self._calls.put((fn, done))
        self.wake()
        return done.result(timeout=10)

    def stop(self) -> None:
        self._running = False
        self.wake()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while self._running:
            self._woken.wait(0.5 if self.poll is None else self.poll)
            self._woken.clear()
            self._step()

    def _step(self) -> None:
        while True:
            try:
                fn, done = self._calls.get_nowait()
            except queue.Empty:
                break
            try:
                done.set_result(fn(self.table))
            except Exception as e:  # handed back to the caller's thread
                done.set_exception(e)
        self.room = room_for(self.table)  # a call may have started another game
        self.bridge.drain(self.room)
        state = self.table.match.state
        # An open round waits for every answer, then for the facilitator's reveal (`close`).
        while self.advance and state.pending is None and state.round is None and state.phase in ("play", "exchange"):
            self.table.decide(ADVANCE if state.phase == "play" else EXCHANGE_ACTION)
            state = self.table.match.state
        self.bridge.publish(self.room)
