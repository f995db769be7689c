# SPDX-License-Identifier: MIT
"""A seeded demo game brought to any scene: for screenshots, layout tests and benchmarks."""

from __future__ import annotations

from pathlib import Path

import pygame

from booster.engine.game import Action, ActionKind
from booster.engine.model import CardKind
from booster.table.views import (
    BoardView,
    ChallengeView,
    DebriefView,
    EffectView,
    ExchangedView,
    ExchangeView,
    RevealView,
    RoundView,
    StageView,
    ToolsView,
    ToolView,
    View,
)
from booster.ui.app import App, Options
from booster.ui.theme import default_tokens

GAME_SCENES = ("stage", "board", "card", "tool", "effect", "exchange", "exchanged", "debrief", "debrief-card")
# All at once, six teams: the open round (four have answered), its reveal, a tool space, and a round whose
# teams answer different cards (the core deck always has a card for every project: there, follow-ups).
ROOM_SCENES = ("round", "reveal", "tools", "round-split")
SCENES = ("start", "setup", *GAME_SCENES, *ROOM_SCENES, "help", "menu", "confirm", "phones", "error")
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
    "it": (
        "Tetti verdi",
        "Caffè riparazioni",
        "Spesa vicina",
        "Bici solidale",
        "Biblioteca dei semi",
        "Bus notturno",
        "Attrezzoteca",
        "Cerchio di mutuo aiuto",
    ),
}


def make_app(deck: str | Path, lang: str, size: tuple[int, int], seed: int = 7) -> App:
    """An app drawing into a plain Surface (no window needed)."""
    if not pygame.font.get_init():
        pygame.font.init()
    return App(Options(deck=str(deck), lang=lang, seed=seed), pygame.Surface(size))


def start_demo(app: App, teams: int = 4, mode: str | None = None, scenarios: bool = True) -> None:
    names = list(TEAM_NAMES.get(app.lang, TEAM_NAMES["en"])[:teams])
    deck = app.deck
    assert deck is not None
    teams = max(deck.rules.min_teams, min(deck.rules.max_teams, teams))
    scen = [c.id for c in deck.of_kind(CardKind.SCENARIO)] if scenarios else []
    chosen = [scen[i % len(scen)] if scen and i % 2 == 0 else None for i in range(teams)]
    tokens = [list(t) for t in default_tokens(deck.rules.pillars, teams)]
    app.start_game(names[:teams], chosen, tokens, deck.rules.timer_seconds, mode)


def step(app: App, prefer_tool: bool = False) -> None:
    """One sensible move from wherever the game is."""
    g, deck = app.game, app.deck
    assert g is not None and deck is not None
    v = g.view()
    if isinstance(v, StageView | ToolView | EffectView | ExchangedView | ToolsView | RevealView):
        g.dismiss()
    elif isinstance(v, RoundView):
        for seat in g.waiting():  # each team a different response, so that the reveal shows a spread
            options = g.offered(seat)
            g.answer(seat, options[(seat + g.state.stage) % len(options)].id)
        g.close_round()
    elif isinstance(v, BoardView):
        g.advance()
    elif isinstance(v, ChallengeView):
        options = g.rules.offered_options(g.state)
        tools = [
            t for t in g.helpful_tools() if (use := g.rules.book.tool_use(v.card, t)) is not None and use.on_choice
        ]
        i = (g.state.step // 2) % len(options)
        # Favour the best response so that the demo reaches the exchange with points to show.
        best = max(range(len(options)), key=lambda j: sum(options[j].effect))
        i = best if g.state.step % 3 else i
        g.decide(Action(ActionKind.CHOOSE, options[i].id, tools[0] if tools and prefer_tool else None))
    elif isinstance(v, ExchangeView):
        g.exchange()
    app.sync_game()


VIEW_OF_SCENE = {
    "stage": StageView,
    "board": BoardView,
    "card": ChallengeView,
    "tool": ToolView,
    "effect": EffectView,
    "exchange": ExchangeView,
    "exchanged": ExchangedView,
    "debrief": DebriefView,
    "round": RoundView,
    "reveal": RevealView,
    "tools": ToolsView,
}


def goto(app: App, scene: str) -> None:
    """Bring the app to `scene` (one of SCENES)."""
    from booster.ui.scenes.card import ChallengeScene
    from booster.ui.scenes.debrief import DebriefScene
    from booster.ui.scenes.error import ErrorScene
    from booster.ui.scenes.exchange import ExchangedScene
    from booster.ui.scenes.overlays import ConfirmQuit
    from booster.ui.scenes.rounds import RoundScene

    if scene == "start" or app.deck is None:
        return
    if scene == "setup":
        app.open_setup()
        return
    if scene == "error":
        app.set_scene(ErrorScene(app, demo_problems()))
        return
    if scene in ROOM_SCENES:
        start_demo(app, 6, "all-at-once", scenarios=scene == "round-split")
    else:
        start_demo(app, 4)
    target = {
        "debrief-card": "debrief",
        "help": "board",
        "menu": "board",
        "confirm": "card",
        "phones": "board",
        "round-split": "round",
    }.get(scene, scene)
    wanted = VIEW_OF_SCENE[target]
    g = app.game
    assert g is not None
    for _ in range(2000):
        v = g.view()
        if isinstance(v, wanted) and _good(app, scene, v):
            break
        if isinstance(v, DebriefView):
            break
        step(app, prefer_tool=scene in ("effect",))
    top = app.top
    if scene == "card" and isinstance(top, ChallengeScene):
        top.focus, top.armed = 1, True
        g.timer.toggle()
        g.timer.started_at = (g.timer.started_at or 0) - 47  # show a clock that has run for a while
    if scene == "round" and isinstance(top, RoundScene):
        for seat in g.waiting()[:4]:  # four of six have answered; the facilitator has a team's row picked
            g.answer(seat, g.offered(seat)[seat % len(g.offered(seat))].id)
        app.sync_game()
        top.picked = g.waiting()[0]
        g.timer.toggle()
        g.timer.started_at = (g.timer.started_at or 0) - 47
    if scene == "exchanged" and isinstance(top, ExchangedScene):
        top.skip = True
    if scene == "debrief-card" and isinstance(top, DebriefScene):
        top.page = 1
    if scene == "help":
        app.open_help()
    elif scene == "menu":
        app.open_menu()
    elif scene == "confirm":
        app.push(ConfirmQuit(app))
    elif scene == "phones":  # the join panel of `booster play --phones`, for an address of a typical room
        from booster.phones.service import Phones

        app.phones = Phones("192.168.1.23", 8737, code="4821")  # not started: nothing is served
        app.toggle_phones()


def _good(app: App, scene: str, v: View) -> bool:
    g, deck = app.game, app.deck
    assert g is not None and deck is not None
    if scene == "card":
        return bool(g.helpful_tools()) or g.state.stage >= 2
    if scene == "effect":
        return (isinstance(v, EffectView) and v.tool is not None) or g.state.stage >= 3
    if scene == "board":
        return g.state.stage >= 1 or g.state.step >= 4
    if scene == "stage":
        return (isinstance(v, StageView) and v.stage >= 1) or len(deck.rules.stages) == 1
    if scene == "exchanged":
        return isinstance(v, ExchangedView) and bool(v.cards)
    if scene == "round-split":
        return isinstance(v, RoundView) and v.split
    if scene in ("round", "reveal"):  # a later stage: the teams hold tools and marks
        return g.state.stage >= 1
    if scene == "tools":
        return isinstance(v, ToolsView) and g.state.stage >= 1
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
