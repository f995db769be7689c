# SPDX-License-Identifier: MIT
"""A Weblate save never makes a language refused (issue 25 §3): Weblate writes a monolingual YAML file with
Translate Toolkit's YAML writer, which leaves `No`, `Yes`, `On`, `Off` unquoted. In a text file every value
is a text, so each loads as the word it is, whatever a YAML 1.1 reader would make of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from booster.deck.loader import load_deck

WORDS = ["No", "Yes", "On", "Off", "null", "~", "0123", "1e3", "off", "YES", "true", "False", ".inf", "0x1F", "12"]


def _weblate_save(template: bytes, words: list[str]) -> tuple[bytes, dict[str, str]]:
    """A German file as Weblate writes it: each unit of the source translated, serialised by Translate
    Toolkit; and {unit id: translation}."""
    ty = pytest.importorskip("translate.storage.yaml")
    source = ty.YAMLFile()
    source.parse(template)
    out = ty.YAMLFile()
    wanted = {}
    for i, unit in enumerate(source.units):
        new = out.addsourceunit(unit.source)
        new.setid(unit.getid())
        new.target = wanted[unit.getid()] = words[i % len(words)]
    return bytes(out), wanted


def test_a_weblate_save_of_yaml_words_loads_as_text(mini: Path, run) -> None:
    data, wanted = _weblate_save((mini / "text.en.yaml").read_bytes(), WORDS)
    assert b"title: No\n" in data  # unquoted, as Weblate saves it
    (mini / "text.de.yaml").write_bytes(data)
    result = load_deck(mini)
    assert result.deck is not None and not result.refused, result.problems
    for unit, word in wanted.items():
        assert result.deck.text("de", *unit.split("->")) == word, unit
    code, out = run("deck", "check", mini)
    assert code == 0, out
    assert "German" not in out or "refused" not in out
    code, out = run("deck", "status", mini, "--lang", "de")
    assert code == 0 and "problem" not in out, out


def _ttk_save(path: Path, unit_id: str, source: str, target: str) -> None:
    """What Weblate does when a translator saves one text: Translate Toolkit edits the file in place."""
    ty = pytest.importorskip("translate.storage.yaml")
    store = ty.YAMLFile()
    store.parse(path.read_bytes())
    unit = store.findid(unit_id)
    if unit is None:
        unit = store.addsourceunit(source)
        unit.setid(unit_id)
    unit.target = target
    path.write_bytes(bytes(store))


def test_comments_survive_weblate_saves_after_the_clean_up(mini: Path, run) -> None:
    """The documented set-up: a language started with `deck translate`, Weblate's saves, then the clean-up
    step (`deck translate` again). The first save of a file with nothing translated keeps no comment (there
    is no entry to keep them with); the clean-up puts them back, and every later save keeps them all."""
    path = mini / "text.de.yaml"
    assert run("deck", "translate", mini, "--lang", "de")[0] == 0
    _ttk_save(path, "cards->garden->title", "A garden", "Ein Garten")
    assert run("deck", "translate", mini, "--lang", "de")[0] == 0  # the clean-up
    cleaned = path.read_text(encoding="utf-8")
    assert "    # en: A garden\n    title: " in cleaned
    comments = [line.strip() for line in cleaned.splitlines() if line.strip().startswith("#")]
    _ttk_save(path, "cards->garden->text", "A plot of land is free.", "Ein Grundstück ist frei.")
    _ttk_save(path, "cards->garden->title", "A garden", "Ein Gemüsegarten")
    saved = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()}
    assert [c for c in comments if c not in saved] == []
    result = load_deck(mini)
    assert result.deck is not None and not result.refused
    assert result.deck.text("de", "cards", "garden", "title") == "Ein Gemüsegarten"
    assert run("deck", "translate", mini, "--lang", "de")[0] == 0  # and the clean-up still restores the order
    assert "    # en: A plot of land is free.\n    text: " in path.read_text(encoding="utf-8")
