# SPDX-License-Identifier: MIT
"""The real window: opening it, full screen or not, waiting for its events without spinning, and serving the
phones beside it."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from booster import paths

if TYPE_CHECKING:
    from booster.phones.service import Phones


def open_window(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
    # SDL turns SIGTERM and SIGINT into a window-close event, which we answer with "Quit?": a system shutdown
    # or Ctrl+C in the terminal must end the process instead (every decision is already on disk).
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    pygame.display.init()
    driver = pygame.display.get_driver()
    if driver in ("offscreen", "dummy") and os.environ.get("SDL_VIDEODRIVER") != driver:
        # SDL falls back to an invisible driver when there is no screen: the game would run unseen.
        pygame.display.quit()
        raise pygame.error(f"no screen was found (SDL fell back to its '{driver}' driver)")
    if driver == "x11":
        # The frame is drawn in software: X11's own shared-memory copy shows it, where SDL's default copies the
        # whole window into an OpenGL texture at every tick of the timer, several times dearer where the GL is
        # in software (a laptop without its driver, Xvfb): `benchmarks/idle_cpu.py --timer` measures it.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
    pygame.font.init()
    pygame.display.set_caption("Social Impact Booster")
    pygame.display.set_icon(pygame.image.load(str(paths.ICON)))
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def toggle_fullscreen(fullscreen: bool) -> pygame.Surface | None:
    """Switch the window from full screen (`fullscreen`) to a window, or back: the display's new surface, or
    None if the driver refuses."""
    try:
        pygame.display.toggle_fullscreen()
    except pygame.error:
        try:  # some drivers (dummy, some Wayland setups) refuse to toggle: set the mode again
            flags = pygame.RESIZABLE if fullscreen else pygame.FULLSCREEN
            pygame.display.set_mode((1280, 720) if fullscreen else (0, 0), flags)
        except pygame.error:
            return None
    return pygame.display.get_surface()


def serve_phones(where: str, wake: Callable[[], None], code: str | None = None) -> Phones:
    """Serve the phones' page at `where` (HOST[:PORT], "" for the local network) with room code `code` (None:
    drawn at random) and print its address on stdout, for scripts and facilitators. ValueError or OSError
    (with the reason) if it cannot."""
    from booster.phones.network import parse_bind
    from booster.phones.service import Phones

    host, port = parse_bind(where)
    phones = Phones(host, port, wake, code)
    phones.start()
    print_phones(phones)
    return phones


def print_phones(phones: Phones) -> None:
    print(f"Phones: {phones.url} (room code {phones.code})", flush=True)


def wait_event(timeout_ms: int, wakeup: threading.Event) -> pygame.event.Event:
    """Sleep until an event (or the timeout, 0 = none).

    SDL's own wait (`pygame.event.wait`) polls about every millisecond on every driver in pygame-ce
    (its issue #1541), which costs a few percent of a core with nothing on screen moving. So we poll
    ourselves and sleep in between: 20 ms when something may come soon (an event was just handled), up
    to 50 ms when idle, which a person cannot notice and which costs a small fraction of a percent."""
    deadline = time.monotonic() + timeout_ms / 1000 if timeout_ms else None
    nap = 0.005
    while True:
        event = pygame.event.poll()
        if event.type != pygame.NOEVENT:
            return event
        now = time.monotonic()
        if deadline is not None and now >= deadline:
            return event
        nap = min(0.05, nap * 2)
        # Another thread (the phones' server) may cut the nap short: it has work for the loop's tick.
        if wakeup.wait(nap if deadline is None else min(nap, max(0.0, deadline - now))):
            wakeup.clear()
            return event
