# SPDX-License-Identifier: MIT
"""What every scene shares: the host it talks to, a focus ring driven by keys, the key groups a clicker sends."""

from __future__ import annotations

import abc
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from booster.ui.paint import Painter

if TYPE_CHECKING:
    from booster.engine.model import Deck
    from booster.phones.service import Phones
    from booster.table.controller import GameController
    from booster.table.shelf import Shelf
    from booster.ui.i18n import Strings

# A presentation clicker sends PageDown/PageUp (often also Right/Left), F5, Esc and "." or "b": every
# screen must be usable with those alone. F5 always means "press the highlighted button".
GO_ON = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_RIGHT, pygame.K_PAGEDOWN, pygame.K_F5)
GO_BACK = (pygame.K_LEFT, pygame.K_PAGEUP)
NEXT = (pygame.K_DOWN, pygame.K_TAB)
PREV = (pygame.K_UP,)
ACTIVATE = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_F5)


# Focusable items in key order, as (name, action); an action's result is not used (as a button's).
Ring = list[tuple[str, Callable[[], object]]]


class Command(enum.Enum):
    """What the facilitator asks of the window, from a key, a button or the menu: one list, one handler."""

    HOME = enum.auto()  # the start screen
    SETUP = enum.auto()  # a new game's set-up
    RESUME = enum.auto()  # the game the start screen offers
    VIEW_LOCKED = enum.auto()  # the game another window plays, read-only
    MENU = enum.auto()
    HELP = enum.auto()  # opens the help, or closes it
    PHONES = enum.auto()  # the phones' join panel, or closes it
    SERVE_PHONES = enum.auto()  # answers from phones on, or off (the set-up screen's toggle)
    UNDO = enum.auto()
    TIMER = enum.auto()  # starts or pauses the discussion timer
    MORE_TIME = enum.auto()  # one more minute on the timer, running or not
    FULLSCREEN = enum.auto()
    LARGER_TEXT = enum.auto()
    SMALLER_TEXT = enum.auto()
    BLACKOUT = enum.auto()  # a black screen until the next key or click
    NEXT_LANGUAGE = enum.auto()
    PREVIOUS_LANGUAGE = enum.auto()
    NEXT_DECK = enum.auto()
    RELOAD_DECK = enum.auto()  # the deck's files as they are on disk now
    QUIT = enum.auto()  # asks first
    QUIT_NOW = enum.auto()


class Host(Protocol):
    """What a scene sees of the window that shows it (`booster.ui.app.App`)."""

    t: Strings  # the interface's strings in the language on screen
    lang: str
    deck: Deck | None  # None: the deck on screen has problems (the error screen shows them)
    game: GameController | None  # the game open, also while the start screen is over it
    shelf: Shelf  # the saved games the start screen offers
    phones: Phones | None  # the teams' phones, when they are on
    fullscreen: bool  # the window fills the screen (the menu says what its line will do)
    clock: Callable[[], float]

    def do(self, command: Command) -> None: ...

    def push(self, scene: Scene) -> None: ...

    def pop(self) -> None: ...

    def toast(self, text: str) -> None: ...

    def deck_text(self, *path: str) -> str: ...

    def playing(self) -> GameController | None: ...  # the game on screen; None on the start or set-up screen

    def start_game(
        self, names: list[str], scenarios: list[str | None], tokens: list[list[Any]], timer: int, mode: str | None
    ) -> None: ...


class Scene(abc.ABC):
    """A screen. `key` and `text_input` change it; `draw` paints it and registers its buttons."""

    name = "scene"
    overlay = False  # drawn over the scene below, which stays visible but dimmed

    def __init__(self, app: Host) -> None:
        self.app = app
        self.focus = 0
        # Where the last frame drew the discussion timer, and its button's action (None: no timer here).
        self.timer_at: tuple[tuple[float, float, float, float], Callable[[], None]] | None = None

    @property
    def t(self) -> Callable[..., str]:
        return self.app.t

    @property
    def game(self) -> GameController:
        """The game on screen (game scenes only exist while one is open)."""
        game = self.app.game
        assert game is not None, f"the {self.name} scene needs a game"
        return game

    @property
    def deck(self) -> Deck:
        deck = self.app.deck
        assert deck is not None, f"the {self.name} scene needs a deck"
        return deck

    def captures_text(self) -> bool:
        """True while a text field has focus: letter shortcuts must not fire."""
        return False

    def stop_typing(self) -> None:  # noqa: B027 (a hook: a scene without a text field has nothing to do)
        """Leave a text field (Esc opens the menu)."""

    def ring(self) -> Ring:
        """Focusable items in key order, as (name, action)."""
        return []

    def key(self, event: pygame.event.Event) -> bool:
        """Handle a key; the default moves the focus ring and activates on Enter or any go-on key."""
        ring = self.ring()
        if not ring:
            return False
        k = event.key
        back = k == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
        if k in NEXT and not back:
            self.focus = (self.focus + 1) % len(ring)
            return True
        if k in PREV or back or k == pygame.K_PAGEUP:
            self.focus = (self.focus - 1) % len(ring)
            return True
        if k in ACTIVATE or k in GO_ON:
            ring[min(self.focus, len(ring) - 1)][1]()
            return True
        return False

    def text_input(self, text: str) -> None:  # noqa: B027 (a hook, as stop_typing)
        """Text typed into the field that has focus."""

    def claims(self, event: pygame.event.Event) -> bool:
        """True for a key this scene handles itself before the app's own shortcuts (T, Backspace...)."""
        return False

    def keeps(self, view: object) -> bool:
        """True if this scene goes on showing `view` when the game changes under it (its own state stays)."""
        return False

    def focused(self, name: str) -> bool:
        ring = self.ring()
        return bool(ring) and ring[min(self.focus, len(ring) - 1)][0] == name

    def focus_on(self, name: str) -> None:
        for i, (n, _a) in enumerate(self.ring()):
            if n == name:
                self.focus = i

    @abc.abstractmethod
    def draw(self, p: Painter) -> None:
        """Paint the scene, and register its buttons with `p`."""

    def animating(self) -> bool:
        return False

    def enter(self) -> None:  # noqa: B027 (a hook: most scenes need nothing)
        """Called when the scene becomes the top one."""


class OneStepScene(Scene):
    """A screen with a single way forward: every "go on" key (and a clicker's F5) takes it."""

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in GO_ON:
            self.go_on()
            return True
        return False

    def go_on(self) -> None:
        self.game.dismiss()
