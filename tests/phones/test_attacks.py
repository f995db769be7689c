# SPDX-License-Identifier: MIT
"""A hostile phone on the room's Wi-Fi, played on the loopback: it can neither stop the room nor enter it.

Loopback has a whole /8 on Linux, so each attacker is an address of its own (127.0.0.x, 127.0.1.x) and the
room's phone another (127.0.0.2): the limits per address and for the whole room are both exercised. Every
socket has a timeout, so that a server that hangs fails the test instead of holding CI.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import sys
import time
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phone_room import Room

from booster.phones import server as server_module
from booster.phones.code import CODE_DIGITS, room_code, typed_code
from booster.phones.server import MAX_BODY, MAX_TOKENS_PER_ADDRESS, Limits, guess_odds

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs the loopback's /8")

PHONE = "127.0.0.2"  # the room's own phone
IDLE = 1.0


def fast_limits(**changes: Any) -> Limits:
    values: dict[str, Any] = {"verdict_seconds": 60, "idle_seconds": IDLE, "connections": 64} | changes
    return Limits(**values)


@pytest.fixture
def attacked(core_deck, caplog):
    caplog.set_level(logging.WARNING)
    r = Room(core_deck, limits=fast_limits())
    yield r
    r.close()


def call(room: Room, path: str, body: Any = None, token: str | None = None, source: str = PHONE, **headers: str):
    """One request from `source`: (status, decoded body)."""
    connection = http.client.HTTPConnection("127.0.0.1", room.server.port, timeout=10, source_address=(source, 0))
    try:
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        sent = {"Content-Type": "application/json"} | headers
        if token:
            sent["X-Token"] = token
        connection.request("GET" if data is None else "POST", path, body=data, headers=sent)
        response = connection.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw)
        except ValueError:
            return response.status, raw
    finally:
        connection.close()


def raw_socket(room: Room, source: str) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", room.server.port), timeout=10, source_address=(source, 0))
    return s


def closed_within(s: socket.socket, seconds: float) -> bool:
    """Whether the server closes `s` within `seconds` (whatever it says first)."""
    s.settimeout(seconds)
    try:
        while s.recv(4096):
            pass
    except TimeoutError:
        return False
    except OSError:  # reset
        return True
    return True


def phone_plays(room: Room) -> None:
    """The room's own phone joins and reads its view: the room still works."""
    status, joined = call(room, "/api/join", {"code": room.code, "team": 0})
    assert status == 200, joined
    status, data = call(room, "/api/view?since=&lang=en", token=joined["token"])
    assert status == 200 and data["view"]["card"], data


def notes_by_kind(caplog) -> Counter[str]:
    return Counter(r.getMessage().split("(")[0] for r in caplog.records if r.name == "booster.phones")


def no_traceback(caplog, capsys) -> None:
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err


def test_the_code_is_long_enough_for_a_3_hour_workshop():
    limits = Limits()
    assert guess_odds(limits, 3 * 3600) < 1e-6
    assert limits.guesses(3 * 3600) == 30 + 0.5 * 3 * 3600
    codes = {room_code() for _ in range(200)}
    assert all(len(c) == CODE_DIGITS and c.isdigit() for c in codes) and len(codes) > 190
    assert typed_code("482 193-0675") == b"4821930675"
    for odd in ("١٢٣٤", "１２３４", "é", "", None, 1234, ["1"], "1" * 500):
        assert typed_code(odd) in (None, b"") or odd == ""


def test_silent_and_half_sent_connections_are_closed_and_the_room_still_plays(attacked, caplog, capsys):
    started = time.monotonic()
    held = []
    for i in range(12):  # under the per-address cap: each one is accepted, then dropped when idle
        s = raw_socket(attacked, "127.0.0.3")
        if i % 3 == 1:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
        elif i % 3 == 2:  # a body that never comes
            s.sendall(
                b"POST /api/room HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Length: 100\r\n\r\n{" % attacked.server.port
            )
        held.append(s)
    phone_plays(attacked)
    try:
        assert all(closed_within(s, IDLE + 3) for s in held)
    finally:
        for s in held:
            s.close()
    assert time.monotonic() - started < 10
    no_traceback(caplog, capsys)


def test_a_connection_flood_gets_a_plain_429_and_one_line(attacked, caplog, capsys):
    held = []
    try:
        for _ in range(40):  # one address: 16 accepted, the rest told no at once
            held.append(raw_socket(attacked, "127.0.0.3"))
        refused = 0
        for s in held:
            s.settimeout(0.5)
            try:
                first = s.recv(100)
            except TimeoutError:
                continue
            refused += first.startswith(b"HTTP/1.1 429")
        assert refused == 40 - server_module.MAX_CONNECTIONS_PER_ADDRESS
        phone_plays(attacked)  # another address still gets in
        for i in range(70):  # many addresses, one connection each: the room's cap (64)
            held.append(raw_socket(attacked, f"127.0.1.{i + 1}"))
    finally:
        for s in held:
            s.close()
    time.sleep(0.3)
    phone_plays(attacked)  # closed connections are counted out
    kinds = notes_by_kind(caplog)
    assert kinds and max(kinds.values()) == 1, kinds
    no_traceback(caplog, capsys)


ODD_CODES = ["١٢٣٤", "１２３４", "é", "\u0000", "\ud800", "1" * 1500, None, 1234, True, [], {}, 1e308, "𝟏𝟐𝟑𝟒"]
ODD_BODIES = [
    b"[" * 2000,
    b'{"code": ' + b"[" * 1900 + b"]" * 1900 + b"}",
    b'{"code": "\xff\xfe"}',
    b"\xef\xbb\xbf{}",
    b'{"code": "1", "code": "2"}',
    b"null",
    b"1e999999",
    b"9" * 1800,
    b"",
    b'{"team": 99999999999999999999999999999999, "code": "x"}',
]


def test_any_code_or_body_gets_a_4xx(attacked, caplog, capsys):
    token = call(attacked, "/api/join", {"code": attacked.code, "team": 0})[1]["token"]
    source = iter(f"127.0.2.{i}" for i in range(1, 250))  # each address has its own wrong-code allowance
    for code in ODD_CODES:
        for path in ("/api/room", "/api/join"):
            status, _ = call(attacked, path, {"code": code, "team": 0}, source=next(source))
            assert status in (400, 403, 413, 429), (path, code, status)
    for body in ODD_BODIES:
        for path in ("/api/room", "/api/join", "/api/answer", "/api/reveal", "/api/leave"):
            status, _ = call(attacked, path, body, token=token, source=next(source))
            assert 400 <= status < 500 or (path == "/api/leave" and status == 200), (path, body[:20], status)
    no_traceback(caplog, capsys)


def test_any_header_gets_an_answer_and_never_a_500(attacked, caplog, capsys):
    token = call(attacked, "/api/join", {"code": attacked.code, "team": 0})[1]["token"]
    requests = [
        b"GET /api/view?since=&lang=%ff HTTP/1.1\r\nHost: H\r\nX-Token: \xff\xfe\r\n\r\n",
        b"GET /api/hello HTTP/1.1\r\nHost: H\r\nAccept-Language: " + b"x;q=," * 300 + b"\r\n\r\n",
        b"GET /api/hello HTTP/1.1\r\nHost: H\r\nAccept-Language: \xc3\xa9\xff\r\n\r\n",
        b"GET /api/view?since=%00&lang="
        + b"a" * 1500
        + b" HTTP/1.1\r\nHost: H\r\nX-Token: "
        + token.encode()
        + b"\r\n\r\n",
        b"POST /api/room HTTP/1.1\r\nHost: H\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        b"POST /api/room HTTP/1.1\r\nHost: H\r\nContent-Length: -1\r\n\r\n",
        b"POST /api/room HTTP/1.1\r\nHost: H\r\nContent-Length: 99999999\r\n\r\n{}",
        b"GET / HTTP/1.1\r\nHost: H\r\n" + b"X-A: b\r\n" * 100 + b"\r\n",
        b"GET / HTTP/1.1\r\nHost: \xff\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\nHost: H\r\n\r\n",
        b"BREW / HTTP/1.1\r\nHost: H\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: H\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 100,  # a TLS hello
    ]
    host = b"127.0.0.1:%d" % attacked.server.port
    for i, raw in enumerate(requests):
        s = raw_socket(attacked, f"127.0.3.{i + 1}")
        try:
            s.sendall(raw.replace(b"Host: H\r\n", b"Host: " + host + b"\r\n"))
            s.settimeout(IDLE + 5)
            answer = b""
            try:
                while chunk := s.recv(4096):
                    answer += chunk
                    if b"\r\n\r\n" in answer:
                        break
            except (TimeoutError, ConnectionResetError):
                pass
        finally:
            s.close()
        status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.") else None
        assert status is None or status < 500, (raw[:40], answer[:80])
    phone_plays(attacked)
    no_traceback(caplog, capsys)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.one_of(st.text(max_size=40), st.integers(), st.none(), st.lists(st.text(max_size=3), max_size=3)))
def test_no_code_whatever_it_is_gets_a_500(attacked, code):
    attacked.server._wrong_codes.burst = attacked.server._room_wrong_codes.burst = 10**9  # only the answer matters
    attacked.server._requests.burst = 10**9
    status, data = call(attacked, "/api/room", {"code": code})
    assert status in (403, 400) or (status == 200 and typed_code(code) == attacked.code.encode()), (code, data)


def test_guessing_from_many_addresses_is_limited_for_the_whole_room(core_deck, caplog):
    r = Room(core_deck, limits=fast_limits(room_wrong_codes=(20, 0.01)))
    try:
        statuses = Counter(call(r, "/api/room", {"code": "0" * 10}, source=f"127.0.4.{i + 1}")[0] for i in range(60))
        # 60 addresses, one guess each: the room's allowance (20) is all that is compared.
        assert statuses == Counter({403: 20, 429: 40})
        # While the room is limited, the right code is not even compared: a guesser cannot tell it.
        assert call(r, "/api/room", {"code": r.code}, source="127.0.4.200")[0] == 429
        assert notes_by_kind(caplog)["Phones: too many wrong room codes: joining waits a little"] == 1
    finally:
        r.close()


def test_a_join_flood_with_the_code_logs_no_phone_out(attacked, caplog, capsys):
    joined = call(attacked, "/api/join", {"code": attacked.code, "team": 1})[1]["token"]
    statuses: Counter[int] = Counter()
    for i in range(600):  # 600 joins from 100 addresses
        statuses[
            call(attacked, "/api/join", {"code": attacked.code, "team": 0}, source=f"127.0.5.{i % 100 + 1}")[0]
        ] += 1
    assert statuses[429] > 400 and statuses[200] <= 60 + 100 * MAX_TOKENS_PER_ADDRESS
    status, data = call(attacked, "/api/view?since=&lang=en", token=joined)
    assert status == 200 and data["view"]["team"] == 1  # the room's phone is still in its team
    assert attacked.server.phones(1) == 1
    no_traceback(caplog, capsys)


def test_held_long_polls_from_one_address_do_not_block_the_room(attacked, monkeypatch, caplog, capsys):
    monkeypatch.setattr(server_module, "POLL_SECONDS", 3.0)
    tokens = [call(attacked, "/api/join", {"code": attacked.code, "team": 0}, source="127.0.0.3")[1]["token"]]
    tokens += [call(attacked, "/api/join", {"code": attacked.code, "team": 0}, source="127.0.0.3")[1]["token"]]
    version = call(attacked, "/api/view?since=", token=tokens[0], source="127.0.0.3")[1]["version"]
    held = []
    for i in range(12):  # raw polls that wait: the address's cap (8) holds, the rest is told 429
        s = raw_socket(attacked, "127.0.0.3")
        s.sendall(
            b"GET /api/view?since=%d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Token: %s\r\n\r\n"
            % (version, attacked.server.port, tokens[i % 2].encode())
        )
        held.append(s)
    try:
        time.sleep(0.3)
        assert attacked.server._waiting_total <= server_module.MAX_WAITING_PER_ADDRESS
        mine = call(attacked, "/api/join", {"code": attacked.code, "team": 1})[1]["token"]
        started = time.monotonic()
        status, _ = call(attacked, f"/api/view?since={version}", token=mine)  # held until the poll's end
        assert status == 200 and time.monotonic() - started > 2
    finally:
        for s in held:
            s.close()
    no_traceback(caplog, capsys)


def test_a_body_over_the_limit_is_a_413_and_one_line(attacked, caplog):
    for i in range(5):
        status, _ = call(attacked, "/api/room", b"{" + b" " * (MAX_BODY * 2) + b"}", source=f"127.0.6.{i + 1}")
        assert status == 413
    assert notes_by_kind(caplog)[f"Phones: a request's body was over {MAX_BODY} bytes "] == 1


def test_quitting_with_phones_waiting_closes_cleanly(core_deck, caplog, capfd):
    r = Room(core_deck, limits=fast_limits())
    token = call(r, "/api/join", {"code": r.code, "team": 0})[1]["token"]
    version = call(r, "/api/view?since=", token=token)[1]["version"]
    held = []
    for _ in range(2):
        s = raw_socket(r, PHONE)
        s.sendall(
            b"GET /api/view?since=%d HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nX-Token: %s\r\n\r\n"
            % (version, r.server.port, token.encode())
        )
        held.append(s)
    time.sleep(0.3)
    started = time.monotonic()
    r.close()  # the facilitator quits while two phones wait for their view
    assert time.monotonic() - started < 5
    try:
        assert all(closed_within(s, 3) for s in held)
    finally:
        for s in held:
            s.close()
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "destroyed" not in out + err
    assert not [rec for rec in caplog.records if rec.levelno >= logging.WARNING]
