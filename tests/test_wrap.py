# SPDX-License-Identifier: MIT
"""The one text wrapper of the screen, the printed deck and the report."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

import booster.text.wrap
from booster.text.wrap import CLINGS_LEFT, CLINGS_RIGHT, NBSP, ellipsize, words, wrap


def test_doctests():
    assert doctest.testmod(booster.text.wrap).failed == 0


def test_french_punctuation_never_starts_or_ends_a_line():
    text = "Combien ? 50 % des gens : « vraiment » ! Oui ; et 3 € de plus."
    for width in range(15, 40):  # from the widest glued piece up: narrower, a piece must be cut
        for line in wrap(text, width, len):
            assert line[0] not in CLINGS_LEFT, (width, line)
            assert line[-1] not in CLINGS_RIGHT, (width, line)


def test_a_no_break_space_holds_and_newlines_break():
    assert wrap(f"a{NBSP}b c", 3, len) == [f"a{NBSP}b", "c"]
    assert wrap("one\ntwo", 100, len) == ["one", "two"]


text_strategy = st.text(alphabet=st.sampled_from(list("abcdefgh  ?:%«»\n")), max_size=120)


@given(text_strategy, st.integers(min_value=1, max_value=30))
def test_lines_fit_and_keep_every_word(text, width):
    lines = wrap(text, width, len)
    for line in lines:
        assert len(line) <= width or len(line) == 1
    # Nothing is lost: the words, in order (a cut word comes back whole once its pieces are joined).
    joined = "".join("".join(line.split()) for line in lines).replace(NBSP, "")
    assert joined == "".join(text.split()).replace(NBSP, "")


@given(text_strategy, st.integers(min_value=1, max_value=30))
def test_ellipsize_fits(text, width):
    out = ellipsize(text, width, len)
    assert len(out) <= max(width, 1)
    assert out == text or out.endswith("…")


def test_words_glue_spaced_punctuation():
    assert words("« Bonjour » ?") == ["« Bonjour » ?"]


def _greedy(text: str, width: float, measure, limit: int = 0) -> list[str]:
    """The plain greedy wrapper, one measure per word: the oracle the galloping one must agree with."""
    from booster.text.wrap import _cut

    lines: list[str] = []
    enough = limit + 1 if limit else 0
    for para in text.split("\n"):
        line = ""
        for word in words(para):
            if enough and len(lines) >= enough:
                return lines[:enough]
            candidate = f"{line} {word}" if line else word
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line, cut = word, 0
            while len(line) > 1 and not (enough and len(lines) >= enough):
                cut = _cut(line, width, measure, cut)
                if cut >= len(line):
                    break
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines[:enough] if enough else lines


def _proportional(s: str) -> float:
    """A measure with wide and narrow letters, as a real font has."""
    return sum(3.0 if c in "mw" else 0.5 if c in "il " else 1.7 for c in s)


words_strategy = st.text(alphabet=st.sampled_from(list("aimw  il:«»\n")), max_size=300)


@given(words_strategy, st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=6))
def test_galloping_wrap_breaks_where_the_greedy_one_does(text, width, limit):
    """The same lines as filling word by word, whatever the widths, long words and line limit."""
    for measure in (len, _proportional):
        assert wrap(text, width, measure, limit) == _greedy(text, width, measure, limit)
