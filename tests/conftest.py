# SPDX-License-Identifier: MIT
import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).parent))  # tests/deckgen.py

from deckgen import MINI


@pytest.fixture(autouse=True)
def _booster_home(tmp_path_factory, monkeypatch):
    """Autosaves of the tests never touch the user's real data folder."""
    monkeypatch.setenv("BOOSTER_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A writable copy of the mini test deck."""
    return Path(shutil.copytree(MINI, tmp_path / "mini"))
