# SPDX-License-Identifier: MIT
"""The game controller keeps one log, the match's: whatever is played and undone, the save on disk replays
to the state on screen, with one time per action."""

from __future__ import annotations

from pathlib import Path

from deckgen import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup
from booster.table import saves
from booster.table.controller import GameController
from booster.table.views import BoardView

DECK = load_deck(MINI).deck
assert DECK is not None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.one_of(st.integers(0, 20), st.just(-1)), max_size=40), seed=st.integers(0, 99))
def test_play_and_undo_leave_a_save_that_replays_to_the_screen(tmp_path: Path, steps: list[int], seed: int) -> None:
    said: list[str] = []
    path = tmp_path / f"game-{seed}-{len(steps)}.json"
    clock = iter(range(1000))
    ctl = GameController.new(
        DECK, str(MINI), "en", Setup(("A", "B"), seed), {}, path, lambda key, **_: said.append(key), lambda: next(clock)
    )
    for step in steps:
        if step < 0:
            ctl.undo()
        elif not ctl.rules.is_over(ctl.state):
            legal = ctl.rules.legal_actions(ctl.state)
            assert ctl.decide(legal[step % len(legal)])
        on_disk = saves.load(path)
        assert len(on_disk.times) == len(on_disk.log) == len(ctl.match.log)
        assert on_disk.replay(Game(DECK)).state == ctl.state
    assert "toast.save_failed" not in said


def test_the_board_names_the_team_to_play_in_turn_and_none_all_at_once(tmp_path: Path) -> None:
    """All at once the room advances together: the board names no team (it once named the first team, as
    the one in turn, between rounds)."""

    def board_after_intro(mode: str) -> object:
        ctl = GameController.new(
            DECK,
            str(MINI),
            "en",
            Setup(("A", "B", "C"), 5, (), mode),
            {},
            tmp_path / f"{mode}.json",
            lambda *_, **__: None,
        )
        ctl.dismiss()  # the first stage's introduction
        return ctl.view()

    assert board_after_intro("in-turn") == BoardView(0)
    assert board_after_intro("all-at-once") == BoardView(None)
