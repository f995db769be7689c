# SPDX-License-Identifier: MIT
"""The hand-over between the phone server's thread and the game's.

The game owns its state. The server never calls the game: it puts each answer on a thread-safe queue with
a future for the verdict, and wakes the game loop; the game loop `drain`s the queue on its own thread,
asks its `Room` to record each answer, and `publish`es what every team's phones should now show. The
server reads the last published views (an immutable value swapped under a lock) and hands them out.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future
from types import MappingProxyType
from typing import Any, NamedTuple

from attrs import evolve

from booster.phones.room import Answer, Note, Refusal, Reveal, Room


class Published(NamedTuple):
    """What the game last published: read by the server, never changed in place."""

    version: int  # grows by one at every change; a phone waits for a version other than the one it has
    teams: tuple[str, ...]
    languages: tuple[str, ...]
    views: Mapping[tuple[int, str], Mapping[str, Any]]  # (team, language) -> the team's view as JSON data
    open: frozenset[int]  # the teams that may answer now
    answered: frozenset[int]  # the teams whose answer to the open card is recorded
    paused: bool = False  # the facilitator paused the room (the projector is blacked out): phones wait


class _Submission(NamedTuple):
    team: int
    answer: Answer | Note | Reveal  # an answer to a card, a team's own answer at a transfer step, or a reveal
    verdict: Future[Refusal | None]


_NOTHING = Published(0, (), (), MappingProxyType({}), frozenset(), frozenset())
_UNSET: Hashable = object()


class Bridge:
    def __init__(self, wake: Callable[[], None] | None = None) -> None:
        """`wake` is called from the server's thread after an answer is queued: the front end posts an event
        there, so that a game loop asleep in its event wait drains the queue at once."""
        self._wake = wake or (lambda: None)
        self._lock = threading.Lock()
        self._published = _NOTHING
        self._revision: Hashable = _UNSET
        self._inbox: queue.SimpleQueue[_Submission] = queue.SimpleQueue()
        self._listeners: list[Callable[[], None]] = []
        self._sent: dict[int, Answer] = {}  # per team, the last answer a phone had recorded (game's thread)
        # Per team, the answer recorded before this bridge saw the game (a resumed game's): who gave it is
        # not known here, so it is labelled neither "from the laptop" nor otherwise.
        self._unknown: dict[int, Answer] = {}
        self._table: object = None  # the game last published (another one: forget what phones sent)
        self.paused = False

    # -- on the game's thread ------------------------------------------------------------------------------
    def publish(self, room: Room, force: bool = False) -> bool:
        """Publish the room's views if they may have changed since the last time; True if it did."""
        revision = (room.revision(), self.paused)
        if not force and revision == self._revision:
            return False
        self._revision = revision
        table = getattr(room, "table", None)
        if table is not self._table:  # a new or resumed game: what it already holds came from elsewhere
            self._table = table
            self._sent.clear()
            self._unknown = {}
            for team in range(len(room.teams())):
                for lang in room.languages()[:1]:
                    rec = room.snapshot(team, lang).recorded
                    if rec is not None:
                        self._unknown[team] = rec.answer
        teams, languages = room.teams(), room.languages()
        views = {(t, lang): self._view(room, t, lang) for t in range(len(teams)) for lang in languages}
        open_ = frozenset(t for t in range(len(teams)) if room.is_open(t))
        with self._lock:
            version = self._published.version + 1
            self._published = Published(
                version, teams, languages, MappingProxyType(views), open_, room.answered(), self.paused
            )
            listeners = list(self._listeners)
        for listener in listeners:
            listener()
        return True

    def _view(self, room: Room, team: int, lang: str) -> dict[str, Any]:
        view = room.snapshot(team, lang)
        rec = view.recorded
        if rec is not None:  # an answer no phone sent (or another than it sent) was entered on the laptop
            known = rec.answer == self._sent.get(team) or rec.answer == self._unknown.get(team)
            view = evolve(view, recorded=evolve(rec, laptop=not known))
        return view.to_json()

    def drain(self, room: Room) -> int:
        """Record every queued answer, in the order they came; returns how many there were."""
        done: list[tuple[_Submission, Refusal | None]] = []
        with room.batch():  # saved to disk once for all of them, before any phone is told
            while True:
                try:
                    sub = self._inbox.get_nowait()
                except queue.Empty:
                    break
                if sub.verdict.set_running_or_notify_cancel():
                    if isinstance(sub.answer, Note):
                        refusal = room.write(sub.team, sub.answer)
                    elif isinstance(sub.answer, Reveal):
                        refusal = room.reveal(sub.team, sub.answer)
                    else:
                        refusal = room.submit(sub.team, sub.answer)
                        if refusal is None:
                            self._sent[sub.team] = sub.answer
                    done.append((sub, refusal))
        if done:
            # Views first, verdicts second: a phone told "recorded" then finds the new view already there.
            self.publish(room)
            for sub, verdict in done:
                sub.verdict.set_result(verdict)
        return len(done)

    # -- on the server's thread ----------------------------------------------------------------------------
    def current(self) -> Published:
        with self._lock:
            return self._published

    def send(self, team: int, answer: Answer | Note | Reveal) -> Future[Refusal | None]:
        """Queue an answer for the game; the future resolves to its verdict once the game has drained it."""
        verdict: Future[Refusal | None] = Future()
        self._inbox.put(_Submission(team, answer, verdict))
        self._wake()
        return verdict

    def wake(self) -> None:
        """Wake the game loop without an answer (a phone joined or left: the projector counts the phones)."""
        self._wake()

    def listen(self, listener: Callable[[], None]) -> None:
        """Call `listener` (on the game's thread: it must only hand over) after every publication."""
        with self._lock:
            self._listeners.append(listener)

    def unlisten(self, listener: Callable[[], None]) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)
