# SPDX-License-Identifier: MIT
"""setuptools' own build backend, which also asks for mypy when BOOSTER_COMPILE=1 (see setup.py).

Build requirements in pyproject.toml cannot depend on the environment; this is setuptools' documented
way to add one: https://setuptools.pypa.io/en/latest/build_meta.html#dynamic-build-dependencies-and-other-build-meta-tweaks
"""

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - every hook is setuptools' own but the two below

# mypyc type-checks what it compiles, so it needs attrs' types as well.
_COMPILER = ["mypy>=1.10", "attrs>=23.1"] if os.environ.get("BOOSTER_COMPILE") == "1" else []


def get_requires_for_build_wheel(config_settings=None):
    return _setuptools.get_requires_for_build_wheel(config_settings) + _COMPILER


def get_requires_for_build_editable(config_settings=None):
    return _setuptools.get_requires_for_build_editable(config_settings) + _COMPILER
