# SPDX-License-Identifier: MIT
"""Saved games: the setup, the action log with the time of each decision, and what the game was played with.

A save is small JSON, written atomically after every decision (write a temporary file, flush it to disk,
then rename over the old one), so a crash or a kill at any instant leaves the old file or the new one,
never a torn one. Replaying the log on the deck gives back every state; nothing else is stored.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, NamedTuple

from booster import paths
from booster.engine.game import Action, Game, Setup
from booster.engine.match import Match, action_from_json, action_to_json, setup_from_json, setup_to_json
from booster.files import write_atomic

FORMAT = "social-impact-booster/save-1"


class SaveError(Exception):
    """A save file that cannot be used, with a sentence saying why."""


class Saved(NamedTuple):
    """A game as stored: enough to replay it and to report on it."""

    deck_id: str
    deck_version: str
    deck_path: str
    lang: str
    setup: Setup
    log: tuple[Action, ...]
    times: tuple[float, ...]  # seconds since the start of the game at which each action was taken
    started: float  # Unix time of the start
    extra: dict[str, Any]  # front-end data (team colours and shapes, timer...), ignored by the engine

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "deck": {"id": self.deck_id, "version": self.deck_version, "path": self.deck_path},
            "lang": self.lang,
            "setup": setup_to_json(self.setup),
            "log": [{**action_to_json(a), "t": round(t, 3)} for a, t in zip(self.log, self.times, strict=True)],
            "started": self.started,
            "extra": self.extra,
        }

    @classmethod
    def from_json(cls, data: Any) -> Saved:
        try:
            if data.get("format") != FORMAT:
                raise SaveError(f"not a Social Impact Booster save (format {data.get('format')!r})")
            deck = data["deck"]
            log = [action_from_json(entry) for entry in data["log"]]
            times = [float(entry.get("t", 0.0)) for entry in data["log"]]
            return cls(
                str(deck["id"]),
                str(deck["version"]),
                str(deck.get("path", "")),
                str(data["lang"]),
                setup_from_json(data["setup"]),
                tuple(log),
                tuple(times),
                float(data.get("started", 0.0)),
                dict(data.get("extra") or {}),
            )
        except SaveError:
            raise
        except (AttributeError, KeyError, TypeError, ValueError) as e:
            raise SaveError(f"the save is damaged ({e.__class__.__name__}: {e})") from None

    def replay(self, game: Game) -> Match:
        """The match this save records; SaveError if the deck no longer fits the log."""
        from booster.engine.game import IllegalAction

        try:
            return Match.replay(game, self.setup, self.log)
        except IllegalAction as e:
            raise SaveError(f"the save does not fit this deck: {e}") from None

    def record(self, action: Action, now: float | None = None) -> Saved:
        """This save with one more action, taken now."""
        t = (time.time() if now is None else now) - self.started
        return self._replace(log=(*self.log, action), times=(*self.times, max(0.0, t)))

    def undo(self) -> Saved:
        return self._replace(log=self.log[:-1], times=self.times[:-1])


def new_save(match: Match, deck_path: str, lang: str, extra: dict[str, Any] | None = None) -> Saved:
    info = match.game.deck.info
    return Saved(
        info.id,
        info.version,
        deck_path,
        lang,
        match.setup,
        match.log,
        (0.0,) * len(match.log),
        time.time(),
        extra or {},
    )


def save(path: Path, saved: Saved) -> None:
    write_atomic(path, json.dumps(saved.to_json(), ensure_ascii=False, indent=1))


def load(path: Path) -> Saved:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SaveError(f"{path}: the save cannot be read ({e})") from None
    return Saved.from_json(data)


def data_dir() -> Path:
    """Where autosaves live: $BOOSTER_HOME if set (tests), else the user's data folder."""
    return paths.user_data()


def autosave_path() -> Path:
    return data_dir() / "autosave.json"
