# SPDX-License-Identifier: MIT
"""`booster report` and `booster report merge`: the files they write, and plain sentences when they cannot."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sample_save import random_save

from booster.table.saves import load, save
from booster.tools.cli import main

MINI_PATH = Path(__file__).resolve().parent.parent / "decks" / "mini"
HAS_PDFTOTEXT = shutil.which("pdftotext") is not None


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    return path.read_bytes().count(b"/Type /Page\n") or path.read_bytes().count(b"/Type /Page ")


# -- one game ----------------------------------------------------------------------------------------------


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_report_has_teams_choices_tools_experience_and_credits(save_file, tmp_path, capsys):
    path = save_file("castors", teams=("Les Castors", "Équipe Ωmega", "Kvart Zagreb"), seed=3, lang="fr")
    out = tmp_path / "report.pdf"
    assert main(["report", str(path), "-o", str(out)]) == 0
    assert "Report written" in capsys.readouterr().out
    text = pdf_text(out)
    for name in ("Les Castors", "Équipe Ωmega", "Kvart Zagreb"):
        assert name in text
    # French labels, French card texts where the deck has them, English as the deck's fallback
    for label in ("Rapport de session", "Parcours", "Boîte à outils", "Cartes expérience gagnées", "Crédits"):
        assert label in text
    assert "Un jardin" in text
    saved = load(path)
    chosen = {a.option for a in saved.log if a.kind == "choose"}
    assert ("Cultiver des légumes." in text) == ("grow" in chosen)
    assert "Get a map." in text  # tool steps, in the toolbox
    assert "Start small." in text or "Ask a beekeeper." in text or "Explain why." in text or "Knock" in text
    flat = " ".join(text.split())
    assert "CC BY-SA 4.0" in flat and "Social Impact Booster contributors" in flat  # the licence in plain words


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_lang_option_switches_the_labels(save_file, tmp_path):
    path = save_file("t", lang="fr")
    out = tmp_path / "en.pdf"
    assert main(["report", str(path), "-o", str(out), "--lang", "en"]) == 0
    text = pdf_text(out)
    assert "Session report" in text and "Journey" in text and "A garden" in text


def test_format_from_option_or_extension(save_file, tmp_path):
    path = save_file("t")
    assert main(["report", str(path), "-o", str(tmp_path / "a.csv")]) == 0
    assert main(["report", str(path), "-o", str(tmp_path / "b.out"), "--format", "json"]) == 0
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    data = json.loads((tmp_path / "b.out").read_text(encoding="utf-8"))
    assert len(rows) == len(data["decisions"]) == len(load(path).log)
    assert {r["game"] for r in rows} == {"t"}


def test_csv_to_standard_output(save_file, capsys):
    path = save_file("t")
    assert main(["report", str(path), "-o", "-", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith('"game","team","step","action"')
    assert out.count("\n") == len(load(path).log) + 1


def test_default_output_name(save_file, tmp_path, monkeypatch):
    path = save_file("evening")
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(path), "--format", "json"]) == 0
    assert (tmp_path / "evening-report.json").is_file()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"format": "something else"}',
        '{"format": "social-impact-booster/save-1", "deck": {}}',
        '{"format": "social-impact-booster/save-1", "deck": {"id": "mini", "version": "0.1", "path": ""},'
        ' "lang": "en", "setup": {"teams": ["A"], "seed": 1, "scenarios": [[1]]}, "log": []}',
        '{"format": "social-impact-booster/save-1", "deck": {"id": "mini", "version": "0.1", "path": ""},'
        ' "lang": "en", "setup": {"teams": ["A"], "seed": 1}, "log": [{"kind": "exchange", "t": 1}]}',
    ],
    ids=["not-json", "not-a-save", "missing-keys", "bad-scenario", "log-does-not-replay"],
)
def test_damaged_save_gives_one_sentence_and_exit_1(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "r.pdf"), "--deck", str(MINI_PATH)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Cannot make a report:") and lines[0].endswith(".")
    assert not (tmp_path / "r.pdf").exists()


def test_missing_save(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.json")]) == 1
    assert "no such save" in capsys.readouterr().err


def test_invalid_deck_prints_its_problems(save_file, mini_variant, tmp_path, capsys):
    path = save_file("t")
    broken = mini_variant(lambda text: text.replace("kind: tool", "kind: gadget"))
    assert main(["report", str(path), "--deck", str(broken), "-o", str(tmp_path / "r.pdf")]) == 1
    out = capsys.readouterr().out
    assert "cards.yaml:" in out and "problem" in out


def test_deck_defaults_to_the_save_deck_path(save_file, tmp_path, mini_variant, capsys):
    renamed = mini_variant(lambda text: text.replace("title: A garden", "title: A community garden"))
    path = save_file("t", deck_path=renamed, seed=4)
    assert main(["report", str(path), "-o", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    titles = {d["card_title"] for d in data["decisions"] if d["card"] == "garden"}
    assert titles <= {"A community garden"}


# -- several tables ----------------------------------------------------------------------------------------


def test_merge_counts_options_across_tables(save_file, tmp_path, capsys):
    files = [save_file(f"table{i}", teams=2 + i, seed=10 + i) for i in range(3)]
    out = tmp_path / "w.json"
    assert main(["report", "merge", *map(str, files), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [g["game"] for g in data["games"]] == ["table0", "table1", "table2"]
    assert data["games"][1]["teams"][0]["team"] == "table1 · Team 1"
    # records name the table in "game" and the team as the table named it
    assert {d["team"] for d in data["decisions"] if d["game"] == "table1"} == {"Team 1", "Team 2", "Team 3"}
    expected: dict[tuple[str, str, str], int] = {}
    for f in files:
        for a, (card) in zip(load(f).log, _pending_cards(f), strict=True):
            if a.kind == "choose":
                key = (card, a.option, f.stem)
                expected[key] = expected.get(key, 0) + 1
    got = {(c, o, t): n for c, opts in data["options"].items() for o, tables in opts.items() for t, n in tables.items()}
    assert got == expected
    assert len(data["decisions"]) == sum(len(load(f).log) for f in files)


def _pending_cards(path: Path) -> list[str | None]:
    from booster.deck.loader import load_deck
    from booster.engine.game import Game

    match = load(path).replay(Game(load_deck(MINI_PATH).deck))
    return [s.pending for s in match.states[:-1]]


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_merge_pdf_puts_tables_side_by_side(save_file, tmp_path):
    files = [save_file(f"t{i}", teams=2, seed=20 + i, lang="en") for i in range(2)]
    out = tmp_path / "w.pdf"
    assert main(["report", "merge", *map(str, files), "-o", str(out)]) == 0
    text = pdf_text(out)
    assert "Workshop report" in text and "Choices across tables" in text
    assert "t0 · Team 1" in text and "t1 · Team 2" in text


def test_merge_reports_unmatched_ids_and_skips_what_does_not_replay(save_file, mini, mini_variant, tmp_path, capsys):
    # The report deck renamed the response 'sell' and dropped nothing else.
    report_deck = mini_variant(lambda text: text.replace("sell:", "auction:"), name="v2")
    # Table A was played with the original deck, still on disk: it replays there, and 'sell' is unmatched.
    seller = next(k for k in range(50) if any(a.option == "sell" for a in random_save(mini, "x", 2, seed=k).log))
    a = save_file("a", teams=2, seed=seller)
    # Table B names a deck that is gone: it is replayed on the report deck, where 'sell' does not exist.
    b = tmp_path / "b.json"
    save(b, random_save(mini, str(tmp_path / "gone"), 2, seed=seller))
    # Table C is a damaged file.
    c = tmp_path / "c.json"
    c.write_text("{", encoding="utf-8")
    out = tmp_path / "w.json"
    assert main(["report", "merge", str(a), str(b), str(c), "--deck", str(report_deck), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [g["game"] for g in data["games"]] == ["a"]
    notes = "\n".join(data["notes"])
    assert "a: response 'sell' of card 'garden' is not in the deck used for this report" in notes
    assert "b: not included" in notes and "does not fit" in notes
    assert "c: not included" in notes
    assert "b: not included" in captured.err


def test_merge_with_a_card_the_report_deck_lacks(save_file, mini, mini_variant, tmp_path):
    # A newer deck version without the 'map' tool: tables played with the old one still merge.
    old = mini_variant(lambda text: text, name="old")
    new = mini_variant(
        lambda text: text.replace("tools: [map]", "tools: []").replace('version: "0.1"', 'version: "0.2"'),
        name="new",
    )
    cards = new / "cards.yaml"
    text = cards.read_text(encoding="utf-8")
    start = text.index("  map:\n")
    end = text.index("  launch-day:")
    cards.write_text(text[:start] + text[end:], encoding="utf-8")
    (new / "rules.yaml").write_text(
        (new / "rules.yaml").read_text(encoding="utf-8").replace("[challenge, tool]", "[challenge]"), encoding="utf-8"
    )
    for f in new.glob("text.*.yaml"):
        lines = f.read_text(encoding="utf-8").split("\n")
        f.write_text(
            "\n".join(
                ln
                for ln in lines
                if not ln.startswith("  map:")
                and "steps:" not in ln
                and "title: Map" not in ln
                and "Draw the neighbourhood" not in ln
            ),
            encoding="utf-8",
        )
    path = save_file("old-table", teams=2, seed=1, deck_path=old)
    out = tmp_path / "w.json"
    assert main(["report", "merge", str(path), "--deck", str(new), "-o", str(out)]) == 0
    notes = json.loads(out.read_text(encoding="utf-8"))["notes"]
    assert any("card 'map' is not in the deck" in n for n in notes), notes
    assert main(["report", "merge", str(path), "--deck", str(new), "-o", str(tmp_path / "w.pdf")]) == 0


def test_merge_needs_saves(capsys):
    assert main(["report", "merge"]) == 2
    assert main(["report", "a.json", "b.json"]) == 2


def test_core_deck_report(core, tmp_path):
    """A finished 8-team game on the core deck: every format is written, the CSV adds up."""
    from booster import paths

    saved = random_save(core, str(paths.CORE_DECK), 8, seed=7, lang="fr")
    path = tmp_path / "core.json"
    save(path, saved)
    for fmt in ("pdf", "csv"):
        assert main(["report", str(path), "-o", str(tmp_path / f"core.{fmt}")]) == 0
    assert (tmp_path / "core.pdf").read_bytes().startswith(b"%PDF")
    with open(tmp_path / "core.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(saved.log)
    if HAS_PDFTOTEXT:
        text = pdf_text(tmp_path / "core.pdf")
        assert all(f"Team {i}" in text for i in range(1, 9))


def test_a_save_replayed_on_another_deck_version_says_so(save_file, mini_variant, tmp_path, capsys):
    newer = mini_variant(lambda text: text.replace('version: "0.1"', 'version: "0.2"'), name="newer")
    path = save_file("t", seed=3, deck_path=tmp_path / "gone")
    assert main(["report", str(path), "--deck", str(newer), "-o", str(tmp_path / "r.json")]) == 0
    err = capsys.readouterr().err
    assert "t: played with deck mini 0.1, which is not here; replayed on mini 0.2" in err
    notes = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["notes"]
    assert any("replayed on mini 0.2" in n for n in notes)


def test_table_names_are_unique():
    from booster.tools.report import _table_names

    files = [Path("a/autosave.json"), Path("b/autosave.json"), Path("c/table.json"), Path("c/table.json")]
    assert _table_names(files) == ["a/autosave", "b/autosave", "c/table", "c/table'"]


def test_merge_with_nothing_usable_exits_1(save_file, mini_variant, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["report", "merge", str(bad), str(tmp_path / "missing.json")]) == 1
    assert "none of the saves can be read" in capsys.readouterr().err
    other = mini_variant(lambda text: text.replace("grow:", "plant:").replace("sell:", "auction:"), name="other")
    path = save_file("t", seed=1, deck_path=tmp_path / "gone")
    assert main(["report", "merge", str(path), "--deck", str(other), "-o", str(tmp_path / "w.pdf")]) == 1
    err = capsys.readouterr().err
    assert "t: not included" in err and "no save replays on the deck" in err and "Traceback" not in err
    assert not (tmp_path / "w.pdf").exists()


# -- never over an input, no live formula ------------------------------------------------------------------


def test_a_report_over_its_own_save_is_refused(save_file, capsys):
    path = save_file("t")
    before = path.read_bytes()
    for fmt in ("pdf", "csv", "json"):
        assert main(["report", str(path), "-o", str(path), "--format", fmt]) == 2
        assert "one of the files read" in capsys.readouterr().err
    assert main(["report", "merge", str(path), str(path), "-o", str(path)]) == 2
    assert path.read_bytes() == before


def test_a_report_never_replaces_a_symlink_or_a_fifo(save_file, tmp_path, capsys):
    import os

    path = save_file("t")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.csv").symlink_to(tmp_path / "elsewhere.csv")
    assert main(["report", str(path), "-o", str(tmp_path / "pipe"), "--format", "csv"]) == 2
    assert main(["report", str(path), "-o", str(tmp_path / "link.csv")]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and "symbolic link" in err and "Traceback" not in err
    assert (tmp_path / "link.csv").is_symlink() and not (tmp_path / "elsewhere.csv").exists()


def test_csv_cells_never_start_a_formula(mini, tmp_path):
    from booster.paper.export import write_report

    names = ('=HYPERLINK("http://x.io")', "+1+2", "-3", "@SUM(A1)", "\tTab", "\rCR", "a;=1+2")
    saved = random_save(mini, str(MINI_PATH), names, seed=2)
    out = write_report(saved, mini, tmp_path / "r.csv", fmt="csv")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    cells = [c for row in rows for c in row]
    assert {r[1] for r in rows[1:]} == {"'" + n for n in names[:-1]} | {"a;=1+2"}
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    # numbers stay numbers: a negative effect is written bare, a text is quoted
    text = out.read_text(encoding="utf-8-sig")
    assert '"\'=HYPERLINK(""http://x.io"")"' in text
    assert '"a;=1+2"' in text  # quoted: a spreadsheet splitting on ";" keeps it one text cell
    assert any(",-" in line for line in text.splitlines()[1:])


# -- pinned saves, saves edited by hand -------------------------------------------------------------------------


def test_a_report_on_an_edited_deck_keeps_the_scores_and_says_so(mini, mini_variant, tmp_path, capsys):
    import re

    folder = mini_variant(lambda text: text)
    path = tmp_path / "t.json"
    save(path, random_save(mini, str(folder), 2, seed=5))
    out = tmp_path / "before.json"
    assert main(["report", str(path), "-o", str(out)]) == 0
    before = json.loads(out.read_text(encoding="utf-8"))
    cards = folder / "cards.yaml"
    cards.write_text(re.sub(r"(ecology|economy|social): -?\d", r"\1: -4", cards.read_text(encoding="utf-8")))
    capsys.readouterr()
    out = tmp_path / "after.json"
    assert main(["report", str(path), "-o", str(out)]) == 0
    after = json.loads(out.read_text(encoding="utf-8"))
    assert after["games"][0]["teams"] == before["games"][0]["teams"]
    assert "has changed since this game was played" in capsys.readouterr().err
    assert any("copy of the deck kept in the save" in n for n in after["notes"])


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["extra"].update(timer=10**400),
        lambda d: d["setup"]["teams"].__setitem__(0, "\ud800"),
        lambda d: d["setup"].update(teams="AB"),
        lambda d: d["log"][0].update(t=1e400),
    ],
    ids=["huge-timer", "lone-surrogate", "string-as-teams", "infinite-time"],
)
def test_hand_edited_saves_give_a_sentence_from_report_and_merge(save_file, tmp_path, capsys, edit):
    good = save_file("good")
    data = json.loads(good.read_text(encoding="utf-8"))
    edit(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")  # 1e400 is written as Infinity
    assert main(["report", str(bad), "-o", str(tmp_path / "r.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Cannot make a report:") and "Traceback" not in err
    assert all(line.isprintable() for line in err.splitlines())
    assert main(["report", "merge", str(good), str(bad), "-o", str(tmp_path / "m.json")]) == 0
    notes = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["notes"]
    assert any(n.startswith("bad: not included") for n in notes)


def test_the_report_tells_consequences_marks_and_which_decision_a_card_answers(tmp_path: Path) -> None:
    from booster import paths
    from booster.deck.loader import load_deck

    deck = load_deck(paths.CORE_DECK).deck
    assert deck is not None
    save_file, out = tmp_path / "game.json", tmp_path / "report.json"
    assert main(["simulate", "--games", "4", "--teams", "4", "--seed", "2", "--save", str(save_file)]) == 0
    assert main(["report", str(save_file), "-o", str(out), "--format", "json", "--lang", "en"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    choices = [d for d in data["decisions"] if d["action"] == "choose"]
    for d in choices:  # every response of the core deck has a consequence text, and the report gives it
        assert d["consequence"] == deck.text("en", "cards", d["card"], "consequences", d["option"]) != ""
    marked = [d for d in choices if d["marks"]]
    assert marked, "no response left a mark in four teams' games"
    for d in marked:
        left = deck.cards[d["card"]].option(d["option"]).marks
        assert set(d["marks"]) <= {deck.text("en", "marks", m) for m in left}  # a mark already held is not left again
    answers = [(team, x, a) for team in data["games"][0]["teams"] for x, a in team["answers"].items()]
    assert answers, "no experience card answered a decision in four teams' games"
    for team, card, answered in answers:
        assert card in team["experience"]
        assert any(
            d["team"] == team["name"] and (d["card"], d["option"]) == (answered["card"], answered["option"])
            for d in choices
        )
        assert card in deck.cards[answered["card"]].option(answered["option"]).echoes
