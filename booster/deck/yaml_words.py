# SPDX-License-Identifier: MIT
"""Plain words for the YAML mistakes people make when they type texts by hand.

The parser says "mapping values are not allowed in this context", often a line or two below the mistake.
Here each message the parser gives is matched with the mistake that usually causes it (an unquoted `: `
inside a text, a text starting with a character YAML reserves, a missing colon, a wrong indent, a tab, an
unclosed quote) and turned into a sentence at the line of the mistake, most often with the fixed line to
copy: `put the text in quotes: title: "Il quartiere: nuovo"`.
"""

from __future__ import annotations

import re
from typing import Any

# `key: value` (the key possibly quoted, possibly a list item), capturing the part before the value.
_KEY_VALUE = re.compile(r"""(?P<head>\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#'"][^:#]*?):[ \t]+)(?P<value>.*)$""")
# The characters that cannot start a text that is not in quotes, and what YAML takes them for.
RESERVED = {
    "*": "an alias",
    "&": "an anchor",
    "!": "a tag",
    "%": "a directive",
    "@": "a reserved character",
    "`": "a reserved character",
    "|": "a block of lines",
    ">": "a folded block of lines",
    "[": "the start of a list",
    "{": "the start of a mapping",
    "-": "a list item",
    "'": "a quote",
    '"': "a quote",
}


def quoted(line: str) -> str | None:
    """`line` with its value in double quotes (what a translator should write), or None if it is no
    `key: value` line."""
    m = _KEY_VALUE.match(line)
    if not m or not m["value"].strip():
        return None
    value = m["value"].rstrip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]  # already quoted, but broken inside: quote it again properly
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{m["head"].strip()} "{escaped}"'


def _quote_advice(line: str) -> str:
    fixed = quoted(line)
    return f"put the text in quotes: {fixed}" if fixed else "put the text in quotes"


def reserved_start(char: str, line: str) -> str:
    """The sentence for a text that starts with a character YAML reserves."""
    what = RESERVED.get(char, "something else than text")
    return f"a text cannot start with {char!r} unless it is in quotes (YAML reads it as {what}): " + _quote_advice(line)


def explain(text: str, error: Any) -> tuple[int, int, str]:
    """(1-based line, column, sentence) for a parser error (a yaml.MarkedYAMLError) on `text`."""
    lines = text.split("\n")
    problem = error.problem or ""
    context = error.context or ""
    pm, cm = error.problem_mark, error.context_mark
    main = pm or cm

    def line_of(mark: Any) -> str:
        return lines[mark.line] if mark is not None and mark.line < len(lines) else ""

    def char_at(mark: Any) -> str:
        s = line_of(mark)
        return s[mark.column] if mark is not None and mark.column < len(s) else ""

    def at(mark: Any, sentence: str) -> tuple[int, int, str]:
        return (mark.line + 1, mark.column + 1, sentence) if mark is not None else (1, 1, sentence)

    if "tab" in problem or (char_at(pm) == "\t"):
        return at(pm, "a tab is used here: YAML needs spaces to indent and between items; replace the tab with spaces")
    if "cannot start any token" in problem:
        return at(pm, reserved_start(char_at(pm), line_of(pm)))
    if "block sequence entries are not allowed" in problem:
        return at(pm, reserved_start("-", line_of(pm)))
    if "while scanning a block scalar" in context:
        return at(cm, reserved_start(char_at(cm), line_of(cm)))
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        return at(cm, reserved_start(char_at(cm), line_of(cm)))
    if "while scanning a quoted scalar" in context:
        return at(
            cm,
            "this quote is never closed: end the text with the same quote mark; inside a text in double quotes, "
            'write a quote as \\"',
        )
    if "while parsing a flow" in context:
        char = char_at(cm)
        m = _KEY_VALUE.match(line_of(cm))
        if m and cm.column == len(m["head"]):  # the value itself starts with [ or {
            # A `{title: X, text: Y}` mapping is fine; a text in it with a ',' or ': ' is not.
            if char == "{" and ":" in m["value"]:
                return at(
                    cm,
                    "a text inside {...} holds a ',' or ': ', or the '}' is missing: write each text on its own "
                    'line, in quotes (key: "text")',
                )
            return at(cm, reserved_start(char, line_of(cm)))
        return at(cm, f"the {char!r} opened here is not closed as YAML expects: put the texts in it in quotes")
    if "could not find expected ':'" in problem:
        where = cm or pm
        return at(
            where,
            "this line has no ':' after its name: write name: text (if the line continues the text above, put "
            "that whole text in quotes on one line, with \\n for a new line)",
        )
    if "mapping values are not allowed" in problem and pm is not None:
        s = line_of(pm)
        m = _KEY_VALUE.match(s)
        first_colon = s.find(":", len(s) - len(s.lstrip()))
        if m and pm.column > first_colon >= 0:
            return (pm.line + 1, pm.column + 1, "the ': ' inside this text is read as a new key: " + _quote_advice(s))
        prev = _previous_content(lines, pm.line)
        return (
            pm.line + 1,
            1,
            "this line is indented more than the key above it"
            + (f" (line {prev + 1})" if prev is not None else "")
            + ", so YAML reads it as part of that text: indent it like its neighbours, or put the text above in quotes",
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        s = line_of(pm)
        m = _KEY_VALUE.match(s)
        if pm is not None and m and m["value"][:1] in "\"'" and pm.column > len(m["head"]):
            fixed = quoted(s)
            return at(
                pm,
                'there is text after the closing quote: a quote inside a text in double quotes is written \\"'
                + (f": {fixed}" if fixed else ""),
            )
        if pm is not None and m and m["value"][:1] in "[{" and pm.column > len(m["head"]):
            return (pm.line + 1, len(m["head"]) + 1, reserved_start(m["value"][0], s))
        return (
            (pm.line + 1 if pm else 1),
            1,
            "this line is not lined up with the lines around it: give it as many spaces as the other names of its "
            "group (spaces, not tabs)",
        )
    what = f"{problem} ({context})" if problem and context else (problem or context or "invalid YAML")
    return at(main, f"YAML cannot read this: {what}")


def _previous_content(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if s and not s.startswith("#"):
            return j
    return None
