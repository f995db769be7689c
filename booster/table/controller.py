# SPDX-License-Identifier: MIT
"""The game controller: one game as the scenes drive it, apart from the window and the loop.

No pygame here. Scenes call a few typed methods (`decide`, `advance`, `exchange`, `dismiss`, `undo`,
`toggle_timer`, `save_copy`; all at once, `answer`, `withdraw` and `close_round` for any
team of the open round) and read `view()`, which says which screen is owed now (the tool just drawn, the
effect of a choice, the round's reveal, the next stage's introduction...). Every action is played, recorded
and autosaved at once. The controller never shows anything itself: it tells the shell what to say through
`notify(key, **fields)`, a translated-string key and its fields.

The discussion timer belongs to the game here, not to a scene: it is set for each challenge (or round) when
the card comes, and nothing else resets it: a reveal tool, an answer or an undo leaves it as it is, and an
undo that brings a challenge back gives back the time that was left on it.

The save keeps what the room is looking at (`SCREEN`): how many of the screens owed after the last action
are still owed, the timer's time left, and the screen's half-pressed step (`pressed`: the highlight and a
confirm armed, which the scene says and reads back). A resume after a crash or a kill shows that screen
again as it was, the timer paused where it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from booster.engine.events import ExperienceDealt
from booster.engine.game import (
    ADVANCE,
    CLOSE,
    EXCHANGE,
    EXCHANGE_ACTION,
    OVER,
    Action,
    ActionKind,
    Game,
    Mode,
    Setup,
    State,
)
from booster.engine.match import Match
from booster.engine.model import Deck, Option
from booster.engine.outcome import Outcome
from booster.table import saves
from booster.table.projects import Transfer, transfer_teams, with_transfer
from booster.table.timer import Timer
from booster.table.views import (
    BoardView,
    ChallengeView,
    DebriefView,
    EffectView,
    ExchangedView,
    ExchangeView,
    RevealView,
    RoundView,
    StageView,
    ToolsView,
    ToolView,
    TransferView,
    View,
)

SCREEN = "screen"  # the save's front-end entry for the screen on show and its timer
TIMER_CHECKPOINT = 10.0  # seconds between two records of a running timer (a kill loses at most this much)


class Notify(Protocol):
    def __call__(self, key: str, /, **fields: Any) -> None: ...


@dataclass(frozen=True)
class ResumeOffer:
    """What the start screen says about the game it offers to resume."""

    teams: tuple[str, ...]
    stage: int  # index of the stage reached
    decisions: int  # actions in the log
    started: float  # Unix time of the start


class GameController:
    """One game: its match, its save on disk, the screens owed to the players and the discussion timer."""

    def __init__(
        self,
        deck: Deck,
        saved: saves.Saved,
        match: Match,
        autosave: Path | None,
        notify: Notify,
        clock: Callable[[], float] = time.monotonic,
        queue: list[View] | None = None,
        read_only: bool = False,
    ) -> None:
        self.deck = deck
        self.rules = match.game  # the engine (booster.engine.game.Game): what is legal and what it does
        # One log: the match's. The save is the match's log with when each action was taken (`saved`).
        self.match = match
        self._saved = saved  # the save's other fields (the setup, the deck's copy, the language, extra)
        self._times = saved.times  # seconds from the start at which each action of the log was taken
        self.autosave_path = autosave
        self.notify = notify
        self.queue: list[View] = queue if queue is not None else []
        self.save_error: str | None = None
        self._autosave: saves.Autosave | None = None  # writes the whole file once, then appends decisions
        self._batched = 0
        self._unsaved = False
        # A game another window plays, opened to look at: every action is refused, nothing is written.
        self.read_only = read_only
        self.version = 0  # counts changes of what is owed on screen: the shell redraws the scene when it moves
        self.timer = Timer(self.timer_length(), clock)
        # The log length at which the timer was set for a challenge (a transfer step: its stage and team).
        self._timer_key: int | tuple[int, int] | None = None
        # per challenge: time left and running, at the choice
        self._timer_left: dict[int | tuple[int, int], tuple[float, bool]] = {}
        self._timer_recorded = 0.0  # the clock when the running timer's time left was last saved
        # The screen's half-pressed step (its highlight, a confirm armed), as the scene on show keeps it: a plain
        # JSON mapping that goes with the screen (a new screen has none) and comes back with it on a resume.
        self.pressed: dict[str, Any] = {}
        self.sync_timer()

    @classmethod
    def new(
        cls,
        deck: Deck,
        deck_path: str,
        lang: str,
        setup: Setup,
        extra: dict[str, Any],
        autosave: Path | None,
        notify: Notify,
        clock: Callable[[], float] = time.monotonic,
        pin: saves.DeckPin | None = None,
    ) -> GameController:
        """A new game, saved at once and pinned to `pin`, the files `deck` was loaded from (`saves.pin_loaded`;
        None: the files in `deck_path` now); raises IllegalAction if the setup does not fit the deck."""
        match = Match.start(Game(deck), setup)
        saved = saves.new_save(match, deck_path, lang, extra, pin)
        self = cls(deck, saved, match, autosave, notify, clock, [StageView(0)])
        self.persist()
        return self

    @classmethod
    def resume(
        cls,
        deck: Deck,
        saved: saves.Saved,
        autosave: Path | None,
        notify: Notify,
        clock: Callable[[], float] = time.monotonic,
        read_only: bool = False,
    ) -> GameController:
        """The game a save records; SaveError if it does not fit the deck. Read-only: see `read_only`."""
        match = saved.replay(Game(deck))
        self = cls(deck, saved, match, None if read_only else autosave, notify, clock, read_only=read_only)
        self._restore_screen()
        return self

    # -- reading -------------------------------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self.match.state

    @property
    def saved(self) -> saves.Saved:
        """This game's save: its setup and deck, the match's log, and when each action was taken."""
        return self._saved._replace(log=self.match.log, times=self._times)

    @property
    def extra(self) -> dict[str, Any]:
        return self.saved.extra

    def view(self) -> View:
        if self.queue:
            return self.queue[0]
        state = self.state
        if state.phase == OVER:
            return DebriefView()
        if state.phase == EXCHANGE:
            return ExchangeView(state.turn)
        if state.round is not None:
            return RoundView(state.round.cards)
        if state.pending:
            return ChallengeView(state.pending, state.turn)
        return BoardView(state.to_play)

    def shown_stage(self) -> int:
        """The stage of the card on screen: the previous one when this card's turn ended the stage (the next
        stage's introduction is then queued after it)."""
        stage = self.state.stage
        if any(isinstance(v, StageView) for v in self.queue[1:]) or self.state.phase != "play":
            stage -= 1
        return max(0, min(stage, len(self.deck.rules.stages) - 1))

    def helpful_tools(self) -> tuple[str, ...]:
        """The tools the team to play may play on the challenge in front of it."""
        return self.rules.helpful_tools(self.state)

    def can_undo(self) -> bool:
        return self.match.can_undo()

    def cards_earned(self, team: int) -> int:
        """How many experience cards the team receives if it exchanges now (the engine's count)."""
        return self.rules.book.cards_earned(self.state.teams[team].scores)

    def echo_of(self, team: int, card: str) -> tuple[str, str] | None:
        """The decision (card, response) of `team` that experience card `card` answers, if it echoes one."""
        for _i, event in self.match.events():
            match event:
                case ExperienceDealt(team=seat, card=dealt, echo_of=echo_of) if seat == team and dealt == card:
                    return echo_of
        return None

    # -- acting --------------------------------------------------------------------------------------------
    def decide(self, action: Action) -> bool:
        """Play one action; False (and a message) if it is not allowed any more (a stale click)."""
        from booster.engine.game import IllegalAction

        if self.read_only:
            self.notify("toast.read_only")
            return False
        before = self.state
        if action.kind in (ActionKind.CHOOSE, ActionKind.CLOSE) and self._timer_key is not None:
            # What an undo that brings this card (or round) back gives back to its timer.
            self._timer_left[self._timer_key] = (self.timer.remaining(), self.timer.running)
        try:
            self.match, events = self.match.play(action)
        except IllegalAction as e:
            self.notify("toast.illegal", why=str(e))
            return False
        self._times = (*self._times, self._saved.elapsed())
        done = Outcome.of(events)
        shown = self.view()
        self._queue_screens(before, action, done)
        if self.view() != shown:  # an answer in a round keeps the round on screen, and what was half-pressed
            self.pressed = {}
        self.version += 1
        self.sync_timer()
        self.persist()
        roll = done.team(before.turn).rolled
        if roll is not None:
            self.notify("board.rolled", team=self.state.teams[before.turn].name, n=roll)
        return True

    def _queue_screens(self, before: State, action: Action, done: Outcome) -> None:
        self.queue.clear()
        team = before.turn
        mine = done.team(team)
        if action.kind == "exchange":  # in both modes: the cards a team received, one team at a time
            got = mine.experience
            self.queue.append(
                ExchangedView(team, tuple((r.card, r.pillar) for r in got), tuple(r.echo_of for r in got))
            )
        elif before.mode == Mode.ALL_AT_ONCE:
            self._queue_round_screens(before, action, done)
        elif action.kind == "advance":
            if mine.tools:
                self.queue.append(ToolView(mine.tools[0], team, mine.scored))
        elif action.kind == "choose" and before.pending is not None and action.option is not None:
            offered = tuple(o.id for o in self.rules.offered_options(before))
            self.queue.append(
                EffectView(
                    before.pending, team, action.option, action.tool, mine.scored, mine.marks, mine.cleared, offered
                )
            )
        self._queue_stage_end(done.stages)

    def _queue_round_screens(self, before: State, action: Action, done: Outcome) -> None:
        """All at once: the tools every team drew, shown together; a closed round's reveal."""
        if action.kind == ActionKind.ADVANCE:
            tools = tuple(ToolView(t.tools[0], seat, t.scored) for seat, t in sorted(done.teams.items()) if t.tools)
            if tools:
                self.queue.append(ToolsView(tools))
        elif action.kind == ActionKind.CLOSE and before.round is not None:
            passed = tuple(seat for seat, t in sorted(done.teams.items()) if t.passed)
            self.queue.append(RevealView(self._effects(before, done), passed))

    def _queue_stage_end(self, stages: tuple[int, ...]) -> None:
        """A stage ended: each team with a project of its own writes its transfer answer, then the next
        stage's introduction (none after the last: the exchange follows)."""
        for started in dict.fromkeys(stages):  # all at once, every team's move says a stage started
            for team in transfer_teams(self.extra, len(self.state.teams)):
                self.queue.append(TransferView(started - 1, team))
            if started < len(self.deck.rules.stages):
                self.queue.append(StageView(started))

    def record_transfer(self, transfer: Transfer) -> None:
        """A team's answer for its project at the end of a stage, kept in the save at once."""
        if self.read_only:
            self.notify("toast.read_only")
            return
        self.set_extra("transfer", with_transfer(self.extra, transfer)["transfer"])
        self.version += 1  # the screen and the phones show the answer

    def _effects(self, before: State, done: Outcome) -> tuple[EffectView, ...]:
        """Each team's answer to a closed round, with what it did."""
        assert before.round is not None
        out = []
        for seat, (card, answer) in enumerate(zip(before.round.cards, before.round.answers, strict=True)):
            if card is None or answer is None or answer.option is None:
                continue
            mine = done.team(seat)
            offered = tuple(o.id for o in self.rules.offered_options(self.rules.seat_view(before, seat)))
            out.append(
                EffectView(card, seat, answer.option, answer.tool, mine.scored, mine.marks, mine.cleared, offered)
            )
        return tuple(out)

    # -- all at once: the open round -------------------------------------------------------------------------
    def in_round(self) -> bool:
        return self.state.round is not None

    def round_card(self, seat: int) -> str | None:
        """The card team `seat` answers in the open round (None: none, or no round open)."""
        rnd = self.state.round
        return rnd.cards[seat] if rnd is not None and 0 <= seat < len(rnd.cards) else None

    def has_answered(self, seat: int) -> bool:
        rnd = self.state.round
        return rnd is not None and 0 <= seat < len(rnd.answers) and rnd.answers[seat] is not None

    def answering(self) -> tuple[int, ...]:
        """The seats with a card to answer in the open round."""
        rnd = self.state.round
        return tuple(i for i, c in enumerate(rnd.cards) if c is not None) if rnd is not None else ()

    def waiting(self) -> tuple[int, ...]:
        """The seats whose answer the open round still waits for."""
        rnd = self.state.round
        return rnd.unanswered() if rnd is not None else ()

    def team_actions(self, seat: int) -> tuple[Action, ...]:
        """What team `seat` may do now (in a round: answer, change its answer, withdraw it)."""
        return self.rules.team_actions(self.state, seat)

    def offered(self, seat: int) -> tuple[Option, ...]:
        """The responses team `seat` is offered on its card of the open round, numbered as it sees them."""
        if self.round_card(seat) is None:
            return ()
        return self.rules.offered_options(self.rules.seat_view(self.state, seat))

    def tools_for(self, seat: int) -> tuple[str, ...]:
        """The tools team `seat` may play with a response on its card of the open round."""
        return tuple(dict.fromkeys(a.tool for a in self.team_actions(seat) if a.kind == ActionKind.CHOOSE and a.tool))

    def reveal_tools(self, seat: int) -> tuple[str, ...]:
        """The tools team `seat` may play to reveal its card of the open round (before it answers)."""
        return tuple(a.tool for a in self.team_actions(seat) if a.kind == ActionKind.REVEAL and a.tool)

    def revealed(self, seat: int) -> str | None:
        """The tool team `seat` revealed its card of the open round with, if it did."""
        rnd = self.state.round
        return rnd.revealed[seat] if rnd is not None and 0 <= seat < len(rnd.revealed) else None

    def reveal(self, seat: int, tool: str) -> bool:
        """Team `seat` plays a reveal tool on its card of the open round: every response's effect shows."""
        return self.decide(Action(ActionKind.REVEAL, tool=tool, team=seat))

    def answer(self, seat: int, option: str, tool: str | None = None) -> bool:
        """Record (or change) team `seat`'s answer in the open round; nothing scores until the round closes."""
        return self.decide(Action(ActionKind.CHOOSE, option, tool, seat))

    def withdraw(self, seat: int) -> bool:
        """Remove team `seat`'s recorded answer, and no other team's."""
        return self.decide(Action(ActionKind.WITHDRAW, team=seat))

    def close_round(self) -> bool:
        """Every team has answered: apply the answers and show them together."""
        return self.decide(CLOSE)

    def has_passed(self, seat: int) -> bool:
        rnd = self.state.round
        answer = rnd.answers[seat] if rnd is not None and 0 <= seat < len(rnd.answers) else None
        return answer is not None and answer.kind == ActionKind.PASS

    def reveal_without(self) -> bool:
        """The facilitator reveals before every team has answered: the teams still waiting pass this card
        (no effect), then the round closes. Each pass is in the log: undo brings the round back."""
        for seat in self.waiting():
            if not self.decide(Action(ActionKind.PASS, team=seat)):
                return False
        return self.close_round()

    def advance(self) -> bool:
        return self.decide(ADVANCE)

    def exchange(self) -> bool:
        return self.decide(EXCHANGE_ACTION)

    def dismiss(self) -> None:
        """The screen on top has been seen: show the next one owed."""
        if self.queue:
            self.queue.pop(0)
        self.pressed = {}
        self.version += 1
        self.sync_timer()
        self.persist()

    def undo(self) -> bool:
        """Undo the last decision: trailing advances (not decisions) go with the choice before them, and a
        challenge brought back gets back the time that was left on its timer. False if nothing was played."""
        log = self.match.log
        if self.read_only:
            self.notify("toast.read_only")
            return False
        if not log:
            self.notify("toast.nothing_to_undo")
            return False
        # The engine's "undo the last decision": back to the card of the last response or reveal, with the
        # advances (and the exchange) after it; with no decision yet, back to the start.
        last = self.match.last_decision()
        n = 0 if last is None else last
        match = self.match
        for _ in range(len(log) - n):
            match = match.undo()
        self.match, self._times = match, self._times[:n]
        self.queue.clear()
        self.pressed = {}
        self.version += 1
        self.sync_timer()
        self.persist()
        self.notify("toast.undone")
        return True

    # -- timer ---------------------------------------------------------------------------------------------
    def timer_length(self) -> int:
        value = self.extra.get("timer")
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        return self.deck.rules.timer_seconds

    def sync_timer(self) -> None:
        """Set the timer for the challenge on screen (full, or what an undo gives back); stop it elsewhere."""
        view = self.view()
        if not isinstance(view, ChallengeView | RoundView | TransferView):
            if self._timer_key is not None:
                self._timer_key = None
                self.timer.reset(self.timer_length())  # the discussion is over: stop the clock and its wake-ups
            return
        # The timer runs for a transfer step as for a challenge, once for each team.
        key = (view.stage, view.team) if isinstance(view, TransferView) else self._opened_at()
        if key == self._timer_key:
            return
        self._timer_key = key
        self.timer.reset(self.timer_length())
        left, running = self._timer_left.pop(key, (None, False))
        if left is not None:
            self.timer.left = left
            if running and left > 0:
                self.timer.toggle()

    def _opened_at(self) -> int:
        """The log's length when the card on screen came: a round's answers and reveals, and a reveal tool
        played on a team's card, do not restart its timer."""
        states = self.match.states
        i = len(states) - 1
        while i > 0 and _same_card(states[i - 1], states[i]):
            i -= 1
        return i

    def extend_timer(self, seconds: int = 60) -> bool:
        """One more minute (or `seconds`) for the discussion on screen; False when there is no timer here."""
        if self._timer_key is None or self.timer.length <= 0:
            return False
        self.timer.extend(seconds)
        return True

    def toggle_timer(self) -> bool:
        """Start or pause the discussion timer; False when there is none on this screen."""
        if self._timer_key is None or self.timer.length <= 0:
            return False
        self.timer.toggle()
        self.persist()  # paused or running, and the time left: a resume finds it
        return True

    def checkpoint_timer(self) -> None:
        """While the timer runs, save its time left now and then, so that a kill loses little of it."""
        now = self.timer.clock()
        if self.timer.running and now - self._timer_recorded >= TIMER_CHECKPOINT:
            self.persist()

    # -- the screen on show, in the save ---------------------------------------------------------------------
    def press(self, pressed: dict[str, Any]) -> None:
        """The scene on show half-pressed a step (or let go of it: `{}`): keep it in the save, so that a
        resume after a kill comes back to it."""
        if pressed != self.pressed:
            self.pressed = pressed
            self.persist()

    def _record_screen(self) -> None:
        """Write into the save (not to disk) the screens still owed, the timer's time left and what the screen
        half-pressed."""
        screen: dict[str, Any] = {
            "at": len(self.match.log),
            "owed": len(self.queue),
            "timer": round(self.timer.remaining(), 1),
        }
        if isinstance(self._timer_key, int):  # a challenge's (a transfer step's timer starts full again)
            screen["timer_at"] = self._timer_key
        if self.pressed:
            screen["pressed"] = self.pressed
        self._timer_recorded = self.timer.clock()
        self._saved = self._saved._replace(extra={**self._saved.extra, SCREEN: screen})

    def _restore_screen(self) -> None:
        """After a resume: the screens that were still owed (worked out again from the last action, so that a
        damaged save cannot name a card the deck does not have), the timer paused at its time left, and what
        the screen had half-pressed (the scene checks it against the game before it believes it)."""
        screen = self.extra.get(SCREEN)
        log = self.match.log
        if not isinstance(screen, dict) or screen.get("at") != len(log):
            return  # no record, or one made before the last action (an older version wrote the log alone)
        pressed = screen.get("pressed")
        self.pressed = pressed if isinstance(pressed, dict) else {}
        owed = screen.get("owed")
        if isinstance(owed, int) and not isinstance(owed, bool) and owed > 0:
            if log:
                before = self.match.undo()
                _, events = before.play(log[-1])
                self._queue_screens(before.state, log[-1], Outcome.of(events))
            else:
                self.queue[:] = [StageView(0)]
            del self.queue[: max(0, len(self.queue) - owed)]
            self.version += 1
            self.sync_timer()
        left = screen.get("timer")
        if (
            self._timer_key is not None
            and screen.get("timer_at") == self._timer_key
            and isinstance(left, int | float)
            and not isinstance(left, bool)
            and 0 <= left <= self.timer.length
        ):
            self.timer.left = float(left)  # paused: the room starts it again when it is ready

    # -- files ---------------------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """The language the game is played in, kept once in the save (old saves also kept it in `extra`)."""
        self._saved = self._saved._replace(lang=lang)
        self.persist()

    def set_extra(self, key: str, value: Any) -> None:
        """Keep a front-end value (the phones' room code) in the save."""
        self._saved = self._saved._replace(extra={**self._saved.extra, key: value})
        self.persist()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Decisions made inside are written to disk once, at the end (forty phones' answers drained
        together): the phones are told "recorded" only after it."""
        self._batched += 1
        try:
            yield
        finally:
            self._batched -= 1
            if not self._batched and self._unsaved:
                self.persist()

    def persist(self) -> None:
        if self.autosave_path is None:
            return
        if self._batched:
            self._unsaved = True
            return
        self._unsaved = False
        self._record_screen()
        if self._autosave is None or self._autosave.path != self.autosave_path:
            self._autosave = saves.Autosave(self.autosave_path)
        try:
            self._autosave.write(self.saved)
            if self.save_error:
                self.save_error = None
        except OSError as e:  # a full disk must not stop the workshop: say so, and go on
            self.save_error = str(e)
            self.notify("toast.save_failed", why=str(e))

    def save_copy(self) -> Path | None:
        """A copy of the game beside the other saves; its path, or None (and a message) if it failed."""
        path = unique_path(saves.data_dir() / "saves", f"game-{time.strftime('%Y%m%d-%H%M%S')}", ".json")
        try:
            saves.save(path, self.saved)
        except OSError as e:
            self.notify("toast.save_failed", why=str(e))
            return None
        self.notify("toast.saved", path=str(path))
        return path

    def swap_deck(self, deck: Deck, pin: saves.DeckPin | None = None) -> None:
        """Replay the log on a changed deck (a reload); SaveError if it no longer fits. `pin`: the files it
        was loaded from."""
        game = Game(deck)
        match = self.saved.replay(game)
        self.deck, self.rules, self.match = deck, game, match
        self.queue = [v for v in self.queue if getattr(v, "card", None) in (None, *deck.cards)]
        self.version += 1
        if self.saved.deck_path:  # played on the edited deck from now on: pinned to it
            self._saved = self._saved.pinned_to(pin or saves.pin_deck(Path(self._saved.deck_path)))
            self.persist()


def _same_card(before: State, after: State) -> bool:
    """`after` still shows the card `before` showed: the same open round, or the same team's card after a
    reveal tool."""
    if before.round is not None and after.round is not None:
        return True
    return (
        after.round is None
        and after.pending is not None
        and (before.pending, before.turn) == (after.pending, after.turn)
    )


# -- a saved game, before it is open ------------------------------------------------------------------------


def resume_offer(deck: Deck | None, deck_path: Path | None, path: Path) -> tuple[ResumeOffer | None, str | None]:
    """What the save at `path` holds, if it can be resumed with `deck` (or the deck it was played with):
    (offer, None); (None, why) if it cannot be read or does not fit; (None, None) if its game is over."""
    try:
        saved = saves.load(path)
        replay_on, _ = saves.deck_for(saved, deck, deck_path)
        if replay_on is None:  # not here: perhaps in the folder it names, which resume tries
            return ResumeOffer(saved.setup.teams, -1, len(saved.log), saved.started), None
        state = saved.replay(Game(replay_on)).state
    except (saves.SaveError, OSError) as e:
        return None, str(e)
    if state.phase == OVER:
        return None, None
    return ResumeOffer(saved.setup.teams, state.stage, len(saved.log), saved.started), None


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem.suffix, or stem-2, stem-3... when two saves fall in the same second."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path
