# SPDX-License-Identifier: MIT
"""The card: a challenge to answer, a tool just gained, or the effect of the choice just made.

Challenge keys: 1-9 point at a response and the same key again confirms it; a click does the same. Up/Down/
PageUp/Left move the highlight over the responses, the helpful tools and the timer; PageDown/Enter/Space/
Right/F5 on a response first arms it ("press again to confirm") and confirms on the second press, so a
clicker's PageDown alone plays (the first response by default) and a stray press never commits. On a
helpful tool, go-on toggles playing it with the response and the highlight goes back to the responses (a
clicker is never caught on the tool); a tool that reveals the card is spent, so it takes a second press,
as a response does. On the timer, go-on starts or pauses it. What is highlighted, armed or chosen goes into
the save with the screen: a resume after a kill comes back to it as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pygame

from booster.engine.game import Action, ActionKind, State
from booster.engine.model import Option
from booster.table.views import ChallengeView, EffectView, ToolView
from booster.ui import theme
from booster.ui.carddraw import CARD_SIZE, TOOL_SIZE, OptionState, draw_card, natural_height
from booster.ui.paint import BODY, FLOOR, HUGE, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_ON, Command, OneStepScene, Ring, Scene

CARD_BOX = (40, 112, *CARD_SIZE)
TOOL_BOX = (40, 112, *TOOL_SIZE)
SIDE_X, SIDE_W = 1340, 540
WIDE_SIDE_X = 1170  # where the side column starts when the toolbox needs room


def draw_timer(p: Painter, scene: Scene, box, toggle: Callable[[], None]) -> None:
    """The discussion timer of the card on screen, with its start/pause button (`toggle`). The scene keeps
    where it is, so that a tick of the clock redraws the timer alone (`App.draw_timer`)."""
    scene.timer_at = (box, toggle)
    x, y, w, h = box
    timer = scene.game.timer
    done = timer.done
    t = scene.t
    p.panel(box, theme.HIGHLIGHT if done else theme.PANEL, theme.INK if done else theme.LINE, 5 if done else 3, 18)
    p.text(t("timer.done") if done else t("timer.label"), (x + 20, y + 8, w - 40, 56), BODY, bold=done, max_lines=1)
    p.text(timer.label(), (x + 20, y + 60, w * 0.5, 110), HUGE, bold=True, valign="middle", max_lines=1)
    # A bar that empties: the time left readable from afar without reading digits.
    frac = timer.remaining() / timer.length if timer.length else 0
    bar = (x + 20, y + h - 34, w - 40, 18)
    p.panel(bar, theme.BG, theme.INK, 2, 6)
    if frac > 0:
        p.panel((bar[0], bar[1], bar[2] * frac, bar[3]), theme.INK, None, radius=6)
    label = (
        t("timer.pause")
        if timer.running
        else t("timer.resume")
        if timer.started_at is None and timer.remaining() < timer.length and not done
        else t("timer.start")
    )
    p.button(
        (x + w * 0.5 + 10, y + 70, w * 0.5 - 30, 90),
        label,
        toggle,
        focused=scene.focused("timer"),
        size=SMALL,
        name="timer",
    )


class ChallengeScene(Scene):
    """Every input points first and confirms second: a number key, a click or PageDown on a response
    highlights it ("press again to confirm"); the same again plays it. Anything else disarms."""

    name = "card"

    def __init__(self, app, view: ChallengeView) -> None:
        super().__init__(app)
        self.view = view
        self.card_id = view.card
        self.team = view.team
        self.armed = False
        self.tool: str | None = None  # helpful tool the team chose to play
        self.arming: str | None = None  # a reveal tool pressed once: the next press on it plays (and spends) it
        self.at = len(self.game.match.log)  # a reveal tool played on the card shows it afresh
        self.restore()

    def pressed(self) -> dict[str, Any]:
        """What the screen has half-pressed, as the save keeps it ({} for a screen as it came)."""
        said = {"focus": self.focus, "armed": self.armed, "tool": self.tool, "arming": self.arming}
        kept = {k: v for k, v in said.items() if v}
        return {"at": self.at, **kept} if kept else {}

    def keep(self) -> None:
        """Keep what is half-pressed in the save, while this scene is the one the game shows."""
        if self.game.view() == self.view and len(self.game.match.log) == self.at:
            self.game.press(self.pressed())

    def restore(self) -> None:
        """After a resume: the highlight, the tool chosen and a confirm armed, as the save kept them."""
        pressed = self.game.pressed
        if pressed.get("at") != self.at:
            return
        focus = common.pressed_index(pressed, "focus", len(self.ring()))
        self.focus = focus or 0
        tool, arming = pressed.get("tool"), pressed.get("arming")
        helpful = self.helpful()
        self.tool = tool if tool in helpful and not self.reveals(tool) else None
        self.arming = arming if arming in helpful and self.reveals(arming) and self.focused(f"tool:{arming}") else None
        self.armed = pressed.get("armed") is True and self.focus < len(self.options())

    def options(self):
        """The responses the team is offered (a response may need a mark, or a tool that unlocks it)."""
        return self.game.rules.offered_options(self.game.state)

    def helpful(self) -> tuple[str, ...]:
        return self.game.helpful_tools()

    def ring(self):
        items: Ring = [(f"option{i}", partial(self.press, i)) for i in range(len(self.options()))]
        items += [(f"tool:{tid}", partial(self.toggle_tool, tid)) for tid in self.helpful()]
        if self.game.timer.length > 0:
            items.append(("timer", self.toggle_timer))
        return items

    def press(self, i: int) -> None:
        """Point at response i, or confirm it if it is already the one pointed at."""
        self.arming = None
        if self.focus == i and self.armed:
            self.choose(i)
        elif 0 <= i < len(self.options()):
            self.focus, self.armed = i, True
        self.keep()

    def reveals(self, tid: str) -> bool:
        """The tool is played on its own, before choosing, to show every response's effect (and is spent); a
        bonus or a softening it also has goes to the response chosen after (the engine applies it)."""
        use = self.game.rules.book.tool_use(self.card_id, tid)
        return use is not None and use.reveals

    def toggle_tool(self, tid: str) -> None:
        self.armed = False
        if self.reveals(tid):
            if self.arming == tid:  # the second press: play it
                self.arming = None
                if self.game.decide(Action(ActionKind.REVEAL, tool=tid)):
                    self.focus = 0
                return
            self.arming = tid  # the first press says what it will do and that it is spent
            self.focus_on(f"tool:{tid}")
            self.keep()
            return
        self.arming = None
        self.tool = None if self.tool == tid else tid
        self.focus = 0  # back to the responses: the next go-on arms one, with the tool or without it
        self.keep()

    def toggle_timer(self) -> None:
        self.arming = None
        self.app.do(Command.TIMER)
        if self.game.timer.running:  # the room discusses now: the highlight goes back to the responses
            self.focus, self.armed = 0, False
        self.keep()

    def choose(self, i: int) -> None:
        opts = self.options()
        if 0 <= i < len(opts):
            tool = self.tool if self.tool in self.helpful() else None
            self.game.decide(Action(ActionKind.CHOOSE, opts[i].id, tool))

    def key(self, event: pygame.event.Event) -> bool:
        taken = self.take_key(event)
        self.keep()
        return taken

    def take_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ring = self.ring()
        if not (k in GO_ON and self.arming is not None and self.focused(f"tool:{self.arming}")):
            self.arming = None  # anything but a second press on the tool lets go of it
        if pygame.K_1 <= k <= pygame.K_9 or pygame.K_KP1 <= k <= pygame.K_KP9:
            self.press(k - (pygame.K_1 if k <= pygame.K_9 else pygame.K_KP1))
            return True
        if k in (pygame.K_DOWN, pygame.K_TAB):
            self.focus, self.armed = (self.focus + 1) % len(ring), False
            return True
        if k in (pygame.K_UP, pygame.K_PAGEUP, pygame.K_LEFT):
            self.focus, self.armed = (self.focus - 1) % len(ring), False
            return True
        if k in GO_ON:
            ring[min(self.focus, len(ring) - 1)][1]()
            return True
        return False

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        state = self.game.state
        p.fill(theme.BG)
        common.header(p, app, self.team, common.stage_title(app, state.stage))
        focus = self.focus if self.focus < len(self.options()) else None
        # A team holding tools that help here reads what each does, whole: the card gives the toolbox room.
        card_box, sx, sw = CARD_BOX, SIDE_X, SIDE_W
        if self.helpful() and not state.revealed:
            card_box, sx, sw = (40, 112, WIDE_SIDE_X - 70, CARD_BOX[3]), WIDE_SIDE_X, 1880 - WIDE_SIDE_X
        draw_card(
            p,
            self.deck,
            app.lang,
            self.card_id,
            card_box,
            t,
            OptionState(focus, self.armed and focus is not None, None, self.press, tuple(o.id for o in self.options())),
            app.t.mark_missing,
        )
        timed = self.game.timer.length > 0
        side = (sx, 370, sw, 460) if timed else (sx, 112, sw, 718)
        if timed:
            draw_timer(p, self, (sx, 112, sw, 240), self.toggle_timer)
        if state.revealed:  # a reveal tool was played: every response's effect, before choosing
            x, y, w, h = side
            p.panel(side, theme.HIGHLIGHT, theme.INK, 3, 18)
            tool = app.deck_text("cards", state.revealed, "title") or state.revealed
            p.text(t("card.revealed", tool=tool), (x + 20, y + 10, w - 40, 96), SMALL, bold=True)
            p.text(self.revealed_text(), (x + 20, y + 110, w - 40, h - 120), SMALL)
        else:
            self.draw_toolbox(p, side)
        n = len(self.options())
        box = (sx, 845, sw, 125)
        confirm = ""  # the moments a stray press matters: say them plainly
        if self.arming is not None:
            tool = app.deck_text("cards", self.arming, "title") or self.arming
            confirm = t("card.confirm_tool", tool=tool)
        elif self.armed and focus is not None:
            confirm = t("card.confirm_again", n=focus + 1)
        if confirm:
            p.panel(box, theme.PRIMARY, theme.FOCUS, 6, 16)
            p.text(confirm, (sx + 16, 850, sw - 32, 115), SMALL, bold=True, valign="middle", align="center")
        else:
            p.text(t("card.choose_hint", n=n), box, SMALL, valign="middle")
        common.small_buttons(p, app, 980, x=sx, w=166 if sw < 600 else 210, hints=False)

    def bonus_text(self, tid: str) -> str:
        """What playing the tool will do, said before it is played: e.g. "+1 Social", "no loss on Economy",
        "shows every response's effect" (empty when it does none of these)."""
        use = self.game.rules.book.tool_use(self.card_id, tid)
        if use is None:
            return ""
        return " · ".join(common.power_words(self.app, use.powers, use.bonus, use.pillar))  # as the tool screens

    def revealed_text(self) -> str:
        return revealed_text(self.app, self.game.state, self.options(), self.tool)

    def draw_toolbox(self, p: Painter, box) -> None:
        t = self.t
        x, y, w, h = box
        p.panel(box, theme.PANEL, theme.LINE, 3, 18)
        p.text(t("card.toolbox"), (x + 20, y + 10, w - 40, 56), BODY, bold=True, max_lines=1)
        team = self.game.state.teams[self.team]
        helpful = self.helpful()
        if not team.tools:
            p.text(t("card.toolbox_empty"), (x + 20, y + 80, w - 40, 60), BODY, colour=theme.MUTED, max_lines=2)
            return
        # Helpful tools first, each a button the team may press, with what it does said whole; the other
        # tools are listed for memory below, one a line where there is room, else together in a paragraph.
        mine = [tid for tid in team.tools if tid in helpful]
        others = [tid for tid in team.tools if tid not in helpful]
        labels = {tid: self.tool_label(tid) for tid in mine}
        heights = {tid: natural_height(p, labels[tid], w - 114, SMALL) + 22 for tid in mine}
        room = h - 84 - (52 if others else 0)  # a line at least for the others, if only their number
        if sum(heights.values()) > room:  # at the readable floor, before any shrinking together
            heights = {tid: natural_height(p, labels[tid], w - 114, FLOOR) + 22 for tid in mine}
        if sum(heights.values()) > room:  # the tools that help here, whole, before the line of those that do not
            room = h - 84
        squeeze = min(1.0, room / max(1.0, sum(heights.values())))  # too many to read whole: shrink together
        ty = y + 74
        for tid in mine:
            rh = heights[tid] * squeeze
            on = self.tool == tid
            p.button(
                (x + 54, ty + 4, w - 70, rh - 8),
                labels[tid],
                partial(self.toggle_tool, tid),
                focused=self.focused(f"tool:{tid}"),
                fill=theme.PRIMARY if on or self.arming == tid else theme.HIGHLIGHT,
                size=SMALL,
                align="left",
                name=f"tool:{tid}",
            )
            p.shape("star", (x + 30, ty + rh / 2), 18, theme.PRIMARY if on else theme.PANEL)
            ty += rh
        listed = [self.held_label(tid) for tid in others]
        left = y + h - 8 - ty
        rest = " · ".join(listed)
        if not others:
            return
        if 56 * len(others) <= left:
            for tid, label in zip(others, listed, strict=True):
                colour = theme.MUTED if tid in team.spent else theme.INK
                p.text(label, (x + 54, ty + 4, w - 70, 48), SMALL, colour=colour, valign="middle", max_lines=1)
                ty += 56
        elif natural_height(p, rest, w - 70, SMALL) <= left:
            p.text(rest, (x + 54, ty + 4, w - 70, left), SMALL)
        elif left >= 48:  # no room to name them: how many, so that none is silently left out
            p.text(t("card.other_tools", n=len(others)), (x + 54, ty + 4, w - 70, 48), SMALL, max_lines=1)

    def tool_label(self, tid: str) -> str:
        """A helpful tool's button: its name, then whether it is played and what it does."""
        title = self.app.deck_text("cards", tid, "title") or tid
        does = self.bonus_text(tid)  # what it does says that it helps; "helps here" only when it says nothing
        if self.tool == tid:
            return f"{title}\n{self.t('card.tool_on')}" + (f": {does}" if does else "")
        return f"{title}\n{does or self.t('card.helps')}"

    def held_label(self, tid: str) -> str:
        title = self.app.deck_text("cards", tid, "title") or tid
        return f"{title} ({self.t('card.spent')})" if tid in self.game.state.teams[self.team].spent else title


class ToolScene(OneStepScene):
    """A tool card just drawn: the method's steps, and what the team gains."""

    name = "tool"

    def __init__(self, app, view: ToolView) -> None:
        super().__init__(app)
        self.card_id, self.team, self.delta = view.card, view.team, view.delta

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        # The header says what happened (the card's band says the stage): the card keeps its whole height,
        # which the longest methods need at 4K, and the band below is left for what the tool will do.
        common.header(p, app, self.team, t("card.tool_gained"))
        draw_card(p, self.deck, app.lang, self.card_id, TOOL_BOX, t, None, app.t.mark_missing)
        # Below the card: what the tool will do for the team (drawing it scores nothing by itself; a deck
        # whose tool card does score shows those points first), then go on. Everything stops short of the
        # go-on button: its focus marker is drawn just left of it.
        x = 40
        if any(self.delta or ()):
            common.effect_chips(p, app, self.delta, (x, 966, 460, 100), horizontal=True)
            x += 480
        box = (x, 962, 1280 - x, 110)
        does = p.fitting(common.tool_powers(app, self.card_id), box, SMALL, max_lines=2)
        p.text(does, box, SMALL, valign="middle", max_lines=2)
        common.go_on_button(p, app, (1340, 972, 540, 96), t("card.continue"), self.go_on, "continue")


class EffectScene(OneStepScene):
    """The challenge again, the chosen response marked, and its effect on each pillar."""

    name = "effect"

    def __init__(self, app, view: EffectView) -> None:
        super().__init__(app)
        self.view = view
        self.card_id, self.team, self.option, self.tool, self.delta = (
            view.card,
            view.team,
            view.option,
            view.tool,
            view.delta,
        )

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        common.header(p, app, self.team, common.stage_title(app, self.game.shown_stage()))
        # The responses as the team saw them: only those it was offered, numbered the same way.
        offered = self.view.offered
        shown = OptionState(None, False, self.option, offered=offered)
        draw_card(p, self.deck, app.lang, self.card_id, CARD_BOX, t, shown, app.t.mark_missing)
        card = self.deck.cards[self.card_id]
        ids = [o.id for o in card.options if offered is None or o.id in offered]
        n = ids.index(self.option) + 1 if self.option in ids else 0
        p.text(t("card.chosen", n=n), (SIDE_X, 120, SIDE_W, 80), LARGE, bold=True, max_lines=1)
        # Then what happened next (hidden until now), the tool played and the marks the response left. What
        # happened next is the lesson: when it would not fit under one chip per line, the chips go side by
        # side (icon, arrow, number) to make room for it.
        consequence = app.deck_text("cards", self.card_id, "consequences", self.option)
        marks = [app.deck_text("marks", m) or m for m in self.view.marks]
        chips = sum(1 for d in self.delta or () if d) or 1
        bottom = 850 - (104 if marks else 0)
        below = (100 if self.tool else 0) + (natural_height(p, consequence, SIDE_W, SMALL) if consequence else 0)
        side_by_side = chips > 1 and 215 + 86 * chips + below > bottom
        chips_h = 68 if side_by_side else 86 * chips
        common.effect_chips(p, app, self.delta, (SIDE_X, 205, SIDE_W, chips_h), horizontal=side_by_side)
        y = 215 + chips_h
        if marks:
            p.text(t("card.marks_now", marks=" · ".join(marks)), (SIDE_X, bottom + 4, SIDE_W, 100), SMALL, bold=True)
        if self.tool:
            tool = app.deck_text("cards", self.tool, "title") or self.tool
            p.text(t("card.tool_played", tool=tool), (SIDE_X, y, SIDE_W, 96), SMALL, colour=theme.MUTED)
            y += 100
        if consequence and bottom - y > 60:
            p.text(consequence, (SIDE_X, y, SIDE_W, bottom - y), SMALL)
        common.go_on_button(p, app, (SIDE_X, 860, SIDE_W, 100), t("card.continue"), self.go_on, "continue")
        common.small_buttons(p, app, 980, x=SIDE_X, w=166, hints=False)


def revealed_text(app, state: State, options: Sequence[Option], tool: str | None = None) -> str:
    """Each offered response's effect once a reveal tool has shown them, for the team of `state` (the team
    in turn, or a team's view of a round): "1: +1 Ecology, –1 Social"."""
    lines = []
    for i, o in enumerate(options):
        lines.append(f"{i + 1}: {common.effect_words(app, app.game.rules.preview(state, o.id, tool))}")
    return "\n".join(lines)
