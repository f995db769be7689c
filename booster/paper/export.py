# SPDX-License-Identifier: MIT
"""Write a session report as PDF (the debrief), CSV or JSON (one row/record per recorded decision).

`write_report(saved, deck, out_path, fmt="pdf", lang=lang)` is what the front end calls, at any moment of a
game; `write_session` writes any session, a merge of several tables included. CSV and JSON column names are
stable English ids (for scripts); the texts in them are in the report's language.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from booster.engine.model import CardKind, Deck
from booster.files import check_target, write_atomic
from booster.paper.collect import Row, Session, build_session, stage_seconds, started_label
from booster.table.saves import Saved

FORMATS = ("pdf", "csv", "json")
JSON_FORMAT = "social-impact-booster/paper-1"


def write_report(
    saved: Saved, deck: Deck, out_path: str | Path, fmt: str = "pdf", lang: str | None = None, name: str | None = None
) -> Path:
    """Writes the report of one game, finished or not, to `out_path` and returns its path.

    `fmt` is pdf, csv or json; `lang` defaults to the save's; `name` labels the game in CSV/JSON (default:
    its start time). Raises SaveError (with a sentence) if the save does not replay on `deck`, OSError if
    the file cannot be written. About 0.3 s for a finished 8-team game on the core deck.
    """
    session = build_session([(name or started_label(saved), saved, [deck])], deck, lang or saved.lang)
    return write_session(session, out_path, fmt)


def write_merged(
    saves: Sequence[tuple[str, Saved, Sequence[Deck]]], deck: Deck, out_path: str | Path, fmt: str, lang: str
) -> Session:
    """Writes the report of several tables; saves that cannot be replayed are left out and noted."""
    session = build_session(saves, deck, lang, merged=True)
    write_session(session, out_path, fmt)
    return session


def write_session(session: Session, out_path: str | Path, fmt: str = "pdf", inputs: Sequence[str | Path] = ()) -> Path:
    """Writes `session` to `out_path`, atomically, refusing to replace one of `inputs` (RefusedWrite)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format '{fmt}' (use pdf, csv or json)")
    out = Path(out_path)
    if fmt == "pdf":
        from booster.paper.report_pdf import render

        check_target(out, inputs)  # before the work of rendering
        write_atomic(out, render(session), inputs)
        return out
    text = to_csv(session) if fmt == "csv" else to_json_text(session)
    write_atomic(out, text, inputs)
    return out


# -- records ----------------------------------------------------------------------------------------------


def records(session: Session) -> list[dict[str, Any]]:
    """Every recorded action of every table, as flat records with texts in the session's language."""
    pillars = session.pillars
    decks = {t.name: t.deck for t in session.tables}
    out = []
    for row in session.rows:
        deck = decks[row.table]
        out.append(_record(session, row, deck, pillars))
    return out


def _record(session: Session, row: Row, deck: Deck, pillars: Sequence[str]) -> dict[str, Any]:
    card = row.card
    return {
        "game": row.table,
        "team": row.team,
        "project": project.name if (project := session_project(session, row)) else "",
        "step": row.step,
        "action": row.action,
        "stage": row.stage,
        "card": card or "",
        "card_kind": row.kind or "",
        "card_title": session.title(card, deck) if card else "",
        "option": row.option or "",
        "option_text": session.option_text(card, row.option, deck) if card and row.option else "",
        "consequence": session.consequence(card, row.option, deck) if card and row.option else "",
        "marks": [session.mark_name(m, deck) for m in row.marks],
        "tool": row.tool or "",
        "tool_title": session.title(row.tool, deck) if row.tool else "",
        "gained": list(row.gained),
        "round": row.round if row.round is not None else "",  # all at once: the step that opened the round
        "effect": dict(zip(pillars, row.effect, strict=True)),
        "score": dict(zip(pillars, row.score, strict=True)),
        "time": round(row.time, 3),
        "seconds": round(row.seconds, 3),
    }


def session_project(session: Session, row: Row):
    """The project of the team of a row (None when it played none)."""
    for table in session.tables:
        if table.name == row.table and row.team_index < len(table.teams):
            return table.teams[row.team_index].project
    return None


# The text columns of the CSV, before one effect and one score column per pillar, then the times.
CSV_COLUMNS = (
    "game", "team", "step", "action", "stage", "card", "card_kind", "card_title", "option", "option_text",
    "consequence", "marks", "tool", "tool_title", "gained", "round", "project",
)  # fmt: skip


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): a team name typed as
# =HYPERLINK(...) or a deck text starting with "-" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell: numbers as they are, a text that could start a formula behind a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(session: Session, bom: bool = True) -> str:
    pillars = session.pillars
    buf = io.StringIO()
    if bom:  # so that spreadsheets open the accents right; Python reads the file with utf-8-sig
        buf.write("\ufeff")
    # Every text quoted, numbers bare, and no text starting a formula (see csv_cell).
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(
        [*CSV_COLUMNS, *(f"effect_{p}" for p in pillars), *(f"score_{p}" for p in pillars), "time", "seconds"]
    )
    for rec in records(session):
        rec["gained"] = " ".join(rec["gained"])
        rec["marks"] = "; ".join(rec["marks"])
        writer.writerow(
            [
                *(csv_cell(rec[c]) for c in CSV_COLUMNS),
                *(rec["effect"][p] for p in pillars),
                *(rec["score"][p] for p in pillars),
                rec["time"],
                rec["seconds"],
            ]
        )
    return buf.getvalue()


def to_json(session: Session) -> dict[str, Any]:
    deck = session.deck
    info = deck.info
    pillars = session.pillars
    counts = session.option_counts()
    return {
        "format": JSON_FORMAT,
        "lang": session.lang,
        "deck": {
            "id": info.id,
            "version": info.version,
            "title": session.text("deck", "title"),
            "licence": info.licence,
            "authors": list(info.authors.values()),
            "source": info.source,
            "based_on": dict(info.based_on),
            "changes": dict(info.changes),
            "translators": list(info.translators.values()),
            "credits": [session.text("cards", c.id, "text") for c in deck.of_kind(CardKind.CREDITS)],
        },
        "pillars": {p: session.pillar_name(p) for p in pillars},
        "stages": {s: session.stage_name(s) for s in deck.rules.stage_ids},
        "games": [
            {
                "game": t.name,
                "deck": {"id": t.saved.deck_id, "version": t.saved.deck_version},
                "lang": t.saved.lang,
                "started": t.saved.started,
                "finished": t.finished,
                "seconds": round(t.duration, 3),
                "stage_seconds": {k: round(v, 3) for k, v in stage_seconds(t.rows).items()},
                "teams": [
                    {
                        "team": team.label,
                        "name": team.name,
                        "scenario": team.scenario,
                        "project": team.project._asdict() if team.project else None,
                        "scores": dict(zip(pillars, team.scores, strict=True)),
                        "tools": list(team.tools),
                        "spent": list(team.spent),
                        "experience": list(team.experience),
                        "marks": [session.mark_name(m, t.deck) for m in team.marks],
                        "answers": {x: {"card": c, "option": o} for x, (c, o) in team.answers.items()},
                    }
                    for team in t.teams
                ],
            }
            for t in session.tables
        ],
        "decisions": records(session),
        "options": {card: {o: dict(by_table) for o, by_table in opts.items()} for card, opts in counts.items()},
        "notes": [session_note(session, key, fields) for key, fields in session.notes],
    }


def to_json_text(session: Session) -> str:
    return json.dumps(to_json(session), ensure_ascii=False, indent=1) + "\n"


def session_note(session: Session, key: str, fields: dict[str, str]) -> str:
    from booster.text.i18n import report_labels

    return report_labels(session.lang)[key].format(**fields)
