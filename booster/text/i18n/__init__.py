# SPDX-License-Identifier: MIT
"""Every translatable string of the program (screen, printed deck, session report) in one YAML system.

`ui.<lang>.yaml` holds a `ui:` mapping: the screen's strings at the top (`start.new_game`), the printed
deck's under `print.`, the report's under `report.`, the card captions all three share under `card.`.
English is the source and the fallback. The bundled files live beside this module; a translator's own
files live in the user's data folder (`paths.user_ui_strings()`), where a reinstall does not delete them,
and take precedence over the bundled file of the same language.

Files are re-read when they change (their modification time is part of the cache key), so that
`play --watch` shows a translator's edit at once.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from booster.deck.coverage import flat, is_translated
from booster.deck.yaml_safe import read_file

BUNDLED = Path(__file__).resolve().parent
SOURCE = "en"
FALLBACK = SOURCE
MARK_OPEN, MARK_CLOSE = "[[", "]]"
_FILE = re.compile(r"ui\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.yaml\Z")

_cache: dict[Path, tuple[tuple[int, int], dict[str, Any]]] = {}
_good: dict[Path, dict[str, Any]] = {}  # the last version of each file read without a problem


def user_folder() -> Path:
    from booster import paths

    return paths.user_ui_strings()


def folders() -> list[Path]:
    """Where string files are looked for, the translator's own folder first."""
    return [user_folder(), BUNDLED]


def file_of(lang: str) -> Path | None:
    """The file that holds `lang`'s strings: the translator's own, else the bundled one; None if neither."""
    for folder in folders():
        path = folder / f"ui.{lang}.yaml"
        if path.is_file():
            return path
    return None


def languages() -> tuple[str, ...]:
    """Every language that has a string file, bundled or the translator's own."""
    found: set[str] = set()
    for folder in folders():
        if folder.is_dir():
            found |= {m.group(1) for p in folder.iterdir() if (m := _FILE.match(p.name))}
    return tuple(sorted(found))


def table(lang: str) -> dict[str, Any]:
    """The `ui:` mapping of `lang` ({} when it has no readable file)."""
    path = file_of(lang)
    if path is None:
        return {}
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
    except OSError:
        return {}
    hit = _cache.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    doc, problems = read_file(path, all_text=True)
    ui = doc.value.get("ui") if isinstance(doc.value, Mapping) else None
    value = dict(ui) if isinstance(ui, Mapping) else {}
    if problems or not isinstance(ui, Mapping):
        # A translator's broken edit (`play --watch`): keep the last good version of the file rather than
        # fall back to English; `check` says what is wrong, and the watch shows it.
        value = _good.get(path, value)
    else:
        _good[path] = value
    _cache[path] = (stamp, value)
    return value


def lookup(tab: Mapping[str, Any], key: str) -> str | None:
    node: Any = tab
    for part in key.split("."):
        node = node.get(part) if isinstance(node, Mapping) else None
    return node if is_translated(node) else None  # an empty string is no translation


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a string (what `str.format` fills); a broken brace gives {"{"}."""
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"{"}


def _format(text: str, fmt: Mapping[str, Any]) -> str | None:
    try:
        return text.format(**fmt)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def mark_missing_default() -> bool:
    return os.environ.get("BOOSTER_MARK_MISSING", "") not in ("", "0")


class Strings:
    """`t("board.turn", team="Blue")`: the string in `lang`, formatted; English when `lang` lacks it or
    its placeholders are broken (so that a translator's typo never drops the card text it should show)."""

    def __init__(self, lang: str, mark_missing: bool | None = None, prefix: str = "") -> None:
        self.lang = lang
        self.mark_missing = mark_missing_default() if mark_missing is None else mark_missing
        self.prefix = prefix

    def __call__(self, key: str, **fmt: Any) -> str:
        key = self.prefix + key
        text = lookup(table(self.lang), key)
        if text is not None and fmt:
            text = _format(text, fmt)
        missing = text is None
        if text is None:
            source = lookup(table(FALLBACK), key) or key
            text = (_format(source, fmt) if fmt else None) or source
        if missing and self.mark_missing and self.lang != FALLBACK:
            return f"{MARK_OPEN}{text}{MARK_CLOSE}"
        return text

    def has(self, key: str) -> bool:
        return lookup(table(self.lang), self.prefix + key) is not None

    def language_name(self, lang: str) -> str:
        """The language's own name for itself ("Italiano"), as its file says, else the code."""
        return language_name(lang)


def language_name(lang: str) -> str:
    """The language's own name for itself ("Italiano"), as its string file says, else the code: the one
    table of language names, shown by the language switch, the printed deck and the command line."""
    return lookup(table(lang), "lang_name") or lang


def language_label(lang: str) -> str:
    """The language's name with its code, for the command line ("Italiano (it)"; "de" alone when the
    program has no strings in it, hence no name)."""
    name = language_name(lang)
    return lang if name == lang else f"{name} ({lang})"


def section(lang: str, prefix: str) -> Callable[..., str]:
    """A lookup for one part of the strings (`section("es", "print.")("rules")`), never marked missing."""
    return Strings(lang, mark_missing=False, prefix=prefix)


def screen_strings_missing(lang: str) -> tuple[int, int]:
    """(how many of the source's screen strings `lang` lacks, how many there are): what the language switch
    says of an incomplete language. Print and report strings do not count: the switch changes the screen."""
    source = [k for k in flat(table(SOURCE)) if not k.startswith(("print.", "report."))]
    if lang == SOURCE:
        return 0, len(source)
    own = table(lang)
    return sum(1 for k in source if lookup(own, k) is None), len(source)


def interface_count(lang: str) -> tuple[int, int]:
    """(interface strings `lang` has translated, interface strings there are): screen, print and report
    strings alike, the count the start screen, `deck status` and `deck check` all show."""
    source = list(flat(table(SOURCE)))
    if lang == SOURCE:
        return len(source), len(source)
    own = table(lang)
    return sum(1 for k in source if lookup(own, k) is not None), len(source)


def language_note(lang: str, t: Callable[..., str]) -> str:
    """A plain line, in `t`'s language, saying what `lang`'s interface lacks ("" when nothing): the language
    switch offers an incomplete language with this line rather than hiding it. It counts every interface
    string (`interface_count`), so that it says what `deck status` says."""
    done, total = interface_count(lang)
    missing = total - done
    if not missing:
        return ""
    return t("start.language_incomplete", name=language_name(lang), missing=missing, total=total)


def check(path: Path) -> tuple[list[Any], list[Any]]:
    """(problems, warnings) of one string file, each a located `Problem`: what `deck check` reports.

    A translated or lost placeholder (`{text}`) would make the string fall back to English, or drop the
    card text it carries; an empty string is not a translation (delete the line to leave it untranslated).
    """
    from booster.deck.yaml_safe import Problem

    doc, problems = read_file(path, all_text=True)
    if doc.value is None and _only_comments(doc.text):
        return [], []  # as `deck translate --ui` writes it: every string still to do
    if doc.value is None:
        return problems, []
    ui = doc.value.get("ui") if isinstance(doc.value, Mapping) else None
    if ui is None and isinstance(doc.value, Mapping) and list(doc.value) in ([], ["ui"]):
        return problems, []  # `{}` or `ui:` alone, as `deck translate --ui` writes it: nothing translated yet
    if not isinstance(ui, Mapping):
        return [*problems, Problem(str(path), 1, 1, "a string file holds one mapping, ui: (see ui.en.yaml)")], []
    source = flat(table(SOURCE)) if path != BUNDLED / f"ui.{SOURCE}.yaml" else flat(ui)
    found: list[tuple[tuple[str, ...], str, bool]] = []  # (path, sentence, is a problem)
    for key, text in flat(ui).items():
        where = ("ui", *key.split("."))
        if key not in source:
            found.append((where, f"ui.{key} is not a string of the program (ui.en.yaml has no such key)", False))
        elif not text.strip():
            found.append((where, f"ui.{key} is empty: translate it, or delete the line to leave it in English", True))
        elif (want := placeholders(source[key])) != (got := placeholders(text)):
            shown = ", ".join("{" + p + "}" for p in sorted(want)) or "none"
            found.append(
                (
                    where,
                    f"ui.{key} must keep the placeholders of the English text exactly ({shown}), untranslated; "
                    f"it has {', '.join('{' + p + '}' for p in sorted(got)) or 'none'}",
                    True,
                )
            )
    at = doc.locate(p for p, _, _ in found)
    located = [(Problem(str(path), *at[p], m), bad) for p, m, bad in found]
    return problems + [p for p, bad in located if bad], [p for p, bad in located if not bad]


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def check_all() -> tuple[list[Any], list[Any]]:
    """`check` for every string file, bundled and the translator's own."""
    problems: list[Any] = []
    warnings: list[Any] = []
    for lang in languages():
        for folder in folders():
            path = folder / f"ui.{lang}.yaml"
            if path.is_file():
                p, w = check(path)
                problems += p
                warnings += w
    return problems, warnings


# The printed deck takes its card captions from `card.` (the screen shows them on cards too), the rest from
# `print.`; the report takes its words from `report.`.
_PRINT_SHARED = frozenset(
    {
        "challenge",
        "tool",
        "experience",
        "scenario",
        "credits",
        "follow-up",
        "steps",
        "when_line",
        "origin_line",
        "advice",
    }
)


def print_labels(lang: str) -> Callable[..., str]:
    """`t(key, **values)`: the printed deck's label in `lang`, else in English."""
    strings = Strings(lang, mark_missing=False)

    def t(key: str, **values: Any) -> str:
        return strings(("card." if key in _PRINT_SHARED else "print.") + key, **values)

    return t


def report_labels(lang: str) -> dict[str, str]:
    """The report's labels in `lang` ("fr-ca" uses "fr" when it has no file), completed by English for any
    missing key or any label whose placeholders do not match the English one."""
    base = (lang or SOURCE).lower().replace("_", "-")
    if file_of(base) is None:
        base = base.split("-")[0]
    source = flat(table(SOURCE).get("report", {}))
    own = flat(table(base).get("report", {})) if base != SOURCE else source
    return {k: own[k] if own.get(k) and placeholders(own[k]) == placeholders(v) else v for k, v in source.items()}
