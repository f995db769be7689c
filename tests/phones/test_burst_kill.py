# SPDX-License-Identifier: MIT
"""A kill -9 in the middle of 40 phones answering together loses no answer a phone was told is recorded."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from booster.engine.game import Action
from booster.table import saves

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs the loopback's /8")

TEAMS, PER_TEAM = 8, 5
HERE = Path(__file__).parent


def call(port: int, source: str, method: str, path: str, body: Any = None, token: str = "") -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20, source_address=(source, 0))
    try:
        headers = {"Content-Type": "application/json", "X-Token": token}
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_kill_during_a_burst_loses_no_recorded_answer(tmp_path, seed):
    game = subprocess.Popen(
        [sys.executable, str(HERE / "burst_game.py"), str(tmp_path), str(TEAMS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert game.stdout is not None
        started = json.loads(game.stdout.readline())
        port, code = started["port"], started["code"]
        phones = []
        for i in range(TEAMS * PER_TEAM):
            source = f"127.0.9.{i + 2}"
            status, joined = call(port, source, "POST", "/api/join", {"code": code, "team": i % TEAMS})
            assert status == 200, joined
            view = call(port, source, "GET", "/api/view?since=&lang=en", token=joined["token"])[1]["view"]
            assert view["phase"] == "open"
            phones.append((source, joined["token"], view))
        recorded: list[Action] = []
        lock = threading.Lock()
        barrier = threading.Barrier(len(phones))
        kill_after = random.Random(seed).randint(1, len(phones) - 5)

        def answer(i: int, source: str, token: str, view: dict[str, Any]) -> None:
            choice = view["answers"][(i // TEAMS) % len(view["answers"])]
            barrier.wait()
            try:
                status, _ = call(port, source, "POST", "/api/answer", {"team": view["team"], **choice}, token)
            except OSError:  # the laptop died first: this phone was not told "recorded"
                return
            if status == 200:
                with lock:
                    recorded.append(Action("choose", choice["option"], choice["tool"], view["team"]))
                    if len(recorded) == kill_after:
                        os.kill(game.pid, signal.SIGKILL)

        threads = [threading.Thread(target=answer, args=(i, *phone)) for i, phone in enumerate(phones)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert game.wait(timeout=30) == -signal.SIGKILL
    finally:
        if game.poll() is None:
            game.kill()
            game.wait()
    assert len(recorded) >= kill_after
    log = saves.load(tmp_path / "game.json").log  # readable, whole
    assert all(action in log for action in recorded), [a for a in recorded if a not in log]
