# SPDX-License-Identifier: MIT
"""Draws one card into a logical rectangle: the card scene, `booster deck preview` and the exchange all
use this, so a translator's preview is exactly what the room will see.

Sections (title, situation, options, steps...) get their natural height when it fits; otherwise every
section's box shrinks in proportion and its text shrinks to fit (the text layer never overflows a box).
Below the type scale's floor nothing shrinks: `draw_card` then says by how much the texts overflow the card
(a `Spill`), which `booster.tools.fit` turns into lines and characters for the translator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any, NamedTuple

import pygame

from booster.engine.model import Deck
from booster.ui import theme
from booster.ui.i18n import MARK_CLOSE, MARK_OPEN
from booster.ui.paint import BODY, FLOOR, LARGE, SMALL, Hit, LRect, Painter

CARD_SIZE = (1270, 950)  # the card box in the card scene, in logical units; previews use the same
TOOL_SIZE = (1840, 840)  # tool cards are wide: the method's steps sit beside its description
EXPERIENCE_SIZE = (1200, 900)  # experience cards are shown on the debrief's pages, beside their team
CARD_TITLE = 60


def card_size(kind: str) -> tuple[int, int]:
    """The box the game draws a card of this kind in (and `deck preview`, and the screen fit measure)."""
    return {"tool": TOOL_SIZE, "experience": EXPERIENCE_SIZE}.get(kind, CARD_SIZE)


class Spill(NamedTuple):
    """How far a card's texts run past the card at the smallest size they may take (logical units)."""

    over: float = 0.0  # height of text below the card's bottom edge, or cut from a box
    line: float = 1.0  # the line height of the body text at that size
    width: float = 1.0  # the width of the column that overflows

    def worst(self, other: Spill) -> Spill:
        return other if other.over > self.over else self


class OptionState(NamedTuple):
    focus: int | None = None  # index of the highlighted option
    armed: bool = False  # the next "go on" confirms the highlighted option
    chosen: str | None = None  # the option taken (shown after the choice)
    on_option: Callable[[int], None] | None = None  # click handler; None: not clickable
    offered: tuple[str, ...] | None = None  # the responses the team is offered (None: every one)


def card_text(deck: Deck, lang: str, *path: str, mark: bool = False) -> str:
    """A deck text; in translator preview, a fallback to the source language is marked."""
    text = deck.text(lang, *path)
    if mark and text and not _has(deck.texts.get(lang), path):
        return f"{MARK_OPEN}{text}{MARK_CLOSE}"
    return text


def card_texts(deck: Deck, lang: str, *path: str, mark: bool = False) -> dict[str, str]:
    items = deck.texts_of(lang, *path)
    if not mark:
        return items
    own = deck.texts.get(lang)
    return {k: (v if _has(own, (*path, k)) else f"{MARK_OPEN}{v}{MARK_CLOSE}") for k, v in items.items()}


def _has(node: Any, path: tuple[str, ...]) -> bool:
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return isinstance(node, str)


def natural_height(p: Painter, text: str, width: float, size: float, bold: bool = False, at_most: float = 0) -> float:
    """Height (logical) of `text` wrapped at `width` at its full size; with `at_most`, a little more than
    that when it is taller (a huge text is then not laid out to its end)."""
    px = max(p.font_px(size), p.floor_px())  # as the painter draws it
    lh = p.tr.line_height(px, bold)
    limit = int(at_most * p.layout.k / lh) + 1 if at_most else 0
    lines = p.tr.wrap(text, px, bold, max(1, p.r((0, 0, width, 1)).width), limit)
    return len(lines) * lh / p.layout.k


Item = tuple[str, float, float, bool, float]  # text, width, size, bold, extra height (padding)


def fit_stack(
    p: Painter, items: Sequence[Item], gap: float, available: float, start: float = 1.0
) -> tuple[float, list[float]]:
    """One text factor for a whole stack of texts, so they shrink together and keep the same size;
    returns (factor, heights at that factor). Short texts may grow (start > 1): larger reads better from
    the back of the room. Never below the type scale's floor: a text too long for its card at the floor is
    cut by the text layer (and the layout tests say so). A text that reaches the floor stays there while the
    larger ones go on shrinking, down to the floor too."""
    largest = max((size for text, _w, size, _b, _e in items if text), default=FLOOR)
    f = start
    while True:
        heights = [
            max(extra, natural_height(p, text, width, size * f, bold, available) + extra if text else extra)
            for text, width, size, bold, extra in items
        ]
        # The floor in logical units ("-" lowers it, "+" does not raise it): see Painter.floor_px.
        too_small = largest * f * 0.93 * p.text_scale < FLOOR * min(1.0, p.text_scale)
        if sum(heights) + gap * len(items) <= available or too_small or f < 0.05:
            return f, heights
        f *= 0.93


def draw_card(
    p: Painter,
    deck: Deck,
    lang: str,
    card_id: str,
    box: LRect,
    t: Callable[..., str],
    options: OptionState | None = None,
    mark: bool = False,
) -> Spill:
    """Draws the card into `box`; returns how far its texts run past the card (`Spill.over` 0: they fit)."""
    card = deck.cards[card_id]
    x, y, w, h = box
    p.panel(box, theme.PANEL, theme.INK, 4, 24)
    # Kind band: the kind in words (not only colour) and the stage.
    band = 72
    p.panel((x, y, w, band), theme.HIGHLIGHT if card.kind == "tool" else theme.PRIMARY, None, radius=24)
    p.panel((x, y + band - 24, w, 24), theme.HIGHLIGHT if card.kind == "tool" else theme.PRIMARY, None, radius=0)
    pygame_line(p, x, y + band, w)
    kind = t(f"card.{card.kind}")
    where = card_text(deck, lang, "stages", card.stage, "name", mark=mark) if card.stage else ""
    if card.kind == "experience" and card.pillar:
        where = card_text(deck, lang, "pillars", card.pillar, "name", mark=mark) or card.pillar
        idx = deck.rules.pillar_ids.index(card.pillar) if card.pillar in deck.rules.pillar_ids else 0
        colour, shape = theme.pillar_style(deck.rules.pillars, idx)
        p.shape(shape, (x + w - 50, y + band / 2), 24, colour)
    p.text(
        kind + (f" · {where}" if where else ""),
        (x + 30, y + 8, w - 110, band - 16),
        SMALL,
        bold=True,
        valign="middle",
        max_lines=1,
    )
    pad = 40
    ix, iw = x + pad, w - 2 * pad
    top = y + band + 20
    margin = 28
    bottom = y + h - margin
    title = card_text(deck, lang, "cards", card_id, "title", mark=mark) or card_id
    th = min(natural_height(p, title, iw, CARD_TITLE, True), 2.1 * CARD_TITLE * 1.37)
    p.text(title, (ix, top, iw, th), CARD_TITLE, bold=True, max_lines=2)
    spill = _cut_lines(p, title, iw, 2, True)
    top += th + 16
    avail = bottom - top
    inner = (ix, top, iw, avail)
    if card.kind in ("challenge", "follow-up"):
        end = _challenge(p, deck, lang, card_id, inner, options or OptionState(), mark)
    elif card.kind == "tool":
        end = _tool(p, deck, lang, card_id, inner, t, mark)
    elif card.kind == "experience":
        end = _experience(p, deck, lang, card_id, inner, t, mark)
    else:
        text = card_text(deck, lang, "cards", card_id, "text", mark=mark)
        p.text(text, inner, LARGE)
        end = _cut_lines(p, text, iw, int(avail * p.layout.k // p.tr.line_height(p.floor_px())))
    # Text that runs into the bottom margin is still on the card and read whole: only past the border counts.
    return spill.worst(end._replace(over=max(0.0, end.over - (margin - 6))))


def _line(p: Painter, size: float, bold: bool = False) -> float:
    """The line height (logical) of text drawn at `size` (never below the floor, as the painter draws it)."""
    return p.tr.line_height(max(p.font_px(size), p.floor_px()), bold) / p.layout.k


def _cut_lines(p: Painter, text: str, width: float, room: int, bold: bool = False) -> Spill:
    """The lines of `text` beyond `room` lines at the floor: what the text layer cuts with "…"."""
    px = p.floor_px()
    lines = len(p.tr.wrap(text, px, bold, max(1, p.r((0, 0, width, 1)).width), room + 40)) if text else 0
    line = p.tr.line_height(px, bold) / p.layout.k
    return Spill(max(0, lines - room) * line, line, width)


def _past(p: Painter, end: float, bottom: float, size: float, width: float) -> Spill:
    """How far a stack of texts that ends at `end` runs past `bottom`, in lines of text at `size`."""
    return Spill(max(0.0, end - bottom), _line(p, size), width)


def pygame_line(p: Painter, x: float, y: float, w: float) -> None:
    pygame.draw.line(p.surface, theme.INK, p.layout.point(x, y), p.layout.point(x + w, y), p.px(3))


def _challenge(p: Painter, deck: Deck, lang: str, card_id: str, box: LRect, st: OptionState, mark: bool) -> Spill:
    x, y, w, h = box
    text = card_text(deck, lang, "cards", card_id, "text", mark=mark)
    texts = card_texts(deck, lang, "cards", card_id, "options", mark=mark)
    card = deck.cards[card_id]
    shown = [o for o in card.options if st.offered is None or o.id in st.offered]
    labels = [texts.get(o.id, o.id) for o in shown]
    badge = 64
    ow = w - badge - 50
    gap = 14
    f, heights = fit_stack(
        p, [(text, w, BODY, False, 0)] + [(s, ow, BODY, False, 16) for s in labels], gap, h, start=1.25
    )
    heights[1:] = [max(badge + 8, hh) for hh in heights[1:]]
    p.text(text, (x, y, w, heights[0]), BODY * f)
    cy = y + heights[0] + gap + 6
    for i, (opt, label, oh) in enumerate(zip(shown, labels, heights[1:], strict=True)):
        focused = st.focus == i
        chosen = st.chosen == opt.id
        fill = theme.PRIMARY if (focused and st.armed) or chosen else theme.PANEL
        obox = (x, cy, w, oh)
        rect = p.panel(obox, fill, theme.FOCUS if focused or chosen else theme.LINE, 8 if focused or chosen else 3, 16)
        if focused:
            p.marker(x - 36, cy + oh / 2, 18)
        # The number is the key to press: a dark disc with a light digit, readable in grey.
        bc = (x + 14 + badge / 2, cy + oh / 2)
        pygame.draw.circle(p.surface, theme.INK, p.layout.point(*bc), badge / 2 * p.layout.k)
        p.text(
            str(i + 1),
            (bc[0] - badge / 2, bc[1] - badge / 2, badge, badge),
            LARGE,
            bold=True,
            colour=(255, 255, 255),
            align="center",
            valign="middle",
            max_lines=1,
        )
        p.text(label, (x + badge + 32, cy + 6, ow, oh - 12), BODY * f, bold=chosen, valign="middle")
        if st.on_option is not None:
            p.hits.append(Hit(rect, partial(st.on_option, i), f"option {i + 1}"))
        cy += oh + gap
    return _past(p, cy - gap, y + h, BODY * f, ow)


def _tool(p: Painter, deck: Deck, lang: str, card_id: str, box: LRect, t: Callable[..., str], mark: bool) -> Spill:
    x, y, w, h = box
    text = card_text(deck, lang, "cards", card_id, "text", mark=mark)
    steps = list(card_texts(deck, lang, "cards", card_id, "steps", mark=mark).values())
    when = card_text(deck, lang, "cards", card_id, "when", mark=mark)
    origin = card_text(deck, lang, "cards", card_id, "origin", mark=mark)
    num_w = 60
    notes = [("text", text)]
    if when:
        notes.append(("note", t("card.when_line", text=when)))
    if origin:
        notes.append(("note", t("card.origin_line", text=origin)))
    method = [("head", t("card.steps"))] + [("step", s) for s in steps]
    if w > 1400:  # wide card: description on the left, the method's steps on the right
        half = (w - 60) / 2
        left = _tool_column(p, notes, (x, y, half, h), 0)
        right = _tool_column(p, method, (x + half + 60, y, half, h), 0)
        pygame.draw.line(
            p.surface, theme.LINE, p.layout.point(x + half + 30, y), p.layout.point(x + half + 30, y + h), p.px(2)
        )
        return left.worst(right)
    return _tool_column(p, [notes[0], *method, *notes[1:]], box, num_w)


def _tool_column(p: Painter, parts: list[tuple[str, str]], box: LRect, num_w: float = 0) -> Spill:
    x, y, w, h = box
    num_w = num_w or 60
    gap = 12
    items = [
        (s, w - num_w if kind == "step" else w, SMALL if kind == "note" else BODY, kind == "head", 0)
        for kind, s in parts
    ]
    f, heights = fit_stack(p, items, gap, h)
    cy, n = y, 0
    for (kind, s), hh in zip(parts, heights, strict=True):
        if kind == "step":
            n += 1
            p.text(f"{n}.", (x, cy, num_w, hh), BODY * f, bold=True, max_lines=1)
            p.text(s, (x + num_w, cy, w - num_w, hh), BODY * f)
        else:
            p.text(
                s,
                (x, cy, w, hh),
                (SMALL if kind == "note" else BODY) * f,
                bold=kind == "head",
                colour=theme.MUTED if kind == "note" else theme.INK,
            )
        cy += hh + gap
    return _past(p, cy - gap, y + h, BODY * f, w - num_w)


def _experience(
    p: Painter, deck: Deck, lang: str, card_id: str, box: LRect, t: Callable[..., str], mark: bool
) -> Spill:
    x, y, w, h = box
    who = card_text(deck, lang, "cards", card_id, "who", mark=mark)
    text = card_text(deck, lang, "cards", card_id, "text", mark=mark)
    advice = card_text(deck, lang, "cards", card_id, "advice", mark=mark)
    parts = ([("who", who)] if who else []) + [
        ("text", f"« {text} »" if lang == "fr" else f"“{text}”"),
        ("head", t("card.advice")),
        ("advice", advice),
    ]
    gap = 16
    f, heights = fit_stack(
        p, [(s, w, SMALL if k == "who" else BODY, k in ("head", "advice"), 0) for k, s in parts], gap, h, start=1.2
    )
    cy = y
    for (kind, s), hh in zip(parts, heights, strict=True):
        p.text(
            s,
            (x, cy, w, hh),
            (SMALL if kind == "who" else BODY) * f,
            bold=kind in ("head", "advice"),
            colour=theme.MUTED if kind == "who" else theme.INK,
        )
        cy += hh + gap
    return _past(p, cy - gap, y + h, BODY * f, w)
