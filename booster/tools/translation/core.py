# SPDX-License-Identifier: MIT
"""Translations of a set of texts (a deck's `text.<lang>.yaml`, or the UI's `ui.<lang>.yaml`), and what
each translation was made from.

The text files stay plain string mappings, so that Weblate's YAML format and Translate Toolkit's
yaml2po/po2yaml keep them intact. What a translation was made from lives beside them, in a JSON sidecar
`text.<lang>.origin.json` (the deck loader ignores files that are not YAML): per text path, the source
text the translation was made from. A translation whose source has changed since is *stale* until a
translator confirms it; a translation without a record is counted as current, and said to be unrecorded.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from booster.deck.coverage import flat, is_translated, text_paths
from booster.deck.yaml_safe import Problem, read_file
from booster.files import write_atomic
from booster.tools.translation import history, yamlwrite
from booster.tools.translation.history import Origin

ORIGIN_FORMAT = 1
# The line a stale entry carries in the file, above today's source text.
STALE_MARK = "STALE: the source text changed since this translation; update it, then run booster deck confirm"
LANG_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?\Z")


def ui_folder() -> Path:
    """Where the UI's own strings live (`booster/text/i18n/ui.<lang>.yaml`, source language en)."""
    from booster.text.i18n import BUNDLED

    return BUNDLED


@dataclass
class TextSet:
    """A source file and its translations in one folder: `<stem>.<lang>.yaml` + `<stem>.<lang>.origin.json`."""

    label: str  # "deck 'core'" or "UI strings"
    folder: Path
    stem: str  # "text" or "ui"
    source_lang: str
    source: dict[str, Any]  # the nested source texts
    problems: list[Problem] = field(default_factory=list)
    # The translator's own folder for translations (the UI strings' user-data folder), when `folder` is an
    # installed package a reinstall would wipe: a translation found there wins, and new ones go there.
    own: Path | None = None

    @property
    def unit(self) -> str:
        """What one of its texts is called in counts: "deck texts" or "interface strings"."""
        return "interface strings" if self.stem == "ui" else "deck texts"

    def file(self, lang: str) -> Path:
        here = self.folder / f"{self.stem}.{lang}.yaml"
        if self.own is None or lang == self.source_lang:
            return here
        mine = self.own / here.name
        # A new translation goes to the translator's own folder, never into the installed package (nor a
        # checkout's source tree): an upgrade would erase it, and the package may not be writable.
        if mine.is_file() or not here.is_file():
            return mine
        return here

    def sidecar(self, lang: str) -> Path:
        return self.file(lang).with_name(f"{self.stem}.{lang}.origin.json")

    def adopt(self, lang: str) -> None:
        """Before a command writes `lang`'s file: when it is the installed program's own copy (not a source
        checkout), copy it and its origin records to the translator's folder first, and work there from then
        on: an upgrade would erase the work, and the installed folder may not be writable."""
        here = self.folder / f"{self.stem}.{lang}.yaml"
        if self.own is None or lang == self.source_lang or not here.is_file() or _in_checkout(self.folder):
            return
        mine = self.own / here.name
        if mine.exists():
            return
        from booster.files import write_atomic

        self.own.mkdir(parents=True, exist_ok=True)
        for src in (here, here.with_name(f"{self.stem}.{lang}.origin.json")):
            if src.is_file():
                write_atomic(self.own / src.name, src.read_bytes())

    def languages(self) -> list[str]:
        """Every language with a file, the source first."""
        pattern = re.compile(rf"{re.escape(self.stem)}\.([a-z]{{2,3}}(?:-[a-z0-9]{{2,8}})?)\.yaml")
        found = sorted(
            {
                m.group(1)
                for folder in (self.folder, self.own)
                if folder is not None and folder.is_dir()
                for p in folder.glob(f"{self.stem}.*.yaml")
                if (m := pattern.fullmatch(p.name))
            }
        )
        return [self.source_lang, *(x for x in found if x != self.source_lang)]

    def read(self, lang: str) -> tuple[dict[str, Any], list[Problem]]:
        """The nested texts of `lang` ({} if the file does not exist), and what is wrong with the file."""
        path = self.file(lang)
        if not path.is_file():
            return {}, []
        doc, problems = read_file(path, max_bytes=16 * 1024 * 1024, all_text=True)
        return (doc.value if isinstance(doc.value, dict) else {}), problems


def _in_checkout(folder: Path) -> bool:
    """True in a source checkout (a contributor's translation belongs in the repository), False in an
    installed package."""
    return os.access(folder, os.W_OK) and any((p / ".git").exists() for p in (folder, *folder.parents))


def deck_textset(folder: Path | str) -> TextSet:
    """The texts of a deck folder, read directly, so that status works even while the deck has problems."""
    folder = Path(folder)
    problems: list[Problem] = []
    deck_yaml = folder / "deck.yaml"
    if not deck_yaml.is_file():
        problems.append(Problem(str(deck_yaml), 1, 1, "no deck.yaml here: is this a deck folder?"))
        return TextSet(f"deck at {folder}", folder, "text", "en", {}, problems)
    doc, p = read_file(deck_yaml)
    problems += p
    info = doc.value if isinstance(doc.value, dict) else {}
    source_lang = str(info.get("source_language") or "en")
    ts = TextSet(f"deck '{info.get('id', folder.name)}'", folder, "text", source_lang, {}, problems)
    ts.source, p = ts.read(source_lang)
    problems += p
    return ts


def lacks_source(ts: TextSet, shown_as: object) -> bool:
    """True, after saying why on stderr, when `ts` has no source texts to translate from."""
    if ts.source:
        return False
    for p in ts.problems:
        print(p, file=sys.stderr)
    print(f"{shown_as}: no source texts (text.{ts.source_lang}.yaml) to translate from", file=sys.stderr)
    return True


def ui_textset(folder: Path | None = None) -> TextSet | None:
    """The program's own strings (screen, print, report; see booster.text.i18n), or None when this build has
    none. Without `folder`, translations are also found in, and new ones written to, the translator's own
    folder (booster.text.i18n.user_folder) unless this is a source checkout."""
    from booster.text import i18n

    ts = TextSet("UI strings", folder or ui_folder(), "ui", "en", {}, own=None if folder else i18n.user_folder())
    if not ts.file("en").is_file():
        return None
    ts.source, ts.problems = ts.read("en")
    return ts


# -- origins ----------------------------------------------------------------------------------------


def read_origins(path: Path) -> tuple[dict[str, str], str | None]:
    """path -> source text a translation was made from; and a sentence if the sidecar is unreadable."""
    if not path.is_file():
        return {}, None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        origins = data["origins"]
        if not isinstance(origins, dict):
            raise TypeError
        return {str(k): v for k, v in origins.items() if isinstance(v, str)}, None
    except (OSError, ValueError, KeyError, TypeError) as e:
        why = e.__class__.__name__
        return {}, f"{path}: cannot read the origin records ({why}); every translation counts as unrecorded"


def write_origins(path: Path, lang: str, source_lang: str, origins: Mapping[str, str], order: Iterable[str]) -> None:
    """Write the sidecar, in source order then any other path, one entry a line for readable diffs."""
    ordered = {k: origins[k] for k in order if k in origins}
    ordered.update({k: v for k, v in sorted(origins.items()) if k not in ordered})
    data = {
        "about": (
            f"Written by 'booster deck translate' and 'booster deck confirm': for each text of "
            f"{path.name.replace('.origin.json', '.yaml')}, the source ({source_lang}) text it was translated from. "
            "A translation whose source text has changed since is stale until confirmed."
        ),
        "format": ORIGIN_FORMAT,
        "language": lang,
        "source_language": source_lang,
        "origins": ordered,
    }
    _atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _atomic_write(path: Path, text: str) -> None:
    # Written beside, then renamed: an editor or a crash never sees half a file.
    write_atomic(path, text)


# -- status -----------------------------------------------------------------------------------------


@dataclass
class Stale:
    path: str
    was: str  # the source text the translation was made from
    now: str  # the source text today
    translation: str
    how: str = "record"  # which witness says so: "record", "git" or "comment" (see history.py)


def known_origins(ts: TextSet, lang: str, target: Mapping[str, str]) -> tuple[dict[str, Origin], str | None]:
    """What each translated text of `lang` was made from, by every witness we have (history.py), and a
    sentence when the origin records cannot be read."""
    records, warning = read_origins(ts.sidecar(lang))
    try:
        file_text: str | None = ts.file(lang).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        file_text = None
    return history.origins(ts, lang, dict(target), records, file_text), warning


@dataclass
class LangStatus:
    lang: str
    total: int
    # Every text with a translation (coverage.is_translated), stale and unrecorded ones included: the count
    # the start screen and `deck check` show too.
    translated: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    stale: list[Stale] = field(default_factory=list)
    unrecorded: list[str] = field(default_factory=list)  # translated, no origin record: counted as current
    extra: list[str] = field(default_factory=list)  # translated texts the source does not have
    same: list[str] = field(default_factory=list)  # "translations" equal to the source text (po2yaml fills these)
    exists: bool = True
    problems: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.stale and not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.lang,
            "total": self.total,
            "translated": len(self.translated),
            "missing": self.missing,
            "stale": [s.__dict__ for s in self.stale],
            "unrecorded": self.unrecorded,
            "extra": self.extra,
            "same_as_source": self.same,
            "file_exists": self.exists,
            "problems": self.problems,
            "complete": self.complete,
        }


def status(ts: TextSet, lang: str) -> LangStatus:
    source = flat(ts.source)
    st = LangStatus(lang, len(source), exists=ts.file(lang).is_file())
    if lang == ts.source_lang:
        st.translated = list(source)
        st.problems = [str(p) for p in ts.problems]
        return st
    texts, problems = ts.read(lang)
    st.problems = [str(p) for p in problems]
    target = flat(texts)
    found, warning = known_origins(ts, lang, target)
    if warning:
        st.problems.append(warning)
    for path, now in source.items():
        tr = target.get(path)
        if tr is None or not is_translated(tr):
            st.missing.append(path)
            continue
        st.translated.append(path)
        origin = found.get(path)
        if tr == now:
            st.same.append(path)
        if origin is None:
            st.unrecorded.append(path)
        elif origin.was != now:
            st.stale.append(Stale(path, origin.was, now, tr, origin.how))
    st.extra = [p for p in target if p not in source]
    return st


def group_missing(paths: list[str], source: Mapping[str, str], width: int = 110) -> list[str]:
    """Missing paths grouped for reading: entities with every text missing named together per section
    (`cards, every text missing (3): a, b, c`), others with their missing fields (`cards.x: text, options.y`)."""

    def head_of(p: str) -> str:
        parts = p.split(".")
        return ".".join(parts[:2]) if len(parts) > 2 else parts[0]

    groups: dict[str, list[str]] = {}
    for p in paths:
        head = head_of(p)
        groups.setdefault(head, []).append(p[len(head) + 1 :])
    sizes: dict[str, int] = {}
    for p in source:
        sizes[head_of(p)] = sizes.get(head_of(p), 0) + 1
    whole: dict[str, list[str]] = {}
    out = []
    for head, rest in groups.items():
        section, _, name = head.rpartition(".")
        if section and len(rest) == sizes.get(head) and len(rest) > 1:
            whole.setdefault(section, []).append(name)
        else:
            out.append(f"{head}: {', '.join(rest)}" if rest != [""] else head)
    lines = []
    for section, names in whole.items():
        lines += textwrap.wrap(
            f"{section}, every text missing ({len(names)}): {', '.join(names)}",
            width,
            subsequent_indent="  ",
            break_on_hyphens=False,
        )
    return lines + out


def select(paths: Iterable[str], ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """The paths named by ids (a path, a prefix such as `cards.food-desert`, or a bare card id), and the
    ids that name nothing."""
    paths = list(paths)
    chosen: dict[str, None] = {}
    unknown = []
    for i in ids:
        hit = False
        for prefix in (i, f"cards.{i}"):
            for p in paths:
                if p == prefix or p.startswith(prefix + "."):
                    chosen[p] = None
                    hit = True
        if not hit:
            unknown.append(i)
    return list(chosen), unknown


# -- writing a translation file ---------------------------------------------------------------------


def header_lines(ts: TextSet, lang: str | None = None) -> list[str]:
    """The schema and licence comment lines of the source file, so every text file starts the same way;
    with `lang`, the schema line points from where `lang`'s file is to a schema that is there
    (booster.deck.schemas.modeline)."""
    from booster.deck.schemas import MODELINE, modeline

    path = ts.file(ts.source_lang)
    out = []
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            if line.startswith(("# yaml-language-server:", "# SPDX-")):
                out.append(line)
    except OSError:
        pass
    if lang is not None:
        target = ts.file(lang).parent
        line = modeline(target, "text")
        out = [line, *(x for x in out if not x.startswith(MODELINE))]
    return out


def render(
    source: Mapping[str, Any],
    target: Mapping[str, Any],
    source_lang: str,
    header: list[str],
    notes: Mapping[str, str] | None = None,
    made_from: Mapping[str, str] | None = None,
) -> str:
    """The text of a translation file: every source entry in source order, the source text as a comment
    above it, translations kept, untranslated entries commented out (`# title: ""`) so the file stays
    valid and a translator uncomments what they translate. Texts the source no longer has are kept at the
    end of their mapping. `notes` adds a comment after a key (path -> note), e.g. a card's kind.

    `made_from` (path -> the source text a translation was made from) keeps that text in the comment of
    a stale translation, and adds a `# stale` line with today's source: the comment stays a true witness
    of what the translator saw (history.py reads it back), and the editor shows what changed."""
    notes = notes or {}
    made_from = made_from or {}
    lines = list(header)
    lines.append(f'# "# {source_lang}: ..." lines show the source text. Untranslated entries are commented out')
    lines.append('# (# key: ""): uncomment them (with their parents), translate, then run: booster deck check')

    def has_text(node: Any) -> bool:
        return isinstance(node, str) or (isinstance(node, Mapping) and any(has_text(v) for v in node.values()))

    def emit(src: Mapping[str, Any], tgt: Any, indent: str, off: bool, path: tuple[str, ...]) -> None:
        tgt = tgt if isinstance(tgt, Mapping) else {}
        for k, s in src.items():
            t = tgt.get(k)
            p = (*path, k)
            note = notes.get(".".join(p))
            tail = f"  # {note}" if note else ""
            if isinstance(s, str):
                # An untranslated entry is the entry and its source comment, commented out once more, so
                # an editor's "toggle comment" on those lines gives a valid entry to fill in.
                done = isinstance(t, str) and not off
                was = made_from.get(".".join(p), s) if done else s
                lines.extend(yamlwrite.comment_lines(f"{source_lang}:", was, indent if done else indent + "# "))
                if was != s:
                    lines.append(f"{indent}# {STALE_MARK}")
                    lines.extend(yamlwrite.comment_lines(f"{source_lang} now:", s, indent))
                if done:
                    lines.append(f"{indent}{yamlwrite.key(k)}: {yamlwrite.quote(t)}{tail}")
                else:
                    lines.append(f'{indent}# {yamlwrite.key(k)}: ""{tail}')
            elif isinstance(s, Mapping):
                sub_off = off or not has_text(t)
                lines.append(f"{indent}{'# ' if sub_off else ''}{yamlwrite.key(k)}:{tail}")
                emit(s, t, indent + "  ", sub_off, p)
        if off:
            return
        for k, t in tgt.items():  # translations the source no longer has: kept, flagged
            if k in src or not has_text(t):
                continue
            lines.append(f"{indent}# not in the source ({source_lang}) any more:")
            _dump(k, t, indent, lines)

    emit(source, target, "", False, ())
    if not any(line and not line.lstrip().startswith("#") for line in lines):
        # A file of comments only is "empty" to the loader; an explicit empty mapping keeps it valid.
        lines.append("{}  # nothing translated yet: delete this line when you uncomment a first text")
    return "\n".join(lines) + "\n"


def _dump(k: str, value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, str):
        lines.append(f"{indent}{yamlwrite.key(k)}: {yamlwrite.quote(value)}")
    elif isinstance(value, Mapping) and any(True for _ in text_paths(value)):
        lines.append(f"{indent}{yamlwrite.key(k)}:")
        for kk, vv in value.items():
            _dump(kk, vv, indent + "  ", lines)


def write_text_file(path: Path, text: str) -> None:
    _atomic_write(path, text)
