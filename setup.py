# SPDX-License-Identifier: MIT
"""Everything is in pyproject.toml, except this: with BOOSTER_COMPILE=1, the rules engine is compiled.

mypyc turns the engine's typed Python into a C extension that plays about 1.5 times as fast (see
benchmarks/engine_bench.py), for long simulations. The Python source stays the reference, and the game
is the same either way (CI checks both). Compiling needs a C compiler; without BOOSTER_COMPILE, nothing
is compiled.
"""

import os

from setuptools import setup

ext_modules = []
if os.environ.get("BOOSTER_COMPILE") == "1":
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip is only asking for the build requirements: mypy is not installed yet
        pass
    else:
        ext_modules = mypycify(
            ["booster/engine/game.py", "booster/engine/rng.py"], opt_level="3", group_name="booster_engine"
        )
setup(ext_modules=ext_modules)
