# SPDX-License-Identifier: MIT
"""The PDF's words and structure: labels in both languages, contents, credits, running text layout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sample_save import random_save

from booster.paper.collect import build_session
from booster.paper.doc import Doc
from booster.paper.export import to_json, write_report
from booster.paper.report_pdf import duration, licence_url, render, signed
from booster.text.i18n import report_labels

HAS_PDFTOTEXT = shutil.which("pdftotext") is not None


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_report_labels_come_from_the_string_files():
    # The report's words are strings of booster/text/i18n/ui.<lang>.yaml; their placeholders are checked by
    # tests/test_strings.py for every language.
    assert report_labels("fr-CA")["journey"] == "Parcours"
    assert report_labels("hr")["journey"] == "Journey"  # other languages: English labels, deck texts in hr


def test_small_formatters():
    assert [signed(v) for v in (3, 0, -2)] == ["+3", "0", "-2"]
    assert [duration(s) for s in (4.4, 65, 3725)] == ["4 s", "1 min 05 s", "1 h 02 min"]
    assert licence_url("CC-BY-SA-4.0") == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert licence_url("MIT") is None


def test_wrap_fits_the_width_and_keeps_every_word():
    doc = Doc("footer", "{n}/{total}")
    text = "Une équipe au nom très long https://example.org/a/very/long/address/that/cannot/break ελληνικά"
    lines = doc.wrap(text, 40, 9)
    assert all(doc.width(line, 9) <= 40 + 1e-6 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_render_gives_a_pdf_for_any_moment_of_a_game(mini):
    for actions in (0, 1, 2, 9, None):
        saved = random_save(mini, "x", 3, seed=8, actions=actions)
        data = render(build_session([("t", saved, [mini])], mini, "fr"))
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_json_carries_the_deck_credits(mini):
    saved = random_save(mini, "x", 2, seed=1)
    data = to_json(build_session([("t", saved, [mini])], mini, "en"))
    assert data["deck"]["licence"] == "CC-BY-SA-4.0"
    assert data["deck"]["authors"] == ["Social Impact Booster contributors"]
    assert data["deck"]["changes"] == {"2026-11": "A tiny deck for the tests"}


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_long_report_has_contents_credits_with_licence_link_and_all_sections(mini, tmp_path):
    saved = random_save(mini, "x", ("Alpha", "Beta", "Gamma", "Delta"), seed=2, lang="en")
    out = write_report(saved, mini, tmp_path / "r.pdf", fmt="pdf", lang="en")
    text = pdf_text(out)
    for heading in ("Contents", "Pillars", "Summary", "Time spent", "Journey", "Toolbox", "Credits"):
        assert heading in text, heading
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in text
    assert text.count("Page 1 of") == 1 and "{nb}" not in text
    # every team's journey lists each of its choices' texts
    for option_text in ("Grow vegetables.", "Sell the plot.", "Throw a street party.", "Call the press."):
        chosen = {
            "Grow vegetables.": "grow",
            "Sell the plot.": "sell",
            "Throw a street party.": "party",
            "Call the press.": "press",
        }[option_text]
        assert (option_text in text) == any(a.option == chosen for a in saved.log)


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_core_deck_credits_card_and_based_on(core, tmp_path):
    from booster import paths

    saved = random_save(core, str(paths.CORE_DECK), 2, seed=3, lang="fr")
    text = pdf_text(write_report(saved, core, tmp_path / "r.pdf", lang="fr"))
    assert "Crédits" in text and "D’après" in text
    credits = core.text("fr", "cards", "credits", "text")
    assert credits.split()[0] in text


def test_wrap_never_leaves_french_punctuation_alone_on_a_line():
    doc = Doc("footer", "{n}/{total}")
    text = "Combien coûte une réparation ? Le « portrait donut » : 30 %"
    for width in range(20, 90, 3):
        for line in doc.wrap(text, width, 9):
            assert not line.startswith(("?", ":", "»", "%")) and not line.endswith("«"), (width, line)


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
def test_a_save_without_times_says_so(mini, tmp_path):
    saved = random_save(mini, "x", 2, seed=4)
    untimed = saved._replace(times=(0.0,) * len(saved.log))  # as new_save() records a replayed match
    text = pdf_text(write_report(untimed, mini, tmp_path / "r.pdf", lang="en"))
    assert "This save holds no times" in text


@pytest.mark.skipif(not HAS_PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_participants_report_says_the_licence_in_plain_words_and_not_the_change_log(lang, tmp_path):
    from booster import paths
    from booster.deck.loader import load_deck

    core = load_deck(paths.CORE_DECK).deck
    saved = random_save(core, str(paths.CORE_DECK), 2, seed=3, lang=lang)
    text = " ".join(pdf_text(write_report(saved, core, tmp_path / "r.pdf", fmt="pdf", lang=lang)).split())
    labels = report_labels(lang)
    assert " ".join(labels["licence_cc_by_sa"].split()) in text  # what a participant may do with the cards
    assert " ".join(labels["changed"].split()) in text  # that this version changed the original, as CC BY-SA asks
    for note in core.info.changes.values():  # the notes for deck editors stay in deck.yaml
        assert note[:40] not in text
    assert "maximin" not in text and "issue 10" not in text


def test_the_core_decks_change_notes_speak_a_deck_editors_words():
    from booster import paths
    from booster.deck.loader import load_deck

    notes = " ".join(load_deck(paths.CORE_DECK).deck.info.changes.values()).casefold()
    for jargon in ("issue ", "maximin", "mechanics of", "free lunch"):
        assert jargon not in notes, jargon
