# SPDX-License-Identifier: MIT
"""The printed deck's own words (rules sheet, board, consequences sheet, credits; card captions).

They are strings of the one YAML system (`booster/i18n/ui.<lang>.yaml`, see `booster.i18n`): under
`print.`, and under `card.` for the captions the screen shows on cards too. Card texts come from the deck.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from booster import i18n

# Card captions the screen shows too: one string for both, under `card.`.
SHARED = frozenset(
    {
        "challenge",
        "tool",
        "experience",
        "scenario",
        "credits",
        "follow-up",
        "steps",
        "when_line",
        "origin_line",
        "advice",
    }
)


def labels(lang: str) -> Callable[..., str]:
    """`t(key, **values)`: the printed label in `lang`, else in English."""
    strings = i18n.Strings(lang, mark_missing=False)

    def t(key: str, **values: Any) -> str:
        return strings(("card." if key in SHARED else "print.") + key, **values)

    return t
