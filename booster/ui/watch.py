# SPDX-License-Identifier: MIT
"""Translator mode: notice when a deck folder's files change (polled, no extra dependency)."""

from __future__ import annotations

from pathlib import Path


class DeckWatcher:
    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.snapshot = self._scan()

    def _scan(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        try:
            for p in self.folder.iterdir():
                if p.suffix in (".yaml", ".yml"):
                    try:
                        st = p.stat()
                    except OSError:
                        continue
                    out[p.name] = (st.st_mtime_ns, st.st_size)
        except OSError:
            pass
        return out

    def changed(self) -> bool:
        now = self._scan()
        if now != self.snapshot:
            self.snapshot = now
            return True
        return False
