# SPDX-License-Identifier: MIT
"""Set-up: how many teams, each team's name (typed), token colour and shape, scenario; the timer; whether
teams play in turn or all at once, and whether they answer from their phones.

Keys: Up/Down/Tab move the highlight; Left/Right change the highlighted value; Enter on a name types into
it; PageDown always starts the game with what is shown (defaults are sensible). A clicker alone: PageUp
moves the highlight on to the next control (round them all), F5 changes the highlighted value (round its
choices) or starts on "Start", PageDown starts. The controls a clicker needs come first, in the order they
are most used (the number of teams, the mode, the phones, the timer), the teams' own ones after: six teams
all at once are F5 four times (2 to 6 teams), PageUp (to the mode), F5 and PageDown.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import pygame

from booster.engine.game import Mode
from booster.engine.model import CardKind
from booster.table.projects import Project, scenario_of_kind, with_projects
from booster.ui import theme
from booster.ui.paint import BODY, LARGE, SMALL, TITLE, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import ACTIVATE, NEXT, PREV, Command, Scene

MAX_NAME = 28
OWN_PROJECT = "\0own-project"  # the scenario choice that stands for a team's own project (never a card id)
TIMER_STEPS = (0, 30, 60, 90, 120, 150, 180, 240, 300, 420, 600, 900)
MODES: tuple[Mode, ...] = tuple(Mode)


def fmt_time(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class SetupScene(Scene):
    name = "setup"

    def __init__(self, app) -> None:
        super().__init__(app)
        rules = self.deck.rules
        self.min, self.max = rules.min_teams, rules.max_teams
        self.count = max(self.min, min(self.max, 2))
        self.names: list[str] = ["" for _ in range(self.max)]
        self.colour_order, self.shape_order = theme.token_choices(rules.pillars)
        self.tokens: list[list[Any]] = [list(t) for t in theme.default_tokens(rules.pillars, self.max)]
        # The last choice is the team's own project (see booster/ui/scenes/project.py).
        self.scenario_ids = [None] + [c.id for c in self.deck.of_kind(CardKind.SCENARIO)] + [OWN_PROJECT]
        self.projects: list[Project | None] = [None] * self.max
        self.transfer_off: set[int] = set()
        self.transfer_step = True
        self.scenarios = [0] * self.max
        self.timer = rules.timer_seconds
        self.mode = rules.play  # the rules' choice, which the facilitator may change
        self.editing: int | None = None  # team whose name has the text cursor

    def default_name(self, i: int) -> str:
        return self.t("setup.team_default", n=i + 1)

    # -- focus ring: count, mode, phones, timer, per team (name, colour, shape[, scenario]), start ---------
    def ring(self):
        items = [("count", lambda: self.change("count", 1, wrap=True))]
        items.append(("mode", lambda: self.change("mode", 1)))
        items.append(("phones", lambda: self.change("phones", 1)))
        items.append(("timer", lambda: self.change("timer", 1, wrap=True)))
        for i in range(self.count):
            items.append((f"name{i}", partial(self.edit, i)))
            items.append((f"colour{i}", partial(self.change, f"colour{i}", 1)))
            items.append((f"shape{i}", partial(self.change, f"shape{i}", 1)))
            items.append((f"scenario{i}", partial(self.press_scenario, i)))
        items.append(("start", self.start))
        return items

    def captures_text(self) -> bool:
        return self.editing is not None

    def stop_typing(self) -> None:
        self.editing = None

    def edit(self, i: int) -> None:
        self.editing = i
        self.focus_on(f"name{i}")

    def change(self, name: str, step: int, wrap: bool = False) -> None:
        """Step the value of control `name`; `wrap` goes round (a clicker's F5 only ever steps forward)."""
        if not name.startswith("name"):
            self.editing = None  # touching any other control ends the typing
        if name == "count":
            n = self.max - self.min + 1
            self.count = (
                self.min + (self.count - self.min + step) % n
                if wrap
                else max(self.min, min(self.max, self.count + step))
            )
        elif name == "timer":
            idx = min(range(len(TIMER_STEPS)), key=lambda j: abs(TIMER_STEPS[j] - self.timer))
            idx = (idx + step) % len(TIMER_STEPS) if wrap else max(0, min(len(TIMER_STEPS) - 1, idx + step))
            self.timer = TIMER_STEPS[idx]
        elif name == "mode":
            self.mode = MODES[(MODES.index(self.mode) + step) % len(MODES)] if self.mode in MODES else MODES[0]
        elif name == "phones":
            self.app.do(Command.SERVE_PHONES)
        elif name.startswith("colour"):
            i = int(name[6:])
            k = self.colour_order.index(self.tokens[i][0]) if self.tokens[i][0] in self.colour_order else 0
            self.tokens[i][0] = self.colour_order[(k + step) % len(self.colour_order)]
        elif name.startswith("shape"):
            i = int(name[5:])
            k = self.shape_order.index(self.tokens[i][1]) if self.tokens[i][1] in self.shape_order else 0
            self.tokens[i][1] = self.shape_order[(k + step) % len(self.shape_order)]
        elif name.startswith("scenario"):
            i = int(name[8:])
            self.scenarios[i] = (self.scenarios[i] + step) % len(self.scenario_ids)
            if self.scenario_ids[self.scenarios[i]] == OWN_PROJECT and self.projects[i] is None:
                self.open_project(i)
        elif name.startswith("name"):
            self.edit(int(name[4:]))

    def press_scenario(self, i: int) -> None:
        """The team's own project opens its editor; any other choice steps to the next."""
        if self.scenario_ids[self.scenarios[i]] == OWN_PROJECT:
            self.open_project(i)
        else:
            self.change(f"scenario{i}", 1)

    def open_project(self, i: int) -> None:
        from booster.ui.scenes.project import ProjectScene

        self.editing = None

        def done(project: Project | None, transfer: bool, game_transfer: bool) -> None:
            self.projects[i] = project
            if transfer:
                self.transfer_off.discard(i)
            else:
                self.transfer_off.add(i)
            self.transfer_step = game_transfer
            if project is None:  # no name: no project
                self.scenarios[i] = 0

        self.app.push(ProjectScene(self.app, i, self.projects[i], i not in self.transfer_off, self.transfer_step, done))

    def own_project(self, i: int) -> Project | None:
        return self.projects[i] if self.scenario_ids[self.scenarios[i]] == OWN_PROJECT else None

    def start(self) -> None:
        self.editing = None
        names = [(self.names[i].strip() or self.default_name(i)) for i in range(self.count)]
        projects = [self.own_project(i) for i in range(self.count)]
        # A team's own project plays the scenario of its kind: it draws only the cards that fit it.
        scen = [
            scenario_of_kind(self.deck, p.kind) if p else self.scenario_ids[self.scenarios[i]]
            for i, p in enumerate(projects)
        ]
        tokens = [list(self.tokens[i]) for i in range(self.count)]
        self.app.start_game(names, scen, tokens, self.timer, self.mode)
        game = self.app.game
        if game is not None and any(projects):
            game.set_extra("projects", with_projects({}, projects)["projects"])
            game.set_extra("transfer_off", sorted(i for i in self.transfer_off if i < self.count))
            game.set_extra("transfer_step", self.transfer_step)

    def key(self, event: pygame.event.Event) -> bool:
        k = event.key
        ring = self.ring()
        self.focus = min(self.focus, len(ring) - 1)
        current = ring[self.focus][0]
        if self.editing is not None:
            if k == pygame.K_BACKSPACE:
                self.names[self.editing] = self.names[self.editing][:-1]
                return True
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_TAB, pygame.K_DOWN):
                self.editing = None
                self.focus = (self.focus + 1) % len(ring)
                return True
            if k == pygame.K_UP:
                self.editing = None
                self.focus = (self.focus - 1) % len(ring)
                return True
            if k == pygame.K_PAGEDOWN:
                self.start()
                return True
            return k not in (pygame.K_ESCAPE, pygame.K_F11)  # letters arrive as TEXTINPUT
        if k == pygame.K_PAGEDOWN:
            self.start()
            return True
        if k == pygame.K_PAGEUP:  # a clicker's only way to move: on, from the most used controls to the rarest
            self.focus = (self.focus + 1) % len(ring)
            return True
        if k in (pygame.K_LEFT, pygame.K_RIGHT) and current != "start":
            if current.startswith("name"):
                return True
            self.change(current, 1 if k == pygame.K_RIGHT else -1)
            return True
        if k in NEXT or k in PREV:
            return super().key(event)
        if k == pygame.K_F5 and not current.startswith("name") and current != "start":
            self.change(current, 1, wrap=True)
            return True
        if k in ACTIVATE or k == pygame.K_RIGHT:
            ring[self.focus][1]()
            return True
        return False

    def text_input(self, text: str) -> None:
        if self.editing is None:
            return
        name = self.names[self.editing] + "".join(ch for ch in text if ch.isprintable())
        if len(name) > MAX_NAME:  # said, not silently dropped: the room sees why the name stops
            self.app.toast(self.t("setup.name_limit", n=MAX_NAME))
        self.names[self.editing] = name[:MAX_NAME]

    # -- drawing ------------------------------------------------------------------------------------------
    def stepper(self, p: Painter, name: str, label: str, box) -> None:
        x, y, w, h = box
        focused = self.focused(name)
        p.panel(box, theme.PANEL, theme.FOCUS if focused else theme.LINE, 8 if focused else 3, 16)
        if focused:
            p.marker(x - 40, y + h / 2)
        p.button((x + 12, y + 10, h - 20, h - 20), "-", lambda: self.change(name, -1), size=LARGE, name=f"{name}-")
        p.button(
            (x + w - h + 8, y + 10, h - 20, h - 20), "+", lambda: self.change(name, 1), size=LARGE, name=f"{name}+"
        )
        p.text(
            label,
            (x + h + 10, y + 6, w - 2 * h - 20, h - 12),
            BODY,
            bold=True,
            align="center",
            valign="middle",
            max_lines=1,
        )

    def clash(self) -> str:
        """A warning when two teams could be mistaken for each other on the board: same token or same name."""
        seen_tokens: dict[Any, int] = {}
        seen_names: dict[Any, int] = {}
        for i in range(self.count):
            name = (self.names[i] or self.default_name(i)).strip().casefold()
            for seen, key, message in (
                (seen_tokens, tuple(self.tokens[i]), "setup.same_token"),
                (seen_names, name, "setup.same_name"),
            ):
                if key in seen:
                    return self.t(message, a=seen[key] + 1, b=i + 1)
                seen[key] = i
        return ""

    def draw(self, p: Painter) -> None:
        t = self.t
        p.fill(theme.BG)
        p.text(t("setup.title"), (60, 10, 1800, 90), TITLE, bold=True, valign="middle", max_lines=1)
        self.stepper(p, "count", t("setup.teams", n=self.count), (100, 110, 760, 96))
        timer = t("setup.timer", time=fmt_time(self.timer)) if self.timer else t("setup.timer_off")
        self.stepper(p, "timer", timer, (920, 110, 960, 96))
        p.button(
            (100, 222, 760, 84),
            t(f"setup.mode_{self.mode.replace('-', '_')}"),
            lambda: self.change("mode", 1),
            focused=self.focused("mode"),
            size=BODY,
            name="mode",
        )
        phones = t("setup.phones_on") if self.app.phones is not None else t("setup.phones_off")
        p.button(
            (920, 222, 960, 84),
            phones,
            lambda: self.change("phones", 1),
            focused=self.focused("phones"),
            size=BODY,
            name="phones",
        )
        top, bottom = 326, 955
        rh = min(110, (bottom - top) / max(1, self.count))
        for i in range(self.count):
            y = top + i * rh
            h = rh - 12
            ci, shape = self.tokens[i]
            colour_name, colour = theme.TEAM_COLOURS[ci % len(theme.TEAM_COLOURS)]
            p.shape(shape, (100, y + h / 2), min(34, h * 0.4), colour)
            x = 160
            name_w = 640  # the last column is the team's scenario, or its own project
            editing = self.editing == i
            label = self.names[i] + ("|" if editing else "")
            fill = theme.HIGHLIGHT if editing else theme.PANEL
            if not self.names[i] and not editing:
                label = self.default_name(i)
            p.button(
                (x, y, name_w, h),
                label,
                partial(self.edit, i),
                focused=self.focused(f"name{i}"),
                fill=fill,
                align="left",
                size=BODY,
                name=f"name{i}",
            )
            x += name_w + 50
            p.button(
                (x, y, 300, h),
                t(f"colours.{colour_name}"),
                partial(self.change, f"colour{i}", 1),
                focused=self.focused(f"colour{i}"),
                size=BODY,
                name=f"colour{i}",
            )
            x += 350
            p.button(
                (x, y, 280, h),
                t(f"shapes.{shape}"),
                partial(self.change, f"shape{i}", 1),
                focused=self.focused(f"shape{i}"),
                size=BODY,
                name=f"shape{i}",
            )
            x += 330
            sid = self.scenario_ids[self.scenarios[i]]
            project = self.own_project(i)
            if sid == OWN_PROJECT:
                text = t("project.own", name=project.name) if project else t("project.new")
            else:
                text = self.app.deck_text("cards", sid, "title") if sid else t("setup.scenario_none")
            p.button(
                (x, y, 1880 - x, h),
                text,
                partial(self.press_scenario, i),
                focused=self.focused(f"scenario{i}"),
                size=SMALL,
                name=f"scenario{i}",
            )
        if clash := self.clash():
            p.text(clash, (370, 965, 680, 100), SMALL, bold=True, valign="middle", max_lines=2)
        p.button((40, 975, 300, 86), t("setup.back"), lambda: self.app.do(Command.HOME), size=BODY, name="back")
        common.go_on_button(
            p, self.app, (1080, 965, 800, 100), t("setup.start"), self.start, "start", focused=self.focused("start")
        )
