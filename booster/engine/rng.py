# SPDX-License-Identifier: MIT
"""Seeded randomness whose whole state is one integer, so it lives inside the immutable game state.

`random.Random` would work, but its state is a 625-item tuple: copying it into every state would cost more
than the rest of an action, and it is awkward in JSON. SplitMix64 (Steele, Lea & Flood, 2014) is a
well-studied 64-bit generator that is a few integer operations in pure Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
_MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """The generator state for a user seed (any int, negative included)."""
    return seed & _MASK


def next_u64(state: int) -> tuple[int, int]:
    """(new state, 64 random bits)."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK
    z = ((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, z ^ (z >> 31)


def below(state: int, n: int) -> tuple[int, int]:
    """(new state, a number in range(n)). The modulo bias is below 2**-56 for the n a game uses."""
    state, z = next_u64(state)
    return state, z % n


def shuffled(state: int, items: Sequence[T]) -> tuple[int, tuple[T, ...]]:
    """(new state, the items in a Fisher-Yates random order)."""
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        state, j = below(state, i + 1)
        out[i], out[j] = out[j], out[i]
    return state, tuple(out)
