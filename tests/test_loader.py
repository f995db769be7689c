# SPDX-License-Identifier: MIT
"""`booster deck check` on broken decks: every problem, each at file:line:col with a plain sentence."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from deckgen import MINI, synthetic_deck, write_deck
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster.deck import yaml_words
from booster.deck.loader import load_deck
from booster.tools.cli import main

LOCATED = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.+)$")


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(folder: Path) -> list[str]:
    result = load_deck(folder)
    assert result.problems, "the deck (or one of its translations) should have been refused"
    lines = [str(p) for p in result.problems]
    for line in lines:
        assert LOCATED.match(line), line
    return lines


def only(lines: list[str], file: str, line: int, col: int | None, fragment: str) -> None:
    hits = [x for x in lines if fragment in x]
    assert hits, f"no problem mentions {fragment!r}: {lines}"
    m = LOCATED.match(hits[0])
    assert m and m["file"].endswith(file) and int(m["line"]) == line, hits[0]
    if col is not None:
        assert int(m["col"]) == col, hits[0]


def test_the_mini_deck_is_valid_and_summarised(capsys):
    assert main(["deck", "check", str(MINI)]) == 0
    out = capsys.readouterr().out
    assert "is valid" in out and "2 challenge" in out and "language Français (fr): " in out


def test_a_typo_in_a_key_is_named_with_the_nearest_valid_key(mini_copy):
    edit(mini_copy, "cards.yaml", "    stage: start\n    tools: [map]", "    stgae: start\n    tools: [map]")
    lines = check(mini_copy)
    only(lines, "cards.yaml", 6, 5, "unknown key 'stgae' (did you mean 'stage'?)")
    assert any("a challenge card needs a stage" in x for x in lines)


def test_unknown_stage_pillar_and_kind(mini_copy):
    edit(mini_copy, "cards.yaml", "    stage: finish", "    stage: finnish")
    edit(mini_copy, "cards.yaml", "    pillar: social", "    pillar: sociall")
    edit(mini_copy, "cards.yaml", "    kind: scenario", "    kind: scenarios")
    lines = check(mini_copy)
    only(lines, "cards.yaml", 18, 12, "unknown stage 'finnish'; the stages are: start, finish")
    only(lines, "cards.yaml", 14, 13, "unknown pillar 'sociall'")
    assert any("'scenarios' is not allowed here; did you mean 'scenario'?" in x for x in lines)


def test_unknown_pillar_in_an_effect(mini_copy):
    edit(mini_copy, "cards.yaml", "grow: {effect: {ecology: 2", "grow: {effect: {ecolgy: 2")
    only(check(mini_copy), "cards.yaml", 9, 23, "unknown pillar 'ecolgy'")


def test_helpful_tool_that_does_not_exist_or_is_not_a_tool(mini_copy):
    edit(
        mini_copy,
        "cards.yaml",
        "    tools: [map]\n    options:\n      grow",
        "    tools: [mapp, exp-eco]\n    options:\n      grow",
    )
    lines = check(mini_copy)
    only(lines, "cards.yaml", 7, 13, "the tool 'mapp' does not exist")
    only(lines, "cards.yaml", 7, 19, "'exp-eco' is an experience card, not a tool")


def test_yaml_11_boolean_where_an_id_is_expected(mini_copy):
    edit(mini_copy, "deck.yaml", "source_language: en", "source_language: no")
    only(check(mini_copy), "deck.yaml", 5, 18, "'no' means true or false")


def test_wrong_types(mini_copy):
    edit(mini_copy, "rules.yaml", "exchange: {rate: 1, cap: 2}", "exchange: {rate: one, cap: 2}")
    lines = check(mini_copy)
    only(lines, "rules.yaml", 13, 18, "exchange.rate: expected a whole number, found the text 'one'")


def test_duplicate_card_ids_across_files(mini_copy):
    (mini_copy / "cards.extra.yaml").write_text(
        "cards:\n  map:\n    kind: tool\n    stage: start\n    pillar: social\n"
    )
    only(check(mini_copy), "cards.extra.yaml", 2, 3, "the card id 'map' is already used in")


def test_duplicate_keys_anchors_and_tags(mini_copy):
    edit(mini_copy, "text.en.yaml", "  exp-soc:", "  exp-eco: {title: Again, text: x, advice: y}\n  exp-soc:")
    edit(mini_copy, "rules.yaml", "timer: {seconds: 60}", "timer: &t {seconds: 60}\nx: !!python/object:os.system 1")
    lines = check(mini_copy)
    only(lines, "text.en.yaml", 27, 3, "the key 'exp-eco' appears twice")
    only(lines, "rules.yaml", 14, 8, "anchors (&t) are not allowed")
    only(lines, "rules.yaml", 15, 4, "tags (!!python/object:os.system) are not allowed")


def test_card_without_source_text_and_text_for_unknown_id(mini_copy):
    edit(mini_copy, "text.en.yaml", "  town-garden: {title: Town garden, text: A shared garden in town.}\n", "")
    edit(mini_copy, "text.fr.yaml", "  garden:", "  gardn:\n    title: X\n  garden:")
    lines = check(mini_copy)
    only(lines, "cards.yaml", 35, 3, "the card 'town-garden' has no text in the source language (en)")
    only(lines, "text.fr.yaml", 7, 3, "text for the card 'gardn', which does not exist")


def test_option_text_for_an_option_that_does_not_exist(mini_copy):
    edit(mini_copy, "text.fr.yaml", "sell: Vendre le terrain.", "sel: Vendre le terrain.")
    only(check(mini_copy), "text.fr.yaml", 10, 44, "text for the option 'sel'")


def test_text_over_its_limit(mini_copy):
    edit(mini_copy, "rules.yaml", "timer: {seconds: 60}", "timer: {seconds: 60}\nlimits: {title: 10}")
    only(check(mini_copy), "text.en.yaml", 28, 24, "the text has 11 characters; the limit for a title is 10")


def test_non_utf8_empty_oversized_and_deep_files(mini_copy):
    (mini_copy / "text.fr.yaml").write_bytes(b"deck:\n  title: Mini \xe9\n")
    (mini_copy / "text.de.yaml").write_bytes(b"")
    (mini_copy / "text.es.yaml").write_bytes(b"a: " + b"[" * 30000 + b"]" * 30000)
    (mini_copy / "text.it.yaml").write_bytes(b"deck: {title: '" + b"x" * (17 * 1024 * 1024) + b"'}")
    lines = check(mini_copy)
    only(lines, "text.fr.yaml", 2, 15, "byte 0xE9 is not UTF-8")
    only(lines, "text.de.yaml", 1, 1, "the file is empty")
    only(lines, "text.es.yaml", 1, 19, "nested more than 16 levels")
    only(lines, "text.it.yaml", 1, 1, "the limit is 4 MiB")


def test_every_problem_is_reported_at_once(mini_copy):
    edit(mini_copy, "cards.yaml", "    stage: finish", "    stage: finnish")
    edit(mini_copy, "text.en.yaml", "title: A garden", "title: [A garden]")
    edit(mini_copy, "rules.yaml", "movement: {mode: step}", "movement: {mode: stepp}")
    assert len(check(mini_copy)) >= 3


def test_cli_reports_problems_and_a_count_with_exit_1(mini_copy, capsys):
    edit(mini_copy, "cards.yaml", "    stage: finish", "    stage: finnish")
    assert main(["deck", "check", str(mini_copy)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert LOCATED.match(out[0]) and out[-1] == "1 problem found."


def test_a_broken_deck_never_gives_a_traceback(mini_copy):
    (mini_copy / "cards.yaml").write_bytes(b"cards:\n  - [unclosed\n")
    out = subprocess.run(
        [sys.executable, "-m", "booster", "deck", "check", str(mini_copy)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert "cards.yaml:2:5: the '[' opened here is not closed" in out.stdout


def test_missing_folder_and_missing_files(tmp_path):
    assert "no deck folder here" in str(load_deck(tmp_path / "nope").problems[0])
    lines = check(tmp_path)
    assert any("the deck has no cards.yaml" in x for x in lines)


def test_a_generated_deck_loads_with_every_card_and_language(tmp_path):
    folder = write_deck(tmp_path / "gen", synthetic_deck(200, ("en", "fr", "el", "hr")))
    deck = load_deck(folder).deck
    assert deck is not None
    assert len(deck.cards) == 200 and deck.languages == ("el", "en", "fr", "hr")


# Mutations of a valid deck: whatever the edit, the loader answers with a deck or located problems.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    file=st.sampled_from(["deck.yaml", "rules.yaml", "cards.yaml", "text.en.yaml", "text.fr.yaml"]),
    pos=st.floats(0, 1),
    junk=st.text(max_size=12),
)
def test_random_edits_never_crash_the_loader(mini_copy, file, pos, junk):
    path = mini_copy / file
    original = path.read_text(encoding="utf-8")
    i = int(pos * len(original))
    path.write_text(original[:i] + junk + original[i:], encoding="utf-8")
    try:
        result = load_deck(mini_copy)
        # A deck without problems, or none, or one without the translations whose file has them.
        refused = [p for lang in result.refused for p in result.refused[lang]]
        assert (result.deck is None) == (len(result.problems) > len(refused))
        assert result.deck is None or not set(result.refused) & set(result.deck.texts)
        assert all(p.file.endswith(f"text.{lang}.yaml") for lang in result.refused for p in result.refused[lang])
        for p in result.problems:
            assert p.line >= 1 and p.col >= 1 and p.message
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("kind", ["deck", "rules", "cards", "text"])
def test_schema_command_prints_draft07_json(kind, capsys):
    import json

    assert main(["deck", "schema", kind]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_deck_files_name_their_schema_on_the_first_line():
    for path in sorted(MINI.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "text" if path.name.startswith("text.") else path.stem
        assert first == f"# yaml-language-server: $schema=../../../booster/schemas/{kind}.schema.json"


# Texts a card draws as written: no control or format character (zero-width, bidi controls, BOM) and no
# markup, which the loader refuses with their fix (tested in test_text_slips_are_refused_with_their_fix).
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and t.strip() and not yaml_words.text_slips(t)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    n_cards=st.integers(5, 60),
    n_stages=st.integers(1, 6),
    seed=st.integers(0, 1000),
    langs=st.lists(st.sampled_from(["fr", "en", "el", "hr", "no", "pt-br"]), min_size=1, max_size=4, unique=True),
    title=texts,
)
def test_any_generated_deck_loads_back_to_what_was_written(tmp_path_factory, n_cards, n_stages, seed, langs, title):
    files = synthetic_deck(n_cards, tuple(langs), n_stages, seed)
    first = next(iter(files["cards.yaml"]["cards"]))
    files[f"text.{langs[0]}.yaml"]["cards"][first]["title"] = title[:48]
    folder = write_deck(tmp_path_factory.mktemp("deck") / "d", files)
    result = load_deck(folder)
    assert result.problems == []
    deck = result.deck
    assert list(deck.cards) == list(files["cards.yaml"]["cards"])
    assert deck.text(langs[0], "cards", first, "title") == title[:48]
    for cid, raw in files["cards.yaml"]["cards"].items():
        card = deck.cards[cid]
        assert card.kind == raw["kind"]
        for option in card.options:
            effect = raw["options"][option.id]["effect"]
            assert option.effect == tuple(effect.get(p, 0) for p in deck.rules.pillar_ids)
    assert set(deck.languages) == set(langs)


def test_a_number_too_long_to_read_is_a_located_problem_not_a_crash(mini_copy):
    # Python refuses to read integers of more than a few thousand digits (sys.int_max_str_digits).
    edit(mini_copy, "rules.yaml", "cap: 2", "cap: " + "9" * 5000)
    edit(mini_copy, "text.en.yaml", "title: A garden", "title: " + "1" * 5000)
    lines = check(mini_copy)
    assert any(x.startswith(f"{mini_copy / 'rules.yaml'}:13:") for x in lines), lines
    assert any(x.startswith(f"{mini_copy / 'text.en.yaml'}:") and "the limit for a title" in x for x in lines), lines


def test_a_limit_for_an_unknown_kind_of_text_is_a_problem_not_a_crash(mini_copy):
    edit(mini_copy, "rules.yaml", "timer: {seconds: 60}", 'timer: {seconds: 60}\nlimits: {"": 3, titel: 3}')
    edit(mini_copy, "text.en.yaml", "title: A garden", "title: A garden\n    note: a field no card has")
    lines = check(mini_copy)
    assert len(lines) == 3 and sum("rules.yaml:15:" in x for x in lines) == 2, lines
    assert any("text.en.yaml" in x and "note" in x for x in lines), lines


def test_a_broken_translation_leaves_the_other_languages_usable(mini_copy, capsys):
    (mini_copy / "text.it.yaml").write_text("cards:\n  garden:\n    title: Un orto: grande\n", encoding="utf-8")
    edit(mini_copy, "text.fr.yaml", "title: Un jardin", "title: " + "Un très long jardin " * 10)
    result = load_deck(mini_copy)
    assert result.deck is not None
    assert sorted(result.deck.texts) == ["en"] and sorted(result.refused) == ["fr", "it"]
    assert {p.file for p in result.problems} == {str(mini_copy / "text.it.yaml"), str(mini_copy / "text.fr.yaml")}
    assert main(["deck", "check", str(mini_copy)]) == 1  # still not a valid deck
    out = capsys.readouterr().out
    assert "text.it.yaml:3:" in out
    assert "left out until their problems are fixed: the Français (fr), Italiano (it) texts" in out


def test_a_broken_source_text_still_refuses_the_deck(mini_copy):
    edit(mini_copy, "text.en.yaml", "title: A garden", "title: A garden: big")
    result = load_deck(mini_copy)
    assert result.deck is None and result.problems


# The mistakes that made the parser complain a line or more below, with a harmful fix (issue 25 §5): each is
# now told at its own line, with the line to write.
LINE_SLIPS = [
    ("    text: A plot of land is free.", "\u00a0   text: A plot of land is free.", 14, 1, "no-break space (U+00A0)"),
    (
        "    title: A garden",
        '    title:"A garden"',
        13,
        11,
        "separated by ': ' (a colon and a space): write title: \"A garden\"",
    ),
    (
        "    title: A garden",
        '    title "A garden"',
        13,
        10,
        "the name title has no ':' after it: write title: \"A garden\"",
    ),
    ("    title: A garden", '    title: "A garden', 13, 12, "this quote is never closed"),
]


@pytest.mark.parametrize(("old", "new", "line", "col", "fragment"), LINE_SLIPS)
def test_a_slip_is_told_at_its_own_line(mini_copy, old, new, line, col, fragment):
    edit(mini_copy, "text.en.yaml", old, new)
    lines = check(mini_copy)
    assert len(lines) == 1, lines
    only(lines, "text.en.yaml", line, col, fragment)


def test_the_leftover_braces_line_is_told_to_go(mini_copy):
    path = mini_copy / "text.fr.yaml"
    n = len(path.read_text(encoding="utf-8").splitlines())
    with path.open("a", encoding="utf-8") as f:
        f.write("{}  # nothing translated yet: delete this line when you uncomment a first text\n")
    only(check(mini_copy), "text.fr.yaml", n + 1, 1, "this '{}' line is left by deck translate")


TEXT_SLIPS = [
    ("<b>A garden</b>", "the markup <b>, which a card shows as is: remove the tags"),
    ("A<br>garden", "the markup <br>, which a card shows as is: for a new line, write \\n"),
    ("A \ufeffgarden", "byte-order mark (U+FEFF)"),
    ("A \u202egarden", "bidirectional control U+202E"),
    ('"\u200b\u200c"', "this text draws nothing"),
    ('"\u200b \u2060"', "this text draws nothing"),
]


@pytest.mark.parametrize(("title", "fragment"), TEXT_SLIPS)
def test_text_slips_are_refused_with_their_fix(mini_copy, title, fragment):
    edit(mini_copy, "text.fr.yaml", "title: Un jardin", f"title: {title}")
    result = load_deck(mini_copy)
    assert result.deck is not None and "fr" in result.refused  # the other languages still play
    only([str(p) for p in result.problems], "text.fr.yaml", 8, 12, fragment)


def test_a_zero_width_space_is_warned(mini_copy):
    edit(mini_copy, "text.fr.yaml", "title: Un jardin", "title: Un\u200bjardin")
    result = load_deck(mini_copy)
    assert not result.problems
    assert any("zero-width space (U+200B)" in w.message and w.line == 8 for w in result.warnings)


def test_a_source_title_that_draws_nothing_is_refused_at_its_place(mini_copy, capsys):
    edit(mini_copy, "text.en.yaml", "title: A garden", 'title: "\u200b\u200b"')
    assert main(["deck", "check", str(mini_copy)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"text\.en\.yaml:13:12: this text draws nothing", out), out
    assert "Traceback" not in out
