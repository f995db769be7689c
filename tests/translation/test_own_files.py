# SPDX-License-Identifier: MIT
"""A translator's files live where the translator owns them (issue 25 §6): `deck translate --ui` writes to
the user's folder, never into the installed package; the blank file it writes passes `deck check`; files in
the user's folders name a schema that is there; `deck schema` with no kind lists the kinds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from booster import paths
from booster.deck import schemas
from booster.text import i18n


def _schema_of(file: Path) -> Path:
    """The schema a file's first line names, resolved as an editor does (relative to the file)."""
    first = file.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(.+)", first)
    assert m, first
    return (file.parent / m.group(1)).resolve()


def test_translate_ui_writes_to_the_users_folder_and_the_blank_file_passes(mini: Path, run) -> None:
    bundled = set(i18n.BUNDLED.iterdir())
    code, out = run("deck", "translate", mini, "--lang", "de", "--ui")
    assert code == 0, out
    assert set(i18n.BUNDLED.iterdir()) == bundled  # nothing written into the program's own folder
    mine = i18n.user_folder() / "ui.de.yaml"
    assert mine.is_file() and f"created {mine}" in out
    assert _schema_of(mine).is_file()
    # Every string still to do (commented out): the file passes, as the schema and the editor say.
    code, out = run("deck", "check", mini)
    assert code == 0, out
    assert "ui.de.yaml" not in out
    # One string translated, uncommented with its parent, the `{}` line deleted as it says: it counts.
    text = mine.read_text(encoding="utf-8")
    text = text.replace("# ui:\n", "ui:\n", 1).replace('  # lang_name: ""', "  lang_name: Deutsch", 1)
    text = "\n".join(x for x in text.splitlines() if not x.startswith("{}")) + "\n"
    mine.write_text(text, encoding="utf-8")
    code, out = run("deck", "check", mini)
    assert code == 0 and "Deutsch (de)" in out, out


def test_a_users_deck_gets_a_modeline_that_resolves(mini: Path, run) -> None:
    deck = Path(shutil.copytree(mini, paths.user_decks() / "mine"))
    code, out = run("deck", "translate", deck, "--lang", "de")
    assert code == 0, out
    schema = _schema_of(deck / "text.de.yaml")
    assert schema == (paths.user_data() / "schemas" / "text.schema.json").resolve()
    assert schema.read_text(encoding="utf-8") == schemas.schema_text("text")
    # The deck's own files, copied from the bundled deck, name ../../schemas: `deck list` puts them there.
    shutil.rmtree(paths.user_data() / "schemas")
    assert run("deck", "list")[0] == 0
    assert all((paths.user_data() / "schemas" / f"{k}.schema.json").is_file() for k in schemas.KINDS)


def test_deck_schema_lists_the_kinds_and_installs(run) -> None:
    code, out = run("deck", "schema")
    assert code == 0
    assert all(f"  {k}: " in out for k in schemas.KINDS) and "$schema" not in out
    code, out = run("deck", "schema", "--install")
    assert code == 0 and str(paths.user_data() / "schemas") in out
    code, out = run("deck", "schema", "text")
    assert code == 0 and '"$schema"' in out


def test_schemas_resolve_from_the_file_an_editor_reads() -> None:
    """An editor resolves `#/definitions/...` against the schema's `$id`: an address that cannot be fetched
    made validation fail. With no `$id`, and only references inside the file, the copy beside the user's
    decks is enough."""
    import json

    for kind in schemas.KINDS:
        text = schemas.schema_text(kind)
        assert "$id" not in json.loads(text)
        assert all(ref.startswith("#/") for ref in re.findall(r'"\$ref": "([^"]*)"', text))


def test_completing_a_bundled_language_outside_a_checkout_writes_to_the_users_folder(tmp_path: Path, run) -> None:
    """An installed program (no git checkout around it) holds a partial Italian: completing it works on a
    copy in the translator's folder, never in the installed folder, and keeps every bundled translation."""
    installed = tmp_path / "site-packages" / "i18n"
    installed.mkdir(parents=True)
    for name in ("ui.en.yaml", "ui.it.yaml"):
        (installed / name).write_text((i18n.BUNDLED / name).read_text(encoding="utf-8"), encoding="utf-8")
    installed.chmod(0o555)  # as an installed package may be
    try:
        from booster.tools.translation import core

        ts = core.ui_textset(installed)
        assert ts is not None
        ts.own = i18n.user_folder()  # what ui_textset() does for the installed folder
        before = core.flat(ts.read("it")[0])
        ts.adopt("it")
        mine = i18n.user_folder() / "ui.it.yaml"
        assert mine.is_file() and ts.file("it") == mine
        assert core.flat(ts.read("it")[0]) == before and before  # every bundled translation kept
        assert sorted(p.name for p in installed.iterdir()) == ["ui.en.yaml", "ui.it.yaml"]  # untouched
    finally:
        installed.chmod(0o755)
