# SPDX-License-Identifier: MIT
"""Load a deck folder into a checked `Deck`, or into a list of every problem with file:line:col.

The game and `booster deck check` both go through `load_deck`, so a deck that would crash a workshop is
refused with the same sentences a translator sees on the command line.
"""

from __future__ import annotations

import gc
import re
import stat
from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from booster import paths
from booster.deck import schemas
from booster.deck.yaml_safe import MAX_BYTES, Document, Problem, read_file
from booster.engine.model import (
    ANSWERED,
    KINDS,
    POWERS,
    Adjust,
    Card,
    Deck,
    DeckInfo,
    Effect,
    Option,
    Pillar,
    Rules,
    Stage,
)

# The largest text file checked in under a second (15,000 cards in one language; the core deck's are 0.1 MiB).
TEXT_MAX_BYTES = 4 * 1024 * 1024
MAX_PER_FILE = 200  # problems listed per file; the others are counted
_TEXT_FILE = re.compile(r"text\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.yaml\Z")
_CARD_FILE = re.compile(r"cards(?:\.[a-z0-9-]+)?\.yaml\Z")

# The text fields each kind needs (all) and may have, and the limit (from rules.yaml) that applies.
REQUIRED_TEXT = {
    "challenge": ("title", "text", "options"),
    "follow-up": ("title", "text", "options"),
    "tool": ("title", "text", "steps"),
    "experience": ("title", "text", "advice"),
    "scenario": ("title", "text"),
    "credits": ("title", "text"),
}
LIMIT_OF = {
    "title": "title",
    "text": "text",
    "when": "text",
    "origin": "text",
    "who": "text",
    "advice": "advice",
    "options": "option",
    "steps": "step",
    "intro": "intro",
    "questions": "question",
    "transfer": "question",
    "name": "title",
    "description": "text",
    "consequences": "consequence",
}
TRANSLATION_GUARD = 2  # a translation longer than twice its limit is refused unmeasured
DEFAULT_LIMITS = {
    "title": 60,
    "text": 400,
    "option": 160,
    "step": 140,
    "advice": 240,
    "intro": 400,
    "question": 160,
    "consequence": 200,
}
# Keys of cards.yaml that only some kinds of card may have.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "options": ANSWERED,
    "tools": ANSWERED,
    "tool_bonus": ANSWERED,
    "allow_dominated": ANSWERED,
    "fits": (*ANSWERED, "tool"),
    "powers": ("tool",),
    "project": ("scenario",),
}


class LoadResult(NamedTuple):
    deck: Deck | None  # None when a problem outside a translation's own file makes the deck unusable
    problems: list[Problem]  # every problem, those of refused translations too: `deck check` shows them all
    documents: dict[str, Document]  # file name -> parsed file, for tools that report on texts
    warnings: tuple[Problem, ...] = ()  # a designer's likely slips: the deck still loads and plays
    # A translation with problems of its own is left out of `deck` (language -> its problems), so that one
    # broken language never blocks the others.
    refused: Mapping[str, list[Problem]] = MappingProxyType({})


class _Reporter:
    """Collects problems as (document, path, sentence) and locates them all at the end, one pass per file."""

    def __init__(self) -> None:
        self.pending: dict[str, list[tuple[tuple[Any, ...], str, bool, bool]]] = {}
        self.direct: list[Problem] = []
        self.direct_warnings: list[Problem] = []  # already located (by the YAML reader)
        self.docs: dict[str, Document] = {}

    def at(self, doc: Document, path: tuple[Any, ...] | list[Any], message: str, key: bool = False) -> None:
        """A problem with the value at `path` (with its key, if `key`: unknown or misplaced names)."""
        self.docs[doc.file] = doc
        self.pending.setdefault(doc.file, []).append((tuple(path), message, key, False))

    def warn(self, doc: Document, path: tuple[Any, ...] | list[Any], message: str, key: bool = False) -> None:
        """A likely slip that does not stop the deck from loading (located as `at`)."""
        self.docs[doc.file] = doc
        self.pending.setdefault(doc.file, []).append((tuple(path), message, key, True))

    def _located(self, warnings: bool) -> list[Problem]:
        out = list(self.direct_warnings if warnings else self.direct)
        for name, items in self.pending.items():
            chosen = [item for item in items if item[3] == warnings]
            if len(chosen) > MAX_PER_FILE:  # nobody reads the rest, and locating each one costs
                more = len(chosen) - MAX_PER_FILE
                chosen = chosen[:MAX_PER_FILE]
                what = "warnings" if warnings else "problems"
                if more == 1:
                    what = what[:-1]
                out.append(Problem(name, 1, 1, f"... and {more:,} more {what} in this file, not listed"))
            where = self.docs[name].locate((p for p, _, k, _ in chosen if not k), (p for p, _, k, _ in chosen if k))
            out.extend(Problem(name, *where[p], m) for p, m, _, _ in chosen)
        return sorted(out, key=lambda p: (p.file, p.line, p.col))

    def problems(self) -> list[Problem]:
        return self._located(warnings=False)

    def warnings(self) -> list[Problem]:
        return self._located(warnings=True)


# The decks installed with the program: an installer may hard-link its files from a cache (uv does).
_TRUSTED = paths.DECKS.resolve()


def deck_files(folder: Path) -> list[Path]:
    """The deck's YAML files that can be read: regular files inside the folder (see `_scan`)."""
    return sorted(_scan(folder)[0].values())


def _scan(folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """The YAML files of `folder` by name, and a problem for each one that must not be read: a folder, a pipe
    or a device named like a deck file, and a link to a file outside the deck (`deck check` would echo the
    lines of whatever it points to: a link to /etc/shadow printed its accounts as unknown keys)."""
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    try:
        entries = sorted(folder.iterdir())
        inside = folder.resolve()
    except OSError as e:
        return found, [Problem(str(folder), 1, 1, f"cannot read the deck folder: {e.strerror or e}")]
    for path in entries:
        if path.suffix not in (".yaml", ".yml"):
            continue
        try:
            target = path.resolve(strict=True)
            mode = target.stat().st_mode
        except (OSError, RuntimeError) as e:  # a broken or looping link
            why = e.strerror if isinstance(e, OSError) and e.strerror else "a link that leads nowhere"
            problems.append(Problem(str(path), 1, 1, f"cannot read the file: {why}"))
            continue
        if not target.is_relative_to(inside):
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "the file is a link to a file outside the deck folder, which is not read: "
                    "copy the file into the deck instead",
                )
            )
        elif stat.S_ISREG(mode) and target.stat().st_nlink > 1 and not inside.is_relative_to(_TRUSTED):
            # A hard link: the same file under another name, maybe outside the deck (nothing tells where).
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "the file is a hard link (it has other names, maybe outside the deck folder), which is not "
                    "read: copy the file into the deck instead",
                )
            )
        elif not stat.S_ISREG(mode):
            problems.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "not a file (a folder, a pipe or a device): a deck file must be a regular file",
                )
            )
        else:
            found[path.name] = path
    return found, problems


def load_deck(folder: Path | str) -> LoadResult:
    # Loading allocates a few hundred thousand dicts and lists, none of them in a cycle: the cyclic garbage
    # collector would walk the growing heap again and again (~10 % of a large deck's load) for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_deck(Path(folder))
    finally:
        if enabled:
            gc.enable()


def _load_deck(folder: Path) -> LoadResult:
    if not folder.is_dir():
        return LoadResult(None, [Problem(str(folder), 1, 1, "no deck folder here")], {})
    rep = _Reporter()
    docs: dict[str, Document] = {}

    card_files: list[Path] = []
    text_files: dict[str, Path] = {}
    usable, refused_files = _scan(folder)
    rep.direct.extend(refused_files)
    named = {Path(p.file).name for p in refused_files}
    for name, path in usable.items():
        if name in ("deck.yaml", "rules.yaml"):
            continue
        if _CARD_FILE.match(name):
            # cards.yaml first: a duplicate id is reported in the extra file, not in the main one.
            card_files.insert(0 if name == "cards.yaml" else len(card_files), path)
        elif m := _TEXT_FILE.match(name):
            text_files[m.group(1)] = path
        else:
            rep.direct.append(
                Problem(
                    str(path),
                    1,
                    1,
                    "unknown deck file: expected deck.yaml, rules.yaml, "
                    "cards.yaml, cards.<part>.yaml or text.<language>.yaml",
                )
            )
    for required in ("deck.yaml", "rules.yaml", "cards.yaml"):
        if required not in usable and required not in named:
            rep.direct.append(Problem(str(folder / required), 1, 1, f"the deck has no {required}"))

    # Deck, rules and cards first (the cross-file checks need them all), then each text file.
    jobs = [_Job(usable[n], k, MAX_BYTES) for n, k in (("deck.yaml", "deck"), ("rules.yaml", "rules")) if n in usable]
    jobs += [_Job(p, "cards", MAX_BYTES) for p in card_files]
    n_fixed = len(jobs)
    jobs += [_Job(p, "text", TEXT_MAX_BYTES) for p in text_files.values()]
    parsed = [_parse(job) for job in jobs]

    def read(i: int) -> Document | None:
        doc, _, schema_errors = parsed[i]
        if doc.value is None:
            return None
        for p, message, at_key in schema_errors or ():
            rep.at(doc, p, message, at_key)
        return doc

    def read_named(name: str) -> Document | None:
        return next((read(i) for i, j in enumerate(jobs[:n_fixed]) if j.path.name == name), None)

    deck_doc = read_named("deck.yaml")
    rules_doc = read_named("rules.yaml")
    card_docs = [d for i in range(n_fixed) if jobs[i].kind == "cards" and (d := read(i))]
    rules = _rules(rules_doc, rep)
    # A text file that is there but cannot be read is reported as such, not as missing.
    present = {m.group(1): folder / n for n in named if (m := _TEXT_FILE.match(n))}
    info = _info(deck_doc, rep, {**present, **text_files})
    cards, card_where = _cards(card_docs, rules, rep)
    # A card file that cannot be read is reported alone: checks that need every card would only add noise.
    cards_read = all(
        isinstance(_get(parsed[i][0].value, "cards"), dict) for i in range(n_fixed) if jobs[i].kind == "cards"
    )
    if rules is not None:
        _check_references(cards, card_where, rep)
        if cards_read:
            _check_design(cards, card_where, rules, rules_doc, rep)
    option_ids = _option_ids(cards)
    marks = {m for card in cards.values() for o in card.options for m in o.marks}
    text_docs: dict[int, Document] = {}
    for i in range(n_fixed, len(jobs)):
        if doc := read(i):
            text_docs[i] = doc
            if rules and info:
                lang = next((x for x, f in text_files.items() if str(f) == doc.file), None)
                translation = info is not None and lang != info.source_language
                _check_text_file(
                    doc, cards, option_ids, marks, rules, rep, ids_known=cards_read, translation=translation
                )

    for i in range(len(jobs)):
        docs[jobs[i].path.name] = parsed[i][0]
        rep.direct.extend(parsed[i][1])
        rep.direct_warnings.extend(parsed[i][0].warnings)
    texts = {lang: text_docs[i] for i, lang in enumerate(text_files, n_fixed) if i in text_docs}
    if rules and info:
        _check_source_texts(texts, cards, card_where, rules, info, rep)

    problems, warnings = rep.problems(), tuple(rep.warnings())
    if rules is None or info is None:
        return LoadResult(None, problems, docs, warnings)
    refused = _refused(problems, text_files, info.source_language)
    if len(problems) > sum(len(x) for x in refused.values()):
        return LoadResult(None, problems, docs, warnings, refused)
    kept = {lang: d.value for lang, d in texts.items() if lang not in refused}
    return LoadResult(Deck(info, rules, cards, kept), problems, docs, warnings, refused)


def _refused(problems: list[Problem], text_files: Mapping[str, Path], source: str) -> dict[str, list[Problem]]:
    """The problems of each translation's own file (the source language's are the deck's)."""
    lang_of = {str(path): lang for lang, path in text_files.items() if lang != source}
    refused: dict[str, list[Problem]] = {}
    for p in problems:
        if (lang := lang_of.get(p.file)) is not None:
            refused.setdefault(lang, []).append(p)
    return refused


class _Job(NamedTuple):
    path: Path
    kind: str  # the schema it is validated against
    max_bytes: int


# A parsed file: the document, its reading problems, and its schema errors (None if it has no value).
_Parsed = tuple[Document, list[Problem], list[tuple[list[str | int], str, bool]] | None]


def _parse(job: _Job) -> _Parsed:
    # In a text file every value is a text (a Weblate save writes `No` unquoted).
    text = job.kind == "text"
    doc, problems = read_file(job.path, str(job.path), job.max_bytes, refuse_control=True, all_text=text)
    return doc, problems, None if doc.value is None else schemas.validate(job.kind, doc.value)


def _get(value: Any, *path: str) -> Any:
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _int(value: Any) -> int | None:
    """A whole number as the schema accepts it (`2` or `2.0`), else None (the schema reports the rest)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _list(value: Any) -> list[Any]:
    """The list `value`, or an empty one when it is of another type (the schema says so)."""
    return value if isinstance(value, list) else []


def _mapping(value: Any, *path: str) -> Mapping[str, Any]:
    """The mapping at `path`, or an empty one when it is missing or of another type (the schema says so)."""
    found = _get(value, *path)
    return found if isinstance(found, Mapping) else {}


def _rules(doc: Document | None, rep: _Reporter) -> Rules | None:
    if doc is None or not isinstance(doc.value, dict):
        return None
    v = doc.value
    pillars_raw = _mapping(v, "pillars")
    stages_raw = _mapping(v, "stages")
    pillars = tuple(Pillar(p, _str(_get(d, "colour")), _str(_get(d, "shape"))) for p, d in pillars_raw.items())
    stages = tuple(
        Stage(s, tuple(x for x in _list(_get(d, "spaces")) if isinstance(x, str) and x in ("challenge", "tool")))
        for s, d in stages_raw.items()
    )
    if not pillars or not stages or not all(s.spaces for s in stages):
        return None

    def num(*path: str, default: int) -> int:
        x = _int(_get(v, *path))
        return default if x is None else x

    lo, hi = num("teams", "min", default=1), num("teams", "max", default=8)
    if lo > hi:
        rep.at(doc, ("teams", "min"), f"teams: min ({lo}) is more than max ({hi})")
    red, red_step = num("exchange", "red", default=0), num("exchange", "red_step", default=0)
    if red_step and not red:  # a graded cost of nothing: the author surely meant a cost
        rep.warn(
            doc,
            ("exchange", "red_step"),
            "exchange: red_step grades the cost of a pillar below zero, but red is 0 (no cost): "
            "set red: 1 for one card per red_step points below zero, or remove red_step",
            key=True,
        )
    single = _get(v, "tools", "single_use")
    repeat = _get(v, "draw", "repeat")
    limits = dict(DEFAULT_LIMITS)
    # Unknown kinds of text are the schema's to report; they limit nothing.
    for k, x in _mapping(v, "limits").items():
        if k in DEFAULT_LIMITS and (n := _int(x)) is not None:
            limits[k] = n
    return Rules(
        pillars=pillars,
        stages=stages,
        min_teams=lo,
        max_teams=hi,
        movement=_get(v, "movement", "mode") if _get(v, "movement", "mode") in ("step", "die") else "step",
        die_faces=num("movement", "faces", default=3),
        play=v["play"] if v.get("play") in ("in-turn", "all-at-once") else "in-turn",
        tools_single_use=single if isinstance(single, bool) else True,
        draw_repeats=repeat if isinstance(repeat, bool) else True,
        tool_bonus=num("tools", "bonus", default=1),
        exchange_rate=num("exchange", "rate", default=1),
        exchange_cap=num("exchange", "cap", default=4),
        exchange_red=red,
        exchange_red_step=red_step,
        timer_seconds=num("timer", "seconds", default=180),
        limits=limits,
    )


def _info(doc: Document | None, rep: _Reporter, text_files: Mapping[str, Path]) -> DeckInfo | None:
    if doc is None or not isinstance(doc.value, dict):
        return None
    v = doc.value
    strings = {k: x for k, x in v.items() if isinstance(x, str)}
    source = strings.get("source_language")
    if source and source not in text_files:
        rep.at(doc, ("source_language",), f"the source language is '{source}' but there is no text.{source}.yaml")
    if not all(k in strings for k in ("id", "version", "source_language", "licence")):
        return None
    maps = {k: {a: b for a, b in x.items() if isinstance(b, str | int)} for k, x in v.items() if isinstance(x, dict)}
    return DeckInfo(
        id=strings["id"],
        version=strings["version"],
        source_language=strings["source_language"],
        licence=strings["licence"],
        authors=maps.get("authors", {}),
        source=strings.get("source"),
        based_on=maps.get("based_on", {}),
        changes=maps.get("changes", {}),
        translators=maps.get("translators", {}),
    )


def _effect(doc: Document, path: tuple[Any, ...], raw: Any, pillars: tuple[str, ...], rep: _Reporter) -> Effect:
    raw = raw if isinstance(raw, dict) else {}
    for p in raw:
        if p not in pillars:
            rep.at(doc, (*path, p), f"unknown pillar '{p}'; the pillars are: {', '.join(pillars)}", key=True)
    return tuple(_int(raw.get(p, 0)) or 0 for p in pillars)


def _ids(value: Any) -> tuple[str, ...]:
    """A list of ids as a tuple (what is not a text is the schema's to report)."""
    return tuple(x for x in value if isinstance(x, str)) if isinstance(value, list) else ()


def _option(doc: Document, path: tuple[Any, ...], oid: str, raw: Any, pillars: tuple[str, ...], rep: _Reporter):
    raw = raw if isinstance(raw, dict) else {}
    adjust = []
    for i, a in enumerate(raw.get("adjust") if isinstance(raw.get("adjust"), list) else []):
        if not isinstance(a, dict):
            continue
        when, unless = a.get("when"), a.get("unless")
        if (when is None) == (unless is None):
            rep.at(doc, (*path, "adjust", i), "an adjust entry names one mark, either with 'when' or with 'unless'")
            continue
        mark = when if when is not None else unless
        if isinstance(mark, str):
            effect = _effect(doc, (*path, "adjust", i, "effect"), a.get("effect"), pillars, rep)
            adjust.append(Adjust(mark, when is not None, effect))
    follow_up = raw.get("follow_up")
    return Option(
        oid,
        _effect(doc, (*path, "effect"), raw.get("effect"), pillars, rep),
        marks=_ids(raw.get("marks")),
        clears=_ids(raw.get("clears")),
        echoes=_ids(raw.get("echoes")),
        follow_up=follow_up if isinstance(follow_up, str) else None,
        requires=_ids(raw.get("requires")),
        excludes=_ids(raw.get("excludes")),
        adjust=tuple(adjust),
        unlocked_by=_ids(raw.get("unlocked_by")),
    )


def _cards(docs: list[Document], rules: Rules | None, rep: _Reporter) -> tuple[dict[str, Card], dict[str, Document]]:
    cards: dict[str, Card] = {}
    where: dict[str, Document] = {}
    if rules is None:
        return cards, where
    pillars, stages = rules.pillar_ids, rules.stage_ids
    for doc in docs:
        raw = _get(doc.value, "cards")
        if not isinstance(raw, dict):
            continue
        for cid, c in raw.items():
            if not isinstance(c, dict) or c.get("kind") not in KINDS:
                continue
            if cid in cards:
                rep.at(doc, ("cards", cid), f"the card id '{cid}' is already used in {where[cid].file}", key=True)
                continue
            kind = c["kind"]
            base = ("cards", cid)
            stage, pillar = c.get("stage"), c.get("pillar")
            if isinstance(stage, str) and stage not in stages:
                rep.at(doc, (*base, "stage"), f"unknown stage '{stage}'; the stages are: {', '.join(stages)}")
            if isinstance(pillar, str) and pillar not in pillars:
                rep.at(doc, (*base, "pillar"), f"unknown pillar '{pillar}'; the pillars are: {', '.join(pillars)}")
            if kind in ("challenge", "tool") and stage is None:
                rep.at(doc, base, f"a {kind} card needs a stage", key=True)
            if kind in ("tool", "experience") and pillar is None:
                rep.at(doc, base, f"a {kind} card needs a pillar", key=True)
            if kind in ANSWERED and not isinstance(c.get("options"), dict):
                rep.at(doc, base, f"a {kind} card needs options", key=True)
            for key, kinds in KIND_KEYS.items():
                if key in c and kind not in kinds:
                    which = " and ".join(f"{k} cards" for k in kinds)
                    rep.at(doc, (*base, key), f"only {which} have '{key}'", key=True)
            raw_options = _mapping(c, "options")
            options = tuple(
                _option(doc, (*base, "options", oid), oid, o, pillars, rep) for oid, o in raw_options.items()
            )
            for oid in _ids(c.get("allow_dominated")):
                if oid not in raw_options:
                    rep.at(doc, (*base, "allow_dominated"), f"allow_dominated names '{oid}', which is not an option")
            tool_bonus = c.get("tool_bonus")
            project = c.get("project")
            extra: dict[str, Any] = {}
            if kind == "tool" and "powers" in c:
                # An unknown power is reported by the schema; the card keeps the powers that exist.
                extra["powers"] = tuple(p for p in _ids(c.get("powers")) if p in POWERS)
            cards[cid] = Card(
                id=cid,
                kind=kind,
                stage=stage if isinstance(stage, str) else None,
                pillar=pillar if isinstance(pillar, str) else None,
                effect=_effect(doc, (*base, "effect"), c.get("effect"), pillars, rep),
                options=options,
                tools=_ids(c.get("tools")),
                tool_bonus=_effect(doc, (*base, "tool_bonus"), tool_bonus, pillars, rep) if tool_bonus else None,
                allow_dominated=_ids(c.get("allow_dominated")),
                notes=str(c.get("notes") or ""),
                fits=_ids(c.get("fits")) if "fits" in c else None,
                project=project if isinstance(project, str) else None,
                **extra,
            )
            where[cid] = doc
    return cards, where


def _check_references(cards: dict[str, Card], where: dict[str, Document], rep: _Reporter) -> None:
    """Every id a card names exists and is of the right kind; every mark a card tests can be given."""
    given = {m for card in cards.values() for o in card.options for m in o.marks}
    projects = {card.project for card in cards.values() if card.project is not None}

    def expect(cid: str, path: tuple[Any, ...], ref: str, kind: str) -> Card | None:
        card = cards.get(ref)
        if card is None:
            rep.at(where[cid], path, f"the {kind} '{ref}' does not exist: add a {kind} card '{ref}' or fix the id")
        elif card.kind != kind:
            rep.at(where[cid], path, f"'{ref}' is {_a(card.kind)} card, not {_a(kind)}")
        else:
            return card
        return None

    for cid, card in cards.items():
        base = ("cards", cid)
        for i, tid in enumerate(card.tools):
            expect(cid, (*base, "tools", i), tid, "tool")
        for i, kind in enumerate(card.fits or ()):
            if kind not in projects:
                rep.at(
                    where[cid],
                    (*base, "fits", i),
                    f"no scenario plays the project kind '{kind}': give a scenario 'project: {kind}' or fix the name",
                )
        for o in card.options:
            at = (*base, "options", o.id)
            if o.follow_up is not None:
                expect(cid, (*at, "follow_up"), o.follow_up, "follow-up")
            for i, eid in enumerate(o.echoes):
                expect(cid, (*at, "echoes", i), eid, "experience")
            for i, tid in enumerate(o.unlocked_by):
                tool = expect(cid, (*at, "unlocked_by", i), tid, "tool")
                if tool is not None and "unlock" not in tool.powers:
                    rep.at(
                        where[cid],
                        (*at, "unlocked_by", i),
                        f"unlocked_by names the tool '{tid}', which has no unlock power: "
                        f"add 'unlock' to its powers or name another tool",
                    )
            tested = [(k, i, m) for k in ("requires", "excludes", "clears") for i, m in enumerate(getattr(o, k))]
            tested += [("adjust", i, a.mark) for i, a in enumerate(o.adjust)]
            for key, i, mark in tested:
                if mark not in given:
                    path = (*at, key, i, "when" if o.adjust[i].held else "unless") if key == "adjust" else (*at, key, i)
                    rep.at(
                        where[cid],
                        path,
                        f"no response gives the mark '{mark}': add it to a response's marks, or fix the name",
                    )
        held = _marks_leaving_no_response(card) if card.kind in ANSWERED else None
        if held is not None:
            rep.at(
                where[cid],
                (*base, "options"),
                f"a team holding {', '.join(held) or 'no mark'} is offered no response: give at least one "
                "response without requires, excludes or unlocked_by that withhold it",
                key=True,
            )


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _marks_leaving_no_response(card: Card) -> tuple[str, ...] | None:
    """Marks with which a team would be offered none of the card's responses (tools not counted), or None.

    A proof for any number of marks, not a trial of their combinations: each response is withheld when one
    of its `requires` is missing or one of its `excludes` is held, so a team is offered nothing exactly when
    one such reason per response can hold together. A search through those reasons, response by response,
    finds such marks or shows there are none (a card has a few responses with a few marks each)."""
    if not card.options:  # reported on its own
        return None
    reasons: list[list[tuple[str, bool]]] = []  # per response: (mark, held?) that withholds it
    for o in card.options:
        if o.unlocked_by:  # withheld without its tool whatever the marks
            continue
        why = [(m, False) for m in o.requires] + [(m, True) for m in o.excludes]
        if not why:  # offered to every team
            return None
        reasons.append(why)

    def search(i: int, held: dict[str, bool]) -> dict[str, bool] | None:
        if i == len(reasons):
            return held
        if any(held.get(m) is h for m, h in reasons[i]):  # already withheld by the marks chosen so far
            return search(i + 1, held)
        for m, h in reasons[i]:
            if m not in held:
                found = search(i + 1, {**held, m: h})
                if found is not None:
                    return found
        return None

    found = search(0, {})
    return None if found is None else tuple(sorted(m for m, h in found.items() if h))


def _check_design(
    cards: dict[str, Card], where: dict[str, Document], rules: Rules, rules_doc: Document | None, rep: _Reporter
) -> None:
    """A designer's likely slips, as warnings: the deck plays, but some of it can never matter."""
    named = {t for card in cards.values() for t in card.tools}
    named |= {t for card in cards.values() for o in card.options for t in o.unlocked_by}
    scheduled = {o.follow_up for card in cards.values() for o in card.options}
    for cid, card in cards.items():
        if card.kind == "tool" and cid not in named:
            rep.warn(where[cid], ("cards", cid), f"no challenge names the tool '{cid}' in its tools", key=True)
        if card.kind == "follow-up" and cid not in scheduled:
            rep.warn(
                where[cid],
                ("cards", cid),
                f"no response schedules the follow-up '{cid}' (follow_up: {cid}): it is never drawn",
                key=True,
            )
    if rules_doc is not None:
        for i, pillar in enumerate(rules.pillar_ids):
            if not any(c.kind == "experience" and c.pillar == pillar for c in cards.values()):
                rep.warn(rules_doc, ("pillars", pillar), f"the pillar '{pillar}' has no experience cards", key=True)
            if not any(_affects(c, i, pillar, rules.tool_bonus) for c in cards.values()):
                rep.warn(rules_doc, ("pillars", pillar), f"no card affects the pillar '{pillar}'", key=True)
    # A stage with no card for a kind of space it uses, for every project kind and for teams without one.
    projects: dict[str | None, str | None] = {None: None}
    for card in cards.values():
        if card.kind == "scenario" and card.project is not None:
            projects.setdefault(card.project, card.id)
    for project, scenario in projects.items():
        for stage in rules.stages:
            for kind in dict.fromkeys(stage.spaces):
                if any(c.kind == kind and c.stage == stage.id and c.fits_project(project) for c in cards.values()):
                    continue
                if scenario is None and rules_doc is not None:
                    rep.warn(rules_doc, ("stages", stage.id), f"the stage '{stage.id}' has no {kind} card", key=True)
                elif scenario is not None:
                    rep.warn(
                        where[scenario],
                        ("cards", scenario, "project"),
                        f"no {kind} card of the stage '{stage.id}' fits the project kind '{project}': "
                        f"its teams find nothing on those spaces",
                    )


def _affects(card: Card, index: int, pillar: str, tool_bonus: int) -> bool:
    """Whether the card can change the pillar (at `index` in the effects)."""
    if card.kind == "tool" and card.pillar == pillar and "bonus" in card.powers and tool_bonus:
        return True
    effects = [card.effect, card.tool_bonus or (), *(o.effect for o in card.options)]
    effects += [a.effect for o in card.options for a in o.adjust]
    return any(len(e) > index and e[index] for e in effects)


def _option_ids(cards: dict[str, Card]) -> dict[str, frozenset[str]]:
    """Each card's option ids, made once for all the text files."""
    return {cid: frozenset(o.id for o in card.options) for cid, card in cards.items()}


def _check_text_file(
    doc: Document,
    cards: dict[str, Card],
    option_ids: dict[str, frozenset[str]],
    marks: set[str],
    rules: Rules,
    rep: _Reporter,
    ids_known: bool = True,
    translation: bool = False,
) -> None:
    """The checks of one text file on its own: texts for ids that do not exist (when every card file could
    be read: `ids_known`), and lengths. A translation is judged by whether it fits its card (`deck check`
    measures it on the printed card and the projected one: booster/tools/fit.py); here it is only refused beyond
    TRANSLATION_GUARD times the limit, which no card could hold."""
    limits = rules.limits
    guard = TRANSLATION_GUARD if translation else 1
    # The limit of each field, looked up once; a field LIMIT_OF does not name is the schema's to report.
    field_limit = {field: guard * x if (x := limits.get(kind)) else x for field, kind in LIMIT_OF.items()}
    value = doc.value if isinstance(doc.value, dict) else {}
    # Texts for ids that do not exist.
    known: Collection[str]
    for section, known in (
        ("cards", cards),
        ("stages", rules.stage_ids),
        ("pillars", rules.pillar_ids),
        ("marks", marks),
    ):
        if not ids_known and section in ("cards", "marks"):
            continue
        for key in _mapping(value, section):
            if key not in known:
                rep.at(doc, (section, key), f"text for the {section[:-1]} '{key}', which does not exist", key=True)
    for cid, entry in _mapping(value, "cards").items():
        card = cards.get(cid)
        if card is None or not isinstance(entry, dict):
            continue
        for field in ("options", "consequences"):
            options = entry.get(field)
            if isinstance(options, dict) and not options.keys() <= (known := option_ids[cid]):
                for oid in options.keys() - known:
                    rep.at(
                        doc,
                        ("cards", cid, field, oid),
                        f"text for the option '{oid}', which '{cid}' does not have",
                        key=True,
                    )
    title_limit = limits["title"]
    for mark, name in _mapping(value, "marks").items():
        if isinstance(name, str) and len(name) > title_limit:
            rep.at(
                doc,
                ("marks", mark),
                f"marks.{mark}: the name has {len(name)} characters; the limit for a mark's name "
                f"(the title limit) is {title_limit}",
            )
    # Every text within its limit (the loop is flat on purpose: it sees every string of every language).
    too_long: list[tuple[tuple[str, ...], str, str]] = []
    for section, entries in value.items():
        if not isinstance(entries, dict):
            continue
        for eid, entry in entries.items():
            if not isinstance(entry, dict):
                continue
            for field, text in entry.items():
                limit = field_limit.get(field)
                if not limit:
                    continue
                if isinstance(text, str):
                    if len(text) > limit or not text.strip():
                        too_long.append(((section, eid, field), text, field))
                elif isinstance(text, dict):
                    for sub, t in text.items():
                        if isinstance(t, str) and (len(t) > limit or not t.strip()):
                            too_long.append(((section, eid, field, sub), t, field))
    for path, text, field in too_long:
        if not text.strip():
            rep.at(
                doc,
                path,
                f"{'.'.join(map(str, path))} is empty: an empty text is no translation; write it, or delete the "
                "line (or comment it out) to leave it in the source language",
            )
            continue
        limit = limits[LIMIT_OF[field]]
        rep.at(
            doc,
            path,
            f"{'.'.join(map(str, path))}: the text has {len(text)} characters; the limit for a {LIMIT_OF[field]} "
            + (f"is {limit}" if guard == 1 else f"is {limit}, and a translation may not be more than twice as long"),
        )


def _check_source_texts(
    texts: dict[str, Document],
    cards: dict[str, Card],
    card_where: dict[str, Document],
    rules: Rules,
    info: DeckInfo,
    rep: _Reporter,
) -> None:
    """Every card, stage and pillar has its texts in the source language."""
    source = info.source_language
    src = texts.get(source)
    if src is None:
        return
    sv = src.value if isinstance(src.value, dict) else {}
    for cid, card in cards.items():
        entry = _get(sv, "cards", cid)
        if not isinstance(entry, dict):
            rep.at(
                card_where[cid],
                ("cards", cid),
                f"the card '{cid}' has no text in the source language ({source}): add it to text.{source}.yaml",
                key=True,
            )
            continue
        for field in REQUIRED_TEXT[card.kind]:
            if field not in entry:
                rep.at(src, ("cards", cid), f"cards.{cid}: the {card.kind} card has no '{field}'")
        if card.kind in ANSWERED and isinstance(entry.get("options"), dict):
            for o in card.options:
                if o.id not in entry["options"]:
                    rep.at(src, ("cards", cid, "options"), f"cards.{cid}.options: no text for the option '{o.id}'")
    given: dict[str, None] = {}
    for card in cards.values():
        for o in card.options:
            given.update(dict.fromkeys(o.marks))
    for mark in given:
        if not isinstance(_get(sv, "marks", mark), str):
            rep.at(src, ("marks",), f"the mark '{mark}' has no name in the source language ({source})", key=True)
    for section, ids, need in (("stages", rules.stage_ids, "name"), ("pillars", rules.pillar_ids, "name")):
        for i in ids:
            if not isinstance(_get(sv, section, i, need), str):
                rep.at(src, (section, i), f"the {section[:-1]} '{i}' has no {need} in the source language ({source})")
