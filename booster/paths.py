# SPDX-License-Identifier: MIT
"""Where the bundled decks and fonts are: inside the package, wherever it is installed."""

from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("booster")))
DECKS = PACKAGE / "cards"
CORE_DECK = DECKS / "core"
FONTS = PACKAGE / "assets" / "fonts"
