# SPDX-License-Identifier: MIT
"""Each tool's "when" line says exactly what the tool does (issue 22 §3): the powers of cards.yaml, on the
tool's pillar, in every language whose line is written to the source's pattern, and no power it lacks."""

import pytest

from booster import paths
from booster.deck.loader import load_deck

# Per language, the words that say each power (with the tool's pillar where the power has one).
SAYS = {
    "fr": {
        "reveal": lambda p: "vous voyez les effets de chaque réponse avant de choisir",
        "bonus": lambda p: f"votre réponse rapporte un point {FR[p]} de plus",
        "soften": lambda p: f"la perte {FR_LOSS[p]} de votre réponse tombe à zéro",
        "unlock": lambda p: "Tant que vous la gardez, elle ouvre",
    },
    "en": {
        "reveal": lambda p: "you see the effects of every response before choosing",
        "bonus": lambda p: f"your response earns one more {p} point",
        "soften": lambda p: f"the {EN_LOSS[p]} loss of your response falls to zero",
        "unlock": lambda p: "As long as you hold it, it opens",
    },
}
FR = {"ecology": "écologique", "economy": "économique", "social": "social"}
FR_LOSS = {"ecology": "écologique", "economy": "économique", "social": "sociale"}
EN_LOSS = {"ecology": "ecological", "economy": "economic", "social": "social"}
# Any sign of a power, whatever its pillar: a line must not hint at a power the tool does not have.
HINTS = {
    "fr": {"reveal": "avant de choisir", "bonus": "de plus", "soften": "tombe à zéro", "unlock": "ouvre"},
    "en": {"reveal": "before choosing", "bonus": "one more", "soften": "falls to zero", "unlock": "opens"},
}


@pytest.fixture(scope="module")
def deck():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None
    return result.deck


@pytest.mark.parametrize("lang", sorted(SAYS))
def test_every_tool_line_states_its_powers_and_no_other(deck, lang):
    wrong = []
    for tool in deck.of_kind("tool"):
        when = deck.texts[lang]["cards"][tool.id]["when"]
        for power, say in SAYS[lang].items():
            if power in tool.powers and say(tool.pillar) not in when:
                wrong.append(f"{tool.id}: does not say its {power} ({say(tool.pillar)!r})")
            if power not in tool.powers and HINTS[lang][power] in when:
                wrong.append(f"{tool.id}: speaks of {power}, a power it does not have")
    assert wrong == []


def test_the_french_lines_are_not_built_on_a_dangling_participle(deck):
    lines = [deck.texts["fr"]["cards"][t.id]["when"] for t in deck.of_kind("tool")]
    assert not [w for w in lines if "Jouée sur un défi" in w or "Tenue en main" in w]
