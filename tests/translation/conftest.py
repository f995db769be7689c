# SPDX-License-Identifier: MIT
from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from booster.tools.cli import main

MINI = Path(__file__).resolve().parent.parent / "decks" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A copy of the mini deck (source en, partial fr) that a test may change."""
    dest = tmp_path / "mini"
    shutil.copytree(MINI, dest)
    return dest


@pytest.fixture
def ui_dir(tmp_path: Path) -> Path:
    """A UI strings folder of our own, so tests do not depend on the UI engineer's files."""
    d = tmp_path / "i18n"
    d.mkdir()
    (d / "ui.en.yaml").write_text("ui:\n  quit: Quit\n  menu: {new: New game, load: Load}\n", encoding="utf-8")
    (d / "ui.fr.yaml").write_text("ui:\n  quit: Quitter\n", encoding="utf-8")
    return d


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    def _run(*argv: str) -> tuple[int, str]:
        code = main([str(a) for a in argv])
        out = capsys.readouterr()
        return code, out.out + out.err

    return _run
