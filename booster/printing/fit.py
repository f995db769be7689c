# SPDX-License-Identifier: MIT
"""Whether a card's texts fit its printed card, judged with the card's real font and layout (issue 13 §4).

A character limit cannot judge a translation: German words are longer, Chinese ones shorter, and a short
text with long words may need more lines than a long one. What matters is whether the card's texts fit
its box at the smallest legible size (LEGIBLE_SCALE of the printed card's type sizes). A card that does not
is reported with how much it overflows, in lines and about how many characters to cut, so that the
translator knows what to do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from booster.engine.model import Deck
from booster.printing import cardface
from booster.printing import sizes as L

# The smallest scale of the card's type sizes a player still reads at arm's length: the core deck's own
# source texts are printed at this size or larger. (The printer itself shrinks further before it clips.)
LEGIBLE_SCALE = 0.75


class Overflow(NamedTuple):
    card: str
    lines: int  # lines of body text beyond the box at the smallest legible size
    chars: int  # about how many characters that is

    def sentence(self, lang: str) -> str:
        return (
            f"cards.{self.card}: the {lang} texts do not fit the card even at the smallest legible size: they "
            f"overflow by about {self.lines} line{'s' if self.lines != 1 else ''} (about {self.chars} "
            f"characters to cut); booster deck preview --lang {lang} --card {self.card} shows it"
        )


def _pen():  # type: ignore[no-untyped-def]
    from fpdf import FPDF

    from booster.printing.pen import Pen

    pdf = FPDF(unit="mm")
    pdf.add_page()
    return Pen(pdf)


def overflows(deck: Deck, lang: str, cards: Iterable[str] | None = None) -> list[Overflow]:
    """The cards (all, or those named) whose `lang` texts overflow their printed card."""
    from booster.i18n import print_labels

    pen = _pen()
    t = print_labels(lang)
    _, width, height = cardface.body_box()
    size = L.BODY_PT * LEGIBLE_SCALE
    line = pen.line_height(size)
    per_line = max(1, int(width / (pen.width("abcdefghij klmnopqrst", size) / 21)))
    out = []
    for cid in cards if cards is not None else deck.cards:
        title = deck.text(lang, "cards", cid, "title", default=cid)
        # Measured once, at the smallest legible size: the question is only whether it fits there.
        blocks = cardface.blocks(deck, lang, deck.cards[cid], t)
        fitted = cardface.fit(pen, title, blocks, width, height, LEGIBLE_SCALE, LEGIBLE_SCALE)
        if fitted.fits:
            continue
        lines = max(1, round((fitted.height - height) / line + 0.49))
        out.append(Overflow(cid, lines, lines * per_line))
    return out


def candidates(deck: Deck, lang: str) -> list[str]:
    """The cards with a `lang` text longer than its character limit in rules.yaml: the only ones that may
    not fit (the limits are what the source texts fit in), so the only ones worth measuring."""
    from booster.deck.loader import LIMIT_OF

    limits = deck.rules.limits
    cards = deck.texts.get(lang, {}).get("cards", {})
    out = []
    for cid, entry in cards.items():
        if cid not in deck.cards or not isinstance(entry, dict):
            continue
        for field, value in entry.items():
            limit = limits.get(LIMIT_OF.get(field, ""), 0)
            texts = value.values() if isinstance(value, dict) else [value]
            if limit and any(isinstance(x, str) and len(x) > limit for x in texts):
                out.append(cid)
                break
    return out
