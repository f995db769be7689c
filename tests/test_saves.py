# SPDX-License-Identifier: MIT
"""Saves: atomic, replayable, and a damaged one gives a sentence."""

import json
import random

import pytest
from deckgen import MINI

from booster import files, saves
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup
from booster.engine.match import Match


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load_deck(MINI).deck)


def test_every_decision_is_on_disk_and_resumes_exactly(game, tmp_path):
    path = tmp_path / "autosave.json"
    match = Match.start(game, Setup(("A", "B"), 9))
    saved = saves.new_save(match, str(MINI), "en", {"colours": ["#E69F00", "#56B4E9"]})
    rnd = random.Random(2)
    while not game.is_over(match.state):
        action = rnd.choice(game.legal_actions(match.state))
        match, _ = match.play(action)
        saved = saved.record(action)
        saves.save(path, saved)
        resumed = saves.load(path)
        assert resumed.replay(game).state == match.state
    assert resumed.extra == {"colours": ["#E69F00", "#56B4E9"]}
    assert list(tmp_path.iterdir()) == [path], "no temporary file is left behind"


def test_undo_in_a_save(game):
    match = Match.start(game, Setup(("A",), 1))
    saved = saves.new_save(match, str(MINI), "en")
    match, _ = match.play(game.legal_actions(match.state)[0])
    saved = saved.record(game.legal_actions(match.states[0])[0])
    assert saved.undo().replay(game).state == match.undo().state


def test_a_write_that_fails_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "autosave.json"
    files.write_atomic(path, "old")

    def broken_replace(src, dst):
        raise OSError("disk unplugged")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        files.write_atomic(path, "new")
    assert path.read_text() == "old"
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[]",
        '{"format": "other"}',
        json.dumps({"format": saves.FORMAT}),
        json.dumps({"format": saves.FORMAT, "deck": {}, "lang": "en"}),
    ],
)
def test_damaged_saves_give_a_sentence(tmp_path, content):
    path = tmp_path / "s.json"
    path.write_text(content)
    with pytest.raises(saves.SaveError) as e:
        saves.load(path)
    assert str(e.value)


def test_a_save_that_no_longer_fits_the_deck(game, tmp_path):
    match = Match.start(game, Setup(("A",), 1))
    match, _ = match.play(game.legal_actions(match.state)[0])
    saved = saves.new_save(match, str(MINI), "en")
    data = saved.to_json()
    data["log"].append({"kind": "choose", "option": "nope", "t": 1.0})
    with pytest.raises(saves.SaveError, match="does not fit this deck"):
        saves.Saved.from_json(data).replay(game)
