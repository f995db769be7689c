# SPDX-License-Identifier: MIT
"""`booster play`: the game in a window, with the settings remembered from the last run."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

import pygame

from booster.ui.app import App, Options
from booster.ui.frame import parse_size
from booster.ui.settings import load_settings
from booster.ui.window import open_window


def run(args: Any) -> int:
    """Play in a window. Returns the process exit code."""
    try:
        size = parse_size(getattr(args, "size", None))
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    remembered = load_settings()
    options = Options.from_args(args)
    options = replace(options, fullscreen=options.fullscreen or remembered.fullscreen, text_scale=remembered.text_scale)
    try:
        surface = open_window(size, options.fullscreen)
    except pygame.error as e:
        print(
            f"No display is available ({e}). Run on a machine with a screen, or play in the terminal with "
            "`booster play --text`.",
            file=sys.stderr,
        )
        return 1
    app: App | None = None
    try:
        app = App(options, surface, window=True)
        if options.phones is not None:
            try:
                app.start_phones(options.phones)
            except (ValueError, OSError) as e:
                print(f"The phones cannot join: {e}", file=sys.stderr)
                return 2
        app.loop()
    finally:
        if app is not None and app.phones is not None:
            app.phones.stop()
        pygame.quit()
    return 0
