# SPDX-License-Identifier: MIT
"""The phones as the front end runs them: the server in its thread, and `sync`, which the game loop calls
on every pass to record the answers that came in and to publish what the phones should show now."""

from __future__ import annotations

from collections.abc import Callable

from booster.phones.bridge import Bridge
from booster.phones.network import local_addresses
from booster.phones.qr import qr_modules
from booster.phones.room import NoGame, Room, Table, room_for
from booster.phones.server import Limits, PhoneServer


class NoNetwork(OSError):
    """The laptop is on no local network: the phones cannot reach it."""


class Phones:
    def __init__(
        self,
        host: str | None,
        port: int,
        wake: Callable[[], None] | None = None,
        code: str | None = None,
        limits: Limits | None = None,
    ) -> None:
        """`host` None: the laptop's first local network address (NoNetwork if it has none); `code`: the room
        code (default: drawn at random)."""
        if host is None:
            found = local_addresses()
            if not found:
                raise NoNetwork(
                    "this laptop is on no local network: join the room's Wi-Fi or start a hotspot, or give "
                    "an address with --phones ADDRESS"
                )
            host = found[0]
        self.bridge = Bridge(wake)
        self.server = PhoneServer(self.bridge, host, port, code, limits)
        self._empty = NoGame()
        self._qr: tuple[str, tuple[tuple[bool, ...], ...]] | None = None
        self._counts: tuple[int, ...] = ()  # the phones per team the projector last heard of

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def code(self) -> str:
        return self.server.code

    @code.setter
    def code(self, code: str) -> None:
        """From now on the room code is `code` (a resumed game's): phones that join must give it."""
        self.server.code = code

    def phones(self, team: int) -> int:
        """How many phones follow `team` (seat index) now: for the projector's team rows, so that the
        facilitator sees a team with no phone, or one with a phone too many."""
        return self.server.phones(team)

    def recounted(self) -> bool:
        """True when the phones following some team changed since the last call (a phone joined or left):
        the projector redraws the counts on its team rows."""
        counts = tuple(self.server.phones(team) for team in range(len(self.bridge.current().teams)))
        changed, self._counts = counts != self._counts, counts
        return changed

    @property
    def qr(self) -> tuple[tuple[bool, ...], ...]:
        """The page's address with the room code after '#' (never sent over the network, never in a log):
        a phone that scans it joins without typing."""
        address = f"{self.url}#room={self.code}"
        if self._qr is None or self._qr[0] != address:
            self._qr = (address, qr_modules(address))
        return self._qr[1]

    def start(self) -> str:
        """Serve; returns the address. OSError (with the system's reason) if the port cannot be had."""
        return self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def pause(self, paused: bool) -> None:
        """Freeze every phone (the projector is blacked out: the room stops) or let them go on."""
        self.bridge.paused = paused

    def sync(self, table: Table | None) -> int:
        """Record the phones' answers on `table` (the game on screen, or None), then publish the views;
        returns how many answers came in (each recorded or refused)."""
        room: Room = room_for(table) if table is not None else self._empty
        handled = self.bridge.drain(room)
        self.bridge.publish(room)
        return handled
