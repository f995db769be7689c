# SPDX-License-Identifier: MIT
"""Translator mode: notice when a deck folder's files change (polled, no extra dependency)."""

from __future__ import annotations

from pathlib import Path


class DeckWatcher:
    """Watches the deck's files and the program's string files (booster.text.i18n: screen, print, report), so
    that a translator of either sees an edit at once."""

    def __init__(self, folder: Path | str, ui: bool = True) -> None:
        """`ui`: the program's string files too (a translator's --watch), else the deck's only."""
        from booster.text import i18n

        self.folders = [Path(folder), *(i18n.folders() if ui else ())]
        self.snapshot = self._scan()

    def _scan(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for folder in self.folders:
            try:
                for p in folder.iterdir():
                    if p.suffix in (".yaml", ".yml"):
                        try:
                            st = p.stat()
                        except OSError:
                            continue
                        out[str(p)] = (st.st_mtime_ns, st.st_size)
            except OSError:
                pass
        return out

    def changed(self) -> bool:
        now = self._scan()
        if now != self.snapshot:
            self.snapshot = now
            return True
        return False
