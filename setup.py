# SPDX-License-Identifier: MIT
"""The one build step pyproject.toml cannot say: the engine's hot modules compiled with mypyc, as black and
mypy ship themselves, with the same modules as plain Python beside them as the fallback.

- A wheel, `pip install .`, `pipx install .` and the Linux app get the compiled engine (random play about 1.7
  times as fast). `python -c "import booster.engine as e; print(e.compiled())"` or `booster --version` says which.
- An editable install (`pip install -e .`) stays pure Python: a developer's edit to game.py is what runs, and
  no compiled file lands in the source tree.
- Where compiling is not wanted (BOOSTER_PURE=1) or impossible (no C compiler, a failing mypyc: the build then
  warns), the wheel holds the plain modules only: the install still succeeds.
"""

from __future__ import annotations

import os
import sys
import traceback
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The modules random play runs through on every action (benchmarks/engine_bench.py). The others (the deck's
# model with its attrs converters, replay, outcome) are read once per game or per screen: not worth compiling.
COMPILED = ("book", "events", "game", "powers", "rng", "state")
# Names the shared runtime module mypyc makes (booster_engine__mypyc); packaging/booster.spec collects it.
GROUP = "booster_engine"
# The commands that build the package's files; metadata (egg_info, dist_info) and editable builds compile nothing.
BUILDS = {"bdist_wheel", "build", "build_ext", "install"}


def _warn(message: str) -> None:
    print(
        f"\nsocial-impact-booster: {message}; the engine stays pure Python (the same rules, slower)\n", file=sys.stderr
    )


def _forget_compiled() -> None:
    """Removes the compiled modules an earlier build left in build/: setuptools puts all of build/lib in the
    wheel, so a pure build would ship them (the package has no other extension modules)."""
    for path in Path("build").glob("lib*/**/*"):
        if path.name.endswith(tuple(EXTENSION_SUFFIXES)):
            path.unlink()


def _compiled_engine() -> list[Extension]:
    """mypyc's C extensions for COMPILED, or none (with a warning) when they are not wanted or cannot be made."""
    if not BUILDS.intersection(sys.argv[1:]) or "editable_wheel" in sys.argv or "develop" in sys.argv:
        return []
    if os.environ.get("BOOSTER_PURE"):
        _forget_compiled()
        return []
    try:
        from mypyc.build import mypycify

        paths = [str(Path("booster", "engine", f"{name}.py")) for name in COMPILED]
        return mypycify(paths, opt_level="3", group_name=GROUP)
    except (Exception, SystemExit):  # mypy missing, or refusing the code (it exits): the build goes on, pure
        traceback.print_exc()
        _warn("mypyc could not translate the engine")
        _forget_compiled()
        return []


class OptionalBuildExt(build_ext):
    """Builds the compiled engine if the C compiler works; otherwise builds nothing, so that the wheel holds
    the plain modules only (a shared runtime missing beside compiled modules would break every import)."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # CompileError, LinkError, a missing compiler: setuptools' many kinds
            _warn(f"compiling the engine failed ({error})")
            _forget_compiled()
            self.extensions: list[Extension] = []

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


setup(ext_modules=_compiled_engine(), cmdclass={"build_ext": OptionalBuildExt})
