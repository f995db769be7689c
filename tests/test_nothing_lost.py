# SPDX-License-Identifier: MIT
"""Nothing lost (issue 24, item 3): saves pinned to what was loaded, clocks that jump, outputs that never
replace what was read, games never deleted unfinished, reports from the save's own deck."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from booster.deck.loader import load_deck
from booster.engine.game import EXCHANGE_ACTION, Action, Game, Setup
from booster.engine.match import Match
from booster.table import saves
from booster.tools.cli import build_parser, main


def started(deck_folder: Path, teams=("A", "B")) -> saves.Saved:
    result = load_deck(deck_folder)
    assert result.deck is not None
    return saves.new_save(Match.start(Game(result.deck), Setup(teams, 1)), str(deck_folder), "en")


# -- pinned to what was loaded ---------------------------------------------------------------------------


def test_a_game_is_pinned_to_the_files_loaded_not_to_the_files_on_disk_now(mini_copy):
    result = load_deck(mini_copy)
    loaded = (mini_copy / "cards.yaml").read_text(encoding="utf-8")
    with open(mini_copy / "cards.yaml", "a", encoding="utf-8") as f:  # edited after the app loaded it
        f.write("  exp-new:\n    kind: experience\n    pillar: ecology\n")
    assert result.deck is not None
    match = Match.start(Game(result.deck), Setup(("A", "B"), 1))
    saved = saves.new_save(match, str(mini_copy), "en", pin=saves.pin_loaded(result))
    assert saved.deck_files["cards.yaml"] == loaded
    assert saves.pinned_deck(saved) is not None and "exp-new" not in saves.pinned_deck(saved).cards


def test_a_pin_of_what_was_loaded_matches_the_same_files_read_again(mini_copy):
    (mini_copy / "rules.yaml").write_bytes(
        b"\xef\xbb\xbf" + (mini_copy / "rules.yaml").read_bytes().replace(b"\n", b"\r\n")
    )
    result = load_deck(mini_copy)
    assert result.deck is not None
    assert saves.pin_loaded(result) == saves.pin_deck(mini_copy)


# -- clocks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("later", [1_780_000_000.0, -3600.0, 1e12])
def test_a_clock_that_jumps_is_recorded_and_the_save_still_reads(mini_copy, tmp_path, later):
    """A game started with the clock at 1970, then corrected (or set back, or wildly wrong)."""
    saved = started(mini_copy)._replace(started=0.0 if later > 0 else 1_780_000_000.0)
    saved = saved.record(Action("advance"), now=later)
    path = tmp_path / "game.json"
    saves.save(path, saved)
    assert saves.load(path).log == saved.log


# -- outputs ---------------------------------------------------------------------------------------------


def untouched(folder: Path):
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    return lambda: {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize(
    "command",
    [
        ["deck", "print", "{deck}", "-o", "{deck}/cards.yaml"],
        ["deck", "print", "{deck}", "-o", "{deck}/cards.extra.yaml", "--force"],
        ["screenshot", "--deck", "{deck}", "-o", "{deck}/cards.yaml", "--force"],
        ["report", "{save}", "--deck", "{deck}", "-o", "{deck}/text.en.yaml", "--format", "json", "--force"],
        ["simulate", "{deck}", "--games", "1", "--save", "{deck}/cards.yaml"],
        ["simulate", "{deck}", "--games", "1", "--save", "{deck}/new.yaml"],
        ["simulate", "{deck}", "--games", "1", "--save", "{save}"],
        ["report", "{save}", "-o", "{other}", "--format", "json", "--force"],  # another save, --force or not
        ["report", "{save}", "-o", "{export}", "--format", "json"],  # an export exists: --force replaces it
    ],
)
def test_no_output_replaces_a_deck_file_a_save_or_a_file_without_force(mini_copy, tmp_path, command, capsys):
    save, other, export = tmp_path / "game.json", tmp_path / "other.json", tmp_path / "report.json"
    saves.save(save, started(mini_copy))
    saves.save(other, started(mini_copy, ("C",)))
    export.write_text("an earlier report")
    files = {save: save.read_bytes(), other: other.read_bytes(), export: export.read_bytes()}
    deck_same = untouched(mini_copy)
    fill = {"deck": str(mini_copy), "save": str(save), "other": str(other), "export": str(export)}
    assert main([part.format(**fill) for part in command]) in (1, 2)
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("deck" in err or "save" in err or "--force" in err), err
    assert deck_same() and all(path.read_bytes() == raw for path, raw in files.items())


def test_force_replaces_an_export(mini_copy, tmp_path):
    save, export = tmp_path / "game.json", tmp_path / "report.json"
    saves.save(save, started(mini_copy))
    export.write_text("an earlier report")
    assert main(["report", str(save), "-o", str(export), "--format", "json", "--force"]) == 0
    assert json.loads(export.read_text())


# -- games kept ------------------------------------------------------------------------------------------


def test_unfinished_games_are_never_deleted_and_finished_ones_only_past_the_limit(mini_copy):
    import os

    folder = saves.games_dir()
    folder.mkdir(parents=True, exist_ok=True)
    unfinished, finished = started(mini_copy, ("A",)), started(mini_copy, ("A",)).record(EXCHANGE_ACTION)
    paths = []
    for i in range(20):
        path = folder / f"game-202601{i:02d}-000000.json"
        saves.save(path, finished if i % 2 else unfinished)
        os.utime(path, (1_700_000_000 + i, 1_700_000_000 + i))
        paths.append(path)
    assert saves.prune(keep=6) == 7  # the finished among the 14 oldest
    left = {e.path for e in saves.list_games()}
    assert all(p in left for i, p in enumerate(paths) if i % 2 == 0)  # every unfinished game
    assert all(p in left for p in paths[14:])
    assert "never deleted" in build_parser()._subparsers._group_actions[0].choices["play"].format_help()


# -- reports from the save's own deck --------------------------------------------------------------------


def test_a_report_uses_the_saves_own_deck_when_its_folder_is_broken_now(mini_copy, tmp_path, capsys):
    save = tmp_path / "game.json"
    saves.save(save, started(mini_copy))
    (mini_copy / "cards.yaml").write_text("cards: [broken\n")
    out = tmp_path / "report.json"
    assert main(["report", str(save), "-o", str(out), "--format", "json"]) == 0
    assert "copy kept in" in capsys.readouterr().err and json.loads(out.read_text())
    shutil.rmtree(mini_copy)  # and gone altogether
    assert main(["report", str(save), "-o", str(out), "--format", "json", "--force"]) == 0


def test_a_damaged_deck_copy_is_told_as_it_is(mini_copy, tmp_path):
    save = tmp_path / "game.json"
    saves.save(save, started(mini_copy))
    data = json.loads(save.read_text())
    data["deck"]["files"]["cards.yaml"] = data["deck"]["files"]["cards.yaml"][:100]  # cut
    save.write_text(json.dumps(data))
    saved = saves.load(save)
    result = load_deck(mini_copy)
    # The deck found is the one played: no note at all.
    assert saves.deck_for(saved, result.deck, mini_copy) == (result.deck, None)
    with open(mini_copy / "cards.yaml", "a") as f:
        f.write("# edited\n")
    result = load_deck(mini_copy)
    deck, note = saves.deck_for(saved, result.deck, mini_copy)
    assert deck is result.deck and note == "copy_damaged"
    assert "damaged" in saves.deck_note(saved, note) and "before saves kept" not in saves.deck_note(saved, note)
