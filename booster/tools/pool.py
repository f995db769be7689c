# SPDX-License-Identifier: MIT
"""Many independent batches of games on every core: `booster balance` and `booster simulate` use it.

Workers are forked, so they inherit what the caller set up (the game, the policies) without pickling it;
where the system cannot fork, or other threads run (a fork copies a lock another thread may hold, and the
child can hang on it), the batches run in this process. Results come back in job order, so that the
figures do not depend on the number of cores.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

J = TypeVar("J")
R = TypeVar("R")


def cores() -> int:
    """The cores this process may use."""
    count = os.process_cpu_count() if hasattr(os, "process_cpu_count") else os.cpu_count()
    return count or 1


def run_all(task: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
    """`task(job)` for every job, in job order, on every core when the system can fork."""
    can_fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    if cores() > 1 and len(jobs) > 1 and can_fork:
        with multiprocessing.get_context("fork").Pool(min(cores(), len(jobs))) as pool:
            yield from pool.imap(task, jobs)
    else:
        for job in jobs:
            yield task(job)
