# SPDX-License-Identifier: MIT
"""The QR code of the phones' address, as a matrix of dark and light modules for the projector to draw.

Why segno: a maintained, pure-Python QR encoder with no dependency (no Pillow needed to get the modules),
that picks the smallest symbol for the text. The address is short, so the symbol is small and coarse:
easy for a phone's camera from the back of the room. Error correction "M" leaves room for glare.
"""

from __future__ import annotations

import segno


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The symbol's rows, dark modules True, with no quiet zone (the painter leaves a light border of
    four modules around it, as the standard asks)."""
    code = segno.make_qr(text, error="m", boost_error=True)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)
