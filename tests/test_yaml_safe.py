# SPDX-License-Identifier: MIT
"""The hardened YAML reader: every kind of hostile or broken file gives a located sentence, never a crash."""

import math
import re
import subprocess
import sys

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from booster.deck.yaml_safe import _resolve_plain, parse_bytes


def problems(data: bytes) -> list[str]:
    return [str(p) for p in parse_bytes(data, "f.yaml")[1]]


def test_plain_values_are_read_like_yaml_but_only_true_false_are_booleans():
    doc, found = parse_bytes(b"a: 1\nb: [x, 'no']\nc: {d: true, e: -2}\nf: ~\ng: 1.5\n", "f.yaml")
    assert found == []
    assert doc.value == {"a": 1, "b": ["x", "no"], "c": {"d": True, "e": -2}, "f": None, "g": 1.5}


def test_yaml_11_booleans_are_refused_where_they_are_unquoted():
    found = problems(b"lang: no\ntitle: Yes\nok: 'off'\n")
    assert len(found) == 2
    assert found[0].startswith("f.yaml:1:7: 'no' means true or false")
    assert "put it in quotes" in found[0]
    assert found[1].startswith("f.yaml:2:8:")


def test_duplicate_keys_are_named_at_the_second_one():
    assert problems(b"a: 1\nb: 2\na: 3\n") == ["f.yaml:3:1: the key 'a' appears twice in the same mapping: keep one"]


def test_billion_laughs_is_refused_without_expanding():
    data = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 9):
        data += f"b{i}: &b{i} [{','.join([f'*b{i - 1}' if i > 1 else '*a'] * 9)}]\n".encode()
    found = problems(data)
    assert any("anchors (&a) are not allowed" in p for p in found)
    assert any("aliases (*a) are not allowed" in p for p in found)


def test_tags_are_refused_so_no_code_can_run():
    found = problems(b"a: !!python/object/apply:os.system ['echo hacked']\n")
    assert len(found) == 1 and found[0].startswith("f.yaml:1:4: tags (!!python/object/apply:os.system) are not allowed")


def test_syntax_errors_are_located():
    found = problems(b"a: [1, 2\nb: 3\n")
    # At the '[' that opened the list (the parser itself stops a line below).
    assert len(found) == 1 and found[0].startswith("f.yaml:1:4: a text cannot start with '['")


def test_non_utf8_bytes_are_located():
    assert problems(b"a: ok\nb: caf\xe9\n") == ["f.yaml:2:7: byte 0xE9 is not UTF-8: save the file as UTF-8"]


def test_empty_and_comment_only_files_are_empty():
    assert problems(b"") == ["f.yaml:1:1: the file is empty"]
    assert problems(b"# only a comment\n\n") == ["f.yaml:1:1: the file is empty"]


def test_size_cap():
    found = problems(b"a: " + b"x" * 3_000_000)
    assert len(found) == 1 and "the limit is 2 MiB" in found[0]


def test_deep_nesting_is_refused_in_flow_and_block_style():
    assert "nested more than 16 levels" in problems(b"[" * 25_000 + b"]" * 25_000)[0]
    block = b"".join(b"  " * i + b"k:\n" for i in range(40))
    assert "nested more than 16 levels" in problems(block)[0]


def test_deep_nesting_never_crashes_the_process():
    """PyYAML's C composer segfaults here; our reader must return. Run it in a child to see a crash."""
    code = (
        "from booster.deck.yaml_safe import parse_bytes;"
        "print(len(parse_bytes(b'[' * 200000 + b']' * 200000, 'x', max_bytes=10**7)[1]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"


def test_control_characters_and_second_documents():
    assert problems(b"a: b\x07c\n") == ["f.yaml:1:5: the character U+0007 is not allowed in YAML: remove it"]
    assert "more than one YAML document" in problems(b"a: 1\n---\nb: 2\n")[0]


def test_locate_finds_values_and_keys_in_one_pass():
    doc, _ = parse_bytes(b"cards:\n  a:\n    kind: tool\n    stage: x\n  b: {kind: 3}\n", "f.yaml")
    where = doc.locate([("cards", "a", "stage"), ("cards", "b", "kind"), ("cards", "zz", "kind")])
    assert where[("cards", "a", "stage")] == (4, 12)
    assert where[("cards", "b", "kind")] == (5, 13)
    assert where[("cards", "zz", "kind")] == (2, 3)  # missing: reported at the nearest parent that exists


# Plain data that YAML can represent, with keys that are names.
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
scalars = st.one_of(st.integers(-(10**6), 10**6), st.booleans(), st.none(), names)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(names, inner, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(names, values, min_size=1, max_size=5))
def test_whatever_pyyaml_dumps_we_read_back_identically(data):
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=False)
    doc, found = parse_bytes(text.encode(), "f.yaml")
    assert found == []
    assert doc.value == data


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data):
    doc, found = parse_bytes(data, "f.yaml")
    assert doc.value is not None or found
    for p in found:
        assert p.line >= 1 and p.col >= 1 and p.message


_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")


def resolved_by_the_rules(text: str) -> object:
    """What a plain scalar means, as deck-format.md states it: the reference `_resolve_plain` must match."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT.match(text):
        return int(text) if len(text.lstrip("+-")) <= 100 else text  # longer: text, never a crash
    if _FLOAT.match(text):
        number = float(text)
        return number if math.isfinite(number) else text  # 1.0e999: text, which the schema then refuses
    return text


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(st.sampled_from("0123456789+-.eE_~nNtTfFaulsxr ١²"), max_size=8), st.text(max_size=8)))
def test_plain_scalars_resolve_exactly_as_the_rules_say(text):
    got, want = _resolve_plain(text), resolved_by_the_rules(text)
    assert type(got) is type(want)
    assert got == want or (got != got and want != want)
