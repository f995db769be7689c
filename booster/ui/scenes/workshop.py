# SPDX-License-Identifier: MIT
"""The debrief of a workshop played on real projects: what led to what, the road not taken, the room's view.

- `ChainsScene`: one team's causal chains, readable from the back of the room (a team's number opens it, at
  the debrief and here); PageDown turns the page, R replays one of the team's decisions; the room's view and
  the passports are a button away.
- `ReplayScene`: pick a decision, then the other response, then see the two ends side by side (the rows
  `booster replay` prints: `booster.paper.roads`).
- `RoomScene`: for each card the room met, how many teams chose each response, as bars with the teams'
  tokens on them (shape and letter, not colour alone), so that the facilitator can ask who disagrees.

Everything shown is derived from the game's log by the pure functions of the engine (`chains`, `replay`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

import pygame

from booster.engine.chains import fold
from booster.engine.replay import Decision, Road, decisions, road_not_taken
from booster.paper.passport import chain_lines
from booster.paper.roads import assumed_lines, road_rows
from booster.table.projects import MAX_COMMITMENTS, MAX_NAME, MAX_TEXT, Commitment, notes, with_commitments
from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, TITLE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_BACK, GO_ON, Host, Scene

TOP, BOTTOM = 140, 940


def digit(k: int) -> int | None:
    """1-9 on the main keys or the keypad, as 0-8; None for any other key."""
    if pygame.K_1 <= k <= pygame.K_9:
        return k - pygame.K_1
    if pygame.K_KP1 <= k <= pygame.K_KP9:
        return k - pygame.K_KP1
    return None


class _Line(NamedTuple):
    depth: int
    text: str
    height: float


def _pages(lines: list[_Line], room: float) -> list[list[_Line]]:
    """Lines cut into pages of at most `room` logical pixels, a chain kept whole where it fits on a page."""
    pages: list[list[_Line]] = [[]]
    used = 0.0
    for line in lines:
        if used + line.height > room and pages[-1]:
            pages.append([])
            used = 0.0
        pages[-1].append(line)
        used += line.height
    return pages


class _Subscreen(Scene):
    """A screen opened over the debrief: Esc, Backspace or the back button return to it."""

    def close(self) -> None:
        self.app.pop()

    def claims(self, event: pygame.event.Event) -> bool:
        return event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE)

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.close()
            return True
        return super().key(event)

    def back_button(self, p: Painter) -> None:
        p.button((40, 975, 420, 90), self.t("workshop.back"), self.close, size=BODY, name="back")


class ChainsScene(_Subscreen):
    """What led to what, for one team."""

    name = "chains"

    def __init__(self, app, seat: int) -> None:
        super().__init__(app)
        self.seat = seat
        self.page = 0

    def lines(self) -> list[_Line]:
        chains = [c for c in fold(self.deck.cards, self.game.match.events()) if c.team == self.seat]
        out = []
        for chain in chains:
            for depth, text in chain_lines(chain, self.deck, self.app.lang):
                out.append(_Line(depth, text, 118 if depth == 0 else 66))
            out.append(_Line(0, "", 24))  # a gap between chains
        return out

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        seat = digit(k)
        if seat is not None and seat < len(self.game.state.teams):
            self.seat, self.page = seat, 0
            return True
        if k == pygame.K_r:
            self.replay()
            return True
        if k == pygame.K_c:
            self.commitments()
            return True
        if k in GO_ON:
            self.page += 1
            return True
        if k in GO_BACK:
            self.page = max(0, self.page - 1)
            return True
        return super().key(event)

    def replay(self) -> None:
        self.app.push(ReplayScene(self.app, self.seat))

    def room(self) -> None:
        self.app.push(RoomScene(self.app))

    def commitments(self) -> None:
        self.app.push(CommitmentsScene(self.app, self.seat))

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        _team_title(p, app, self.seat, t("workshop.chains_title", team=common.team_name(app, self.seat)))
        lines = self.lines()
        if not lines:
            p.panel((160, 300, 1600, 300), theme.PANEL, theme.LINE, 3, 24)
            p.text(t("workshop.chains_none"), (220, 330, 1480, 240), LARGE, align="center", valign="middle")
        else:
            pages = _pages(lines, BOTTOM - TOP)
            self.page %= len(pages)
            y: float = TOP
            for line in pages[self.page]:
                x = 60 + 70 * line.depth
                if line.text and line.depth:
                    p.arrow((x - 26, y + line.height / 2), 14, up=False)  # a link: it follows from the line above
                size = BODY if line.depth == 0 else SMALL
                lines_max = 2 if line.depth == 0 else 1
                p.text(line.text, (x, y, 1860 - x, line.height - 6), size, bold=line.depth == 0, max_lines=lines_max)
                y += line.height
            if len(pages) > 1:
                p.text(f"{self.page + 1} / {len(pages)}", (1600, 20, 260, 100), BODY, align="right", valign="middle")
        self.back_button(p)
        row: list[tuple[str, str, Callable[[], object], str]] = [
            ("replay", t("workshop.replay"), self.replay, "R"),
            ("commitments", t("workshop.commitments"), self.commitments, "C"),
            ("room", t("workshop.room"), self.room, ""),
            ("passports", t("workshop.passports"), partial(write_passports, app), ""),
        ]
        for j, (name, label, action, hint) in enumerate(row):
            p.button((480 + j * 352, 975, 336, 90), label, action, size=SMALL, hint=hint, name=name)


class ReplayScene(_Subscreen):
    """The road not taken: a decision of one team, then the other response, then both ends side by side."""

    name = "replay"

    def __init__(self, app, seat: int) -> None:
        super().__init__(app)
        self.seat = seat
        self.decision: Decision | None = None
        self.road: Road | None = None

    def own(self) -> tuple[Decision, ...]:
        return decisions(self.game.match, self.seat)

    def choices(self) -> list[tuple[str, str, Callable[[], None]]]:
        """(name, label, action) of the list on screen: the decisions, or the other responses of one."""
        deck, lang = self.deck, self.app.lang
        if self.decision is None:
            return [(f"decision{d.number}", _decision_text(deck, lang, d), partial(self.pick, d)) for d in self.own()]
        d = self.decision
        return [
            (f"response{i + 1}", _option(deck, lang, d.card, o), partial(self.answer, o))
            for i, o in enumerate(d.offered)
            if o != d.option
        ]

    def ring(self):
        if self.road is not None:
            return [("back", self.back)]
        return [(name, action) for name, _label, action in self.choices()]

    def pick(self, d: Decision) -> None:
        self.decision, self.focus = d, 0

    def answer(self, option: str) -> None:
        assert self.decision is not None
        self.road = road_not_taken(self.game.match, self.seat, self.decision.number, option)
        self.focus = 0

    def back(self) -> None:
        """One step back: from the two ends to the responses, from the responses to the decisions."""
        if self.road is not None:
            self.road = None
        elif self.decision is not None:
            self.decision = None
        else:
            self.close()
        self.focus = 0

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE) or event.key in GO_BACK:
            self.back()
            return True
        return super().key(event)

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        _team_title(p, app, self.seat, t("workshop.replay_title", team=common.team_name(app, self.seat)))
        if self.road is not None:
            self.draw_road(p, self.road)
        else:
            self.draw_list(p)
        p.button((40, 975, 420, 90), t("workshop.back"), self.back, size=BODY, name="back")

    def draw_list(self, p: Painter) -> None:
        t = self.t
        heading = t("workshop.pick_decision") if self.decision is None else t("workshop.pick_response")
        p.text(heading, (60, 120, 1800, 70), BODY, colour=theme.MUTED, max_lines=1)
        items = self.choices()
        if self.decision is not None:
            p.text(_decision_text(self.deck, self.app.lang, self.decision), (60, 190, 1800, 110), BODY, bold=True)
        top = 200 if self.decision is None else 320
        per_page = max(1, int((950 - top) // 96))
        start = (self.focus // per_page) * per_page
        for j, (name, label, action) in enumerate(items[start : start + per_page]):
            box = (100, top + j * 96, 1760, 84)
            p.button(box, label, action, focused=self.focused(name), size=SMALL, align="left", name=name)

    def draw_road(self, p: Painter, road: Road) -> None:
        t, deck, lang = self.t, self.deck, self.app.lang
        rows = road_rows(road, deck, lang)
        label_w, col_w = 400, 660
        xs = (60, 60 + label_w, 60 + label_w + col_w + 60)
        p.text(t("report.replay.game"), (xs[1], 120, col_w, 60), BODY, bold=True, max_lines=1)
        p.text(t("report.replay.other"), (xs[2], 120, col_w, 60), BODY, bold=True, max_lines=1)
        n = len(deck.rules.pillar_ids)
        y: float = 190
        for i, row in enumerate(rows):
            h = 120 if i == 0 or i > n else 64
            real, other = row.real, row.other
            if i > n and row.differs:  # a list: what differs, and how much is shared
                shared = t("workshop.shared", n=row.shared) if row.shared else ""
                ours = "+ " + ", ".join(row.only_real) if row.only_real else ""
                real = " · ".join(x for x in (ours, shared) if x) or t("report.replay.none")
                other = "+ " + ", ".join(row.only_other) if row.only_other else t("report.replay.none")
            if row.differs:  # a difference: a mark and a frame, not only a tint
                p.panel((40, y, 1840, h - 6), theme.HIGHLIGHT, theme.INK, 3, 10)
                p.text("≠", (xs[2] - 50, y, 40, h - 6), BODY, bold=True, valign="middle", max_lines=1)
            p.text(row.label, (xs[0] + 10, y + 4, label_w - 20, h - 14), SMALL, bold=True, max_lines=2)
            lines = 1 if h < 100 else 2
            p.text(real, (xs[1], y + 4, col_w, h - 14), SMALL, max_lines=lines)
            p.text(other, (xs[2], y + 4, 1860 - xs[2], h - 14), SMALL, max_lines=lines)
            y += h
        notes = assumed_lines(road, deck, lang)
        if notes:
            p.text(" · ".join(notes), (60, y + 10, 1800, 960 - y - 10), SMALL, colour=theme.MUTED, max_lines=2)


class RoomScene(_Subscreen):
    """For each card the room met, how many teams chose each response: bars carrying the teams' tokens."""

    name = "room"
    CARDS_PER_PAGE = 2

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0

    def counts(self) -> list[tuple[str, list[tuple[str, list[int]]]]]:
        """(card, [(response, teams that chose it)]) for every card the room answered, in the order met."""
        out: dict[str, dict[str, list[int]]] = {}
        teams = range(len(self.game.state.teams))
        for seat in teams:
            for d in decisions(self.game.match, seat):
                by = out.setdefault(d.card, {o.id: [] for o in self.deck.cards[d.card].options})
                by.setdefault(d.option, []).append(seat)
        return [(card, list(by.items())) for card, by in out.items()]

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in GO_ON:
            self.page += 1
            return True
        if event.key in GO_BACK:
            self.page = max(0, self.page - 1)
            return True
        return super().key(event)

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("workshop.room_title"), (60, 20, 1800, 100), TITLE, bold=True, valign="middle", max_lines=1)
        cards = self.counts()
        if not cards:
            p.text(t("workshop.room_none"), (160, 300, 1600, 200), LARGE, align="center", valign="middle")
        else:
            pages = max(1, -(-len(cards) // self.CARDS_PER_PAGE))
            self.page %= pages
            shown = cards[self.page * self.CARDS_PER_PAGE : (self.page + 1) * self.CARDS_PER_PAGE]
            n_teams = len(self.game.state.teams)
            y: float = 130
            for card, responses in shown:
                title = app.deck_text("cards", card, "title") or card
                p.text(title, (60, y, 1800, 70), BODY, bold=True, max_lines=1)
                y += 76
                for j, (option, seats) in enumerate(responses):
                    letter = chr(ord("A") + j)
                    text = app.deck_text("cards", card, "options", option) or option
                    p.text(f"{letter}. {text}", (80, y, 900, 84), SMALL, max_lines=2)
                    full = 780
                    bar = full * len(seats) / max(1, n_teams)
                    p.panel((1000, y + 10, full, 64), theme.PANEL, theme.LINE, 2, 10)
                    if seats:
                        p.panel((1000, y + 10, bar, 64), theme.HIGHLIGHT, theme.INK, 3, 10)
                    for k, seat in enumerate(seats):
                        common.token(p, app, seat, (1036 + k * 62, y + 42), 24)
                    p.text(str(len(seats)), (1790, y, 90, 84), BODY, bold=True, align="right", valign="middle")
                    y += 92
                y += 24
            if pages > 1:
                p.text(f"{self.page + 1} / {pages}", (1500, 975, 360, 90), BODY, align="right", valign="middle")
        self.back_button(p)


def _option(deck, lang: str, card: str, option: str) -> str:
    return deck.text(lang, "cards", card, "options", option) or option


def _decision_text(deck, lang: str, d: Decision) -> str:
    title = deck.text(lang, "cards", d.card, "title") or d.card
    return f"{d.number}. {title} — {_option(deck, lang, d.card, d.option)}"


def write_passports(app) -> None:
    """The debrief's passport button: every team's passport beside the saves, and where they went."""
    from booster.paper.passport_pdf import write_passports as write
    from booster.table import saves

    game = app.game
    folder = saves.data_dir() / "passports" / time.strftime("%Y%m%d-%H%M%S")
    try:
        written = write(game.saved, game.deck, app.lang, folder)
    except OSError as e:
        app.toast(app.t("workshop.passports_failed", why=e.strerror or str(e)))
        return
    app.toast(app.t("workshop.passports_written", n=len(written), path=str(folder)))


class CommitmentsScene(_Subscreen):
    """A team's commitments, entered at the end: up to three, each who, what and by when (typed at the laptop).
    Enter types into the highlighted field, Enter again leaves it; PageDown records them all and goes back."""

    name = "commitments"
    FIELDS = ("who", "what", "when")

    def __init__(self, app, seat: int) -> None:
        super().__init__(app)
        self.seat = seat
        held = notes(self.game.extra, len(self.game.state.teams)).commitments_of(seat)
        self.rows = [list(c) for c in held] + [["", "", ""] for _ in range(MAX_COMMITMENTS - len(held))]
        self.editing: tuple[int, int] | None = None

    def ring(self):
        cells = [
            (f"{f}{r}", partial(self.edit, r, c)) for r in range(MAX_COMMITMENTS) for c, f in enumerate(self.FIELDS)
        ]
        return [*cells, ("done", self.done)]

    def captures_text(self) -> bool:
        return self.editing is not None

    def stop_typing(self) -> None:
        self.editing = None

    def edit(self, row: int, col: int) -> None:
        self.editing = (row, col)
        self.focus_on(f"{self.FIELDS[col]}{row}")

    def done(self) -> None:
        items = [Commitment(*row) for row in self.rows]
        self.game.set_extra(
            "commitments",
            with_commitments(self.game.extra, self.seat, items, len(self.game.state.teams))["commitments"],
        )
        self.close()

    def text_input(self, text: str) -> None:
        if self.editing is not None:
            r, c = self.editing
            limit = MAX_TEXT if c == 1 else MAX_NAME
            self.rows[r][c] = (self.rows[r][c] + "".join(ch for ch in text if ch.isprintable()))[:limit]

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_PAGEDOWN:
            self.done()
            return True
        if self.editing is not None:
            r, c = self.editing
            if k == pygame.K_BACKSPACE:
                self.rows[r][c] = self.rows[r][c][:-1]
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB):
                self.editing = None
                self.focus = (self.focus + 1) % len(self.ring())
            return k not in (pygame.K_ESCAPE, pygame.K_F11)
        return super().key(event)

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        _team_title(p, app, self.seat, t("workshop.commitments_title", team=common.team_name(app, self.seat)))
        xs, widths = (60, 500, 1500), (420, 980, 380)
        for c, f in enumerate(self.FIELDS):
            p.text(t(f"report.passport.{f}"), (xs[c], 130, widths[c], 60), BODY, bold=True, max_lines=1)
        for r, row in enumerate(self.rows):
            y = 200 + r * 240
            for c, f in enumerate(self.FIELDS):
                editing = self.editing == (r, c)
                box = (xs[c], y, widths[c], 220)
                fill = theme.HIGHLIGHT if editing else theme.PANEL
                p.button(box, "", partial(self.edit, r, c), focused=self.focused(f"{f}{r}"), fill=fill, name=f"{f}{r}")
                text = row[c] + ("|" if editing else "")
                p.text(text, (xs[c] + 20, y + 10, widths[c] - 40, 200), SMALL, max_lines=4)
        p.text(t("workshop.commitments_hint"), (500, 930, 900, 40), SMALL, colour=theme.MUTED, max_lines=1)
        self.back_button(p)
        done = (1400, 975, 480, 90)
        common.go_on_button(p, app, done, t("project.done"), self.done, "done", size=BODY, focused=self.focused("done"))


def _team_title(p: Painter, app: Host, seat: int, title: str) -> None:
    """A team's screen at the debrief: its token, then the title naming it."""
    common.token(p, app, seat, (80, 70), 34)
    p.text(title, (130, 20, 1750, 100), TITLE, bold=True, valign="middle", max_lines=1)
