# SPDX-License-Identifier: MIT
"""A team's project passport as an A4 PDF: one page, two at most, drawn with the report's text layout.

The text is set small (9 points, the size of a printed form) and the sections run on without page breaks of
their own, so that a whole game fits on a sheet printed front and back. Methods are a to-do list with boxes
to tick; the commitments are a table with empty lines to fill in by hand when the team wrote none.
`write_passports` writes each team's PDF with its Markdown and JSON twins.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from booster.engine.model import Deck
from booster.files import write_atomic
from booster.paper.doc import ACCENT, MUTED, RULE, TEXT, Doc
from booster.paper.passport import Passport, file_stem, passports, to_json, to_markdown
from booster.table.saves import Saved
from booster.text.i18n import section

INDENT = 5.0
SCALES = (1.0, 0.92, 0.84, 0.76)  # text sizes tried in turn until the passport fits on two pages
MAX_PAGES = 2


def render_passport(p: Passport) -> bytes:
    """The passport's PDF: at the largest text size that fits on two pages (the smallest one otherwise)."""
    for scale in SCALES:
        doc = _Page(p, scale).render()
        if doc.page <= MAX_PAGES:
            break
    return bytes(doc.output())


class _Page:
    def __init__(self, p: Passport, scale: float) -> None:
        self.p = p
        self.body, self.small = 9.0 * scale, 8.3 * scale
        self.lh, self.small_lh = self.body * 0.48, self.small * 0.47
        self.t = section(p.lang, "report.passport.")
        footer = self.t("footer", team=p.team, date=p.played_on) if p.played_on else p.team
        self.doc = Doc(footer, section(p.lang, "report.")("page"))

    def render(self) -> Doc:
        p, t, doc = self.p, self.t, self.doc
        body, small, lh = self.body, self.small, self.lh
        doc.set_title(f"{t('title')} — {p.team}")
        doc.set_lang(p.lang)
        doc.set_auto_page_break(True, margin=16)
        doc.set_top_margin(12)
        doc.add_page()
        doc.running = f"{t('title')} — {p.team}"

        doc.para(t("title").upper(), 8.5, True, ACCENT)
        doc.para(p.project or p.team, 18, True, TEXT, lh=8.2)
        if p.project:
            doc.para(p.team, 11, True, MUTED, lh=5.4)
        doc.ln(1)
        doc.para(p.summary, 10, lh=4.9)
        doc.para(p.kind if p.kind else ("" if p.project else t("no_project")), small, colour=MUTED, lh=4)
        doc.ln(1)

        self.heading(t("stages"))
        for stage in p.stages:
            doc.room(lh * 4)
            doc.para(stage.name, body + 1, True, ACCENT, lh=lh + 0.5)
            for c in stage.choices:
                self.bullet(f"{c.card} — {c.response}", bold=True)
                if c.consequence:
                    doc.para(c.consequence, small, colour=MUTED, indent=INDENT, lh=self.small_lh)
            if stage.answer or p.project:
                answer = t("answer", answer=stage.answer or t("no_answer"))
                doc.para(answer, body, bool(stage.answer), TEXT if stage.answer else MUTED, indent=INDENT, lh=lh)
            if stage.next_tool:
                doc.para(t("next_tool", tool=stage.next_tool), body, indent=INDENT, lh=lh)
            doc.ln(0.8)

        self.heading(t("risks"))
        if not p.risks:
            doc.para(t("risks_none"), body, colour=MUTED, lh=lh)
        for r in p.risks:
            self.bullet(r.mark, bold=True)
            for card, advice in r.advice:
                doc.para(f"{t('advice', advice=advice)} ({card})", small, indent=INDENT, lh=self.small_lh)

        self.heading(t("methods"))
        if not p.methods:
            doc.para(t("methods_none"), body, colour=MUTED, lh=lh)
        for m in p.methods:
            doc.room(lh * 3)
            doc.para(m.tool, body, True, lh=lh)
            for step in m.steps:
                self.todo(step)
            doc.ln(0.6)

        self.heading(t("chains"))
        if not p.chains:
            doc.para(t("chains_none"), body, colour=MUTED, lh=lh)
        for chain in p.chains:
            doc.room(lh * 2)
            for depth, line in chain:
                text = line if depth == 0 else f"› {line}"  # Noto Sans has no arrow
                doc.para(text, body if depth == 0 else small, depth == 0, indent=INDENT * depth, lh=lh)
            doc.ln(0.8)

        self.heading(t("commitments"))
        rows = [list(c) for c in p.commitments]
        if not rows:
            doc.para(t("commitments_none"), small, colour=MUTED, lh=4)
            rows = [["\n", "\n\n", "\n"]] * 3  # lines to write on
        w = doc.epw
        doc.grid([t("who"), t("what"), t("when")], rows, [0.24 * w, 0.54 * w, 0.22 * w], ["LEFT"] * 3, size=body)
        return doc

    def heading(self, text: str) -> None:
        doc = self.doc
        doc.room(16 + 3 * self.lh)  # never a heading alone at the foot of a page
        doc.ln(2)
        doc.para(text, 12, True, ACCENT, lh=5.8)
        y = doc.get_y() + 0.4
        doc.set_draw_color(*ACCENT)
        doc.line(doc.l_margin, y, doc.l_margin + doc.epw, y)
        doc.set_draw_color(*RULE)
        doc.ln(1.6)

    def bullet(self, text: str, bold: bool = False) -> None:
        doc = self.doc
        doc.room(self.lh)
        y = doc.get_y()
        doc.set_fill_color(*MUTED)
        doc.ellipse(doc.l_margin + 1.2, y + self.lh / 2 - 0.6, 1.2, 1.2, style="F")
        doc.para(text, self.body, bold, indent=INDENT, lh=self.lh)

    def todo(self, text: str) -> None:
        """A step with an empty box to tick."""
        doc = self.doc
        lh = self.small_lh + 0.3
        doc.room(len(doc.wrap(text, doc.epw - INDENT - 4.2, self.small)) * lh)  # the box and its step together
        y = doc.get_y()
        doc.set_draw_color(*MUTED)
        doc.rect(doc.l_margin + INDENT, y + 0.7, 2.6, 2.6)
        doc.set_draw_color(*RULE)
        doc.para(text, self.small, indent=INDENT + 4.2, lh=lh)


def write_passports(saved: Saved, deck: Deck, lang: str, folder: Path, inputs: Sequence[Path] = ()) -> list[Path]:
    """Writes each team's passport (PDF, Markdown, JSON) into `folder`; returns the PDF paths."""
    written = []
    for i, p in enumerate(passports(saved, deck, lang)):
        stem = folder / file_stem(i, p.team)
        pdf = stem.with_suffix(".pdf")
        write_atomic(pdf, render_passport(p), inputs)
        write_atomic(stem.with_suffix(".md"), to_markdown(p), inputs)
        write_atomic(stem.with_suffix(".json"), to_json(p), inputs)
        written.append(pdf)
    return written
