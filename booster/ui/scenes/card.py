# SPDX-License-Identifier: MIT
"""The card: a challenge to answer, a tool just gained, or the effect of the choice just made.

Challenge keys: 1-9 point at a response and the same key again confirms it; a click does the same. Up/Down/
PageUp/Left move the highlight over the responses, the helpful tools and the timer; PageDown/Enter/Space/
Right/F5 on a response first arms it ("press again to confirm") and confirms on the second press, so a
clicker's PageDown alone plays (the first response by default) and a stray press never commits. On a
helpful tool, go-on toggles playing it; on the timer, it starts or pauses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pygame

from booster.engine.game import Action, ActionKind, State
from booster.engine.model import Option
from booster.table.views import ChallengeView, EffectView, ToolView
from booster.ui import theme
from booster.ui.carddraw import CARD_SIZE, TOOL_SIZE, OptionState, draw_card, natural_height
from booster.ui.paint import BODY, HUGE, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_ON, Command, OneStepScene, Ring, Scene

CARD_BOX = (40, 112, *CARD_SIZE)
TOOL_BOX = (40, 112, *TOOL_SIZE)
SIDE_X, SIDE_W = 1340, 540


def draw_timer(p: Painter, scene: Scene, box, toggle: Callable[[], None]) -> None:
    """The discussion timer of the card on screen, with its start/pause button (`toggle`)."""
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
        self.card_id = view.card
        self.team = view.team
        self.armed = False
        self.tool: str | None = None  # helpful tool the team chose to play

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
        if self.focus == i and self.armed:
            self.choose(i)
        elif 0 <= i < len(self.options()):
            self.focus, self.armed = i, True

    def toggle_tool(self, tid: str) -> None:
        use = self.game.rules.tool_use(self.card_id, tid)
        if use is not None and use.reveals and not use.on_choice:  # played on its own, before choosing
            self.game.decide(Action(ActionKind.REVEAL, tool=tid))
            return
        self.tool = None if self.tool == tid else tid
        self.armed = False
        self.focus_on(f"tool:{tid}")

    def toggle_timer(self) -> None:
        self.app.do(Command.TIMER)
        if self.game.timer.running:  # the room discusses now: the highlight goes back to the responses
            self.focus, self.armed = 0, False

    def choose(self, i: int) -> None:
        opts = self.options()
        if 0 <= i < len(opts):
            tool = self.tool if self.tool in self.helpful() else None
            self.game.decide(Action(ActionKind.CHOOSE, opts[i].id, tool))

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ring = self.ring()
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
        draw_card(
            p,
            self.deck,
            app.lang,
            self.card_id,
            CARD_BOX,
            t,
            OptionState(focus, self.armed and focus is not None, None, self.press, tuple(o.id for o in self.options())),
            app.t.mark_missing,
        )
        side = (SIDE_X, 370, SIDE_W, 460) if self.game.timer.length > 0 else (SIDE_X, 112, SIDE_W, 718)
        if self.game.timer.length > 0:
            draw_timer(p, self, (SIDE_X, 112, SIDE_W, 240), self.toggle_timer)
        if state.revealed:  # a reveal tool was played: every response's effect, before choosing
            x, y, w, h = side
            p.panel(side, theme.HIGHLIGHT, theme.INK, 3, 18)
            tool = app.deck_text("cards", state.revealed, "title") or state.revealed
            p.text(t("card.revealed", tool=tool), (x + 20, y + 10, w - 40, 96), SMALL, bold=True)
            p.text(self.revealed_text(), (x + 20, y + 110, w - 40, h - 120), SMALL)
        else:
            self.draw_toolbox(p, side)
        n = len(self.options())
        box = (SIDE_X, 845, SIDE_W, 125)
        if self.armed and focus is not None:  # the one moment a stray press matters: say it plainly
            p.panel(box, theme.PRIMARY, theme.FOCUS, 6, 16)
            p.text(
                t("card.confirm_again", n=focus + 1),
                (SIDE_X + 16, 850, SIDE_W - 32, 115),
                SMALL,
                bold=True,
                valign="middle",
                align="center",
            )
        else:
            p.text(t("card.choose_hint", n=n), box, SMALL, valign="middle")
        common.small_buttons(p, app, 980, x=SIDE_X, w=166, hints=False)

    def bonus_text(self, tid: str) -> str:
        """What playing the tool will do, said before it is played: e.g. " (+1 Social)", "no loss on
        Economy", "shows every response's effect"."""
        use = self.game.rules.tool_use(self.card_id, tid)
        if use is None:
            return ""
        said = []
        if any(use.bonus) and "bonus" in use.powers:
            said.append(", ".join(f"{b:+d} {common.pillar_name(self.app, i)}" for i, b in enumerate(use.bonus) if b))
        if "soften" in use.powers and use.pillar is not None:
            said.append(self.t("card.soften", pillar=common.pillar_name(self.app, use.pillar)))
        if use.reveals:
            said.append(self.t("card.reveal"))
        return f" ({'; '.join(said)})" if said else ""

    def revealed_text(self) -> str:
        return revealed_text(self.app, self.game.state, self.options(), self.tool)

    def draw_toolbox(self, p: Painter, box) -> None:
        app, t = self.app, self.t
        x, y, w, h = box
        p.panel(box, theme.PANEL, theme.LINE, 3, 18)
        p.text(t("card.toolbox"), (x + 20, y + 10, w - 40, 56), BODY, bold=True, max_lines=1)
        team = self.game.state.teams[self.team]
        helpful = self.helpful()
        if not team.tools:
            p.text(t("card.toolbox_empty"), (x + 20, y + 80, w - 40, 60), BODY, colour=theme.MUTED, max_lines=2)
            return
        # Helpful tools first: they are the ones the team can act on.
        order = sorted(team.tools, key=lambda tid: (tid not in helpful, team.tools.index(tid)))
        # A helpful tool is a button the team may press: it gets twice the room of a tool listed for memory.
        weights = [2.0 if tid in helpful else 1.0 for tid in order]
        unit = min(86.0, (h - 80) / sum(weights))
        ty = y + 74
        for tid, weight in zip(order, weights, strict=True):
            rh = unit * weight
            title = app.deck_text("cards", tid, "title") or tid
            if tid in helpful:
                on = self.tool == tid
                focused = self.focused(f"tool:{tid}")
                label = f"{title}\n" + (t("card.tool_on") if on else t("card.helps")) + self.bonus_text(tid)
                p.button(
                    (x + 54, ty + 4, w - 70, rh - 8),
                    label,
                    partial(self.toggle_tool, tid),
                    focused=focused,
                    fill=theme.PRIMARY if on else theme.HIGHLIGHT,
                    size=SMALL,
                    align="left",
                    name=f"tool:{tid}",
                )
                p.shape("star", (x + 30, ty + rh / 2), 18, theme.PRIMARY if on else theme.PANEL)
            else:
                spent = tid in team.spent
                label = f"{title} ({t('card.spent')})" if spent else title
                p.text(
                    label,
                    (x + 54, ty + 4, w - 70, rh - 8),
                    SMALL,
                    colour=theme.MUTED if spent else theme.INK,
                    valign="middle",
                    max_lines=1,
                )
            ty += rh


class ToolScene(OneStepScene):
    """A tool card just drawn: the method's steps, and what the team gains."""

    name = "tool"

    def __init__(self, app, view: ToolView) -> None:
        super().__init__(app)
        self.card_id, self.team, self.delta = view.card, view.team, view.delta

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        common.header(p, app, self.team, common.stage_title(app, self.game.shown_stage()))
        draw_card(p, self.deck, app.lang, self.card_id, TOOL_BOX, t, None, app.t.mark_missing)
        # Below the wide card: what the team gains, then go on.
        p.text(
            t("card.gained", team=common.team_name(app, self.team)),
            (40, 968, 560, 100),
            BODY,
            bold=True,
            valign="middle",
        )
        # The chips stop short of the go-on button: its focus marker is drawn just left of it.
        common.effect_chips(p, app, self.delta, (620, 968, 500, 100), horizontal=True)
        common.go_on_button(p, app, (1180, 972, 700, 96), t("card.continue"), self.go_on, "continue")


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
