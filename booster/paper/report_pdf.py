# SPDX-License-Identifier: MIT
"""The debrief document: an A4 PDF drawn with fpdf2, in the session's language.

Layout, in order: overview (pillar charts of every team side by side, summary table, notes), time spent,
choices per challenge, one section per team (pillars, journey stage by stage, tools, experience cards), the
toolbox with every method's steps, and the deck's credits (CC BY-SA attribution). Bars always carry their
pillar's name and number, so colour is never the only cue. Noto Sans is embedded, for accents and Greek.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Callable, Sequence

from fpdf import FPDF

from booster.engine.model import CardKind, Deck
from booster.paper.collect import EXCHANGE, Row, Session, TableReport, TeamReport, stage_seconds
from booster.paper.doc import ACCENT, HEAD_FILL, MUTED, RULE, TEXT, TRACK, Cell, Doc, hex_rgb
from booster.text.i18n import report_labels

OKABE_ITO = ("#009E73", "#E69F00", "#56B4E9", "#0072B2", "#D55E00", "#CC79A7")
TOC_LINE = 6.5  # height of a line of the contents, mm
TOC_HEAD = 14.0  # height of the contents' heading, mm


def licence_url(spdx: str) -> str | None:
    """The deed of a Creative Commons licence, which CC BY-SA asks an attribution to link to."""
    if m := re.fullmatch(r"CC-(BY(?:-(?:SA|NC|ND))*)-(\d\.\d)", spdx.strip(), re.IGNORECASE):
        return f"https://creativecommons.org/licenses/{m[1].lower()}/{m[2]}/"
    if re.fullmatch(r"CC0-1\.0", spdx.strip(), re.IGNORECASE):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    return None


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else (f"-{-n}" if n < 0 else "0")


def duration(seconds: float) -> str:
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m} min {s:02d} s"
    h, m = divmod(m, 60)
    return f"{h} h {m:02d} min"


class _Report:
    """Draws one session into a Doc."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self.L = report_labels(session.lang)
        deck = session.deck
        self.deck = deck
        self.deck_title = session.text("deck", "title") or deck.info.id
        self.pillars = session.pillars
        self.pillar_names = [session.pillar_name(p) for p in self.pillars]
        rules_colours = [p.colour for p in deck.rules.pillars]
        self.colours = [hex_rgb(c or OKABE_ITO[i % 6]) for i, c in enumerate(rules_colours)]
        title = self.L["workshop" if session.merged else "report"]
        self.pdf = Doc(f"{self.deck_title} · {title}", self.L["page"])
        self.pdf.set_title(f"{self.deck_title}: {title}")
        self.pdf.set_creator("Social Impact Booster")
        self.pdf.set_lang(session.lang)
        self.table_decks = {t.name: t.deck for t in session.tables}
        self.toc_pages = 0
        self.toolbox_link = self.pdf.add_link(page=1)  # set to the toolbox page once it is drawn
        all_scores = [v for t in session.teams for v in t.scores]
        self.scale_max = max([1, *all_scores])
        self.scale_min = min([0, *all_scores])

    def render(self) -> bytes:
        pdf = self.pdf
        pdf.add_page()
        self.overview()
        self.times()
        if len(self.s.teams) >= 3:  # a long document: a contents page, with links
            entries = self.contents_entries()
            # below the time table when it fits there, else on pages of its own; never on the overview page
            if pdf.page_no() > 1 and pdf.get_y() + 8 + TOC_HEAD + TOC_LINE * entries < pdf.page_break_trigger:
                pdf.ln(8)
            else:
                pdf.new_page()
            self.toc_pages = self.contents_pages(entries, pdf.get_y())
            pdf.insert_toc_placeholder(self.contents, pages=self.toc_pages)
        self.choices()
        self.rounds()
        for team in self.s.teams:
            self.team(team)
        self.toolbox()
        self.credits()
        return bytes(pdf.output())

    def contents_entries(self) -> int:
        """How many chapters the contents will list (the level-2 headings drawn after it)."""
        s = self.s
        chapters = 2  # pillars, time spent
        chapters += 1 if s.merged and s.option_counts() else 0
        chapters += len(s.teams)
        chapters += 1 if any(t.tools for t in s.teams) else 0
        return chapters + 1  # credits

    def contents_pages(self, entries: int, y: float) -> int:
        """The pages the contents take from `y`: fpdf2 needs the exact count before drawing them."""
        pdf = self.pdf
        first = int((pdf.page_break_trigger - y - TOC_HEAD) // TOC_LINE)
        other = int((pdf.page_break_trigger - pdf.t_margin) // TOC_LINE)
        return 1 + max(0, -(-(entries - first) // other))

    def contents(self, pdf: FPDF, outline: list) -> None:
        """The contents, drawn by fpdf2 at output once every section's page is known."""
        doc = self.pdf
        start = doc.page
        doc.heading(self.L["contents"], 2, bookmark=False, keep=0)
        for section in outline:
            if section.level != 1:
                continue
            if doc.get_y() + TOC_LINE > doc.page_break_trigger:
                doc.add_page()
            y = doc.get_y()
            doc.font(10.5)
            name_w = doc.epw - 14
            doc.label(doc.l_margin, y, name_w, TOC_LINE, section.name)
            # dotted leader from the end of the name to the page number
            x = doc.l_margin + doc.width(doc.fit(section.name, name_w)) + 2
            doc.set_draw_color(*RULE)
            doc.set_dash_pattern(dash=0.4, gap=1.2)
            doc.line(x, y + 4.6, doc.l_margin + doc.epw - 12, y + 4.6)
            doc.set_dash_pattern()
            doc.label(doc.l_margin + doc.epw - 11, y, 11, TOC_LINE, str(section.page_number), "RIGHT")
            doc.link(doc.l_margin, y, doc.epw, TOC_LINE, doc.add_link(page=section.page_number))
            doc.set_y(y + TOC_LINE)
        while doc.page < start + self.toc_pages - 1:  # only if the count above was wrong: never fail
            doc.add_page()

    # -- helpers ------------------------------------------------------------------------------------------

    def deck_of(self, table: str) -> Deck:
        return self.table_decks.get(table, self.deck)

    def effect_text(self, effect: Sequence[int], sep: str = "\n") -> str:
        parts = [f"{name} {signed(v)}" for name, v in zip(self.pillar_names, effect, strict=False) if v]
        return sep.join(parts) if parts else self.L["no_effect"]

    def bars(self, x: float, y: float, w: float, values: Sequence[int], row_h: float = 5.6) -> float:
        """Horizontal bars, one per pillar: name | bar from a zero line | signed number. Returns the height."""
        pdf = self.pdf
        pdf.font(8.5)
        label_w = min(32.0, max(pdf.width(n) for n in self.pillar_names) + 3)
        num_w = 9.0
        area = w - label_w - num_w
        span = self.scale_max - self.scale_min
        zero = x + label_w + area * (-self.scale_min / span)
        for i, v in enumerate(values):
            top = y + i * row_h
            pdf.font(8.5, colour=TEXT)
            pdf.label(x, top, label_w - 2, row_h, self.pillar_names[i])
            pdf.set_fill_color(*TRACK)
            pdf.rect(x + label_w, top + 1, area, row_h - 2, style="F")
            if v:
                length = area * abs(v) / span
                left = zero if v > 0 else zero - length
                pdf.set_fill_color(*self.colours[i])
                pdf.set_draw_color(*TEXT)
                pdf.set_line_width(0.15)
                pdf.rect(left, top + 1, length, row_h - 2, style="DF")
                pdf.set_draw_color(*RULE)
            pdf.font(9, True)
            pdf.label(x + label_w + area, top, num_w, row_h, signed(v), "RIGHT")
        # the zero line, drawn over the tracks, so negative scores read as such without colour
        pdf.set_draw_color(*MUTED)
        pdf.set_line_width(0.3)
        pdf.line(zero, y + 0.4, zero, y + len(values) * row_h - 0.4)
        pdf.set_line_width(0.2)
        pdf.set_draw_color(*RULE)
        pdf.font(10)
        return len(values) * row_h

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        align: Sequence[str],
        bold_first: bool = False,
        size: float = 9,
    ) -> None:
        """A table whose widths are proportions of the page's width."""
        pdf = self.pdf
        scale = pdf.epw / sum(widths)
        widths = [w * scale for w in widths]
        height = pdf.grid_height([header, *rows], widths, size)
        if height < pdf.eph / 2:  # a short table is not split across pages
            pdf.room(height)
        pdf.grid(header, rows, widths, align, size, bold_first)

    # -- overview -----------------------------------------------------------------------------------------

    def overview(self) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        pdf.para(self.deck_title, 11, colour=MUTED)
        pdf.ln(1)
        pdf.heading(L["workshop" if s.merged else "report"], 1, keep=0)
        teams = s.teams
        meta = []
        if s.tables:
            first = min(t.saved.started for t in s.tables)
            if first:
                meta.append(L["played_on"].format(date=_dt.datetime.fromtimestamp(first).strftime("%Y-%m-%d %H:%M")))
        if s.merged:
            meta.append(L["tables_n"].format(n=len(s.tables)))
        meta.append(L["team_1"] if len(teams) == 1 else L["teams_n"].format(n=len(teams)))
        if not s.merged and s.tables:
            meta.append(L["duration"].format(time=duration(s.tables[0].duration)))
        pdf.para(" · ".join(meta), 10.5, colour=MUTED)
        if not s.merged and s.tables:
            pdf.para(L["finished"] if s.tables[0].finished else L["in_progress"], 10.5, colour=MUTED)
        if s.merged:
            pdf.ln(1)
            for t in s.tables:
                when = _dt.datetime.fromtimestamp(t.saved.started).strftime("%Y-%m-%d %H:%M") if t.saved.started else ""
                state = L["finished"] if t.finished else L["in_progress_short"]
                pdf.para(f"{t.name} — {when} · {duration(t.duration)} · {state}", 9, colour=MUTED)
        pdf.ln(4)
        if s.notes:
            self.notes()
        pdf.heading(L["pillars"], 2, keep=40)
        pdf.para(L["pillars_intro"], 9.5, colour=MUTED)
        pdf.ln(2)
        if s.merged:
            self.team_matrix()
        else:
            self.team_grid(teams)
        self.summary(teams)

    def team_grid(self, teams: list[TeamReport]) -> None:
        """Every team's pillars as small charts, two per row, all on one scale so they compare."""
        pdf = self.pdf
        gap = 8.0
        w = (pdf.epw - gap) / 2
        block = 8 + len(self.pillars) * 5.6 + 5
        for k in range(0, len(teams), 2):
            pdf.room(block)
            y = pdf.get_y()
            for j, team in enumerate(teams[k : k + 2]):
                x = pdf.l_margin + j * (w + gap)
                pdf.font(10, True)
                pdf.label(x, y, w, 6, team.label)
                self.bars(x, y + 7, w, team.scores)
            pdf.set_xy(pdf.l_margin, y + block)

    def team_matrix(self) -> None:
        """Every team of every table on one row, one column of bars per pillar, all on one scale."""
        pdf, L = self.pdf, self.L
        left, name_w, row_h, num_w = pdf.l_margin, 48.0, 6.0, 9.0
        col_w = (pdf.epw - name_w) / len(self.pillars)
        area = col_w - num_w - 4
        span = self.scale_max - self.scale_min

        def header() -> None:
            y = pdf.get_y()
            pdf.set_fill_color(*HEAD_FILL)
            pdf.rect(left, y, pdf.epw, 7, style="F")
            pdf.font(9, True)
            pdf.label(left + 1.6, y, name_w - 3, 7, L["team"])
            for i, name in enumerate(self.pillar_names):
                pdf.label(left + name_w + i * col_w, y, col_w - 2, 7, name)
            pdf.set_y(y + 7)

        def room(h: float) -> None:
            if pdf.get_y() + h > pdf.page_break_trigger:
                pdf.add_page()
                header()

        pdf.room(7 + 7 + 2 * row_h)
        header()
        for table in self.s.tables:
            room(7 + row_h)
            y = pdf.get_y() + 1
            pdf.font(9, True, ACCENT)
            pdf.label(left + 1.6, y, pdf.epw - 3, 6, table.name)
            pdf.set_y(y + 6)
            for team in table.teams:
                room(row_h)
                y = pdf.get_y()
                pdf.font(9)
                pdf.label(left + 4, y, name_w - 6, row_h, team.name)
                for i, v in enumerate(team.scores):
                    x0 = left + name_w + i * col_w
                    zero = x0 + area * (-self.scale_min / span)
                    pdf.set_fill_color(*TRACK)
                    pdf.rect(x0, y + 1.2, area, row_h - 2.4, style="F")
                    if v:
                        length = area * abs(v) / span
                        pdf.set_fill_color(*self.colours[i])
                        pdf.set_draw_color(*TEXT)
                        pdf.set_line_width(0.15)
                        pdf.rect(zero if v > 0 else zero - length, y + 1.2, length, row_h - 2.4, style="DF")
                        pdf.set_line_width(0.2)
                    pdf.set_draw_color(*MUTED)
                    pdf.line(zero, y + 0.6, zero, y + row_h - 0.6)
                    pdf.font(9, True)
                    pdf.label(x0 + area, y, num_w, row_h, signed(v), "RIGHT")
                pdf.set_draw_color(*RULE)
                pdf.line(left, y + row_h, left + pdf.epw, y + row_h)
                pdf.set_y(y + row_h)
        pdf.font(10)
        pdf.ln(4)

    def summary(self, teams: list[TeamReport]) -> None:
        pdf, L = self.pdf, self.L
        pdf.heading(L["summary"], 3, keep=25)
        pdf.font(9, True)
        heads = [*self.pillar_names, L["tools"], L["experience"], L["time"]]
        widths = [max(15.0, pdf.get_string_width(h) + 5) for h in heads]
        widths[-1] = max(widths[-1], 21.0)
        name_w = max(40.0, pdf.epw - sum(widths))
        rows = []
        for t in teams:
            seconds = sum(r.seconds for r in t.rows)
            rows.append(
                [t.label, *(signed(v) for v in t.scores), str(len(t.tools)), str(len(t.experience)), duration(seconds)]
            )
        self.table([L["team"], *heads], rows, [name_w, *widths], ["LEFT", *["RIGHT"] * len(heads)], bold_first=True)

    def notes(self) -> None:
        pdf, L = self.pdf, self.L
        pdf.heading(L["notes"], 3, keep=20)
        for key, fields in self.s.notes:
            text = L[key].format(**fields)
            pdf.room(pdf.para_height(text, 9, pdf.epw - 6))
            y = pdf.get_y()
            pdf.font(9)
            pdf.label(pdf.l_margin + 1.5, y, 4, 4.5, "•")
            h = pdf.block(pdf.l_margin + 6, y, pdf.epw - 6, text, 9, 4.5)
            pdf.set_xy(pdf.l_margin, y + h + 0.5)
        pdf.ln(3)

    # -- time ---------------------------------------------------------------------------------------------

    def times(self) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        # keep the heading with the whole first table (a header and a row per stage, exchange and totals)
        pdf.heading(L["times"], 2, keep=12 + 6.5 * (len(self.deck.rules.stages) + 4))
        if s.rows and not any(t.duration for t in s.tables):  # a save rebuilt from a log alone has no times
            pdf.para(L["times_none"], 9.5, colour=MUTED)
            return
        pdf.para(L["times_intro"], 9.5, colour=MUTED)
        pdf.ln(2)
        if not s.merged:
            for table in s.tables:
                self.time_table(table)
            return
        # several tables: stages down, tables across, six tables to a block so that names stay readable
        stages = [st for st in self.deck.rules.stage_ids if any(r.stage == st for r in s.rows)]
        if any(r.stage == EXCHANGE for r in s.rows):
            stages.append(EXCHANGE)
        for k in range(0, len(s.tables), 6):
            chunk = s.tables[k : k + 6]
            per = [stage_seconds(t.rows) for t in chunk]
            rows: list[list[Cell]] = []
            for st in stages:
                name = L["exchange"] if st == EXCHANGE else s.stage_name(st)
                rows.append([name, *(duration(p[st]) if st in p else "—" for p in per)])
            rows.append([L["total"], *(duration(t.duration) for t in chunk)])
            avg = []
            for t in chunk:
                chosen = [r.seconds for r in t.rows if r.action == "choose"]
                avg.append(duration(sum(chosen) / len(chosen)) if chosen else "—")
            rows.append([L["per_decision"], *avg])
            widths = [4.0, *[3.0] * 6][: len(chunk) + 1]
            self.table([L["stage"], *(t.name for t in chunk)], rows, widths, ["LEFT", *["RIGHT"] * len(chunk)])

    def time_table(self, table: TableReport) -> None:
        L = self.L
        per_stage = stage_seconds(table.rows)
        choices = Counter(r.stage for r in table.rows if r.action == "choose")
        choice_time: dict[str, float] = {}
        for r in table.rows:
            if r.action == "choose":
                choice_time[r.stage] = choice_time.get(r.stage, 0.0) + r.seconds
        order = [st for st in self.deck.rules.stage_ids if st in per_stage]
        order += [st for st in per_stage if st not in order and st != EXCHANGE]
        if EXCHANGE in per_stage:
            order.append(EXCHANGE)
        rows = []
        for st in order:
            name = L["exchange"] if st == EXCHANGE else self.s.stage_name(st)
            n = choices.get(st, 0)
            avg = duration(choice_time[st] / n) if n else "—"
            rows.append([name, duration(per_stage[st]), str(n) if n else "—", avg])
        n_all = sum(choices.values())
        rows.append(
            [
                L["total"],
                duration(sum(per_stage.values())),
                str(n_all),
                duration(sum(choice_time.values()) / n_all) if n_all else "—",
            ]
        )
        self.table(
            [L["stage"], L["time"], L["choices"], L["per_decision"]],
            rows,
            [70, 36, 30, 38],
            ["LEFT", "RIGHT", "RIGHT", "RIGHT"],
        )

    # -- choices per challenge ----------------------------------------------------------------------------

    def choices(self) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        counts = s.option_counts()
        if not counts or not s.merged:  # one table: each team's journey already shows its choices
            return
        pdf.heading(L["options"] if s.merged else L["choices"], 2, keep=50)
        pdf.para(L["options_intro"], 9.5, colour=MUTED)
        pdf.ln(2)
        deck_order = {cid: i for i, cid in enumerate(self.deck.cards)}
        for card in sorted(counts, key=lambda c: (deck_order.get(c, len(deck_order)), c)):
            options = counts[card]
            deck = self.any_deck(card)
            # every response of the card, chosen or not, then responses only the saves know
            known = [o.id for o in deck.cards[card].options] if card in deck.cards else []
            order = known + [o for o in options if o not in known]
            totals = {o: sum(options.get(o, {}).values()) for o in order}
            n = sum(totals.values()) or 1
            title = s.title(card, deck)
            stage = deck.cards[card].stage if card in deck.cards else None
            pdf.room(10 + 7 * len(order))
            pdf.para(title, 10.5, bold=True)
            if stage:
                pdf.para(L["stage_of"].format(stage=s.stage_name(stage)), 8.5, colour=MUTED)
            pdf.ln(1)
            for o in order:
                self.share_row(self.option_label(card, o), totals[o], n)
            pdf.ln(3)

    def rounds(self) -> None:
        """A table played all at once: each round's answers side by side, one row per team."""
        pdf, s, L = self.pdf, self.s, self.L
        for table in s.tables:
            by_round: dict[int, list[Row]] = {}
            for r in table.rows:
                if r.action in ("choose", "pass") and r.round is not None and r.card:
                    by_round.setdefault(r.round, []).append(r)
            if not by_round:
                continue
            pdf.heading(L["rounds"] + (f" · {table.name}" if s.merged else ""), 2, keep=50)
            pdf.para(L["rounds_intro"], 9.5, colour=MUTED)
            pdf.ln(2)
            for n, rows in enumerate(by_round.values(), 1):
                cards = {r.card for r in rows}
                card = rows[0].card or ""
                title = L["round_of"].format(n=n, card=s.title(card, table.deck))
                if len(cards) > 1:
                    title = L["round_split"].format(n=n)
                lines: list[list[Cell]] = []
                for r in rows:
                    choice: list[tuple[str, str]] = []
                    if len(cards) > 1:
                        choice.append((s.title(r.card, table.deck), "b"))
                    if r.action == "pass":
                        lines.append([teams_label(table, r), [*choice, (L["no_answer"], "m")], ""])
                        continue
                    choice.append((s.option_text(r.card or "", r.option or "", table.deck), ""))
                    if r.tool:
                        choice.append(("+ " + L["with_tool"].format(tool=s.title(r.tool, table.deck)), "a"))
                    if consequence := s.consequence(r.card or "", r.option or "", table.deck):
                        choice.append((consequence, "m"))
                    if r.marks:
                        names = ", ".join(s.mark_name(m, table.deck) for m in r.marks)
                        choice.append(("+ " + L["marks_left"].format(marks=names), "a"))
                    lines.append([teams_label(table, r), choice, self.effect_text(r.effect)])
                pdf.room(12 + pdf.grid_height(lines, [pdf.epw * w / 174 for w in (40, 104, 30)]))
                pdf.para(title, 10.5, bold=True)
                pdf.ln(1)
                self.table([L["team"], L["choice"], L["effect"]], lines, [40, 104, 30], ["LEFT", "LEFT", "LEFT"])
                pdf.ln(3)

    def option_label(self, card: str, option: str) -> str:
        """A response's text from the report deck, else from any table's deck (an older version), else its id."""
        for deck in (self.deck, *self.table_decks.values()):
            if text := deck.text(self.s.lang, "cards", card, "options", option):
                return text
        return option

    def any_deck(self, card: str) -> Deck:
        if card in self.deck.cards:
            return self.deck
        for t in self.s.tables:
            if card in t.deck.cards:
                return t.deck
        return self.deck

    def share_row(self, text: str, count: int, total: int) -> None:
        """One response: its text (wrapped), a bar of its share, and 'count (percent)'."""
        pdf = self.pdf
        text_w, bar_w, num_w = 104.0, 44.0, 26.0
        h = max(5.2, pdf.para_height(text, 9, text_w - 5))
        pdf.room(h + 1)
        x, y = pdf.l_margin, pdf.get_y()
        pdf.font(9)
        pdf.block(x, y + 0.35, text_w - 5, text, 9, 4.5)
        pdf.set_fill_color(*TRACK)
        pdf.rect(x + text_w, y + 0.8, bar_w, 3.6, style="F")
        if count:
            pdf.set_fill_color(*ACCENT)
            pdf.rect(x + text_w, y + 0.8, bar_w * count / total, 3.6, style="F")
        pdf.font(9, True)
        share = self.L["percent"].format(round(100 * count / total))
        pdf.label(x + text_w + bar_w, y, num_w, 5.2, f"{count} ({share})", "RIGHT")
        pdf.set_xy(pdf.l_margin, y + h + 1)
        pdf.font(10)

    # -- teams --------------------------------------------------------------------------------------------

    def team(self, team: TeamReport) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        pdf.running = ""
        pdf.new_page()
        pdf.running = team.label
        pdf.heading(team.label, 2, keep=0)
        deck = self.deck_of(team.table)
        if team.project is not None:
            pdf.para(L["project"].format(name=team.project.name), 10, bold=True)
            pdf.para(team.project.summary, 9, colour=MUTED)
            pdf.ln(2)
        elif team.scenario:
            pdf.para(L["scenario"].format(title=s.title(team.scenario, deck)), 10, colour=MUTED)
            pdf.para(s.text("cards", team.scenario, "text", deck=deck), 9, colour=MUTED)
            pdf.ln(2)
        h = self.bars(pdf.l_margin, pdf.get_y(), min(pdf.epw, 120), team.scores, row_h=6.5)
        pdf.set_y(pdf.get_y() + h + 2)
        seconds = sum(r.seconds for r in team.rows)
        stats = L["team_stats"].format(tools=len(team.tools), experience=len(team.experience), time=duration(seconds))
        pdf.para(stats, 9, colour=MUTED)
        pdf.ln(2)
        self.journey(team, deck)
        self.team_tools(team, deck)
        self.experience(team, deck)

    def journey(self, team: TeamReport, deck: Deck) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        pdf.heading(L["journey"], 3, keep=40)
        pdf.running = f"{team.label} · {L['journey']}"
        by_stage: dict[str, list[Row]] = {}
        for r in team.rows:
            if r.stage != EXCHANGE:
                by_stage.setdefault(r.stage, []).append(r)
        if not by_stage:
            pdf.para(L["journey_none"], 9.5, colour=MUTED)
        widths = [w * pdf.epw / 174 for w in (52, 66, 36, 20)]
        for stage, rows in by_stage.items():
            lines: list[list[Cell]] = []
            for i, r in enumerate(rows):
                kind = L["tool_drawn"] if r.kind == "tool" else L["challenge"]
                card: Cell = [(kind, "m"), (s.title(r.card, deck), "b")]
                if r.action == "advance" and r.kind == "challenge":
                    answered = i + 1 < len(rows) and rows[i + 1].action in ("choose", "pass")
                    if not answered:
                        lines.append([card, [(L["no_choice_yet"], "m")], "", duration(r.seconds)])
                    continue
                if r.action == "choose" and r.card:
                    choice: list[tuple[str, str]] = [(s.option_text(r.card, r.option or "", deck), "")]
                    if r.tool:
                        choice.append(("+ " + L["with_tool"].format(tool=s.title(r.tool, deck)), "a"))
                    if consequence := s.consequence(r.card, r.option or "", deck):
                        choice.append((consequence, "m"))
                    if r.marks:
                        names = ", ".join(s.mark_name(m, deck) for m in r.marks)
                        choice.append(("+ " + L["marks_left"].format(marks=names), "a"))
                    prev = rows[i - 1].seconds if i and rows[i - 1].action == "advance" else 0.0
                    lines.append([card, choice, self.effect_text(r.effect), duration(r.seconds + prev)])
                elif r.action == "pass":
                    lines.append([card, [(L["no_answer"], "m")], "", duration(r.seconds)])
                elif r.action == "advance" and r.card:
                    lines.append([card, [(L["added_toolbox"], "m")], self.effect_text(r.effect), duration(r.seconds)])
                elif r.action == "advance":
                    lines.append(["—", [(L["nothing_drawn"], "m")], "", duration(r.seconds)])
            if not lines:
                continue
            # a stage's table is short: keep it on one page with its heading when it fits on one
            height = 9 + pdf.grid_height(lines, widths) + 8
            if height < pdf.eph:
                pdf.room(height)
            pdf.heading(f"{s.stage_name(stage)} · {duration(sum(r.seconds for r in rows))}", 4, bookmark=False, keep=22)
            pdf.grid([L["card"], L["choice"], L["effect"], L["time"]], lines, widths, ["LEFT", "LEFT", "LEFT", "RIGHT"])

    def team_tools(self, team: TeamReport, deck: Deck) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        pdf.heading(L["toolbox_team"], 3, keep=20)
        if not team.tools:
            pdf.para(L["tools_none"], 9.5, colour=MUTED)
            return
        names = ", ".join(s.title(t, deck) for t in dict.fromkeys(team.tools))
        pdf.para(names, 10)
        y = pdf.get_y()
        pdf.para(f"» {L['toolbox']}", 8.5, colour=MUTED)
        pdf.link(pdf.l_margin, y, pdf.width(f"» {L['toolbox']}", 8.5) + 2, 4.5, self.toolbox_link)

    def experience(self, team: TeamReport, deck: Deck) -> None:
        pdf, L = self.pdf, self.L
        pdf.heading(L["experience_cards"], 3, keep=30)
        pdf.running = f"{team.label} · {L['experience_cards']}"
        if not team.experience:
            pdf.para(L["experience_none"], 9.5, colour=MUTED)
            return
        for card, n in Counter(team.experience).items():
            self.experience_card(card, n, deck, team.answers.get(card))

    def experience_card(self, card: str, n: int, deck: Deck, answers: tuple[str, str] | None = None) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        title = s.title(card, deck) + (f"  ×{n}" if n > 1 else "")
        pillar = deck.cards[card].pillar if card in deck.cards else None
        tag = s.pillar_name(pillar) if pillar else ""
        who = s.text("cards", card, "who", deck=deck)
        text = s.text("cards", card, "text", deck=deck)
        advice = s.text("cards", card, "advice", deck=deck)
        if answers is not None:  # which of the team's own decisions this testimony answers
            answered = L["answers"].format(card=s.title(answers[0], deck), option=s.option_text(*answers, deck))
            who = f"{who} · {answered}" if who else answered
        inner = pdf.epw - 6
        h = 7 + (pdf.para_height(who, 8.5, inner) if who else 0) + pdf.para_height(text, 9.5, inner)
        h += pdf.para_height(L["advice"].format(advice=advice), 9.5, inner, True) + 6 if advice else 0
        if h < pdf.eph * 0.8:
            pdf.room(h)
        y0, page = pdf.get_y(), pdf.page
        pdf.font(10.5, True)
        pdf.label(pdf.l_margin + 4, y0, inner - 32, 6, title)
        if tag:
            pdf.font(8.5, colour=MUTED)
            pdf.label(pdf.l_margin + 4 + inner - 30, y0, 30, 6, tag, "RIGHT")
        pdf.ln(6.5)
        if who:
            pdf.para(who, 8.5, colour=MUTED, indent=4)
            pdf.ln(0.8)
        pdf.para(text, 9.5, indent=4)
        if advice:
            pdf.ln(1)
            pdf.para(L["advice"].format(advice=advice), 9.5, bold=True, colour=ACCENT, indent=4)
        y1 = pdf.get_y() + 1.5
        if pdf.page == page:  # a bar on the left marks the card (a card longer than a page goes without)
            pdf.set_fill_color(*ACCENT)
            pdf.rect(pdf.l_margin, y0 + 0.5, 1.2, y1 - y0 - 1, style="F")
        pdf.set_y(y1 + 2.5)

    # -- toolbox ------------------------------------------------------------------------------------------

    def toolbox(self) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        found: dict[str, list[str]] = {}
        decks: dict[str, Deck] = {}
        for team in s.teams:
            for t in team.tools:
                found.setdefault(t, [])
                if team.label not in found[t]:
                    found[t].append(team.label)
                decks.setdefault(t, self.deck_of(team.table))
        if not found:
            return
        pdf.running = ""
        pdf.new_page()
        pdf.running = L["toolbox"]
        pdf.set_link(self.toolbox_link, page=pdf.page_no())
        pdf.heading(L["toolbox"], 2, keep=0)
        pdf.para(L["toolbox_intro"], 9.5, colour=MUTED)
        pdf.ln(2)
        order = {cid: i for i, cid in enumerate(self.deck.cards)}
        for tool in sorted(found, key=lambda c: (order.get(c, len(order)), c)):
            self.tool_card(tool, found[tool], decks[tool])

    def tool_card(self, tool: str, teams: list[str], deck: Deck) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        card = deck.cards.get(tool)
        text = s.text("cards", tool, "text", deck=deck)
        steps = list(s.texts_of("cards", tool, "steps", deck=deck).values())
        when = s.text("cards", tool, "when", deck=deck)
        origin = s.text("cards", tool, "origin", deck=deck)
        h = 12 + pdf.para_height(text, 9.5) + sum(pdf.para_height(st, 9.5, pdf.epw - 8) + 1 for st in steps)
        if h < pdf.eph * 0.7:
            pdf.room(h + 10)
        pdf.heading(s.title(tool, deck), 3, keep=30)
        meta = []
        if card and card.pillar:
            meta.append(f"{s.pillar_name(card.pillar)}")
        if card and card.stage:
            meta.append(L["stage_of"].format(stage=s.stage_name(card.stage)))
        if meta:
            pdf.para(" · ".join(meta), 8.5, colour=MUTED)
            pdf.ln(1)
        pdf.para(text, 9.5)
        if steps:
            pdf.ln(1.5)
            pdf.para(L["steps"], 9.5, bold=True)
            for i, st in enumerate(steps, 1):
                self.numbered(i, st)
        if when:
            pdf.ln(1.5)
            pdf.para(L["when"], 9.5, bold=True)
            pdf.para(when, 9.5)
        if origin:
            pdf.ln(1.5)
            pdf.para(f"{L['origin']} — {origin}", 8.5, colour=MUTED)
        pdf.ln(1.5)
        pdf.para(L["discovered_by"].format(teams=", ".join(teams)), 8.5, colour=MUTED)
        pdf.ln(3)

    def numbered(self, n: int, text: str) -> None:
        pdf = self.pdf
        h = pdf.para_height(text, 9.5, pdf.epw - 8)
        pdf.room(h)
        y = pdf.get_y()
        pdf.font(9.5, True, ACCENT)
        pdf.label(pdf.l_margin + 1, y, 6, 4.75, f"{n}.")
        h = pdf.block(pdf.l_margin + 8, y, pdf.epw - 8, text, 9.5, 4.75)
        pdf.set_xy(pdf.l_margin, y + h)
        pdf.ln(0.8)

    # -- credits ------------------------------------------------------------------------------------------

    def credits(self) -> None:
        pdf, s, L = self.pdf, self.s, self.L
        info = self.deck.info
        pdf.running = ""
        pdf.new_page()
        pdf.heading(L["credits"], 2, keep=0)
        line: Callable[[str, str], None] = self.credit_line
        line(L["deck"], self.deck_title)
        line(L["version"], f"{info.id} {info.version}")
        if info.authors:
            line(L["authors"], ", ".join(info.authors.values()))
        if info.source:
            line(L["source"], info.source)
        # The licence in plain words where we know it (what a participant may do with the cards), with its deed.
        said = L["licence_cc_by_sa"] if info.licence == "CC-BY-SA-4.0" else info.licence
        line(L["licence"], f"{said} — {url}" if (url := licence_url(info.licence)) else said)
        if info.translators:
            line(L["translators"], ", ".join(info.translators.values()))
        b = info.based_on
        if b:
            parts = [str(b[k]) for k in ("title", "authors", "year") if b.get(k)]
            text = ", ".join(parts)
            if b.get("licence"):
                text += f" ({b['licence']})"
            if b.get("source"):
                text += f" — {b['source']}"
            line(L["based_on"], text)
        if info.changes:  # the licence asks to say that it was changed; the change notes are for deck editors
            line(L["changes"], L["changed"])
        for card in self.deck.of_kind(CardKind.CREDITS):
            pdf.ln(3)
            title = s.title(card.id)
            if title.casefold() != L["credits"].casefold():
                pdf.heading(title, 3, bookmark=False, keep=20)
            pdf.para(s.text("cards", card.id, "text"), 9.5)
        pdf.ln(6)
        pdf.para(L["made_with"], 8.5, colour=MUTED)

    def credit_line(self, label: str, value: str) -> None:
        pdf = self.pdf
        if not value:
            return
        h = pdf.para_height(value, 9.5, pdf.epw - 38)
        pdf.room(h + 2)
        y = pdf.get_y()
        pdf.font(9.5, True, MUTED)
        pdf.label(pdf.l_margin, y, 36, 4.75, label)
        h = pdf.block(pdf.l_margin + 38, y, pdf.epw - 38, value, 9.5, 4.75)
        pdf.set_xy(pdf.l_margin, y + h)
        pdf.ln(1.5)


def teams_label(table: TableReport, row: Row) -> str:
    return next((t.label for t in table.teams if t.index == row.team_index), row.team)


def render(session: Session) -> bytes:
    """The session's report as PDF bytes."""
    return _Report(session).render()
