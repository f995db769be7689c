# SPDX-License-Identifier: MIT
"""Every scene, both languages, three sizes: no text leaves its box or the screen, and body text is large."""

from __future__ import annotations

import pytest
from ui_drive import DEMO, MINI

from booster import paths
from booster.deck.loader import load_deck
from booster.tools.demo import SCENES, goto, make_app

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


@pytest.fixture(autouse=True)
def no_fsync(monkeypatch):
    monkeypatch.setattr("os.fsync", lambda fd: None)


def may_be_cut(app, text: str) -> bool:
    """Texts the screen may cut with "…" because they are shown whole elsewhere: a team's name (set-up),
    a stage's name in its narrow panel (whole when it is the current stage), a scenario's title under a
    team, a team's list of tools on the debrief (the report lists them whole), a team's marks on the board
    (the effect screen names them whole), and a team's answer or tool in the grids of a round's reveal and
    of a tool space played all at once (the team's number shows it whole). The decision an experience card
    answers must show whole in the exchange's grid of the demo's cards."""
    deck, game = app.deck, app.game
    names = {t.name for t in game.state.teams} if game is not None else set()
    stages = {f"{i + 1}. {app.deck_text('stages', s.id, 'name') or s.id}" for i, s in enumerate(deck.rules.stages)}
    scenarios = {app.deck_text("cards", c.id, "title") for c in deck.of_kind("scenario")}
    marks = {app.deck_text("marks", m) or m for t in game.state.teams for m in t.marks} if game is not None else set()
    grid = app.top.name in ("reveal", "tools")
    return grid or text in names | stages | scenarios | marks or " · " in text


def check(app, whole: bool = True) -> list[str]:
    """Every text inside its box and the screen, at the type scale's size or larger, and whole (or one
    that may be cut)."""
    app.text.records = []
    app.render()
    screen = app.surface.get_rect()
    floor = app.painter.floor_px()
    bad = []
    for d in app.text.records:
        where = f"{app.top.name}: '{d.text[:40]}'"
        if not d.box.inflate(2, 2).contains(d.rect):
            bad.append(f"{where} {d.rect} leaves its box {d.box}")
        if not screen.contains(d.rect):
            bad.append(f"{where} {d.rect} leaves the screen {screen}")
        if d.px < floor and d.text != "?":  # the board's question-mark icon is a drawing, not text
            bad.append(f"{where} is drawn at {d.px} px, below the type scale's {floor} px")
        if whole and d.cut and not may_be_cut(app, d.text):
            bad.append(f"{where} is cut")
    app.text.records = None
    return bad


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_text_overflows(lang, size):
    bad = []
    for scene in SCENES:
        app = make_app(DEMO, lang, size)
        goto(app, scene)
        bad += check(app)
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("scale", [-3, 4])
def test_text_size_keys_keep_the_layout(scale):
    """+ and - scale every text; shrink-to-fit keeps it inside its boxes."""
    bad = []
    for scene in SCENES:
        app = make_app(DEMO, "fr", (1280, 720))
        goto(app, scene)
        for _ in range(abs(scale)):
            app.change_text_scale(1 if scale > 0 else -1)
        app.toast_text = ""
        bad += check(app, whole=scale < 0)  # larger text than the layout was made for may be cut
    assert not bad, "\n".join(bad[:20])


def test_mini_deck_and_odd_aspect_ratios():
    bad = []
    for size in ((1000, 1000), (2560, 1080), (800, 1280)):
        for scene in SCENES:
            app = make_app(MINI, "fr", size)
            goto(app, scene)
            bad += check(app)
    assert not bad, "\n".join(bad[:20])


def test_card_text_is_large_at_1080p():
    """The challenge's situation and responses stay near body size (42 px) on the long demo card."""
    app = make_app(DEMO, "en", (1920, 1080))
    goto(app, "card")
    app.text.records = []
    app.render()
    deck, card = app.deck, app.top.card_id
    wanted = {deck.text("en", "cards", card, "text"), *deck.texts_of("en", "cards", card, "options").values()}
    assert wanted <= {t for _r, _b, t, _px, _cut in app.text.records}
    sizes = [app.text.fits[k][0] for k in app.text.fits if k[0] in wanted]
    assert min(sizes) >= 36, sizes


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_core_deck_fits(lang, size):
    bad = []
    for scene in SCENES:
        app = make_app(paths.CORE_DECK, lang, size)
        goto(app, scene)
        bad += check(app)
    assert not bad, "\n".join(bad[:20])


def test_every_core_card_fits_its_box():
    """Each card of the core deck, drawn as the game draws it, in each language: nothing overflows."""
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None, "the core deck must load"
    app = make_app(DEMO, "en", (1280, 720))
    from booster.ui.carddraw import card_size, draw_card

    bad = []
    for lang in deck.languages:
        app.lang = lang
        for cid, card in deck.cards.items():
            app.text.records = []
            draw_card(app.painter, deck, lang, cid, (40, 112, *card_size(card.kind)), app.t)
            for d in app.text.records:
                if not d.box.inflate(2, 2).contains(d.rect):
                    bad.append(f"{lang} {cid}: '{d.text[:40]}' leaves its box")
                if d.cut:
                    bad.append(f"{lang} {cid}: '{d.text[:40]}' is cut")
                if d.px < app.painter.floor_px():
                    bad.append(f"{lang} {cid}: '{d.text[:40]}' is drawn at {d.px} px")
    assert not bad, "\n".join(bad[:20])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_happened_next_shows_whole_even_beside_a_tool_and_a_mark(lang):
    """The effect screen's consequence is the lesson of the card: the longest ones of the core deck, after
    a response that moved three pillars, with a tool played and a mark left, are never cut."""
    from booster.table.views import EffectView
    from booster.ui.scenes.card import EffectScene

    deck = load_deck(paths.CORE_DECK).deck
    consequences = [
        (len(deck.text(lang, "cards", c.id, "consequences", o.id, default="")), c.id, o.id)
        for c in deck.cards.values()
        if c.kind in ("challenge", "follow-up")
        for o in c.options
    ]
    tool = max((c for c in deck.of_kind("tool")), key=lambda c: len(deck.text(lang, "cards", c.id, "title")))
    mark = max(deck.texts[lang]["marks"], key=lambda m: len(deck.texts[lang]["marks"][m]))
    bad = []
    for size in SIZES:
        app = make_app(paths.CORE_DECK, lang, size)
        goto(app, "effect")
        for _, card, option in sorted(consequences, reverse=True)[:5]:
            view = EffectView(card, 0, option, tool.id, (2, -1, 1), marks=(mark,))
            app.set_scene(EffectScene(app, view))
            text = app.deck_text("cards", card, "consequences", option)
            app.text.records = []
            app.render()
            drawn = [d for d in app.text.records if d.text == text]
            app.text.records = None
            if [d.cut for d in drawn] != [False]:
                bad.append(f"{size}: {card}.{option}: {'cut' if drawn else 'not shown'}")
    assert not bad, "\n".join(bad)
