# SPDX-License-Identifier: MIT
"""What an installed copy needs is declared to be installed: a data file that no package-data pattern names
works from the checkout and is missing from every wheel, pipx install and app folder."""

import tomllib

from booster import fonts, paths

ROOT = paths.PACKAGE.parent


def test_every_data_file_of_the_package_is_named_by_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["booster"]
    shipped = {p for pattern in patterns for p in paths.PACKAGE.glob(pattern) if p.is_file()}
    data = {
        p
        for p in paths.PACKAGE.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert sorted(str(p.relative_to(paths.PACKAGE)) for p in data - shipped) == []


def test_the_files_the_program_opens_by_name_are_inside_the_package():
    for face in fonts.FACES:
        assert fonts.path(face).is_file() and fonts.path(face, bold=True).is_file(), face
    assert paths.ICON.is_file()
    assert (paths.CORE_DECK / "deck.yaml").is_file()
