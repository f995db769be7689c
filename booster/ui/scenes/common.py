# SPDX-License-Identifier: MIT
"""Pieces shared by the game scenes: team tokens, pillar scores, the header bar."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from booster.table import saves
from booster.table.controller import unique_path
from booster.table.projects import notes
from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, LRect, Painter
from booster.ui.scenes.base import Command, Host

if TYPE_CHECKING:
    from booster.engine.model import Deck
    from booster.table.controller import GameController


def game(app: Host) -> GameController:
    assert app.game is not None
    return app.game


def deck(app: Host) -> Deck:
    assert app.deck is not None
    return app.deck


def export_report(game: GameController, lang: str) -> Path | None:
    """The session report as a PDF beside the saves; its path, or None (and a message) if it failed."""
    try:
        from booster.paper.export import write_report
    except ImportError:
        game.notify("toast.report_unavailable")
        return None
    out = unique_path(saves.data_dir() / "reports", f"report-{time.strftime('%Y%m%d-%H%M%S')}", ".pdf")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_report(game.saved, game.deck, out, fmt="pdf", lang=lang)
    except Exception as e:  # another module's failure must not end the workshop
        game.notify("toast.report_failed", why=f"{e.__class__.__name__}: {e}")
        return None
    game.notify("toast.report", path=str(out))
    return out


def pressed_index(pressed: dict[str, Any], key: str, below: int) -> int | None:
    """An index the save kept with a screen's half-pressed step (`GameController.pressed`), if it is one of
    0 to `below` - 1; None for anything else (a damaged save, a round whose teams changed)."""
    value = pressed.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < below:
        return value
    return None


def token(p: Painter, app: Host, team: int, centre: tuple[float, float], r: float) -> None:
    ci, shape = theme.team_token(game(app).extra.get("tokens"), team)
    p.shape(shape, centre, r, theme.TEAM_COLOURS[ci % len(theme.TEAM_COLOURS)][1])


PHONES_W = 96  # layout units a team row gives its phone count (icon and number), when phones are on


def phones_count(p: Painter, app: Host, team: int, box: LRect) -> None:
    """How many phones follow `team`: a phone's outline and the number, so that the facilitator sees a team
    with no phone (0) or one too many. Nothing when the phones are off."""
    phones = app.phones
    if phones is None:
        return
    x, y, w, h = box
    n = phones.phones(team)
    ph = min(h * 0.7, 46)
    pw = ph * 0.58
    top = y + (h - ph) / 2
    p.panel((x, top, pw, ph), theme.BG, theme.INK if n else theme.MUTED, 3, 6)
    p.panel((x + pw * 0.3, top + ph - 9, pw * 0.4, 4), theme.INK if n else theme.MUTED, None, 0, 2)
    p.text(str(n), (x + pw + 6, y, w - pw - 6, h), SMALL, bold=n > 0, valign="middle", max_lines=1)


def team_name(app: Host, team: int) -> str:
    return game(app).state.teams[team].name


def team_project(app: Host, team: int) -> str:
    """What a team plays on, under its name: its own project's name, else its scenario's title ("" if none)."""
    g = game(app)
    project = notes(g.extra, len(g.state.teams)).project(team)
    if project is not None:
        return project.name
    scenario = g.state.teams[team].scenario
    return app.deck_text("cards", scenario, "title") if scenario else ""


def marks_text(app: Host, team) -> str:
    """The marks a team's decisions left on it, by name (empty when it holds none)."""
    marks = getattr(team, "marks", ()) or ()
    return " · ".join(app.deck_text("marks", m) or m for m in marks)


def pillar_name(app: Host, index: int) -> str:
    pid = deck(app).rules.pillars[index].id
    return app.deck_text("pillars", pid, "name") or pid


def pillar_icon(p: Painter, app: Host, index: int, centre: tuple[float, float], r: float) -> None:
    colour, shape = theme.pillar_style(deck(app).rules.pillars, index)
    p.shape(shape, centre, r, colour)


def scores_row(
    p: Painter,
    app: Host,
    scores: tuple[int, ...],
    box: tuple[float, float, float, float],
    size: float = BODY,
    names: bool = False,
) -> None:
    """Each pillar as icon + number (and name when asked): never colour alone."""
    x, y, w, h = box
    n = max(1, len(scores))
    cell = w / n
    r = min(h * 0.36, 26)
    for i, s in enumerate(scores):
        cx = x + i * cell
        pillar_icon(p, app, i, (cx + r + 6, y + h / 2), r)
        label = f"{pillar_name(app, i)} {s:+d}" if names else f"{s:+d}" if s else "0"
        p.text(label, (cx + 2 * r + 18, y, cell - 2 * r - 24, h), size, bold=True, valign="middle", max_lines=1)


def effect_chips(
    p: Painter,
    app: Host,
    delta: tuple[int, ...] | None,
    box: tuple[float, float, float, float],
    horizontal: bool = False,
) -> None:
    """An effect as one chip per pillar: icon, name, an arrow and a signed number. A gain and a loss differ
    in four ways, never by tint alone (mint and salmon are one beige under deuteranopia): the arrow points
    up or down, the sign is + or – (an en dash: the fonts have no minus sign), a loss is hatched, and the tint."""
    x, y, w, h = box
    rows = [(i, d) for i, d in enumerate(delta or ()) if d]
    if not rows:
        p.text(app.t("card.no_effect"), (x, y, w, min(h, 80)), LARGE, bold=True, valign="middle")
        return
    rh = h if horizontal else min(96, h / len(rows))
    cw = w / len(rows) if horizontal else w
    for j, (i, d) in enumerate(rows):
        left, top = (x + j * cw, y) if horizontal else (x, y + j * rh)
        cwid = cw - (12 if horizontal else 0)
        chip = (left, top + 4, cwid, rh - 8)
        p.panel(chip, theme.POSITIVE_BG if d > 0 else theme.NEGATIVE_BG, theme.LINE, 2, 14)
        if d < 0:
            p.hatch(chip, theme.HATCH)
        icon = min(26, rh * 0.3)
        pillar_icon(p, app, i, (left + 40, top + rh / 2), icon)
        num_w = 150
        if cwid > 380:
            p.text(
                pillar_name(app, i),
                (left + 80, top + 8, cwid - 100 - num_w, rh - 16),
                BODY,
                valign="middle",
                max_lines=1,
            )
        arrow = min(26.0, rh * 0.3)
        if cwid >= 300:
            p.arrow((left + cwid - num_w - 4, top + rh / 2), arrow, up=d > 0)
            number: LRect = (left + cwid - num_w + 30, top + 8, num_w - 46, rh - 16)
        else:  # a narrow chip (side by side): the arrow right after the icon, then the number, as wide as it can
            ax = left + 40 + icon + 8 + arrow
            p.arrow((ax, top + rh / 2), arrow, up=d > 0)
            number = (ax + arrow + 2, top + 6, left + cwid - ax - arrow - 8, rh - 12)
        p.text(
            f"+{d}" if d > 0 else f"\u2013{-d}",
            number,
            LARGE,
            bold=True,
            align="right",
            valign="middle",
            max_lines=1,
        )


def effect_words(app: Host, delta: tuple[int, ...] | None) -> str:
    """An effect in words, for where chips do not fit: "+1 Ecology, –1 Social" (or "no effect")."""
    parts = [(f"+{d}" if d > 0 else f"\u2013{-d}") + f" {pillar_name(app, i)}" for i, d in enumerate(delta or ()) if d]
    return ", ".join(parts) or app.t("card.no_effect")


def power_words(app: Host, powers: Sequence[str], bonus: Sequence[int], pillar: int | None) -> list[str]:
    """What playing a tool does, one phrase a power in the order they act (a reveal before the choice, then
    what the choice gains: "shows every response's effect", "+2 Social", "no loss on Economy"), as
    `booster/engine/powers.py` applies them; unlock is not played, so not here."""
    said = []
    if "reveal" in powers:
        said.append(app.t("card.reveal"))
    if "bonus" in powers and any(bonus):
        said.append(", ".join(f"{b:+d}\u00a0{pillar_name(app, i)}" for i, b in enumerate(bonus) if b))  # kept together
    if "soften" in powers and pillar is not None:
        said.append(app.t("card.soften", pillar=pillar_name(app, pillar)))
    return said


def tool_powers(app: Host, tool_id: str) -> tuple[str, str]:
    """What a drawn tool will do for the team, in one line: played on a challenge it helps with (the rules'
    bonus on its pillar, as a challenge without its own `tool_bonus` gives), and held, if it unlocks; then the
    same in fewer words, for where the line would be cut (`Painter.fitting`)."""
    rules = deck(app).rules
    tool = deck(app).cards[tool_id]
    ids = rules.pillar_ids
    pillar = ids.index(tool.pillar) if tool.pillar in ids else None
    bonus = [rules.tool_bonus if i == pillar else 0 for i in range(len(ids))]
    played = " · ".join(power_words(app, tool.powers, bonus, pillar))
    held = app.t("card.tool_holds") if "unlock" in tool.powers else ""

    def said(key: str) -> str:
        return " ".join(part for part in (app.t(key, powers=played) if played else "", held) if part)

    return said("card.tool_does"), said("card.tool_does_short")


def header(p: Painter, app: Host, team: int | None, title: str) -> None:
    """Top bar: what stage (left), whose turn with the team's token (right)."""
    p.text(title, (40, 18, 1100 if team is not None else 1840, 80), LARGE, bold=True, valign="middle", max_lines=1)
    if team is not None:
        token(p, app, team, (1250, 58), 32)
        p.text(team_name(app, team), (1300, 18, 580, 80), LARGE, bold=True, valign="middle", max_lines=1)


def stage_title(app: Host, stage: int) -> str:
    stages = deck(app).rules.stages
    if stage >= len(stages):
        return app.t("exchange.title")
    sid = stages[stage].id
    return app.t("board.stage", n=stage + 1, total=len(stages), name=app.deck_text("stages", sid, "name") or sid)


def go_on_button(
    p: Painter,
    app: Host,
    rect: LRect,
    label: str,
    action: Callable[[], object],
    name: str,
    size: float = LARGE,
    focused: bool = True,
) -> None:
    """The scene's one way forward: the large primary button, with the clicker's key beside its label."""
    p.button(rect, label, action, primary=True, focused=focused, size=size, hint=app.t("keys.next"), name=name)


def small_buttons(
    p: Painter, app: Host, y: float = 985, undo: bool = True, x: float = 40, w: float = 250, hints: bool = True
) -> None:
    """Menu, help (and undo) for the mouse; each says its key when there is room."""
    p.button(
        (x, y, w, 76),
        app.t("menu.title"),
        lambda: app.do(Command.MENU),
        size=SMALL,
        hint=app.t("keys.menu") if hints else "",
        name="menu",
    )
    p.button(
        (x + w + 20, y, w, 76),
        app.t("menu.help"),
        lambda: app.do(Command.HELP),
        size=SMALL,
        hint="H" if hints else "",
        name="help",
    )
    if undo and app.game is not None and app.game.can_undo():
        p.button(
            (x + 2 * w + 40, y, w, 76),
            app.t("menu.undo_short"),
            lambda: app.do(Command.UNDO),
            size=SMALL,
            hint="Ctrl+Z" if hints and w > 300 else "",
            name="undo",
        )
