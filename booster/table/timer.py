# SPDX-License-Identifier: MIT
"""The discussion timer: counts down, pauses, and ends calmly (no sound, no flashing)."""

from __future__ import annotations

import time
from collections.abc import Callable


class Timer:
    def __init__(self, seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.reset(seconds)

    def reset(self, seconds: int | None = None) -> None:
        if seconds is not None:
            self.length = max(0, int(seconds))
        self.left = float(self.length)
        self.started_at: float | None = None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.remaining() > 0

    def remaining(self) -> float:
        if self.started_at is None:
            return self.left
        return max(0.0, self.left - (self.clock() - self.started_at))

    def toggle(self) -> None:
        if self.remaining() <= 0:  # finished: T starts again from the top
            self.left = float(self.length)
            self.started_at = self.clock()
        elif self.started_at is None:
            self.started_at = self.clock()
        else:
            self.left = self.remaining()
            self.started_at = None

    def extend(self, seconds: int) -> None:
        """`seconds` more for this discussion (the room needs longer): a running timer keeps running, one
        that had ended counts down again; its next reset is back to the usual length."""
        rem = self.remaining()
        self.left = rem + max(0, seconds)
        self.started_at = self.clock() if self.started_at is not None else None

    @property
    def done(self) -> bool:
        return self.length > 0 and self.remaining() <= 0

    def label(self) -> str:
        s = int(self.remaining() + 0.999)
        return f"{s // 60}:{s % 60:02d}"

    def until_next_tick(self) -> float:
        """Seconds until the shown number changes (so the loop can sleep until then)."""
        if not self.running:
            return 0.0
        rem = self.remaining()
        return max(0.01, rem - int(rem) + 0.001) if rem > 0 else 0.0
