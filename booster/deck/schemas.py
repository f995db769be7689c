# SPDX-License-Identifier: MIT
"""The JSON Schemas of deck files, and their errors turned into sentences a translator understands.

The schemas (draft-07, shipped in `booster/schemas/`) are what editors validate against as people type.
We validate with jsonschema-rs: the pure-Python `jsonschema` takes ~0.5 s per 5,000-card text file,
jsonschema-rs ~5 ms, which is what keeps a large deck's check under a second.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs

KINDS = ("deck", "rules", "cards", "text")
FILE_KIND = {"deck.yaml": "deck", "rules.yaml": "rules", "cards.yaml": "cards"}


MODELINE = "# yaml-language-server: $schema="
ABOUT = {
    "deck": "deck.yaml: the deck's identity and licence",
    "rules": "rules.yaml: stages, pillars, board, exchange",
    "cards": "cards.yaml: the mechanics of every card",
    "text": "text.<lang>.yaml: the texts of one language",
}


def bundled_folder() -> Path:
    return Path(str(resources.files("booster").joinpath("schemas")))


def user_folder() -> Path:
    """Where the schemas are put beside the user's decks and interface strings (`deck schema --install`),
    so that the modelines of files there resolve in an editor."""
    from booster import paths

    return paths.user_data() / "schemas"


def install(folder: Path | None = None) -> Path:
    """Write every schema into `folder` (the user's, by default) unless it is already there, the same."""
    from booster.files import write_atomic

    folder = folder or user_folder()
    folder.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        path, text = folder / f"{kind}.schema.json", schema_text(kind)
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except OSError:
            pass
        write_atomic(path, text)
    return folder


def modeline(folder: Path, kind: str) -> str:
    """The first line of a `kind` file written in `folder`: an editor's schema comment that resolves. Inside
    the user's data folder (their decks, their interface strings) the schemas are installed there; elsewhere
    the path leads to the program's own copy."""
    from booster import paths

    folder = folder.resolve()
    home = paths.user_data().resolve()
    where = install() if folder == home or home in folder.parents else bundled_folder()
    return MODELINE + Path(os.path.relpath(where / f"{kind}.schema.json", folder)).as_posix()


def schema_text(kind: str) -> str:
    return resources.files("booster").joinpath("schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")


@cache
def schema(kind: str) -> dict[str, Any]:
    return json.loads(schema_text(kind))


@cache
def _validator(kind: str) -> Any:
    return jsonschema_rs.Draft7Validator(schema(kind))


# A file with thousands of mistakes gets the first ones and a count: nobody reads the rest, and a suggestion
# per unknown key (difflib) made a 4 MiB file of unknown keys take 11 s to check.
MAX_REPORTED = 100
MAX_SUGGESTED_KEY = 64  # longer keys get no "did you mean": difflib's time grows with their length


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if value is None:
        return "nothing"
    if isinstance(value, int):
        return f"the number {value}" if abs(value) < 10**40 else "a number too long to read"
    if isinstance(value, float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


_TYPE_NAMES = {
    "string": "a text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "null": "nothing",
}


def _schema_at(kind: str, path: list[str | int]) -> dict[str, Any]:
    """The sub-schema describing the value at `path` (enough of draft-07 for our own schemas)."""
    root = schema(kind)
    node = root
    for key in path:
        if "$ref" in node:
            node = root["definitions"][node["$ref"].rsplit("/", 1)[-1]]
        props = node.get("properties", {})
        if isinstance(key, str) and key in props:
            node = props[key]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        elif isinstance(node.get("items"), dict):
            node = node["items"]
        else:
            return {}
    return node


CHUNK = 500  # entries of a large mapping validated at a time, once a file is known to be invalid


def _errors(kind: str, value: Any) -> Iterator[Any]:
    """The schema errors of `value`, the first ones first, without building all of them.

    jsonschema-rs builds every error before returning the first: for a 2 MiB file of 90,000 wrong cards
    that alone takes a second. An invalid file with large mappings is therefore validated a part at a time:
    the top level with its known keys and a few hundred unknown ones, then each large mapping of the top
    level in chunks (our schemas only ask those mappings to be non-empty, which every chunk is).
    """
    validator = _validator(kind)
    if validator.is_valid(value):
        return
    large_file = isinstance(value, dict) and (
        len(value) > CHUNK or any(isinstance(v, dict) and len(v) > CHUNK for v in value.values())
    )
    if not large_file:
        yield from validator.iter_errors(value)
        return
    known = schema(kind).get("properties", {})
    unknown = [k for k in value if k not in known]
    top = {k: v for k, v in value.items() if k in known or k in unknown[:MAX_REPORTED]}
    large = [k for k, v in top.items() if isinstance(v, dict) and len(v) > CHUNK]
    first = {k: dict([next(iter(top[k].items()))]) for k in large}  # a one-entry stand-in
    for error in validator.iter_errors({**top, **first}):
        if not error.instance_path or error.instance_path[0] not in large:
            yield error
    for key in large:
        items = list(top[key].items())
        for start in range(0, len(items), CHUNK):
            for error in validator.iter_errors({**top, **first, key: dict(items[start : start + CHUNK])}):
                if error.instance_path and error.instance_path[0] == key:
                    yield error


def validate(kind: str, value: Any) -> list[tuple[list[str | int], str, bool]]:
    """Problems as (path to the offending value, sentence, whether to point at the key rather than the value)."""
    out: list[tuple[list[str | int], str, bool]] = []
    more = False
    for error in _errors(kind, value):
        if len(out) >= MAX_REPORTED:
            more = True  # not counted: see _errors
            break
        path = list(error.instance_path)
        where = ".".join(str(p) for p in path)
        prefix = f"{where}: " if where else ""
        k = error.kind
        name = k.name
        instance = error.instance
        if name == "additionalProperties":
            allowed = list(_schema_at(kind, path).get("properties", {}))
            for key in k.unexpected:
                if len(out) >= MAX_REPORTED:
                    more = True
                    break
                near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6) if len(key) <= MAX_SUGGESTED_KEY else []
                hint = f" (did you mean '{near[0]}'?)" if near else f" (allowed: {', '.join(allowed)})"
                out.append(([*path, key], f"{prefix}unknown key '{key}'{hint}", True))
        elif name == "type":
            wanted = _schema_at(kind, path).get("type", "")
            wanted_text = _TYPE_NAMES.get(wanted, str(wanted))
            hint = ""
            if isinstance(instance, bool | int | float) and wanted == "string":
                hint = ": put it in quotes"
            out.append((path, f"{prefix}expected {wanted_text}, found {_describe(instance)}{hint}", False))
        elif name == "enum":
            options = [str(o) for o in k.options]
            near = difflib.get_close_matches(str(instance), options, n=1, cutoff=0.6)
            hint = f"did you mean '{near[0]}'?" if near else f"use one of: {', '.join(options)}"
            out.append((path, f"{prefix}'{instance}' is not allowed here; {hint}", False))
        elif name == "required":
            out.append((path, f"{prefix}the key '{k.property}' is missing", False))
        elif name == "propertyNames":
            bad = k.error.instance
            out.append(
                (
                    [*path, bad],
                    f"{prefix}'{bad}' is not a valid id: use lowercase letters, digits and '-', "
                    "starting with a letter or digit",
                    True,
                )
            )
        elif name in ("minimum", "maximum"):
            sub = _schema_at(kind, path)
            out.append(
                (
                    path,
                    f"{prefix}{instance} is out of range: use a whole number from "
                    f"{sub.get('minimum')} to {sub.get('maximum')}",
                    False,
                )
            )
        elif name == "minProperties":
            out.append((path, f"{prefix}needs at least {k.limit} entries", False))
        elif name == "maxProperties":
            out.append((path, f"{prefix}has more than {k.limit} entries", False))
        elif name == "minLength":
            out.append((path, f"{prefix}the text is empty", False))
        elif name in ("minItems", "maxItems"):
            bound = "at least" if name == "minItems" else "at most"
            out.append((path, f"{prefix}the list needs {bound} {k.limit} items", False))
        elif name == "uniqueItems":
            out.append((path, f"{prefix}the list names the same id twice", False))
        elif name == "pattern":
            out.append((path, f"{prefix}'{instance}' does not have the expected form ({k.pattern})", False))
        else:
            out.append((path, f"{prefix}{error.message}", False))
    if more:
        out.append(([], "... and more problems in this file, not listed: fix the ones above first", False))
    return out
