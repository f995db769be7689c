# SPDX-License-Identifier: MIT
"""How much of a deck each language covers, counted in text fields of the source language.

`is_translated` is the one definition of a translated text, for deck texts and interface strings alike:
the start screen, `deck status` and `deck check` count with it, so a translator sees the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from booster.engine.model import Deck


def text_paths(texts: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every (path, text) of a nested text mapping, in file order."""
    for key, value in texts.items():
        if isinstance(value, str):
            yield (*prefix, key), value
        elif isinstance(value, Mapping):
            yield from text_paths(value, (*prefix, key))


def is_translated(text: object) -> bool:
    """A text counts as translated when the language has a non-blank text at the source's path; a stale
    one (its source changed since) still counts, and `deck status` says how many of them are stale."""
    return isinstance(text, str) and bool(text.strip())


def lookup(texts: Mapping[str, Any], path: tuple[str, ...]) -> str | None:
    node: Any = texts
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node if isinstance(node, str) else None


def coverage(deck: Deck) -> dict[str, tuple[int, int]]:
    """language -> (texts translated, texts in the source language)."""
    source = deck.texts.get(deck.info.source_language, {})
    wanted = [p for p, _ in text_paths(source)]
    out = {}
    for lang in [deck.info.source_language, *sorted(set(deck.texts) - {deck.info.source_language})]:
        texts = deck.texts[lang]
        out[lang] = (sum(1 for p in wanted if is_translated(lookup(texts, p))), len(wanted))
    return out


def flat(texts: Mapping[str, Any]) -> dict[str, str]:
    """Dotted path -> text, in file order. Ids are `[a-z0-9-]`, so the dot is unambiguous for deck texts."""
    return {".".join(p): t for p, t in text_paths(texts)}
