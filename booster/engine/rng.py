# SPDX-License-Identifier: MIT
"""Seeded randomness whose whole state is one integer, so it lives inside the immutable game state.

`random.Random` would work, but its state is a 625-item tuple: copying it into every state would cost more
than the rest of an action, and it is awkward in JSON. We use Knuth's 64-bit MMIX linear congruential
generator, one multiplication per draw, and take its high bits (the good ones) with Lemire's
multiply-shift to pick a number below n. Seeds are mixed with SplitMix64 so that seeds 1, 2, 3 start far
apart. This is plenty for shuffling cards; it is not for cryptography.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
MASK = (1 << 64) - 1


LCG_A, LCG_C = 6364136223846793005, 1442695040888963407


def seed_state(seed: int) -> int:
    """The generator state for a user seed (any int, negative included)."""
    return next_u64(seed & MASK)[1]


def next_u64(state: int) -> tuple[int, int]:
    """SplitMix64: (new state, 64 well-mixed bits); used to turn a seed into a starting state."""
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def below(state: int, n: int) -> tuple[int, int]:
    """(new state, a number in range(n)), from the generator's top 31 bits (bias below 2**-24 for n < 128)."""
    state = (state * LCG_A + LCG_C) & MASK
    return state, ((state >> 33) * n) >> 31


def shuffled(state: int, items: Sequence[T]) -> tuple[int, tuple[T, ...]]:
    """(new state, the items in a Fisher-Yates random order)."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        state, j = below(state, i + 1)
        out[i], out[j] = out[j], out[i]
    return state, tuple(out)
