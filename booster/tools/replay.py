# SPDX-License-Identifier: MIT
"""`booster replay SAVE --team N --decision K --response R`: the road not taken, in the terminal.

Without --decision (or --response), it lists the team's decisions (or the responses it was offered) with the
numbers to give. Every mistake the user can make ends with one plain sentence, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.usage = "booster replay SAVE --team N [--decision K [--response R]] [--lang L] [--deck PATH]"
    parser.add_argument("save", metavar="SAVE", help="the save file of a finished game")
    parser.add_argument("--team", type=int, required=True, help="the team's number (1 is the first team)")
    parser.add_argument("--decision", type=int, help="the team's decision to change (its number in the list)")
    parser.add_argument("--response", help="the other response: its number in the list, or its id")
    parser.add_argument("--lang", help="language of the texts (default: the save's)")
    parser.add_argument("--deck", help="deck folder (default: the save's deck, else the core deck)")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def main(args: argparse.Namespace) -> int:
    from booster.engine.game import Game, IllegalAction
    from booster.engine.replay import decisions, road_not_taken
    from booster.paper.roads import assumed_lines, decision_label, option_text, others_changed, road_rows
    from booster.table.saves import SaveError
    from booster.text.i18n import section
    from booster.tools.report import load_played

    try:
        saved, deck = load_played(Path(args.save), args.deck)
        match = saved.replay(Game(deck))
    except SaveError as e:
        _say(f"Cannot replay: {e}.")
        return 1
    lang = args.lang or saved.lang
    t = section(lang, "report.replay.")
    teams = match.state.teams
    if not 1 <= args.team <= len(teams):
        _say(f"There is no team {args.team}: this game has {len(teams)} (1 to {len(teams)}).")
        return 2
    team = args.team - 1
    own = decisions(match, team)
    if args.decision is None:
        print(t("decisions", team=teams[team].name))
        for d in own:
            print(f"  {decision_label(deck, lang, d)}")
        return 0
    if not 1 <= args.decision <= len(own):
        _say(f"{teams[team].name} made {len(own)} decisions: give --decision from 1 to {len(own)}.")
        return 2
    decision = own[args.decision - 1]
    if args.response is None:
        print(decision_label(deck, lang, decision))
        print(t("responses"))
        for i, o in enumerate(decision.offered, 1):
            print(f"  {i}. {option_text(deck, lang, decision.card, o)}")
        return 0
    response = args.response
    if response.isdigit() and 1 <= int(response) <= len(decision.offered):
        response = decision.offered[int(response) - 1]
    try:
        road = road_not_taken(match, team, args.decision, response)
    except IllegalAction as e:
        _say(f"Cannot replay: {e}.")
        return 2
    rows = road_rows(road, deck, lang)
    n = len(deck.rules.pillar_ids)
    decision_row, scores, lists = rows[0], rows[1 : 1 + n], rows[1 + n :]
    print(f"{t('title')}: {teams[team].name}, {decision_row.label}")
    if not decision_row.differs:
        print(t("same_response"))
    print(f"  {t('game')}: {decision_row.real}")
    print(f"  {t('other')}: {decision_row.other}")
    width = max(len(r.label) for r in scores)
    print(f"{'':{width}}  {t('game'):>16}  {t('other'):>24}")
    for r in scores:
        print(f"{r.label:{width}}  {r.real:>16}  {r.other:>24}{'   ≠' if r.differs else ''}")
    for r in lists:
        print(f"{r.label}:")
        if r.differs:
            print(f"  {t('game')}: {r.real}")
            print(f"  {t('other')}: {r.other}")
        else:
            print(f"  {r.real}")
    for line in assumed_lines(road, deck, lang):
        print(line)
    changed = others_changed(road)
    if changed:
        print(t("others", teams=", ".join(changed)))
    return 0
