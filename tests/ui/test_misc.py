# SPDX-License-Identifier: MIT
"""Shortcuts, translator preview, deck watching, error screens, the CLI entry points."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import pygame
from ui_drive import DEMO, MINI, click, key, new_app, type_text

from booster import paths
from booster.text.i18n import lookup, table
from booster.tools.demo import goto, make_app
from booster.ui import theme
from booster.ui.i18n import Strings


def test_shortcuts_help_size_timer_blackout():
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "card")
    app.game.timer.reset(60)
    key(app, pygame.K_h)
    assert app.top.name == "help"
    key(app, pygame.K_PAGEDOWN)  # any key closes the help, and does nothing else
    assert app.top.name == "card" and app.game.state.pending
    key(app, 0, unicode="?")
    assert app.top.name == "help"
    key(app, pygame.K_h)
    assert app.top.name == "card"
    key(app, pygame.K_PLUS)
    assert app.text_scale > 1
    key(app, pygame.K_MINUS)
    key(app, pygame.K_MINUS)
    assert app.text_scale < 1
    key(app, pygame.K_t)
    assert app.game.timer.running
    assert 0 < app.wait_ms() <= 1001  # the loop wakes only to redraw the clock
    key(app, pygame.K_t)
    assert not app.game.timer.running
    key(app, pygame.K_b)
    assert app.blackout
    app.render()
    assert app.surface.get_at((10, 10))[:3] == (0, 0, 0)
    key(app, pygame.K_PERIOD)
    assert not app.blackout
    key(app, pygame.K_F11)  # headless: a calm message, no crash
    key(app, pygame.K_f)
    assert app.toast_text


def test_game_keys_wait_under_an_overlay_and_p_is_the_phones_only_when_they_are_on():
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "card")
    app.game.timer.reset(60)
    version = app.game.version
    key(app, pygame.K_p)  # no phones: nothing opens
    assert app.top.name == "card"
    key(app, pygame.K_ESCAPE)
    assert app.top.name == "menu"
    for k in (pygame.K_t, pygame.K_e, pygame.K_BACKSPACE):
        key(app, k)
    assert app.top.name == "menu" and not app.game.timer.running and app.game.timer.remaining() == 60
    assert app.game.version == version  # nothing undone behind the menu
    key(app, pygame.K_PLUS)  # the window's own keys still work over it
    assert app.text_scale > 1
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_e)  # one more minute, the timer not running
    assert app.top.name == "card" and app.game.timer.remaining() == 120
    app.set_phones(True)
    app.process()  # the join panel shows once for the game on screen
    key(app, pygame.K_p)
    assert app.top.name == "card"
    key(app, pygame.K_p)
    assert app.top.name == "phones"


def test_idle_means_no_timeout():
    app = new_app(MINI)
    app.toast_text = ""
    assert app.wait_ms() == 0  # sleep until an event comes


def test_timer_ends_calmly():
    now = [0.0]
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "card")
    app.game.timer.clock = lambda: now[0]
    app.game.timer.reset(30)
    key(app, pygame.K_t)
    now[0] = 31
    assert app.game.timer.done and not app.game.timer.running
    app.render()
    key(app, pygame.K_t)  # starts again from the top
    assert app.game.timer.running and app.game.timer.remaining() == 30


def test_text_field_keeps_letters_from_shortcuts():
    app = new_app(MINI)
    key(app, pygame.K_RETURN)
    click(app, "name0")
    for ch in "hbf.t?+-":
        key(app, ord(ch), unicode=ch)
        type_text(app, ch)
    assert app.top.names[0] == "hbf.t?+-"
    assert not app.blackout and app.text_scale == 1.0 and app.top.name == "setup"


def test_translator_marks_fallbacks(monkeypatch):
    monkeypatch.setenv("BOOSTER_MARK_MISSING", "1")
    t, en = Strings("it"), Strings("en")
    # A key the Italian interface does not translate yet (its translators keep adding them).
    en_table, it_table = table("en"), table("it")
    missing = next(
        k for k in _keys(en_table) if "{" not in (lookup(en_table, k) or "{") and lookup(it_table, k) is None
    )
    assert t(missing) == f"[[{en(missing)}]]"
    assert en("menu.resume") == "Resume"
    app = make_app(MINI, "fr", (1280, 720))
    assert app.t.mark_missing
    assert app.deck_text("cards", "garden", "title") == "Un jardin"
    assert app.deck_text("cards", "map", "title") == "[[Map]]"
    goto(app, "card")
    app.render()


def _keys(tab: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Every string's dotted key in an interface table, in file order."""
    found: list[str] = []
    for name, value in tab.items():
        found += _keys(value, f"{prefix}{name}.") if isinstance(value, Mapping) else [prefix + name]
    return found


def test_ui_files_have_the_same_keys():
    from booster.deck import schemas
    from booster.deck.yaml_safe import read_file
    from booster.ui.i18n import I18N_DIR, _table

    for lang in ("en", "fr"):
        path = I18N_DIR / f"ui.{lang}.yaml"
        doc, problems = read_file(path)
        assert not problems and not list(schemas.validate("text", doc.value))
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "# yaml-language-server: $schema=../../schemas/text.schema.json"  # booster/schemas
        # REUSE-IgnoreStart (a licence line in a string, not this file's)
        assert lines[1] == "# SPDX-License-Identifier: MIT"
        # REUSE-IgnoreEnd

    en, fr = set(_keys(_table("en"))), set(_keys(_table("fr")))
    assert len(en) > 100 and en == fr


def test_watch_reloads_the_deck(tmp_path):
    deck = shutil.copytree(MINI, tmp_path / "mini")
    from booster.ui.app import App, Options

    app = App(Options(deck=str(deck), lang="en", watch=True, seed=1), pygame.Surface((1280, 720)))
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_PAGEDOWN)
    log = app.game.match.log
    text = (deck / "text.en.yaml").read_text(encoding="utf-8")
    (deck / "text.en.yaml").write_text(text.replace("title: A garden", "title: A green garden"), encoding="utf-8")
    app.reload_deck()
    assert app.deck.text("en", "cards", "garden", "title") == "A green garden"
    assert app.game.match.log == log
    (deck / "rules.yaml").write_text("pillars: [oops\n", encoding="utf-8")
    app.reload_deck()
    assert app.watch_problems and ":" in app.watch_problems[0]
    app.render()  # shown as an overlay, the game goes on
    assert app.game.match.log == log
    (deck / "rules.yaml").write_text((MINI / "rules.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    app.last_poll = -1
    app.tick()  # the watcher notices the change by itself
    assert not app.watch_problems


def test_invalid_deck_shows_problems(tmp_path):
    deck = shutil.copytree(MINI, tmp_path / "bad")
    (deck / "rules.yaml").write_text("pillars: {ecology: {colour: no}}\n", encoding="utf-8")
    app = new_app(deck)
    assert app.top.name == "error"
    assert all(p.count(":") >= 3 for p in app.problems)
    app.render()
    key(app, pygame.K_PAGEDOWN)  # "choose another deck": the core deck when there is one
    app.render()


def test_no_display_is_a_sentence():
    code = (
        "import sys, argparse; from booster.ui.play import run; sys.exit(run(argparse.Namespace(deck=None, "
        "lang=None, size=None, fullscreen=False, watch=False, seed=None)))"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "no-such-driver"}
    r = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, cwd=paths.PACKAGE.parent
    )
    assert r.returncode == 1
    assert "No display" in r.stderr and "Traceback" not in r.stderr


def test_screenshot_and_preview_commands(tmp_path, capsys):
    from booster.tools import preview, screenshot

    parser = argparse.ArgumentParser()
    screenshot.configure(parser)
    assert screenshot.main(parser.parse_args(["--list"])) == 0
    assert "debrief" in capsys.readouterr().out
    out = tmp_path / "shot.png"
    args = parser.parse_args(["--scene", "exchanged", "--deck", str(DEMO), "--size", "640x360", "-o", str(out)])
    assert screenshot.main(args) == 0
    assert pygame.image.load(str(out)).get_size() == (640, 360)
    parser = argparse.ArgumentParser()
    preview.configure(parser)
    args = parser.parse_args([str(MINI), "--lang", "fr", "-o", str(tmp_path / "cards")])
    assert preview.main(args) == 0
    assert len(list((tmp_path / "cards").glob("*.fr.png"))) == 8


def test_export_report_from_the_debrief():
    from booster.table import saves

    app = make_app(MINI, "en", (1280, 720))
    goto(app, "debrief")
    click(app, "export")
    reports = list((saves.data_dir() / "reports").glob("report-*.pdf"))
    assert len(reports) == 1 and reports[0].read_bytes().startswith(b"%PDF")
    assert app.toast_text == app.t("toast.report", path=str(reports[0]))


def test_a_failing_report_writer_is_a_sentence(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("booster.paper.export.write_report", broken)
    app = make_app(MINI, "en", (1280, 720))
    goto(app, "debrief")
    click(app, "export")
    assert "disk on fire" in app.toast_text and app.top.name == "debrief"


def post_keys(*keys: int) -> None:
    for k in keys:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))


def test_real_loop_runs_and_quits_only_when_confirmed():
    from booster.ui.app import App, Options

    surface = pygame.display.set_mode((640, 360))
    app = App(Options(deck=str(MINI), lang="en", seed=1), surface)
    app.window = True
    pygame.event.clear()
    post_keys(pygame.K_PAGEDOWN, pygame.K_PAGEDOWN)  # start, then set-up: the game begins
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    post_keys(pygame.K_RIGHT, pygame.K_RETURN)  # "Quit" in the confirmation
    app.loop()
    assert not app.running and app.game is not None


def test_real_loop_survives_a_bug(monkeypatch, capsys):
    from booster.ui.app import App, Options
    from booster.ui.scenes.board import BoardScene

    surface = pygame.display.set_mode((640, 360))
    app = App(Options(deck=str(MINI), lang="en", seed=1), surface)
    app.window = True
    calls = []

    def broken(self, event):
        calls.append(1)
        raise RuntimeError("a bug")

    monkeypatch.setattr(BoardScene, "key", broken)
    pygame.event.clear()
    post_keys(pygame.K_PAGEDOWN, pygame.K_PAGEDOWN, pygame.K_PAGEDOWN, pygame.K_PAGEDOWN)  # board: the bug
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    post_keys(pygame.K_RIGHT, pygame.K_RETURN)
    app.loop()
    assert calls and "a bug" in capsys.readouterr().err
    assert not app.running


def test_every_string_the_code_asks_for_exists():
    import re

    from booster import paths
    from booster.ui.i18n import Strings

    en = Strings("en")
    used = set()
    for path in paths.PACKAGE.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*"([a-z_]+(?:\.[a-z_]+)+)\"""", path.read_text(encoding="utf-8")))
    assert len(used) > 50
    missing = sorted(k for k in used if not en.has(k))
    assert not missing
    for kind in ("challenge", "tool", "experience", "scenario", "credits"):
        assert en.has(f"card.{kind}")
    for name, _colour in theme.TEAM_COLOURS:
        assert en.has(f"colours.{name}")
    for shape in theme.TEAM_SHAPES:
        assert en.has(f"shapes.{shape}")


def test_watch_keeps_the_old_deck_when_the_game_no_longer_fits(tmp_path):
    deck = shutil.copytree(MINI, tmp_path / "mini")
    from booster.ui.app import App, Options

    app = App(Options(deck=str(deck), lang="en", watch=True, seed=1), pygame.Surface((1280, 720)))
    for _ in range(4):
        key(app, pygame.K_PAGEDOWN)
    key(app, pygame.K_1)
    key(app, pygame.K_1)  # a choice of the first challenge is in the log
    old = app.deck
    cards = (deck / "cards.yaml").read_text(encoding="utf-8")
    (deck / "cards.yaml").write_text(cards.replace("grow:", "plant:"), encoding="utf-8")
    text = (deck / "text.en.yaml").read_text(encoding="utf-8").replace("grow:", "plant:")
    (deck / "text.en.yaml").write_text(text, encoding="utf-8")
    (deck / "text.fr.yaml").write_text(
        (deck / "text.fr.yaml").read_text(encoding="utf-8").replace("grow:", "plant:"), encoding="utf-8"
    )
    app.reload_deck()
    assert app.game.match.log[1].option == "grow"  # the log names an option the new deck lacks
    assert app.deck is old and app.watch_problems and "grow" in app.watch_problems[0]
    app.render()


def test_no_screen_gives_a_sentence_not_an_invisible_game():
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, "-m", "booster"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "No display is available" in out.stderr and "booster play --text" in out.stderr
    assert "Traceback" not in out.stderr


def test_setup_warns_when_two_teams_look_alike():
    from booster.tools.demo import make_app

    app = make_app(MINI, "en", (1280, 720))
    app.open_setup()
    scene = app.scenes[-1]
    app.render()
    assert scene.clash() == ""
    scene.tokens[1] = list(scene.tokens[0])
    assert scene.clash() == "Teams 1 and 2 have the same token: change a colour or a shape"
    scene.tokens[1][1] = "star" if scene.tokens[0][1] != "star" else "circle"
    scene.names[0], scene.names[1] = "Bike Hub", "bike hub "
    assert scene.clash() == "Teams 1 and 2 have the same name"
    app.render()  # the warning fits its box at every size (checked for every scene by test_layout)


def test_screenshot_and_preview_outputs_that_cannot_be_written(tmp_path, capsys):
    from booster.tools import preview, screenshot

    parser = argparse.ArgumentParser()
    screenshot.configure(parser)
    missing = tmp_path / "nowhere" / "shot.png"
    assert screenshot.main(parser.parse_args(["--deck", str(DEMO), "--size", "320x180", "-o", str(missing)])) == 1
    assert "does not exist" in capsys.readouterr().err and not missing.parent.exists()
    os.mkfifo(tmp_path / "pipe.png")
    assert (
        screenshot.main(parser.parse_args(["--deck", str(DEMO), "--size", "320x180", "-o", str(tmp_path / "pipe.png")]))
        == 1
    )
    assert "not a regular file" in capsys.readouterr().err
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert (
            screenshot.main(parser.parse_args(["--deck", str(DEMO), "--size", "320x180", "-o", str(locked / "s.png")]))
            == 1
        )
        assert "Cannot write" in capsys.readouterr().err

    parser = argparse.ArgumentParser()
    preview.configure(parser)
    a_file = tmp_path / "cards.txt"
    a_file.write_text("mine")
    assert preview.main(parser.parse_args([str(MINI), "-o", str(a_file)])) == 2
    assert "is a file" in capsys.readouterr().err and a_file.read_text() == "mine"


def test_hand_edited_settings_fall_back_to_the_defaults(tmp_path):
    from booster.ui.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    for text in ("[" * 100_000, '{"text_scale": NaN}', '{"text_scale": 1e999, "fullscreen": "yes"}'):
        path.write_text(text, encoding="utf-8")
        assert load_settings(path) == Settings()
