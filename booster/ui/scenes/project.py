# SPDX-License-Identifier: MIT
"""A team's own project, at set-up: its name, one sentence, and optionally the nearest kind of project (the
team then draws only the universal cards and that kind's); whether it has a transfer step at the end of
each stage, and whether the game has one at all (a facilitator in a hurry turns it off).

Opened from a team's scenario button at the set-up; Done (PageDown) gives the project back to the set-up,
Backspace goes back leaving it unchanged. Keys as on the set-up: Up/Down/Tab move, Enter types into a field,
Left/Right change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pygame

from booster.table.projects import MAX_NAME, MAX_TEXT, Project, kind_title, kinds
from booster.ui import theme
from booster.ui.paint import BODY, SMALL, TITLE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import ACTIVATE, NEXT, PREV, Scene


class ProjectScene(Scene):
    name = "project"

    def __init__(
        self,
        app,
        team: int,
        project: Project | None,
        transfer: bool,
        game_transfer: bool,
        done: Callable[[Project | None, bool, bool], None],
    ) -> None:
        super().__init__(app)
        self.team = team
        self.kinds: list[str | None] = [None, *kinds(self.deck)]
        self.fields = {"name": project.name if project else "", "summary": project.summary if project else ""}
        self.kind = self.kinds.index(project.kind) if project and project.kind in self.kinds else 0
        self.transfer, self.game_transfer = transfer, game_transfer
        self.on_done = done
        self.editing: str | None = "name" if project is None else None

    def ring(self):
        return [
            ("name", partial(self.edit, "name")),
            ("summary", partial(self.edit, "summary")),
            ("kind", partial(self.change, "kind", 1)),
            ("transfer", partial(self.change, "transfer", 1)),
            ("game_transfer", partial(self.change, "game_transfer", 1)),
            ("done", self.done),
        ]

    def captures_text(self) -> bool:
        return self.editing is not None

    def stop_typing(self) -> None:
        self.editing = None

    def edit(self, field: str) -> None:
        self.editing = field
        self.focus_on(field)

    def change(self, name: str, step: int) -> None:
        self.editing = None
        if name == "kind":
            self.kind = (self.kind + step) % len(self.kinds)
        elif name == "transfer":
            self.transfer = not self.transfer
        elif name == "game_transfer":
            self.game_transfer = not self.game_transfer

    def done(self) -> None:
        name = " ".join(self.fields["name"].split())
        project = Project(name, " ".join(self.fields["summary"].split()), self.kinds[self.kind]) if name else None
        self.app.pop()
        self.on_done(project, self.transfer, self.game_transfer)

    def text_input(self, text: str) -> None:
        if self.editing is None:
            return
        limit = MAX_NAME if self.editing == "name" else MAX_TEXT
        value = self.fields[self.editing] + "".join(c for c in text if c.isprintable())
        self.fields[self.editing] = value[:limit]

    def claims(self, event: pygame.event.Event) -> bool:
        return event.key == pygame.K_BACKSPACE

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ring = self.ring()
        if k == pygame.K_PAGEDOWN:
            self.done()
            return True
        if self.editing is not None:
            if k == pygame.K_BACKSPACE:
                self.fields[self.editing] = self.fields[self.editing][:-1]
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB, pygame.K_DOWN):
                self.editing = None
                self.focus = (self.focus + 1) % len(ring)
            elif k == pygame.K_UP:
                self.editing = None
                self.focus = (self.focus - 1) % len(ring)
            return k not in (pygame.K_ESCAPE, pygame.K_F11)
        if k == pygame.K_BACKSPACE:
            self.app.pop()  # leave the project unchanged
            return True
        current = ring[min(self.focus, len(ring) - 1)][0]
        if k in (pygame.K_LEFT, pygame.K_RIGHT) and current in ("kind", "transfer", "game_transfer"):
            self.change(current, 1 if k == pygame.K_RIGHT else -1)
            return True
        if k in NEXT or k in PREV or k in ACTIVATE or k == pygame.K_PAGEUP:
            return super().key(event)
        return False

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("project.title", n=self.team + 1), (60, 10, 1800, 100), TITLE, bold=True, valign="middle", max_lines=1)
        y: float = 130
        for field, label, height in (("name", t("project.name"), 110), ("summary", t("project.summary"), 190)):
            p.text(label, (100, y, 1700, 56), SMALL, colour=theme.MUTED, max_lines=1)
            editing = self.editing == field
            value = self.fields[field] + ("|" if editing else "")
            fill = theme.HIGHLIGHT if editing else theme.PANEL
            p.button((100, y + 56, 1760, height), "", partial(self.edit, field), focused=self.focused(field),
                     fill=fill, name=field)  # fmt: skip
            p.text(value, (130, y + 62, 1700, height - 12), BODY, max_lines=1 if field == "name" else 3)
            y += height + 80
        kind = self.kinds[self.kind]
        label = t("project.kind", kind=kind_title(self.deck, app.lang, kind) if kind else t("project.kind_any"))
        p.button((100, y, 1760, 96), label, partial(self.change, "kind", 1), focused=self.focused("kind"),
                 size=BODY, align="left", name="kind")  # fmt: skip
        y += 116
        on, off = t("project.state_on"), t("project.state_off")
        team_step = t("project.transfer", state=on if self.transfer else off)
        game_step = t("project.game_transfer", state=on if self.game_transfer else off)
        p.button((100, y, 860, 96), team_step, partial(self.change, "transfer", 1), focused=self.focused("transfer"),
                 size=SMALL, name="transfer")  # fmt: skip
        p.button((1000, y, 860, 96), game_step, partial(self.change, "game_transfer", 1),
                 focused=self.focused("game_transfer"), size=SMALL, name="game_transfer")  # fmt: skip
        p.text(t("project.hint"), (100, y + 116, 1760, 100), SMALL, colour=theme.MUTED, max_lines=2)
        common.go_on_button(p, app, (1160, 968, 720, 96), t("project.done"), self.done, "done",
                            focused=self.focused("done"))  # fmt: skip
