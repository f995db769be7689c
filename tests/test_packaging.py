# SPDX-License-Identifier: MIT
"""What an installed copy needs is declared to be installed: a data file that no package-data pattern names
works from the checkout and is missing from every wheel, pipx install and app folder. The decks and fonts
are top-level folders that the build carries into the package (`package-dir`)."""

import tomllib
from pathlib import Path

from booster import paths
from booster.text import fonts

ROOT = paths.PACKAGE.parent
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _source(package: str) -> Path:
    """The folder of the checkout that becomes `package` in the wheel."""
    mapped = SETUPTOOLS.get("package-dir", {})
    return ROOT / mapped[package] if package in mapped else ROOT.joinpath(*package.split("."))


def _is_data(p: Path) -> bool:
    return p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts


def test_every_data_file_is_named_by_the_package_data_of_its_package():
    shipped: set[Path] = set()
    data: set[Path] = set()
    for package in SETUPTOOLS["packages"]:
        folder = _source(package)
        shipped |= {p for pattern in SETUPTOOLS["package-data"].get(package, []) for p in folder.glob(pattern)}
        data |= {p for p in folder.rglob("*") if _is_data(p)}
    assert sorted(str(p.relative_to(ROOT)) for p in data - shipped) == []


def test_every_python_package_is_listed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "booster").rglob("__init__.py")}
    assert sorted(found - set(SETUPTOOLS["packages"])) == []


def test_the_decks_and_fonts_have_one_editable_copy_at_the_top():
    assert {"booster.cards": "cards", "booster.assets": "assets"}.items() <= SETUPTOOLS["package-dir"].items()
    assert not (ROOT / "booster" / "cards").exists() and not (ROOT / "booster" / "assets").exists()
    assert paths.CORE_DECK == ROOT / "cards" / "core" and paths.FONTS == ROOT / "assets" / "fonts"


def test_the_files_the_program_opens_by_name_are_found():
    for face in fonts.FACES:
        assert fonts.path(face).is_file() and fonts.path(face, bold=True).is_file(), face
    assert paths.ICON.is_file()
    assert (paths.CORE_DECK / "deck.yaml").is_file()


def test_the_engine_is_compiled_by_the_mypy_ci_pins():
    # setup.py compiles the engine with mypyc in the build's own environment, from pyproject's build
    # requirements: the same mypy as constraints.txt (which CI's type check uses), so that a refresh of one
    # without the other fails here rather than compiling with a mypyc nobody type-checked against.
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines() if "==" in line)
    assert f"mypy=={pins['mypy']}" in requires
