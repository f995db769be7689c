# SPDX-License-Identifier: MIT
"""Every YAML file we ship or edit names its schema on line 1, and the path resolves in a checkout: a translator
opening `cards/core/text.fr.yaml` in an editor gets completion and checks, not a broken link."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster.deck.schemas import MODELINE

ROOT = Path(__file__).resolve().parent.parent
# The frozen copy the golden games play is data, kept byte for byte as it was recorded.
FILES = sorted(
    p
    for folder in ("cards", "booster/text/i18n", "tests/decks", "tests/ui/decks")
    for p in (ROOT / folder).rglob("*.yaml")
)


def test_there_are_files_to_check():
    assert len(FILES) > 15


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_modeline_names_a_schema_that_exists(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(MODELINE), f"{path}: line 1 should name its schema"
    target = (path.parent / first.removeprefix(MODELINE)).resolve()
    assert target.is_file() and target.parent == ROOT / "booster" / "schemas", f"{path}: {target} not found"
