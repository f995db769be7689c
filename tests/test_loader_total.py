# SPDX-License-Identifier: MIT
"""The loader never tracebacks, whatever the file: any value anywhere, odd files, hostile names and sizes."""

from __future__ import annotations

import copy
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from deckgen import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booster.deck.loader import MAX_PER_FILE, load_deck
from booster.deck.yaml_safe import read_file

MECHANICS = MINI.parent / "mechanics"

# Any value YAML can hold: the scalars the reader resolves (whole-number floats, huge and infinite numbers,
# texts with control characters and escapes) and lists and mappings of them.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-5, 5).map(float)
    | st.floats(allow_nan=False)
    | st.sampled_from(["challenge", "tool", "experience", "ecology", "start", "garden", "1.0e999", "no", "\x1b[2J"])
    | st.text(max_size=10)
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _nodes(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _nodes(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _nodes(v, (*path, i))


def _plain(folder: Path) -> dict[str, object]:
    return {f.name: read_file(f)[0].value for f in sorted(folder.glob("*.yaml"))}


PLAIN = {MINI: _plain(MINI), MECHANICS: _plain(MECHANICS)}


def _assert_located(result) -> None:
    for p in result.problems + list(result.warnings):
        assert p.line >= 1 and p.col >= 1 and p.message
        assert str(p).isprintable(), str(p)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_node_of_a_valid_deck_replaced_by_any_value_gives_a_deck_or_located_sentences(tmp_path, data):
    deck = data.draw(st.sampled_from(sorted(PLAIN)))
    name = data.draw(st.sampled_from(sorted(PLAIN[deck])))
    value = copy.deepcopy(PLAIN[deck][name])
    where = data.draw(st.sampled_from(list(_nodes(value))))
    new = data.draw(YAML_VALUES)
    if where:
        target = value
        for step in where[:-1]:
            target = target[step]
        target[where[-1]] = new
    else:
        value = new
    folder = tmp_path / f"d{abs(hash((name, where))) % 10**8}"
    if not folder.exists():
        import shutil

        shutil.copytree(deck, folder)
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    (folder / name).write_text(text, encoding="utf-8")
    try:
        _assert_located(load_deck(folder))
    finally:
        (folder / name).write_text((deck / name).read_text(encoding="utf-8"), encoding="utf-8")


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, name)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(folder: Path) -> list[str]:
    result = load_deck(folder)
    _assert_located(result)
    return [str(p) for p in result.problems]


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("cards.yaml", "kind: challenge", "kind: [challenge]"),
        ("cards.yaml", "kind: challenge", "kind: {a: 1}"),
        ("rules.yaml", "spaces: [challenge, tool]", "spaces: 5"),
        ("text.en.yaml", "cards:\n", "cards: 5\nx:\n"),
    ],
)
def test_wrong_types_where_the_checks_used_to_crash(mini_copy, file, old, new):
    if old not in (mini_copy / file).read_text(encoding="utf-8"):
        pytest.skip(f"the mini deck no longer has {old!r}")
    _edit(mini_copy, file, old, new)
    assert _messages(mini_copy)


def test_limits_as_a_list_or_a_text_is_a_sentence(mini_copy):
    (mini_copy / "rules.yaml").write_text(
        (mini_copy / "rules.yaml").read_text(encoding="utf-8") + "limits: [1, 2]\n", encoding="utf-8"
    )
    assert any("limits" in m for m in _messages(mini_copy))


def test_whole_number_floats_are_the_numbers_they_are(mini_copy):
    _edit(mini_copy, "rules.yaml", "exchange: {rate: 1, cap: 2}", "exchange: {rate: 2.0, cap: 3.0}")
    _edit(mini_copy, "cards.yaml", "ecology: 2, economy: -1", "ecology: 2.0, economy: -1.0")
    result = load_deck(mini_copy)
    assert result.deck is not None, result.problems
    assert (result.deck.rules.exchange_rate, result.deck.rules.exchange_cap) == (2, 3)
    grow = result.deck.cards["garden"].option("grow")
    assert [x for x in grow.effect if x] == [2, -1]


def test_a_number_too_large_is_named_as_such(mini_copy):
    _edit(mini_copy, "rules.yaml", "timer: {seconds: 60}", "timer: {seconds: 1.0e999}")
    messages = _messages(mini_copy)
    assert any("1.0e999" in m and "nothing" not in m for m in messages), messages


def test_nul_and_control_characters_in_a_text_are_refused(mini_copy):
    _edit(mini_copy, "text.en.yaml", "title: A garden", 'title: "A gar\\0den"')
    _edit(mini_copy, "text.fr.yaml", "title: Un jardin", 'title: "Un \\e[2Jjardin"')
    messages = _messages(mini_copy)
    assert any("text.en.yaml" in m and "U+0000" in m for m in messages), messages
    assert any("text.fr.yaml" in m and "U+001B" in m for m in messages), messages
    assert load_deck(mini_copy).deck is None  # the source text is broken: no deck


def test_a_tab_in_a_text_is_only_a_warning(mini_copy):
    _edit(mini_copy, "text.en.yaml", "title: A garden", 'title: "A\\tgarden"')
    result = load_deck(mini_copy)
    assert result.deck is not None and any("tab" in w.message for w in result.warnings)


def test_ids_with_escape_sequences_are_printed_escaped(mini_copy, capsys):
    from booster.tools.cli import main

    _edit(mini_copy, "cards.yaml", "  garden:", '  "\\e[2Jgarden":')
    assert main(["deck", "check", str(mini_copy)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_a_broken_cards_file_is_reported_alone(mini_copy):
    (mini_copy / "cards.yaml").write_text("cards: [1, 2]\n", encoding="utf-8")
    messages = _messages(mini_copy)
    assert not [m for m in messages if "which does not exist" in m], messages
    assert any("cards.yaml" in m for m in messages)


def test_a_pipe_or_a_folder_named_as_a_text_file_is_named_as_such(mini_copy):
    os.mkfifo(mini_copy / "text.de.yaml")
    (mini_copy / "text.es.yaml").mkdir()
    messages = _messages(mini_copy)  # never blocks reading the pipe
    for name in ("text.de.yaml", "text.es.yaml"):
        assert any(name in m and "not a file" in m for m in messages), messages
    (mini_copy / "text.en.yaml").unlink()
    os.mkfifo(mini_copy / "text.en.yaml")
    messages = _messages(mini_copy)
    assert any("text.en.yaml" in m and "not a file" in m for m in messages)
    assert not any("there is no text.en.yaml" in m for m in messages), messages


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_named_as_a_deck_file_is_never_read(mini_copy):
    os.mknod(mini_copy / "text.de.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
    assert any("text.de.yaml" in m and "not a file" in m for m in _messages(mini_copy))


def test_links_out_of_the_deck_folder_are_refused(mini_copy, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("operator-account:$6$hash:19000:0:99999:7:::\n", encoding="utf-8")
    (mini_copy / "text.de.yaml").symlink_to(secret)
    (mini_copy / "text.it.yaml").symlink_to("/dev/zero")
    messages = _messages(mini_copy)
    assert not any("operator-account" in m or "$6$" in m for m in messages), messages
    for name in ("text.de.yaml", "text.it.yaml"):
        assert any(name in m and "outside the deck folder" in m for m in messages), messages
    inside = mini_copy / "text.es.yaml"
    inside.symlink_to(mini_copy / "text.fr.yaml")  # a link inside the deck is fine
    assert not any("text.es.yaml" in m and "outside" in m for m in _messages(mini_copy))


def test_an_unreadable_deck_folder_is_a_sentence(mini_copy, monkeypatch):
    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refuse)
    messages = _messages(mini_copy)
    assert any("cannot read the deck folder" in m for m in messages), messages


def test_a_file_name_that_is_not_utf8_is_printed_escaped(mini_copy):
    os.close(os.open(os.fsencode(mini_copy) + b"/text.\xff.yaml", os.O_CREAT | os.O_WRONLY))
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    r = subprocess.run(
        [sys.executable, "-m", "booster", "deck", "check", str(mini_copy)], capture_output=True, env=env, timeout=60
    )
    out = r.stdout.decode("utf-8") + r.stderr.decode("utf-8")
    assert r.returncode == 1 and "Traceback" not in out
    assert "\\udcff" in out or "\\xff" in out, out


def test_a_file_of_thousands_of_unknown_keys_lists_the_first_ones_and_a_count(mini_copy):
    lines = "".join(f"    unknown-field-{i}: value\n" for i in range(5000))
    _edit(mini_copy, "text.en.yaml", "  garden:\n", "  garden:\n" + lines)
    messages = [m for m in _messages(mini_copy) if "text.en.yaml" in m]
    assert len(messages) <= MAX_PER_FILE + 2
    assert any("more problems in this file" in m for m in messages), messages[-3:]


def test_a_large_invalid_file_gets_the_same_problems_part_by_part():
    from booster.deck import schemas

    cards = {f"c-{i}": {"kind": "tool", "stage": "start", "pillar": "ecology"} for i in range(3 * schemas.CHUNK)}
    for i in (3, 700, 1400):
        cards[f"c-{i}"] = {"kind": ["tool"], "bogus": 1}
    value = {"cards": cards, "unknown-top": 1}
    whole = [(tuple(e.instance_path), e.kind.name) for e in schemas._validator("cards").iter_errors(value)]
    parts = [(tuple(e.instance_path), e.kind.name) for e in schemas._errors("cards", value)]
    assert sorted(parts) == sorted(whole) and len(whole) > 3
