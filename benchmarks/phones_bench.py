# SPDX-License-Identifier: MIT
"""Phones benchmarks (on demand, not in the tests): `python benchmarks/phones_bench.py [-n N] [--idle S]`,
or only the burst: `python benchmarks/phones_bench.py --burst [--rounds R]`.

All on loopback, against a headless game whose loop wakes on an answer or polls like the window's loop:
- burst: 8 teams x 5 phones answer a round all at once (each phone from its own address, all released by one
  barrier), on the front end's game controller, which saves to disk (in a folder beside this script, a real
  disk, not tmpfs): each phone's time from sending its answer to "recorded" (the game recorded it, wrote it
  to disk with fsync, published the new views). Target: median under 300 ms, worst under 1 s.
- latency: a phone's answer until the game has recorded it and published the new views (the HTTP answer
  comes back only then), N answers, median / 95th percentile / worst, in turn play and in a round played
  all at once by 8 teams (each phone answers, then changes its answer). Target: under 300 ms.
- idle: 40 phones (8 teams of 5, in another process, long polling) connected while nothing happens, for S
  seconds; the game process's CPU time over wall time. Target: under 3 % of a core.
- the real front end (dummy video driver), 8 teams and 40 phones connected: its idle CPU (the loop, the
  server and the hand-over together), an answer's latency through its loop (recorded, autosaved, published),
  and the redraw of the join panel at 1080p and 4K. Targets: < 3 % of a core, < 300 ms, < 5 / 16 ms.
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
sys.path.insert(0, str(ROOT / "tests"))  # headless.py: the game without a screen

TEAMS = ("Blue", "Green", "Orange", "Sky", "Vermilion", "Purple", "Yellow", "Black")


def address(i: int) -> str:
    """The i-th phone's own loopback address (Linux answers on all of 127/8), as each phone has on a Wi-Fi."""
    return f"127.0.{i // 200 + 10}.{i % 200 + 2}"


class Client:
    """One phone on one kept-alive connection, from its own address."""

    def __init__(self, port: int, source: str | None = None) -> None:
        self.connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=60, source_address=(source, 0) if source else None
        )
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


def start_room(teams: int, loop_poll: float | None, mode: str | None = None, save_in: Path | None = None):
    """A headless game and its server; `save_in`: played on the front end's controller, saved there."""
    from headless import HeadlessLoop

    from booster import paths
    from booster.deck.loader import load_deck
    from booster.engine.game import Setup
    from booster.phones.server import Limits, PhoneServer
    from booster.table.controller import GameController

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    setup = Setup(TEAMS[:teams], 1, mode=mode)
    table = None
    if save_in is not None:
        table = GameController.new(
            deck, str(paths.CORE_DECK), "en", setup, {}, save_in / "game.json", lambda key, **fields: None
        )
    loop = HeadlessLoop(deck, setup, poll=loop_poll, table=table)
    # The latency and idle phones share one address (loopback): its request limit is raised accordingly.
    limits = Limits(requests=(10_000, 10_000), joins=(10_000, 10_000), room_joins=(10_000, 10_000))
    limits.verdict_seconds = 30  # the time itself, not "sent, the view will tell" after 3 s
    server = PhoneServer(loop.bridge, "127.0.0.1", 0, limits=limits)
    server.start()
    return loop, server


def burst(rounds: int, loop_poll: float | None, teams: int = 8, per_team: int = 5) -> tuple[list[float], int]:
    """Every phone of every team answers the open round at the same instant; the facilitator then reveals,
    and the next round opens. Returns each answer's time to "recorded", and how many were not recorded."""
    import shutil
    import tempfile

    from booster.engine.game import CLOSE

    folder = Path(tempfile.mkdtemp(prefix=".burst-", dir=Path(__file__).parent))
    loop, server = start_room(teams, loop_poll, "all-at-once", save_in=folder)
    phones = [Client(server.port, address(i)) for i in range(teams * per_team)]
    for i, phone in enumerate(phones):
        phone.join(server.code, i % teams)
    times: list[float] = []
    missed = 0
    lock = threading.Lock()
    try:
        for _ in range(rounds):
            views = [phone.call("GET", "/api/view?since=&lang=en")[1]["view"] for phone in phones]
            if any(v["phase"] != "open" for v in views):
                break  # the game is over
            barrier = threading.Barrier(len(phones))

            def answer(i: int, phone: Client, view: dict[str, Any], barrier: threading.Barrier = barrier) -> None:
                nonlocal missed
                choice = view["answers"][i % len(view["answers"])]
                barrier.wait()
                start = time.perf_counter()
                status, _ = phone.call("POST", "/api/answer", {"team": view["team"], **choice})
                with lock:
                    if status == 200:
                        times.append(time.perf_counter() - start)
                    else:
                        missed += 1

            threads = [
                threading.Thread(target=answer, args=(i, p, v))
                for i, (p, v) in enumerate(zip(phones, views, strict=True))
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            loop.call(lambda table: table.decide(CLOSE))  # the reveal; the loop opens the next round
            time.sleep(0.2)
    finally:
        server.stop()
        loop.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return times, missed


def print_burst(rounds: int) -> None:
    for label, poll in (("woken at once", None), ("polling every 50 ms, as the window's idle loop", 0.05)):
        times, missed = burst(rounds, poll)
        ms = sorted(t * 1000 for t in times)
        print(
            f"burst, 8 teams x 5 phones answering together, saved to disk ({label}): median "
            f"{statistics.median(ms):.1f} ms, worst {ms[-1]:.1f} ms over {len(ms)} answers in {rounds} rounds, "
            f"{missed} not recorded (target: median < 300 ms, worst < 1 s)"
        )


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


def round_latency(n: int, loop_poll: float | None) -> list[float]:
    """All at once, 8 teams: each phone answers the open round, then changes its answer, in turn."""
    loop, server = start_room(8, loop_poll, "all-at-once")
    phones = [Client(server.port) for _ in range(8)]
    for team, phone in enumerate(phones):
        phone.join(server.code, team)
    times: list[float] = []
    try:
        while len(times) < n:
            for phone in phones:
                _, data = phone.call("GET", "/api/view?since=&lang=en")
                view = data["view"]
                if view["phase"] not in ("open", "answered"):
                    continue
                answer = view["answers"][len(times) % len(view["answers"])]
                start = time.perf_counter()
                status, verdict = phone.call("POST", "/api/answer", {"team": view["team"], **answer})
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

    def follow(i: int) -> None:
        team = i % 8
        client = Client(port, address(i))
        client.join(code, team)
        ready.release()
        version = ""
        while time.monotonic() < deadline:
            _, data = client.call("GET", f"/api/view?since={version}&lang=en")
            version = str(data["version"])

    ready = threading.Semaphore(0)
    for i in range(phones):
        threading.Thread(target=follow, args=(i,), daemon=True).start()
    for _ in range(phones):
        ready.acquire()
    print("joined", flush=True)
    while time.monotonic() < deadline:
        time.sleep(1)


def app_figures(n: int, phones: int, seconds: float) -> None:
    """The real App's loop on this thread; the facilitator's clicker and the phones on others."""
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ["BOOSTER_HOME"] = tempfile.mkdtemp(prefix="booster-bench-")
    import pygame

    from booster import paths
    from booster.phones.service import Phones
    from booster.ui.app import App, Options
    from booster.ui.scenes.phones import PhonesOverlay

    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1920, 1080))
    app = App(Options(deck=str(paths.CORE_DECK), lang="en", seed=1), surface, window=True)
    app.start_game(list(TEAMS), [None] * 8, [[i, "circle"] for i in range(8)], 180)

    for size in ((1920, 1080), (3840, 2160)):  # the join panel over the board
        app.set_surface(pygame.Surface(size))
        app.push(PhonesOverlay(app))
        app.phones = Phones("127.0.0.1", 0, code="4821930675")  # not started: only drawn
        app.render()
        times = []
        for _ in range(30):
            t0 = time.perf_counter()
            app.render()
            times.append((time.perf_counter() - t0) * 1000)
        app.pop()
        print(f"app: redraw with the join panel at {size[0]}x{size[1]}: median {statistics.median(times):.2f} ms")
    app.set_surface(surface)

    def wake() -> None:
        app.wakeup.set()

    service = Phones("127.0.0.1", 0, wake=app.wakeup.set)
    service.start()
    app.phones = service
    port, code = service.server.port, service.code
    figures: dict[str, Any] = {}

    def clicker() -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="", scancode=0))

    def room() -> None:
        try:
            others = subprocess.Popen(
                [sys.executable, __file__, "--phones-process", str(port), code, str(phones), str(seconds + 60)],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert others.stdout is not None and others.stdout.readline().strip() == "joined"
            time.sleep(1)
            cpu, wall = time.process_time(), time.perf_counter()
            time.sleep(seconds)
            figures["idle"] = (time.process_time() - cpu) / (time.perf_counter() - wall)
            spokes = [Client(port, address(1000 + i)) for i in range(len(TEAMS))]
            for team, phone in enumerate(spokes):
                phone.join(code, team)
            times: list[float] = []
            deadline = time.monotonic() + 120
            while len(times) < n and time.monotonic() < deadline:
                views = [phone.call("GET", "/api/view?since=&lang=en")[1]["view"] for phone in spokes]
                open_ = [v for v in views if v["phase"] == "open"]
                if not open_:
                    clicker()  # the facilitator goes on (board, effect, stage screens)
                    time.sleep(0.1)
                    continue
                view = open_[0]
                start = time.perf_counter()
                status, _ = spokes[view["team"]].call(
                    "POST", "/api/answer", {"team": view["team"], **view["answers"][0]}
                )
                times.append(time.perf_counter() - start)
                assert status == 200
            figures["latency"] = times
            others.terminate()
            others.wait(timeout=10)
        finally:
            app.running = False
            wake()

    worker = threading.Thread(target=room)
    worker.start()
    app.loop()
    worker.join()
    service.stop()
    print(f"app: idle with {phones} phones connected: {figures['idle'] * 100:.2f} % of a core over {seconds:.0f} s")
    ms = sorted(t * 1000 for t in figures["latency"])
    print(
        f"app: answer to recorded, autosaved and published: median {statistics.median(ms):.1f} ms, "
        f"worst {ms[-1]:.1f} ms over {len(ms)} answers"
    )
    pygame.quit()


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
    parser.add_argument("--burst", action="store_true", help="only the burst of 40 phones answering together")
    parser.add_argument("--rounds", type=int, default=10, help="rounds of the burst")
    args = parser.parse_args()
    print_burst(args.rounds)
    if args.burst:
        return

    for label, poll in (("woken at once", None), ("polling every 50 ms, as the window's idle loop", 0.05)):
        ms = sorted(t * 1000 for t in latency(args.n, poll))
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(
            f"answer to recorded ({label}): median {statistics.median(ms):.1f} ms, 95% {p95:.1f} ms, "
            f"worst {ms[-1]:.1f} ms over {len(ms)} answers (target < 300 ms)"
        )
    for label, poll in (("woken at once", None), ("polling every 50 ms", 0.05)):
        ms = sorted(t * 1000 for t in round_latency(args.n, poll))
        p95 = ms[int(len(ms) * 0.95) - 1]
        print(
            f"answer to recorded, all at once with 8 teams ({label}): median {statistics.median(ms):.1f} ms, "
            f"95% {p95:.1f} ms, worst {ms[-1]:.1f} ms over {len(ms)} answers (target < 300 ms)"
        )
    share, waiting = idle(args.phones, args.idle)
    print(
        f"idle with {args.phones} phones connected ({waiting} waiting): {share * 100:.2f} % of a core "
        f"over {args.idle:.0f} s (target < 3 %)"
    )
    app_figures(min(args.n, 40), args.phones, args.idle)
    sizes = weight()
    listing = ", ".join(f"{name} {size / 1000:.1f} kB" for name, size in sizes.items())
    print(f"page weight: {sum(sizes.values()) / 1000:.1f} kB ({listing}; target < 100 kB)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
