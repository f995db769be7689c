# SPDX-License-Identifier: MIT
"""deck translate: the file it writes re-reads identically, passes check, and keeps every translation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster.deck import schemas
from booster.deck.loader import load_deck
from booster.deck.yaml_safe import parse_bytes
from booster.tools.translation import core, yamlwrite

# Text a translator might type, and the traps of YAML: quotes, ': ', ' #', leading spaces, `no`, newlines.
TRAPS = st.sampled_from(
    [
        "no",
        "yes",
        "On",
        "~",
        "null",
        "- x",
        ": y",
        " # z",
        "  lead",
        "trail ",
        "'",
        '"',
        "\\",
        "\n",
        "\r\n",
        "\t",
        "@",
        "%",
        "&a",
        "*b",
        "!tag",
        "|",
        ">",
        "{",
        "[",
        "\u2028",
        "\x85",
        "\ufeff",
        "\x07",
        "1.5",
        "0x1",
        "Ča ψ €",
        "🙂",
    ]
)
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), TRAPS), min_size=1, max_size=5).map("".join)
KEYS = st.one_of(st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True), st.sampled_from(["no", "y", "1", "on"]))
TREE = st.recursive(TEXT, lambda sub: st.dictionaries(KEYS, sub, min_size=1, max_size=4), max_leaves=12)


def _reread(text: str):
    doc, problems = parse_bytes(text.encode("utf-8"), "t.yaml")
    assert not problems, (problems, text)
    return doc.value


@given(TEXT)
@settings(max_examples=300)
def test_quote_round_trip(s: str) -> None:
    assert _reread(f"k: {yamlwrite.quote(s)}\n") == {"k": s}


@given(TEXT)
@settings(max_examples=200)
def test_comment_never_breaks_the_file(s: str) -> None:
    lines = yamlwrite.comment_lines("fr:", s, "  ")
    assert _reread("a:\n" + "\n".join(lines) + '\n  b: "x"\n') == {"a": {"b": "x"}}


def _prune(source, target):
    """What of `target` a translation file keeps: the parts with at least one text."""
    out = {}
    for k, v in target.items():
        if isinstance(v, str):
            out[k] = v
        elif isinstance(v, dict) and (sub := _prune(source.get(k, {}) if isinstance(source, dict) else {}, v)):
            out[k] = sub
    return out


@given(st.dictionaries(KEYS, TREE, min_size=1, max_size=4), st.data())
@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_render_round_trip(source, data) -> None:
    # A translation: some of the source's paths, with other texts.
    paths = list(core.flat(source))
    chosen = data.draw(st.lists(st.sampled_from(paths), unique=True)) if paths else []
    target: dict = {}
    for p in chosen:
        node = target
        parts = _split(source, p)
        for k in parts[:-1]:
            node = node.setdefault(k, {})
        node[parts[-1]] = data.draw(TEXT)
    # REUSE-IgnoreStart (a licence line in a string, not this file's)
    text = core.render(source, target, "fr", ["# SPDX-License-Identifier: CC-BY-SA-4.0"])
    # REUSE-IgnoreEnd
    back = _reread(text)
    assert back == (target or {}), text


def _split(source, dotted: str) -> list[str]:
    # Keys may hold dots in this random data: walk the source to split the path.
    for p, _ in core.text_paths(source):
        if ".".join(p) == dotted:
            return list(p)
    raise AssertionError(dotted)


def test_translate_new_language(mini: Path, run) -> None:
    code, out = run("deck", "translate", mini, "--lang", "it")
    assert code == 0, out
    assert "created" in out and "0 of 35" in out
    text = (mini / "text.it.yaml").read_text(encoding="utf-8")
    first, second = text.splitlines()[:2]
    # The schema named on the first line is there, seen from where the file is.
    assert first.startswith("# yaml-language-server: $schema=")
    assert (mini / first.split("=", 1)[1]).resolve() == (schemas.bundled_folder() / "text.schema.json").resolve()
    # REUSE-IgnoreStart (a licence line in a string, not this file's)
    assert second == "# SPDX-License-Identifier: CC-BY-SA-4.0"
    # REUSE-IgnoreEnd
    assert '  # garden:  # challenge, start\n    # # en: A garden\n    # title: ""' in text
    assert run("deck", "check", mini)[0] == 0
    assert core.status(core.deck_textset(mini), "it").missing  # nothing translated, nothing invented


def test_translate_keeps_translations_in_source_order(mini: Path, run) -> None:
    before = (mini / "text.fr.yaml").read_text(encoding="utf-8")
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    after = (mini / "text.fr.yaml").read_text(encoding="utf-8")
    assert _reread(after) == _reread(before)
    assert '  garden:  # challenge, start\n    # en: A garden\n    title: "Un jardin"\n' in after  # source above
    assert after.index("deck:") < after.index("pillars:") < after.index("# stages:") < after.index("cards:")
    # Idempotent: a second run changes nothing.
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    assert (mini / "text.fr.yaml").read_text(encoding="utf-8") == after
    result = load_deck(mini)
    assert result.deck is not None and result.deck.text("fr", "cards", "garden", "title") == "Un jardin"


def test_uncommenting_an_entry_gives_a_valid_file(mini: Path, run) -> None:
    run("deck", "translate", mini, "--lang", "fr")
    path = mini / "text.fr.yaml"
    text = path.read_text(encoding="utf-8")
    # What a translator does in an editor: uncomment the card and its title, fill the title in.
    text = text.replace(
        '  # map:  # tool, start, social\n    # # en: Map\n    # title: ""',
        '  map:  # tool, start, social\n    # en: Map\n    title: "Carte"',
    )
    path.write_text(text, encoding="utf-8")
    assert run("deck", "check", mini)[0] == 0
    assert load_deck(mini).deck.text("fr", "cards", "map", "title") == "Carte"


def test_translate_refuses_a_broken_file(mini: Path, run) -> None:
    (mini / "text.fr.yaml").write_text("cards: [unclosed\n", encoding="utf-8")
    code, out = run("deck", "translate", mini, "--lang", "fr")
    assert code == 1 and "nothing was written" in out
    assert (mini / "text.fr.yaml").read_text(encoding="utf-8") == "cards: [unclosed\n"


def test_translate_bad_language(mini: Path, run) -> None:
    assert run("deck", "translate", mini, "--lang", "IT")[0] == 2
    assert run("deck", "translate", mini, "--lang", "en")[0] == 2


def test_translate_ui(mini: Path, ui_dir: Path, run) -> None:
    code, out = run("deck", "translate", mini, "--lang", "fr", "--ui", "--ui-dir", ui_dir)
    assert code == 0, out
    assert _reread((ui_dir / "ui.fr.yaml").read_text(encoding="utf-8")) == {"ui": {"quit": "Quitter"}}


def test_yaml2po_po2yaml_round_trip(mini: Path, run, tmp_path: Path) -> None:
    pytest.importorskip("translate.storage.yaml")
    from translate.convert import po2yaml, yaml2po

    # A complete translation with the characters that trip YAML writers.
    ts = core.deck_textset(mini)
    tricky = iter(["Ça : « oui » # pas un commentaire", '  espaces "citées"', "ligne 1\nligne 2", "Ψ Ω ž č ć đ"])
    full = _map(ts.source, lambda s: next(tricky, "FR " + s))
    (mini / "text.fr.yaml").write_text(core.render(ts.source, full, "en", core.header_lines(ts)), encoding="utf-8")
    po, back = tmp_path / "fr.po", tmp_path / "back.yaml"
    with open(mini / "text.fr.yaml", "rb") as i, open(po, "wb") as o, open(mini / "text.en.yaml", "rb") as t:
        assert yaml2po.run_converter(i, o, t) == 1
    with open(po, "rb") as i, open(back, "wb") as o, open(mini / "text.en.yaml", "rb") as t:
        assert po2yaml.run_converter(i, o, t) == 1
    assert _reread(back.read_text(encoding="utf-8")) == full
    # And the file it gives is one deck translate accepts and puts back in shape.
    shutil.copy(back, mini / "text.fr.yaml")
    assert run("deck", "translate", mini, "--lang", "fr")[0] == 0
    assert _reread((mini / "text.fr.yaml").read_text(encoding="utf-8")) == full


def _map(node, fn):
    return {k: fn(v) if isinstance(v, str) else _map(v, fn) for k, v in node.items()}


def test_drop_same_undoes_po2yaml_copies(mini: Path, run) -> None:
    path = mini / "text.fr.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "stages:\n  start: {name: Start, intro: Où ça commence.}\n", encoding="utf-8"
    )
    code, out = run("deck", "translate", mini, "--lang", "fr", "--drop-same")
    assert code == 0 and "1 texts identical to the source" in out
    st = core.status(core.deck_textset(mini), "fr")
    assert "stages.start.name" in st.missing and "stages.start.intro" in st.translated
