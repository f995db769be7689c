# SPDX-License-Identifier: MIT
"""The keys that work on every screen, as the `Command` each asks of the window; every other key is the
scene's on top (a scene's own keys, such as a clicker's, are in `booster.ui.scenes.base`)."""

from __future__ import annotations

import pygame

from booster.ui.scenes.base import Command, Scene


def shortcut(event: pygame.event.Event, top: Scene, phones: bool) -> Command | None:
    """What the key `event`, pressed over the scene `top`, asks of the window; None: the key is the scene's.
    `phones`: the phones are on (P opens their join panel). Escape is the window's too: see `App.on_key`."""
    k, mod, char = event.key, event.mod, getattr(event, "unicode", "")
    typing = top.captures_text()
    if k == pygame.K_F11 or (k == pygame.K_f and not typing):
        return Command.FULLSCREEN
    if k == pygame.K_r and mod & pygame.KMOD_CTRL:  # the deck's files, as they are on disk now
        return Command.RELOAD_DECK
    if typing or top.claims(event):  # a text field takes every key; a scene may claim one of the shortcuts
        return None
    if k in (pygame.K_b, pygame.K_PERIOD, pygame.K_KP_PERIOD):
        return Command.BLACKOUT
    if k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS) or char == "+":
        return Command.LARGER_TEXT
    if k in (pygame.K_MINUS, pygame.K_KP_MINUS) or char == "-":
        return Command.SMALLER_TEXT
    if k == pygame.K_p and phones:
        return Command.PHONES
    if k in (pygame.K_h, pygame.K_QUESTION) or char == "?":
        return Command.HELP
    if top.overlay:  # the game's own keys wait until the overlay is closed
        return None
    if k == pygame.K_t:
        return Command.TIMER
    if k == pygame.K_e:  # the room needs longer: one more minute, running or not
        return Command.MORE_TIME
    if (k == pygame.K_z and mod & pygame.KMOD_CTRL) or k == pygame.K_BACKSPACE:
        return Command.UNDO
    return None
