# SPDX-License-Identifier: MIT
"""deck status / deck confirm on the mini deck (source en, 35 texts; fr has 6)."""

from __future__ import annotations

import json
from pathlib import Path

from booster.tools.translation import core, yamlwrite


def _set_source(deck: Path, old: str, new: str) -> None:
    path = deck / "text.en.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_counts(mini: Path, ui_dir: Path) -> None:
    st = core.status(core.deck_textset(mini), "fr")
    assert (len(st.translated), len(st.missing), len(st.stale), st.total) == (6, 29, 0, 35)
    assert "cards.map.steps.s1" in st.missing and "cards.garden.title" in st.translated
    assert len(st.unrecorded) == 6  # no sidecar yet: current, but said so
    ui = core.ui_textset(ui_dir)
    assert ui is not None
    ust = core.status(ui, "fr")
    assert (len(ust.translated), len(ust.missing)) == (1, 2)


def test_output_lists_missing_and_ui(mini: Path, ui_dir: Path, run) -> None:
    code, out = run("deck", "status", mini, "--lang", "fr", "--ui-dir", ui_dir)
    assert code == 0
    assert "Français (fr): 6 of 35 deck texts translated (17%, 0 of them stale), 29 missing: partial" in out
    assert "cards, every text missing (7): map, launch-day," in out and "pillars.economy: name" in out
    assert "no origin record" in out
    assert "UI strings" in out and "Français (fr): 1 of 3 interface strings translated" in out


def test_languages_are_named_in_their_own_words_with_their_code(mini: Path, ui_dir: Path, run) -> None:
    """The names come from the program's strings (the screen's language switch shows the same); a language
    the program has no strings in keeps its code alone rather than a made-up name."""
    (mini / "text.de.yaml").write_text("cards:\n  garden:\n    title: Ein Garten\n", encoding="utf-8")
    code, out = run("deck", "status", mini, "--ui-dir", ui_dir)
    assert code == 0
    assert "source language English (en)" in out and "\nFrançais (fr): 6 of 35" in out
    assert "\nde: 1 of 35 deck texts translated" in out and "Deutsch" not in out
    code, out = run("deck", "check", mini)
    assert "language English (en): 35/35 deck texts (100%), the source" in out
    assert "language Français (fr): 6/35 deck texts" in out and "language de: 1/35 deck texts" in out


def test_no_ui_strings(mini: Path, tmp_path: Path, run) -> None:
    code, out = run("deck", "status", mini, "--ui-dir", tmp_path / "nowhere")
    assert code == 0 and "UI strings: none in this build" in out


def test_strict_exit_codes(mini: Path, ui_dir: Path, run) -> None:
    assert run("deck", "status", mini, "--strict", "--ui-dir", ui_dir)[0] == 1
    assert run("deck", "status", mini, "--lang", "en", "--strict", "--ui-dir", ui_dir)[0] == 0
    # A complete French file: every source text, translated.
    ts = core.deck_textset(mini)
    full = _map_strings(ts.source, lambda s: "FR " + s)
    text = core.render(ts.source, full, "en", core.header_lines(ts))
    (mini / "text.fr.yaml").write_text(text, encoding="utf-8")
    assert run("deck", "status", mini, "--strict", "--ui-dir", ui_dir)[0] == 0
    assert run("deck", "check", mini)[0] == 0
    # A stale text makes it incomplete again.
    assert run("deck", "confirm", mini, "--lang", "fr", "--all")[0] == 0
    _set_source(mini, "title: A garden", "title: A vegetable garden")
    assert run("deck", "status", mini, "--strict", "--ui-dir", ui_dir)[0] == 1


def test_stale_then_confirm(mini: Path, ui_dir: Path, run) -> None:
    code, out = run("deck", "translate", mini, "--lang", "fr")  # records the origin of the 6 translations
    assert code == 0, out
    _set_source(mini, "sell: Sell the plot.", "sell: Sell the plot to a developer.")
    st = core.status(core.deck_textset(mini), "fr")
    assert [s.path for s in st.stale] == ["cards.garden.options.sell"]
    assert (st.stale[0].was, st.stale[0].now) == ("Sell the plot.", "Sell the plot to a developer.")
    assert len(st.translated) == 6 and not st.unrecorded  # a stale translation is still a translation
    code, out = run("deck", "status", mini, "--lang", "fr", "--ui-dir", ui_dir)
    assert "6 of 35 deck texts translated (17%, 1 of them stale)" in out and "was: Sell the plot." in out
    assert "now: Sell the plot to a developer." in out
    assert "fr: Vendre le terrain." in out
    # Translate again: the stale record is kept (only a translator can say the translation still fits).
    run("deck", "translate", mini, "--lang", "fr")
    assert len(core.status(core.deck_textset(mini), "fr").stale) == 1
    code, out = run("deck", "confirm", mini, "--lang", "fr", "garden")
    assert code == 0 and "1 were stale" in out
    st = core.status(core.deck_textset(mini), "fr")
    assert not st.stale and len(st.translated) == 6


def test_confirm_arguments(mini: Path, run) -> None:
    assert run("deck", "confirm", mini, "--lang", "fr")[0] == 2  # neither --all nor ids
    assert run("deck", "confirm", mini, "--lang", "fr", "--all", "garden")[0] == 2
    code, out = run("deck", "confirm", mini, "--lang", "fr", "no-such-card")
    assert code == 2 and "no-such-card" in out
    assert run("deck", "confirm", mini, "--lang", "en", "--all")[0] == 2  # the source language
    assert run("deck", "confirm", mini, "--lang", "it", "--all")[0] == 1  # no translation yet
    code, out = run("deck", "confirm", mini, "--lang", "fr", "cards.garden.title", "deck")
    assert code == 0 and "confirmed 2 fr texts" in out
    origins, warning = core.read_origins(mini / "text.fr.origin.json")
    assert origins == {"deck.title": "Mini deck", "cards.garden.title": "A garden"} and warning is None


def test_confirm_ui(mini: Path, ui_dir: Path, run) -> None:
    code, out = run("deck", "confirm", mini, "--lang", "fr", "--all", "--ui", "--ui-dir", ui_dir)
    assert code == 0, out
    assert core.read_origins(ui_dir / "ui.fr.origin.json")[0] == {"ui.quit": "Quit"}


def test_origin_sidecar_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "text.el.origin.json"
    origins = {"cards.b.title": 'Δ "quoted"\nline', "deck.title": "Ça: #1", "cards.a.text": "x"}
    core.write_origins(path, "el", "fr", origins, ["deck.title", "cards.a.text"])
    back, warning = core.read_origins(path)
    assert back == origins and warning is None
    assert list(back) == ["deck.title", "cards.a.text", "cards.b.title"]  # source order first
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["language"] == "el" and data["source_language"] == "fr"
    path.write_text("{not json", encoding="utf-8")
    back, warning = core.read_origins(path)
    assert back == {} and warning and "cannot read" in warning


def test_broken_sidecar_is_reported(mini: Path, run) -> None:
    (mini / "text.fr.origin.json").write_text("[]", encoding="utf-8")
    code, out = run("deck", "status", mini, "--lang", "fr", "--strict")
    assert code == 1 and "cannot read the origin records" in out


def test_json_output(mini: Path, ui_dir: Path, run) -> None:
    code, out = run("deck", "status", mini, "--json", "--ui-dir", ui_dir)
    assert code == 0
    data = json.loads(out)
    fr = data["deck"]["languages"][0]
    assert fr["language"] == "fr" and fr["translated"] == 6 and len(fr["missing"]) == 29
    assert data["ui"]["languages"][0]["translated"] == 1


def _map_strings(node, fn):
    return {k: fn(v) if isinstance(v, str) else _map_strings(v, fn) for k, v in node.items()}


def test_quote_is_used_for_risky_keys() -> None:
    assert yamlwrite.key("no") == '"no"' and yamlwrite.key("food-desert") == "food-desert"


def test_records_of_removed_texts_are_dropped(mini: Path, run) -> None:
    path = mini / "text.fr.yaml"
    original = path.read_text(encoding="utf-8")
    assert run("deck", "confirm", mini, "--lang", "fr", "--all")[0] == 0
    path.write_text(  # the translator deletes the responses (confirm rewrote the file: start from the original)
        original.replace("    options: {grow: Cultiver des légumes., sell: Vendre le terrain.}\n", ""),
        encoding="utf-8",
    )
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    origins, _ = core.read_origins(mini / "text.fr.origin.json")
    assert set(origins) == {"deck.title", "pillars.ecology.name", "cards.garden.title", "cards.garden.text"}


def test_start_screen_status_and_check_show_the_same_counts(run) -> None:
    """One definition of "translated" per kind of text: a translator sees the same numbers everywhere."""
    import re

    from booster import paths
    from booster.text import i18n

    code, status = run("deck", "status", "--lang", "it")  # no path: the core deck, as check
    assert code == 0 and f"({paths.CORE_DECK})" in status
    code, check = run("deck", "check")
    assert code == 0, check
    deck_st = re.search(r"Italiano \(it\): (\d+) of (\d+) deck texts translated", status)
    ui_st = re.search(r"Italiano \(it\): (\d+) of (\d+) interface strings translated", status)
    both = re.search(r"language Italiano \(it\): (\d+)/(\d+) deck texts \(\d+%\); (\d+)/(\d+) interface strings", check)
    assert deck_st and ui_st and both, (status, check)
    assert deck_st.groups() == both.groups()[:2] and ui_st.groups() == both.groups()[2:]
    done, total = map(int, ui_st.groups())
    assert 0 < done < total
    note = i18n.language_note("it", i18n.Strings("en"))  # the start screen's line under the language switch
    assert note.startswith(f"Italiano: {total - done} of {total} interface texts not translated yet"), note


def test_status_names_the_languages_the_interface_has_and_the_deck_lacks(mini: Path, ui_dir: Path, run) -> None:
    (ui_dir / "ui.es.yaml").write_text("ui:\n  quit: Salir\n  menu: {new: Nueva partida}\n", encoding="utf-8")
    code, out = run("deck", "status", mini, "--ui-dir", ui_dir)
    assert code == 0
    assert "interface only (the deck has no text.es.yaml): Español (es): 2 of 3 interface strings translated" in out
    assert "interface only (the deck has no text.fr.yaml)" not in out  # the mini deck has French
    code, out = run("deck", "status", mini, "--lang", "fr", "--ui-dir", ui_dir)
    assert "text.es.yaml" not in out  # --lang says which languages to report on
