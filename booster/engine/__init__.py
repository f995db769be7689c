# SPDX-License-Identifier: MIT
"""The rules of the game: a deck's model, the state of a game and the moves that change it."""


def compiled() -> bool:
    """Whether the engine's hot modules run compiled by mypyc (a wheel's build, setup.py) rather than as
    plain Python (a checkout, an editable install, a build that fell back)."""
    from booster.engine import game

    return not (game.__file__ or "").endswith(".py")
