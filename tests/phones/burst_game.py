# SPDX-License-Identifier: MIT
"""A game as the front end plays it (its controller, saving to disk) behind the phone server, in a process
of its own that a test kills: `python burst_game.py FOLDER TEAMS`. Prints the port and room code."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))  # tests/headless.py: the game without a screen

from headless import HeadlessLoop

from booster import paths
from booster.deck.loader import load_deck
from booster.engine.game import Setup
from booster.phones.server import Limits, PhoneServer
from booster.table.controller import GameController


def main() -> None:
    folder, teams = Path(sys.argv[1]), int(sys.argv[2])
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    setup = Setup(tuple(f"Team {i + 1}" for i in range(teams)), 7, mode="all-at-once")
    table = GameController.new(
        deck, str(paths.CORE_DECK), "en", setup, {}, folder / "game.json", lambda key, **fields: None
    )
    loop = HeadlessLoop(deck, setup, table=table)
    server = PhoneServer(loop.bridge, "127.0.0.1", 0, limits=Limits(verdict_seconds=30))
    server.start()
    print(json.dumps({"port": server.port, "code": server.code}), flush=True)
    while True:
        time.sleep(60)


if __name__ == "__main__":
    main()
