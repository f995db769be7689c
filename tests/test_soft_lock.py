# SPDX-License-Identifier: MIT
"""No soft-lock: `deck check` proves, for any number of marks, that every card offers a response to a team
whatever marks it holds (issue 24: with more than 12 marks the check used to be skipped, and the game
stalled on a card with no response)."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from booster.deck.loader import _marks_leaving_no_response
from booster.engine.model import Card, Option

MARKS = [f"m{i}" for i in range(8)]


def card_of(options: list[tuple[list[str], list[str], bool]]) -> Card:
    return Card(
        "c",
        "challenge",
        options=tuple(
            Option(f"o{i}", (), requires=tuple(r), excludes=tuple(e), unlocked_by=("tool",) if locked else ())
            for i, (r, e, locked) in enumerate(options)
        ),
    )


def stranded(card: Card, marks: list[str]) -> bool:
    """Brute force: is there a set of marks with which the card offers nothing?"""
    return any(
        not any(o.offered_to({m for m, b in zip(marks, bits, strict=True) if b}, ()) for o in card.options)
        for bits in product((False, True), repeat=len(marks))
    )


OPTIONS = st.lists(
    st.tuples(
        st.lists(st.sampled_from(MARKS), max_size=3, unique=True),
        st.lists(st.sampled_from(MARKS), max_size=3, unique=True),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(options=OPTIONS)
def test_the_proof_agrees_with_trying_every_combination(options):
    card = card_of(options)
    held = _marks_leaving_no_response(card)
    assert (held is not None) == stranded(card, MARKS)
    if held is not None:  # and the marks it names do strand a team
        assert not any(o.offered_to(set(held), ()) for o in card.options)


def test_a_soft_lock_among_many_marks_is_found():
    """Three responses over 40 marks: each needs marks another response's team cannot have."""
    many = [f"mark-{i}" for i in range(40)]
    card = card_of(
        [(many[0:13], [], False), (many[13:26], [], False), ([], many[26:40], False)]  # all: 2**40 states
    )
    held = _marks_leaving_no_response(card)
    assert held is not None and not any(o.offered_to(set(held), ()) for o in card.options)
    safe = card_of([(many[0:2], [], False), ([], many[0:1], False), ([], many[1:2], False)])  # always one
    assert _marks_leaving_no_response(safe) is None


def test_a_hard_link_in_a_deck_is_not_read(mini_copy, tmp_path, capsys):
    import os

    from booster.deck.loader import load_deck
    from booster.tools.cli import main

    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2-very-secret\n")
    os.link(secret, mini_copy / "text.xx.yaml")  # the same file, under a deck file's name
    result = load_deck(mini_copy)
    assert any("hard link" in str(p) for p in result.problems)
    main(["deck", "check", str(mini_copy)])
    assert "hunter2" not in capsys.readouterr().out


def test_deck_names_printed_to_a_terminal_are_escaped(tmp_path, monkeypatch, capsys):
    import shutil

    from deckgen import MINI

    from booster import paths
    from booster.tools.cli import main

    mine = paths.user_decks()
    mine.mkdir(parents=True, exist_ok=True)
    shutil.copytree(MINI, mine / "evil\x1b[2J\nforged: line")
    main(["deck", "list"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\nforged" not in out and "\\x1b[2J\\nforged" in out
