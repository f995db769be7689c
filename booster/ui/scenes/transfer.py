# SPDX-License-Identifier: MIT
"""The transfer step: a team with a project of its own has finished a stage; it writes, in a few words, its
own answer to the stage's key questions for its project, and picks the tool of its toolbox it will run next.

The prompts are the stage's own transfer prompts when the deck gives some, else its key questions. The timer
runs as for a challenge. The answer is kept in the save at once; an empty answer is allowed (the passport then
says none was written). Keys: Enter on the answer types into it (letters arrive as text), Enter again or Tab
leaves it; Left/Right on the tool change it; PageDown records and goes on, even while typing.
"""

from __future__ import annotations

import pygame

from booster.table.projects import MAX_TEXT, Transfer, clean, notes, transfer_prompts
from booster.table.views import TransferView
from booster.ui import theme
from booster.ui.carddraw import fit_stack
from booster.ui.paint import BODY, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import ACTIVATE, NEXT, PREV, Scene
from booster.ui.scenes.card import draw_timer


class TransferScene(Scene):
    name = "transfer"

    def __init__(self, app, view: TransferView) -> None:
        super().__init__(app)
        self.view = view
        self.stage_id = self.deck.rules.stages[view.stage].id
        earlier = self.recorded()
        self.answer = earlier.answer if earlier else ""  # an undo brings the screen back with what was written
        self.seen = earlier  # the answer last recorded: one sent from a phone replaces what is shown
        self.tools: list[str | None] = [None, *dict.fromkeys(self.game.state.teams[view.team].tools)]
        self.tool = self.tools.index(earlier.tool) if earlier and earlier.tool in self.tools else 0
        self.typing = False

    def recorded(self) -> Transfer | None:
        return notes(self.game.extra, len(self.game.state.teams)).transfer(self.view.team, self.stage_id)

    def keeps(self, view: object) -> bool:
        return view == self.view  # a phone's answer changes the game's version, not the screen owed

    def ring(self):
        return [
            ("answer", self.edit),
            ("tool", lambda: self.cycle(1)),
            ("timer", self.toggle_timer),
            ("done", self.done),
        ]

    def captures_text(self) -> bool:
        return self.typing

    def stop_typing(self) -> None:
        self.typing = False

    def edit(self) -> None:
        self.typing = True
        self.focus_on("answer")

    def cycle(self, step: int) -> None:
        self.typing = False
        self.tool = (self.tool + step) % len(self.tools)

    def toggle_timer(self) -> None:
        self.game.toggle_timer()

    def done(self) -> None:
        self.typing = False
        tool = self.tools[self.tool]
        self.game.record_transfer(Transfer(self.view.team, self.stage_id, clean(self.answer), tool))
        self.game.dismiss()

    def text_input(self, text: str) -> None:
        if self.typing:
            self.answer = (self.answer + "".join(c for c in text if c.isprintable()))[:MAX_TEXT]

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if k == pygame.K_PAGEDOWN:
            self.done()
            return True
        if self.typing:
            if k == pygame.K_BACKSPACE:
                self.answer = self.answer[:-1]
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB, pygame.K_DOWN):
                self.typing = False
                self.focus = (self.focus + 1) % len(self.ring())
            return k not in (pygame.K_ESCAPE, pygame.K_F11)  # letters arrive as TEXTINPUT
        if k in (pygame.K_LEFT, pygame.K_RIGHT) and self.focused("tool"):
            self.cycle(1 if k == pygame.K_RIGHT else -1)
            return True
        if k in NEXT or k in PREV or k in ACTIVATE or k == pygame.K_PAGEUP:
            return super().key(event)
        return False

    def claims(self, event: pygame.event.Event) -> bool:
        return event.key == pygame.K_BACKSPACE and self.typing

    def draw(self, p: Painter) -> None:
        app, t, team = self.app, self.t, self.view.team
        recorded = self.recorded()
        if recorded != self.seen:  # sent from the team's phone
            self.seen = recorded
            if recorded is not None and not self.typing:
                self.answer = recorded.answer
        p.fill(theme.BG)
        stage = app.deck_text("stages", self.stage_id, "name") or self.stage_id
        common.header(p, app, team, t("transfer.title", stage=stage))
        project = notes(self.game.extra, len(self.game.state.teams)).project(team)
        if project is not None:
            p.text(
                t("transfer.project", name=project.name), (40, 104, 1240, 56), SMALL, colour=theme.MUTED, max_lines=1
            )
        # The prompts, the timer beside them.
        box = (40, 170, 1260, 420)
        p.panel(box, theme.PANEL, theme.LINE, 3, 18)
        prompts = transfer_prompts(self.deck, app.lang, self.stage_id)
        p.text(t("transfer.prompt"), (70, 186, 1200, 60), BODY, bold=True, max_lines=1)
        # One size for every prompt, shrunk together: prompts of different sizes would look unequal.
        f, heights = fit_stack(p, [(q, 1160, BODY, False, 0.0) for q in prompts], 12, 320)
        y: float = 256
        for q, h in zip(prompts, heights, strict=True):
            pygame.draw.circle(p.surface, theme.INK, p.layout.point(90, y + 24 * f), 8 * p.layout.k)
            p.text(q, (115, y, 1160, h), BODY * f)
            y += h + 12
        draw_timer(p, self, (1340, 170, 540, 240), self.toggle_timer)
        # The team's answer, typed at the laptop.
        field = (40, 610, 1840, 200)
        fill = theme.HIGHLIGHT if self.typing else theme.PANEL
        shown = self.answer + ("|" if self.typing else "")
        p.button(field, "", self.edit, focused=self.focused("answer"), fill=fill, name="answer")
        label = shown or t("transfer.answer_hint")
        colour = theme.INK if shown else theme.MUTED
        p.text(label, (70, 620, 1780, 180), BODY if len(shown) < 160 else SMALL, colour=colour, max_lines=3)
        tool = self.tools[self.tool]
        tool_name = app.deck_text("cards", tool, "title") if tool else t("transfer.no_tool")
        p.button(
            (40, 830, 1240, 100),
            t("transfer.next_tool", tool=tool_name),
            lambda: self.cycle(1),
            focused=self.focused("tool"),
            size=BODY,
            name="tool",
        )
        common.go_on_button(
            p,
            app,
            (1340, 968, 540, 96),
            t("transfer.done"),
            self.done,
            "done",
            size=LARGE,
            focused=self.focused("done"),
        )
        common.small_buttons(p, app, 978, undo=False)
