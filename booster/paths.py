# SPDX-License-Identifier: MIT
"""Where things are: the bundled decks and fonts, the user's own files in their data folder.

Everything the program reads from its own installation is found from the package (importlib.resources), so a
wheel, a pipx install and the Linux app folder all work from any directory: the build carries the top-level
`cards/` and `assets/` into the package as `booster/cards` and `booster/assets` (pyproject.toml,
packaging/booster.spec). A checkout, and an editable install of it, reads the top-level folders themselves.
Everything a user adds (decks, interface translations, autosaves) lives in one per-user folder, never inside
the installation.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "social-impact-booster"
PACKAGE = Path(str(files("booster")))


def _bundled(name: str) -> Path:
    """The installed copy of a top-level folder inside the package, else (a checkout) the folder itself."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


DECKS = _bundled("cards")
CORE_DECK = DECKS / "core"
ASSETS = _bundled("assets")
FONTS = ASSETS / "fonts"
ICON = ASSETS / "social-impact-booster.png"  # drawn from packaging/linux/social-impact-booster.svg


def user_data() -> Path:
    """The user's data folder: $BOOSTER_HOME if set (tests, portable installs), else the platform's place.

    Linux: ~/.local/share/social-impact-booster; macOS: ~/Library/Application Support/social-impact-booster;
    Windows: %LOCALAPPDATA%\\social-impact-booster.
    """
    if home := os.environ.get("BOOSTER_HOME"):
        return Path(home)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_cache() -> Path:
    """What the program keeps only to be quicker next time (measures of card texts): $BOOSTER_HOME/cache if
    set, else the platform's cache folder (Linux: ~/.cache/social-impact-booster). Deleting it loses nothing."""
    if home := os.environ.get("BOOSTER_HOME"):
        return Path(home) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def user_decks() -> Path:
    """The folder of the user's own decks: each deck is a folder in it, played with `--deck FOLDER-NAME`."""
    return user_data() / "decks"


def user_ui_strings() -> Path:
    """Where a translator's interface strings (`ui.<lang>.yaml`) go: the installed ones may not be writable."""
    return user_data() / "i18n"


def is_deck(folder: Path) -> bool:
    return (folder / "deck.yaml").is_file()


def decks() -> list[tuple[str, Path]]:
    """Every deck found by name: the user's decks first (so a user's adapted copy is the one played), then
    the bundled ones, as (name, folder), sorted by name within each place."""
    found: list[tuple[str, Path]] = []
    for root in (user_decks(), DECKS):
        if root.is_dir():
            found += sorted((p.name, p) for p in root.iterdir() if p.is_dir() and is_deck(p))
    return found


def find_deck(name_or_path: str | Path) -> Path | None:
    """A deck folder given as a path, else by name among `decks()`; None if there is neither."""
    path = Path(name_or_path)
    if path.is_dir():
        return path
    if len(path.parts) == 1:
        return next((folder for name, folder in decks() if name == path.name), None)
    return None
