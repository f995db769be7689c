# SPDX-License-Identifier: MIT
"""One way to break text into lines, shared by the screen, the printed deck and the session report.

Each caller measures text its own way (pygame pixels, PDF millimetres) and passes a `measure` function;
the rules are the same everywhere:
- lines break at plain spaces and tabs only: a no-break space holds;
- French spaced punctuation stays with its word (`mot :`, `50 %`, `« mot »`): a line never starts with
  `:`, `;`, `!`, `?`, `%`, `»`... nor ends with `«`;
- `\\n` starts a new line;
- a word wider than the line (a URL, a long compound) is cut where it must be, found by bisection so that a
  long word costs a few measures, not one per character.

No pygame, no PDF: pure functions, tested once for all three.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Measure = Callable[[str], float]

_SPACES = re.compile(r"[ \t]+")
# French typography puts a space before these: a line must never start with one of them.
CLINGS_LEFT = frozenset(":;!?»”›%€")
# ... and after these: a line must never end with one of them.
CLINGS_RIGHT = frozenset("«“‹")
NBSP = "\u00a0"


def words(paragraph: str) -> list[str]:
    """The unbreakable pieces of a paragraph: words split at plain spaces, with spaced punctuation glued to
    its word by a no-break space.

    >>> words("Vraiment ? « Oui » : 50 %")
    ['Vraiment\\xa0?', '«\\xa0Oui\\xa0»\\xa0:', '50\\xa0%']
    """
    out: list[str] = []
    glue_next = False
    for w in _SPACES.split(paragraph):
        if not w:
            continue
        if out and (glue_next or w[0] in CLINGS_LEFT):
            out[-1] += NBSP + w
        else:
            out.append(w)
        glue_next = w[-1] in CLINGS_RIGHT
    return out


def _cut(word: str, width: float, measure: Measure) -> int:
    """The longest prefix of `word` (at least one character) that fits `width`."""
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def wrap(text: str, width: float, measure: Measure) -> list[str]:
    """Lines of `text` no wider than `width` (as `measure` counts), greedily filled.

    >>> wrap("Un café : 3 €, merci !", 9, len)
    ['Un café\\xa0:', '3\\xa0€,', 'merci\\xa0!']
    """
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in words(para):
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while len(line) > 1 and measure(line) > width:  # wider than a whole line: cut it
                cut = _cut(line, width, measure)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def ellipsize(text: str, width: float, measure: Measure) -> str:
    """`text` cut with a visible "…" so that it fits `width` (unchanged if it fits)."""
    if measure(text) <= width:
        return text
    keep = _cut(text, width, lambda s: measure(s + "…")) if text else 0
    cut = text[:keep].rstrip()
    return cut + "…" if measure(cut + "…") <= width else "…"
