# SPDX-License-Identifier: MIT
"""The UI's own strings, from `booster/i18n/ui.<lang>.yaml`, with English as the fallback.

In translator preview mode (env `BOOSTER_MARK_MISSING=1`) a string that falls back is shown between
[[ and ]] so the translator sees at once what is not yet in their language (Noto Sans has no ⟦⟧ glyphs).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from booster.deck.yaml_safe import read_file

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
FALLBACK = "en"
MARK_OPEN, MARK_CLOSE = "[[", "]]"

_cache: dict[str, dict[str, Any]] = {}


def ui_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name[3:-5] for p in I18N_DIR.glob("ui.*.yaml")))


def _table(lang: str) -> dict[str, Any]:
    if lang not in _cache:
        path = I18N_DIR / f"ui.{lang}.yaml"
        value: Any = None
        if path.is_file():
            doc, _problems = read_file(path)
            value = doc.value
        ui = value.get("ui") if isinstance(value, Mapping) else None
        _cache[lang] = dict(ui) if isinstance(ui, Mapping) else {}
    return _cache[lang]


def _lookup(table: Mapping[str, Any], key: str) -> str | None:
    node: Any = table
    for part in key.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    return node if isinstance(node, str) else None


def mark_missing_default() -> bool:
    return os.environ.get("BOOSTER_MARK_MISSING", "") not in ("", "0")


class Strings:
    """`t("board.turn", team="Blue")`: the string in the current language, formatted."""

    def __init__(self, lang: str, mark_missing: bool | None = None) -> None:
        self.lang = lang
        self.mark_missing = mark_missing_default() if mark_missing is None else mark_missing

    def __call__(self, key: str, **fmt: Any) -> str:
        own = _lookup(_table(self.lang), key)
        missing = own is None
        text = own if own is not None else _lookup(_table(FALLBACK), key) or key
        if fmt:
            with contextlib.suppress(KeyError, IndexError, ValueError):  # a broken placeholder must not crash
                text = text.format(**fmt)
        if missing and self.mark_missing and self.lang != FALLBACK:
            return f"{MARK_OPEN}{text}{MARK_CLOSE}"
        return text

    def has(self, key: str) -> bool:
        return _lookup(_table(self.lang), key) is not None

    def language_name(self, lang: str) -> str:
        return _lookup(_table(lang), "lang_name") or lang


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
