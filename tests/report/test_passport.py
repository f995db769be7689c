# SPDX-License-Identifier: MIT
"""The project passport: one A4 page or two per team, in the team's language, with a Markdown and JSON twin
that show whatever a team typed as text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from booster.engine.game import Game
from booster.paper.passport import md, passports, to_json, to_markdown
from booster.paper.passport_pdf import render_passport
from booster.table.saves import load, save
from booster.tools.cli import main

sys.path.insert(0, str(Path(__file__).parent))
from passport_sample import LONG, LONG_NAME, MARKUP, RTL, TEAMS, project_save

HAS_POPPLER = shutil.which("pdftotext") is not None


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.fixture(scope="module")
def game_file(tmp_path_factory, core) -> Path:
    path = tmp_path_factory.mktemp("passport") / "atelier.json"
    save(path, project_save(core, "fr"))
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_team_gets_one_or_two_a4_pages_whatever_it_typed(core, lang):
    for p in passports(project_save(core, lang), core, lang):
        pdf = render_passport(p)
        assert pdf.startswith(b"%PDF") and 1 <= pages(pdf) <= 2
        assert b"/MediaBox [0 0 595.28 841.89]" in pdf  # A4


def test_the_passport_holds_the_project_answers_risks_methods_and_commitments(core):
    saved = project_save(core, "en")
    first, rtl, plain = passports(saved, core, "en")
    assert (first.team, first.project, rtl.project, plain.project) == (TEAMS[0], LONG_NAME, RTL, "")
    assert first.kind.startswith("Nearest kind of project: ")
    assert [s.name for s in first.stages] == ["Ideation", "Positioning", "Offer", "Business model", "Launch"]
    assert first.stages[0].answer == LONG and first.stages[0].next_tool == "Personas"
    assert first.stages[-1].answer == ""  # the last stage was left without an answer
    assert all(s.choices for s in first.stages) and all(c.consequence for s in first.stages for c in s.choices)
    assert len(first.risks) == len(saved.replay(Game(core)).state.teams[0].marks)
    assert first.methods and all(m.steps for m in first.methods)
    assert first.commitments[0] == ("Amina & Jo", MARKUP, "juin 2027")
    assert plain.commitments == []
    text = to_markdown(first)
    assert md("(no answer written)") in text and "- [ ] " in text
    # Three empty lines to fill in by hand when a team wrote no commitment.
    assert to_markdown(plain).count("|  |  |  |") == 3


def test_no_ids_and_no_engine_words_reach_the_passport(core):
    saved = project_save(core, "fr")
    ids = [c for c in core.cards if "-" in c]  # "personas" is also a word; hyphenated ids are not
    for p in passports(saved, core, "fr"):
        text = to_markdown(p)
        assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert "follow-up" not in text and "option" not in text.lower()


def test_typed_text_stays_text_in_markdown_and_json(core):
    saved = project_save(core, "en")
    first = passports(saved, core, "en")[0]
    text = to_markdown(first)
    assert "<script>" not in text and "**bold**" not in text and "[link](" not in text
    assert md(MARKUP) in text and md(RTL) in to_markdown(passports(saved, core, "en")[1])
    back = json.loads(to_json(first))
    assert back["commitments"][0][1] == MARKUP and back["stages"][0]["answer"] == LONG


@pytest.mark.skipif(not HAS_POPPLER, reason="pdftotext (poppler-utils) is not installed")
def test_booster_report_passport_writes_a_pdf_markdown_and_json_per_team(game_file, tmp_path, capsys):
    out = tmp_path / "passports"
    assert main(["report", str(game_file), "--passport", "-o", str(out)]) == 0
    assert "3 passports written" in capsys.readouterr().out
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == 3 and len(list(out.glob("*.md"))) == 3 and len(list(out.glob("*.json"))) == 3
    shown = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "PASSEPORT DE PROJET" in shown and "Nos engagements" in shown
    assert "<script>alert(1)</script>" in shown  # drawn as the characters typed, not read as markup
    assert "(pas de réponse écrite)" in shown
    assert load(game_file).extra  # the save is untouched
    # A file where the folder should go is refused with a sentence, and a damaged save is one too.
    (tmp_path / "file").write_text("x")
    assert main(["report", str(game_file), "--passport", "-o", str(tmp_path / "file")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{")
    assert main(["report", str(tmp_path / "bad.json"), "--passport", "-o", str(out)]) == 1
    assert "Cannot make the passports" in capsys.readouterr().err


def test_a_save_with_damaged_notes_is_refused_with_a_sentence(game_file, tmp_path):
    from booster.table.saves import SaveError

    data = json.loads(game_file.read_text(encoding="utf-8"))
    data["extra"]["transfer"][0]["answer"] = "x" * 600
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="transfer answers"):
        load(bad)
    data["extra"]["transfer"][0]["answer"] = "line\nbreak"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="transfer answers"):
        load(bad)


def test_a_teams_project_shows_in_every_export(core, tmp_path):
    import csv

    from booster.table.projects import Project, with_projects

    saved = project_save(core, "en")
    formula = '=HYPERLINK("http://x")'
    saved = saved._replace(extra=with_projects(saved.extra, [Project(formula, MARKUP, "repair"), None, None]))
    path = tmp_path / "game.json"
    save(path, saved)
    assert main(["report", str(path), "-o", str(tmp_path / "r.csv")]) == 0
    assert main(["report", str(path), "-o", str(tmp_path / "r.json")]) == 0
    assert main(["report", str(path), "-o", str(tmp_path / "r.pdf")]) == 0
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["team"] == TEAMS[0]]
    assert rows and {r["project"] for r in rows} == {"'" + formula}  # text, never a formula
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    teams = data["games"][0]["teams"]
    assert teams[0]["project"] == {"name": formula, "summary": MARKUP, "kind": "repair"} and teams[2]["project"] is None
    if HAS_POPPLER:
        shown = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
        assert f"Project: {formula}" in shown and "<script>alert(1)</script>" in shown


def test_a_deck_may_give_a_stage_its_own_transfer_prompts(mini_variant):
    from booster.deck.loader import load_deck
    from booster.table.projects import transfer_prompts

    own = "{q1: Who is it for?}, transfer: {t1: What will you try first?, t2: With whom?}}"
    folder = mini_variant(lambda text: text.replace("{q1: Who is it for?}}", own))
    result = load_deck(folder)
    assert result.deck is not None and not result.problems, result.problems
    assert transfer_prompts(result.deck, "en", "start") == ["What will you try first?", "With whom?"]
    assert transfer_prompts(result.deck, "en", "finish") == []  # no prompts of its own, no key questions
    assert transfer_prompts(result.deck, "fr", "start") == ["What will you try first?", "With whom?"]  # fallback


def test_a_game_without_consequences_says_so_in_the_passport(mini, save_file):
    saved = load(save_file())
    for p in passports(saved, mini, "en"):
        assert p.chains == [] and md("No decision of this game had a consequence that came back later.") in (
            to_markdown(p)
        )
        assert p.project == "" and md("This team played without a project of its own.") in to_markdown(p)
