# SPDX-License-Identifier: MIT
"""Paper (layer 5, beside the screen and the phones: imports the table, text, the deck and the engine).

Print and play (`deck_pdf`, `cardface`, `pen`, `sizes`): a PDF of a deck's cards (poker size, 3x3 a page,
crop marks), its rules, board and credits.

Session reports (`collect`, `export`, `report_pdf`, `doc`): what each team chose, learned and earned, as PDF for
the debrief and CSV/JSON for analysis.

    booster report SAVE -o report.pdf [--format pdf|csv|json] [--lang L] [--deck PATH]
    booster report merge A.json B.json ... -o workshop.pdf

From Python (the front end's debrief screen and menu):
`booster.paper.export.write_report(saved, deck, out_path, fmt="pdf", lang=lang)`.

Everything is rebuilt by replaying the save's action log (`collect`); nothing else is stored. The PDF
(`report_pdf`) has an overview with every team's pillars, the time spent per stage, per team the journey stage by
stage (card, response, tool played, effect, time), the tools and the experience cards earned in full, a
toolbox with every method's steps, and the deck's credits. Labels are in French or English (`labels`); card
texts in the game's language.

CSV and JSON hold one record per recorded action, so counts match the save's log:
`game, team, step, action (advance|choose|exchange), stage (a stage id, or "exchange"), card, card_kind,
card_title, option, option_text, tool, tool_title, gained (tool or experience cards), effect_<pillar>...,
score_<pillar>... (after the action), time (seconds since the start), seconds (since the previous action)`.
Per team, the effects add up to the final scores. The CSV starts with a byte-order mark so that spreadsheets
read the accents; JSON also has the teams, times per stage, the choices per challenge and the merge notes.
"""
