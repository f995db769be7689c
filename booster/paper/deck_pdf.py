# SPDX-License-Identifier: MIT
"""`booster deck print PATH --lang L -o deck.pdf [--paper a4|letter] [--backs]`: print and play.

The PDF holds a rules sheet, a board with the stages and the pillars' score tracks, the cards (poker size,
63x88 mm, 3x3 a page, the block centred, cut lines in the margins running to the page edge) and a credits
page with the CC BY-SA attribution, then the landscape board. The effects of the responses are not on the
cards: a sheet of effects and consequences, keyed by card and response number, is read after each choice
(issue 10 §5). With --backs, each page of fronts is on an odd page (a blank page is added where needed) and
is followed by its backs, columns mirrored, so that a duplex print flipped on the long edge puts each back
behind its front. Each kind of card starts a new sheet: every back on a sheet is then of one pile.
"""

from __future__ import annotations

import argparse
import datetime
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from booster.files import write_atomic
from booster.paper import sizes as L


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="deck folder, e.g. cards/core")
    parser.add_argument("--lang", help="language of the texts (default: the deck's source language)")
    parser.add_argument("-o", "--output", help="PDF file to write (default: DECK-LANG.pdf)")
    parser.add_argument("--paper", choices=tuple(L.PAPERS), default="a4", help="paper size (default: a4)")
    parser.add_argument("--backs", action="store_true", help="add card backs after each page, for duplex printing")
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")


def main(args: argparse.Namespace) -> int:
    from booster.deck.loader import load_deck

    start = time.perf_counter()
    result = load_deck(args.path)
    if result.deck is None:
        for p in result.problems:
            print(p)
        n = len(result.problems)
        print(
            f"{n} problem{'s' if n != 1 else ''} found: fix {'them' if n != 1 else 'it'} (booster deck check) "
            "before printing",
            file=sys.stderr,
        )
        return 1
    deck = result.deck
    lang = args.lang or deck.info.source_language
    if lang in result.refused:  # a broken translation is not printed; the other languages still are
        for p in result.refused[lang]:
            print(p)
        n = len(result.refused[lang])
        print(
            f"text.{lang}.yaml has {n} problem{'s' if n != 1 else ''}: fix {'them' if n != 1 else 'it'} before "
            "printing it",
            file=sys.stderr,
        )
        return 1
    if lang not in deck.texts:
        print(f"note: the deck has no text.{lang}.yaml; every text is in {deck.info.source_language}", file=sys.stderr)
    out = Path(args.output or f"{deck.info.id}-{lang}.pdf")
    from booster.deck.loader import deck_files
    from booster.files import RefusedWrite, check_output

    read = deck_files(Path(args.path))
    try:  # before the work: never over the deck it prints, nor a save, nor a file without --force
        check_output(out, read, decks=[args.path], force=args.force)
    except RefusedWrite as e:
        print(f"cannot write {out}: {e}", file=sys.stderr)
        return 2
    doc = build(deck, lang, args.paper, args.backs)
    for w in doc.warnings:
        print(f"warning: {w}", file=sys.stderr)
    try:
        write_atomic(out, bytes(doc.pdf.output()), read)
    except OSError as e:
        print(f"cannot write {out}: {e.strerror or e}", file=sys.stderr)
        return 1
    n = len(deck.cards)
    print(
        f"wrote {out}: {doc.pdf.pages_count} pages, {n} cards{' with backs' if args.backs else ''}, "
        f"{args.paper}, language {lang}, in {time.perf_counter() - start:.1f} s"
    )
    return 0


GROW = {"challenge": 1.1, "tool": 1.1, "experience": 1.25, "scenario": 1.4, "credits": 1.3}


class PrintedDeck:
    def __init__(self, pdf: Any, warnings: list[str]) -> None:
        self.pdf = pdf
        self.warnings = warnings


def build(deck: Any, lang: str, paper: str = "a4", backs: bool = False, today: str | None = None) -> PrintedDeck:
    """The whole print-and-play document, in memory."""
    from fpdf import FPDF

    from booster.paper import cardface
    from booster.paper.pen import Pen
    from booster.text.i18n import print_labels

    t = print_labels(lang)
    pdf = FPDF(unit="mm", format=L.PAPERS[paper])
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0
    title = deck.text(lang, "deck", "title", default=deck.info.id)
    pdf.set_title(title)
    pdf.set_author(", ".join(deck.info.authors.values()))
    pdf.set_subject(f"Print and play, {lang}, licence {deck.info.licence}")
    pdf.set_creator("Social Impact Booster")
    pdf.set_lang(lang)
    pen = Pen(pdf)
    warnings: list[str] = []

    rules_sheet(pen, deck, lang, t, paper)
    x0, y0 = L.grid_origin(paper)
    groups = cardface.order(deck)
    numbers = sheet_numbers(deck, groups)
    more = t("continued_back" if backs else "continued_next")
    floor_pt = L.BODY_PT * L.FLOOR_SCALE

    def drawn(cid: str, f: Any, second: bool) -> None:
        """Say what a reader of the printed card would notice: text cut, or smaller than the floor."""
        where = f"card '{cid}'" + (" (its continuation)" if second else "")
        if not f.fits:
            warnings.append(f"{where}: its text is too long for a printed card, even continued, and was cut")
        elif f.scale < L.FLOOR_SCALE - 1e-6:
            warnings.append(
                f"{where}: body text printed at {L.BODY_PT * f.scale:.1f} pt, below the {floor_pt:.1f} pt floor"
            )

    for group in groups:
        # One type size for a kind: the largest every card of it fits at (cards side by side look alike);
        # kinds with little text (scenarios, experiences) may grow to fill the card.
        top = GROW.get(deck.cards[group[0]].kind, 1.0)
        scale = min(cardface.best_scale(pen, deck, lang, cid, t, top) for cid in group) if top > 1 else 1.0
        scale = max(scale, 1.0)
        # A card that does not fit one face at the floor continues on its back, or without backs on a
        # second card printed after it.
        split = {cid: cardface.faces(pen, deck, lang, cid, t, more) for cid in group}
        for cid, parts in split.items():
            if len(parts) > 1:
                warnings.append(f"card '{cid}': its text continues on {'its back' if backs else 'a second card'}")
        slots = [(cid, i, body) for cid in group for i, body in enumerate(split[cid][: 1 if backs else 2])]
        for i in range(0, len(slots), L.COLS * L.ROWS):
            page = slots[i : i + L.COLS * L.ROWS]
            if backs and pdf.page_no() % 2:
                # Fronts on odd pages, their backs on the even page after: the two sides of one sheet.
                blank_page(pen, paper, t)
            pdf.add_page()
            crop_marks(pdf, paper)
            for k, (cid, part, body) in enumerate(page):
                r, c = divmod(k, L.COLS)
                x, y = x0 + c * L.CARD_W, y0 + r * L.CARD_H
                num = numbers.get(cid)
                drawn(cid, cardface.draw_front(pen, deck, lang, cid, x, y, t, scale, num, body, part > 0), part > 0)
            if backs:
                pdf.add_page()
                crop_marks(pdf, paper)
                for k, (cid, _, _) in enumerate(page):
                    r, c = divmod(k, L.COLS)
                    c = L.COLS - 1 - c  # long-edge flip: left and right swap
                    x, y = x0 + c * L.CARD_W, y0 + r * L.CARD_H
                    if len(split[cid]) > 1:
                        f = cardface.draw_front(pen, deck, lang, cid, x, y, t, scale, None, split[cid][1], True)
                        drawn(cid, f, True)
                    else:
                        cardface.draw_back(pen, deck, lang, cid, x, y, t)
    if numbers:
        consequences_sheet(pen, deck, lang, t, paper, numbers)
    credits_page(pen, deck, lang, t, paper, today or datetime.date.today().isoformat())
    # The landscape board last, so that it never shifts the pairing of fronts and backs.
    board(pen, deck, lang, t, paper, warnings)
    return PrintedDeck(pdf, warnings)


def sheet_numbers(deck: Any, groups: list[list[str]]) -> dict[str, int]:
    """The number of each card with responses, in print order: how the consequences sheet names it."""
    ids = [cid for group in groups for cid in group if deck.cards[cid].options]
    return {cid: n for n, cid in enumerate(ids, 1)}


def blank_page(pen: Any, paper: str, t: Callable[..., str]) -> None:
    pen.pdf.add_page(orientation="P")
    pw, ph = L.PAPERS[paper]
    pen.text_lines([t("blank")], MARGIN, ph / 2, 8, colour=L.MUTED, align="C", width=pw - 2 * MARGIN)


def effect_words(deck: Any, lang: str, effect: tuple[int, ...], t: Callable[..., str]) -> str:
    from booster.paper.cardface import short_name

    parts = [
        f"{v:+d}".replace("-", "–") + " " + short_name(deck, lang, pid)
        for pid, v in zip(deck.rules.pillar_ids, effect, strict=False)
        if v
    ]
    return ", ".join(parts) or t("no_effect")


def consequences_sheet(
    pen: Any, deck: Any, lang: str, t: Callable[..., str], paper: str, numbers: dict[str, int]
) -> None:
    """Effects and consequences of every response, keyed by card number and response number (issue 10 §5):
    the cards show the responses only, so a table-top session keeps the surprise."""
    from booster.paper.cardface import mark_names

    f = _Flow(pen, paper)
    f.text(t("consequences_title"), 18, True, after=2)
    f.text(t("consequences_intro"), 9.5, colour=L.MUTED, after=3)
    for cid, n in numbers.items():
        card = deck.cards[cid]
        title = deck.text(lang, "cards", cid, "title", default=cid)
        f.heading(f"{t('card_no', n=n)} · {title}", 10.5)
        texts = deck.texts_of(lang, "cards", cid, "consequences")
        for i, o in enumerate(card.options, 1):
            f.text(f"{i}.  {effect_words(deck, lang, o.effect, t)}", 9.5, True, indent=2, after=0.4)
            lines = []
            if what := texts.get(o.id):
                lines.append(what)
            for a in o.adjust:
                key = "if_mark" if a.held else "unless_mark"
                lines.append(
                    t(key, mark=mark_names(deck, lang, (a.mark,)), effect=effect_words(deck, lang, a.effect, t))
                )
            if o.marks:
                lines.append(t("leaves", marks=mark_names(deck, lang, o.marks)))
            if o.clears:
                lines.append(t("clears", marks=mark_names(deck, lang, o.clears)))
            if o.follow_up and o.follow_up in numbers:
                later = deck.text(lang, "cards", o.follow_up, "title", default=o.follow_up)
                lines.append(t("follow_up_line", n=numbers[o.follow_up], title=later))
            if o.echoes:
                cards = ", ".join(deck.text(lang, "cards", e, "title", default=e) for e in o.echoes)
                lines.append(t("echoes", cards=cards))
            for line in lines:
                f.text(line, 9, indent=7, after=0.4)
            f.y += 1.0


def crop_marks(pdf: Any, paper: str) -> None:
    """Cut lines at every card edge, across the margins to the page edge, never over a card."""
    pw, ph = L.PAPERS[paper]
    x0, y0 = L.grid_origin(paper)
    x1, y1 = x0 + L.COLS * L.CARD_W, y0 + L.ROWS * L.CARD_H
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(L.MARK_WIDTH)
    g = L.MARK_GAP
    for c in range(L.COLS + 1):
        x = x0 + c * L.CARD_W
        pdf.line(x, 0, x, y0 - g)
        pdf.line(x, y1 + g, x, ph)
    for r in range(L.ROWS + 1):
        y = y0 + r * L.CARD_H
        pdf.line(0, y, x0 - g, y)
        pdf.line(x1 + g, y, pw, y)


# -- sheets -------------------------------------------------------------------------------------------

MARGIN = 16.0


class _Flow:
    """Headings and paragraphs down a page, with a page break when the next one does not fit."""

    def __init__(self, pen: Any, paper: str, landscape: bool = False) -> None:
        self.pen, self.pdf = pen, pen.pdf
        self.w, self.h = L.PAPERS[paper][::-1] if landscape else L.PAPERS[paper]
        self.landscape = landscape
        self.y = MARGIN
        self.pdf.add_page(orientation="L" if landscape else "P")

    def _room(self, h: float) -> None:
        if self.y + h > self.h - MARGIN:
            self.pdf.add_page(orientation="L" if self.landscape else "P")
            self.y = MARGIN

    def text(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        colour: L.Colour = L.INK,
        indent: float = 0.0,
        after: float = 1.6,
    ) -> None:
        pen = self.pen
        lines = pen.wrap(text, self.w - 2 * MARGIN - indent, size, bold)
        lh = pen.line_height(size)
        i = 0
        while i < len(lines):  # page by page, for a paragraph longer than what is left
            self._room(lh)
            n = max(1, min(len(lines) - i, int((self.h - MARGIN - self.y) // lh)))
            self.y += pen.text_lines(lines[i : i + n], MARGIN + indent, self.y, size, bold, colour)
            i += n
        self.y += after

    def heading(self, text: str, size: float = 12) -> None:
        self._room(self.pen.line_height(size) * 3)  # never a heading alone at the foot of a page
        self.y += 2.5
        self.text(text, size, True, after=1.2)

    def shape_line(self, shape: str, colour: L.Colour, text: str, size: float = 10, bold: bool = True) -> None:
        lh = self.pen.line_height(size)
        self._room(lh)
        self.pen.shape(shape, MARGIN + 2.2, self.y + lh / 2, 2.0, colour)
        self.text(text, size, bold, indent=6.5, after=0.8)


def _minutes(seconds: int) -> str:
    m, s = divmod(seconds, 60)
    return f"{m} min" + (f" {s:02d} s" if s else "")


def _exchange(t: Callable[..., str], rules: Any) -> str:
    """The exchange as the deck's rules.yaml sets it, with what a pillar in the red costs (its `red`, graded
    by `red_step` when set), as the exchange screen says it."""
    key = "exchange_text_1" if rules.exchange_rate == 1 else "exchange_text"
    said = t(key, rate=rules.exchange_rate, cap=rules.exchange_cap)
    red, step = rules.exchange_red, rules.exchange_red_step
    if red and step:
        said += " " + t("exchange_red_step", n=red, n2=2 * red, step=step, step1=step + 1, step2=2 * step)
    elif red:
        said += " " + t("exchange_red", n=red)
    return said


def rules_sheet(pen: Any, deck: Any, lang: str, t: Callable[..., str], paper: str) -> None:
    from booster.paper.pen import pillar_style

    rules = deck.rules
    f = _Flow(pen, paper)
    f.text(deck.text(lang, "deck", "title", default=deck.info.id), 20, True, after=0.5)
    f.text(t("rules"), 14, True, L.MUTED, after=3)
    if desc := deck.text(lang, "deck", "description"):
        f.text(desc, 10.5)
    f.text(t("teams", min=rules.min_teams, max=rules.max_teams), 9.5)
    f.heading(t("pillars") if len(rules.pillars) == 3 else t("pillars_n"))
    for p in rules.pillar_ids:
        colour, shape = pillar_style(deck, p)
        name = deck.text(lang, "pillars", p, "name", default=p)
        short = deck.text(lang, "pillars", p, "short")
        f.shape_line(shape, colour, name + (f" ({short})" if short and short != name else ""))
    f.text(t("pillars_text"), 9.5)
    f.heading(t("path"))
    f.text(t("path_text"), 9.5)
    for n, stage in enumerate(rules.stages, 1):
        name = deck.text(lang, "stages", stage.id, "name", default=stage.id)
        f.heading(f"{n}. {name}", 11)
        if intro := deck.text(lang, "stages", stage.id, "intro"):
            f.text(intro, 9.5, after=0.8)
        f.text(t("spaces", spaces=", ".join(t(k) for k in stage.spaces)), 9, colour=L.MUTED, after=0.8)
        questions = deck.texts_of(lang, "stages", stage.id, "questions")
        if questions:
            f.text(t("questions"), 9.5, True, after=0.5)
            for q in questions.values():
                f.text(f"•  {q}", 9.5, indent=3, after=0.5)
    f.heading(t("turn"))
    if rules.movement == "die":
        f.text(t("turn_die", faces=rules.die_faces), 9.5)
    else:
        f.text(t("turn_step"), 9.5)
    f.text(t("challenge_text", time=_minutes(rules.timer_seconds)), 9.5)
    f.text(t("hidden_text"), 9.5)
    f.text(t("tool_text"), 9.5)
    f.text(t("tools_rule_single" if rules.tools_single_use else "tools_rule_multi", bonus=rules.tool_bonus), 9.5)
    f.heading(t("exchange"))
    f.text(_exchange(t, rules), 9.5)
    f.heading(t("timer"))
    f.text(_minutes(rules.timer_seconds), 9.5)


BOARD_MARGIN, BOARD_ARROW, STAGE_PT = 12.0, 6.0, 11.0


def stage_name_box(paper: str, stages: int) -> tuple[float, float]:
    """The width and height a stage's name has on the printed board (landscape)."""
    pw = L.PAPERS[paper][1]
    return (pw - 2 * BOARD_MARGIN - BOARD_ARROW * (stages - 1)) / stages - 5, 11.5


def board_overflows(pen: Any, deck: Any, lang: str, paper: str = "a4") -> list[tuple[tuple[str, ...], str]]:
    """The stage names (path in the text file, name) that do not fit the printed board even at 6 pt:
    what `deck check` says, and `deck print` warns about."""
    box = stage_name_box(paper, len(deck.rules.stages))
    out: list[tuple[tuple[str, ...], str]] = []
    for stage in deck.rules.stages:
        name = deck.text(lang, "stages", stage.id, "name", default=stage.id)
        if fit_label(pen, name, *box, STAGE_PT)[0] is None:
            out.append((("stages", stage.id, "name"), name))
    return out


def fit_label(pen: Any, text: str, width: float, height: float, size: float) -> tuple[float | None, list[str]]:
    """The largest size from `size` down to 6 pt at which a bold label fits width×height with no word cut
    (a German compound is not broken: "Geschäftsmodell"), and its lines; None and the 6 pt lines if none."""
    s = size
    while s >= 6.0:
        lines = pen.wrap(text, width, s, True)
        whole = all(pen.width(w, s, True) <= width for w in text.split())
        if whole and len(lines) * pen.line_height(s) <= height:
            return s, lines
        s -= 0.25
    return None, pen.wrap(text, width, 6.0, True)


def score_range(deck: Any, games: int = 300, teams: int = 4, seed: int = 0) -> tuple[int, int]:
    """The span of the printed score tracks: the lowest and highest score any team reached at any moment of
    `games` seeded random games of this deck, widened by a fifth and rounded out to fives (a track must hold
    what a table meets), and never narrower than -5..+15."""
    import random

    from booster.engine.game import Game, Setup

    game = Game(deck)
    rnd = random.Random(seed)
    low = high = 0
    names = tuple(f"Team {i + 1}" for i in range(teams))
    for g in range(games):
        state = game.new_game(Setup(names, seed * 1_000_003 + g))
        while not game.is_over(state):
            actions = game.legal_actions(state)
            state, _ = game.apply(state, actions[rnd.randrange(len(actions))])
            for team in state.teams:
                low, high = min(low, *team.scores), max(high, *team.scores)
    return min(-5, -5 * math.ceil(-low * 1.2 / 5)), max(15, 5 * math.ceil(high * 1.2 / 5))


def board(pen: Any, deck: Any, lang: str, t: Callable[..., str], paper: str, warnings: list[str]) -> None:
    """Stages left to right with their spaces, then one score track per pillar; a label that cannot fit is
    said in `warnings`."""
    from booster.paper.pen import pillar_style

    pdf = pen.pdf
    pdf.add_page(orientation="L")
    pw, ph = L.PAPERS[paper][::-1]
    m = BOARD_MARGIN
    title = deck.text(lang, "deck", "title", default=deck.info.id)
    pen.text_lines([f"{title} · {t('board')}"], m, m, 15, True)
    stages = deck.rules.stages
    n = len(stages)
    arrow = BOARD_ARROW
    sw = (pw - 2 * m - arrow * (n - 1)) / n
    top, sh = m + 11, 62.0
    for i, stage in enumerate(stages):
        x = m + i * (sw + arrow)
        pdf.set_draw_color(*L.INK)
        pdf.set_line_width(0.4)
        pdf.set_fill_color(*L.PAPER)
        pdf.rect(x, top, sw, sh, style="DF", round_corners=True, corner_radius=3)
        pen.text_lines([t("stage_n", n=i + 1)], x + 2.5, top + 2, 8, colour=L.MUTED)
        name = deck.text(lang, "stages", stage.id, "name", default=stage.id)
        size, lines = fit_label(pen, name, *stage_name_box(paper, n), STAGE_PT)
        if size is None:
            warnings.append(f"board: the stage name '{name}' does not fit its box even at 6 pt: shorten it")
        pen.text_lines(lines, x + 2.5, top + 6, size or 6.0, True, width=sw - 5)
        # The spaces, one row each: number, then the kind in words on its band colour.
        k = len(stage.spaces)
        row_top = top + 18
        rh = min(10.0, (sh - 20) / max(1, k))
        for j, kind in enumerate(stage.spaces):
            y = row_top + j * rh
            pdf.set_fill_color(*L.band_colour(kind))
            pdf.set_draw_color(*L.LINE_GREY)
            pdf.set_line_width(0.25)
            pdf.rect(x + 2.5, y, sw - 5, rh - 1.5, style="DF", round_corners=True, corner_radius=1.5)
            label = t(kind)
            ls = min(9.0, (rh - 1.5) / L.PT / L.LINE * 0.9)
            row = f"{j + 1}   {label}"
            ls = min(ls, ls * (sw - 9) / max(pen.width(row, ls, True), 1e-6))  # measured: never past its box
            pen.text_lines([row], x + 4.5, y + (rh - 1.5 - pen.line_height(ls)) / 2, ls, True)
        if i < n - 1:
            ay = top + sh / 2
            pdf.set_fill_color(*L.INK)
            ax = x + sw + 1
            pdf.polygon([(ax, ay - 2.2), (ax + arrow - 2, ay), (ax, ay + 2.2)], style="F")
    # Score tracks, one per pillar (colour, shape and name), over the scores this deck's games reach.
    lo, hi = score_range(deck)
    cells = hi - lo + 1
    label_w = 38.0
    ty = top + sh + 12
    pen.text_lines([t("score_tracks")], m, ty - 7, 10, True)
    cw = (pw - 2 * m - label_w) / cells
    widest = max((f"{v:+d}".replace("-", "–") for v in (lo, hi)), key=lambda s: pen.width(s, 8, True))
    th = min(20.0, (ph - m - ty - 8) / max(1, len(deck.rules.pillars)))
    for i, p in enumerate(deck.rules.pillar_ids):
        y = ty + i * th
        colour, shape = pillar_style(deck, p)
        pen.shape(shape, m + 3, y + (th - 2) / 2, 2.4, colour)
        name = deck.text(lang, "pillars", p, "name", default=p)
        ps, nl = fit_label(pen, name, label_w - 9, th - 2, 9.5)
        if ps is None:
            warnings.append(f"board: the pillar name '{name}' does not fit beside its track even at 6 pt: shorten it")
        pen.text_lines(nl, m + 7.5, y + (th - 2 - len(nl) * pen.line_height(ps or 6.0)) / 2, ps or 6.0, True)
        for j in range(cells):
            v = lo + j
            x = m + label_w + j * cw
            tint = tuple(int(255 - (255 - c) * 0.28) for c in colour) if v > 0 else L.PAPER
            pdf.set_fill_color(*tint)
            pdf.set_draw_color(*L.INK if v == 0 else L.LINE_GREY)
            pdf.set_line_width(0.6 if v == 0 else 0.25)
            pdf.rect(x, y, cw, th - 2, style="DF")
            s = f"{v:+d}".replace("-", "–") if v else "0"
            ns = min(8.0, 8.0 * (cw - 0.6) / max(pen.width(widest, 8, True), 1e-6))  # the widest number fits
            pen.text_lines([s], x, y + (th - 2 - pen.line_height(ns)) / 2, ns, v == 0, align="C", width=cw)
    note = _exchange(t, deck.rules)
    lines = pen.wrap(note, pw - 2 * m, 9)
    pen.text_lines(lines, m, ph - m - len(lines) * pen.line_height(9), 9, colour=L.MUTED)


def credits_page(pen: Any, deck: Any, lang: str, t: Callable[..., str], paper: str, today: str) -> None:
    info = deck.info
    f = _Flow(pen, paper)
    f.text(t("credits_title"), 18, True, after=3)
    f.heading(t("this_deck"))
    f.text(t("deck_title", title=deck.text(lang, "deck", "title", default=info.id)), 9.5, after=0.6)
    f.text(t("version", version=info.version), 9.5, after=0.6)
    f.text(t("authors", authors=", ".join(info.authors.values())), 9.5, after=0.6)
    if info.source:
        f.text(t("source", source=info.source), 9.5, after=0.6)
    f.text(t("licence", licence=info.licence), 9.5)
    if info.based_on:
        b = info.based_on
        f.heading(t("based_on"))
        text = t(
            "based_on_text",
            title=b.get("title", ""),
            authors=b.get("authors", ""),
            year=b.get("year", "?"),
            licence=b.get("licence", ""),
        )
        f.text(text, 9.5, after=0.6)
        if b.get("source"):
            f.text(t("source", source=b["source"]), 9.5)
    if info.changes:
        f.heading(t("changes"))
        for date, what in info.changes.items():
            f.text(f"{date}: {what}", 9.5, after=0.6)
    f.heading(t("translators"))
    if info.translators:
        for who, what in info.translators.items():
            f.text(f"{who}: {what}", 9.5, after=0.6)
    else:
        f.text(t("translators_none"), 9.5, colour=L.MUTED)
    f.heading("CC BY-SA 4.0")
    f.text(t("licence_text"), 9.5)
    f.text(t("fonts"), 9, colour=L.MUTED)
    from booster.text.i18n import language_name

    f.text(t("printed", date=today, lang=language_name(lang)), 9, colour=L.MUTED)
