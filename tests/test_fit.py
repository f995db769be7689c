# SPDX-License-Identifier: MIT
"""Limits that fit the card, not the French (issue 13 §4): a translation is judged by whether its texts fit
the printed card at the smallest legible size, reported by how much it overflows, and previewed marked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from booster import paths
from booster.cli import main
from booster.deck.loader import load_deck
from booster.printing import fit
from booster.translation import core


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
    found = fit.overflows(result.deck, "de", fit.candidates(result.deck, "de"))
    # Most cards still fit at a legible size; those that do not say by how much.
    assert 0 < len(found) < len(result.deck.cards) / 3
    assert all(o.lines >= 1 and o.chars >= o.lines * 20 for o in found)
    assert fit.overflows(result.deck, "fr") == []  # the source itself fits
    assert main(["deck", "check", str(long_deck)]) == 1
    out = capsys.readouterr().out
    first = found[0]
    assert f"cards.{first.card}: the de texts do not fit the card even at the smallest legible size" in out
    assert f"overflow by about {first.lines} line" in out and "text.de.yaml:" in out


def test_a_translation_far_too_long_is_refused_by_the_loader(tmp_path: Path) -> None:
    d = Path(shutil.copytree(Path(__file__).parent / "decks" / "mini", tmp_path / "mini"))
    path = d / "text.fr.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Un jardin", "title: " + "Jardin " * 20), "utf-8")
    result = load_deck(d)
    assert "fr" in result.refused and "more than twice as long" in result.refused["fr"][0].message


def test_preview_marks_the_overflow(long_deck: Path, tmp_path: Path, capsys) -> None:
    from booster.ui.carddraw import card_size

    deck = load_deck(long_deck).deck
    assert deck is not None
    over = fit.overflows(deck, "de", fit.candidates(deck, "de"))[0].card
    challenges = [c for c in deck.cards if deck.cards[c].kind == "challenge"]
    fits = next(c for c in challenges if not fit.overflows(deck, "de", [c]))
    out = tmp_path / "prev"
    assert (
        main(["deck", "preview", str(long_deck), "--lang", "de", "--card", over, "--card", fits, "-o", str(out)]) == 0
    )
    assert f"{over}: cards.{over}: the de texts do not fit" in capsys.readouterr().err
    marked, plain = pygame.image.load(out / f"{over}.de.png"), pygame.image.load(out / f"{fits}.de.png")
    assert marked.get_height() > card_size(deck.cards[over].kind)[1]  # a strip below the card says by how much
    assert plain.get_size() == card_size("challenge")
    strip = marked.get_at((marked.get_width() // 2, marked.get_height() - 3))
    assert (strip.r, strip.g, strip.b) == (213, 94, 0)


@pytest.mark.parametrize(("lang", "words"), [("fr", "TROP LONG"), ("es", "DEMASIADO LARGO"), ("en", "TOO LONG")])
def test_the_overflow_strip_speaks_the_translators_language(lang: str, words: str) -> None:
    from booster.ui.i18n import Strings
    from booster.ui.preview import _mark_overflow
    from booster.ui.text import TextRenderer

    text = TextRenderer()
    text.records = []
    _mark_overflow(pygame.Surface((630, 880)), text, fit.Overflow("card", 3, 150), Strings(lang))
    [drawn] = [d.text for d in text.records]
    assert drawn.startswith(words) and "3" in drawn and "150" in drawn
