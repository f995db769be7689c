# SPDX-License-Identifier: MIT
"""Stale texts whatever route a translation took (issue 13 §1): typed by hand, through PO files, saved by
Weblate, then a source edit. `deck status` must show the stale text with no extra step, and re-running
`deck translate` must not erase the trace."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from booster.tools.translation import core, history

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for the history route")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def _commit(repo: Path, message: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message)


def _edit_source(deck: Path) -> None:
    path = deck / "text.en.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: A garden", "title: A shared garden"), encoding="utf-8")


def _stale(deck: Path, lang: str) -> dict[str, tuple[str, str]]:
    return {s.path: (s.was, s.how) for s in core.status(core.deck_textset(deck), lang).stale}


# A Spanish file as Weblate or po2yaml writes it: plain YAML, no comments, no origin records.
PLAIN = 'cards:\n  garden:\n    title: "Un huerto"\n    text: "Hay un terreno libre."\n'
# The same typed by hand from a `deck translate` file: the source comments kept above each entry.
BY_HAND = (
    "cards:\n  garden:  # challenge\n    # en: A garden\n    title: Un huerto\n"
    "    # en: A plot of land is free.\n    text: Hay un terreno libre.\n"
)


@pytest.mark.parametrize("commit_edit", [False, True], ids=["edit-uncommitted", "edit-committed"])
def test_weblate_save_in_git_goes_stale(mini: Path, run, commit_edit: bool) -> None:
    _git(mini, "init", "-q")
    (mini / "text.es.yaml").write_text(PLAIN, encoding="utf-8")
    _commit(mini, "Spanish from Weblate")
    assert _stale(mini, "es") == {}
    _edit_source(mini)
    if commit_edit:
        _commit(mini, "French edit")
    assert _stale(mini, "es") == {"cards.garden.title": ("A garden", "git")}
    assert run("deck", "status", mini, "--lang", "es")[0] == 0
    out = run("deck", "status", mini, "--lang", "es")[1]
    assert "1 of them stale" in out and "was: A garden" in out
    assert "now: A shared garden" in out and "git history" in out
    # `deck translate`, as the guide says after a Weblate merge, keeps the trace and marks the entry.
    assert run("deck", "translate", mini, "--lang", "es")[0] == 0
    assert _stale(mini, "es") == {"cards.garden.title": ("A garden", "record")}
    text = (mini / "text.es.yaml").read_text(encoding="utf-8")
    assert "# en: A garden\n    # STALE:" in text and "# en now: A shared garden" in text
    # Confirming it puts today's source in the comment and takes the mark away.
    assert run("deck", "confirm", mini, "--lang", "es", "garden")[0] == 0
    text = (mini / "text.es.yaml").read_text(encoding="utf-8")
    assert "STALE" not in text and "# en: A shared garden\n    title:" in text
    assert _stale(mini, "es") == {}


def test_translation_edited_after_the_source_edit_is_current(mini: Path) -> None:
    _git(mini, "init", "-q")
    (mini / "text.es.yaml").write_text(PLAIN, encoding="utf-8")
    _commit(mini, "Spanish")
    _edit_source(mini)
    _commit(mini, "French edit")
    (mini / "text.es.yaml").write_text(PLAIN.replace("Un huerto", "Un huerto compartido"), encoding="utf-8")
    _commit(mini, "Spanish follows")
    assert _stale(mini, "es") == {}


def test_by_hand_outside_git_uses_the_comments(mini: Path, run) -> None:
    (mini / "text.es.yaml").write_text(BY_HAND, encoding="utf-8")
    assert _stale(mini, "es") == {}
    _edit_source(mini)
    assert _stale(mini, "es") == {"cards.garden.title": ("A garden", "comment")}
    # Re-running translate records the older source, not today's, and says so.
    code, out = run("deck", "translate", mini, "--lang", "es")
    assert code == 0 and "1 translations were made from an older source text" in out
    assert core.read_origins(mini / "text.es.origin.json")[0]["cards.garden.title"] == "A garden"
    assert _stale(mini, "es") == {"cards.garden.title": ("A garden", "record")}


def test_po_route_goes_stale(mini: Path, tmp_path: Path) -> None:
    pytest.importorskip("translate.storage.yaml")
    from translate.convert import po2yaml, yaml2po

    _git(mini, "init", "-q")
    (mini / "text.es.yaml").write_text(PLAIN, encoding="utf-8")
    po = tmp_path / "es.po"
    with open(mini / "text.es.yaml", "rb") as i, open(po, "wb") as o, open(mini / "text.en.yaml", "rb") as t:
        assert yaml2po.run_converter(i, o, t) == 1
    (mini / "text.es.yaml").unlink()
    with open(po, "rb") as i, open(mini / "text.es.yaml", "wb") as o, open(mini / "text.en.yaml", "rb") as t:
        assert po2yaml.run_converter(i, o, t) == 1
    _commit(mini, "Spanish from PO")
    _edit_source(mini)
    assert "cards.garden.title" in _stale(mini, "es")


def test_comment_origins_reads_what_render_writes() -> None:
    source = {"cards": {"a": {"title": "Deux\nlignes", "options": {"x": "Oui : non", "no": "Non"}}}}
    target = {"cards": {"a": {"title": "Two\nlines", "options": {"x": "Yes: no", "no": "No"}}}}
    text = core.render(source, target, "fr", [], made_from={"cards.a.options.x": "Oui"})
    got = history.comment_origins(text, "fr")
    assert got == {"cards.a.title": "Deux\nlignes", "cards.a.options.x": "Oui", "cards.a.options.no": "Non"}


@pytest.mark.parametrize("commit_edit", [False, True], ids=["uncommitted", "committed"])
def test_an_unrelated_edit_never_clears_a_stale_text(mini: Path, run, commit_edit: bool) -> None:
    """Stale means the source changed after the translation was last confirmed or derived from it: a wording
    fix of the translation made after the source changed leaves it stale; a confirm clears it."""
    _git(mini, "init", "-q")
    (mini / "text.es.yaml").write_text(PLAIN, encoding="utf-8")
    assert run("deck", "translate", mini, "--lang", "es")[0] == 0  # derived: the origins are recorded
    _commit(mini, "Spanish")
    _edit_source(mini)
    _commit(mini, "English edit")
    path = mini / "text.es.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Un huerto", "Un huerto urbano"), encoding="utf-8")
    if commit_edit:
        _commit(mini, "Spanish wording")
    assert _stale(mini, "es") == {"cards.garden.title": ("A garden", "record")}
    out = run("deck", "status", mini, "--lang", "es")[1]
    assert "1 of them stale" in out and "complete" not in out.split("\n")[1], out
    assert run("deck", "confirm", mini, "--lang", "es", "garden")[0] == 0
    assert _stale(mini, "es") == {}
