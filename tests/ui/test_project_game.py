# SPDX-License-Identifier: MIT
"""A team plays on its own project, driven by posted events only: set up at the laptop, it draws only the
cards that fit its kind of project, writes a transfer answer at the end of each stage while the timer runs,
and its answers reach the save and the passport."""

from __future__ import annotations

import pygame
from ui_drive import click, key, new_app, type_text

from booster import paths
from booster.engine import events as ev
from booster.paper.passport import passports
from booster.table import saves
from booster.table.projects import notes, scenario_of_kind

MARKUP = "<b>bold</b> **not bold** 🔧 مقهى"


def set_up_project(app) -> None:
    key(app, pygame.K_RETURN)  # start: "New game"
    assert app.top.name == "setup"
    for _ in range(len(app.top.scenario_ids) - 1):  # the scenarios, then the team's own project
        if app.top.name == "project":
            break
        click(app, "scenario0")
    assert app.top.name == "project"  # opened by itself on "our own project", the name ready to type
    type_text(app, "Atelier vélo <i>solidaire</i>")
    key(app, pygame.K_RETURN)  # next field: the sentence
    key(app, pygame.K_RETURN)
    type_text(app, "Réparer des vélos avec les habitants.")
    key(app, pygame.K_RETURN)  # next: the kind of project
    while app.top.kinds[app.top.kind] != "bike":
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_PAGEDOWN)  # done
    assert app.top.name == "setup"
    key(app, pygame.K_PAGEDOWN)  # start the game


def test_a_project_team_plays_only_fitting_cards_and_writes_its_transfer_answers():
    app = new_app(paths.CORE_DECK)
    set_up_project(app)
    game = app.game
    assert game.saved.setup.scenarios[0] == scenario_of_kind(game.deck, "bike")
    written = notes(game.extra, 2)
    assert written.project(0).name == "Atelier vélo <i>solidaire</i>" and written.project(1) is None
    transfers = []
    for _ in range(600):
        top = app.top.name
        if top == "debrief":
            break
        if top == "transfer":
            assert app.top.view.team == 0  # only the team with a project
            stage = app.top.stage_id
            assert app.game.timer.length > 0 and app.game._timer_key is not None  # the timer is set as for a card
            key(app, pygame.K_RETURN)  # type into the answer
            type_text(app, f"{stage}: {MARKUP}")
            key(app, pygame.K_BACKSPACE)  # a typo, corrected: not an undo
            assert app.top.name == "transfer"
            key(app, pygame.K_RETURN)  # leave the field: the tool is next
            key(app, pygame.K_RIGHT)  # the first tool of the team's toolbox (if it has one)
            key(app, pygame.K_PAGEDOWN)
            transfers.append(stage)
        elif top == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)
        else:
            key(app, pygame.K_RETURN)
    assert app.top.name == "debrief"
    deck = app.game.deck
    assert transfers == list(deck.rules.stage_ids)  # one per stage, the last one before the exchange
    # Only cards that fit a bike workshop (or every project) were drawn by its team.
    drawn = [e.card for _i, e in app.game.match.events() if isinstance(e, ev.Drew) and e.team == 0]
    assert drawn and all(deck.cards[c].fits_project("bike") for c in drawn)
    saved = saves.load(app.game.autosave_path)
    answers = notes(saved.extra, 2)
    for stage in deck.rules.stage_ids:
        answer = answers.transfer(0, stage)
        assert answer is not None and answer.answer == f"{stage}: {MARKUP}"[:-1]
    first = passports(saved, deck, "en")[0]
    assert first.project == "Atelier vélo <i>solidaire</i>"
    assert [s.answer for s in first.stages] == [f"{s}: {MARKUP}"[:-1] for s in deck.rules.stage_ids]


def test_a_facilitator_in_a_hurry_turns_the_transfer_step_off():
    app = new_app(paths.CORE_DECK)
    key(app, pygame.K_RETURN)
    while app.top.name != "project":
        click(app, "scenario0")
    type_text(app, "Repair café")
    click(app, "game_transfer")  # the whole game: off
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    assert app.game.extra["transfer_step"] is False
    for _ in range(600):
        assert app.top.name != "transfer"
        if app.top.name in ("debrief", "exchange"):
            break
        if app.top.name == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)
        else:
            key(app, pygame.K_RETURN)


def test_a_whole_game_with_transfer_answers_from_a_phone_ends_with_a_passport_per_team(tmp_path):
    """The phone's text field, end to end: the laptop shows the transfer step, the team's phone sends its
    answer over the network, the screen shows it, and the passports carry it."""
    import json
    import threading
    import urllib.request

    from booster.tools.cli import main

    app = new_app(paths.CORE_DECK)
    app.set_phones(True)  # as the set-up screen's "answers from phones"
    set_up_project(app)
    base, code = app.phones.url.rstrip("/"), app.phones.code

    def post(path: str, body: dict, token: str = "") -> dict:
        request = urllib.request.Request(base + path, json.dumps(body).encode(), method="POST")
        if token:
            request.add_header("X-Token", token)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    token = post("/api/join", {"code": code, "team": 0})["token"]
    sent = []
    for _ in range(600):
        if app.top.name == "debrief":
            break
        if app.top.name == "transfer":
            text = f"{app.top.stage_id} 📱 {MARKUP}"
            body = {"team": 0, "stage": app.top.stage_id, "text": text}
            reply: list[dict] = []
            phone = threading.Thread(target=lambda b=body, r=reply: r.append(post("/api/transfer", b, token)))
            phone.start()
            while phone.is_alive():  # the game's loop drains the phone's answer meanwhile
                app.process([])
            assert reply and reply[0]["written"] == text
            app.process([])
            app.render()
            assert app.top.answer == text  # on the screen, as the phone sent it
            key(app, pygame.K_PAGEDOWN)
            sent.append(text)
        elif app.top.name == "card":
            key(app, pygame.K_1)
            key(app, pygame.K_1)
        else:
            key(app, pygame.K_RETURN)
    assert app.top.name == "debrief" and len(sent) == len(app.game.deck.rules.stages)
    out = tmp_path / "passports"
    assert main(["report", str(app.game.autosave_path), "--passport", "-o", str(out)]) == 0
    assert len(list(out.glob("*.pdf"))) == 2
    first = json.loads(sorted(out.glob("passport-1-*.json"))[0].read_text(encoding="utf-8"))
    assert [s["answer"] for s in first["stages"]] == sent
