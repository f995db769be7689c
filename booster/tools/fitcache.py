# SPDX-License-Identifier: MIT
"""The fit measures of `deck check` (booster.tools.fit), kept between runs in the user's cache folder.

Measuring whether a card's texts fit lays the card out twice (printed and projected): a few milliseconds
a card, a second or more for a deck in three languages. A translator's loop changes one text at a time, so
each card's result is kept under a key made of everything its layout reads:
- the card's own texts in the language and in the source (the fallback), its mechanics (kind, responses,
  effects, marks, tools), and the titles of the cards it names (a challenge lists its helpful tools);
- the language's deck-wide texts (stages, pillars, marks), the rules, and the interface strings the card
  captions come from (the language's and English, the fallback);
- the measuring code and the fonts (the size and modification time of every module of the program and of
  every font file), and the measures' own sizes (the legible scale, the screen frame).
So a result is used again only when nothing it depends on changed: an edit re-measures only the cards it
touches, a new version of the program or of a font re-measures everything. Nothing to manage: the file is
`fit.json` in the cache folder (`paths.user_cache()`), rewritten atomically, capped in entries, and a
damaged or foreign file is treated as empty.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from booster import paths
from booster.engine.model import Card, Deck

FILE = "fit.json"
VERSION = 1
MAX_ENTRIES = 60_000  # about 6 MB: a 10,000-card deck in six languages

# A card's result: (lines over on paper, characters to cut), (lines over on screen, characters to cut),
# with 0 lines when it fits.
Result = tuple[int, int, int, int]


def _digest(*parts: Any) -> str:
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=repr, separators=(",", ":"))
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


def _program_stamp() -> str:
    """The size and modification time of every module of the program and every font: a new version of
    either measures differently."""
    stamps = []
    for root, pattern in ((paths.PACKAGE, "*.py"), (paths.FONTS, "*")):
        for p in sorted(root.rglob(pattern)):
            try:
                st = p.stat()
            except OSError:
                continue
            stamps.append((str(p.relative_to(root)), st.st_size, st.st_mtime_ns))
    return _digest(VERSION, stamps)


class FitCache:
    """The measures of earlier runs, by key; `save()` writes those of this run back (most recent first)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder if folder is not None else paths.user_cache()) / FILE
        self.program = _program_stamp()
        self.old: dict[str, Result] = self._read()
        self.new: dict[str, Result] = {}

    def _read(self) -> dict[str, Result]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no cache yet, or damaged: measure again
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION or data.get("program") != self.program:
            return {}  # another version of the program or of the fonts measured these
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {
            k: (v[0], v[1], v[2], v[3])
            for k, v in entries.items()
            if isinstance(v, list) and len(v) == 4 and all(type(x) is int for x in v)
        }

    def get(self, key: str) -> Result | None:
        hit = self.new.get(key)
        return hit if hit is not None else self.old.get(key)

    def put(self, key: str, result: Result) -> None:
        self.new[key] = result

    def save(self) -> None:
        """Write this run's measures, then the older ones up to the cap; a cache that cannot be written is
        only slower next time."""
        if not self.new:
            return
        from booster.files import write_atomic

        entries = dict(self.new)
        for k, v in self.old.items():
            if len(entries) >= MAX_ENTRIES:
                break
            entries.setdefault(k, v)
        data = {"version": VERSION, "program": self.program, "entries": entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(data, separators=(",", ":")))
        except OSError:
            pass
        self.old, self.new = entries, {}


def card_keys(deck: Deck, lang: str, cards: Iterable[str], measures: Any) -> dict[str, str]:
    """The cache key of each card's measure in `lang`: everything its layout reads (module docstring)."""
    from booster.text import i18n

    source = deck.info.source_language
    own, base = deck.texts.get(lang, {}), deck.texts.get(source, {})
    context = _digest(
        measures,
        lang,
        source,
        repr(deck.rules),
        {k: v for k, v in own.items() if k != "cards"},
        {k: v for k, v in base.items() if k != "cards"},
        i18n.table(lang),
        i18n.table(i18n.FALLBACK),
    )
    own_cards, base_cards = _cards(own), _cards(base)
    out = {}
    for cid in cards:
        card = deck.cards[cid]
        named = sorted(_named(card) & deck.cards.keys())
        titles = [(own_cards.get(x, {}) or {}).get("title") for x in named]
        titles += [(base_cards.get(x, {}) or {}).get("title") for x in named]
        out[cid] = _digest(context, cid, repr(card), own_cards.get(cid), base_cards.get(cid), named, titles)
    return out


def _cards(texts: Mapping[str, Any]) -> Mapping[str, Any]:
    cards = texts.get("cards")
    return cards if isinstance(cards, Mapping) else {}


def _named(card: Card) -> set[str]:
    """The other cards a card names: its helpful tools, the tools that unlock a response, its follow-ups and
    echoes."""
    out = set(card.tools)
    for o in card.options:
        out |= set(o.unlocked_by) | set(o.echoes)
        if o.follow_up:
            out.add(o.follow_up)
    return out
