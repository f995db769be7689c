# SPDX-License-Identifier: MIT
"""A hardened YAML reader for deck files.

PyYAML's loaders are unsafe for files typed by people we do not control: `yaml.load` may run code,
aliases expand into "billion laughs", duplicate keys are silently dropped, `no` becomes False, and the C
composer segfaults on deeply nested brackets. So we do not use a loader at all: we read the *event stream*
(libyaml's parser is an explicit state machine, it does not recurse) and build plain values ourselves,
iteratively, refusing anchors, aliases, tags, duplicate keys, ambiguous booleans, excessive depth and size.
Event parsing is also ~5x faster than PyYAML's composer, which keeps large decks under a second.

Every problem is reported with its position; nothing here raises on bad input.
"""

from __future__ import annotations

import math
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from booster.deck import yaml_words


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python event parser: slower than libyaml's, and with no nesting limit of its own."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


try:  # libyaml's parser when the wheel has it, the pure-Python one otherwise: both are non-recursive.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = _PyParser  # type: ignore[misc,assignment]

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 16

# YAML 1.1 booleans as PyYAML reads them (YAML 1.2 tools read them as text): refused unless quoted.
_AMBIGUOUS_BOOLS = frozenset(v for w in ("yes", "no", "on", "off") for v in (w, w.capitalize(), w.upper()))
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # in a text: all but the line break
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")

Path_ = tuple[str | int, ...]


class Problem(NamedTuple):
    """One thing wrong in a file, at a 1-based line and column."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        # Escaped: an id holding ESC[2J would clear the terminal, a file name that is not UTF-8 would not print.
        return f"{shown(self.file)}:{self.line}:{self.col}: {shown(self.message)}"


def shown(text: str) -> str:
    """`text` safe to print: control characters and undecodable bytes escaped (\\x1b, \\udcff...)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class Document(NamedTuple):
    """A parsed file: its plain value (None if unreadable) and the text, kept to locate problems later."""

    file: str
    value: Any
    text: str
    # Likely slips that do not stop the file from loading (a ` #` that cuts a text short, a tab in a text).
    warnings: tuple[Problem, ...] = ()

    def locate(self, paths: Iterable[Path_], keys: Iterable[Path_] = ()) -> dict[Path_, tuple[int, int]]:
        """1-based (line, col) of the value at each path (of its key, for paths in `keys`), or of the
        nearest existing parent.

        One pass over the events for all paths, so reporting a thousand problems stays fast.
        """
        asked_values, asked_keys = set(paths), set(keys)
        # A path that does not exist (a missing key) is reported at its nearest existing parent: look for
        # that parent instead, so that the search can stop once everything asked for is found.
        moved = {p: _existing(self.value, p) for p in asked_values | asked_keys} if self.value is not None else {}
        wanted = {moved.get(p, p) for p in asked_values} | {p for p in asked_keys if moved.get(p, p) == p}
        key_wanted = {p for p in asked_keys if moved.get(p, p) == p}
        wanted |= {moved[p] for p in asked_keys if moved.get(p, p) != p}
        found: dict[Path_, tuple[int, int]] = {}
        at_key: dict[Path_, tuple[int, int]] = {}
        if not wanted or not self.text:
            return found
        prefixes = {p[:i] for p in wanted for i in range(len(p) + 1)}
        stack: list[list[Any]] = []  # frames: [path, is_mapping, next key or index, awaiting key]
        try:
            parser = _Parser(self.text)
            n_wanted = len(wanted)
            while len(found) < n_wanted and (event := parser.get_event()) is not None:
                # (once every path is found, the rest of a large file need not be read again)
                cls = event.__class__
                mark = event.start_mark
                assert mark is not None  # the parser marks every event it reads from text
                if cls in (ev.StreamStartEvent, ev.DocumentStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent):
                    continue
                if cls in (ev.MappingEndEvent, ev.SequenceEndEvent):
                    stack.pop()
                    if stack:
                        _advance(stack[-1])
                    continue
                if stack and stack[-1][1] and stack[-1][3]:  # a mapping key
                    frame = stack[-1]
                    frame[2] = str(getattr(event, "value", ""))
                    frame[3] = False
                    key_path = (*frame[0], frame[2])
                    if key_path in wanted and key_path not in found:
                        # The key's place, in case its value cannot be pointed at; the value overrides it.
                        at_key[key_path] = (mark.line + 1, mark.column + 1)
                        if key_path in key_wanted:
                            found[key_path] = at_key[key_path]
                    if cls is not ev.ScalarEvent:
                        break  # complex keys are reported elsewhere; give up locating
                    continue
                path = (*stack[-1][0], stack[-1][2]) if stack else ()
                if path in wanted and path not in found:
                    found[path] = (mark.line + 1, mark.column + 1)
                if cls in (ev.MappingStartEvent, ev.SequenceStartEvent):
                    if path in prefixes:
                        stack.append([path, cls is ev.MappingStartEvent, 0, cls is ev.MappingStartEvent])
                    else:
                        _skip(parser)
                        if stack:
                            _advance(stack[-1])
                    continue
                if stack:
                    _advance(stack[-1])
        except yaml.YAMLError:
            pass
        found = {**at_key, **found}
        for p, q in moved.items():
            if q != p and q in found:
                found[p] = found[q]
        wanted |= moved.keys()
        # A path that does not exist (a missing key) is reported at its parent.
        for p in wanted - found.keys():
            for i in range(len(p) - 1, -1, -1):
                if p[:i] in found:
                    found[p] = found[p[:i]]
                    break
            else:
                found[p] = (1, 1)
        return found


def _existing(value: Any, path: Path_) -> Path_:
    """The longest start of `path` that exists in `value`."""
    for i, key in enumerate(path):
        in_mapping = isinstance(value, dict) and isinstance(key, str) and key in value
        in_list = isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value)
        if not (in_mapping or in_list):
            return path[:i]
        value = value[key]
    return path


def _advance(frame: list[Any]) -> None:
    if frame[1]:
        frame[3] = True
    else:
        frame[2] += 1


def _skip(parser: Any) -> None:
    depth = 1
    while depth:
        cls = parser.get_event().__class__
        if cls in (ev.MappingStartEvent, ev.SequenceStartEvent):
            depth += 1
        elif cls in (ev.MappingEndEvent, ev.SequenceEndEvent):
            depth -= 1


_MAYBE_SPECIAL = frozenset("0123456789+-.~nNtTfF")  # the first characters of anything but text
_WORDS: dict[str, Any] = {**dict.fromkeys(_NULLS), **dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_NUMBER_START = frozenset("0123456789+-.")
_MAX_DIGITS = 100


def _resolve_plain(text: str) -> Any:
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_START:
        return text
    # An integer is an optional sign and digits without a leading zero (checked without a regular
    # expression: the deck's numbers are mostly small integers).
    digits = text[1:] if text[0] in "+-" else text
    if digits.isascii() and digits.isdigit() and (digits[0] != "0" or len(digits) == 1):
        # No deck needs a number this long, and Python refuses to read some (sys.int_max_str_digits):
        # it stays text, which the schema then refuses where a number is expected.
        return int(text) if len(digits) <= _MAX_DIGITS else text
    if _FLOAT.match(text):
        number = float(text)
        # 1.0e999 reads as infinity: it stays text, which the schema refuses where a number is expected.
        return number if math.isfinite(number) else text
    return text


def read_file(
    path: Path,
    shown_as: str | None = None,
    max_bytes: int = MAX_BYTES,
    refuse_control: bool = False,
    all_text: bool = False,
) -> tuple[Document, list[Problem]]:
    """Read and parse one YAML file; never raises for bad content (`refuse_control`, `all_text`: see
    parse_bytes)."""
    name = shown_as or str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a pipe would wait forever, a device would never end
            return Document(name, None, ""), [
                Problem(name, 1, 1, "not a file (a folder, a pipe or a device): a deck file must be a regular file")
            ]
        size = st.st_size
        if size > max_bytes:
            return Document(name, None, ""), [
                Problem(name, 1, 1, f"the file is {size / 1048576:.1f} MiB; the limit is {max_bytes / 1048576:g} MiB")
            ]
        data = path.read_bytes()
    except OSError as e:
        return Document(name, None, ""), [Problem(name, 1, 1, f"cannot read the file: {e.strerror or e}")]
    return parse_bytes(data, name, max_bytes=max_bytes, refuse_control=refuse_control, all_text=all_text)


def parse_bytes(
    data: bytes,
    name: str,
    max_bytes: int = MAX_BYTES,
    max_depth: int = MAX_DEPTH,
    refuse_control: bool = False,
    all_text: bool = False,
) -> tuple[Document, list[Problem]]:
    """Parse YAML bytes into plain dicts, lists, str, int, float, bool and None. With `refuse_control`, a
    control character in a text (but a tab or a line break) is a problem, not a warning (deck files).
    With `all_text` (text and string files, where every value is a text), a plain value is the text it
    reads: `No`, `on`, `null`, `~`, `0123`, `1e3` as written, since Weblate and Translate Toolkit save a
    translation such as `No` unquoted; only an empty value is null (untranslated)."""
    if len(data) > max_bytes:
        return Document(name, None, ""), [
            Problem(name, 1, 1, f"the file is {len(data) / 1048576:.1f} MiB; the limit is {max_bytes / 1048576:g} MiB")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        before = data[: e.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return Document(name, None, ""), [
            Problem(name, line, col, f"byte 0x{data[e.start]:02X} is not UTF-8: save the file as UTF-8")
        ]
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return Document(name, None, text), [Problem(name, 1, 1, "the file is empty")]
    warnings: list[Problem] = []
    value, problems = _build(text, name, max_depth, warnings=warnings, refuse_control=refuse_control, all_text=all_text)
    return Document(name, value, text, tuple(warnings)), problems


def _build(
    text: str,
    name: str,
    max_depth: int,
    parser: Any = _Parser,
    warnings: list[Problem] | None = None,
    refuse_control: bool = False,
    all_text: bool = False,
) -> tuple[Any, list[Problem]]:
    """Builds the value from events in one flat loop (this is the hot path of loading a large deck)."""
    problems: list[Problem] = []
    warnings = [] if warnings is None else warnings

    def warn_text(event: Any, value: str) -> None:
        """A plain text followed by ` #` on its line, or a text holding a tab or control character."""
        end = event.end_mark.index
        if not event.style and text.startswith((" #", "\t#"), end):
            warnings.append(
                Problem(
                    name,
                    event.end_mark.line + 1,
                    event.end_mark.column + 2,
                    f"the text stops before ' #': what follows is a comment, so the card shows only {value!r}; "
                    "if the # belongs to the text, put the whole text in quotes",
                )
            )
        for refused, sentence in yaml_words.text_slips(value):
            # In a deck (`refuse_control`) what would reach the card wrong is a problem; elsewhere a warning.
            slip = Problem(name, event.start_mark.line + 1, event.start_mark.column + 1, sentence)
            (problems if refused and refuse_control else warnings).append(slip)
        if not value.isprintable() and (bad := _CONTROL.search(value)):
            where = (name, event.start_mark.line + 1, event.start_mark.column + 1)
            if bad.group() == "\t":
                warnings.append(
                    Problem(*where, "the text holds a tab, which shows as a blank or a box on a card: use a space")
                )
            else:  # NUL and the like break drawing and printing: a deck refuses them
                (problems if refuse_control else warnings).append(
                    Problem(
                        *where,
                        f"the text holds the control character U+{ord(bad.group()):04X}, which cannot be "
                        "drawn on a card: remove it",
                    )
                )

    def report(mark: Any, message: str) -> None:
        problems.append(Problem(name, mark.line + 1, mark.column + 1, message))

    def refuse_decoration(event: Any) -> None:
        # On a text, the mistake is nearly always an unquoted text starting with & or !: say so.
        line = text.split("\n", event.start_mark.line + 1)[event.start_mark.line]
        if event.anchor is not None:
            report(
                event.start_mark,
                f"anchors (&{event.anchor}) are not allowed: if this is a text, "
                + yaml_words.reserved_start("&", line).split(": ", 1)[1],
            )
        if event.tag is not None:
            report(
                event.start_mark,
                f"tags ({_short(event.tag)}) are not allowed: if this is a text, "
                + yaml_words.reserved_start("!", line).split(": ", 1)[1],
            )

    scalar, alias = ev.ScalarEvent, ev.AliasEvent
    map_start, seq_start = ev.MappingStartEvent, ev.SequenceStartEvent
    map_end, seq_end = ev.MappingEndEvent, ev.SequenceEndEvent
    ambiguous, resolve, maybe_special = _AMBIGUOUS_BOOLS, _resolve_plain, _MAYBE_SPECIAL
    if all_text:  # only an empty value is resolved (to null): every other plain value is its text
        ambiguous, maybe_special = frozenset(), frozenset({""})
    root: Any = None
    documents = 0
    # The open container, whether it is a mapping, and its pending key (_NO_KEY while a key is expected);
    # outer ones wait on `stack`.
    container: Any = None
    is_map = False
    key: Any = _NO_KEY
    stack: list[tuple[Any, bool, Any]] = []
    get_event = parser(text).get_event
    try:
        while (event := get_event()) is not None:
            cls = event.__class__
            if cls is scalar:
                if event.anchor is not None or event.tag is not None:
                    refuse_decoration(event)
                value = event.value
                plain = not event.style
                if plain and len(value) <= 3 and value in ambiguous:
                    report(
                        event.start_mark,
                        f"'{value}' means true or false to some YAML readers: put it in quotes "
                        f'("{value}") if it is text, or write true or false',
                    )
                    plain = False  # stays the text it is
                if is_map:
                    if key is _NO_KEY:  # a plain key stays the text it is ("1", "true"): ids are names
                        if value in container:
                            report(event.start_mark, f"the key '{value}' appears twice in the same mapping: keep one")
                            key = _BAD_KEY
                        else:
                            key = value
                        continue
                    # Most plain values are words: only those that may be null, a bool or a number are resolved.
                    if plain and (not value or value[0] in maybe_special):
                        value = resolve(value)
                    if isinstance(value, str) and (not value.isprintable() or not event.style or "<" in value):
                        warn_text(event, value)
                    if key is not _BAD_KEY:
                        container[key] = value
                    key = _NO_KEY
                    continue
                if plain and (not value or value[0] in maybe_special):
                    value = resolve(value)
                if container is not None:
                    container.append(value)
                else:
                    root = value
            elif cls is map_start or cls is seq_start:
                if event.anchor is not None or event.tag is not None:
                    refuse_decoration(event)
                if len(stack) >= max_depth:
                    report(event.start_mark, f"the data is nested more than {max_depth} levels deep")
                    return None, problems
                new: Any = {} if cls is map_start else []
                if is_map:
                    if key is _NO_KEY:
                        report(event.start_mark, "a key must be a plain name, not a mapping or list")
                        key = _KEY_CONTAINER  # parsed, then dropped with its value
                    elif key is not _BAD_KEY:
                        container[key] = new
                elif container is not None:
                    container.append(new)
                else:
                    root = new
                stack.append((container, is_map, key))
                container, is_map, key = new, cls is map_start, _NO_KEY
            elif cls is map_end or cls is seq_end:
                container, is_map, key = stack.pop()
                if is_map:
                    # What just closed was a (refused) key, whose value is dropped next, or a value.
                    key = _BAD_KEY if key is _KEY_CONTAINER else _NO_KEY
            elif cls is alias:
                line = text.split("\n", event.start_mark.line + 1)[event.start_mark.line]
                report(
                    event.start_mark,
                    f"aliases (*{event.anchor}) are not allowed: if this is a text, "
                    + yaml_words.reserved_start("*", line).split(": ", 1)[1],
                )
                if is_map:
                    key = _BAD_KEY if key is _NO_KEY else _NO_KEY
                elif container is not None:
                    container.append(None)
            elif cls is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    report(event.start_mark, "the file holds more than one YAML document (a second '---')")
                    return root, problems
    except yaml.MarkedYAMLError as e:
        if parser is not _PyParser and "nesting depth" in str(e.problem):
            # libyaml refuses very deep nesting itself (its limit is far above ours) before it hands us the
            # event where ours is passed; the pure parser finds that place, so the message is ours.
            del warnings[:]  # found again by the second reading
            return _build(text, name, max_depth, _PyParser, warnings, refuse_control, all_text)
        problems.append(Problem(name, *yaml_words.explain(text, e)))
        return None, problems
    except yaml.reader.ReaderError as e:
        before = text[: e.position]
        line, col = before.count("\n") + 1, e.position - (before.rfind("\n") + 1) + 1
        char = e.character if isinstance(e.character, str) else chr(e.character)
        problems.append(Problem(name, line, col, f"the character U+{ord(char):04X} is not allowed in YAML: remove it"))
        return None, problems
    except yaml.YAMLError as e:  # pragma: no cover - any other error of the parser
        problems.append(Problem(name, 1, 1, f"YAML error: {e}"))
        return None, problems
    if root is None and not problems:
        problems.append(Problem(name, 1, 1, "the file is empty"))
    return root, problems


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


class _Sentinel:
    def __repr__(self) -> str:
        return self.__class__.__name__


_NO_KEY: Any = type("NoKey", (_Sentinel,), {})()
_BAD_KEY: Any = type("BadKey", (_Sentinel,), {})()
_KEY_CONTAINER: Any = type("KeyContainer", (_Sentinel,), {})()
