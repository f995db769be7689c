# SPDX-License-Identifier: MIT
"""Large decks are parsed by two processes: the result must be the one a single process gives, whatever
happens to the helper."""

import os
import sys
from pathlib import Path

import pytest
from deckgen import synthetic_deck, write_deck

from booster.deck import loader
from booster.deck.loader import load_deck

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or loader.usable_cpus() < 2, reason="two processes on Linux only"
)


def snapshot(folder: Path) -> tuple[str, list[str], list[tuple[str, object, str]]]:
    result = load_deck(folder)
    return repr(result.deck), [str(p) for p in result.problems], [(k, *d) for k, d in result.documents.items()]


def both_ways(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 10**12)
    serial = snapshot(folder)
    monkeypatch.setattr(loader, "PARALLEL_BYTES", 0)
    return serial, snapshot(folder)


def broken(folder: Path) -> Path:
    """Problems of every kind, in several files, some at the same place."""
    edits = {
        "cards.yaml": [("kind: tool", "kind: tol"), ("stage: stage-2", "stage: x9"), ("ecology: 1", "ecology: on")],
        "text.en.yaml": [("title:", "titel:"), ("q1:", "q2:"), ("s1:", "s1: &a")],
        "text.fr.yaml": [("'The situation", "'" + "x" * 500 + "The situation")],
        "text.el.yaml": [("  stage-1:", "  stage-1: [")],
        "rules.yaml": [("cap: 4", "cap: -4")],
    }
    for name, pairs in edits.items():
        path = folder / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new, 2)
        path.write_text(text, encoding="utf-8")
    (folder / "text.hr.yaml").write_bytes(b"cards:\n  a: \xff\n")
    (folder / "text.sl.yaml").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def langs() -> tuple[str, ...]:
    return ("en", "fr", "el", "hr", "sl", "it")


def test_a_valid_deck_loads_the_same_in_one_or_two_processes(tmp_path, monkeypatch, langs):
    folder = write_deck(tmp_path / "d", synthetic_deck(300, langs))
    serial, parallel = both_ways(folder, monkeypatch)
    assert serial[1] == [] and serial[0] != "None"
    assert parallel == serial


def test_a_broken_deck_gives_the_same_problems_in_one_or_two_processes(tmp_path, monkeypatch, langs):
    folder = broken(write_deck(tmp_path / "d", synthetic_deck(300, langs)))
    serial, parallel = both_ways(folder, monkeypatch)
    assert len(serial[1]) > 10
    assert parallel == serial


def test_when_the_helper_dies_this_process_parses_what_it_left(tmp_path, monkeypatch, langs):
    folder = broken(write_deck(tmp_path / "d", synthetic_deck(100, langs)))
    serial, _ = both_ways(folder, monkeypatch)
    monkeypatch.setattr(loader, "_helper", lambda *args: os._exit(3))
    assert snapshot(folder) == serial


def test_when_the_helper_fails_on_a_file_this_process_parses_it(tmp_path, monkeypatch, langs):
    folder = write_deck(tmp_path / "d", synthetic_deck(100, langs))
    serial, _ = both_ways(folder, monkeypatch)
    parent, parse = os.getpid(), loader._parse

    def fails_in_the_helper(job: loader._Job) -> loader._Parsed:
        if os.getpid() != parent and job.path.name == "text.fr.yaml":
            raise MemoryError
        return parse(job)

    monkeypatch.setattr(loader, "_parse", fails_in_the_helper)
    assert snapshot(folder) == serial


def test_when_the_helper_dies_holding_the_job_lock_this_process_parses_everything(tmp_path, monkeypatch, langs):
    folder = write_deck(tmp_path / "d", synthetic_deck(100, langs))
    serial, _ = both_ways(folder, monkeypatch)
    monkeypatch.setattr(loader, "CLAIM_TIMEOUT", 0.2)
    monkeypatch.setattr(loader, "_helper", lambda jobs, ends, *rest: (ends.get_lock().acquire(), os._exit(3)))
    assert snapshot(folder) == serial
