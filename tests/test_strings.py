# SPDX-License-Identifier: MIT
"""Every translatable string in one YAML system (issue 13 §2): screen, print and report strings in
booster/text/i18n/ui.<lang>.yaml, checked, found in the translator's own folder, and complete in Spanish."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from booster.deck.loader import load_deck
from booster.text import i18n
from booster.tools.cli import main
from booster.tools.translation import core

MECHANICS = Path(__file__).resolve().parent / "decks" / "mechanics"
POPPLER = shutil.which("pdftotext") is not None


@pytest.fixture(autouse=True)
def _fresh_tables():
    i18n._cache.clear()
    yield
    i18n._cache.clear()


def test_the_bundled_string_files_are_clean() -> None:
    problems, warnings = i18n.check_all()
    assert problems == [] and warnings == []
    assert {"en", "fr", "it", "es"} <= set(i18n.languages())


def test_spanish_has_every_print_and_report_string() -> None:
    source, es = core.flat(i18n.table("en")), core.flat(i18n.table("es"))
    printed = {k for k in source if k.startswith(("print.", "report.", "card."))}
    assert printed <= set(es) and i18n.screen_strings_missing("es")[0] == 0
    assert i18n.Strings("es")("print.rules") == "Reglas" and i18n.Strings("es").language_name("it") == "Italiano"


def test_broken_placeholders_and_empty_strings_are_errors_at_their_line(capsys) -> None:
    own = i18n.user_folder()
    own.mkdir(parents=True)
    (own / "ui.es.yaml").write_text(
        "ui:\n  card:\n    when_line: 'Cuándo: {texto}'\n    advice: ''\n  print:\n    rules: Reglas\n  nope: x\n",
        encoding="utf-8",
    )
    problems, warnings = i18n.check(own / "ui.es.yaml")
    assert [(p.line, p.message.split(" ", 1)[0]) for p in problems] == [(3, "ui.card.when_line"), (4, "ui.card.advice")]
    assert "({text})" in problems[0].message and "it has {texto}" in problems[0].message
    assert [w.line for w in warnings] == [7]
    # The translator's file wins over the bundled one, and a broken string falls back to English whole
    # (the card text it carries is never dropped).
    t = i18n.Strings("es", mark_missing=False)
    assert t("print.rules") == "Reglas" and t("card.when_line", text="X") == "When to use it: X"
    assert t("card.advice") == "Advice"  # empty: not a translation
    assert main(["deck", "check", str(MECHANICS)]) == 1
    out = capsys.readouterr().out
    assert f"{own / 'ui.es.yaml'}:3:" in out and "warning: ui.nope is not a string of the program" in out


def test_a_new_interface_translation_goes_to_the_translators_folder(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(core, "_in_checkout", lambda folder: False)  # as in an installed package
    deck = shutil.copytree(MECHANICS, tmp_path / "deck")
    assert main(["deck", "translate", str(deck), "--lang", "pt", "--ui"]) == 0
    assert (i18n.user_folder() / "ui.pt.yaml").is_file() and not (i18n.BUNDLED / "ui.pt.yaml").exists()
    assert "pt" in i18n.languages()
    out = capsys.readouterr().out
    assert main(["deck", "status", str(deck), "--lang", "pt"]) == 0
    out = capsys.readouterr().out
    assert f"pt: 0 of {len(core.flat(i18n.table('en')))} interface strings translated" in out


def test_what_an_incomplete_interface_lacks_counts_every_interface_string() -> None:
    """Italian has the printed deck's strings but few of the screen's: the switch says how many it lacks, in
    the count `deck status` and `deck check` show (screen, print and report strings alike)."""
    done, total = i18n.interface_count("it")
    assert total == len(core.flat(i18n.table("en")))
    assert done == len([k for k in core.flat(i18n.table("it")) if k in core.flat(i18n.table("en"))])
    note = i18n.language_note("it", i18n.Strings("es"))
    assert note == f"Italiano: {total - done} de {total} textos de la interfaz aún sin traducir; se muestran en inglés."
    assert i18n.language_note("fr", i18n.Strings("en")) == ""
    # The screen strings alone decide whether a language may be picked for the user unasked.
    assert {lang: i18n.screen_strings_missing(lang)[0] for lang in ("en", "fr", "es")} == {"en": 0, "fr": 0, "es": 0}


# -- a Spanish print and report hold no English or French label -------------------------------------


@pytest.fixture(scope="module")
def spanish_deck(tmp_path_factory) -> Path:
    """The mechanics deck with every text in pseudo-Spanish (upper case: no label can hide in it)."""
    d = Path(shutil.copytree(MECHANICS, tmp_path_factory.mktemp("es") / "mechanics"))
    ts = core.deck_textset(d)
    texts = _map(ts.source, lambda s: "ES " + s.upper())
    (d / "text.es.yaml").write_text(core.render(ts.source, texts, "en", []), encoding="utf-8")
    assert load_deck(d).refused == {}
    return d


def _map(node, fn):
    return {k: fn(v) if isinstance(v, str) else _map(v, fn) for k, v in node.items()}


def _foreign_fragments(prefixes: tuple[str, ...]) -> set[str]:
    """Pieces of the English and French strings (between placeholders) that Spanish does not use."""
    es_text = " ".join(core.flat(i18n.table("es")).values())
    out = set()
    for lang in ("en", "fr"):
        for key, text in core.flat(i18n.table(lang)).items():
            if key.startswith(prefixes):
                for piece in re.split(r"\{[^}]*\}", text):
                    piece = piece.strip(" :.,()·")
                    if len(piece) >= 8 and re.search(r"[a-z]", piece) and piece not in es_text:
                        out.add(piece)
    return out


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed")
def test_a_spanish_print_has_no_english_or_french_label(spanish_deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "es.pdf"
    assert main(["deck", "print", str(spanish_deck), "--lang", "es", "-o", str(out), "--backs"]) == 0
    text = _pdf_text(out)
    assert "Efectos y consecuencias" in text and "Reglas" in text and "Reto" in text
    found = sorted(p for p in _foreign_fragments(("print.", "card.")) if p in text)
    assert found == []


@pytest.mark.skipif(not POPPLER, reason="pdftotext is needed")
def test_a_spanish_report_has_no_english_or_french_label(spanish_deck: Path, tmp_path: Path) -> None:
    from sample_save import random_save

    from booster.paper.export import write_report

    deck = load_deck(spanish_deck).deck
    assert deck is not None
    saved = random_save(deck, str(spanish_deck), ("ALFA", "BETA"), seed=4, lang="es")
    text = _pdf_text(write_report(saved, deck, tmp_path / "r.pdf", lang="es"))
    assert "Informe de la sesión" in text and "Recorrido" in text
    found = sorted(p for p in _foreign_fragments(("report.",)) if p in text)
    assert found == []
