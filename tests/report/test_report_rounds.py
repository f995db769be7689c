# SPDX-License-Identifier: MIT
"""The report of a game played all at once (issue 12): each round's answers side by side, one row per team,
each team's journey as in turn play, and the room's time counted once."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from sample_save import random_save

from booster.engine.game import Game
from booster.paper.collect import build_session, stage_seconds
from booster.paper.export import write_report


def test_every_round_has_one_row_per_team_with_the_answer_that_counted(core):
    saved = random_save(core, "core", 6, seed=4, mode="all-at-once")
    match = saved.replay(Game(core))
    session = build_session([("t1", saved, [core])], core, "en")
    table = session.tables[0]
    chosen = [r for r in table.rows if r.action == "choose"]
    assert len(chosen) == 60  # 10 challenge rounds, 6 teams: the answers changed or withdrawn are not rows
    rounds: dict[int, list] = {}
    for r in chosen:
        rounds.setdefault(r.round, []).append(r)
    assert len(rounds) == 10 and all(sorted(r.team_index for r in rows) == list(range(6)) for rows in rounds.values())
    # The answer a row shows is the one the round closed with.
    closes = [i for i, a in enumerate(match.log) if a.kind == "close"]
    for i, rows in zip(closes, rounds.values(), strict=True):
        rnd = match.states[i].round
        assert [(r.card, r.option, r.tool) for r in rows] == [
            (rnd.cards[r.team_index], rnd.answers[r.team_index].option, rnd.answers[r.team_index].tool) for r in rows
        ]
    for team, final in zip(table.teams, match.state.teams, strict=True):
        sums = tuple(map(sum, zip(*(r.effect for r in team.rows), strict=True)))
        assert sums == final.scores  # each team's journey adds up to its scores
    # The time table counts a step the whole room lived once, not once per team.
    assert sum(stage_seconds(table.rows).values()) == pytest.approx(table.duration)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_pdf_and_csv_show_the_rounds(core, tmp_path):
    saved = random_save(core, "core", 4, seed=2, lang="fr", mode="all-at-once")
    pdf = write_report(saved, core, tmp_path / "r.pdf", fmt="pdf", lang="fr")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Qui a choisi quoi, tour par tour" in text and "Tour 10 :" in text
    csv = write_report(saved, core, tmp_path / "r.csv", fmt="csv", lang="fr").read_text(encoding="utf-8-sig")
    assert '"round"' in csv.splitlines()[0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_round_revealed_without_a_teams_answer_reports_it_as_a_pass(core, tmp_path):
    from booster.engine.game import CLOSE, Action, Setup
    from booster.engine.match import Match
    from booster.table.saves import new_save

    game = Game(core)
    match = Match.start(game, Setup(("A", "B", "C"), 3, (), "all-at-once"))
    saved = new_save(match, "core", "en")
    while not game.is_over(match.state):
        state = match.state
        if state.round is not None and state.round.answers[1] is None and state.round.cards[1] is not None:
            action = Action("pass", team=1)  # team B never answers: the facilitator reveals without it
        elif state.round is not None and state.turn < 0:
            action = CLOSE
        else:
            action = game.legal_actions(state)[0]
        match, _ = match.play(action)
        saved = saved.record(action, 1_795_000_000.0 + len(match.log) * 30)
    session = build_session([("t1", saved, [core])], core, "en")
    rows = session.tables[0].rows
    assert {r.team_index for r in rows if r.action == "pass"} == {1}
    assert not [r for r in rows if r.action == "choose" and r.team_index == 1]
    assert session.tables[0].teams[1].rows and all(r.effect == (0, 0, 0) for r in rows if r.action == "pass")
    pdf = write_report(saved, core, tmp_path / "r.pdf", fmt="pdf", lang="en")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Ten rounds, then B's journey: each says the team gave no answer.
    assert "Who chose what" in text and text.count("No answer: the round was revealed without it") == 20
