# SPDX-License-Identifier: MIT
"""A game's autosave: the whole file once, then each decision appended to its journal; read back whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from booster.engine.game import Action, Setup
from booster.table import saves

TEAMS = ("Blue", "Green", "Orange")


def blank(started: float = 1_750_000_000.0) -> saves.Saved:
    deck_files = {"deck.yaml": "id: d\n" + "# a long deck\n" * 20_000}
    return saves.Saved(
        "d", "1", "/decks/d", "en", Setup(TEAMS, 1), (), (), started, {"timer": 60},
        saves.deck_fingerprint(deck_files), deck_files,
    )  # fmt: skip


def same(a: saves.Saved, b: saves.Saved) -> bool:
    return a.to_json() == b.to_json()


ACTIONS = st.one_of(
    st.just(Action("advance")),
    st.builds(lambda o, t: Action("choose", o, None, t), st.sampled_from(["a", "b", "c"]), st.integers(-1, 2)),
)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("decide"), ACTIONS),
        st.tuples(st.just("undo"), st.none()),
        st.tuples(st.just("extra"), st.sampled_from(["fr", "en"])),
        st.tuples(st.just("screen"), st.integers(0, 3)),
        st.tuples(st.just("drop"), st.none()),
        st.tuples(st.just("reopen"), st.none()),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS)
def test_what_is_read_back_is_what_was_written_after_every_step(tmp_path_factory, steps):
    path = tmp_path_factory.mktemp("games") / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    now = saved.started
    for kind, value in steps:
        now += 1.5
        if kind == "decide":
            saved = saved.record(value, now)
        elif kind == "undo" and saved.log:
            saved = saved.undo()
        elif kind == "extra":
            saved = saved._replace(extra={**saved.extra, "lang": value})
        elif kind == "screen":  # what the room is looking at, recorded with every decision
            saved = saved._replace(extra={**saved.extra, "screen": {"at": len(saved.log), "owed": value}})
        elif kind == "drop":
            saved = saved._replace(extra={k: v for k, v in saved.extra.items() if k != "lang"})
        elif kind == "reopen":  # the app restarted and resumed: a new writer starts from the file
            saved = saves.load(path)
            writer = saves.Autosave(path)
        writer.write(saved)
        assert same(saves.load(path), saved)


def test_decisions_are_appended_and_the_deck_copy_is_written_once(tmp_path):
    path = tmp_path / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    size = path.stat().st_size
    assert size > 250_000  # the deck's copy
    for i in range(40):
        saved = saved.record(Action("choose", "ab"[i % 2], None, i % 3), saved.started + i)
        writer.write(saved)
    assert writer.rewrites == 1 and path.stat().st_size == size
    assert len(saves.journal_path(path).read_text().splitlines()) == 40
    # The screen on show and the timer's time left, recorded with each decision, are appended too.
    saved = saved._replace(extra={**saved.extra, "screen": {"at": 40, "owed": 1, "timer": 42.5}})
    writer.write(saved)
    assert writer.rewrites == 1 and same(saves.load(path), saved)
    assert same(saves.load(path), saved)
    saved = saved.undo()  # anything but a new decision: the whole file again, and a fresh journal
    writer.write(saved)
    assert writer.rewrites == 2 and saves.journal_path(path).read_text() == ""
    assert same(saves.load(path), saved)


def test_a_torn_last_line_is_left_out_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    for i in range(3):
        saved = saved.record(Action("advance"), saved.started + i)
        writer.write(saved)
    journal = saves.journal_path(path)
    with open(journal, "ab") as f:
        f.write(b'{"journal": "x", "n": 3, "kind": "adv')  # a kill in the middle of an append
    assert same(saves.load(path), saved)


def test_a_journal_left_by_an_older_file_is_ignored(tmp_path):
    """A kill between writing a new file and emptying its journal: the old id's lines are not this file's."""
    path = tmp_path / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank().record(Action("advance"), 1)
    writer.write(saved)
    saved = saved.record(Action("choose", "a", None, 0), 2)
    writer.write(saved)
    stale = saves.journal_path(path).read_bytes()
    saved = saved.undo()
    writer.write(saved)  # a rewrite: new id
    saves.journal_path(path).write_bytes(stale)  # as if the kill came before the journal was emptied
    assert same(saves.load(path), saved)


def test_a_gap_in_the_journal_stops_the_reading_there(tmp_path):
    path = tmp_path / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    journal_id = json.loads(path.read_text())["journal"]
    lines = [{"journal": journal_id, "n": n, "kind": "advance", "t": 1.0} for n in (0, 0, 2)]
    saves.journal_path(path).write_text("".join(json.dumps(x) + "\n" for x in lines))
    assert len(saves.load(path).log) == 1  # the repeated line once, the one after the gap not at all


def test_a_copy_holds_every_decision_in_one_file(tmp_path):
    path, copy = tmp_path / "game-1.json", tmp_path / "copy.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    saved = saved.record(Action("advance"), 1)
    writer.write(saved)
    saves.save(copy, saves.load(path))
    assert "journal" not in json.loads(copy.read_text()) and same(saves.load(copy), saved)


def test_the_newest_game_is_the_one_whose_journal_moved_last(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path))
    older, newer = saves.games_dir() / "game-1.json", saves.games_dir() / "game-2.json"
    first, second = saves.Autosave(older), saves.Autosave(newer)
    first.write(blank())
    second.write(blank())
    os.utime(older, (1, 1))
    os.utime(saves.journal_path(older), (1, 1))
    assert [e.path for e in saves.list_games()][:2] == [newer, older]
    first.write(blank().record(Action("advance"), 5))  # appended: only the journal changes
    assert next(e.path for e in saves.list_games()) == older


def test_a_journal_is_removed_with_its_game(tmp_path, monkeypatch):
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path))
    path = saves.games_dir() / "game-1.json"
    over = blank().record(Action("advance"), 1)
    for _ in TEAMS:  # every team exchanged its points: the game is over, and may be pruned
        over = over.record(Action("exchange"), 2)
    saves.Autosave(path).write(over)
    saves.prune(keep=0)
    assert not path.exists() and not saves.journal_path(path).exists()


def test_journal_path_is_beside_the_save():
    assert saves.journal_path(Path("/a/game-1.json")) == Path("/a/game-1.json.journal")


def test_a_journal_that_went_missing_is_replaced_by_the_whole_file(tmp_path):
    path = tmp_path / "game-1.json"
    writer = saves.Autosave(path)
    saved = blank()
    writer.write(saved)
    saves.journal_path(path).unlink()  # someone tidied the folder by hand
    saved = saved.record(Action("advance"), saved.started + 1)
    writer.write(saved)
    assert writer.rewrites == 2 and same(saves.load(path), saved)
