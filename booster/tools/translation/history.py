# SPDX-License-Identifier: MIT
"""What each translation was made from, whatever route it took (typed by hand, PO, Weblate, our tools).

Three witnesses, read without any extra step from the translator:
- the origin record (`text.<lang>.origin.json`), written by `deck translate` and `deck confirm`;
- the deck's git history: the source text as it was in the commit where the translation last changed;
- the `# fr: ...` comment above each entry, which is the source the translator saw in the file.

A record wins: it is what the translation was last confirmed (`deck confirm`) or derived (`deck translate`,
`deck po import`) from, so a later edit of the translation alone (a wording fix made after the source
changed) never clears a stale text; only a confirm does. A translation with no record is judged by git,
else by its comment. A Weblate or po2yaml save drops the comments but keeps git; a file typed by hand
outside git keeps its comments.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from booster.deck.coverage import flat
from booster.deck.yaml_safe import parse_bytes


class TextSet(Protocol):
    """What the history reads of a source file and its translations (`core.TextSet`)."""

    folder: Path
    source_lang: str
    source: dict[str, Any]

    def file(self, lang: str) -> Path: ...

    def sidecar(self, lang: str) -> Path: ...


HISTORY_LIMIT = 200  # commits of a translation file looked at; older ones rarely decide anything
_KEY_LINE = re.compile(r'( *)("(?:[^"\\]|\\.)*"|\'[^\']*\'|[^\s#"\'][^:#]*?):(?:\s|$)')


@dataclass(frozen=True)
class Origin:
    was: str  # the source text the translation was made from
    how: str  # "record", "git" or "comment"


def comment_origins(text: str, source_lang: str) -> dict[str, str]:
    """Dotted path -> the `# <lang>: ...` comment written above its entry (as `yamlwrite.comment_lines`
    writes it: first line `# fr: text`, later lines aligned under it). Commented-out entries are skipped."""
    head = f"# {source_lang}: "
    more = "# " + " " * (len(source_lang) + 1) + " "
    out: dict[str, str] = {}
    keys: list[tuple[int, str]] = []  # (indent, key) of the open mappings
    pending: list[str] | None = None
    pending_indent = -1
    in_block = False  # the previous line belongs to the pending comment
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if stripped.startswith(head) or (stripped == head.rstrip()):
            pending, pending_indent, in_block = [stripped[len(head) :]], indent, True
            continue
        if in_block and pending is not None and indent == pending_indent and stripped.startswith(more):
            pending.append(stripped[len(more) :])
            continue
        in_block = False
        if stripped.startswith("#"):
            continue  # other comments (stale markers, notes) do not break the block
        if not stripped:
            pending = None
            continue
        m = _KEY_LINE.match(line)
        if not m:
            pending = None
            continue
        key = m.group(2)
        if key[0] in "\"'":
            key = key[1:-1]
        while keys and keys[-1][0] >= indent:
            keys.pop()
        path = ".".join([k for _, k in keys] + [key])
        if pending is not None and pending_indent == indent:
            out[path] = "\n".join(pending)
        pending = None
        keys.append((indent, key))
    return out


def _git(folder: Path, *args: str, data: bytes | None = None) -> bytes | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], input=data, capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _versions(ts: TextSet, lang: str) -> list[dict[str, str | None]]:
    """The committed versions of the translation, newest first: {"source", "target"} -> text
    of each file in that commit (None when it did not exist). Empty outside git."""
    folder = ts.folder
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return []
    root = Path(top.decode().strip())
    try:
        rel = ts.file(lang).resolve().relative_to(root.resolve())
    except ValueError:
        return []
    log = _git(root, "log", "--follow", "--format=%x00%H", "--name-only", f"-n{HISTORY_LIMIT}", "--", str(rel))
    if not log:
        return []
    commits: list[tuple[str, str]] = []  # (commit, folder of the deck in that commit)
    for chunk in log.decode("utf-8", "replace").split("\0")[1:]:
        lines = [x for x in chunk.strip().splitlines() if x]
        if len(lines) >= 2:
            commits.append((lines[0], str(Path(lines[-1]).parent)))
    names = {
        "source": ts.file(ts.source_lang).name,
        "target": ts.file(lang).name,
    }
    wanted = [(c, k, f"{c}:{d}/{n}" if d != "." else f"{c}:{n}") for c, d in commits for k, n in names.items()]
    out = _git(root, "cat-file", "--batch", data="".join(f"{w}\n" for _, _, w in wanted).encode())
    if out is None:
        return []
    texts = _split_batch(out, len(wanted))
    versions: dict[str, dict[str, str | None]] = {}
    for (c, k, _), t in zip(wanted, texts, strict=True):
        versions.setdefault(c, {})[k] = t
    return [versions[c] for c, _ in commits]


def _split_batch(out: bytes, n: int) -> list[str | None]:
    """The contents of `git cat-file --batch` output, one per request (None for a missing object)."""
    texts: list[str | None] = []
    at = 0
    for _ in range(n):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            texts.append(out[at : at + size].decode("utf-8", "replace"))
            at += size + 1
        else:
            texts.append(None)
    return texts


def _flat_of(text: str | None, name: str) -> dict[str, str]:
    if text is None:
        return {}
    doc, _ = parse_bytes(text.encode("utf-8"), name, max_bytes=16 * 1024 * 1024, all_text=True)
    return flat(doc.value) if isinstance(doc.value, dict) else {}


def _age(now: Any, history: list[dict[str, str]], path: str) -> int:
    """How many committed versions back the value at `path` has been what it is now (0: changed since
    the last commit)."""
    age = 0
    for version in history:
        if version.get(path) != now:
            break
        age += 1
    return age


def origins(
    ts: TextSet, lang: str, target: dict[str, str], records: dict[str, str], file_text: str | None
) -> dict[str, Origin]:
    """Path -> what the translation at that path was made from, for every translated path with a witness."""
    comments = comment_origins(file_text, ts.source_lang) if file_text else {}
    versions = _versions(ts, lang)
    targets = [_flat_of(v["target"], "target") for v in versions]
    # The source of each version is parsed only when some path needs it.
    sources: dict[int, dict[str, str]] = {}

    def source_at(i: int) -> dict[str, str]:
        if i not in sources:
            sources[i] = _flat_of(versions[i]["source"], "source") if i < len(versions) else {}
        return sources[i]

    current_source = flat(ts.source)
    out: dict[str, Origin] = {}
    for path, text in target.items():
        t_age = _age(text, targets, path)
        record = records.get(path)
        if record is not None:
            out[path] = Origin(record, "record")  # last confirmed or derived from this; an edit does not clear it
        elif t_age >= 1:
            # Unchanged since commit t_age-1 (0-based): made from the source of the oldest such commit.
            was = source_at(t_age - 1).get(path)
            out[path] = Origin(was if was is not None else current_source.get(path, ""), "git")
        elif path in comments:
            out[path] = Origin(comments[path], "comment")
    return out
