# SPDX-License-Identifier: MIT
"""The printed deck's own words (headings of the rules sheet, board and credits; card captions).

Card texts come from the deck. For a language not listed here, card captions come from the UI's strings
(`ui.<lang>.yaml`, `ui.card.*`) when a translator made them, and everything else falls back to English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "challenge": "Challenge",
        "tool": "Tool",
        "experience": "Experience",
        "scenario": "Scenario",
        "credits": "Credits",
        "steps": "How to run it",
        "when_line": "When to use it: {text}",
        "origin_line": "Where it comes from: {text}",
        "advice": "Advice",
        "helpful": "Helpful tools (+{bonus}): {tools}",
        "gain": "When drawn:",
        "no_effect": "no change",
        "rules": "Rules",
        "the_game": "The game",
        "pillars": "The three pillars",
        "pillars_n": "The pillars",
        "pillars_text": (
            "Each team scores on every pillar, starting at 0; scores may go negative. There is no single "
            "winner: the debrief compares the pillars side by side, and balance between them is what counts."
        ),
        "path": "The path",
        "path_text": "The game is played stage by stage, in this order. Each stage has these board spaces:",
        "spaces": "Spaces: {spaces}",
        "questions": "Key questions",
        "turn": "A turn",
        "turn_step": "On its turn, a team advances one space and resolves the card drawn from the current "
        "stage’s pile of that kind.",
        "turn_die": "On its turn, a team rolls a die (1 to {faces}), advances, stopping at the stage’s last "
        "space, and resolves the card drawn from the current stage’s pile of that kind.",
        "challenge_text": "Challenge card: the team debates the responses (timer: {time}), then chooses one; "
        "its effect is added to the team’s pillars.",
        "tool_text": "Tool card: the team adds the tool to its toolbox and gains its effect.",
        "tools_rule_single": "A tool named as helpful on a challenge may be played for +{bonus} on the tool’s "
        "pillar; it is then spent.",
        "tools_rule_multi": "A tool named as helpful on a challenge may be played for +{bonus} on the tool’s "
        "pillar, on every challenge it helps with.",
        "exchange": "Exchange",
        "exchange_text": "After the last stage, each team exchanges its points for experience cards: one card "
        "per {rate} positive point(s) on a pillar, from that pillar’s pile, at most {cap} per pillar.",
        "exchange_text_1": "After the last stage, each team exchanges its points for experience cards: one card "
        "per positive point on a pillar, from that pillar’s pile, at most {cap} per pillar.",
        "teams": "Teams: {min} to {max}, each named by the facilitator.",
        "timer": "Discussion timer",
        "board": "Board",
        "score_tracks": "Score tracks: one token per team on each pillar",
        "stage_n": "Stage {n}",
        "start": "Start",
        "credits_title": "Credits and licence",
        "this_deck": "This deck",
        "deck_title": "Title: {title}",
        "version": "Version: {version}",
        "authors": "Authors: {authors}",
        "source": "Source: {source}",
        "licence": "Licence: {licence}",
        "based_on": "Based on",
        "based_on_text": "{title}, by {authors} ({year}), licence {licence}.",
        "changes": "Changes",
        "translators": "Translation",
        "translators_none": "No translator listed in deck.yaml (translators:).",
        "licence_text": (
            "This deck is an adaptation shared under the Creative Commons Attribution-ShareAlike 4.0 licence "
            "(CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/). You may copy, print, adapt and "
            "translate it, also commercially, if you credit the authors, say what you changed, and share "
            "your version under the same licence."
        ),
        "fonts": "Typeface: Noto Sans, SIL Open Font License 1.1.",
        "printed": "Printed with Social Impact Booster on {date}, language: {lang}.",
        "back": "Social Impact Booster",
    },
    "fr": {
        "challenge": "Défi",
        "tool": "Outil",
        "experience": "Expérience",
        "scenario": "Scénario",
        "credits": "Crédits",
        "steps": "Mode d’emploi",
        "when_line": "Quand l’utiliser : {text}",
        "origin_line": "D’où il vient : {text}",
        "advice": "Conseil",
        "helpful": "Outils utiles (+{bonus}) : {tools}",
        "gain": "En le piochant :",
        "no_effect": "sans effet",
        "rules": "Règles",
        "the_game": "Le jeu",
        "pillars": "Les trois piliers",
        "pillars_n": "Les piliers",
        "pillars_text": (
            "Chaque équipe marque des points sur chaque pilier, à partir de 0 ; un score peut devenir "
            "négatif. Il n’y a pas de gagnant unique : le débriefing compare les piliers côte à côte, et "
            "c’est l’équilibre entre eux qui compte."
        ),
        "path": "Le parcours",
        "path_text": "On joue étape par étape, dans cet ordre. Chaque étape a ces cases :",
        "spaces": "Cases : {spaces}",
        "questions": "Questions clés",
        "turn": "Un tour",
        "turn_step": "À son tour, une équipe avance d’une case et résout la carte tirée dans la pioche de "
        "l’étape en cours correspondant à la case.",
        "turn_die": "À son tour, une équipe lance un dé (1 à {faces}), avance sans dépasser la dernière case "
        "de l’étape, et résout la carte tirée dans la pioche correspondante.",
        "challenge_text": "Carte défi : l’équipe débat des réponses (minuteur : {time}), puis en choisit une ; "
        "son effet s’ajoute aux piliers de l’équipe.",
        "tool_text": "Carte outil : l’équipe ajoute l’outil à sa boîte à outils et gagne son effet.",
        "tools_rule_single": "Un outil cité comme utile sur un défi peut être joué pour +{bonus} sur le pilier "
        "de l’outil ; il est alors utilisé.",
        "tools_rule_multi": "Un outil cité comme utile sur un défi peut être joué pour +{bonus} sur le pilier "
        "de l’outil, sur chaque défi qu’il aide à relever.",
        "exchange": "L’échange",
        "exchange_text": "Après la dernière étape, chaque équipe échange ses points contre des cartes "
        "expérience : une carte par tranche de {rate} point(s) positif(s) sur un pilier, tirée dans la pioche "
        "de ce pilier, au plus {cap} par pilier.",
        "exchange_text_1": "Après la dernière étape, chaque équipe échange ses points contre des cartes "
        "expérience : une carte par point positif sur un pilier, tirée dans la pioche de ce pilier, au plus "
        "{cap} par pilier.",
        "teams": "Équipes : de {min} à {max}, nommées par l’animateur ou l’animatrice.",
        "timer": "Minuteur de discussion",
        "board": "Plateau",
        "score_tracks": "Pistes de score : un pion par équipe sur chaque pilier",
        "stage_n": "Étape {n}",
        "start": "Départ",
        "credits_title": "Crédits et licence",
        "this_deck": "Ce jeu de cartes",
        "deck_title": "Titre : {title}",
        "version": "Version : {version}",
        "authors": "Auteurs et autrices : {authors}",
        "source": "Source : {source}",
        "licence": "Licence : {licence}",
        "based_on": "D’après",
        "based_on_text": "{title}, par {authors} ({year}), licence {licence}.",
        "changes": "Modifications",
        "translators": "Traduction",
        "translators_none": "Aucun traducteur indiqué dans deck.yaml (translators:).",
        "licence_text": (
            "Ce jeu est une adaptation partagée sous licence Creative Commons Attribution - Partage dans les "
            "mêmes conditions 4.0 (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/deed.fr). "
            "Vous pouvez le copier, l’imprimer, l’adapter et le traduire, y compris commercialement, en "
            "citant les auteurs, en indiquant vos modifications et en partageant votre version sous la même "
            "licence."
        ),
        "fonts": "Police : Noto Sans, SIL Open Font License 1.1.",
        "printed": "Imprimé avec Social Impact Booster le {date}, langue : {lang}.",
        "back": "Social Impact Booster",
    },
    "it": {
        "challenge": "Sfida",
        "tool": "Strumento",
        "experience": "Esperienza",
        "scenario": "Scenario",
        "credits": "Crediti",
        "steps": "Come si usa",
        "when_line": "Quando usarlo: {text}",
        "origin_line": "Da dove viene: {text}",
        "advice": "Consiglio",
        "helpful": "Strumenti utili (+{bonus}): {tools}",
        "gain": "Quando si pesca:",
        "no_effect": "nessun effetto",
        "rules": "Regole",
        "the_game": "Il gioco",
        "pillars": "I tre pilastri",
        "pillars_n": "I pilastri",
        "pillars_text": (
            "Ogni squadra ha un punteggio su ciascun pilastro, che parte da 0 e può diventare negativo. Non c’è "
            "un unico vincitore: il debriefing confronta i pilastri fianco a fianco, e conta l’equilibrio."
        ),
        "path": "Il percorso",
        "path_text": "Si gioca una tappa dopo l’altra, in quest’ordine. Ogni tappa ha queste caselle:",
        "spaces": "Caselle: {spaces}",
        "questions": "Domande chiave",
        "turn": "Un turno",
        "turn_step": "Al suo turno, una squadra avanza di una casella e risolve la carta pescata dal mazzo "
        "della tappa corrispondente alla casella.",
        "turn_die": "Al suo turno, una squadra tira un dado (da 1 a {faces}), avanza senza superare l’ultima "
        "casella della tappa e risolve la carta pescata dal mazzo corrispondente.",
        "challenge_text": "Carta sfida: la squadra discute le risposte (timer: {time}), poi ne sceglie una; il "
        "suo effetto si somma ai pilastri della squadra.",
        "tool_text": "Carta strumento: la squadra aggiunge lo strumento alla sua cassetta e ne ottiene l’effetto.",
        "tools_rule_single": "Uno strumento indicato come utile su una sfida si può giocare per +{bonus} sul "
        "pilastro dello strumento; poi è consumato.",
        "tools_rule_multi": "Uno strumento indicato come utile su una sfida si può giocare per +{bonus} sul "
        "pilastro dello strumento, su ogni sfida a cui è utile.",
        "exchange": "Lo scambio",
        "exchange_text": "Dopo l’ultima tappa, ogni squadra scambia i suoi punti con carte esperienza: una "
        "carta ogni {rate} punto/i positivo/i su un pilastro, dal mazzo di quel pilastro, al massimo {cap} "
        "per pilastro.",
        "exchange_text_1": "Dopo l’ultima tappa, ogni squadra scambia i suoi punti con carte esperienza: una "
        "carta per ogni punto positivo su un pilastro, dal mazzo di quel pilastro, al massimo {cap} per pilastro.",
        "teams": "Squadre: da {min} a {max}, con un nome scelto dal facilitatore.",
        "timer": "Timer di discussione",
        "board": "Tabellone",
        "score_tracks": "Segnapunti: una pedina per squadra su ogni pilastro",
        "stage_n": "Tappa {n}",
        "start": "Partenza",
        "credits_title": "Crediti e licenza",
        "this_deck": "Questo mazzo",
        "deck_title": "Titolo: {title}",
        "version": "Versione: {version}",
        "authors": "Autori: {authors}",
        "source": "Fonte: {source}",
        "licence": "Licenza: {licence}",
        "based_on": "Tratto da",
        "based_on_text": "{title}, di {authors} ({year}), licenza {licence}.",
        "changes": "Modifiche",
        "translators": "Traduzione",
        "translators_none": "Nessun traduttore indicato in deck.yaml (translators:).",
        "licence_text": (
            "Questo mazzo è un adattamento condiviso con licenza Creative Commons Attribuzione - Condividi allo "
            "stesso modo 4.0 (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/deed.it). Puoi "
            "copiarlo, stamparlo, adattarlo e tradurlo, anche a fini commerciali, citando gli autori, indicando "
            "le modifiche e condividendo la tua versione con la stessa licenza."
        ),
        "fonts": "Carattere: Noto Sans, SIL Open Font License 1.1.",
        "printed": "Stampato con Social Impact Booster il {date}, lingua: {lang}.",
        "back": "Social Impact Booster",
    },
}

# Card captions the UI translates too (`ui.card.<key>` in ui.<lang>.yaml).
_FROM_UI = ("challenge", "tool", "experience", "scenario", "credits", "steps", "when_line", "origin_line", "advice")


@cache
def _ui_card_strings(lang: str) -> Mapping[str, Any]:
    from booster.deck.yaml_safe import read_file
    from booster.translation.core import ui_folder

    path = ui_folder() / f"ui.{lang}.yaml"
    if not path.is_file():
        return {}
    doc, _ = read_file(path)
    card = (doc.value or {}).get("ui", {}).get("card") if isinstance(doc.value, dict) else None
    return card if isinstance(card, dict) else {}


def labels(lang: str) -> Callable[..., str]:
    """`t(key, **values)`: the label in `lang`, else the UI's card caption, else English."""
    own = LABELS.get(lang) or LABELS.get(lang.split("-")[0], {})

    def t(key: str, **values: Any) -> str:
        text = own.get(key)
        if text is None and key in _FROM_UI:
            ui = _ui_card_strings(lang).get(key)
            text = ui if isinstance(ui, str) else None
        if text is None:
            text = LABELS["en"][key]
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):  # a translator's broken placeholder: show it as typed
            return text

    return t
