# SPDX-License-Identifier: MIT
"""Limits that fit the card, not the French (issue 13 §4): a translation is judged by whether its texts fit
the printed card and the projected one at the smallest legible size, reported by how much it overflows, and
previewed marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import attrs
import pygame
import pytest

from booster import paths
from booster.deck.loader import load_deck
from booster.tools import fit
from booster.tools.cli import main
from booster.tools.translation import core


def _longer(text: str, share: float) -> str:
    """A pseudo-translation `share` longer than the text (German is about 30 to 40 % longer than French)."""
    extra = max(1, round(len(text) * share))
    return (text + " " + "äöü " * extra)[: len(text) + extra]


@pytest.fixture(scope="module")
def long_deck(tmp_path_factory) -> Path:
    """The core deck with a German-length pseudo-translation: every French text 40 % longer."""
    d = Path(shutil.copytree(paths.CORE_DECK, tmp_path_factory.mktemp("fit") / "core"))
    ts = core.deck_textset(d)

    def longer(node):
        return {k: _longer(v, 0.4) if isinstance(v, str) else longer(v) for k, v in node.items()}

    (d / "text.de.yaml").write_text(core.render(ts.source, longer(ts.source), "fr", []), encoding="utf-8")
    return d


def test_a_longer_translation_loads_and_only_what_does_not_fit_is_reported(long_deck: Path, capsys) -> None:
    result = load_deck(long_deck)
    assert result.deck is not None and "de" in result.deck.texts and not result.refused
    deck = result.deck
    # On screen, most cards still fit at a legible size; those that do not say by how much. On paper, a card
    # that does not fit its face continues on its back: at 40 % longer, every card prints.
    found = fit.screen(deck, "de", fit.candidates(deck, "de"))
    assert 0 < len(found) < len(deck.cards) / 3
    assert all(o.lines >= 1 and o.chars >= o.lines * 20 for o in found)
    assert fit.printed(deck, "de", fit.candidates(deck, "de")) == []
    # The cards left out of the measure are those no longer than their source: none of them overflows.
    assert {o.card for o in fit.overflows(deck, "de")} == {
        o.card for o in fit.overflows(deck, "de", fit.candidates(deck, "de"))
    }
    assert main(["deck", "check", str(long_deck)]) == 1
    out = capsys.readouterr().out
    projected = fit.screen(deck, "de", fit.candidates(deck, "de"))[0]
    assert (
        f"cards.{projected.card}: the de texts do not fit the projected card even at the smallest legible size" in out
    )
    assert f"overflow by about {projected.lines} line" in out and "text.de.yaml:" in out
    assert f"booster deck preview {long_deck} --lang de --card {projected.card} shows it" in out


def test_a_text_too_long_even_for_both_sides_of_the_printed_card_is_reported(long_deck: Path) -> None:
    deck = load_deck(long_deck).deck
    assert deck is not None
    de = deck.texts["de"]["cards"]
    cid = "personas"
    huge = attrs.evolve(
        deck, texts={**deck.texts, "de": {**deck.texts["de"], "cards": {**de, cid: {**de[cid], "text": "Wort " * 600}}}}
    )
    [o] = fit.printed(huge, "de", [cid])
    assert o.card == cid and o.lines >= 10
    sentence = o.sentence("de", "DECK")
    assert "do not fit the printed card, even continued on its back, even at the smallest legible size" in sentence
    assert sentence.endswith("booster deck print DECK --lang de shows it")


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
def test_the_core_deck_fits_its_printed_and_projected_cards(lang: str) -> None:
    """Every card, measured (not only those longer than the source): the source and its translations fit."""
    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    assert fit.overflows(deck, lang) == []


def test_cutting_what_the_screen_measure_says_makes_the_card_fit(long_deck: Path) -> None:
    deck = load_deck(long_deck).deck
    assert deck is not None
    de = deck.texts["de"]["cards"]

    def with_text(cid: str, text: str):
        return attrs.evolve(
            deck, texts={**deck.texts, "de": {**deck.texts["de"], "cards": {**de, cid: {**de[cid], "text": text}}}}
        )

    challenges = [c for c in deck.cards if deck.cards[c].kind == "challenge"]
    checked = thirds = 0
    for cid in challenges[:12]:
        # A situation two and a half times as long as the French (more than the loader lets through).
        longer = with_text(cid, _longer(deck.text("fr", "cards", cid, "text"), 1.5))
        [o] = fit.screen(longer, "de", [cid]) or [None]
        if o is None:
            continue
        text = longer.texts["de"]["cards"][cid]["text"]
        assert fit.screen(with_text(cid, text[: len(text) - o.chars]), "de", [cid]) == [], o
        if o.chars >= 90:  # ... and a third of it is not enough
            assert fit.screen(with_text(cid, text[: len(text) - o.chars // 3]), "de", [cid]) != [], o
            thirds += 1
        checked += 1
    assert checked >= 3 and thirds >= 1


def test_a_stack_of_texts_shrinks_to_the_floor_before_it_leaves_the_card() -> None:
    """A tool card's notes reach the floor first; its description goes on shrinking rather than push the
    last note past the card (the French personas card did so on the projector)."""
    from booster.ui.carddraw import card_size, draw_card
    from booster.ui.frame import Layout
    from booster.ui.i18n import Strings
    from booster.ui.paint import Painter
    from booster.ui.text import TextRenderer

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    pygame.font.init()
    painter = Painter(pygame.Surface(fit.SCREEN), Layout(fit.SCREEN), TextRenderer())
    painter.tr.records = []
    spill = draw_card(painter, deck, "fr", "personas", (0, 0, *card_size("tool")), Strings("fr"))
    assert spill.over == 0
    bottom = card_size("tool")[1]
    assert all(d.rect.bottom <= bottom and d.px >= painter.floor_px() for d in painter.tr.records)


def test_a_translation_far_too_long_is_refused_by_the_loader(tmp_path: Path) -> None:
    d = Path(shutil.copytree(Path(__file__).parent / "decks" / "mini", tmp_path / "mini"))
    path = d / "text.fr.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Un jardin", "title: " + "Jardin " * 20), "utf-8")
    result = load_deck(d)
    assert "fr" in result.refused and "more than twice as long" in result.refused["fr"][0].message


def test_preview_marks_the_overflow_of_the_card_it_draws(long_deck: Path, tmp_path: Path, capsys) -> None:
    from booster.ui.carddraw import card_size

    deck = load_deck(long_deck).deck
    assert deck is not None
    names = fit.candidates(deck, "de")
    over = fit.screen(deck, "de", names)[0].card
    challenges = [c for c in deck.cards if deck.cards[c].kind == "challenge"]
    fits = next(c for c in challenges if not fit.overflows(deck, "de", [c]))
    out = tmp_path / "prev"
    argv = ["deck", "preview", str(long_deck), "--lang", "de", "-o", str(out)]
    assert main([*argv, "--card", over, "--card", fits]) == 0
    err = capsys.readouterr().err
    assert f"cards.{over}: the de texts do not fit the projected card" in err
    marked, plain = pygame.image.load(out / f"{over}.de.png"), pygame.image.load(out / f"{fits}.de.png")
    assert marked.get_height() > card_size(deck.cards[over].kind)[1]  # a strip below the card says by how much
    assert plain.get_size() == card_size("challenge")
    strip = marked.get_at((marked.get_width() // 2, marked.get_height() - 3))
    assert (strip.r, strip.g, strip.b) == (213, 94, 0)


@pytest.mark.parametrize(("lang", "words"), [("fr", "TROP LONG"), ("es", "DEMASIADO LARGO"), ("en", "TOO LONG")])
def test_the_overflow_strip_speaks_the_translators_language(lang: str, words: str) -> None:
    from booster.tools.preview import _mark_overflow
    from booster.ui.i18n import Strings
    from booster.ui.text import TextRenderer

    text = TextRenderer()
    text.records = []
    _mark_overflow(pygame.Surface((630, 880)), text, fit.Overflow("card", 3, 150), Strings(lang))
    [drawn] = [d.text for d in text.records]
    assert drawn.startswith(words) and "3" in drawn and "150" in drawn


def test_a_designers_source_card_that_overflows_is_reported_too(tmp_path: Path, capsys) -> None:
    """The source language is measured as well: a designer who raised a limit in rules.yaml and wrote a
    French card to it is told, at the card's line in text.fr.yaml, that it does not fit."""
    d = Path(shutil.copytree(paths.CORE_DECK, tmp_path / "core"))
    rules = d / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("  text: 320\n", "  text: 700\n"), encoding="utf-8")
    fr = d / "text.fr.yaml"
    lines = fr.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line == "  food-desert:\n")
    assert lines[at + 2].startswith("    text: ")
    words = "Les habitants racontent longuement leurs trajets vers les commerces éloignés du quartier. "
    lines[at + 2] = f'    text: "{(words * 8)[:650].strip()}"\n'
    fr.write_text("".join(lines), encoding="utf-8")
    assert main(["deck", "check", str(d)]) == 1
    out = capsys.readouterr().out
    assert f"text.fr.yaml:{at + 1}:3: cards.food-desert: the Français (fr) texts do not fit the projected card" in out


def test_a_second_check_measures_only_what_changed(long_deck: Path, tmp_path: Path, monkeypatch) -> None:
    """The measures are kept by content: a second run lays out no card; after one edit, only the card edited
    and the cards that name it are laid out again; the problems are the same as a fresh measure's."""
    from booster.tools.fitcache import FitCache

    deck = load_deck(long_deck).deck
    assert deck is not None
    names = fit.candidates(deck, "de")
    fresh = fit.overflows(deck, "de", names)
    assert fresh  # the pseudo-German has cards that do not fit

    measured: list[str] = []
    real_printed, real_screen = fit.printed, fit.screen

    def counting(real):
        def measure(deck, lang, cards=None):
            cards = list(cards if cards is not None else deck.cards)
            measured.extend(cards)
            return real(deck, lang, cards)

        return measure

    monkeypatch.setattr(fit, "printed", counting(real_printed))
    monkeypatch.setattr(fit, "screen", counting(real_screen))
    cache = FitCache(tmp_path)
    assert fit.overflows(deck, "de", names, cache) == fresh
    cache.save()
    assert len(measured) == 2 * len(names)

    measured.clear()
    assert fit.overflows(deck, "de", names, FitCache(tmp_path)) == fresh
    assert measured == []

    # One tool renamed: the tool and the challenges that list it among their helpful tools are measured again.
    tool = next(c for c in deck.cards.values() if c.kind == "tool")
    naming = {c.id for c in deck.cards.values() if tool.id in c.tools}
    texts = {**deck.texts["de"], "cards": {**deck.texts["de"]["cards"], tool.id: {"title": "Ein neuer Name"}}}
    edited = attrs.evolve(deck, texts={**deck.texts, "de": texts})
    fit.overflows(edited, "de", list(deck.cards), FitCache(tmp_path))
    assert tool.id in measured and naming and naming <= set(measured)
    assert len(set(measured)) < len(deck.cards) / 2


def test_a_damaged_cache_is_measured_again(long_deck: Path, tmp_path: Path) -> None:
    from booster.tools.fitcache import FILE, FitCache

    deck = load_deck(long_deck).deck
    assert deck is not None
    names = fit.candidates(deck, "de")
    fresh = fit.overflows(deck, "de", names)
    for damage in (b"\xff\x00{", b'{"version": 1, "entries": {"x": [1, 2]}}', b"[]"):
        (tmp_path / FILE).write_bytes(damage)
        assert fit.overflows(deck, "de", names, FitCache(tmp_path)) == fresh


def test_deck_status_names_the_cards_too_long_as_check_does(long_deck: Path, capsys) -> None:
    deck = load_deck(long_deck).deck
    assert deck is not None
    found = fit.overflows(deck, "de", fit.candidates(deck, "de"))
    main(["deck", "status", str(long_deck), "--lang", "de"])
    out = capsys.readouterr().out
    n = len(found)
    assert f"de: {n} card{'s' if n != 1 else ''} too long for the card:" in out
    assert all(f"cards.{o.card}: the de texts do not fit" in out for o in found)
