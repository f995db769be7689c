# SPDX-License-Identifier: MIT
"""Whether a card's texts fit its card, on paper and on the projector, judged with each one's real font and
layout (issue 13 §4): `printed` and `screen` are the two measures, `overflows` both.

A character limit cannot judge a translation: German words are longer, Chinese ones shorter, and a short
text with long words may need more lines than a long one. What matters is whether the card's texts fit
their box at the smallest legible size:
- printed: the printed card (`booster.paper.cardface`, fpdf2) at LEGIBLE_SCALE of its type sizes;
- screen: the card as the game projects it (`booster.ui.carddraw`, pygame) in the 1920×1080 frame the
  game lays out in, where text shrinks down to the type scale's floor and no further.
A card that does not fit is reported with how much it overflows, in lines and about how many characters to
cut, and with the command that shows it, so that the translator knows what to do.

Each measure needs its drawing library; without it (a build with no PDF library or no front end) it
reports nothing rather than fail: the character limits are then all there is.
"""

from __future__ import annotations

import importlib.util
import math
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from booster.engine.model import Deck

if TYPE_CHECKING:
    from booster.tools.fitcache import FitCache

# The smallest scale of the printed card's type sizes a player still reads at arm's length: the print
# layout's body-text floor (booster.paper.sizes.FLOOR_SCALE, kept equal by a test).
LEGIBLE_SCALE = 0.75
# The frame the screen is designed for: the card scene's card, in logical units at scale 1.
SCREEN = (1920, 1080)

PRINTED, ON_SCREEN = "printed", "screen"


class Overflow(NamedTuple):
    card: str
    lines: int  # lines of body text beyond the card at the smallest legible size
    chars: int  # about how many characters that is
    where: str = PRINTED  # PRINTED or ON_SCREEN

    def sentence(self, lang: str, deck_path: str = "DECK") -> str:
        from booster.text.i18n import language_label

        s = "s" if self.lines != 1 else ""
        if self.where == ON_SCREEN:
            what, shows = "the projected card", f"booster deck preview {deck_path} --lang {lang} --card {self.card}"
        else:
            what = "the printed card, even continued on its back,"
            shows = f"booster deck print {deck_path} --lang {lang}"
        return (
            f"cards.{self.card}: the {language_label(lang)} texts do not fit {what} even at the smallest legible "
            f"size: they overflow by about {self.lines} line{s} (about {self.chars} characters to cut); "
            f"{shows} shows it"
        )


def overflows(
    deck: Deck, lang: str, cards: Iterable[str] | None = None, cache: FitCache | None = None
) -> list[Overflow]:
    """The cards (all, or those named) whose `lang` texts overflow the printed card or the projected one.
    With a `cache`, only the cards whose texts, mechanics or captions changed since they were last measured
    are laid out again (booster.tools.fitcache); the caller saves it."""
    names = list(cards) if cards is not None else list(deck.cards)
    if cache is None:
        return printed(deck, lang, names) + screen(deck, lang, names)
    from booster.tools.fitcache import card_keys

    # Whether each measure can run is part of the key: a build without one measures nothing with it.
    able = tuple(importlib.util.find_spec(m) is not None for m in ("fpdf", "pygame"))
    keys = card_keys(deck, lang, names, (LEGIBLE_SCALE, SCREEN, able))
    if missing := [c for c in names if cache.get(keys[c]) is None]:
        found = {(o.card, o.where): o for o in printed(deck, lang, missing) + screen(deck, lang, missing)}
        for c in missing:
            p, s = found.get((c, PRINTED)), found.get((c, ON_SCREEN))
            cache.put(keys[c], (p.lines if p else 0, p.chars if p else 0, s.lines if s else 0, s.chars if s else 0))
    results = {c: cache.get(keys[c]) or (0, 0, 0, 0) for c in names}
    for c, r in results.items():
        cache.put(keys[c], r)  # kept as recent
    out = [Overflow(c, r[0], r[1], PRINTED) for c, r in results.items() if r[0]]
    return out + [Overflow(c, r[2], r[3], ON_SCREEN) for c, r in results.items() if r[2]]


def printed(deck: Deck, lang: str, cards: Iterable[str] | None = None) -> list[Overflow]:
    """The cards (all, or those named) whose `lang` texts overflow their printed card."""
    if importlib.util.find_spec("fpdf") is None:  # no PDF library in this build: nothing is printed
        return []
    from booster.paper import cardface
    from booster.paper import sizes as L
    from booster.paper.pen import MeasuringPen
    from booster.text.i18n import print_labels

    # The printing pen's measures, from the font files, without loading fpdf2 (booster.paper.pen).
    pen = MeasuringPen()
    t = print_labels(lang)
    _, width, height = cardface.body_box()
    size = L.BODY_PT * LEGIBLE_SCALE
    line = pen.line_height(size)
    per_line = max(1, int(width / (pen.width("abcdefghij klmnopqrst", size) / 21)))
    out = []
    more = t("continued_back")
    for cid in cards if cards is not None else deck.cards:
        title = deck.text(lang, "cards", cid, "title", default=cid)
        # Measured at the smallest legible size, as `deck print` lays it out: a card that does not fit its
        # face continues on its back; it overflows only when the back does not hold the rest either.
        front, rest = cardface.split(pen, title, cardface.blocks(deck, lang, deck.cards[cid], t), more)
        over = 0.0
        for part, heading in ((front, title), (rest, t("continued", title=title))):
            if part:
                fitted = cardface.fit(pen, heading, part, width, height, LEGIBLE_SCALE, LEGIBLE_SCALE)
                over += 0.0 if fitted.fits else fitted.height - height
        if not over:
            continue
        lines = max(1, round(over / line + 0.49))
        out.append(Overflow(cid, lines, lines * per_line, PRINTED))
    return out


def screen(deck: Deck, lang: str, cards: Iterable[str] | None = None) -> list[Overflow]:
    """The cards (all, or those named) whose `lang` texts overflow the card the game projects: drawn
    off-screen by the game's own card drawing, at the size the game is designed for."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep the command's output clean
    try:
        import pygame

        from booster.ui.carddraw import OptionState, card_size, draw_card
        from booster.ui.frame import Layout
        from booster.ui.paint import Painter
        from booster.ui.text import TextRenderer
    except ImportError:  # no front end in this build
        return []
    from booster.text.i18n import Strings

    pygame.font.init()
    painter = Painter(pygame.Surface(SCREEN), Layout(SCREEN), TextRenderer())
    text = painter.tr
    text.measuring = True  # laid out, not rendered: the measure needs the lines, not the pixels
    t = Strings(lang, mark_missing=False)
    out = []
    for cid in cards if cards is not None else deck.cards:
        card = deck.cards[cid]
        box = (0, 0, *card_size(card.kind))
        # A challenge as the team chooses, then as the effect screen shows it: the longest response chosen,
        # in bold, takes the most room.
        longest = max(card.options, key=lambda o: len(deck.text(lang, "cards", cid, "options", o.id)), default=None)
        text.records, painter.hits = [], []
        spill = draw_card(painter, deck, lang, cid, box, t)
        if longest is not None:
            spill = spill.worst(draw_card(painter, deck, lang, cid, box, t, OptionState(chosen=longest.id)))
        lines = math.ceil(spill.over / spill.line - 0.05)
        if not lines and not any(d.cut for d in text.records):
            continue
        lines = max(1, lines)
        out.append(Overflow(cid, lines, lines * _per_line(text, painter, spill.width), ON_SCREEN))
    text.records = None
    return out


def _per_line(text: Any, painter: Any, width: float) -> int:
    """About how many characters of body text a line of `width` holds at the floor."""
    font = text.font(painter.floor_px())
    sample = "abcdefghij klmnopqrst"
    return max(1, int(painter.r((0, 0, width, 1)).width / (font.size(sample)[0] / len(sample))))


def problems(result: Any, deck_path: str) -> list[Any]:
    """Texts that do not fit their card, printed or projected, at the smallest legible size, each a Problem
    located at its card: what `deck check`, `deck status` and the game in watch mode report. Every card of
    the source language is measured (a designer's new card has no other check); a translation's cards only
    where they are longer than the source or past a limit. Measures are kept in the user's cache folder
    (booster.tools.fitcache), so that only the cards changed since the last run are laid out again."""
    from booster.deck.yaml_safe import Problem
    from booster.tools.fitcache import FitCache

    deck = result.deck
    if deck is None:
        return []
    cache = FitCache()
    out = _board(result)
    for lang in sorted(deck.texts):
        names = list(deck.cards) if lang == deck.info.source_language else candidates(deck, lang)
        if not names:
            continue
        doc = result.documents.get(f"text.{lang}.yaml")
        found = overflows(deck, lang, names, cache)
        where = doc.locate([("cards", o.card) for o in found], [("cards", o.card) for o in found]) if doc else {}
        for o in found:
            line, col = where.get(("cards", o.card), (1, 1))
            out.append(Problem(doc.file if doc else lang, line, col, o.sentence(lang, deck_path)))
    cache.save()
    return out


def _board(result: Any) -> list[Any]:
    """The stage names too long for the printed board, in every language, located at their line."""
    if importlib.util.find_spec("fpdf") is None:
        return []
    from booster.deck.yaml_safe import Problem
    from booster.paper.deck_pdf import board_overflows
    from booster.paper.pen import MeasuringPen
    from booster.text.i18n import language_label

    deck, pen, out = result.deck, MeasuringPen(), []
    for lang in sorted(deck.texts):
        found = board_overflows(pen, deck, lang)
        doc = result.documents.get(f"text.{lang}.yaml")
        where = doc.locate([p for p, _ in found]) if doc else {}
        for path, name in found:
            line, col = where.get(path, (1, 1))
            out.append(
                Problem(
                    doc.file if doc else lang,
                    line,
                    col,
                    f"{'.'.join(path)}: the {language_label(lang)} stage name '{name}' does not fit its box on the "
                    "printed board even at 6 pt: shorten it (or break it with a space)",
                )
            )
    return out


def candidates(deck: Deck, lang: str) -> list[str]:
    """The cards worth measuring in `lang`: those with a text longer than its character limit in rules.yaml,
    or whose texts are longer in all than the source's. `deck check` measures every card of the source, so a
    card no longer than its source seldom overflows: a few measures instead of one per card keep it quick."""
    from booster.deck.loader import LIMIT_OF

    limits = deck.rules.limits
    cards = deck.texts.get(lang, {}).get("cards", {})
    source = deck.texts.get(deck.info.source_language, {}).get("cards", {})
    out = []
    for cid, entry in cards.items():
        if cid not in deck.cards or not isinstance(entry, dict):
            continue
        if _length(entry) > _length(source.get(cid)):
            out.append(cid)
            continue
        for field, value in entry.items():
            limit = limits.get(LIMIT_OF.get(field, ""), 0)
            texts = value.values() if isinstance(value, dict) else [value]
            if limit and any(isinstance(x, str) and len(x) > limit for x in texts):
                out.append(cid)
                break
    return out


def _length(node: Any) -> int:
    """The characters of every text in a card's entry."""
    if isinstance(node, str):
        return len(node)
    return sum(_length(v) for v in node.values()) if isinstance(node, dict) else 0
