# SPDX-License-Identifier: MIT
"""Build decks as plain data and write them as deck folders: for property tests and benchmarks."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

TESTS = Path(__file__).parent
MINI = TESTS / "decks" / "mini"  # a tiny valid deck: 2 stages, source English, partial French

HEADER = (
    "# yaml-language-server: $schema=../../booster/schemas/{kind}.schema.json\n"
    # REUSE-IgnoreStart (a licence line in a string, not this file's)
    "# SPDX-License-Identifier: CC-BY-SA-4.0\n"
    # REUSE-IgnoreEnd
)


def write_deck(folder: Path, files: dict[str, Any]) -> Path:
    """Write {file name: plain data} as YAML files with the usual header lines."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        kind = "text" if name.startswith("text.") else name.split(".")[0]
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (folder / name).write_text(HEADER.format(kind=kind) + body, encoding="utf-8")
    return folder


def synthetic_deck(
    n_cards: int, languages: tuple[str, ...] = ("en",), n_stages: int = 5, seed: int = 0
) -> dict[str, Any]:
    """A valid deck of about `n_cards` cards (60 % challenges, 20 % tools, 20 % experience) in `languages`."""
    rnd = random.Random(seed)
    pillars = ["ecology", "economy", "social"]
    stages = [f"stage-{i + 1}" for i in range(n_stages)]
    cards: dict[str, Any] = {}
    n_tools = max(n_stages, n_cards // 5)
    tools = [f"tool-{i}" for i in range(n_tools)]
    for i, t in enumerate(tools):
        cards[t] = {
            "kind": "tool",
            "stage": stages[i % n_stages],
            "pillar": pillars[i % 3],
            "effect": {pillars[i % 3]: 1},
        }
    for i in range(max(n_stages, n_cards * 3 // 5)):
        stage = stages[i % n_stages]
        options = {}
        for j, o in enumerate(("a", "b", "c")[: 2 + i % 2]):
            p = pillars[(i + j) % 3]
            q = pillars[(i + j + 1) % 3]
            options[o] = {"effect": {p: 2, q: -1}}
        cards[f"challenge-{i}"] = {
            "kind": "challenge",
            "stage": stage,
            "tools": rnd.sample(tools, min(2, len(tools))),
            "options": options,
        }
    for i in range(max(3, n_cards // 5)):
        cards[f"experience-{i}"] = {"kind": "experience", "pillar": pillars[i % 3]}
    rules = {
        "pillars": {p: {} for p in pillars},
        "stages": {s: {"spaces": ["challenge", "tool", "challenge"]} for s in stages},
        "exchange": {"rate": 1, "cap": 4},
    }
    files: dict[str, Any] = {
        "deck.yaml": {
            "id": "synthetic",
            "version": "1.0",
            "source_language": languages[0],
            "licence": "CC-BY-SA-4.0",
            "authors": {"gen": "Generated"},
        },
        "rules.yaml": rules,
        "cards.yaml": {"cards": cards},
    }
    for lang in languages:
        texts: dict[str, Any] = {
            "deck": {"title": f"Synthetic deck ({lang})"},
            "pillars": {p: {"name": f"{p} ({lang})"} for p in pillars},
            "stages": {
                s: {
                    "name": f"{s} ({lang})",
                    "intro": "What this stage is for.",
                    "questions": {"q1": "Who needs it?", "q2": "Why now?"},
                }
                for s in stages
            },
            "cards": {},
        }
        for cid, card in cards.items():
            entry: dict[str, Any] = {
                "title": f"{cid} in {lang}",
                "text": f"The situation of {cid}, in a sentence or two. " * 2,
            }
            if card["kind"] == "challenge":
                entry["options"] = {o: f"Response {o}: do something sensible." for o in card["options"]}
            elif card["kind"] == "tool":
                entry["steps"] = {f"s{k}": f"Step {k} of the method." for k in range(1, 4)}
            elif card["kind"] == "experience":
                entry["advice"] = "A concrete piece of advice."
            texts["cards"][cid] = entry
        files[f"text.{lang}.yaml"] = texts
    return files
