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
import unicodedata
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


# Spaces YAML does not count as indentation, which editors show as ordinary ones.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_NO_SPACE_AFTER_COLON = re.compile(r"""(\s*(?:-\s+)?)([A-Za-z0-9_.-]+):(["'A-Za-z])""")
_NO_COLON = re.compile(r"""(\s*(?:-\s+)?)([A-Za-z0-9_.-]+)[ \t]+(["'])""")
_LEFTOVER_BRACES = re.compile(r"\s*\{\}\s*(#.*)?")


def line_slip(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """The first of the slips that make the parser complain a line or more further down, on lines up to
    `upto` (0-based): an indent made of a no-break space, `title:"..."` (no space after the colon),
    `title "..."` (no colon), and the `{}` line `deck translate` leaves in a file with nothing translated."""
    content = [i for i, s in enumerate(lines[: upto + 1]) if s.strip() and not s.lstrip().startswith("#")]
    for i in content:
        s = lines[i]
        lead = s[
            : len(s)
            - len(
                s.lstrip(
                    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                    "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
                )
            )
        ]
        if odd := _ODD_SPACES.search(lead):
            return (
                i + 1,
                odd.start() + 1,
                f"this line is indented with a no-break space (U+{ord(odd.group()):04X}), which YAML does not "
                "count as indentation: replace the spaces before the name with ordinary ones",
            )
        m = _NO_SPACE_AFTER_COLON.fullmatch(s[: s.find(":") + 2]) if ":" in s else None
        if m and not s[m.end(2) + 1 :].startswith("//"):  # not a web address
            fixed = f"{m[1].strip()}{m[2]}: {s[m.end(2) + 1 :].strip()}".strip()
            sentence = f"a name and its text are separated by ': ' (a colon and a space): write {fixed}"
            return (i + 1, m.end(2) + 2, sentence)
        if m := _NO_COLON.match(s):
            return (
                i + 1,
                m.end(2) + 1,
                f"the name {m[2]} has no ':' after it: write {m[2]}: {s[m.end(2) :].strip()}",
            )
        if _LEFTOVER_BRACES.fullmatch(s) and len(content) > 1:
            return (
                i + 1,
                s.find("{") + 1,
                "this '{}' line is left by deck translate in a file with nothing translated: now that a text is "
                "uncommented, delete the line",
            )
    return None


# Characters a text may hold that draw nothing, or change how the text around them is drawn.
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})  # controls, formats (zero-width, bidi), spaces
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MARKUP = re.compile(r"</?(?:b|i|u|em|strong|br|p|span|div|font|sup|sub)\b[^>]*>|&(?:nbsp|amp|lt|gt|quot);", re.I)


def text_slips(value: str) -> list[tuple[bool, str]]:
    """What is wrong with a text as a card would draw it, as (refused, sentence): HTML markup (shown as
    is), a byte-order mark or a bidirectional override inside it (invisible in an editor, they reorder or
    hide what the card shows), a zero-width space, and a text made only of characters that draw nothing."""
    out: list[tuple[bool, str]] = []
    if ("<" in value or "&" in value) and (m := _MARKUP.search(value)):
        tag = m.group()
        if tag.lower().startswith("<br"):
            fix = "for a new line, write \\n in a text in double quotes"
        else:
            fix = "remove the tags (cards have no bold or italics inside a text)"
        out.append((True, f"the text holds the markup {tag}, which a card shows as is: {fix}"))
    if value.isprintable():
        return out
    if "\ufeff" in value:
        out.append((True, "the text holds a byte-order mark (U+FEFF), left by pasting from another file: remove it"))
    if bidi := next((c for c in value if c in _BIDI_CONTROLS), None):
        out.append(
            (
                True,
                f"the text holds the bidirectional control U+{ord(bidi):04X}, which reorders what the card shows "
                "unlike what the file shows: remove it (the card lays out right-to-left words by itself)",
            )
        )
    if "\u200b" in value:
        out.append((False, "the text holds a zero-width space (U+200B), which draws nothing: remove it"))
    if value.strip() and all(c.isspace() or unicodedata.category(c) in _INVISIBLE for c in value):
        out.append((True, "this text draws nothing (only invisible characters): write the text, or delete the line"))
    return out


def explain(text: str, error: Any) -> tuple[int, int, str]:
    """(1-based line, column, sentence) for a parser error (a yaml.MarkedYAMLError) on `text`."""
    lines = text.split("\n")
    problem = error.problem or ""
    context = error.context or ""
    pm, cm = error.problem_mark, error.context_mark
    main = pm or cm
    if main is not None and "while scanning a quoted scalar" not in context and (slip := line_slip(lines, main.line)):
        return slip

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
        if found := indent_mistake(lines, pm.line):
            if found[0] != pm.line + 1:
                return found  # the mistake is above, where a group took the wrong indent
            return (*found[:2], found[2] + " (indented more, YAML reads it as part of the text above it)")
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
        if pm is not None and (found := indent_mistake(lines, pm.line)):
            return found
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


# A `key:` line (the key possibly quoted), capturing its indent, its key and whatever follows the colon.
_KEY_LINE = re.compile(r"""(?P<indent> *)(?P<key>"[^"]*"|'[^']*'|[^\s#'"\-][^:#]*?):(?:[ \t]+(?P<rest>.*))?$""")


class _Line:
    """A `key:` line: where it is, how far it is indented, and whether it opens a group (nothing after `:`)."""

    def __init__(self, index: int, indent: int, key: str, opens: bool) -> None:
        self.index, self.indent, self.key, self.opens = index, indent, key, opens


class _Group:
    """The entries of one `key:` line: their indent, the first of them, and the key line (None at the top)."""

    def __init__(self, indent: int, first: _Line, parent: _Line | None) -> None:
        self.indent, self.first, self.parent = indent, first, parent


def indent_mistake(lines: list[str], at: int) -> tuple[int, int, str] | None:
    """(1-based line, column, sentence) of the line that really breaks the indentation, for a parser error
    at line index `at`, or None when the file's shape is not plain `key:` lines (lists, blocks of text).

    The parser stops at the first line it cannot place, which is often a correct line below the mistake:
    an entry indented too far or too little that opens a group sets that group's indent, and the next,
    correct, entry is then the one that does not fit. So we replay the groups of `key:` lines up to `at`,
    learn how far this file indents the entries under a key at each level, and blame the line that departs
    from that: the first entry of the group, a line that should have been an entry of the `key:` above
    it, or the line at `at` itself.
    """
    keyed: list[_Line] = []
    for i, text in enumerate(lines[: at + 1]):
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = _KEY_LINE.match(text)
        if m is None:
            if stripped.startswith("- ") or "\t" in text[: len(text) - len(text.lstrip())]:
                return None  # a list or a tab: not the shape this reasoning knows
            continue  # the rest of a text that goes on over several lines
        rest = (m["rest"] or "").strip()
        if rest[:1] in ("|", ">"):
            return None  # a block of text lines: its lines are not keys
        keyed.append(_Line(i, len(m["indent"]), m["key"], not rest or rest.startswith("#")))
    if not keyed or keyed[-1].index != at:
        return None
    wrong = keyed[-1]
    groups: list[_Group] = []  # every group opened before the mistake, to learn how far this file indents
    stack = [_Group(keyed[0].indent, keyed[0], None)]
    dangling: tuple[_Line, _Line] | None = None  # (a line not indented under the key that opens above it, the key)
    prev: _Line | None = None
    for line in keyed[:-1]:
        if prev is not None and prev.opens:
            if line.indent > prev.indent:
                stack.append(_Group(line.indent, line, prev))
                groups.append(stack[-1])
            else:
                dangling = (line, prev)
        while len(stack) > 1 and stack[-1].indent > line.indent:
            stack.pop()
        if dangling is not None and line.indent < dangling[0].indent:
            dangling = None  # the groups went on after it: the line was meant where it is
        prev = line

    def usual(key: _Line, besides: _Group | None = None) -> int:
        """How far this file indents the entries of a key at `key`'s indent (in groups other than `besides`)."""
        others = [g for g in groups if g is not besides and g.parent is not None]
        for steps in (
            [g.indent - key.indent for g in others if g.parent is not None and g.parent.indent == key.indent],
            [g.indent - g.parent.indent for g in others if g.parent is not None],
        ):
            if steps:
                return key.indent + max(set(steps), key=steps.count)
        return key.indent + 2

    def spaces(n: int) -> str:
        return f"{n} space" + ("" if n == 1 else "s")

    def sentence(line: _Line, parent: _Line, want: int, like: _Line) -> tuple[int, int, str]:
        return (
            line.index + 1,
            line.indent + 1,
            f"this line is indented by {spaces(line.indent)}; the entries of `{parent.key}:` above (line "
            f"{parent.index + 1}) use {want}, as line {like.index + 1} does: give it {spaces(want)}",
        )

    if dangling is not None:
        line, key = dangling
        if wrong.indent > key.indent and wrong.indent not in {g.indent for g in stack}:
            return sentence(line, key, wrong.indent, wrong)
    # The group the line breaks: the outermost it is indented less than, else (indented more than the
    # entries before it) the innermost.
    inner = next((g for g in stack if g.indent > wrong.indent), stack[-1])
    if inner.parent is None or inner.indent == wrong.indent:
        return None
    if inner.first.indent != (want := usual(inner.parent, inner)) and wrong.indent == want:
        return sentence(inner.first, inner.parent, wrong.indent, wrong)
    siblings = [x for x in keyed[:-1] if x.index >= inner.first.index and x.indent == inner.indent]
    found = sentence(wrong, inner.parent, inner.indent, siblings[-1])
    outer = stack[stack.index(inner) - 1]
    if wrong.indent < inner.indent:  # between two groups: it may belong to the outer one
        group = f"`{outer.parent.key}:` (line {outer.parent.index + 1})" if outer.parent else "the top of the file"
        found = (
            *found[:2],
            f"{found[2].rsplit(': give it', 1)[0]}, and the entries of {group} use {outer.indent}: give it "
            f"{inner.indent} or {spaces(outer.indent)}",
        )
    return found
