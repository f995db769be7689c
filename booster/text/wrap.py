# SPDX-License-Identifier: MIT
"""One way to break text into lines, shared by the screen, the printed deck and the session report.

Each caller measures text its own way (pygame pixels, PDF millimetres) and passes a `measure` function;
the rules are the same everywhere:
- lines break at plain spaces and tabs only: a no-break space holds;
- French spaced punctuation stays with its word (`mot :`, `50 %`, `« mot »`): a line never starts with
  `:`, `;`, `!`, `?`, `%`, `»`... nor ends with `«`;
- `\\n` starts a new line;
- a word wider than the line (a URL, a long compound) is cut where it must be, found by galloping search
  from the previous cut, so that a long word costs a few measures of about a line each;
- with a line limit, only as many lines are laid out as a box can show.

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
    """The unbreakable pieces of a paragraph: words split at plain spaces, with spaced punctuation kept in
    one piece with its word.

    >>> words("Vraiment ? « Oui » : 50 %")
    ['Vraiment ?', '« Oui » :', '50 %']
    """
    out: list[str] = []
    glue_next = False
    for w in _SPACES.split(paragraph):
        if not w:
            continue
        if out and (glue_next or w[0] in CLINGS_LEFT):
            out[-1] += " " + w  # a plain space: the piece is unbreakable as a whole, and the text unchanged
        else:
            out.append(w)
        glue_next = w[-1] in CLINGS_RIGHT
    return out


def _cut(word: str, width: float, measure: Measure, hint: int = 0) -> int:
    """The length of the longest start of `word` (at least 1 character) that fits `width`.

    A start only widens as it grows: from `hint` (the previous piece of the same word, usually right or one
    off), gallop up or down to bracket the answer, then bisect; only strings about a line long are measured
    (shortening a long word one character at a time made a 2,000-character word take 44 s to lay out)."""
    n = len(word)

    def fits(k: int) -> bool:
        return measure(word[:k]) <= width

    start = min(max(1, hint), n) if hint else min(8, n)
    return _longest(fits, n, start, floor=1, step=1 if hint else 8)


def _longest(fits: Callable[[int], bool], n: int, start: int, floor: int, step: int = 1) -> int:
    """The largest k in floor..n with fits(k), fits being true up to a point and taken as true at `floor`:
    gallop from `start` up or down to bracket the answer, then bisect."""
    if fits(start):  # gallop up: start fits, find a k that does not
        lo = start
        while True:
            probe = min(n, lo + step)
            if probe == lo:
                return n
            if not fits(probe):
                hi = probe - 1
                break
            lo, step = probe, step * 2
    else:  # gallop down: start does not fit
        hi, step = start - 1, 1
        while True:
            probe = max(floor, hi - step + 1)
            if probe == floor or fits(probe):
                lo = probe
                break
            hi, step = probe - 1, step * 2
    return _last_fit(lo, hi, fits)


def _last_fit(lo: int, hi: int, fits: Callable[[int], bool]) -> int:
    """The largest n in lo..hi with fits(n), knowing fits(lo) holds and fits is true up to a point."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def wrap(text: str, width: float, measure: Measure, limit: int = 0) -> list[str]:
    """Lines of `text` no wider than `width` (as `measure` counts), greedily filled; with `limit`, only the
    first limit + 1 lines (enough to know that it does not fit in `limit` lines, without laying out all of
    a huge text).

    >>> wrap("Un café : 3 €, merci !", 9, len)
    ['Un café :', '3 €,', 'merci !']
    """
    lines: list[str] = []
    enough = limit + 1 if limit else 0
    hint = 1  # how many words the last line took: the next one usually takes about as many
    for para in text.split("\n"):
        pieces = words(para)
        line, i = "", 0
        while i < len(pieces):
            if enough and len(lines) >= enough:
                return lines[:enough]
            if line:
                k = _fill(line, pieces, i, width, measure, hint)
                if k:
                    line, i, hint = " ".join([line, *pieces[i : i + k]]), i + k, k
                    if i >= len(pieces):
                        break
                lines.append(line)
            line, cut = pieces[i], 0
            i += 1
            if measure(line) <= width:
                continue
            while len(line) > 1 and not (enough and len(lines) >= enough):  # wider than a line: cut it
                cut = _cut(line, width, measure, cut)
                if cut >= len(line):
                    break
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines[:enough] if enough else lines


def _fill(line: str, pieces: list[str], i: int, width: float, measure: Measure, hint: int) -> int:
    """How many of `pieces[i:]` join `line` (which fits) on one line: the greedy count, found by galloping
    from `hint` then bisecting, so that a line costs a few measures instead of one per word (a line only
    widens as words join it)."""
    n = len(pieces) - i

    def fits(k: int) -> bool:
        return measure(" ".join([line, *pieces[i : i + k]])) <= width

    return _longest(fits, n, min(max(1, hint), n), floor=0)  # none at all always fits


def ellipsize(text: str, width: float, measure: Measure) -> str:
    """`text` cut with a visible "…" so that it fits `width` (unchanged if it fits)."""
    if measure(text) <= width:
        return text
    keep = _cut(text, width, lambda s: measure(s + "…")) if text else 0
    cut = text[:keep].rstrip()
    return cut + "…" if measure(cut + "…") <= width else "…"
