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
