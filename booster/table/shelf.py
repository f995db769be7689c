# SPDX-License-Identifier: MIT
"""The games on disk as the start screen offers them, and opening one with its deck and its lock.

Resume offers the newest unfinished game no other window plays and no resume failed on; older unfinished
games stay within reach (a workshop's game after a newer one started); a newer game another window plays is
offered read-only. No pygame here: the window shows what the shelf holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from booster.deck.loader import load_deck
from booster.engine.model import Deck
from booster.table import saves
from booster.table.controller import GameController, Notify, ResumeOffer, resume_offer

SCAN = 10  # saves read to find one to resume: the newest ones are the ones that matter


class Shelf:
    """The unfinished games Resume can offer, newest first, and the one on offer now."""

    def __init__(self) -> None:
        self.offers: list[tuple[Path, ResumeOffer]] = []
        self.path: Path | None = None  # the game on offer: the newest unfinished one no other window plays
        self.offer: ResumeOffer | None = None  # what that game holds, for the start screen
        self.locked: Path | None = None  # a newer game another window plays: offered read-only
        self.failed: set[Path] = set()  # saves a resume failed on: not offered again
        self.problem: str | None = None  # why the last resume failed, in a sentence

    def refresh(self, deck: Deck | None, deck_path: Path, own: Path | None) -> None:
        """Read the newest saves again; `own` is the game this window holds (never offered read-only)."""
        self.path = self.locked = self.offer = None
        self.offers = []
        try:
            entries = saves.list_games()[:SCAN]
        except OSError:
            return
        for entry in entries:
            if entry.path in self.failed:
                continue
            offer, problem = resume_offer(deck, deck_path, entry.path)
            if problem is not None:
                self.failed.add(entry.path)
                self.problem = problem
                continue
            if offer is None:  # finished
                continue
            if entry.path != own and saves.is_locked(entry.path):
                self.locked = self.locked or entry.path
                continue
            self.offers.append((entry.path, offer))
        if self.offers:
            self.path, self.offer = self.offers[0]

    def step(self, step: int = 1) -> None:
        """Offer the next (or previous) unfinished game."""
        if len(self.offers) > 1:
            i = self.place()[0] - 1
            self.path, self.offer = self.offers[(i + step) % len(self.offers)]

    def place(self) -> tuple[int, int]:
        """(which, of how many) unfinished games are on offer now."""
        i = next((k for k, (path, _) in enumerate(self.offers) if path == self.path), 0)
        return i + 1, len(self.offers)

    def room_code(self) -> str | None:
        """The phones' room code of the game on offer, so that a laptop restarted mid-game serves the code
        its teams' phones joined with (None: draw one)."""
        code = saves.room_code(self.path) if self.path is not None else None
        return code if code is not None and len(code) == 10 else None  # an old save's 4 digits: too easy


@dataclass
class Opened:
    """A game read back from its save, ready to play."""

    game: GameController
    deck: Deck
    deck_path: Path | None  # the folder of `deck` when it is a folder's (None: the copy the save is pinned to)
    lock: saves.GameLock | None  # held while this window plays it (None: read-only, already held, or no lock)
    note: str | None  # what `saves.deck_for` says of the deck it is played with (None: the one on screen)
    lang: str  # the language it was played in
    deck_pin: saves.DeckPin | None = None  # the files `deck` was loaded from, when it is a folder's


def open_game(
    path: Path,
    deck: Deck | None,
    deck_path: Path,
    notify: Notify,
    clock: Callable[[], float] = time.monotonic,
    read_only: bool = False,
    held: bool = False,
    deck_pin: saves.DeckPin | None = None,
) -> Opened:
    """The game saved at `path`, on `deck` if it is the save's, else on the deck folder the save names, else
    on the copy it is pinned to; locked unless `read_only` or already `held` by this window. SaveError (Locked
    when another window plays it) or OSError if it cannot be played; then nothing is left locked."""
    saved = saves.load(path)
    found, found_path, found_pin = deck, deck_path, deck_pin  # the pin: the files `deck` was loaded from
    if found is None or found.info.id != saved.deck_id:  # the save's own deck, if it is still there
        own_folder = Path(saved.deck_path) if saved.deck_path else None
        if own_folder is not None and own_folder.is_dir():
            result = load_deck(own_folder)
            if result.deck is not None:
                found, found_path, found_pin = result.deck, own_folder, saves.pin_loaded(result)
    played_on, note = saves.deck_for(saved, found, found_path, found_pin)
    if played_on is None:
        raise saves.SaveError(saves.deck_note(saved, note or "missing"))
    lock: saves.GameLock | None = None
    if not read_only and not held:
        try:
            lock = saves.lock(path)
        except OSError:  # cannot lock (read-only folder): resume anyway, saving will say why it fails
            lock = None
    try:
        game = GameController.resume(played_on, saved, path, notify, clock, read_only=read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    pin = found_pin if played_on is found else None
    return Opened(game, played_on, found_path if played_on is found else None, lock, note, saved.lang, pin)
