# SPDX-License-Identifier: MIT
"""Social Impact Booster: a digital board game engine for a serious game about social innovation."""

__version__ = "0.1.0"  # the one place of the version: pyproject.toml reads it from here
