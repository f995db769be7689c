# SPDX-License-Identifier: MIT
"""What the facilitator set up on this laptop last time: full screen or not, and the text size (and the sizes
on offer).

A small JSON file beside the saves, written atomically. A missing or damaged file gives the defaults: a
workshop must never fail to start over a preference.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from booster.files import write_atomic
from booster.table import saves

# The text sizes + and - step through (a factor of the scenes' own sizes).
TEXT_SCALES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5)


def next_text_scale(scale: float, step: int) -> float:
    """The text size `step` steps from `scale` (the nearest offered size), never past the smallest or largest."""
    i = min(range(len(TEXT_SCALES)), key=lambda j: abs(TEXT_SCALES[j] - scale))
    return TEXT_SCALES[max(0, min(len(TEXT_SCALES) - 1, i + step))]


@dataclass(frozen=True)
class Settings:
    fullscreen: bool = False
    text_scale: float = 1.0


def settings_path() -> Path:
    return saves.data_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    try:
        data = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: deep nesting
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    fullscreen = data.get("fullscreen")
    scale = data.get("text_scale")
    return Settings(
        fullscreen if isinstance(fullscreen, bool) else False,
        float(scale) if isinstance(scale, int | float) and 0.5 <= scale <= 2 else 1.0,
    )


def save_settings(settings: Settings, path: Path | None = None) -> None:
    with contextlib.suppress(OSError):  # a read-only home: the preference is lost, the workshop goes on
        write_atomic(path or settings_path(), json.dumps(asdict(settings)))
