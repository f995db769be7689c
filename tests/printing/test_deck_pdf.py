# SPDX-License-Identifier: MIT
"""deck print: pages, paper sizes, text (Greek and Croatian included) and embedded fonts, via poppler."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from booster.deck.loader import load_deck
from booster.paper import cardface, sizes
from booster.tools.cli import main
from booster.tools.translation import core

MINI = Path(__file__).resolve().parent.parent / "decks" / "mini"
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdffonts")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdfinfo, pdffonts) not installed")

GREEK = {"garden": "Ένας κήπος στη γειτονιά", "map": "Χάρτης ανοιχτών δεδομένων", "exp-eco": "Κομπόστ: «όλα»"}
CROATIAN = {"garden": "Vrt u četvrti: čćđšž ČĆĐŠŽ", "map": "Karta otvorenih podataka", "exp-eco": "Kompost, đak"}


@pytest.fixture(scope="module")
def deck_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini deck with complete Greek and Croatian texts (every source text, some titles set above)."""
    d = tmp_path_factory.mktemp("print") / "mini"
    shutil.copytree(MINI, d)
    ts = core.deck_textset(d)
    for lang, titles in (("el", GREEK), ("hr", CROATIAN)):
        texts = _map(ts.source, lambda s, lang=lang: f"[{lang}] {s} Ωψ" if lang == "el" else f"[{lang}] {s} žš")
        for cid, title in titles.items():
            texts["cards"][cid]["title"] = title
        (d / f"text.{lang}.yaml").write_text(core.render(ts.source, texts, "en", []), encoding="utf-8")
    assert load_deck(d).deck is not None
    return d


def _map(node, fn):
    return {k: fn(v) if isinstance(v, str) else _map(v, fn) for k, v in node.items()}


def _print(deck: Path, out: Path, *extra: str) -> int:
    return main(["deck", "print", str(deck), "-o", str(out), *extra])


def _pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def _expected_card_pages(deck_dir: Path) -> int:
    deck = load_deck(deck_dir).deck
    assert deck is not None
    return sum(math.ceil(len(g) / 9) for g in cardface.order(deck))


def _page_text(pdf: Path, n: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True
    ).stdout


@needs_poppler
def test_pages_and_paper(deck_dir: Path, tmp_path: Path) -> None:
    cards = _expected_card_pages(deck_dir)
    assert cards == 4  # challenges, the tool, experiences, the scenario: each kind on its own sheets
    out = tmp_path / "a4.pdf"
    assert _print(deck_dir, out) == 0
    pages = _pages(out)
    assert len(pages) == 1 + cards + 1 + 1 + 1  # rules, cards, effects and consequences, credits, board
    a4 = (595.28, 841.89)
    assert all(abs(w - a4[0]) < 0.5 and abs(h - a4[1]) < 0.5 for w, h in pages[:-1])
    assert abs(pages[-1][0] - a4[1]) < 0.5  # the board is landscape, and last
    out = tmp_path / "letter.pdf"
    assert _print(deck_dir, out, "--paper", "letter", "--backs") == 0
    pages = _pages(out)
    assert len(pages) == 1 + 1 + 2 * cards + 3  # one blank page, so that the fronts start on page 3
    assert all(abs(w - 612) < 0.5 and abs(h - 792) < 0.5 for w, h in pages[:-1])
    # Printed double-sided, each sheet holds a page of fronts (odd) and its backs (the even page after).
    assert "left blank" in _page_text(out, 2)
    for front in range(3, 3 + 2 * cards, 2):
        assert "CC BY-SA" in _page_text(out, front) and "CC BY-SA" not in _page_text(out, front + 1)


@needs_poppler
def test_effects_are_on_their_own_sheet_not_on_the_cards(tmp_path: Path) -> None:
    deck = Path(__file__).resolve().parent.parent / "decks" / "mechanics"
    out = tmp_path / "mech.pdf"
    assert _print(deck, out) == 0
    n = len(_pages(out))
    challenges = _page_text(out, 2)  # rules, then the challenges (a tool shows what it gains when drawn)
    sheet = _page_text(out, n - 2)
    assert "Effects and consequences" in sheet
    # The first challenge: its responses on the card, numbered; effects, consequence and mark on the sheet.
    assert "No. 1" in challenges and "Accept the loan." in challenges and "Economy" not in challenges
    flat = " ".join(sheet.split())
    assert "No. 1 · An empty building" in flat
    assert "1. +1 Ecology, –1 Economy, +1 Social" in flat
    assert "The town cites you as an example" in flat and "Leaves the mark: City partner" in flat
    assert "the team draws card no. 5: The roof leaks" in flat


@needs_poppler
@pytest.mark.parametrize(("lang", "titles"), [("el", GREEK), ("hr", CROATIAN)])
def test_text_and_fonts(deck_dir: Path, tmp_path: Path, lang: str, titles: dict[str, str]) -> None:
    out = tmp_path / f"{lang}.pdf"
    assert _print(deck_dir, out, "--lang", lang) == 0
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for title in titles.values():
        assert " ".join(title.split()) in flat or all(w in flat for w in title.split()), title
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line for line in fonts.splitlines() if "NotoSans" in line]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in rows), fonts
    assert len([r for r in fonts.splitlines()[2:] if r.strip()]) == len(rows)  # no other font


@needs_poppler
def test_french_english_labels(deck_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    assert _print(deck_dir, out, "--lang", "fr") == 0  # partial: the rest falls back to English
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Un jardin" in text and "Map" in text  # translated, and fallback to the source
    assert "Règles" in text and "Défi" in text and "Crédits et licence" in text
    assert "CC BY-SA" in text and "Social Impact Booster contributors" in text


def test_refuses_a_broken_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "bad"
    shutil.copytree(MINI, d)
    (d / "rules.yaml").write_text("pillars: [\n", encoding="utf-8")
    assert _print(d, tmp_path / "x.pdf") == 1
    assert "rules.yaml" in capsys.readouterr().out
    assert not (tmp_path / "x.pdf").exists()


def test_grid_is_centred() -> None:
    for paper, (pw, ph) in sizes.PAPERS.items():
        x0, y0 = sizes.grid_origin(paper)
        assert x0 > 0 and y0 > 0
        assert abs(x0 * 2 + 189 - pw) < 1e-9 and abs(y0 * 2 + 264 - ph) < 1e-9


def test_a_long_text_shrinks_to_fit_without_a_warning(
    deck_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "long"
    shutil.copytree(deck_dir, d)
    path = d / "text.en.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("text: A plot of land is free.", "text: " + "A very long text. " * 17),
        encoding="utf-8",
    )
    assert load_deck(d).deck is not None
    assert _print(d, tmp_path / "long.pdf") == 0  # 306 characters: shrinks, fits
    assert "warning" not in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fr", "en", "it"])
def test_core_deck_prints_with_every_text_fitting(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from booster import paths

    assert _print(paths.CORE_DECK, tmp_path / "core.pdf", "--lang", lang, "--backs") == 0
    assert "warning" not in capsys.readouterr().err  # every card's text fits


def test_numbers_never_overlap_their_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from fpdf import FPDF

    from booster.paper.pen import Pen
    from booster.text.i18n import print_labels

    deck = load_deck(MINI).deck
    assert deck is not None
    calls: list[tuple[list[str], float, float]] = []
    original = Pen.text_lines

    def spy(self, lines, x, y, size, bold=False, colour=sizes.INK, align="L", width=0.0):
        calls.append((list(lines), x, width))
        return original(self, lines, x, y, size, bold, colour, align, width)

    monkeypatch.setattr(Pen, "text_lines", spy)
    pdf = FPDF(unit="mm")
    pdf.add_page()
    pen = Pen(pdf)
    for cid, first, number in (("garden", "Grow", "1"), ("map", "Get", "1.")):
        calls.clear()
        cardface.draw_front(pen, deck, "en", cid, 0, 0, print_labels("en"))
        num = next(c for c in calls if c[0] == [number])
        text = next(c for c in calls if c[0] and c[0][0].startswith(first))
        assert text[1] >= num[1] + max(num[2], 2.5), (cid, num, text)


def test_measuring_keeps_the_drawing_font() -> None:
    from fpdf import FPDF

    from booster.paper.pen import Pen

    pdf = FPDF(unit="mm")
    pdf.add_page()
    pen = Pen(pdf)
    pen.font(8)
    pen.text_lines(["–5 Ωψ"], 0, 0, 8, align="C", width=20)  # centring measures glyphs never seen before
    assert pdf.font_size_pt == 8


def test_deck_checks_pen_measures_as_the_printing_pen() -> None:
    """`deck check` measures printed cards without fpdf2 (MeasuringPen, from the font files): every width
    must be the printing pen's, in every script and with the fallback fonts, else check and print disagree."""
    import random

    from fpdf import FPDF

    from booster.paper.pen import MeasuringPen, Pen

    pdf = FPDF(unit="mm")
    pdf.add_page()
    printing, measuring = Pen(pdf), MeasuringPen()
    samples = ["Bonjour « monde » : 50 %", "Ωψ Кириллица žšđ", "★ ♥ ✓ ⟦", "שלום עולם", "في السوق", "👍🏽", "中文"]
    rnd = random.Random(0)
    pool = "".join(samples) + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 .,;:!?'\"()-–—…\u00ad\u200b"
    samples += ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 30))) for _ in range(200)]
    for text in samples:
        for bold in (False, True):
            assert measuring.width(text, 7.6, bold) == pytest.approx(printing.width(text, 7.6, bold), abs=1e-9), text


def _rules_text(deck: Path, tmp_path: Path, lang: str) -> str:
    """The printed rules sheet (the pages before the first card) read back, its lines joined."""
    out = tmp_path / f"{deck.name}-{lang}.pdf"
    assert _print(deck, out, "--lang", lang) == 0
    text = subprocess.run(["pdftotext", "-l", "2", str(out), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


@needs_poppler
@pytest.mark.parametrize(
    ("exchange", "lang", "said"),
    [
        # The graded rule, its numbers from rules.yaml: 2 cards per 4 points (and no 3 hard-coded anywhere).
        (
            "{rate: 1, cap: 2, red: 2, red_step: 4}",
            "en",
            "Each pillar below zero costs 2 of these cards for each 4 points under zero, rounded up: 2 from -1 to -4, "
            "4 from -5 to -8, and so on; they are taken from the team’s strongest pillar.",
        ),
        (
            "{rate: 1, cap: 2, red: 1, red_step: 3}",
            "fr",
            "Chaque pilier sous zéro coûte 1 de ces cartes par tranche de 3 points sous zéro, toute tranche entamée "
            "comptant : 1 de -1 à -3, 2 de -4 à -6, et ainsi de suite",
        ),
        ("{rate: 1, cap: 2, red: 1}", "en", "Each pillar below zero costs 1 of these cards, however deep"),
        ("{rate: 1, cap: 2, red: 1}", "fr", "Chaque pilier sous zéro coûte 1 de ces cartes, quelle que soit"),
    ],
)
def test_the_rules_sheet_says_what_a_pillar_in_the_red_costs(tmp_path: Path, exchange: str, lang: str, said: str):
    d = tmp_path / "mini"
    shutil.copytree(MINI, d)
    rules = d / "rules.yaml"
    rules.write_text(rules.read_text().replace("exchange: {rate: 1, cap: 2}", f"exchange: {exchange}"))
    assert said in _rules_text(d, tmp_path, lang)


@needs_poppler
def test_without_the_red_rule_the_sheet_says_no_cost(tmp_path: Path) -> None:
    text = _rules_text(MINI, tmp_path, "en")
    assert "one card per positive point on a pillar" in text and "below zero costs" not in text


@needs_poppler
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "drawing it scores nothing"),
        (
            "en",
            "which of these it does: +1 on its pillar, a loss on that pillar turned into 0, every response’s effect",
        ),
        ("fr", "le piocher ne rapporte rien"),
        (
            "fr",
            "lesquels de ces effets il a : +1 sur son pilier, une perte sur ce pilier ramenée à 0, l’effet de chaque",
        ),
    ],
)
def test_the_rules_sheet_says_what_a_tool_does_when_played_not_drawn(tmp_path: Path, lang: str, said: str) -> None:
    text = _rules_text(MINI, tmp_path, lang)
    assert said in text
    assert "gains its effect" not in text and "gagne son effet" not in text
