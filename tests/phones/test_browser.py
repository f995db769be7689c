# SPDX-License-Identifier: MIT
"""The phones as people use them: Debian's chromium, headless, driven through chromium-driver, on the
page the server serves to a headless game. The game's log is the judge."""

from __future__ import annotations

import os

import pytest
import webdriver
from phone_room import Room, to_a_reveal

from booster.engine.game import CLOSE, Action, ActionKind

IN_CI = os.environ.get("CI") == "true"
pytestmark = pytest.mark.skipif(
    not webdriver.available() and not IN_CI,
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; CI installs them)",
)


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if not webdriver.available():  # in CI: the browser tests must run, not be skipped
        pytest.fail("CI has no chromium or chromium-driver: .ci/run installs them with apt-get")
    d = webdriver.Driver(tmp_path_factory.mktemp("chromedriver") / "chromedriver.log")
    yield d
    d.close()


@pytest.fixture
def phone(driver, tmp_path):
    """A fresh phone (its own empty browser profile) each call."""
    opened: list[webdriver.Browser] = []

    def open_phone(lang: str = "en") -> webdriver.Browser:
        browser = driver.browser(tmp_path / f"profile-{len(opened)}", lang=lang)
        opened.append(browser)
        return browser

    yield open_phone
    for browser in opened:
        browser.close()


def join(browser: webdriver.Browser, room, code: str, team: int) -> None:
    browser.open(room.url)
    browser.wait("return !document.getElementById('join-screen').hidden")
    browser.type("#code", code)
    browser.tap("#join-button")
    browser.wait("return !document.getElementById('team-screen').hidden")
    browser.tap(f"#teams button[data-team='{team}']")
    browser.wait("return !document.getElementById('play-screen').hidden")


def answer(browser: webdriver.Browser, n: int) -> str:
    """Tap the n-th answer (1-based) and confirm it; returns the option's id."""
    browser.tap(f"#options label:nth-of-type({n}) input")
    option = str(browser.run("return document.querySelector('#options input:checked').value"))
    assert browser.text("#confirm") == f"Confirm answer {n}"
    browser.tap("#confirm")
    return option


def test_two_teams_answer_from_their_phones(room, phone, tmp_path):
    blue, green = phone(), phone("fr")
    join(blue, room, room.code, 0)
    join(green, room, room.code, 1)
    blue.wait_text("#status", "Your team's turn")
    green.wait_text("#status", "C’est au tour de Blue")
    blue.screenshot(tmp_path / "blue-card.png")
    first = answer(blue, 2)
    blue.wait_text("#recorded", "Recorded:")
    blue.wait_text("#status", "It is Green's turn")
    green.wait_text("#status", "C’est au tour de votre équipe")
    green.tap("#options label:nth-of-type(1) input")
    assert green.text("#confirm") == "Confirmer la réponse 1"
    second = str(green.run("return document.querySelector('#options input:checked').value"))
    green.tap("#confirm")
    green.wait_text("#recorded", "Enregistré")
    green.screenshot(tmp_path / "green-recorded.png")
    assert room.choices() == [(0, first), (1, second)]


def test_a_wrong_code_is_refused_in_words(room, phone):
    browser = phone()
    browser.open(room.url)
    browser.wait("return !document.getElementById('join-screen').hidden")
    browser.type("#code", room.wrong_code())
    browser.tap("#join-button")
    assert "not the room code" in browser.wait_text("#problem", "room code")
    assert not browser.visible("#team-screen") and not browser.visible("#play-screen")


def test_a_phone_cannot_answer_for_another_team(room, phone):
    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "Your team's turn")
    # Someone edits the page's request by hand: Blue's phone sends an answer in Green's name.
    status = browser.run(
        "const a = S.data.view.answers[0];"
        "return fetch('/api/answer', {method: 'POST', headers: {'X-Token': S.token}, body: JSON.stringify("
        "{team: 1, card: a.card, option: a.option, tool: null})}).then((r) => r.status);"
    )
    assert status == 403
    assert room.choices() == []


def test_an_answer_after_the_card_closed(room, phone):
    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "Your team's turn")
    browser.run("stopPolling();")  # this phone's view goes stale: it still shows the card
    facilitator = str(browser.run("return S.data.view.answers[2].option"))
    room.loop.call(lambda table: table.decide(Action("choose", facilitator)))  # the laptop answers first
    answer(browser, 1)
    browser.wait_text("#problem", "Too late: this card is closed")
    assert room.choices() == [(0, facilitator)]
    browser.run("startPolling();")
    browser.wait_text("#status", "It is Green's turn")


def test_a_phone_that_sleeps_or_reloads_rejoins_where_it_was(room, phone):
    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "Your team's turn")
    browser.offline(True)
    option = str(browser.run("return S.data.view.answers[0].option"))
    room.loop.call(lambda table: table.decide(Action("choose", option)))  # the game goes on meanwhile
    browser.offline(False)
    browser.wait_text("#status", "It is Green's turn", timeout=30)
    browser.wait_text("#recorded", "Recorded:")
    browser.call("POST", "/refresh", {})  # a browser that dropped the page reloads it from its address
    browser.wait("return !document.getElementById('play-screen').hidden")
    browser.wait_text("#status", "It is Green's turn")
    assert not browser.visible("#join-screen")


def test_two_phones_of_one_team_see_the_same_thing(room, phone):
    one, two = phone(), phone()
    join(one, room, room.code, 0)
    join(two, room, room.code, 0)
    for browser in (one, two):
        browser.wait_text("#status", "Your team's turn")
    assert one.text("#card") == two.text("#card")
    answer(two, 1)
    one.wait_text("#recorded", "Recorded:")
    assert one.text("#recorded") == two.wait_text("#recorded", "Recorded:")
    assert len(room.choices()) == 1


def test_all_at_once_two_phones_answer_the_same_round_and_an_answer_after_the_reveal_is_refused(
    core_deck, phone, tmp_path
):
    room = Room(core_deck, mode="all-at-once")
    try:
        blue, green = phone(), phone("fr")
        join(blue, room, room.code, 0)
        join(green, room, room.code, 1)
        blue.wait_text("#status", "Every team answers this card now")
        green.wait_text("#status", "Toutes les équipes répondent")
        assert blue.text("#card-title") and blue.run("return S.data.view.card.id") == green.run(
            "return S.data.view.card.id"
        )
        first = answer(blue, 2)
        blue.wait_text("#status", "Your answer is recorded")
        green.wait_text("#progress", "1 équipe sur 2 a répondu")  # the count, never what; one team: singular
        blue.screenshot(tmp_path / "blue-answered.png")
        green.tap("#options label:nth-of-type(1) input")
        second = str(green.run("return document.querySelector('#options input:checked').value"))
        green.tap("#confirm")
        green.wait_text("#recorded", "Enregistré")
        assert [(team, option) for team, kind, option, _ in room.log() if kind == "choose"] == [(0, first), (1, second)]

        green.run("stopPolling();")  # this phone's view goes stale: it still shows the round's card
        room.loop.call(lambda table: table.decide(CLOSE))  # the facilitator reveals
        green.tap("#options label:nth-of-type(2) input")
        green.tap("#confirm")
        green.wait_text("#problem", "Trop tard")
        kinds = [(team, kind, option) for team, kind, option, _ in room.log() if kind in ("choose", "close")]
        assert kinds == [(0, "choose", first), (1, "choose", second), (-1, "close", None)]
    finally:
        room.close()


def test_change_team_asks_for_the_room_code_again(room, phone):
    browser = phone()
    join(browser, room, room.code, 1)  # a mis-tap: this phone is Blue's
    browser.wait_text("#status", "It is Blue's turn")
    token = browser.run("return S.token")
    browser.tap("#change-team")
    browser.wait("return !document.getElementById('join-screen').hidden")
    assert not browser.visible("#team-screen") and browser.run("return location.hash") == "#lang=en"
    # The server forgot the phone: its old token answers for no team, and the count shows no phone for Green.
    status = browser.run(
        "return fetch('/api/view?since=', {headers: {'X-Token': arguments[0]}}).then((r) => r.status);", token
    )
    assert status == 401 and room.server.phones(1) == 0
    join(browser, room, room.code, 0)  # the code again, then the right team
    browser.wait_text("#status", "Your team's turn")
    option = answer(browser, 1)
    browser.wait_text("#recorded", "Recorded:")
    assert room.choices() == [(0, option)]


def test_all_at_once_recorded_follows_the_laptop_and_each_new_card(core_deck, phone, tmp_path):
    room = Room(core_deck, mode="all-at-once")
    try:
        blue = phone()
        join(blue, room, room.code, 0)
        blue.wait_text("#status", "Every team answers this card now")
        answer(blue, 2)
        blue.wait_text("#status", "Your answer is recorded")
        assert "entered on the laptop" not in blue.wait_text("#recorded", "Recorded:")

        # (c) The facilitator replaces Blue's answer: the phone shows the laptop's, radio and button too.
        first = str(blue.run("return document.querySelector('#options input').value"))
        first_text = str(blue.run("return S.data.view.card.options.find((o) => o.id === arguments[0]).text", first))
        room.loop.call(lambda table: table.decide(Action(ActionKind.CHOOSE, first, None, 0)))
        blue.wait_text("#recorded", "(entered on the laptop)")
        assert first_text in blue.text("#recorded")
        assert blue.run("return document.querySelector('#options input:checked').value") == first
        assert blue.text("#confirm") == "Confirm answer 1"
        blue.run("window.scrollTo(0, 0);")
        blue.screenshot(tmp_path / "blue-laptop.png")

        # (b) The facilitator withdraws it: nothing is recorded, nothing is checked.
        room.loop.call(lambda table: table.decide(Action(ActionKind.WITHDRAW, team=0)))
        blue.wait_text("#status", "Every team answers this card now")
        blue.wait("return document.getElementById('recorded').hidden")
        assert blue.run("return document.querySelector('#options input:checked')") is None
        assert blue.text("#confirm") == "Confirm this answer"

        # (a) Everyone answers, the facilitator reveals, a new card comes: no answer is shown for it.
        card = str(blue.run("return S.data.view.card.id"))
        answer(blue, 1)
        blue.wait_text("#recorded", "Recorded:")
        room.loop.call(lambda table: table.decide(Action(ActionKind.CHOOSE, first, None, 1)))
        room.loop.call(lambda table: table.decide(CLOSE))
        blue.wait("return S.data.view.card !== null && S.data.view.card.id !== arguments[0]", card, timeout=30)
        assert blue.text("#status").startswith("Every team answers this card now")
        assert not blue.visible("#recorded")
        blue.screenshot(tmp_path / "blue-new-card.png")
    finally:
        room.close()


def test_the_long_code_typed_as_the_projector_shows_it_or_scanned_joins(room, phone):
    from booster.phones.code import shown

    typed = phone()
    join(typed, room, shown(room.code), 1)  # "123 456 7890", spaces and all
    assert "Green" in typed.text("#team-name")
    scanned = phone()
    scanned.open(f"{room.url}#room={room.code}")  # the address the QR code carries: no typing
    scanned.wait("return !document.getElementById('team-screen').hidden")
    scanned.tap("#teams button[data-team='0']")
    scanned.wait("return !document.getElementById('play-screen').hidden")
    assert room.server.phones(0) + room.server.phones(1) == 2


def test_an_answer_tapped_while_the_laptop_is_unreachable_is_kept_and_sent_when_it_is_back(room, phone):
    from booster.phones.server import Limits, PhoneServer

    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "Your team's turn")
    port, code = room.server.port, room.code
    room.server.stop()  # the laptop's server is gone (asleep, off the Wi-Fi)
    browser.wait_text("#connection", "laptop cannot be reached")
    option = answer(browser, 1)
    browser.wait_text("#kept", "Not sent yet")
    assert room.choices() == []
    room.server = PhoneServer(room.loop.bridge, "127.0.0.1", port, code, Limits(verdict_seconds=60))
    room.server.start()  # back: the kept answer goes by itself
    browser.wait_text("#kept", "was sent", timeout=30)
    assert room.choices() == [(0, option)]
    browser.wait_text("#recorded", "Recorded:")


def test_a_pause_freezes_every_phone(room, phone):
    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "Your team's turn")
    room.loop.call(lambda table: setattr(room.loop.bridge, "paused", True))
    browser.wait_text("#paused", "Paused")
    assert browser.run("return document.getElementById('confirm').disabled") is True
    room.loop.call(lambda table: setattr(room.loop.bridge, "paused", False))
    browser.wait("return document.getElementById('paused').hidden")
    answer(browser, 1)
    browser.wait_text("#recorded", "Recorded:")


def test_a_reloaded_page_is_the_same_phone_of_the_same_team(room, phone):
    browser = phone()
    join(browser, room, room.code, 1)
    browser.wait_text("#status", "Blue")
    assert room.server.phones(1) == 1
    browser.run("location.reload()")
    browser.wait("return !document.getElementById('play-screen').hidden")
    browser.wait_text("#team-name", "Green")
    assert room.server.phones(1) == 1  # not one more phone in the count: its own token came back


def test_all_at_once_a_reveal_shows_on_its_teams_phone_only_and_stays_after_a_reload(core_deck, phone, tmp_path):
    room = Room(core_deck, mode="all-at-once")
    try:
        seat, tool = room.loop.call(to_a_reveal)
        mine, theirs = phone(), phone("fr")
        join(mine, room, room.code, seat)
        join(theirs, room, room.code, 1 - seat)
        mine.wait_text("#status", "Every team answers this card now")
        theirs.wait_text("#status", "Toutes les équipes répondent")
        assert not mine.visible("#shown") and mine.run("return document.querySelectorAll('.effect').length") == 0
        room.loop.call(lambda table: table.decide(Action(ActionKind.REVEAL, tool=tool, team=seat)))
        title = core_deck.text("en", "cards", tool, "title")
        assert title in mine.wait_text("#shown", "Only your team’s phones show it")
        lines = mine.run("return [...document.querySelectorAll('#options .effect')].map((e) => e.textContent)")
        options = mine.run("return document.querySelectorAll('#options input').length")
        assert len(lines) == options and all(lines)  # each response says what it does ("+1 …" or "No change")
        assert all(line == "No change" or line[0] in "+–" for line in lines)
        mine.screenshot(tmp_path / "phone-revealed-en.png")
        mine.run("document.getElementById('options').scrollIntoView();")
        mine.screenshot(tmp_path / "phone-revealed-options-en.png")
        # The other team's phone, a round trip later, shows nothing of it, and its page holds nothing of it.
        theirs.wait("return Number(S.version) >= arguments[0]", int(mine.run("return S.version")))
        assert not theirs.visible("#shown")
        assert theirs.run("return document.querySelectorAll('.effect').length") == 0
        assert theirs.run("return S.data.view.shown") is None
        mine.run("location.reload()")  # a phone back from sleep (or reloaded) still shows them
        mine.wait_text("#shown", title)
        first = answer(mine, 1)  # answered: still readable while the team may change its answer
        mine.wait_text("#recorded", "Recorded:")
        assert mine.visible("#shown") and mine.run("return document.querySelectorAll('.effect').length") == options
        room.loop.call(lambda table: table.decide(Action(ActionKind.CHOOSE, first, None, 1 - seat)))
        room.loop.call(lambda table: table.decide(CLOSE))
        mine.wait("return document.getElementById('shown').hidden", timeout=30)
    finally:
        room.close()


def test_all_at_once_a_team_plays_its_reveal_tool_from_its_phone_with_a_second_tap(core_deck, phone, tmp_path):
    room = Room(core_deck, mode="all-at-once")
    try:
        seat, tool = room.loop.call(to_a_reveal)
        mine = phone("fr")
        join(mine, room, room.code, seat)
        title = core_deck.text("fr", "cards", tool, "title")
        assert title in mine.wait_text("#reveal button", "Jouer")
        mine.run("document.getElementById('reveal').scrollIntoView();")
        mine.screenshot(tmp_path / "phone-reveal-fr.png")
        mine.tap(f"#reveal button[data-tool='{tool}']")  # the first tap only says the tool is then used up
        assert "Touchez encore" in mine.text("#reveal button")
        assert not [kind for _, kind, _, _ in room.log() if kind == "reveal"]
        mine.tap(f"#reveal button[data-tool='{tool}']")
        mine.wait_text("#shown", title)
        assert not mine.visible("#reveal")  # played: nothing left to reveal on this card
        assert [(team, kind, t) for team, kind, _, t in room.log() if kind == "reveal"] == [(seat, "reveal", tool)]
    finally:
        room.close()
