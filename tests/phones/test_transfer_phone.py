# SPDX-License-Identifier: MIT
"""The transfer step from a phone: when the laptop shows a team's transfer step, that team's phones show the
stage's prompts and a text field; what is sent reaches the game as plain text, in headless chromium too."""

from __future__ import annotations

import headless
import pytest
import webdriver
from phone_room import Room
from test_browser import driver, join, phone  # noqa: F401 (fixtures)

from booster.engine.game import Setup
from booster.table.projects import MAX_TEXT, Project, Transfer, clean, notes, with_projects, with_transfer
from booster.table.views import TransferView

EMOJI = "Café réparation 🔧🚲 👩🏽‍🔧"
RTL = "مقهى الإصلاح"
MARKUP = "<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(2)> **md** {x}"
TEXT = ((MARKUP + " " + EMOJI + " " + RTL + " ") * 12)[:MAX_TEXT]


class ScreenTable(headless.Headless):
    """A table with a laptop screen, as the front end's controller: team 0's transfer step is on it."""

    def __init__(self, deck, setup: Setup) -> None:
        super().__init__(deck, setup)
        self.extra = with_projects({}, [Project("Atelier vélo"), None])
        self.version = 0
        self.shown: object = TransferView(0, 0)

    def view(self) -> object:
        return self.shown

    def record_transfer(self, transfer: Transfer) -> None:
        self.extra = with_transfer(self.extra, transfer)
        self.version += 1


@pytest.fixture
def screen_room(core_deck, monkeypatch):
    monkeypatch.setattr(headless, "Headless", ScreenTable)
    r = Room(core_deck)
    yield r
    r.close()


def written(room) -> str | None:
    extra = room.loop.call(lambda table: table.extra)
    answer = notes(extra, 2).transfer(0, "ideation")
    return answer.answer if answer else None


def test_the_transfer_step_over_http_keeps_text_as_text_and_refuses_what_is_not_open(screen_room):
    room = screen_room
    blue, green = room.join(0), room.join(1)
    view = room.view(blue)["view"]
    assert view["phase"] == "writing" and view["writing"]["stage"] == "ideation" and view["writing"]["prompts"]
    assert room.view(green)["view"]["phase"] != "writing"  # only the team whose step is on screen
    status, data = room.request("/api/transfer", {"team": 0, "stage": "ideation", "text": TEXT}, token=blue)
    assert status == 200 and data["written"] == clean(TEXT)
    assert written(room) == clean(TEXT)
    # The phones see what was written; another team, another stage, too long a text: refused, nothing kept.
    assert room.view(blue)["view"]["writing"]["text"] == clean(TEXT)
    assert room.request("/api/transfer", {"team": 1, "stage": "ideation", "text": "x"}, token=green)[0] == 409
    assert room.request("/api/transfer", {"team": 1, "stage": "ideation", "text": "x"}, token=blue)[0] == 403
    assert room.request("/api/transfer", {"team": 0, "stage": "offer", "text": "x"}, token=blue)[0] == 409
    assert room.request("/api/transfer", {"team": 0, "stage": "ideation", "text": "x" * 501}, token=blue)[0] == 400
    assert room.request("/api/transfer", {"team": 0, "stage": "ideation", "text": 5}, token=blue)[0] == 400
    assert written(room) == clean(TEXT)
    room.loop.call(lambda table: setattr(table, "shown", None))  # the facilitator goes on: the step closes
    room.loop.call(lambda table: setattr(table, "version", table.version + 1))
    assert room.request("/api/transfer", {"team": 0, "stage": "ideation", "text": "late"}, token=blue)[0] == 409


@pytest.mark.skipif(not webdriver.available(), reason="needs Debian's chromium and chromium-driver")
def test_a_phone_sends_500_characters_with_emoji_a_right_to_left_name_and_markup_that_stays_text(
    screen_room,
    phone,  # noqa: F811 (the fixture imported above)
    tmp_path,
):
    room = screen_room
    browser = phone()
    join(browser, room, room.code, 0)
    browser.wait_text("#status", "write your answer for your own project")
    assert browser.run("return document.querySelectorAll('#writing-prompts li').length") == 3
    # ChromeDriver types only the basic plane: the text is pasted into the field, as a phone's keyboard would.
    browser.run("document.getElementById('writing-text').value = arguments[0];", TEXT)
    browser.tap("#writing-send")
    browser.wait_text("#writing-sent", "Sent")
    assert written(room) == clean(TEXT)
    # The markup stayed text: no element was made from it, no script ran, the field shows the characters.
    assert (
        browser.run("return document.querySelectorAll('#play-screen b, #play-screen script, #play-screen img').length")
        == 0
    )
    assert browser.run("return window.__xss === undefined && document.title") == "Social Impact Booster"
    assert browser.run("return document.getElementById('writing-text').value") == TEXT
    browser.screenshot(tmp_path / "phone-writing.png")
