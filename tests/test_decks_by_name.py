# SPDX-License-Identifier: MIT
"""Decks are found by name, in the user's decks folder and in the package, from any working directory."""

import shutil
from pathlib import Path

import pytest
from deckgen import MINI

from booster import __version__, paths
from booster.tools.cli import main


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)  # nothing is found through the working directory
    return tmp_path / "home"


def test_version(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    # The tests run on the checkout (an editable install): its engine is the plain Python being edited.
    assert capsys.readouterr().out.strip() == f"booster {__version__} (engine interpreted)"


def test_check_and_simulate_with_no_deck_use_the_bundled_core_deck(home, capsys):
    assert main(["deck", "check"]) == 0
    assert f"{paths.CORE_DECK}: deck 'core'" in capsys.readouterr().out
    assert main(["simulate", "--games", "2", "--json"]) == 0
    assert '"deck": "core"' in capsys.readouterr().out


def test_a_deck_in_the_users_folder_is_listed_and_found_by_name(home, capsys):
    shutil.copytree(MINI, home / "decks" / "workshop")
    assert main(["deck", "list"]) == 0
    listing = capsys.readouterr().out
    assert f"workshop: Mini deck, English (en), Français (fr) [yours] {home / 'decks' / 'workshop'}" in listing
    core = "core: Social Impact Booster, English (en), Français (fr), Italiano (it)"
    assert f"{core} [bundled] {paths.CORE_DECK}" in listing
    assert main(["deck", "check", "workshop"]) == 0
    assert f"{home / 'decks' / 'workshop'}: deck 'mini'" in capsys.readouterr().out
    assert main(["deck", "check", "core"]) == 0
    assert main(["simulate", "workshop", "--games", "2", "--teams", "2", "--json"]) == 0
    assert '"deck": "mini"' in capsys.readouterr().out


def test_the_users_deck_comes_before_a_bundled_one_of_the_same_name(home, capsys):
    shutil.copytree(MINI, home / "decks" / "core")
    assert main(["deck", "check", "core"]) == 0
    assert "deck 'mini'" in capsys.readouterr().out
    assert main(["deck", "list"]) == 0
    assert "[bundled (hidden by yours of the same name)]" in capsys.readouterr().out


def test_an_unknown_deck_name_is_a_sentence_naming_the_decks_and_the_folder(home, capsys):
    assert main(["deck", "check", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert "no deck folder or deck named 'nosuch' (decks: core;" in err
    assert str(home / "decks") in err


def test_a_folder_path_is_still_a_folder_even_if_a_deck_has_its_name(home, capsys):
    shutil.copytree(MINI, home / "decks" / "mini")
    shutil.copytree(paths.CORE_DECK, Path("mini"))  # ./mini, in the working directory
    assert main(["deck", "check", "mini"]) == 0
    assert "mini: deck 'core'" in capsys.readouterr().out
