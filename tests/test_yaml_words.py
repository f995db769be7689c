# SPDX-License-Identifier: MIT
"""Plain words for the YAML mistakes translators make (issue 13 §5), at the line of the mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster.cli import main
from booster.deck.yaml_safe import parse_bytes

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
    ("      title: x", 4, "this line is indented more than the key above it (line 3)"),
    ("   title: x", 4, "this line is not lined up with the lines around it"),
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
