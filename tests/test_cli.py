# SPDX-License-Identifier: MIT
"""The command line's routing: `booster` alone or with play's options plays; every command is there."""

import pytest

from booster.tools.cli import build_parser, main


def test_play_options_without_the_word_play_are_routed_to_play(capsys):
    assert main(["--size", "12x"]) == 2  # parsed by play, refused by the window code, no window opened
    assert "a size is WIDTHxHEIGHT" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["deck", "check"],
        ["deck", "schema"],
        ["deck", "status"],
        ["deck", "translate"],
        ["deck", "confirm"],
        ["deck", "preview"],
        ["deck", "print"],
        ["screenshot"],
        ["report"],
        ["simulate"],
        ["play"],
    ],
)
def test_every_command_is_available(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([*command, "--help"])
    assert e.value.code == 0
    assert "not available in this build" not in capsys.readouterr().out


def test_help_lists_the_commands():
    text = build_parser().format_help()
    for word in ("play", "deck", "screenshot", "report", "simulate"):
        assert word in text


def test_play_help_says_where_games_are_saved(capsys, monkeypatch, tmp_path):
    import pytest

    from booster.tools.cli import main

    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path))
    with pytest.raises(SystemExit):
        main(["play", "--help"])
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert str(tmp_path / "games") in lines  # whole, on a line of its own: a facilitator can copy it
