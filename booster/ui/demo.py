# SPDX-License-Identifier: MIT
"""A seeded demo game brought to any scene: for screenshots, layout tests and benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

import pygame

from booster.engine.game import Action
from booster.ui.app import App

GAME_SCENES = ("stage", "board", "card", "tool", "effect", "exchange", "exchanged", "debrief", "debrief-card")
SCENES = ("start", "setup", *GAME_SCENES, "help", "menu", "confirm", "error")
TEAM_NAMES = {
    "en": (
        "Green Roofs",
        "Repair Café",
        "Food Link",
        "Bike Hub",
        "Seed Library",
        "Night Bus",
        "Tool Shed",
        "Care Circle",
    ),
    "fr": (
        "Toits verts",
        "Café réparation",
        "Lien alimentaire",
        "Vélo solidaire",
        "Grainothèque",
        "Bus de nuit",
        "Outilthèque",
        "Cercle d’entraide",
    ),
}


def make_app(deck: str | Path, lang: str, size: tuple[int, int], seed: int = 7) -> App:
    """An app drawing into a plain Surface (no window needed)."""
    if not pygame.font.get_init():
        pygame.font.init()
    args = argparse.Namespace(deck=str(deck), lang=lang, size=None, fullscreen=False, watch=False, seed=seed)
    return App(args, pygame.Surface(size))


def start_demo(app: App, teams: int = 4) -> None:
    names = list(TEAM_NAMES.get(app.lang, TEAM_NAMES["en"])[:teams])
    deck = app.deck
    assert deck is not None
    teams = max(deck.rules.min_teams, min(deck.rules.max_teams, teams))
    scen = [c.id for c in deck.of_kind("scenario")]
    scenarios = [scen[i % len(scen)] if scen and i % 2 == 0 else None for i in range(teams)]
    tokens = [
        [i, s]
        for i, s in enumerate(("circle", "square", "triangle", "diamond", "star", "leaf", "coin", "people")[:teams])
    ]
    app.start_game(names[:teams], scenarios, tokens, deck.rules.timer_seconds)


def step(app: App, prefer_tool: bool = False) -> None:
    """One sensible move from wherever the game is."""
    s = app.session
    assert s is not None
    v = s.view()
    if v.kind in ("stage", "tool", "effect", "exchanged"):
        app.dismiss()
    elif v.kind == "board":
        app.advance()
    elif v.kind == "card":
        card = app.deck.cards[v.data["card"]]
        tools = s.game.helpful_tools(s.state)
        i = (s.state.step // 2) % len(card.options)
        # Favour the best response so that the demo reaches the exchange with points to show.
        best = max(range(len(card.options)), key=lambda j: sum(card.options[j].effect))
        i = best if s.state.step % 3 else i
        app.decide(Action("choose", card.options[i].id, tools[0] if tools and prefer_tool else None))
    elif v.kind == "exchange":
        app.exchange()


def goto(app: App, scene: str) -> None:
    """Bring the app to `scene` (one of SCENES)."""
    from booster.ui.scenes.error import ErrorScene
    from booster.ui.scenes.overlays import ConfirmQuit

    if scene == "start" or app.deck is None:
        return
    if scene == "setup":
        app.open_setup()
        return
    if scene == "error":
        app.set_scene(ErrorScene(app, demo_problems()))
        return
    start_demo(app, 4)
    target = {"debrief-card": "debrief", "help": "board", "menu": "board", "confirm": "card"}.get(scene, scene)
    for _ in range(2000):
        v = app.session.view()
        if v.kind == target and _good(app, scene):
            break
        if v.kind == "debrief":
            break
        step(app, prefer_tool=scene in ("effect",))
    top = app.top
    if scene == "card":
        top.focus, top.armed = 1, True
        app.timer.toggle()
        app.timer.started_at = (app.timer.started_at or 0) - 47  # show a clock that has run for a while
    if scene == "exchanged":
        top.skip = True
    if scene == "debrief-card":
        top.page = 1
    if scene == "help":
        app.open_help()
    elif scene == "menu":
        app.open_menu()
    elif scene == "confirm":
        app.push(ConfirmQuit(app))


def _good(app: App, scene: str) -> bool:
    s = app.session
    v = s.view()
    if scene == "card":
        return bool(s.game.helpful_tools(s.state)) or s.state.stage >= 2
    if scene == "effect":
        return bool(v.data.get("tool")) or s.state.stage >= 3
    if scene == "board":
        return s.state.stage >= 1 or s.state.step >= 4
    if scene == "stage":
        return v.data.get("stage", 0) >= 1 or len(app.deck.rules.stages) == 1
    if scene == "exchanged":
        return bool(v.data.get("cards"))
    return True


def demo_problems() -> list[str]:
    """Real problems from the real loader: the core deck with three typical slips of a deck editor."""
    import shutil
    import tempfile

    from booster import paths
    from booster.deck.loader import load_deck

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(shutil.copytree(paths.CORE_DECK, Path(tmp) / "core"))
        for name, old, new in (
            ("rules.yaml", "movement: {mode: step}", "movement: {mode: steps}"),
            ("cards.yaml", "    stage: ideation", "    stgae: ideation"),
            ("text.fr.yaml", "    title: ", "    title: Yes\n    titel: "),
        ):
            path = folder / name
            path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        problems = load_deck(folder).problems
        return [str(p).replace(str(folder), "cards/core") for p in problems]
