# SPDX-License-Identifier: MIT
"""All at once (issue 12): the open round, its reveal, and the tools every team drew together.

The round: the room's card, large (when some teams answer a follow-up card of their own, the card most
teams share, and who answers another; when no card fits every project, the list of who answers what);
one row per team saying "answered" or "not yet", never what. The facilitator enters or changes any team's
answer: the team's number (or Up/Down) picks its row, then 1-3 records its response and lets go of the row;
T cycles the tools that help that team (without a row picked, T is the timer); R twice plays its reveal
tool; Backspace on a picked row withdraws that team's answer only (without one, it undoes the last
decision); Left lets go of the row. A clicker alone: PageUp picks the next team to answer, then steps
through its responses (after the last, it lets go); PageDown arms the response highlighted and records it
on a second press. Without a row picked, PageDown (Enter, F5) asks to reveal and reveals on a second press
(teams that have not answered then pass). Phones answer through the same controller calls, so the laptop
keeps the last word. The row picked, the response highlighted, a press that asked for a second one and the
tools chosen go into the save with the round: a resume after a kill comes back to them as they were.
"""

from __future__ import annotations

import abc
import math
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from booster.table.views import EffectView, RevealView, RoundView, ToolsView
from booster.ui import theme
from booster.ui.carddraw import OptionState, draw_card, natural_height
from booster.ui.paint import BODY, LARGE, SMALL, Painter
from booster.ui.scenes import common
from booster.ui.scenes.base import GO_BACK, GO_ON, Command, OneStepScene, Scene
from booster.ui.scenes.board import draw_check
from booster.ui.scenes.card import EffectScene, ToolScene, draw_timer, revealed_text

if TYPE_CHECKING:
    from booster.engine.model import Deck

SIDE_W, RIGHT = 620, 1880  # the side column (the timer, the teams' rows) and the screen's right edge
MAX_SIDE_W = 800  # long team names widen the column to this at most: the card keeps 1000 units
ROWS_TOP, ROWS_BOTTOM = 366, 880
ROW_LEFT = 120  # a row's number and token, before its name
STATUS_W, STATUS_ICON_W = 230, 56  # a row's status in words with its shape, or its shape alone
# What a round has half-pressed when nothing is: the save keeps only what differs.
ROUND_AS_IT_CAME: dict[str, object] = {
    "picked": None,
    "choice": 0,
    "armed": False,
    "arming": None,
    "tools": {},
    "asked": None,
}
LET_GO = (pygame.K_LEFT,)


def _digit(k: int) -> int | None:
    """1-9 on the main keys or the keypad, as 0-8; None for any other key."""
    if pygame.K_1 <= k <= pygame.K_9:
        return k - pygame.K_1
    if pygame.K_KP1 <= k <= pygame.K_KP9:
        return k - pygame.K_KP1
    return None


class RoundScene(Scene):
    name = "round"

    def __init__(self, app, view: RoundView) -> None:
        super().__init__(app)
        self.view = view
        self.picked: int | None = None  # the team whose row the next response key answers for
        self.choice = 0  # the picked team's response the clicker highlights
        self.armed = False  # that response is recorded on the next go-on press
        self.arming: int | None = None  # a team whose reveal tool was asked for once: asked again, it is played
        self.tools: dict[int, str | None] = {}  # per team, the tool its next answer plays
        # The teams waited for when a reveal was asked for (None: not asked): asked again, it goes.
        self.asked: tuple[int, ...] | None = None
        # A team whose reveal the projector holds behind a "look away" screen (no phone follows it), and
        # whether it shows the effects now, to that team only. Not kept in the save: a resumed round comes
        # back with the effects hidden (R on the team's row shows them again).
        self.private: int | None = None
        self.showing = False
        self.reveals = self.revealed_now()  # the reveal tools played so far, per team (to tell the room of new ones)
        self.restore()

    def pressed(self) -> dict[str, Any]:
        """What the round has half-pressed, as the save keeps it ({} for a round as it came)."""
        said = {
            "picked": self.picked,
            "choice": self.choice,
            "armed": self.armed,
            "arming": self.arming,
            "tools": {str(seat): tool for seat, tool in self.tools.items() if tool},
            "asked": None if self.asked is None else list(self.asked),
        }
        return {k: v for k, v in said.items() if v != ROUND_AS_IT_CAME[k]}  # team 0 picked is not "nothing"

    def keep(self) -> None:
        """Keep what is half-pressed in the save, while this round is the one the game shows."""
        if self.game.view() == self.view:
            self.game.press(self.pressed())

    def restore(self) -> None:
        """After a resume: the row picked, its response highlighted and armed, the tools chosen and a reveal
        asked for, as the save kept them (each checked against the round as it is)."""
        game, pressed = self.game, self.game.pressed
        seats = game.answering()
        tools = pressed.get("tools")
        for seat, tool in tools.items() if isinstance(tools, dict) else ():
            if seat.isdigit() and int(seat) in seats and tool in game.tools_for(int(seat)):
                self.tools[int(seat)] = tool
        asked = pressed.get("asked")
        if isinstance(asked, list) and all(isinstance(s, int) and not isinstance(s, bool) for s in asked):
            self.asked = tuple(asked)
        picked = common.pressed_index(pressed, "picked", len(game.state.teams))
        if picked is None or picked not in seats:
            return
        self.picked = picked
        self.choice = common.pressed_index(pressed, "choice", len(game.offered(picked))) or 0
        self.armed = pressed.get("armed") is True
        self.arming = picked if pressed.get("arming") == picked and game.reveal_tools(picked) else None

    def keeps(self, view: object) -> bool:
        # An answer (from the keyboard or a phone) changes the game, not the round on screen: the row picked
        # and the tools chosen stay.
        if view != self.view:
            return False
        self.say_reveals()
        return True

    def revealed_now(self) -> tuple[str | None, ...]:
        rnd = self.game.state.round
        return rnd.revealed if rnd is not None else ()

    def say_reveals(self) -> None:
        """A team played its reveal tool from its phone: the room reads that it used it, and nothing more (a
        reveal from the team's picked row says so in place of the rows)."""
        now = self.revealed_now()
        for seat, tool in enumerate(now):
            before = self.reveals[seat] if seat < len(self.reveals) else None
            if tool is not None and before is None and seat != self.picked:
                team = common.team_name(self.app, seat)
                self.app.toast(
                    self.t("round.used_tool", team=team, tool=self.app.deck_text("cards", tool, "title") or tool)
                )
        self.reveals = now

    # -- acting --------------------------------------------------------------------------------------------
    def pick(self, seat: int | None) -> None:
        self.picked = seat if seat is None or seat in self.game.answering() else self.picked
        self.choice, self.armed = 0, False
        self.keep()

    def step(self) -> None:
        """The clicker's PageUp: pick the next team to answer, then step through its responses (and its tool
        that reveals its card, if it holds one); after the last, let go of the row."""
        if self.picked is None:
            waiting = self.game.waiting() or self.game.answering()
            if waiting:
                self.pick(waiting[0])
            return
        self.armed = False
        self.choice += 1
        if self.choice >= len(self.game.offered(self.picked)) and not self.on_reveal():
            self.pick(None)

    def on_reveal(self) -> bool:
        """Whether the clicker's highlight is past the picked team's responses, on its tool that reveals."""
        seat = self.picked
        return seat is not None and self.choice == len(self.game.offered(seat)) and bool(self.game.reveal_tools(seat))

    def confirm(self) -> None:
        """The clicker's PageDown on a picked row: arm the response highlighted, record it on a second press
        (on the team's reveal tool: the first press says it is then used up, the second plays it)."""
        if self.picked is not None and self.on_reveal():
            self.reveal_card(self.picked)
        elif self.armed:
            self.respond(self.choice)
        else:
            self.armed = True

    def move(self, step: int) -> None:
        seats = self.game.answering()
        if not seats:
            return
        if self.picked not in seats:
            self.pick(seats[0] if step > 0 else seats[-1])
        else:
            self.pick(seats[(seats.index(self.picked) + step) % len(seats)])

    def respond(self, i: int) -> None:
        """Response i (0-based, as the picked team sees its card) for the picked team."""
        seat = self.picked
        if seat is None:
            self.app.toast(self.t("round.pick_first"))
            return
        offered = self.game.offered(seat)
        if not 0 <= i < len(offered):
            return
        tool = self.tools.get(seat)
        if self.game.answer(seat, offered[i].id, tool if tool in self.game.tools_for(seat) else None):
            self.pick(None)
            self.end_private()  # a response clicked on the team's card while it reads its effects

    def cycle_tool(self, seat: int) -> None:
        """No tool, then each tool that helps the team on its card, in turn."""
        if not self.game.tools_for(seat):
            self.app.toast(self.t("round.no_tool", team=common.team_name(self.app, seat)))
            return
        choices: list[str | None] = [None, *self.game.tools_for(seat)]
        now = self.tools.get(seat)
        self.tools[seat] = choices[(choices.index(now) + 1) % len(choices)] if now in choices else choices[1]

    def reveal_card(self, seat: int) -> None:
        """The picked team plays its tool that reveals its card. What each response does is that team's
        finding, not the room's (the value of information): its phones show it, and the projector says only
        that the team used the tool; with no phone following the team, the projector holds the effects
        behind a "look away" screen until a press shows them (`private`). The tool is spent: the first
        press says so, the second plays it. R on a team that revealed shows it the effects again there."""
        tools = self.game.reveal_tools(seat)
        if tools and self.arming == seat:
            self.arming, self.choice = None, 0
            if self.game.reveal(seat, tools[0]) and not self.followed(seat):
                self.private, self.showing = seat, False
        elif tools:
            self.arming = seat
        elif self.game.revealed(seat):
            self.private, self.showing = seat, False
        else:
            self.app.toast(self.t("round.no_reveal", team=common.team_name(self.app, seat)))

    def followed(self, seat: int) -> bool:
        """Whether a phone follows team `seat` now (its effects go there, not on the projector)."""
        phones = self.app.phones
        return phones is not None and phones.phones(seat) > 0

    def in_private(self) -> int | None:
        """The team whose effects are behind the "look away" screen, if any (an undo of its reveal ends it)."""
        if self.private is not None and self.game.revealed(self.private) is None:
            self.private, self.showing = None, False
        return self.private

    def show_private(self) -> None:
        """On the "look away" screen, the press that shows the effects; then the press that hides them."""
        if self.showing:
            self.end_private()
        else:
            self.showing = True

    def end_private(self) -> None:
        """Back to the round: the effects hidden, the team's row still picked to enter its answer."""
        self.private, self.showing = None, False

    def withdraw(self, seat: int) -> None:
        if self.game.has_answered(seat):
            self.game.withdraw(seat)
        else:
            self.app.toast(self.t("round.no_answer", team=common.team_name(self.app, seat)))

    def reveal(self) -> None:
        """Reveal the answers; with teams still to answer, the first press says who, the second reveals
        without them (they pass this card)."""
        waiting = self.game.waiting()
        if waiting != self.asked:  # the first press (or teams answered since): say what the second does
            self.asked = waiting
            if waiting:
                names = ", ".join(common.team_name(self.app, s) for s in waiting)
                self.app.toast(self.t("round.reveal_anyway", teams=names))
        elif not waiting:
            self.game.close_round()
        else:
            self.game.reveal_without()
        self.keep()

    def toggle_timer(self) -> None:
        self.app.do(Command.TIMER)

    def claims(self, event: pygame.event.Event) -> bool:
        # A team's effects on screen: every key is this screen's (a timer or an undo would leave them up),
        # but the blackout, which hides them at once.
        if self.in_private() is not None:
            return event.key not in (pygame.K_b, pygame.K_PERIOD, pygame.K_KP_PERIOD)
        # With a row picked, T and Backspace are that team's (its tools, its answer), not the app's.
        return self.picked is not None and event.key in (pygame.K_t, pygame.K_r, pygame.K_BACKSPACE)

    def key(self, event: pygame.event.Event) -> bool:
        taken = self.take_key(event)
        self.keep()
        return taken

    def take_key(self, event: pygame.event.Event) -> bool:
        k = event.key
        if self.in_private() is not None:  # go-on shows the effects, then hides them; any other key hides them
            if k in GO_ON:
                self.show_private()
            else:
                self.end_private()
            return True
        # A second press confirms only when nothing came in between: anything else lets go of what was asked.
        if not (k in GO_ON and self.picked is None):
            self.asked = None
        if not (self.picked is not None and (k == pygame.K_r or (k in GO_ON and self.on_reveal()))):
            self.arming = None
        if not (k in GO_ON and self.picked is not None):
            self.armed = self.armed and k == pygame.K_t
        digit = _digit(k)
        if digit is not None:
            if self.picked is None:
                self.pick(digit)
            else:
                self.respond(digit)
            return True
        if k in (pygame.K_DOWN, pygame.K_TAB):
            self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            return True
        if k == pygame.K_UP:
            self.move(-1)
            return True
        if k in LET_GO:
            self.pick(None)
            return True
        if k == pygame.K_PAGEUP:
            self.step()
            return True
        if self.picked is not None and k == pygame.K_t:
            self.cycle_tool(self.picked)
            return True
        if self.picked is not None and k == pygame.K_r:
            self.reveal_card(self.picked)
            return True
        if self.picked is not None and k == pygame.K_BACKSPACE:
            self.withdraw(self.picked)
            return True
        if k in GO_ON:
            if self.picked is not None:
                self.confirm()
            else:
                self.reveal()
            return True
        return False

    # -- drawing -------------------------------------------------------------------------------------------
    def focused(self, name: str) -> bool:
        return False  # the timer's button is pressed with T; the keys pick rows, not a focus ring

    def draw(self, p: Painter) -> None:
        app, t, game = self.app, self.t, self.game
        p.fill(theme.BG)
        if self.in_private() is not None:
            self.draw_private(p)
            return
        p.text(common.stage_title(app, game.state.stage), (40, 18, 1100, 80), LARGE, bold=True, valign="middle")
        seats = game.answering()
        done = len(seats) - len(game.waiting())
        p.text(
            t("round.count_one" if done == 1 else "round.count", n=done, total=len(seats)),
            (1160, 18, RIGHT - 1160, 80),
            LARGE,
            bold=True,
            align="right",
            valign="middle",
            max_lines=1,
        )
        side_w, words = self.side(p, seats)
        x, card_w = RIGHT - side_w, RIGHT - side_w - 80  # the card, then a gap, then the side column
        self.draw_cards(p, card_w)
        if game.timer.length > 0:
            draw_timer(p, self, (x, 112, side_w, 240), self.toggle_timer)
        if self.picked is not None and game.revealed(self.picked):
            self.draw_used(p, self.picked, x, side_w)
        else:
            self.draw_rows(p, seats, x, side_w, words)
        label = t("round.reveal_again") if self.asked is not None and self.picked is None else t("round.reveal")
        ready = not game.waiting()  # the highlight is on the row picked until every team has answered
        box = (x, 892, side_w, 82)
        common.go_on_button(p, app, box, label, self.reveal, "reveal", size=BODY, focused=ready and self.picked is None)
        if self.armed or self.arming is not None or self.on_reveal():  # a press records or spends: said plainly
            p.panel((40, 966, card_w, 100), theme.PRIMARY, theme.FOCUS, 6, 16)
            box = (56, 970, card_w - 32, 92)
            hint = p.fitting(self.hint(), box, SMALL, bold=True, max_lines=2)
            p.text(hint, box, SMALL, bold=True, valign="middle", align="center", max_lines=2)
        else:
            box = (40, 966, card_w, 108)
            p.text(p.fitting(self.hint(), box, SMALL, max_lines=2), box, SMALL, valign="middle", max_lines=2)
        common.small_buttons(p, app, 985, x=x, w=(side_w - 40) / 3, hints=False)

    def side(self, p: Painter, seats: tuple[int, ...]) -> tuple[float, bool]:
        """The side column's width, and whether the rows say their status in words: every team's name is
        shown whole on one line, at the readable floor at least; the status word gives way first, then the
        card's width (a name too long even then wraps, or is cut, as any text)."""
        app = self.app
        font = p.tr.font(p.floor_px())
        widest = max((font.size(common.team_name(app, s))[0] / p.layout.k for s in seats), default=0.0) + 8
        fixed = ROW_LEFT + (common.PHONES_W if app.phones is not None else 0) + 20
        if widest <= SIDE_W - fixed - STATUS_W:
            return SIDE_W, True
        return min(MAX_SIDE_W, max(SIDE_W, fixed + STATUS_ICON_W + widest)), False

    def hint(self) -> tuple[str, ...]:
        """The line under the card, said whole: its sentence, then a shorter one when a long team name (the
        rows' column is then wider, the card narrower) leaves it no room; the name is never what gives way."""
        if self.picked is None:
            return (self.t("round.hint"),)
        n = len(self.game.offered(self.picked))
        team = common.team_name(self.app, self.picked)
        if self.arming is not None or self.on_reveal():
            tools = self.game.reveal_tools(self.picked)
            title = (self.app.deck_text("cards", tools[0], "title") or tools[0]) if tools else ""
            if not self.on_reveal():
                return self._said("round.confirm_reveal_tool", team=team, tool=title)
            said = "round.confirm_reveal_clicker" if self.arming is not None else "round.clicker_reveal"
            return self._said(said, team=team, tool=title)
        if self.armed:
            return self._said("round.confirm_answer", team=team, n=self.choice + 1)
        tool = self.tools.get(self.picked)
        if tool:  # the tool its next answer plays, named whole (the team's row has no room for it)
            title = self.app.deck_text("cards", tool, "title") or tool
            return self._said("round.plays_tool", team=team, tool=title, n=n)
        return self._said("round.hint_picked", team=team, n=n)

    def _said(self, key: str, **values: object) -> tuple[str, str]:
        """The sentence `key`, then its `_short` form (the same keys in fewer words)."""
        return self.t(key, **values), self.t(f"{key}_short", **values)

    def draw_cards(self, p: Painter, w: float) -> None:
        """The round's card (or the cards the teams answer) in a column `w` wide from the left edge."""
        app, t, game = self.app, self.t, self.game
        seat = self.picked
        shared = self.shared()
        if not self.view.split or seat is not None or shared is not None:
            if seat is not None:
                offered = tuple(o.id for o in game.offered(seat))
                card = game.round_card(seat)
                state = OptionState(self.choice, self.armed, None, self.respond, offered)
            else:
                sharing = [s for s in game.answering() if game.round_card(s) == shared] if shared else []
                offered = self._common_offer(sharing or None)
                card = shared if shared is not None else game.round_card(next(iter(game.answering()), 0))
                state = OptionState(on_option=self.respond, offered=offered)
            if card is None:
                return
            box = (40, 112, w, 846)
            if self.view.split:  # whose card this is, and which teams answer another
                line = self.why(seat) if seat is not None else self.others_line(card)
                p.text(line, (40, 100, w, 96), SMALL, bold=True, valign="middle", max_lines=2)
                box = (40, 200, w, 758)
            draw_card(p, self.deck, app.lang, card, box, t, state, app.t.mark_missing)
            return
        # No card fits every team's project: which team answers which.
        x, y = 40.0, 112.0
        p.text(t("round.split"), (x, y, w, 110), BODY, bold=True)
        y += 120
        groups: dict[str, list[int]] = {}
        for s in game.answering():
            card = game.round_card(s)
            if card is not None:
                groups.setdefault(card, []).append(s)
        rh = min(150.0, (980.0 - y) / max(1, len(groups)))
        for card, teams in groups.items():
            p.panel((x, y, w, rh - 10), theme.PANEL, theme.LINE, 3, 16)
            title = app.deck_text("cards", card, "title") or card
            kind = t(f"card.{self.deck.cards[card].kind}")
            p.text(
                t("round.card_line", kind=kind, title=title),
                (x + 20, y + 6, w - 40, (rh - 22) / 2),
                BODY,
                bold=True,
                max_lines=1,
            )
            names = ", ".join(common.team_name(app, s) for s in teams)
            p.text(names, (x + 20, y + 6 + (rh - 22) / 2, w - 40, (rh - 22) / 2), SMALL, max_lines=1)
            y += rh
        p.text(t("round.pick_to_see"), (x, min(y + 10, 900), w, 56), SMALL, colour=theme.MUTED, max_lines=1)

    def shared(self) -> str | None:
        """The room's card, which the projector shows: the round's one challenge, the others answering a
        follow-up of their own (two teams may share a follow-up: it is still not the room's card); without a
        single challenge, the card most teams answer, when more than one team shares it."""
        cards = Counter(c for s in self.game.answering() if (c := self.game.round_card(s)) is not None)
        if not cards:
            return None
        room = _room_card(cards, self.deck)
        if room is not None:
            return room
        card, n = cards.most_common(1)[0]
        return card if n > 1 or len(cards) == 1 else None

    def others_line(self, card: str) -> str:
        """Over the shared card: the teams that answer another card (their number shows it)."""
        game = self.game
        others = [s for s in game.answering() if game.round_card(s) not in (None, card)]
        names = ", ".join(common.team_name(self.app, s) for s in others)
        return self.t("round.others_answer", teams=names)

    def _common_offer(self, seats: list[int] | None = None) -> tuple[str, ...]:
        """The responses every team (of `seats`) is offered: the projector shows no team's unlocked or
        conditional one."""
        game = self.game
        offers = [tuple(o.id for o in game.offered(s)) for s in (game.answering() if seats is None else seats)]
        if not offers:
            return ()
        return tuple(o for o in offers[0] if all(o in other for other in offers[1:]))

    def why(self, seat: int) -> str:
        card = self.game.round_card(seat)
        name = common.team_name(self.app, seat)
        if card is not None and self.deck.cards[card].kind == "follow-up":
            return self.t("round.follow_up", team=name)
        return self.t("round.card_of", team=name)

    def revealed_tool(self, seat: int) -> str:
        tool = self.game.revealed(seat) or ""
        return self.app.deck_text("cards", tool, "title") or tool

    def draw_used(self, p: Painter, seat: int, x: float, w: float) -> None:
        """In place of the rows while the team's row is picked: that it used its reveal tool, and where its
        effects are (never the effects: the room sees only that the team used it)."""
        app, t, game = self.app, self.t, self.game
        top = ROWS_TOP if game.timer.length > 0 else 112
        y, h = top, ROWS_BOTTOM - top
        p.panel((x, y, w, h), theme.HIGHLIGHT, theme.INK, 3, 18)
        team = common.team_name(app, seat)
        said = t("round.used_tool", team=team, tool=self.revealed_tool(seat))
        sh = min(h / 2, natural_height(p, said, w - 40, BODY, bold=True) + 4)
        p.text(said, (x + 20, y + 10, w - 40, sh), BODY, bold=True)
        where = t("round.used_on_phones" if self.followed(seat) else "round.used_show_again", team=team)
        p.text(where, (x + 20, y + 20 + sh, w - 40, h - 30 - sh), SMALL)

    def draw_private(self, p: Painter) -> None:
        """The reveal of a team no phone follows, on the projector: first a screen that asks the other
        teams to look away (nothing of the effects on it), then, on a press, the team's card and what each
        of its responses does, until the next press hides them."""
        app, t, game = self.app, self.t, self.game
        seat = self.private
        assert seat is not None
        team, tool = common.team_name(app, seat), self.revealed_tool(seat)
        if not self.showing:
            common.token(p, app, seat, (960, 150), 48)
            p.text(t("round.private_title", team=team), (40, 220, 1840, 110), LARGE, bold=True, align="center")
            said = t("round.private_body", team=team, tool=tool)
            if app.phones is not None and not self.followed(seat):  # phones are on, none is this team's: say so
                said = f"{t('round.private_no_phone', team=team)} {said}"
            p.text(said, (200, 350, 1520, 360), BODY, align="center")
            label = t("round.private_show", team=team)
            common.go_on_button(p, app, (560, 740, 800, 110), label, self.show_private, "show", size=BODY)
            p.button((610, 880, 700, 76), t("round.private_back"), self.end_private, size=SMALL, name="back")
            p.text(t("round.private_keys"), (40, 980, 1840, 70), SMALL, align="center", colour=theme.MUTED)
            return
        p.text(t("round.private_shown", team=team), (40, 18, 1840, 80), LARGE, bold=True, valign="middle")
        w, _ = self.side(p, game.answering())
        x = RIGHT - w
        self.draw_cards(p, x - 80)
        y, h = 112, ROWS_BOTTOM - 112
        p.panel((x, y, w, h), theme.HIGHLIGHT, theme.INK, 3, 18)
        said = t("round.revealed_by", team=team, tool=tool)
        sh = min(h / 3, natural_height(p, said, w - 40, SMALL, bold=True) + 4)
        p.text(said, (x + 20, y + 10, w - 40, sh), SMALL, bold=True)
        view = game.rules.seat_view(game.state, seat)
        text = revealed_text(app, view, game.offered(seat), self.tools.get(seat))
        p.text(text, (x + 20, y + 20 + sh, w - 40, h - 30 - sh), SMALL)
        common.go_on_button(p, app, (x, 892, w, 82), t("round.private_hide"), self.end_private, "hide", BODY)
        p.text(t("round.private_hide_keys"), (40, 966, x - 80, 108), SMALL, valign="middle", max_lines=2)

    def draw_rows(self, p: Painter, seats: tuple[int, ...], x: float, w: float, words: bool) -> None:
        """A row per team: its number, token and name (whole), the phones that follow it, whether it has
        answered (a tick or an empty ring, and the word when the names leave room for it)."""
        app, t, game = self.app, self.t, self.game
        top = ROWS_TOP if game.timer.length > 0 else 112
        rh = min(96.0, (ROWS_BOTTOM - top) / max(1, len(seats)))
        status_w = STATUS_W if words else STATUS_ICON_W
        room = common.PHONES_W if app.phones is not None else 0  # the phones following the team
        name_w = w - ROW_LEFT - 20 - status_w - room
        for j, seat in enumerate(seats):
            y = top + j * rh
            picked = seat == self.picked
            answered = game.has_answered(seat)
            box = (x, y + 3, w, rh - 6)
            p.button(
                box,
                "",
                partial(self.pick, seat),
                focused=picked,
                fill=theme.HIGHLIGHT if picked else theme.PANEL,
                name=f"team{seat}",
            )
            cy = y + rh / 2
            p.text(str(seat + 1), (x + 14, y + 6, 40, rh - 12), SMALL, bold=True, valign="middle", max_lines=1)
            common.token(p, app, seat, (x + 84, cy), min(24, rh * 0.3))
            name = common.team_name(app, seat)
            p.text(name, (x + ROW_LEFT, y + 6, name_w, rh - 12), SMALL, valign="middle", max_lines=2)
            common.phones_count(p, app, seat, (x + ROW_LEFT + name_w + 10, y + 8, room - 8, rh - 16))
            # The status with a shape: a tick when answered, an empty ring when not, a ring crossed out when
            # the team passed; and in words when there is room.
            sx = x + w - status_w
            r = min(16, rh * 0.22)
            passed = game.has_passed(seat)
            if answered and not passed:
                draw_check(p, (sx + 20, cy), r)
            else:
                pygame.draw.circle(p.surface, theme.INK, p.layout.point(sx + 20, cy), p.px(r), p.px(3))
            if passed:
                ends = p.layout.point(sx + 20 - r, cy), p.layout.point(sx + 20 + r, cy)
                pygame.draw.line(p.surface, theme.INK, *ends, p.px(3))
            if words:
                word = t("round.passed") if passed else t("round.answered") if answered else t("round.not_yet")
                box = (sx + 46, y + 6, status_w - 60, rh - 12)
                p.text(word, box, SMALL, bold=answered, valign="middle", max_lines=1)


def _cells(n: int) -> list[tuple[float, float, float, float]]:
    """The boxes of n teams side by side, below the title: one row up to four, two rows beyond."""
    cols, rows = (max(1, n), 1) if n <= 4 else (math.ceil(n / 2), 2)
    gap, (left, top, width, height) = 16, (40, 110, 1840, 850)
    cw, ch = (width - gap * (cols - 1)) / cols, (height - gap * (rows - 1)) / rows
    return [(left + (j % cols) * (cw + gap), top + (j // cols) * (ch + gap), cw, ch) for j in range(n)]


class _TeamsTogether(OneStepScene):
    """A screen of every team's outcome together: a team's number (or a click on it) opens that team's
    own whole screen (`detail`); any go-on key there comes back here."""

    def key(self, event: pygame.event.Event) -> bool:
        digit = _digit(event.key)
        if digit is not None:
            self.detail(digit)
            return True
        return super().key(event)

    @abc.abstractmethod
    def detail(self, seat: int) -> None:
        """Open the team `seat`'s own whole screen."""


def _room_card(cards: Counter[str], deck: Deck) -> str | None:
    """The room's card of a round: its one challenge, when the other teams answer follow-ups of their own (two
    teams may share a follow-up, so the most common card is not always the room's); None without one."""
    challenges = [c for c in cards if deck.cards[c].kind != "follow-up"]
    return challenges[0] if len(challenges) == 1 else None


class RevealScene(_TeamsTogether):
    """Who chose what: every team's response side by side, with its effect, consequence, marks and tool. A
    team's number (or a click on it) shows its answer whole, as turn play shows it; any go-on key there
    comes back here. When teams answered different cards (a follow-up of their own, or cards that fit their
    projects), each card has its page, the room's card first: go-on turns the pages, PageUp
    turns back, and every response and consequence is said whole."""

    name = "reveal"

    def __init__(self, app, view: RevealView) -> None:
        super().__init__(app)
        self.view = view
        seats = Counter(e.card for e in view.effects)
        room = _room_card(seats, self.deck)
        # The room's card first, then by teams; sorted is stable: ties in the order of the teams.
        self.pages = sorted(seats, key=lambda c: (c != room, -seats[c]))
        # The page on show goes into the save with the screen: a resume comes back to it.
        self.page = common.pressed_index(self.game.pressed, "page", len(self.pages)) or 0

    def turn(self, page: int) -> None:
        self.page = page
        self.game.press({"page": page} if page else {})

    def key(self, event: pygame.event.Event) -> bool:
        if event.key in GO_BACK:
            self.turn(max(0, self.page - 1))
            return True
        return super().key(event)

    def go_on(self) -> None:
        if self.page + 1 < len(self.pages):
            self.turn(self.page + 1)
        else:
            self.game.dismiss()

    def detail(self, seat: int) -> None:
        effect = next((e for e in self.view.effects if e.team == seat), None)
        if effect is not None:
            self.app.push(TeamAnswer(self.app, effect))

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        if not self.pages:  # every team passed
            p.text(t("reveal.title"), (40, 18, 1840, 80), LARGE, bold=True, valign="middle", max_lines=1)
            names = ", ".join(common.team_name(app, s) for s in self.view.passed)
            p.text(t("reveal.passed", teams=names), (40, 120, 1840, 200), BODY)
        else:
            card = self.pages[min(self.page, len(self.pages) - 1)]
            title = t("reveal.title_card", card=app.deck_text("cards", card, "title") or card)
            if len(self.pages) > 1:
                title = f"{title} ({self.page + 1}/{len(self.pages)})"
            p.text(title, (40, 18, 1840, 80), LARGE, bold=True, valign="middle", max_lines=1)
            self.draw_by_response(p, card)
        common.go_on_button(p, app, (1180, 972, 700, 96), t("card.continue"), self.go_on, "continue")
        common.small_buttons(p, app, 982)

    def draw_by_response(self, p: Painter, card_id: str) -> None:
        """The room answered one card: a column per response chosen, with the teams that chose it, its
        effect, the marks it left and its consequence, each said once and whole."""
        chosen: dict[str, list[EffectView]] = {}
        for response in self.deck.cards[card_id].options:
            teams = [e for e in self.view.effects if e.card == card_id and e.option == response.id]
            if teams:
                chosen[response.id] = teams
        gap = 16
        passed = self.view.passed and self.page == 0
        left, top, width, height = 40, 110, 1840, 850 - (56 if passed else 0)
        if passed:
            names = ", ".join(common.team_name(self.app, s) for s in self.view.passed)
            p.text(self.t("reveal.passed", teams=names), (left, 916, width, 50), SMALL, colour=theme.MUTED, max_lines=1)
        cw = (width - gap * (len(chosen) - 1)) / max(1, len(chosen))
        for j, (option, teams) in enumerate(chosen.items()):
            self.draw_response(p, card_id, option, teams, (left + j * (cw + gap), top, cw, height))

    def draw_response(self, p: Painter, card_id: str, option: str, teams: list[EffectView], box) -> None:
        app, t = self.app, self.t
        x, y, w, h = box
        p.panel(box, theme.PANEL, theme.LINE, 2, 18)
        card = self.deck.cards[card_id]
        n = [o.id for o in card.options].index(option) + 1
        said = t("reveal.response", n=n, text=app.deck_text("cards", card_id, "options", option) or option)
        sh = min(h * 0.4, natural_height(p, said, w - 40, BODY, bold=True) + 4)
        p.text(said, (x + 20, y + 14, w - 40, sh), BODY, bold=True)
        y2 = y + 14 + sh + 8
        # The same response may do more or less to one team (its marks, a tool it played): the chips say
        # what it did to most of its teams, and a team it did otherwise says so in words on its own line.
        deltas = Counter(e.delta for e in teams)
        usual = deltas.most_common(1)[0][0]
        common.effect_chips(p, app, usual, (x + 16, y2, w - 32, 68), horizontal=True)
        y2 += 74
        for e in teams:
            notes = []
            if e.tool:
                notes.append(t("round.tool", tool=app.deck_text("cards", e.tool, "title") or e.tool))
            if e.delta != usual:
                notes.append(t("reveal.its_effect", effect=common.effect_words(app, e.delta)))
            note = " · ".join(notes)
            row = 60.0 + (natural_height(p, note, w - 100, SMALL) if note else 0)
            p.button((x + 12, y2, w - 24, row - 6), "", partial(self.detail, e.team), name=f"team{e.team}")
            common.token(p, app, e.team, (x + 44, y2 + 27), 18)
            name = common.team_name(app, e.team)
            p.text(name, (x + 72, y2 + 4, w - 100, 46), SMALL, bold=True, valign="middle", max_lines=1)
            if note:
                p.text(note, (x + 72, y2 + 50, w - 100, row - 60), SMALL, colour=theme.MUTED)
            y2 += row
        marks = list(dict.fromkeys(m for e in teams for m in e.marks))
        bottom = y + h - 12
        if marks:
            line = t("reveal.marks_left", marks=" · ".join(app.deck_text("marks", m) or m for m in marks))
            mh = min(96.0, natural_height(p, line, w - 40, SMALL) + 4)
            bottom -= mh + 4
            p.text(line, (x + 20, bottom, w - 40, mh), SMALL, colour=theme.MUTED, max_lines=2)
        consequence = app.deck_text("cards", card_id, "consequences", option)
        if consequence and bottom - y2 > 36:
            p.text(consequence, (x + 20, y2 + 6, w - 40, bottom - y2 - 10), SMALL)


class TeamAnswer(EffectScene):
    """One team's answer on the reveal, whole: its card, its response, the effect and consequence."""

    name = "reveal-team"

    def go_on(self) -> None:
        self.app.pop()


class TeamTool(ToolScene):
    """One team's tool on the tools' screen, whole: the method's steps and what the team gained."""

    name = "tools-team"

    def go_on(self) -> None:
        self.app.pop()


class ToolsScene(_TeamsTogether):
    """A tool space, all at once: the tool each team drew, what it is for and what it gave, together. A
    team's number (or a click on it) shows its tool card whole; any go-on key there comes back here."""

    name = "tools"

    def __init__(self, app, view: ToolsView) -> None:
        super().__init__(app)
        self.view = view

    def detail(self, seat: int) -> None:
        tool = next((v for v in self.view.tools if v.team == seat), None)
        if tool is not None:
            self.app.push(TeamTool(self.app, tool))

    def draw(self, p: Painter) -> None:
        app, t = self.app, self.t
        p.fill(theme.BG)
        p.text(t("round.tools_title"), (40, 18, 1840, 80), LARGE, bold=True, valign="middle", max_lines=1)
        tools = self.view.tools
        for tool, (x, y, cw, ch) in zip(tools, _cells(len(tools)), strict=True):
            p.button((x, y, cw, ch), "", partial(self.detail, tool.team), name=f"team{tool.team}")
            common.token(p, app, tool.team, (x + 40, y + 40), 22)
            name = common.team_name(app, tool.team)
            p.text(name, (x + 76, y + 8, cw - 92, 64), BODY, bold=True, valign="middle", max_lines=1)
            title = app.deck_text("cards", tool.card, "title") or tool.card
            th = min(120.0, natural_height(p, title, cw - 40, BODY, bold=True) + 4)
            p.text(title, (x + 20, y + 80, cw - 40, th), BODY, bold=True, max_lines=2)
            # Under its name, what the tool will do for the team (and first the points a deck's tool card
            # gives when drawn, if any), said whole; then what the method is for, in the room left.
            top, bottom = y + 80 + th + 4, y + ch - 8
            if any(tool.delta or ()):
                common.effect_chips(p, app, tool.delta, (x + 16, top, cw - 32, 76), horizontal=True)
                top += 84
            does = p.fitting(common.tool_powers(app, tool.card), (x + 20, top, cw - 40, bottom - top), SMALL)
            dh = min(natural_height(p, does, cw - 40, SMALL) + 4, bottom - top)  # + 4: no shrink by rounding
            p.text(does, (x + 20, top, cw - 40, dh), SMALL)
            text = app.deck_text("cards", tool.card, "text")
            top += dh + 10
            # Only where one whole line fits (a line's height grows with the screen's scale).
            if text and bottom - top >= natural_height(p, "M", cw - 40, SMALL) + 1:
                p.text(text, (x + 20, top, cw - 40, bottom - top), SMALL, colour=theme.MUTED)
        common.go_on_button(p, app, (1180, 972, 700, 96), t("card.continue"), self.go_on, "continue")
        common.small_buttons(p, app, 982)
