# SPDX-License-Identifier: MIT
"""One module per scene; each is driven by events and draws into a Surface, so it runs headless."""

from __future__ import annotations

from typing import TYPE_CHECKING

from booster.table.views import (
    BoardView,
    ChallengeView,
    DebriefView,
    EffectView,
    ExchangedView,
    ExchangeView,
    RevealView,
    RoundView,
    StageView,
    ToolsView,
    ToolView,
    TransferView,
    View,
)

if TYPE_CHECKING:
    from booster.ui.scenes.base import Host, Scene


def scene_for(app: Host, view: View) -> Scene:
    """The scene that shows `view`."""
    from booster.ui.scenes import board, card, debrief, exchange, rounds, stage, transfer

    match view:
        case StageView():
            return stage.StageScene(app, view)
        case ChallengeView():
            return card.ChallengeScene(app, view)
        case ToolView():
            return card.ToolScene(app, view)
        case EffectView():
            return card.EffectScene(app, view)
        case ExchangeView():
            return exchange.ExchangeScene(app, view)
        case ExchangedView():
            return exchange.ExchangedScene(app, view, app.clock)
        case DebriefView():
            return debrief.DebriefScene(app)
        case BoardView():
            return board.BoardScene(app, view)
        case RoundView():
            return rounds.RoundScene(app, view)
        case RevealView():
            return rounds.RevealScene(app, view)
        case ToolsView():
            return rounds.ToolsScene(app, view)
        case TransferView():
            return transfer.TransferScene(app, view)
