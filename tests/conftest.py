# SPDX-License-Identifier: MIT
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).parent))  # tests/deckgen.py

from deckgen import MINI

# In CI the property tests draw the same examples every run, so a submission is judged on its code, not on
# its luck; on a developer's machine they draw new ones each time, which is where they find bugs.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _booster_home(tmp_path_factory, monkeypatch):
    """Autosaves of the tests never touch the user's real data folder."""
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A writable copy of the mini test deck."""
    return Path(shutil.copytree(MINI, tmp_path / "mini"))
