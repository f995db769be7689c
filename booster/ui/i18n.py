# SPDX-License-Identifier: MIT
"""The screen's view of the program's strings (`booster.text.i18n`, one system for screen, print and report).

In translator preview mode (env `BOOSTER_MARK_MISSING=1`) a string that falls back is shown between
[[ and ]] so the translator sees at once what is not yet in their language (Noto Sans has no ⟦⟧ glyphs).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from booster.text.i18n import BUNDLED as I18N_DIR
from booster.text.i18n import (
    FALLBACK,
    MARK_CLOSE,
    MARK_OPEN,
    Strings,
    language_note,
    mark_missing_default,
    screen_strings_missing,
)
from booster.text.i18n import table as _table

if TYPE_CHECKING:
    from booster.engine.model import Deck

__all__ = [
    "FALLBACK",
    "I18N_DIR",
    "MARK_CLOSE",
    "MARK_OPEN",
    "Strings",
    "_table",
    "language_note",
    "mark_missing_default",
    "preferred_language",
]


def complete(lang: str) -> bool:
    """Whether `lang` has every screen string (only such a language is picked for the user unasked)."""
    return screen_strings_missing(lang)[0] == 0


def preferred_language(available: tuple[str, ...] | list[str], fallback: str = FALLBACK) -> str:
    """The first of the system's preferred locales that we have, else `fallback`."""
    try:
        import pygame

        locales = pygame.system.get_pref_locales()
    except Exception:  # no locale information on this system: not worth failing for
        locales = []
    for loc in locales:
        code = str(loc.get("language", "")).lower()
        country = str(loc.get("country") or "").lower()
        for candidate in (f"{code}-{country}", code):
            if candidate in available:
                return candidate
    env = os.environ.get("LANG", "").split(".")[0].split("_")[0].lower()
    if env in available:
        return env
    return fallback if fallback in available or not available else available[0]


def offered_languages(deck: Deck | None) -> tuple[str, ...]:
    """Every language the deck is translated into (without a deck, every one with interface strings): those
    whose interface is complete first, then the others. `--lang` opens any other, for its translator."""
    from booster.text import i18n

    langs = set(deck.languages) if deck else set(i18n.languages())
    return tuple(sorted(langs | {deck.info.source_language if deck else FALLBACK}, key=lambda x: (not complete(x), x)))


def language_notes(lang: str, t: Strings, deck: Deck | None) -> list[str]:
    """What the language on screen lacks, if its interface is incomplete, in plain words (a line under the
    start screen's switch); nothing for a complete one, and nothing about a language not chosen."""
    note = language_note(lang, t)
    return [note] if note else []


def deck_title(deck: Deck, lang: str) -> str:
    """The deck's title in `lang`, else its id."""
    return deck.text(lang, "deck", "title") or deck.info.id
