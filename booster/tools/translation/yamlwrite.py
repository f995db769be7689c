# SPDX-License-Identifier: MIT
"""Write text files by hand, in the one shape translators and tools expect.

We do not use `yaml.dump`: it picks plain, single-quoted or folded styles by itself, may wrap lines, and
cannot write the source text as a comment above each entry. Every value here is double-quoted with
escapes, which reads back identically with `booster.deck.yaml_safe` whatever the text holds (`no`, `: `,
`#`, leading spaces, newlines, quotes).
"""

from __future__ import annotations

import re

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
# Keys that some YAML reader would take for a boolean or null: always quoted.
_RISKY_KEYS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"})
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
    "\x85": "\\N",  # YAML 1.1 line breaks: raw, they would be folded into spaces
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\ufeff": "\\uFEFF",  # a byte-order mark inside the text confuses some readers
}


def _printable(c: str) -> bool:
    """YAML's printable set, minus the characters that break a line."""
    o = ord(c)
    if o in (0x2028, 0x2029, 0xFEFF):
        return False
    return 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


def _escape_char(c: str) -> str:
    if c in _ESCAPES:
        return _ESCAPES[c]
    if _printable(c):
        return c
    o = ord(c)
    if o < 0x100:
        return f"\\x{o:02X}"
    if o < 0x10000:
        return f"\\u{o:04X}"
    return f"\\U{o:08X}"


def quote(text: str) -> str:
    """A double-quoted YAML scalar that reads back as exactly `text`."""
    return '"' + "".join(_escape_char(c) for c in text) + '"'


def key(name: str) -> str:
    """A mapping key: plain when it is a safe identifier, double-quoted otherwise."""
    if _PLAIN_KEY.match(name) and name.lower() not in _RISKY_KEYS:
        return name
    return quote(name)


def comment_lines(prefix: str, text: str, indent: str) -> list[str]:
    """`text` as comment lines (`# fr: ...`), one per line of the text; nothing in it can end the comment."""
    lines = text.split("\n")
    out = []
    pad = " " * len(prefix)
    for i, line in enumerate(lines):
        safe = "".join(c if _printable(c) or c == "\t" else _escape_char(c) for c in line)
        out.append(f"{indent}# {prefix if i == 0 else pad} {safe}".rstrip())
    return out
