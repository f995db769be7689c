# SPDX-License-Identifier: MIT
"""Plain words for the YAML mistakes translators make (issue 13 §5), at the line of the mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster.deck.yaml_safe import parse_bytes
from booster.tools.cli import main

# The mistake is always on line 4; what follows it is a valid line, as in a real file.
BEFORE = "cards:\n  garden:\n    text: ok\n"
AFTER = "    other: y\n"

CASES = [
    ("    title: Il quartiere: nuovo", 4, 'put the text in quotes: title: "Il quartiere: nuovo"'),
    ("    title: *stella", 4, 'put the text in quotes: title: "*stella"'),
    ("    title: &stella e luna", 4, 'put the text in quotes: title: "&stella e luna"'),
    ("    title: !importante", 4, 'put the text in quotes: title: "!importante"'),
    ("    title: %cento", 4, "a text cannot start with '%' unless it is in quotes"),
    ("    title: @casa", 4, "a text cannot start with '@' unless it is in quotes"),
    ("    title: `casa`", 4, "a text cannot start with '`' unless it is in quotes"),
    ("    title: - uno", 4, 'put the text in quotes: title: "- uno"'),
    ("    title: [uno", 4, "a text cannot start with '[' unless it is in quotes"),
    ("    title: [uno] due", 4, 'put the text in quotes: title: "[uno] due"'),
    ("    title: {uno", 4, "a text cannot start with '{' unless it is in quotes"),
    ("    title: | uno", 4, "a text cannot start with '|' unless it is in quotes"),
    ("    title: > uno", 4, "a text cannot start with '>' unless it is in quotes"),
    ("    title Il quartiere", 4, "this line has no ':' after its name"),
    ("      title: x", 4, "indented by 6 spaces; the entries of `garden:` above (line 2) use 4, as line 3 does"),
    ("   title: x", 4, "this line is indented by 3 spaces; the entries of `garden:` above (line 2) use 4"),
    ("\ttitle: x", 4, "a tab is used here: YAML needs spaces"),
    ('    title: "Il quartiere', 4, "this quote is never closed"),
    ('    title: "Il "grande" quartiere"', 4, 'title: "Il \\"grande\\" quartiere"'),
]


@pytest.mark.parametrize(("line", "at", "fragment"), CASES, ids=[c[0].strip() for c in CASES])
def test_each_mistake_gets_a_sentence_at_its_line(line: str, at: int, fragment: str) -> None:
    _, problems = parse_bytes((BEFORE + line + "\n" + AFTER).encode(), "f.yaml")
    assert len(problems) == 1, problems
    assert problems[0].line == at and fragment in problems[0].message, problems[0]
    assert "YAML syntax error" not in problems[0].message and "remove it" not in problems[0].message


def test_the_suggested_line_reads_back_as_the_text_meant() -> None:
    for line, _, fragment in CASES:
        if 'quotes: title: "' in fragment:
            fixed = fragment.split("quotes: ", 1)[1]
            doc, problems = parse_bytes((BEFORE + "    " + fixed + "\n" + AFTER).encode(), "f.yaml")
            assert not problems and doc.value["cards"]["garden"]["title"] == line.split(": ", 1)[1]


def test_a_comment_that_cuts_a_text_and_a_tab_in_a_text_are_warned() -> None:
    doc, problems = parse_bytes(b'title: Il quartiere #1 del mese\ntext: "a\\tb"\nok: "a # b"\n', "f.yaml")
    assert not problems and doc.value == {"title": "Il quartiere", "text": "a\tb", "ok": "a # b"}
    assert [(w.line, w.col) for w in doc.warnings] == [(1, 21), (2, 7)]
    assert "shows only 'Il quartiere'" in doc.warnings[0].message and "a tab" in doc.warnings[1].message


def test_other_files_are_still_checked_when_one_cannot_be_read(mini_copy: Path, capsys) -> None:
    cards = mini_copy / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("  garden:", "  garden: x: y", 1), encoding="utf-8")
    fr = mini_copy / "text.fr.yaml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("title: Un jardin", "title: Un jardin: grand"), "utf-8")
    en = mini_copy / "text.en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Map", "title: Map #2"), encoding="utf-8")
    assert main(["deck", "check", str(mini_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert [x.split(": ", 1)[0].rsplit("/", 1)[1] for x in out if "yaml:" in x] == [
        "text.en.yaml:17:16",  # the warning about ' #'
        "cards.yaml:4:12",
        "text.fr.yaml:8:21",
    ]
    assert not any("does not exist" in x for x in out)  # no noise from the cards that could not be read


# -- a wrong indent is blamed on the line that has it, not on the correct line the parser stops at ----------

TEXT_FILE = """\
cards:
  food-desert:  # challenge, ideation
    # fr: Un quartier sans primeur
    title: "Un quartiere senza fruttivendolo"
    options:
      # fr: Cartographier
      map: "Mappare"
      # fr: Organiser un marché
      market: "Organizzare un mercato"
  too-many-ideas:  # challenge, ideation
    # fr: Dix idées, une seule équipe
    title: "Dieci idee, una sola squadra"
    # fr: Votre premier atelier
    text: "Il vostro primo laboratorio"
"""

CARDS_FILE = """\
cards:
  food-desert:
    kind: challenge
    stage: ideation
    options:
      map:
        effect: {ecology: 0, economy: -1, social: 2}
        marks: [figures]
      market: {effect: {ecology: 1, economy: 1, social: -1}}
  too-many-ideas:
    kind: challenge
    stage: ideation
"""


def _reindent(text: str, line: int, spaces: int | str) -> bytes:
    lines = text.split("\n")
    s = lines[line - 1]
    if isinstance(spaces, str):
        lines[line - 1] = spaces + s.lstrip(" ")
    else:
        lines[line - 1] = " " * spaces + s if spaces > 0 else s[-spaces:]
    return "\n".join(lines).encode()


INDENTS = [
    # (file, line changed, spaces added, (line, column) reported, what the sentence says)
    (TEXT_FILE, 12, 2, (12, 7), "indented by 6 spaces; the entries of `too-many-ideas:` above (line 10) use 4"),
    (TEXT_FILE, 12, -1, (12, 4), "indented by 3 spaces; the entries of `too-many-ideas:` above (line 10) use 4"),
    (TEXT_FILE, 12, -2, (12, 3), "indented by 2 spaces; the entries of `too-many-ideas:` above (line 10) use 4"),
    (TEXT_FILE, 7, -2, (7, 5), "indented by 4 spaces; the entries of `options:` above (line 5) use 6"),
    (TEXT_FILE, 7, 2, (7, 9), "indented by 8 spaces; the entries of `options:` above (line 5) use 6"),
    (TEXT_FILE, 9, 1, (9, 8), "indented by 7 spaces; the entries of `options:` above (line 5) use 6"),
    (TEXT_FILE, 9, "\t", (9, 1), "a tab is used here"),
    (CARDS_FILE, 4, 2, (4, 7), "indented by 6 spaces; the entries of `food-desert:` above (line 2) use 4"),
    (CARDS_FILE, 4, -1, (4, 4), "indented by 3 spaces; the entries of `food-desert:` above (line 2) use 4"),
    (CARDS_FILE, 6, -2, (6, 5), "indented by 4 spaces; the entries of `options:` above (line 5) use 6"),
    (CARDS_FILE, 6, 2, (6, 9), "indented by 8 spaces; the entries of `options:` above (line 5) use 6"),
    (CARDS_FILE, 7, 1, (7, 10), "indented by 9 spaces; the entries of `map:` above (line 6) use 8"),
    (
        CARDS_FILE,
        10,
        1,
        (10, 4),
        "the entries of `food-desert:` above (line 2) use 4, as line 5 does, and the "
        "entries of `cards:` (line 1) use 2: give it 4 or 2 spaces",
    ),
    (CARDS_FILE, 3, "\t", (3, 1), "a tab is used here"),
    (CARDS_FILE, 8, "    \t", (8, 5), "a tab is used here"),
]


@pytest.mark.parametrize(("text", "line", "spaces", "at", "fragment"), INDENTS)
def test_a_wrong_indent_is_reported_at_the_line_that_has_it(text, line, spaces, at, fragment) -> None:
    _, problems = parse_bytes(_reindent(text, line, spaces), "f.yaml")
    assert [(p.line, p.col) for p in problems] == [at], problems
    assert fragment in problems[0].message, problems[0]


def test_deck_check_blames_the_wrong_indent_in_a_copy_of_the_core_deck(tmp_path: Path, capsys) -> None:
    """What the tester did: indent a card's title too far in text.it.yaml; check names that line."""
    import shutil

    from booster import paths

    deck = Path(shutil.copytree(paths.CORE_DECK, tmp_path / "core"))
    it = deck / "text.it.yaml"
    lines = it.read_text(encoding="utf-8").split("\n")
    at = next(i for i, s in enumerate(lines) if s.startswith("  too-many-ideas:")) + 2
    assert lines[at].startswith("    title:")
    lines[at] = "  " + lines[at]
    it.write_text("\n".join(lines), encoding="utf-8")
    assert main(["deck", "check", str(deck)]) == 1
    out = capsys.readouterr().out
    assert f"text.it.yaml:{at + 1}:7: this line is indented by 6 spaces; the entries of `too-many-ideas:`" in out
