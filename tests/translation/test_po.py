# SPDX-License-Identifier: MIT
"""deck po export/import (issue 13 §6), checked against Translate Toolkit's PO library (what Weblate and
Pootle use), and the Weblate YAML route through Translate Toolkit's YAML store."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster.deck.loader import load_deck
from booster.tools.translation import core, po

toolkit_po = pytest.importorskip("translate.storage.po")


def _units(path: Path) -> dict[str, object]:
    store = toolkit_po.pofile(path.read_bytes())
    return {u.getcontext(): u for u in store.units if not u.isheader()}


def _edit_source(deck: Path, old: str, new: str) -> None:
    path = deck / "text.en.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_export_carries_context_and_marks_stale_entries_fuzzy(mini: Path, run, tmp_path: Path) -> None:
    assert run("deck", "confirm", mini, "--lang", "fr", "--all")[0] == 0
    _edit_source(mini, "sell: Sell the plot.", "sell: Sell the plot to a developer.")
    out = tmp_path / "fr.po"
    code, text = run("deck", "po", "export", mini, "--lang", "fr", "-o", out)
    assert code == 0 and "1 fuzzy" in text, text
    units = _units(out)
    assert len(units) == len(core.flat(core.deck_textset(mini).source))
    sell = units["cards.garden.options.sell"]
    assert sell.source == "Sell the plot to a developer." and sell.target == "Vendre le terrain."
    assert sell.isfuzzy() and sell.prev_source == "Sell the plot."
    title = units["cards.garden.title"]
    assert title.target == "Un jardin" and not title.isfuzzy()
    assert "challenge, start" in title.getnotes() and "must fit the card" in title.getnotes()
    assert "characters" not in title.getnotes()  # a translation is judged by measure, not by a count
    assert units["cards.map.title"].target == ""  # untranslated


def test_a_po_file_edited_with_the_toolkit_imports_with_nothing_lost(mini: Path, run, tmp_path: Path) -> None:
    out = tmp_path / "fr.po"
    assert run("deck", "po", "export", mini, "--lang", "fr", "-o", out)[0] == 0
    store = toolkit_po.pofile(out.read_bytes())
    units = {u.getcontext(): u for u in store.units if not u.isheader()}
    units["cards.map.title"].target = "Carte"  # translated
    units["cards.map.text"].target = "no"  # a YAML boolean to some readers: must stay text
    units["cards.launch-day.title"].target = "Launch day"  # the same as the source: the translator's choice
    units["cards.garden.text"].target = "Une parcelle est libre."
    units["cards.garden.text"].markfuzzy(True)  # "needs editing": kept, as stale
    out.write_bytes(bytes(store))
    code, text = run("deck", "po", "import", mini, out, "--lang", "fr")
    assert code == 0 and "1 fuzzy, kept as stale" in text and "1 the same as their source" in text, text
    deck = load_deck(mini).deck
    assert deck is not None and not load_deck(mini).refused
    assert deck.text("fr", "cards", "map", "title") == "Carte" and deck.text("fr", "cards", "map", "text") == "no"
    st = core.status(core.deck_textset(mini), "fr")
    assert [s.path for s in st.stale] == ["cards.garden.text"]
    assert deck.text("fr", "cards", "launch-day", "title") == "Launch day"
    assert "cards.launch-day.title" not in st.missing and "cards.launch-day.title" in st.same
    # A source edit afterwards is seen with no other step.
    _edit_source(mini, "title: Map", "title: Neighbourhood map")
    stale = {s.path for s in core.status(core.deck_textset(mini), "fr").stale}
    assert stale == {"cards.garden.text", "cards.map.title"}


def test_export_then_import_changes_nothing(mini: Path, run, tmp_path: Path) -> None:
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    before = (mini / "text.fr.yaml").read_text(encoding="utf-8")
    out = tmp_path / "fr.po"
    assert run("deck", "po", "export", mini, "--lang", "fr", "-o", out)[0] == 0
    assert run("deck", "po", "import", mini, out, "--lang", "fr")[0] == 0
    assert (mini / "text.fr.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    "text", ["plain", "deux\nlignes", 'des "guillemets" et \\ barre', "tab\tici", "fin de ligne\n", "Ψ ž « »"]
)
def test_our_writer_and_reader_agree_with_the_toolkit(text: str) -> None:
    entries = [po.Entry("a.b", text, text + "!", True, "ancien " + text, ["note"])]
    written = po.write(entries, {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8"})
    (unit,) = [u for u in toolkit_po.pofile(written.encode()).units if not u.isheader()]
    assert (unit.getcontext(), unit.source, unit.target, unit.isfuzzy()) == ("a.b", text, text + "!", True)
    assert unit.prev_source == "ancien " + text
    back, problems = po.read(bytes(toolkit_po.pofile(written.encode())).decode())
    assert not problems and back[0].source == text and back[0].target == text + "!" and back[0].fuzzy
    assert back[0].previous == "ancien " + text


def test_a_broken_po_file_is_refused_at_its_line(mini: Path, run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "deck.title"\nmsgid "Mini deck"\nmsgstr "Mini jeu\n', "utf-8")
    code, text = run("deck", "po", "import", mini, bad, "--lang", "fr")
    assert code == 1 and "bad.po:6:1: this line cannot be read as PO" in text


def test_weblate_yaml_save_then_cleanup(mini: Path, run) -> None:
    """Weblate's "YAML file" format is Translate Toolkit's YAMLFile: a save through it keeps our ids, and the
    clean-up step (deck translate) puts the comments and the order back without losing a text."""
    yaml_store = pytest.importorskip("translate.storage.yaml")
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    store = yaml_store.YAMLFile((mini / "text.fr.yaml").read_bytes())
    by_id = {u.getid(): u for u in store.units}
    assert "cards->garden->title" in by_id  # nested ids, as Weblate shows them
    by_id["cards->garden->title"].target = "Un jardin partagé"
    (mini / "text.fr.yaml").write_bytes(bytes(store))  # what Weblate commits (its own quoting and layout)
    assert load_deck(mini).refused == {}
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0  # the clean-up step of the docs
    text = (mini / "text.fr.yaml").read_text(encoding="utf-8")
    assert '# en: A garden\n    title: "Un jardin partagé"' in text
    assert load_deck(mini).deck.text("fr", "cards", "garden", "title") == "Un jardin partagé"


def test_export_never_writes_over_the_texts_it_reads(mini: Path, run) -> None:
    before = (mini / "text.fr.yaml").read_bytes()
    code, text = run("deck", "po", "export", mini, "--lang", "fr", "-o", mini / "text.fr.yaml")
    assert code == 1 and "one of the files read" in text and "Traceback" not in text
    assert (mini / "text.fr.yaml").read_bytes() == before


def test_interface_entries_with_placeholders_are_brace_format(mini: Path, run, ui_dir: Path, tmp_path: Path) -> None:
    """`msgfmt --check` and Poedit check `{name}` placeholders only in entries flagged python-brace-format."""
    import os
    import shutil
    import subprocess

    (ui_dir / "ui.en.yaml").write_text(
        'ui:\n  quit: Quit\n  turn: "{team} plays"\n  menu: {new: New game, load: Load}\n', encoding="utf-8"
    )
    out = tmp_path / "ui.fr.po"
    code, said = run("deck", "po", "export", mini, "--lang", "fr", "--ui", "--ui-dir", ui_dir, "-o", out)
    assert code == 0, said
    units = _units(out)
    assert "python-brace-format" in units["ui.turn"].typecomments[0]
    assert not any("brace" in c for c in units["ui.quit"].typecomments)
    if shutil.which("msgfmt") is None:
        return

    def msgfmt_check() -> int:
        return subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(out)], capture_output=True).returncode

    store = toolkit_po.pofile(out.read_bytes())
    turn = next(u for u in store.units if u.getcontext() == "ui.turn")
    turn.target = "{team} joue"
    out.write_bytes(bytes(store))
    assert msgfmt_check() == 0
    turn.target = "{équipe} joue"  # a translated placeholder: the string would fall back to English
    out.write_bytes(bytes(store))
    assert msgfmt_check() != 0
