# SPDX-License-Identifier: MIT
"""The deck format of issue 10 (marks, follow-ups, echoes, powers, scenario-aware cards): what loads, and
every bad reference reported at file:line:col with the fix, or warned about when the deck still plays."""

import re
import shutil
from pathlib import Path

import pytest

from booster.deck.loader import load_deck
from booster.engine.model import Adjust
from booster.tools.cli import main

MECHANICS = Path(__file__).parent / "decks" / "mechanics"
LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


@pytest.fixture
def deck_copy(tmp_path) -> Path:
    return Path(shutil.copytree(MECHANICS, tmp_path / "mechanics"))


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(folder: Path) -> list[str]:
    result = load_deck(folder)
    assert result.deck is None, "the deck should have been refused"
    return [str(p) for p in result.problems]


def at(lines: list[str], file: str, line: int, fragment: str) -> str:
    hits = [x for x in lines if fragment in x]
    assert hits, f"no line mentions {fragment!r}: {lines}"
    m = LOCATED.match(hits[0])
    assert m and m["file"].endswith(file) and int(m["line"]) == line, hits[0]
    return hits[0]


def line_of(folder: Path, name: str, fragment: str) -> int:
    """1-based line of the first line of `name` holding `fragment`."""
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if fragment in text)


def test_the_mechanics_deck_loads_every_new_key_without_warnings():
    result = load_deck(MECHANICS)
    assert result.problems == [] and result.warnings == ()
    deck = result.deck
    assert deck is not None
    cards = deck.cards
    assert cards["interviews"].powers == ("reveal",)
    assert cards["canvas"].powers == ("bonus", "soften")
    assert cards["personas"].fits == ("food",) and cards["empty-building"].fits is None
    accept = cards["empty-building"].option("accept")
    assert accept.marks == ("city-partner",) and accept.echoes == ("exp-city",)
    assert accept.follow_up == "building-repairs"
    assert cards["empty-building"].option("co-design").unlocked_by == ("personas",)
    assert cards["building-repairs"].kind == "follow-up"
    assert cards["building-repairs"].option("ask-city").requires == ("city-partner",)
    assert cards["building-repairs"].option("volunteers").excludes == ("volunteers-tired",)
    assert cards["launch-day"].option("party").adjust == (Adjust("volunteers-tired", True, (0, 0, -1)),)
    assert cards["launch-day"].option("press").adjust == (Adjust("city-partner", False, (0, -1, 0)),)
    assert cards["scenario-grocery"].project == "food"
    assert deck.marks() == ("city-partner", "volunteers-tired")
    assert deck.text("en", "cards", "empty-building", "consequences", "accept").startswith("The town cites")


def test_a_tool_without_powers_has_the_bonus(tmp_path):
    from deckgen import MINI

    deck = load_deck(MINI).deck
    assert deck is not None and deck.cards["map"].powers == ("bonus",)
    assert deck.cards["garden"].powers == ()


def test_references_to_cards_that_do_not_exist_or_are_of_another_kind(deck_copy):
    edit(deck_copy, "cards.yaml", "follow_up: building-repairs", "follow_up: launch-day")
    edit(deck_copy, "cards.yaml", "echoes: [exp-city]", "echoes: [exp-cty]")
    edit(deck_copy, "cards.yaml", "        echoes: [exp-green]\n      rent", "        echoes: [canvas]\n      rent")
    lines = refused(deck_copy)
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "follow_up: launch-day"),
        "'launch-day' is a challenge card, not a follow-up",
    )
    at(lines, "cards.yaml", line_of(deck_copy, "cards.yaml", "exp-cty"), "the experience 'exp-cty' does not exist")
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "echoes: [canvas]"),
        "'canvas' is a tool card, not an experience",
    )


def test_unlocked_by_a_tool_without_the_unlock_power(deck_copy):
    edit(deck_copy, "cards.yaml", "unlocked_by: [personas]", "unlocked_by: [canvas]")
    lines = refused(deck_copy)
    line = at(lines, "cards.yaml", line_of(deck_copy, "cards.yaml", "unlocked_by: [canvas]"), "no unlock power")
    assert "add 'unlock' to its powers" in line


def test_a_mark_tested_but_never_given_is_a_typo(deck_copy):
    edit(deck_copy, "cards.yaml", "requires: [city-partner]", "requires: [city-partnr]")
    edit(deck_copy, "cards.yaml", "{when: volunteers-tired,", "{when: volunteers-tird,")
    lines = refused(deck_copy)
    at(lines, "cards.yaml", line_of(deck_copy, "cards.yaml", "city-partnr"), "no response gives the mark 'city-partnr'")
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "volunteers-tird"),
        "no response gives the mark 'volunteers-tird'",
    )


def test_a_card_must_always_offer_a_response(deck_copy):
    edit(
        deck_copy,
        "cards.yaml",
        "        clears: [volunteers-tired]\n      ask-city",
        "        requires: [city-partner]\n      ask-city",
    )
    lines = refused(deck_copy)
    options = line_of(deck_copy, "cards.yaml", "  building-repairs:") + 4  # its options: key
    line = at(lines, "cards.yaml", options, "a team holding volunteers-tired is offered no response")
    assert "give at least one response without requires, excludes or unlocked_by" in line


def test_fits_naming_a_project_no_scenario_plays(deck_copy):
    edit(deck_copy, "cards.yaml", "fits: [food]\n    tools: [canvas]", "fits: [fod]\n    tools: [canvas]")
    lines = refused(deck_copy)
    at(lines, "cards.yaml", line_of(deck_copy, "cards.yaml", "fits: [fod]"), "no scenario plays the project kind 'fod'")


def test_keys_of_the_wrong_kind_of_card_and_unknown_powers(deck_copy):
    edit(deck_copy, "cards.yaml", "powers: [reveal]", "powers: [revea]")
    edit(
        deck_copy,
        "cards.yaml",
        "exp-city: {kind: experience, pillar: social}",
        "exp-city: {kind: experience, pillar: social, powers: [bonus]}",
    )
    edit(
        deck_copy,
        "cards.yaml",
        "scenario-grocery: {kind: scenario, project: food}",
        "scenario-grocery: {kind: scenario, project: food, fits: [food]}",
    )
    edit(
        deck_copy,
        "cards.yaml",
        "{when: volunteers-tired, effect",
        "{when: volunteers-tired, unless: city-partner, effect",
    )
    lines = refused(deck_copy)
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "revea"),
        "'revea' is not allowed here; did you mean 'reveal'?",
    )
    at(lines, "cards.yaml", line_of(deck_copy, "cards.yaml", "exp-city: {"), "only tool cards have 'powers'")
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "scenario-grocery: {"),
        "only challenge cards and follow-up cards and tool cards have 'fits'",
    )
    at(
        lines,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "unless: city-partner, effect"),
        "either with 'when' or with 'unless'",
    )


def test_texts_of_marks_and_consequences(deck_copy):
    edit(
        deck_copy,
        "text.en.yaml",
        "  volunteers-tired: Tired volunteers\n",
        "  volunteers-tired: Tired volunteers\n  city-partnr: Typo\n",
    )
    edit(
        deck_copy,
        "text.en.yaml",
        "      rent: The rented van costs less than feared.",
        "      rnt: The rented van costs less than feared.",
    )
    edit(
        deck_copy,
        "text.en.yaml",
        "      press: Two articles, and a phone call from the bank.",
        "      press: " + "Two articles. " * 12,
    )
    lines = refused(deck_copy)
    at(
        lines,
        "text.en.yaml",
        line_of(deck_copy, "text.en.yaml", "city-partnr"),
        "text for the mark 'city-partnr', which does not exist",
    )
    at(
        lines,
        "text.en.yaml",
        line_of(deck_copy, "text.en.yaml", "rnt:"),
        "text for the option 'rnt', which 'broken-van' does not have",
    )
    at(
        lines,
        "text.en.yaml",
        line_of(deck_copy, "text.en.yaml", "Two articles. Two"),
        "the limit for a consequence is 160",
    )


def test_a_mark_needs_a_name_in_the_source_language(deck_copy):
    edit(deck_copy, "text.en.yaml", "  city-partner: City partner\n", "")
    lines = refused(deck_copy)
    at(
        lines,
        "text.en.yaml",
        line_of(deck_copy, "text.en.yaml", "marks:"),
        "the mark 'city-partner' has no name in the source language (en)",
    )


def test_design_slips_are_warnings_and_the_deck_still_loads(deck_copy, capsys):
    edit(deck_copy, "cards.yaml", "    tools: [interviews]\n    options:\n      party", "    options:\n      party")
    edit(deck_copy, "cards.yaml", "    tools: [interviews, canvas]", "    tools: [canvas]")
    edit(deck_copy, "cards.yaml", "        follow_up: building-repairs\n", "")
    edit(deck_copy, "cards.yaml", "  exp-green: {kind: experience, pillar: ecology}\n", "")
    edit(deck_copy, "cards.yaml", "        echoes: [exp-green]\n      rent", "      rent")
    edit(deck_copy, "cards.yaml", "        echoes: [exp-green]\n      fee", "      fee")
    edit(
        deck_copy,
        "text.en.yaml",
        "  exp-green: {title: Repair first, text: We repaired before buying., advice: Find a good mechanic.}\n",
        "",
    )
    edit(
        deck_copy,
        "cards.yaml",
        "  repair-night:\n    kind: challenge",
        "  repair-night:\n    kind: challenge\n    fits: [food]",
    )
    edit(
        deck_copy,
        "cards.yaml",
        "  launch-day:\n    kind: challenge",
        "  launch-day:\n    kind: challenge\n    fits: [food]",
    )
    result = load_deck(deck_copy)
    assert result.problems == [] and result.deck is not None
    warnings = [str(w) for w in result.warnings]
    for w in warnings:
        assert LOCATED.match(w), w
    at(
        warnings,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "  interviews:"),
        "no challenge names the tool 'interviews'",
    )
    at(
        warnings,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "  building-repairs:"),
        "no response schedules the follow-up 'building-repairs'",
    )
    at(
        warnings,
        "rules.yaml",
        line_of(deck_copy, "rules.yaml", "  ecology:"),
        "the pillar 'ecology' has no experience cards",
    )
    at(
        warnings,
        "cards.yaml",
        line_of(deck_copy, "cards.yaml", "scenario-repair-cafe"),
        "no challenge card of the stage 'finish' fits the project kind 'repair'",
    )
    assert main(["deck", "check", str(deck_copy)]) == 0
    out = capsys.readouterr().out
    assert ": warning: no challenge names the tool 'interviews'" in out
    assert f"is valid ({len(warnings)} warnings)." in out


def test_a_deck_without_the_new_keys_loads_as_before():
    from deckgen import MINI

    result = load_deck(MINI)
    assert result.deck is not None and result.warnings == ()
