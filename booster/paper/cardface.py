# SPDX-License-Identifier: MIT
"""One poker card, front and back, in the element order of the screen card (`booster/ui/carddraw.py`):
a kind band (kind and stage in words, pillar shape), the title, then the kind's body: challenge text and
numbered responses with their effects per pillar; tool text, numbered steps, notes and what it gains;
experience witness, testimony and advice. Every section shrinks together until the card's text fits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from booster.engine.model import Card, Deck, Option
from booster.paper import sizes as L
from booster.paper.pen import Pen, pillar_style
from booster.text import fonts
from booster.text.i18n import language_name

Chip = tuple[str, L.Colour, str]  # shape, colour, label ("+2 Soc.")


class Block(NamedTuple):
    text: str
    size: float  # points at full scale
    bold: bool = False
    colour: L.Colour = L.INK
    number: str | None = None  # at the left: in a dark disc (responses, the keys to press) or as "1." (steps)
    disc: bool = True
    chips: tuple[Chip, ...] = ()  # effects per pillar, under the text
    gap: float = L.GAP  # space above the block


def effect_chips(deck: Deck, lang: str, effect: tuple[int, ...], t: Callable[..., str]) -> tuple[Chip, ...]:
    chips = []
    for pid, v in zip(deck.rules.pillar_ids, effect, strict=False):
        if v:
            colour, shape = pillar_style(deck, pid)
            chips.append((shape, colour, f"{v:+d}".replace("-", "–") + " " + short_name(deck, lang, pid)))
    return tuple(chips)


def short_name(deck: Deck, lang: str, pid: str) -> str:
    return deck.text(lang, "pillars", pid, "short") or deck.text(lang, "pillars", pid, "name", default=pid)


def blocks(deck: Deck, lang: str, card: Card, t: Callable[..., str]) -> list[Block]:
    """The card's body, top to bottom, as the screen shows it."""
    cid = card.id
    text = deck.text(lang, "cards", cid, "text")
    out: list[Block] = []
    if card.kind in ("challenge", "follow-up"):
        # Effects stay hidden until a response is chosen: they are on the consequences sheet, not here.
        # What a team can see before choosing (which responses it is offered) stays on the card.
        out.append(Block(text, L.BODY_PT, gap=0))
        options = deck.texts_of(lang, "cards", cid, "options")
        for i, o in enumerate(card.options, 1):
            out.append(Block(options.get(o.id, o.id), L.BODY_PT, number=str(i), gap=L.GAP * 1.4))
            if condition := offered_when(deck, lang, o, t):
                out.append(Block(condition, L.SMALL_PT, colour=L.MUTED, gap=0.4))
        if card.tools:
            names = ", ".join(deck.text(lang, "cards", x, "title", default=x) for x in card.tools)
            bonus = deck.rules.tool_bonus if card.tool_bonus is None else max(card.tool_bonus)
            out.append(Block(t("helpful", bonus=bonus, tools=names), L.SMALL_PT, colour=L.MUTED, gap=L.GAP * 1.6))
    elif card.kind == "tool":
        out.append(Block(text, L.BODY_PT, gap=0))
        out.append(Block(t("steps"), L.BODY_PT, bold=True))
        for i, s in enumerate(deck.texts_of(lang, "cards", cid, "steps").values(), 1):
            out.append(Block(s, L.BODY_PT, number=str(i), disc=False, gap=L.GAP * 0.8))
        for key, line in (("when", "when_line"), ("origin", "origin_line")):
            if note := deck.text(lang, "cards", cid, key):
                out.append(Block(t(line, text=note), L.SMALL_PT, colour=L.MUTED))
        for power in card.powers:
            if power != "bonus":
                out.append(Block(t(f"power_{power}"), L.SMALL_PT, bold=True, gap=L.GAP * 1.2))
        if chips := effect_chips(deck, lang, card.effect, t):
            # The caption and the effect on one line: a chip without a shape is plain text.
            out.append(Block("", L.SMALL_PT, chips=(("", L.INK, t("gain")), *chips), gap=L.GAP * 1.6))
    elif card.kind == "experience":
        if who := deck.text(lang, "cards", cid, "who"):
            out.append(Block(who, L.SMALL_PT, colour=L.MUTED, gap=0))
        quoted = f"«\u00a0{text}\u00a0»" if lang == "fr" else f"“{text}”"
        out.append(Block(quoted, L.BODY_PT, gap=L.GAP if who else 0))
        out.append(Block(t("advice"), L.BODY_PT, bold=True, gap=L.GAP * 1.6))
        out.append(Block(deck.text(lang, "cards", cid, "advice"), L.BODY_PT, bold=True, gap=0.4))
    else:
        out.append(Block(text, L.BODY_PT + 0.6, gap=0))
    return out


def mark_names(deck: Deck, lang: str, marks: tuple[str, ...]) -> str:
    return ", ".join(deck.text(lang, "marks", m, default=m) for m in marks)


def offered_when(deck: Deck, lang: str, option: Option, t: Callable[..., str]) -> str:
    """The conditions under which a response is offered, in words ("" when it always is)."""
    parts = []
    if option.requires:
        parts.append(t("requires", marks=mark_names(deck, lang, option.requires)))
    if option.excludes:
        parts.append(t("excludes", marks=mark_names(deck, lang, option.excludes)))
    if option.unlocked_by:
        tools = ", ".join(deck.text(lang, "cards", x, "title", default=x) for x in option.unlocked_by)
        parts.append(t("unlocked_by", tools=tools))
    return " · ".join(parts)


def untranslated(deck: Deck, lang: str, card_id: str) -> bool:
    """True when `lang` is a translation that lacks some text of this card (it prints in the source)."""
    source = deck.info.source_language
    if lang == source:
        return False
    from booster.deck.coverage import lookup, text_paths

    mine = deck.texts.get(lang, {})
    entry = deck.texts.get(source, {}).get("cards", {}).get(card_id, {})
    return any(lookup(mine, ("cards", card_id, *p)) is None for p, _ in text_paths(entry))


class Fitted(NamedTuple):
    scale: float
    title: list[str]
    body: list[tuple[Block, list[str], list[list[Chip]]]]
    height: float
    fits: bool


NUM_W = 4.2  # width of the number disc column, mm at full scale
CHIP_R = 0.42  # chip shape radius, in type sizes


def _chip_rows(pen: Pen, chips: tuple[Chip, ...], width: float, size: float) -> list[list[Chip]]:
    rows: list[list[Chip]] = [[]]
    used = 0.0
    for chip in chips:
        w = _chip_width(pen, chip, size)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append(chip)
        used += w
    return rows if chips else []


def _chip_width(pen: Pen, chip: Chip, size: float) -> float:
    shape_w = size * L.PT * 1.15 if chip[0] else 0.0
    return shape_w + pen.width(chip[2], size) + size * L.PT * 0.9


def fit(
    pen: Pen, title: str, body: list[Block], width: float, height: float, top: float = 1.0, floor: float = L.MIN_SCALE
) -> Fitted:
    """The largest scale from `floor` up to `top` at which the title and every block fit (binary search;
    sizes are monotone); when even `floor` does not fit, the layout at `floor` (`fits` False)."""

    def measure(s: float) -> Fitted:
        tsize = L.TITLE_PT * s
        tl = pen.wrap(title, width, tsize, True)
        h = len(tl) * pen.line_height(tsize) + L.GAP * 1.2 * s
        laid = []
        for b in body:
            size = b.size * s
            inner = width - (NUM_W * s if b.number else 0)
            lines = pen.wrap(b.text, inner, size, b.bold) if b.text else []
            csize = L.SMALL_PT * s
            rows = _chip_rows(pen, b.chips, inner, csize)
            h += b.gap * s + len(lines) * pen.line_height(size) + len(rows) * pen.line_height(csize) * 1.05
            laid.append((b, lines, rows))
        return Fitted(s, tl, laid, h, h <= height)

    best = measure(top)
    if best.fits:
        return best
    lo, hi = floor, top
    low = measure(lo)
    if not low.fits:
        return low
    best = low
    for _ in range(6):
        mid = (lo + hi) / 2
        m = measure(mid)
        if m.fits:
            best, lo = m, mid
        else:
            hi = mid
    return best


def split(
    pen: Pen, title: str, body: list[Block], more: str, floor: float = L.FLOOR_SCALE
) -> tuple[list[Block], list[Block]]:
    """The blocks printed on the card's face and those that continue on its back, so that both are at
    least at `floor`: all on the face when they fit there. The face then ends with `more` ("Continued on
    the back"), and a heading (a bold block such as "Steps:") goes along with what follows it."""
    _, width, height = body_box()
    if fit(pen, title, body, width, height, floor, floor).fits or len(body) < 2:
        return body, []
    note = Block(more, L.SMALL_PT, colour=L.MUTED, gap=L.GAP)
    k = len(body) - 1
    while k > 1 and not fit(pen, title, [*body[:k], note], width, height, floor, floor).fits:
        k -= 1
    if body[k - 1].bold and not body[k - 1].number and k > 1:
        k -= 1  # a heading stays with its first item
    return [*body[:k], note], [body[k]._replace(gap=0), *body[k + 1 :]]


def faces(pen: Pen, deck: Deck, lang: str, card_id: str, t: Callable[..., str], more: str) -> list[list[Block]]:
    """The card's body on one face, or on two when it does not fit one at the body-text floor."""
    title = deck.text(lang, "cards", card_id, "title", default=card_id)
    front, rest = split(pen, title, blocks(deck, lang, deck.cards[card_id], t), more)
    return [front, rest] if rest else [front]


def body_box() -> tuple[float, float, float]:
    """Where the title and body go: (left offset, width, height) inside the card."""
    fw, fh = L.CARD_W - 2 * L.FRAME_INSET, L.CARD_H - 2 * L.FRAME_INSET
    top = L.BAND_H + 2.0
    return top, fw - 2 * L.PAD + 1.0, fh - L.FOOTER_H - 2.0 - top


def best_scale(pen: Pen, deck: Deck, lang: str, card_id: str, t: Callable[..., str], top: float) -> float:
    """The largest scale, up to `top`, at which the card's text fits."""
    _, width, height = body_box()
    title = deck.text(lang, "cards", card_id, "title", default=card_id)
    return fit(pen, title, blocks(deck, lang, deck.cards[card_id], t), width, height, top).scale


def draw_front(
    pen: Pen,
    deck: Deck,
    lang: str,
    card_id: str,
    x: float,
    y: float,
    t: Callable[..., str],
    scale: float = 1.0,
    number: int | None = None,
    body: list[Block] | None = None,
    continued: bool = False,
) -> Fitted:
    """Draw a card's face with its top-left corner at (x, y), text at `scale` or smaller if it does not fit;
    the layout drawn (`fits` False if even the smallest size did not fit and the text was cut). `number`
    is the card's number on the consequences sheet, shown on its band; `body` the blocks to print instead
    of the card's own (one face of a card that continues on its back, `continued` for the second)."""
    pdf = pen.pdf
    card = deck.cards[card_id]
    fx, fy = x + L.FRAME_INSET, y + L.FRAME_INSET
    fw, fh = L.CARD_W - 2 * L.FRAME_INSET, L.CARD_H - 2 * L.FRAME_INSET
    _frame(pen, fx, fy, fw, fh, L.band_colour(card.kind))
    # Kind band: the kind in words and the stage (or the pillar), and the pillar's shape.
    kind = t(card.kind)
    where = deck.text(lang, "stages", card.stage, "name", default=card.stage) if card.stage else ""
    pillar = card.pillar if card.kind in ("tool", "experience") else None
    if card.kind == "experience" and pillar:
        where = deck.text(lang, "pillars", pillar, "name", default=pillar)
    label = kind + (f" · {where}" if where else "")
    right = 0.0
    if number is not None:
        no = t("card_no", n=number)
        right = pen.width(no, L.BAND_PT, True) + 1.5
        pen.text_lines(
            [no],
            fx,
            fy + (L.BAND_H - pen.line_height(L.BAND_PT)) / 2,
            L.BAND_PT,
            True,
            align="R",
            width=fw - L.PAD + 0.8,
        )
    if pillar:
        colour, shape = pillar_style(deck, pillar)
        r = L.BAND_H * 0.27
        pen.shape(shape, fx + fw - L.PAD - r * 0.2, fy + L.BAND_H / 2, r, colour)
        right = 2 * r + 1.0
    size = L.BAND_PT
    while pen.width(label, size, True) > fw - 2 * L.PAD - right and size > 4.5:
        size -= 0.25
    pen.text_lines([label], fx + L.PAD - 0.8, fy + (L.BAND_H - pen.line_height(size)) / 2, size, True)
    # Title and body, shrunk together to fit between the band and the footer.
    off, width, avail = body_box()
    top = fy + off
    title = deck.text(lang, "cards", card_id, "title", default=card_id)
    if continued:
        title = t("continued", title=title)
    body = blocks(deck, lang, card, t) if body is None else body
    # At the body-text floor or larger; below it (warned by the caller) only rather than cut.
    f = fit(pen, title, body, width, avail, scale, L.FLOOR_SCALE)
    if not f.fits:
        f = fit(pen, title, body, width, avail, scale)
    left = fx + L.PAD - 0.5
    # Each text's box width is given: a right-to-left line is set against its right edge.
    cy = top + pen.text_lines(f.title, left, top, L.TITLE_PT * f.scale, True, width=width) + L.GAP * 1.2 * f.scale
    for b, lines, rows in f.body:
        s = f.scale
        size, csize = b.size * s, L.SMALL_PT * s
        cy += b.gap * s
        bx = left
        # A right-to-left response or step has its number at the right, where its reader starts.
        rtl = bool(b.number) and fonts.is_rtl(b.text)
        nx = left + width - NUM_W * s + 0.6 if rtl else left
        if b.number and b.disc:
            r = size * L.PT * 0.62
            lh = pen.line_height(size)
            dx = nx + NUM_W * s - 2 * r - 0.7 if rtl else nx + 0.1
            pdf.set_fill_color(*L.INK)
            pdf.ellipse(dx, cy + lh / 2 - r, 2 * r, 2 * r, style="F")
            small = size * 0.85
            top_n = cy + lh / 2 - pen.line_height(small) / 2
            pen.text_lines([b.number], dx, top_n, small, True, L.PAPER, align="C", width=2 * r)
        elif b.number:
            mark = f"{b.number}."
            pen.text_lines([mark], nx, cy, size, True, align="R" if rtl else "L", width=NUM_W * s - 0.6)
        if b.number and not rtl:
            bx = left + NUM_W * s
        text_w = width - NUM_W * s if b.number else width
        cy += pen.text_lines(lines, bx, cy, size, b.bold, b.colour, width=text_w)
        for row in rows:
            cx = bx
            lh = pen.line_height(csize)
            for shape, colour, text in row:
                if shape:
                    rr = csize * L.PT * CHIP_R
                    pen.shape(shape, cx + rr + 0.1, cy + lh / 2 + 0.05, rr, colour)
                    cx += csize * L.PT * 1.15
                pen.text_lines([text], cx, cy, csize, True, colour if not shape else L.INK)
                cx += pen.width(text, csize, True) + csize * L.PT * 0.9
            cy += lh * 1.05
    # Footer: the licence and the card id, so a lost card can be found and reprinted.
    fsize = L.FOOTER_PT
    fy2 = fy + fh - L.FOOTER_H
    foot = "CC BY-SA 4.0"
    if untranslated(deck, lang, card_id):  # printed in the source language: say so on the card
        foot += " · " + t("untranslated", lang=language_name(deck.info.source_language))
    pen.text_lines([foot], fx + L.PAD - 0.8, fy2, fsize, colour=L.MUTED)
    pen.text_lines([card_id], fx, fy2, fsize, colour=L.MUTED, align="R", width=fw - L.PAD + 0.8)
    return f


def _frame(pen: Pen, x: float, y: float, w: float, h: float, band: L.Colour) -> None:
    pdf = pen.pdf
    pdf.set_line_width(0.25)
    pdf.set_draw_color(*L.LINE_GREY)
    pdf.set_fill_color(*L.PAPER)
    pdf.rect(x, y, w, h, style="DF", round_corners=True, corner_radius=L.RADIUS)
    # The band: rounded on top, square where it meets the body (as on screen).
    pdf.set_fill_color(*band)
    pdf.rect(x, y, w, L.BAND_H, style="F", round_corners=True, corner_radius=L.RADIUS)
    pdf.rect(x, y + L.BAND_H - L.RADIUS, w, L.RADIUS, style="F")
    pdf.set_draw_color(*L.INK)
    pdf.set_line_width(0.3)
    pdf.line(x, y + L.BAND_H, x + w, y + L.BAND_H)
    pdf.set_draw_color(*L.LINE_GREY)
    pdf.set_line_width(0.25)
    pdf.rect(x, y, w, h, style="D", round_corners=True, corner_radius=L.RADIUS)


def draw_back(pen: Pen, deck: Deck, lang: str, card_id: str, x: float, y: float, t: Callable[..., str]) -> None:
    """A card's back: which pile it goes to (kind and stage, or the experience pile's pillar), in words."""
    card = deck.cards[card_id]
    fx, fy = x + L.FRAME_INSET, y + L.FRAME_INSET
    fw, fh = L.CARD_W - 2 * L.FRAME_INSET, L.CARD_H - 2 * L.FRAME_INSET
    pdf = pen.pdf
    pdf.set_line_width(0.25)
    pdf.set_draw_color(*L.LINE_GREY)
    pdf.set_fill_color(*L.band_colour(card.kind))
    pdf.rect(fx, fy, fw, fh, style="DF", round_corners=True, corner_radius=L.RADIUS)
    pdf.set_fill_color(*L.PAPER)
    pdf.rect(fx + 3, fy + 3, fw - 6, fh - 6, style="F", round_corners=True, corner_radius=L.RADIUS * 0.7)
    title = deck.text(lang, "deck", "title", default=deck.info.id)
    inner = fw - 10
    lines = pen.wrap(title, inner, 8)
    pen.text_lines(lines, fx + 5, fy + 8, 8, True, L.MUTED, align="C", width=inner)
    kind = t(card.kind)
    size = 15.0
    while pen.width(kind, size, True) > inner and size > 8:
        size -= 0.5
    mid = fy + fh / 2
    pen.text_lines([kind], fx + 5, mid - 12, size, True, align="C", width=inner)
    sub = ""
    if card.stage:
        n = deck.rules.stage_ids.index(card.stage) + 1 if card.stage in deck.rules.stage_ids else 0
        sub = deck.text(lang, "stages", card.stage, "name", default=card.stage)
        pen.text_lines([f"{n}"], fx + 5, mid + 1, 24, True, L.MUTED, align="C", width=inner)
    elif card.pillar:
        colour, shape = pillar_style(deck, card.pillar)
        pen.shape(shape, fx + fw / 2, mid + 6, 6.5, colour)
        sub = deck.text(lang, "pillars", card.pillar, "name", default=card.pillar)
    if sub:
        sl = pen.wrap(sub, inner, 10, True)
        pen.text_lines(sl, fx + 5, mid + 15, 10, True, align="C", width=inner)


def order(deck: Deck) -> list[list[str]]:
    """Cards grouped by kind (each kind starts a new sheet), stages and pillars in play order."""
    stages = {s: i for i, s in enumerate(deck.rules.stage_ids)}
    pillars = {p: i for i, p in enumerate(deck.rules.pillar_ids)}
    kinds = ("challenge", "follow-up", "tool", "experience", "scenario", "credits")
    groups = []
    for kind in kinds:
        cards = [c for c in deck.cards.values() if c.kind == kind]
        cards.sort(key=lambda c: (stages.get(c.stage or "", -1), pillars.get(c.pillar or "", -1)))  # stable
        if cards:
            groups.append([c.id for c in cards])
    return groups
