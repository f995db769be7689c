# SPDX-License-Identifier: MIT
"""The engine's cost per action may not grow unseen: a deterministic gate, not a timing.

benchmarks/engine_instructions.py --bytecodes counts the Python bytecodes and calls the engine runs per action
in random play (core deck, 4 teams, fixed seeds): the same on every machine for one Python version. This
fails when either grows by 20 % over the figure recorded in tests/golden/engine_cost.json; a change worth its
cost records the new figure (`python benchmarks/engine_instructions.py --bytecodes --record`) and says so.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tests" / "golden" / "engine_cost.json"
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def counter():
    spec = importlib.util.spec_from_file_location("engine_instructions", ROOT / "benchmarks" / "engine_instructions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_action_costs_at_most_a_fifth_more_than_recorded():
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    if VERSION not in recorded:
        pytest.skip(f"no figure recorded for Python {VERSION} (bytecodes differ between versions): record one")
    today = counter().bytecodes()
    for what in ("bytecodes", "calls"):
        assert today[what] <= 1.2 * recorded[VERSION][what], (
            f"an action now runs {today[what]} {what}, {today[what] / recorded[VERSION][what] - 1:.0%} more than "
            f"the {recorded[VERSION][what]} recorded: make it cheaper, or record the figure and say why"
        )
