# SPDX-License-Identifier: MIT
"""The phones' API over real HTTP on loopback: what a phone may do, and everything it may not."""

from __future__ import annotations

import socket
import urllib.request

import pytest
from phone_room import Room

from booster.engine.game import Action
from booster.phones.network import is_local, parse_bind
from booster.phones.server import MAX_BODY, Bucket, Limits, PhoneServer


def test_the_team_in_turn_answers_and_the_game_records_it(room):
    token = room.join(0)
    data = room.view(token)
    view = data["view"]
    assert view["phase"] == "open" and view["card"]["title"]
    assert {a["option"] for a in view["answers"]} == {o["id"] for o in view["card"]["options"]}
    answer = view["answers"][1]
    status, verdict = room.request("/api/answer", {"team": 0, **answer}, token=token)
    assert status == 200, verdict
    assert room.choices() == [(0, answer["option"])]
    after = room.view(token, since=str(data["version"]))["view"]
    assert after["phase"] == "waiting" and after["turn"] == 1
    assert after["recorded"]["option"] == answer["option"] and after["recorded"]["option_text"]


def test_the_view_waits_for_a_change_then_shows_it(room):
    blue, green = room.join(0), room.join(1)
    before = room.view(green)
    assert before["view"]["phase"] == "waiting" and before["view"]["turn"] == 0
    answer = room.view(blue)["view"]["answers"][0]
    assert room.request("/api/answer", {"team": 0, **answer}, token=blue)[0] == 200
    after = room.view(green, since=str(before["version"]))
    assert after["version"] != before["version"]
    assert after["view"]["phase"] == "open"  # the game moved on to Green's challenge


def test_cards_in_the_phones_language(room):
    token = room.join(0)
    english = room.view(token, lang="en")["view"]["card"]
    french = room.view(token, lang="fr")["view"]["card"]
    assert english["id"] == french["id"] and english["title"] != french["title"]
    status, hello = room.request("/api/hello?lang=fr")
    assert status == 200 and hello["lang"] == "fr" and hello["strings"]["join"] == "Rejoindre"
    status, hello = room.request("/api/hello", headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert hello["lang"] == "fr"


def test_a_wrong_code_shows_no_team_and_gives_no_token(room):
    status, data = room.request("/api/room", {"code": room.wrong_code()})
    assert (status, data) == (403, {"error": "bad_code"})
    status, data = room.request("/api/join", {"code": room.wrong_code(), "team": 0})
    assert status == 403 and "token" not in data
    assert room.request("/api/room", {"code": room.code}) == (200, {"teams": ["Blue", "Green"]})


def test_guessing_the_code_is_stopped_before_the_code_is_compared(room):
    now = [0.0]
    room.server._wrong_codes.clock = lambda: now[0]
    statuses = [room.request("/api/room", {"code": room.wrong_code()})[0] for _ in range(8)]
    assert statuses[:5] == [403] * 5 and statuses[5:] == [429] * 3
    # While limited, even the right code is not compared: a guesser learns nothing from a 429.
    assert room.request("/api/room", {"code": room.code})[0] == 429
    now[0] += 12  # one more try a 12 seconds
    assert room.request("/api/room", {"code": room.code})[0] == 200


def test_a_phone_answers_only_for_its_own_team(room):
    blue = room.join(0)
    answer = room.view(blue)["view"]["answers"][0]
    status, data = room.request("/api/answer", {"team": 1, **answer}, token=blue)
    assert (status, data) == (403, {"error": "wrong_team"})
    green = room.join(1)  # Green's phone, on Blue's card
    status, data = room.request("/api/answer", {"team": 1, **answer}, token=green)
    assert status == 409 and data["error"] in ("closed", "not_your_turn")
    assert room.choices() == []


def test_only_legal_answers(room):
    token = room.join(0)
    card = room.view(token)["view"]["card"]["id"]
    for body in (
        {"team": 0, "card": card, "option": "not-an-option"},
        {"team": 0, "card": card, "option": "x" * 500},
        {"team": 0, "card": card, "option": None},
        {"team": 0, "card": card, "option": room.view(token)["view"]["answers"][0]["option"], "tool": "personas"},
        {"team": "0", "card": card, "option": "a"},
    ):
        status, _ = room.request("/api/answer", body, token=token)
        assert status in (400, 403, 409), body
    assert room.choices() == []


def test_an_answer_after_the_card_closed_is_refused(room):
    token = room.join(0)
    answer = room.view(token)["view"]["answers"][0]
    other = room.view(token)["view"]["answers"][1]
    # The facilitator records Blue's answer from the laptop first.
    room.loop.call(lambda table: table.decide(Action("choose", other["option"])))
    status, data = room.request("/api/answer", {"team": 0, **answer}, token=token)
    assert (status, data) == (409, {"error": "closed"})
    assert room.choices() == [(0, other["option"])]


def test_a_stale_card_is_closed_even_when_the_team_has_a_new_one(core_deck):
    r = Room(core_deck)
    try:
        blue, green = r.join(0), r.join(1)
        first = r.view(blue)["view"]["answers"][0]
        assert r.request("/api/answer", {"team": 0, **first}, token=blue)[0] == 200
        g = r.view(green)["view"]["answers"][0]
        assert r.request("/api/answer", {"team": 1, **g}, token=green)[0] == 200
        # Blue has its next card now; its first card's answer, sent again, must not land on the new one.
        status, data = r.request("/api/answer", {"team": 0, **first}, token=blue)
        assert (status, data["error"]) == (409, "closed")
    finally:
        r.close()


def test_an_unknown_phone_is_told_to_join_again(room):
    assert room.request("/api/view?since=", token="made-up")[0] == 401
    assert room.request("/api/answer", {"team": 0}, token="made-up")[0] == 401


def test_only_the_page_and_its_api(room):
    status, page = room.request("/")
    assert status == 200 and "<html" in page
    for path in ("/../../etc/passwd", "/static/app.js", "/api", "/favicon.ico", "/api/view/../hello"):
        assert room.request(path)[0] in (404, 400), path
    assert room.request("/app.js")[0] == 200


def test_bounded_requests(room):
    status, _ = room.request("/api/room", b'{"code": "' + b"1" * (MAX_BODY * 4) + b'"}')
    assert status == 413
    assert room.request("/api/room", b"not json")[0] == 400
    assert room.request("/api/room", b"[1, 2]")[0] == 400
    assert room.request("/", headers={"X-Long": "a" * 5000})[0] in (400, 431)


def test_a_foreign_host_name_is_refused(room):
    """A page elsewhere cannot reach the server through a name it controls (DNS rebinding)."""
    assert room.request("/", headers={"Host": "attacker.example:80"})[0] == 421


def test_too_many_requests_are_refused(core_deck):
    r = Room(core_deck, limits=Limits(requests=(10, 0.01), verdict_seconds=60))
    try:
        statuses = [r.request("/api/hello")[0] for _ in range(14)]
        assert statuses[:10] == [200] * 10 and set(statuses[10:]) == {429}
    finally:
        r.close()


def test_the_page_keeps_nothing_and_runs_only_its_own_code(room):
    with urllib.request.urlopen(room.url, timeout=10) as response:
        headers = response.headers
    assert headers["Cache-Control"] == "no-store"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "Set-Cookie" not in headers


def test_binds_to_the_local_network_only(core_deck):
    from booster.phones.bridge import Bridge

    for address in ("0.0.0.0", "8.8.8.8", "::", "example.org"):
        with pytest.raises(ValueError):
            PhoneServer(Bridge(), address, 0)
    server = PhoneServer(Bridge(), "127.0.0.1", 0)
    server.start()
    try:
        with pytest.raises(OSError), socket.create_connection(("::1", server.port), timeout=2):
            pass
    finally:
        server.stop()


def test_a_busy_port_is_a_clear_error():
    from booster.phones.bridge import Bridge

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(OSError):
            PhoneServer(Bridge(), "127.0.0.1", s.getsockname()[1]).start()


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("127.0.0.1", True),
        ("192.168.1.20", True),
        ("10.0.0.7", True),
        ("172.20.1.1", True),
        ("169.254.3.4", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("::ffff:192.168.1.2", True),
        ("8.8.8.8", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("2001:4860::1", False),
        ("nonsense", False),
    ],
)
def test_what_counts_as_the_room(address, local):
    assert is_local(address) is local


def test_the_phones_option():
    assert parse_bind(None) == (None, 8737)
    assert parse_bind("127.0.0.1:0") == ("127.0.0.1", 0)
    assert parse_bind("192.168.1.20") == ("192.168.1.20", 8737)
    assert parse_bind(":9000") == (None, 9000)
    assert parse_bind("[::1]:9000") == ("::1", 9000)
    assert parse_bind("fe80::1") == ("fe80::1", 8737)
    for bad in ("8.8.8.8", "127.0.0.1:x", "127.0.0.1:70000"):
        with pytest.raises(ValueError, match=r"\w+ \w+"):
            parse_bind(bad)


def test_buckets_refill_with_time():
    now = [0.0]
    bucket = Bucket(3, 1.0, clock=lambda: now[0])
    assert [bucket.allow("a") for _ in range(4)] == [True, True, True, False]
    assert bucket.allow("b")  # another phone has its own
    now[0] = 1.0
    assert bucket.allow("a") and not bucket.allow("a")


def test_a_phone_that_leaves_its_team_needs_the_room_code_again_and_the_count_follows(room):
    blue, green, green2 = room.join(0), room.join(1), room.join(1)
    for token in (blue, green, green2):
        room.view(token)
    assert [room.server.phones(t) for t in (0, 1)] == [1, 2]
    assert room.request("/api/leave", {}, token=green2) == (200, {"left": True})
    assert [room.server.phones(t) for t in (0, 1)] == [1, 1]
    # Its old token answers for no one: to be in a team again, the phone enters the room code.
    assert room.request("/api/view?since=", token=green2)[0] == 401
    answer = room.view(blue)["view"]["answers"][0]
    assert room.request("/api/answer", {"team": 1, **answer}, token=green2) == (401, {"error": "expired"})
    assert room.choices() == []


def test_a_phone_that_stopped_asking_drops_out_of_its_teams_count(room):
    now = [1000.0]
    room.server._clock = lambda: now[0]
    room.view(room.join(0))
    assert room.server.phones(0) == 1
    now[0] += 120  # the phone was closed two minutes ago
    assert room.server.phones(0) == 0
