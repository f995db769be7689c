# SPDX-License-Identifier: MIT
"""The report's data: one record per recorded action, effects that add up to the scores, times per stage."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest
from sample_save import random_save

from booster.engine.game import Game
from booster.paper.collect import EXCHANGE, build_session, stage_seconds
from booster.paper.export import records, write_report
from booster.table.saves import SaveError


def _csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_csv_has_every_decision_and_effects_sum_to_scores(tmp_path, mini, seed):
    saved = random_save(mini, "tests/decks/mini", 4, seed=seed, lang="fr")
    match = saved.replay(Game(mini))
    out = write_report(saved, mini, tmp_path / "r.csv", fmt="csv", lang="fr", name="t1")
    rows = _csv(out)
    assert len(rows) == len(saved.log)
    assert Counter(r["action"] for r in rows) == Counter(a.kind for a in saved.log)
    chosen = [r for r in rows if r["action"] == "choose"]
    assert [(r["option"], r["tool"] or None) for r in chosen] == [
        (a.option, a.tool) for a in saved.log if a.kind == "choose"
    ]
    pillars = mini.rules.pillar_ids
    for i, team in enumerate(match.state.teams):
        mine = [r for r in rows if r["team"] == team.name]
        sums = tuple(sum(int(r[f"effect_{p}"]) for r in mine) for p in pillars)
        assert sums == team.scores
        assert tuple(int(mine[-1][f"score_{p}"]) for p in pillars) == team.scores, i
    # texts in the game's language, times from the save
    assert any(r["option_text"] == "Cultiver des légumes." for r in chosen) or all(
        r["card"] != "garden" or r["option"] != "grow" for r in chosen
    )
    assert {r["game"] for r in rows} == {"t1"}
    assert float(rows[-1]["time"]) == pytest.approx(saved.times[-1], abs=1e-3)
    assert sum(float(r["seconds"]) for r in rows) == pytest.approx(saved.times[-1], abs=0.01)


def test_json_records_match_the_log_and_carry_teams(tmp_path, mini):
    saved = random_save(mini, "tests/decks/mini", 3, seed=5)
    out = write_report(saved, mini, tmp_path / "r.json", fmt="json", lang="en")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "social-impact-booster/paper-1"
    assert len(data["decisions"]) == len(saved.log)
    game = data["games"][0]
    assert game["finished"] is True
    assert [t["name"] for t in game["teams"]] == list(saved.setup.teams)
    for team in game["teams"]:
        mine = [d for d in data["decisions"] if d["team"] == team["team"]]
        for p, score in team["scores"].items():
            assert sum(d["effect"][p] for d in mine) == score
        assert sum(len(d["gained"]) for d in mine if d["action"] == "exchange") == len(team["experience"])
    chosen = Counter((d["card"], d["option"]) for d in data["decisions"] if d["action"] == "choose")
    counted = Counter({(c, o): sum(t.values()) for c, opts in data["options"].items() for o, t in opts.items()})
    assert chosen == counted
    assert sum(game["stage_seconds"].values()) == pytest.approx(game["seconds"], abs=0.01)


def test_stage_times_and_exchange_rows(mini):
    saved = random_save(mini, "x", 2, seed=4)
    session = build_session([("t", saved, [mini])], mini, "en")
    per_stage = stage_seconds(session.rows)
    assert set(per_stage) == {*mini.rules.stage_ids, EXCHANGE}
    assert sum(per_stage.values()) == pytest.approx(saved.times[-1])
    exchange = [r for r in session.rows if r.stage == EXCHANGE]
    assert [r.action for r in exchange] == ["exchange", "exchange"]


def test_a_game_in_progress_is_reported(tmp_path, mini):
    saved = random_save(mini, "x", 3, seed=2, actions=5)  # stops on a drawn challenge, waiting for a choice
    session = build_session([("t", saved, [mini])], mini, "en")
    table = session.tables[0]
    assert not table.finished
    assert len(records(session)) == 5
    write_report(saved, mini, tmp_path / "partial.pdf", lang="en")
    assert (tmp_path / "partial.pdf").read_bytes().startswith(b"%PDF")


def test_an_empty_game_is_reported(tmp_path, mini):
    saved = random_save(mini, "x", 2, seed=2, actions=0)
    write_report(saved, mini, tmp_path / "empty.pdf", lang="fr")
    assert write_report(saved, mini, tmp_path / "empty.csv", fmt="csv").read_text(encoding="utf-8-sig").count("\n") == 1


def test_a_save_that_does_not_fit_the_deck_raises_a_save_error(mini, mini_variant):
    from booster.deck.loader import load_deck

    saved = next(
        s for s in (random_save(mini, "x", 2, seed=k) for k in range(50)) if any(a.option == "sell" for a in s.log)
    )
    other = load_deck(mini_variant(lambda text: text.replace("sell:", "auction:")))
    assert other.deck is not None, other.problems
    with pytest.raises(SaveError, match="does not fit"):
        build_session([("t", saved, [other.deck])], other.deck, "en")


def test_unknown_format_is_refused(tmp_path, mini):
    saved = random_save(mini, "x", 2, seed=3)
    with pytest.raises(ValueError, match="format"):
        write_report(saved, mini, tmp_path / "r.txt", fmt="txt")
