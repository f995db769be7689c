# SPDX-License-Identifier: MIT
"""Each tool's "when" line says exactly what the tool does (issue 22 §3): the powers of cards.yaml, on the
tool's pillar, with the rules' bonus, in French, English and every tool line Italian has, and no
power it lacks."""

import pytest

from booster import paths
from booster.deck.loader import load_deck

# How each language says "N more points on a pillar" (the rules' `tools.bonus`), with its agreement.
EN_MORE = {1: "one more {p} point", 2: "two more {p} points", 3: "three more {p} points"}
FR_MORE = {1: "un point {s} de plus", 2: "deux points {pl} de plus", 3: "trois points {pl} de plus"}
FR = {"ecology": "écologique", "economy": "économique", "social": "social"}
FR_PLURAL = {"ecology": "écologiques", "economy": "économiques", "social": "sociaux"}
FR_LOSS = {"ecology": "écologique", "economy": "économique", "social": "sociale"}
EN_LOSS = {"ecology": "ecological", "economy": "economic", "social": "social"}
IT_MORE = {1: "un punto {s} in più", 2: "due punti {pl} in più", 3: "tre punti {pl} in più"}
IT = {"ecology": "ecologico", "economy": "economico", "social": "sociale"}
IT_PLURAL = {"ecology": "ecologici", "economy": "economici", "social": "sociali"}
IT_LOSS = {"ecology": "ecologica", "economy": "economica", "social": "sociale"}

# Per language, the words that say each power (with the tool's pillar, and the bonus, where the power has one).
SAYS = {
    "fr": {
        "reveal": lambda p, n: "vous voyez les effets de chaque réponse avant de choisir",
        "bonus": lambda p, n: "votre réponse rapporte " + FR_MORE[n].format(s=FR[p], pl=FR_PLURAL[p]),
        "soften": lambda p, n: f"la perte {FR_LOSS[p]} de votre réponse tombe à zéro",
        "unlock": lambda p, n: "Tant que vous la gardez, elle ouvre",
    },
    "en": {
        "reveal": lambda p, n: "you see the effects of every response before choosing",
        "bonus": lambda p, n: "your response earns " + EN_MORE[n].format(p=p),
        "soften": lambda p, n: f"the {EN_LOSS[p]} loss of your response falls to zero",
        "unlock": lambda p, n: "As long as you hold it, it opens",
    },
    "it": {
        "reveal": lambda p, n: "vedete gli effetti di ogni risposta prima di scegliere",
        "bonus": lambda p, n: "la vostra risposta porta " + IT_MORE[n].format(s=IT[p], pl=IT_PLURAL[p]),
        "soften": lambda p, n: f"la perdita {IT_LOSS[p]} della vostra risposta scende a zero",
        "unlock": lambda p, n: "Finché lo tenete, apre",
    },
}
# Any sign of a power, whatever its pillar: a line must not hint at a power the tool does not have.
HINTS = {
    "fr": {"reveal": "avant de choisir", "bonus": "réponse rapporte", "soften": "tombe à zéro", "unlock": "ouvre"},
    "en": {"reveal": "before choosing", "bonus": "your response earns", "soften": "falls to zero", "unlock": "opens"},
    "it": {"reveal": "prima di scegliere", "bonus": "risposta porta", "soften": "scende a zero", "unlock": "apre"},
}
PLAYED = {
    "fr": "Si vous la jouez sur un défi, ",
    "en": "If you play it on a challenge, ",
    "it": "Se lo giocate su una sfida, ",
}


@pytest.fixture(scope="module")
def deck():
    result = load_deck(paths.CORE_DECK)
    assert result.deck is not None
    return result.deck


@pytest.mark.parametrize("lang", sorted(SAYS))
def test_every_tool_line_states_its_powers_and_no_other(deck, lang):
    wrong = []
    checked = 0
    for tool in deck.of_kind("tool"):
        # A partial translation (Italian) is held to the rule for the lines it has; a missing one shows the source.
        when = deck.texts[lang]["cards"].get(tool.id, {}).get("when")
        if when is None:
            continue
        checked += 1
        for power, say in SAYS[lang].items():
            said = say(tool.pillar, deck.rules.tool_bonus)
            if power in tool.powers and said not in when:
                wrong.append(f"{tool.id}: does not say its {power} ({said!r})")
            if power not in tool.powers and HINTS[lang][power] in when:
                wrong.append(f"{tool.id}: speaks of {power}, a power it does not have")
        if any(p != "unlock" for p in tool.powers) and PLAYED[lang] not in when:
            wrong.append(f"{tool.id}: does not say what playing it does ({PLAYED[lang]!r})")
    assert checked and wrong == []


def test_the_check_catches_a_line_that_says_the_old_bonus(deck):
    """The bonus is the rules' number: a line still saying "one more point" after the rules gave two is wrong."""
    bonus_tools = [t for t in deck.of_kind("tool") if "bonus" in t.powers]
    assert bonus_tools and deck.rules.tool_bonus != 1
    tool = bonus_tools[0]
    when = deck.texts["en"]["cards"][tool.id]["when"]
    assert SAYS["en"]["bonus"](tool.pillar, 1) not in when


def test_the_french_lines_are_not_built_on_a_dangling_participle(deck):
    lines = [deck.texts["fr"]["cards"][t.id]["when"] for t in deck.of_kind("tool")]
    assert not [w for w in lines if "Jouée sur un défi" in w or "Tenue en main" in w]
