# SPDX-License-Identifier: MIT
"""Saves: atomic, replayable, and a damaged one gives a sentence."""

import json
import random
import re
from pathlib import Path

import pytest
from deckgen import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster import files
from booster.deck.loader import load_deck
from booster.engine.game import Game, Setup
from booster.engine.match import Match
from booster.table import saves


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


@pytest.mark.parametrize("seed", [2**63, 2**64 - 1, 2**70 + 5, -(2**63) - 1])
def test_a_seed_beyond_what_a_save_holds_is_saved_as_one_that_plays_the_same_game(game, seed):
    match = Match.start(game, Setup(("A", "B"), seed))
    for _ in range(6):
        match, _ = match.play(game.legal_actions(match.state)[0])
    data = json.loads(json.dumps(saves.new_save(match, "", "en").to_json()))
    assert saves.Saved.from_json(data).replay(game).states == match.states


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


# -- pinned to the deck it was played with ------------------------------------------------------------------


def _played(deck_path, seed: int = 4):
    from sample_save import random_save

    return random_save(load_deck(deck_path).deck, str(deck_path), 2, seed=seed)


def test_a_save_keeps_its_deck_and_an_absolute_path(mini_copy, monkeypatch):
    monkeypatch.chdir(mini_copy.parent)
    saved = _played(Path("mini"))
    assert Path(saved.deck_path).is_absolute() and Path(saved.deck_path) == mini_copy
    assert set(saved.deck_files) >= {"deck.yaml", "rules.yaml", "cards.yaml", "text.en.yaml"}
    found = load_deck(mini_copy).deck
    assert saves.deck_for(saved, found, mini_copy) == (found, None)


def test_an_edited_deck_does_not_rewrite_the_game(mini_copy, tmp_path):
    saved = _played(mini_copy)
    path = tmp_path / "game.json"
    saves.save(path, saved)
    original = saved.replay(Game(load_deck(mini_copy).deck)).state
    cards = mini_copy / "cards.yaml"
    cards.write_text(re.sub(r"(ecology|economy|social): -?\d", r"\1: -4", cards.read_text()))  # every effect
    edited = load_deck(mini_copy).deck
    assert saved.replay(Game(edited)).state != original  # what used to happen, silently
    resumed = saves.load(path)
    deck, note = saves.deck_for(resumed, edited, mini_copy)
    assert note == "pinned" and "has changed since this game was played" in saves.deck_note(resumed, note)
    assert resumed.replay(Game(deck)).state == original


def test_an_edited_copy_in_the_save_is_no_copy(mini_copy, tmp_path):
    saved = _played(mini_copy)
    data = saved.to_json()
    data["deck"]["files"]["cards.yaml"] += "\n# edited\n"
    resumed = saves.Saved.from_json(data)
    assert resumed.deck_copy_damaged and not resumed.deck_files
    # The deck found is the one played (its fingerprint says so): nothing to tell. Never "made before saves
    # kept their deck", which would be false.
    assert saves.deck_for(resumed, load_deck(mini_copy).deck, mini_copy)[1] is None


@pytest.mark.parametrize("name", ["../evil.yaml", "/etc/x.yaml", ".hidden.yaml", "a/b.yaml", "notes.txt"])
def test_a_deck_copy_never_names_a_file_outside_its_folder(mini_copy, name):
    data = _played(mini_copy).to_json()
    data["deck"]["files"][name] = "x: 1\n"
    with pytest.raises(saves.SaveError, match="copy of the deck"):
        saves.Saved.from_json(data)


# -- saves edited by hand ----------------------------------------------------------------------------------------


def _valid_json(mini_copy) -> dict:
    saved = _played(mini_copy)._replace(extra={"timer": 60, "lang": "en", "tokens": [[0, "circle"], [1, "square"]]})
    return json.loads(json.dumps(saved.to_json()))


HAND_EDITS = {
    "deep nesting": lambda d: d["extra"].update(deep="DEEP"),  # replaced in the text: json cannot build it
    "nesting past the limit": lambda d: d["extra"].update(deep=[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]),
    "400-digit timer": lambda d: d["extra"].update(timer=10**400),
    "negative timer": lambda d: d["extra"].update(timer=-1),
    "huge seed": lambda d: d["setup"].update(seed=10**400),
    "list as a name": lambda d: d["setup"]["teams"].__setitem__(0, ["a"]),
    "list as a language": lambda d: d.update(lang=["en"]),
    "mapping as the log": lambda d: d.update(log={}),
    "number as an action": lambda d: d["log"].__setitem__(0, 5),
    "NUL in a name": lambda d: d["setup"]["teams"].__setitem__(0, "A\0B"),
    "escape in a name": lambda d: d["setup"]["teams"].__setitem__(0, "\x1b[2J"),
    "lone surrogate": lambda d: d["setup"]["teams"].__setitem__(0, "\ud800"),
    "string as a time": lambda d: d["log"][0].update(t="soon"),
    "boolean seed": lambda d: d["setup"].update(seed=True),
    "list as a scenario": lambda d: d["setup"].update(scenarios=[["x"]]),
    "bad tokens": lambda d: d["extra"].update(tokens=[[10**30, "circle"]]),
}


@pytest.mark.parametrize("edit", list(HAND_EDITS))
def test_hand_edited_saves_give_a_sentence(mini_copy, tmp_path, edit):
    data = _valid_json(mini_copy)
    HAND_EDITS[edit](data)
    path = tmp_path / "edited.json"
    text = json.dumps(data, ensure_ascii=True).replace('"DEEP"', "[" * 5000 + "]" * 5000)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(saves.SaveError) as e:
        saves.load(path)
    message = str(e.value)
    assert message.startswith(str(path)) and message.isprintable()


@pytest.mark.parametrize(
    "text", ['{"t": NaN}', '{"t": Infinity}', "[" * 100_000, '{"seed": ' + "9" * 5000 + "}", "\x00\xff"]
)
def test_unparsable_saves_give_a_sentence(tmp_path, text):
    path = tmp_path / "edited.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if "\xff" not in text else b"\x00\xff")
    with pytest.raises(saves.SaveError, match="cannot be read"):
        saves.load(path)


def test_a_pipe_or_a_folder_is_not_read_as_a_save(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "dir.json").mkdir()
    for name in ("pipe.json", "dir.json"):
        with pytest.raises(saves.SaveError, match="not a save file"):
            saves.load(tmp_path / name)  # never blocks on the pipe


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def _nodes(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*path, i))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_node_of_a_save_replaced_by_any_value_gives_a_save_or_a_sentence(mini_copy, data):
    base = _valid_json(mini_copy)
    base["deck"]["files"] = {}  # the copy is checked by the loader's own property test
    base["deck"]["fingerprint"] = ""
    nodes = [p for p in _nodes(base) if p]
    where = data.draw(st.sampled_from(nodes))
    value = data.draw(JSON_VALUES)
    edited = json.loads(json.dumps(base))
    target = edited
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    deck = load_deck(mini_copy).deck
    try:
        saved = saves.Saved.from_json(edited)
        saved.replay(Game(deck))
        json.dumps(saved.to_json(), ensure_ascii=False).encode("utf-8")  # it can be saved again
    except saves.SaveError as e:
        assert str(e).isprintable()


# -- one file per game, locked while played; pruning -----------------------------------------------------------


def test_a_game_is_locked_while_played_and_free_after():
    held = saves.new_game()
    assert saves.is_locked(held.path)
    with pytest.raises(saves.Locked):
        saves.lock(held.path)
    other = saves.new_game()
    assert other.path != held.path  # a second window in the same second gets its own file
    held.release()
    assert not saves.is_locked(held.path)
    saves.lock(held.path).release()
    other.release()


def test_a_lock_dies_with_its_process(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "game.json"
    code = "import sys, os; from pathlib import Path; from booster.table import saves;"
    code += " l = saves.lock(Path(sys.argv[1]));"
    code += " print('locked', flush=True); os.kill(os.getpid(), 9)"
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    assert "locked" in r.stdout and r.returncode == -9
    assert not saves.is_locked(path)


def test_prune_keeps_the_newest_games_and_the_one_in_use(game):
    import os

    from booster.engine.game import EXCHANGE_ACTION

    folder = saves.games_dir()
    folder.mkdir(parents=True, exist_ok=True)
    saved = saves.new_save(Match.start(game, Setup(("A",), 1)), str(MINI), "en").record(EXCHANGE_ACTION)  # over
    for i in range(30):
        path = folder / f"game-2026010{i // 10}-0000{i % 10:02d}.json"
        saves.save(path, saved)
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))
    oldest = folder / "game-20260100-000000.json"
    held = saves.lock(oldest)
    copy = saves.data_dir() / "saves" / "game-20250101-000000.json"  # "Save a copy": the user's own
    saves.save(copy, saved)
    os.utime(copy, (1, 1))
    legacy = saves.data_dir() / ".autosave.json.k2j4h5g6.tmp"  # left by a kill, before this version
    legacy.write_text("{half")
    assert saves.prune(keep=10) == 19  # the one a window plays stays
    assert not legacy.exists()
    left = {e.path for e in saves.list_games()}
    assert oldest in left and len(left) == 11 and copy.exists()
    held.release()
