# SPDX-License-Identifier: MIT
"""Phones benchmarks (on demand, not in the tests): `python benchmarks/phones_bench.py [-n N] [--idle S]`.

All on loopback, against a headless game whose loop wakes on an answer or polls like the window's loop:
- latency: a phone's answer until the game has recorded it and published the new views (the HTTP answer
  comes back only then), N answers, median / 95th percentile / worst. Target: under 300 ms.
- idle: 40 phones (8 teams of 5, in another process, long polling) connected while nothing happens, for S
  seconds; the game process's CPU time over wall time. Target: under 3 % of a core.
- weight: the page's files, as served. Target: under 100 kB.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEAMS = ("Blue", "Green", "Orange", "Sky", "Vermilion", "Purple", "Yellow", "Black")


class Client:
    """One phone on one kept-alive connection."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.token = ""

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json", "X-Token": self.token}
        data = None if body is None else json.dumps(body)
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")

    def join(self, code: str, team: int) -> None:
        status, data = self.call("POST", "/api/join", {"code": code, "team": team})
        assert status == 200, data
        self.token = data["token"]


def start_room(teams: int, loop_poll: float | None):
    from booster import paths
    from booster.deck.loader import load_deck
    from booster.engine.game import Setup
    from booster.phones.headless import HeadlessLoop
    from booster.phones.server import Limits, PhoneServer

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    loop = HeadlessLoop(deck, Setup(TEAMS[:teams], 1), poll=loop_poll)
    # One address for every phone here (loopback): the per-address limit is raised accordingly.
    server = PhoneServer(loop.bridge, "127.0.0.1", 0, limits=Limits(requests=(10_000, 10_000)))
    server.start()
    return loop, server


def latency(n: int, loop_poll: float | None) -> list[float]:
    from booster.engine.match import Match

    loop, server = start_room(2, loop_poll)
    phones = [Client(server.port), Client(server.port)]
    for team, phone in enumerate(phones):
        phone.join(server.code, team)
    times: list[float] = []
    try:
        while len(times) < n:
            for phone in phones:
                _, data = phone.call("GET", "/api/view?since=&lang=en")
                view = data["view"]
                if view["phase"] == "over":
                    loop.call(lambda table: setattr(table, "match", Match.start(table.match.game, table.match.setup)))
                    continue
                if view["phase"] != "open":
                    continue
                start = time.perf_counter()
                status, verdict = phone.call("POST", "/api/answer", {"team": view["team"], **view["answers"][0]})
                times.append(time.perf_counter() - start)
                assert status == 200, verdict
    finally:
        server.stop()
        loop.stop()
    return times[:n]


def idle(phones: int, seconds: float) -> tuple[float, int]:
    loop, server = start_room(8, 0.05)
    clients = subprocess.Popen(
        [sys.executable, __file__, "--phones-process", str(server.port), server.code, str(phones), str(seconds + 30)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert clients.stdout is not None
        assert clients.stdout.readline().strip() == "joined"
        time.sleep(1)  # every phone is waiting now
        cpu, wall = time.process_time(), time.perf_counter()
        time.sleep(seconds)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        waiting = server._waiting_total
    finally:
        clients.terminate()
        clients.wait(timeout=10)
        server.stop()
        loop.stop()
    return cpu / wall, waiting


def phones_process(port: int, code: str, phones: int, lifetime: float) -> None:
    """The other process: `phones` phones of 8 teams, each long polling on its own thread until killed."""
    deadline = time.monotonic() + lifetime

    def follow(team: int) -> None:
        client = Client(port)
        client.join(code, team)
        ready.release()
        version = ""
        while time.monotonic() < deadline:
            _, data = client.call("GET", f"/api/view?since={version}&lang=en")
            version = str(data["version"])

    ready = threading.Semaphore(0)
    for i in range(phones):
        threading.Thread(target=follow, args=(i % 8,), daemon=True).start()
    for _ in range(phones):
        ready.acquire()
    print("joined", flush=True)
    while time.monotonic() < deadline:
        time.sleep(1)


def weight() -> dict[str, int]:
    from booster.phones.server import page_files

    return {name: len(body) for name, body in page_files().items()}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--phones-process":
        port, code, phones, lifetime = sys.argv[2:6]
        phones_process(int(port), code, int(phones), float(lifetime))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="answers timed")
    parser.add_argument("--idle", type=float, default=25.0, help="seconds of idle measured (a long poll is 20 s)")
    parser.add_argument("--phones", type=int, default=40)
    args = parser.parse_args()

    for label, poll in (("woken at once", None), ("polling every 50 ms, as the window's idle loop", 0.05)):
        ms = sorted(t * 1000 for t in latency(args.n, poll))
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(
            f"answer to recorded ({label}): median {statistics.median(ms):.1f} ms, 95% {p95:.1f} ms, "
            f"worst {ms[-1]:.1f} ms over {len(ms)} answers (target < 300 ms)"
        )
    share, waiting = idle(args.phones, args.idle)
    print(
        f"idle with {args.phones} phones connected ({waiting} waiting): {share * 100:.2f} % of a core "
        f"over {args.idle:.0f} s (target < 3 %)"
    )
    sizes = weight()
    listing = ", ".join(f"{name} {size / 1000:.1f} kB" for name, size in sizes.items())
    print(f"page weight: {sum(sizes.values()) / 1000:.1f} kB ({listing}; target < 100 kB)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
