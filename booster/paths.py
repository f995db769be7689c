# SPDX-License-Identifier: MIT
"""Where the bundled decks and assets are: beside the package in a checkout or an editable install."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE_DECK = ROOT / "cards" / "core"
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
