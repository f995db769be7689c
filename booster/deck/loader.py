# SPDX-License-Identifier: MIT
"""Load a deck folder into a checked `Deck`, or into a list of every problem with file:line:col.

The game and `booster deck check` both go through `load_deck`, so a deck that would crash a workshop is
refused with the same sentences a translator sees on the command line.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from booster.deck import schemas
from booster.deck.yaml_safe import MAX_BYTES, Document, Problem, read_file
from booster.engine.model import Card, Deck, DeckInfo, Effect, Option, Pillar, Rules, Stage

TEXT_MAX_BYTES = 16 * 1024 * 1024
_TEXT_FILE = re.compile(r"text\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.yaml\Z")
_CARD_FILE = re.compile(r"cards(?:\.[a-z0-9-]+)?\.yaml\Z")

# The text fields each kind needs (all) and may have, and the limit (from rules.yaml) that applies.
REQUIRED_TEXT = {
    "challenge": ("title", "text", "options"),
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
    "name": "title",
    "description": "text",
}
DEFAULT_LIMITS = {"title": 60, "text": 400, "option": 160, "step": 140, "advice": 240, "intro": 400, "question": 160}


class LoadResult(NamedTuple):
    deck: Deck | None  # None when a problem outside a translation's own file makes the deck unusable
    problems: list[Problem]  # every problem, those of refused translations too: `deck check` shows them all
    documents: dict[str, Document]  # file name -> parsed file, for tools that report on texts
    # A translation with problems of its own is left out of `deck` (language -> its problems), so that one
    # broken language never blocks the others.
    refused: Mapping[str, list[Problem]] = MappingProxyType({})


class _Reporter:
    """Collects problems as (document, path, sentence) and locates them all at the end, one pass per file."""

    def __init__(self) -> None:
        self.pending: dict[str, list[tuple[tuple[Any, ...], str, bool]]] = {}
        self.direct: list[Problem] = []
        self.docs: dict[str, Document] = {}

    def at(self, doc: Document, path: tuple[Any, ...] | list[Any], message: str, key: bool = False) -> None:
        """A problem with the value at `path` (with its key, if `key`: unknown or misplaced names)."""
        self.docs[doc.file] = doc
        self.pending.setdefault(doc.file, []).append((tuple(path), message, key))

    def problems(self) -> list[Problem]:
        out = list(self.direct)
        for name, items in self.pending.items():
            where = self.docs[name].locate((p for p, _, k in items if not k), (p for p, _, k in items if k))
            out.extend(Problem(name, *where[p], m) for p, m, _ in items)
        return sorted(out, key=lambda p: (p.file, p.line, p.col))


def deck_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


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
    for path in deck_files(folder):
        name = path.name
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
        if not (folder / required).is_file():
            rep.direct.append(Problem(str(folder / required), 1, 1, f"the deck has no {required}"))

    # Deck, rules and cards first (the cross-file checks need them all), then each text file.
    jobs = [_Job(folder / n, k, MAX_BYTES) for n, k in (("deck.yaml", "deck"), ("rules.yaml", "rules"))]
    jobs = [j for j in jobs if j.path.is_file()]
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
    info = _info(deck_doc, rep, text_files)
    cards, card_where = _cards(card_docs, rules, rep)
    option_ids = _option_ids(cards)
    text_docs: dict[int, Document] = {}
    for i in range(n_fixed, len(jobs)):
        if doc := read(i):
            text_docs[i] = doc
            if rules and info:
                _check_text_file(doc, cards, option_ids, rules, rep)

    for i in range(len(jobs)):
        docs[jobs[i].path.name] = parsed[i][0]
        rep.direct.extend(parsed[i][1])
    texts = {lang: text_docs[i] for i, lang in enumerate(text_files, n_fixed) if i in text_docs}
    if rules and info:
        _check_source_texts(texts, cards, card_where, rules, info, rep)

    problems = rep.problems()
    if rules is None or info is None:
        return LoadResult(None, problems, docs)
    refused = _refused(problems, text_files, info.source_language)
    if len(problems) > sum(len(x) for x in refused.values()):
        return LoadResult(None, problems, docs, refused)
    kept = {lang: d.value for lang, d in texts.items() if lang not in refused}
    return LoadResult(Deck(info, rules, cards, kept), problems, docs, refused)


def refused_note(result: LoadResult) -> str:
    """One sentence on the translations left out of a usable deck (empty when there are none)."""
    if result.deck is None or not result.refused:
        return ""
    langs = ", ".join(sorted(result.refused))
    return (
        f"left out until their problems are fixed: the {langs} text{'s' if len(result.refused) > 1 else ''}; "
        f"the other languages can be used"
    )


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
    doc, problems = read_file(job.path, str(job.path), job.max_bytes)
    return doc, problems, None if doc.value is None else schemas.validate(job.kind, doc.value)


def _get(value: Any, *path: str) -> Any:
    for key in path:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _mapping(value: Any, *path: str) -> Mapping[str, Any]:
    """The mapping at `path`, or an empty one when it is missing or of another type (the schema says so)."""
    found = _get(value, *path)
    return found if isinstance(found, Mapping) else {}


def _rules(doc: Document | None, rep: _Reporter) -> Rules | None:
    if doc is None or not isinstance(doc.value, dict):
        return None
    v = doc.value
    pillars_raw = v.get("pillars") if isinstance(v.get("pillars"), dict) else {}
    stages_raw = v.get("stages") if isinstance(v.get("stages"), dict) else {}
    pillars = tuple(Pillar(p, _get(d, "colour"), _get(d, "shape")) for p, d in pillars_raw.items())
    stages = tuple(
        Stage(s, tuple(x for x in (_get(d, "spaces") or []) if x in ("challenge", "tool")))
        for s, d in stages_raw.items()
    )
    if not pillars or not stages or not all(s.spaces for s in stages):
        return None

    def num(*path: str, default: int) -> int:
        x = _get(v, *path)
        return x if isinstance(x, int) and not isinstance(x, bool) else default

    lo, hi = num("teams", "min", default=1), num("teams", "max", default=8)
    if lo > hi:
        rep.at(doc, ("teams", "min"), f"teams: min ({lo}) is more than max ({hi})")
    single = _get(v, "tools", "single_use")
    limits = dict(DEFAULT_LIMITS)
    # Unknown kinds of text are the schema's to report; they limit nothing.
    limits.update({k: x for k, x in (_get(v, "limits") or {}).items() if k in DEFAULT_LIMITS and isinstance(x, int)})
    return Rules(
        pillars=pillars,
        stages=stages,
        min_teams=lo,
        max_teams=hi,
        movement=_get(v, "movement", "mode") if _get(v, "movement", "mode") in ("step", "die") else "step",
        die_faces=num("movement", "faces", default=3),
        tools_single_use=single if isinstance(single, bool) else True,
        tool_bonus=num("tools", "bonus", default=1),
        exchange_rate=num("exchange", "rate", default=1),
        exchange_cap=num("exchange", "cap", default=4),
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
    return tuple(x if isinstance(x := raw.get(p, 0), int) and not isinstance(x, bool) else 0 for p in pillars)


def _cards(docs: list[Document], rules: Rules | None, rep: _Reporter):
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
            if not isinstance(c, dict) or c.get("kind") not in REQUIRED_TEXT:
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
            if kind == "challenge" and not isinstance(c.get("options"), dict):
                rep.at(doc, base, "a challenge card needs options", key=True)
            if kind != "challenge":
                for key in ("options", "tools", "tool_bonus", "allow_dominated"):
                    if key in c:
                        rep.at(doc, (*base, key), f"only challenge cards have '{key}'", key=True)
            options = (
                tuple(
                    Option(oid, _effect(doc, (*base, "options", oid, "effect"), _get(o, "effect"), pillars, rep))
                    for oid, o in (c.get("options") or {}).items()
                )
                if isinstance(c.get("options"), dict)
                else ()
            )
            for oid in c.get("allow_dominated") or []:
                if oid not in {o.id for o in options}:
                    rep.at(doc, (*base, "allow_dominated"), f"allow_dominated names '{oid}', which is not an option")
            tool_bonus = c.get("tool_bonus")
            cards[cid] = Card(
                id=cid,
                kind=kind,
                stage=stage if isinstance(stage, str) else None,
                pillar=pillar if isinstance(pillar, str) else None,
                effect=_effect(doc, (*base, "effect"), c.get("effect"), pillars, rep),
                options=options,
                tools=tuple(t for t in c.get("tools") or [] if isinstance(t, str)),
                tool_bonus=_effect(doc, (*base, "tool_bonus"), tool_bonus, pillars, rep) if tool_bonus else None,
                allow_dominated=tuple(c.get("allow_dominated") or []),
                notes=str(c.get("notes") or ""),
            )
            where[cid] = doc
    for cid, card in cards.items():
        for i, tid in enumerate(card.tools):
            tool = cards.get(tid)
            if tool is None:
                rep.at(where[cid], ("cards", cid, "tools", i), f"the tool '{tid}' does not exist")
            elif tool.kind != "tool":
                rep.at(where[cid], ("cards", cid, "tools", i), f"'{tid}' is a {tool.kind} card, not a tool")
    return cards, where


def _option_ids(cards: dict[str, Card]) -> dict[str, frozenset[str]]:
    """Each card's option ids, made once for all the text files."""
    return {cid: frozenset(o.id for o in card.options) for cid, card in cards.items()}


def _check_text_file(
    doc: Document, cards: dict[str, Card], option_ids: dict[str, frozenset[str]], rules: Rules, rep: _Reporter
) -> None:
    """The checks of one text file on its own: texts for ids that do not exist, and lengths."""
    limits = rules.limits
    # The limit of each field, looked up once; a field LIMIT_OF does not name is the schema's to report.
    field_limit = {field: limits.get(kind) for field, kind in LIMIT_OF.items()}
    value = doc.value if isinstance(doc.value, dict) else {}
    # Texts for ids that do not exist.
    for section, known in (("cards", cards), ("stages", rules.stage_ids), ("pillars", rules.pillar_ids)):
        for key in _mapping(value, section):
            if key not in known:
                rep.at(doc, (section, key), f"text for the {section[:-1]} '{key}', which does not exist", key=True)
    for cid, entry in _mapping(value, "cards").items():
        card = cards.get(cid)
        if card is None or not isinstance(entry, dict):
            continue
        options = entry.get("options")
        if isinstance(options, dict) and not options.keys() <= (known := option_ids[cid]):
            for oid in options.keys() - known:
                rep.at(
                    doc,
                    ("cards", cid, "options", oid),
                    f"text for the option '{oid}', which '{cid}' does not have",
                    key=True,
                )
    # Every text within its limit (the loop is flat on purpose: it sees every string of every language).
    too_long = []
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
                    if len(text) > limit:
                        too_long.append(((section, eid, field), text, field))
                elif isinstance(text, dict):
                    for sub, t in text.items():
                        if isinstance(t, str) and len(t) > limit:
                            too_long.append(((section, eid, field, sub), t, field))
    for path, text, field in too_long:
        rep.at(
            doc,
            path,
            f"{'.'.join(map(str, path))}: the text has {len(text)} characters; the limit "
            f"for a {LIMIT_OF[field]} is {limits[LIMIT_OF[field]]}",
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
        if card.kind == "challenge" and isinstance(entry.get("options"), dict):
            for o in card.options:
                if o.id not in entry["options"]:
                    rep.at(src, ("cards", cid, "options"), f"cards.{cid}.options: no text for the option '{o.id}'")
    for section, ids, need in (("stages", rules.stage_ids, "name"), ("pillars", rules.pillar_ids, "name")):
        for i in ids:
            if not isinstance(_get(sv, section, i, need), str):
                rep.at(src, (section, i), f"the {section[:-1]} '{i}' has no {need} in the source language ({source})")
