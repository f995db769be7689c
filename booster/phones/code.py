# SPDX-License-Identifier: MIT
"""The room code: drawn, checked, and read as a phone types it. No server here, so that the front end and
the saves check a code without loading the web server."""

from __future__ import annotations

import secrets
from typing import TypeGuard

# 10^10 codes: at the room's allowed rate of wrong codes (server.Limits), a 3-hour workshop has a chance
# under 1 in a million of being entered by guessing (server.guess_odds).
CODE_DIGITS = 10


def room_code() -> str:
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def is_room_code(code: object) -> TypeGuard[str]:
    """A code as the server draws it (a save made before codes grew had 4 digits: a resume draws anew)."""
    return isinstance(code, str) and len(code) == CODE_DIGITS and code.isascii() and code.isdigit()


def typed_code(value: object) -> bytes | None:
    """A code as typed on a phone ("123 456 7890", "123-456-7890"), as ASCII digits; None if it cannot be one
    (other digits, such as ١٢٣ or １２３, are not the room's code)."""
    if not isinstance(value, str) or len(value) > 4 * CODE_DIGITS:
        return None
    digits = "".join(value.split()).replace("-", "")
    return digits.encode() if digits.isascii() and digits.isdigit() else None


def shown(code: str) -> str:
    """The code as the projector shows it, in groups a person reads aloud: "123 456 7890"."""
    return f"{code[:3]} {code[3:6]} {code[6:]}" if len(code) == CODE_DIGITS else code
