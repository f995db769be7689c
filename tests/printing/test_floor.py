# SPDX-License-Identifier: MIT
"""Every card printed at or above the body-text floor (issue 25 §4): a German-length translation of the core
deck (the French 1.05 and 1.4 times as long) prints every card's body text at least at the floor the print
layout states; a card that does not fit its face continues on its back (or, printed without backs, on a
second card after it), and `deck print` warns at every card it still had to shrink below the floor."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from booster import paths
from booster.deck.loader import load_deck
from booster.paper import cardface, deck_pdf, sizes
from booster.tools import fit
from booster.tools.translation import core


def _longer(text: str, share: float) -> str:
    extra = max(1, round(len(text) * share))
    return (text + " " + "äöü " * extra)[: len(text) + extra]


def _pseudo(tmp: Path, share: float) -> Path:
    """The core deck with a `de` pseudo-translation: every French text `share` longer."""
    d = Path(shutil.copytree(paths.CORE_DECK, tmp / "core"))
    ts = core.deck_textset(d)

    def longer(node):
        return {k: _longer(v, share) if isinstance(v, str) else longer(v) for k, v in node.items()}

    (d / "text.de.yaml").write_text(core.render(ts.source, longer(ts.source), "fr", []), encoding="utf-8")
    return d


def test_the_floor_is_the_one_deck_check_measures_at() -> None:
    assert sizes.FLOOR_SCALE == fit.LEGIBLE_SCALE


@pytest.mark.parametrize("backs", [False, True], ids=["fronts", "backs"])
@pytest.mark.parametrize("share", [0.05, 0.4])
def test_every_card_prints_at_or_above_the_floor(tmp_path: Path, monkeypatch, share: float, backs: bool) -> None:
    deck = load_deck(_pseudo(tmp_path, share)).deck
    assert deck is not None
    faces: list[tuple[str, bool, float, bool]] = []
    original = cardface.draw_front

    def spy(pen, deck, lang, cid, x, y, t, scale=1.0, number=None, body=None, continued=False):
        f = original(pen, deck, lang, cid, x, y, t, scale, number, body, continued)
        faces.append((cid, continued, f.scale, f.fits))
        return f

    monkeypatch.setattr(cardface, "draw_front", spy)
    doc = deck_pdf.build(deck, "de", backs=backs)
    assert not [w for w in doc.warnings if "floor" in w or "cut" in w], doc.warnings
    assert {cid for cid, second, _, _ in faces if not second} == set(deck.cards)  # every card, once
    low = [(cid, s) for cid, _, s, fits in faces if s < sizes.FLOOR_SCALE - 1e-9 or not fits]
    assert low == []
    continued = {cid for cid, second, _, _ in faces if second}
    said = {w.split("'")[1] for w in doc.warnings if "continues on" in w}
    assert continued == said
    if share >= 0.4:
        tools = {c for c in deck.cards if deck.cards[c].kind == "tool"}
        assert continued and continued <= tools | {c for c in deck.cards if deck.cards[c].options}
    where = "its back" if backs else "a second card"
    assert all(where in w for w in doc.warnings if "continues on" in w)


def test_a_card_below_the_floor_is_warned(capsys) -> None:
    """One block too long for a face at the floor (it cannot be split): printed smaller or cut, and said."""
    import attrs

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    cid = next(c for c, card in deck.cards.items() if card.kind == "experience")
    fr = deck.texts["fr"]["cards"]
    entry = {**fr[cid], "advice": "Un conseil très long, répété. " * 90}
    deck = attrs.evolve(deck, texts={**deck.texts, "fr": {**deck.texts["fr"], "cards": {**fr, cid: entry}}})
    doc = deck_pdf.build(deck, "fr")
    floor_pt = f"{sizes.BODY_PT * sizes.FLOOR_SCALE:.1f} pt floor"
    said = [w for w in doc.warnings if w.startswith(f"card '{cid}'")]
    assert said and any(floor_pt in w or "was cut" in w for w in said), doc.warnings
    assert [w for w in doc.warnings if "floor" in w or "cut" in w] == [w for w in said if "continues" not in w]


def test_the_board_holds_long_stage_names_whole_and_the_scores_games_reach(tmp_path: Path) -> None:
    """German stage names were cut on the board ("Geschäftsmo…"); the score tracks ran -5..+15 while random
    games reach -17 and +20."""
    import re
    import subprocess

    import attrs

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    lo, hi = deck_pdf.score_range(deck)
    assert lo <= -17 and hi >= 20 and (lo, hi) == deck_pdf.score_range(deck)  # seeded: the same each time
    names = {
        s.id: n
        for s, n in zip(
            deck.rules.stages,
            ["Ideenfindung", "Positionierung", "Angebotsgestaltung", "Geschäftsmodell", "Markteinführung"],
            strict=False,
        )
    }
    texts = {
        **deck.texts["fr"],
        "stages": {k: {**v, "name": names.get(k, v["name"])} for k, v in deck.texts["fr"]["stages"].items()},
    }
    german = attrs.evolve(deck, texts={**deck.texts, "fr": texts})
    doc = deck_pdf.build(german, "fr")
    assert not [w for w in doc.warnings if w.startswith("board")], doc.warnings
    out = tmp_path / "board.pdf"
    out.write_bytes(bytes(doc.pdf.output()))
    if shutil.which("pdftotext"):
        last = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", last).group(1))
        board = subprocess.run(
            ["pdftotext", "-f", str(pages), "-l", str(pages), str(out), "-"], capture_output=True, text=True
        ).stdout
        assert all(n in board for n in names.values()), board
        assert f"–{-lo}" in board and f"+{hi}" in board


def test_deck_check_says_a_stage_name_too_long_for_the_board(tmp_path: Path, capsys) -> None:
    from booster.tools.cli import main

    d = Path(shutil.copytree(paths.CORE_DECK, tmp_path / "core"))
    deck = load_deck(d).deck
    assert deck is not None
    stage = deck.rules.stages[3]
    name = deck.text("en", "stages", stage.id, "name")
    path = d / "text.en.yaml"
    text = path.read_text(encoding="utf-8")
    long = "Geschäftsmodellentwicklungsplanungsverfahrensbeschreibung"
    assert f'name: "{name}"' in text
    path.write_text(text.replace(f'name: "{name}"', f"name: {long}", 1), encoding="utf-8")
    assert main(["deck", "check", str(d)]) == 1
    out = capsys.readouterr().out
    assert (
        f"stages.{stage.id}.name: the English (en) stage name '{long}' does not fit its box on the printed board" in out
    )
    assert "text.en.yaml:" in out.split(f"stages.{stage.id}.name")[0].splitlines()[-1]
