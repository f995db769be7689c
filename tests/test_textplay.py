# SPDX-License-Identifier: MIT
"""Terminal play: a whole game answered at the prompt, with undo."""

from deckgen import MINI

from booster.deck.loader import load_deck
from booster.tools.textplay import play_text


def play(answers: list[str]) -> str:
    deck = load_deck(MINI).deck
    replies = iter(answers)
    out: list[str] = []
    assert play_text(deck, "fr", 2, 7, input_=lambda _p: next(replies), print_=out.append) == 0
    return "\n".join(out)


def test_a_whole_game_in_the_terminal_with_undo_and_a_wrong_answer():
    rest = ["1"] * 10
    # Team 1 answers 1, then (at team 2's prompt) undoes it and answers 2 instead.
    text = play(["9", "1", "u", "2", *rest])
    assert "Type the number of a response" in text
    assert "Un jardin" in text  # French where translated...
    assert "Launch day" in text  # ...and the source language where not
    assert "Final scores:" in text and text.count("experience cards") == 2
    final = text[text.index("Final scores:") :]
    # The undone answer leaves nothing behind: the game ends as if team 1 had answered 2 at once.
    assert final == (lambda t: t[t.index("Final scores:") :])(play(["2", *rest]))
    assert final != (lambda t: t[t.index("Final scores:") :])(play(["1", *rest]))


def test_a_team_count_the_deck_does_not_allow_is_a_sentence(capsys):
    deck = load_deck(MINI).deck
    for teams in (0, -1, 99):
        assert play_text(deck, "en", teams, 1, input_=lambda _p: "1", print_=lambda *_: None) == 2
        err = capsys.readouterr().err
        assert f"not {teams}" in err and "--teams" in err


def test_the_end_of_input_at_a_prompt_stops_with_a_sentence(capsys):
    deck = load_deck(MINI).deck

    def closed(_prompt):
        raise EOFError

    assert play_text(deck, "en", 2, 1, input_=closed, print_=lambda *_: None) == 1
    assert "input ended" in capsys.readouterr().err


def test_the_command_with_no_input_and_zero_teams():
    import subprocess
    import sys

    for extra, code in ((["--teams", "0"], 2), ([], 1)):
        r = subprocess.run(
            [sys.executable, "-m", "booster", "play", "--text", "--deck", str(MINI), *extra],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == code and "Traceback" not in r.stderr and r.stderr.strip(), r.stderr


def test_a_deck_played_all_at_once_is_played_in_turn_at_the_prompt():
    import attrs

    deck = load_deck(MINI).deck
    together = attrs.evolve(deck, rules=attrs.evolve(deck.rules, play="all-at-once"))
    played: list[list[str]] = [[], []]
    for d, out in zip((deck, together), played, strict=True):
        assert play_text(d, "en", 2, 7, input_=lambda _p: "1", print_=out.append) == 0
    # The same game, team after team, as its in-turn twin: no answer printed for the wrong team.
    assert played[1] == played[0]


def test_a_reveal_in_the_terminal_is_for_the_team_that_played_it():
    """Issue 22's room rule at a shared prompt: the room reads that the team used its tool, never what it
    shows; the effects come at that team's prompt, after a pause asking the others to look away, next to the
    responses it may choose; the next team's prompt shows none."""
    from booster import paths

    deck = load_deck(paths.CORE_DECK).deck
    out: list[str] = []
    revealed: list[int] = []  # where in `out` the reveal was chosen

    def reply(prompt: str) -> str:
        out.append(f"<{prompt.strip()}>")
        if "press Enter" in prompt:
            return ""
        card = max(i for i, line in enumerate(out) if line.startswith("\nTeam ") and " — " in line)
        tools = [line for line in out[card:] if " to see what each response does before choosing" in line]
        if tools and not revealed:
            revealed.append(len(out))
            return tools[0].split(".")[0].strip()
        return "1"

    assert play_text(deck, "en", 2, 3, input_=reply, print_=out.append) == 0
    assert revealed, "no team held a tool that reveals: choose another seed"
    after = out[revealed[0] :]
    told = next(i for i, line in enumerate(after) if "used" in line and "to see the effects" in line)
    room = after[told]
    assert room.startswith("\nTeam 2 used ") and room.endswith(" to see the effects of its responses.")
    pause = next(i for i, line in enumerate(after) if "press Enter" in line)
    assert after[pause] == "<Team 2 only: press Enter to see what each response does.>"
    # Nothing of the effects before the pause; after it, every response of its card says its effect.
    assert told < pause and not any("→" in line for line in after[:pause])
    prompt = after.index("<>>", pause)
    responses = [line for line in after[pause:prompt] if line.startswith("  ") and line.strip()[0].isdigit()]
    assert responses and all(" → " in line for line in responses), responses
    # The next team's prompt shows no effect.
    nxt = next(i for i, line in enumerate(after) if i > prompt and line.startswith("\nTeam 1 — "))
    assert not any("→" in line for line in after[nxt : after.index("<>>", nxt)])
