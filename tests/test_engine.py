# SPDX-License-Identifier: MIT
"""The rules engine: properties over random decks and random legal play, and the rules a player notices."""

import json
import pickle
import random
from pathlib import Path

import attrs
import pytest
from deckgen import MINI, synthetic_deck, write_deck
from hypothesis import given, settings
from hypothesis import strategies as st

from booster import paths
from booster.deck.loader import load_deck
from booster.engine import events as ev
from booster.engine.game import ADVANCE, Action, ActionKind, Game, IllegalAction, Setup
from booster.engine.match import DECISIONS, Match
from booster.engine.model import POWERS, Adjust, Card, Deck, DeckInfo, Option, Pillar, Rules, Stage
from booster.table import saves

ids = st.text("abcdefghij", min_size=1, max_size=6)
effects_of = lambda n: st.tuples(*[st.integers(-5, 5)] * n)  # noqa: E731


MARKS = ("m1", "m2", "m3")
PROJECTS = ("food", "repair")


@st.composite
def options_of(draw, n: int, experience: list[str], follow_ups: list[str], unlock_tools: list[str]):
    """2-3 responses using every mechanic; the first is always offered (no requires, excludes, unlock)."""
    marks = st.lists(st.sampled_from(MARKS), max_size=2, unique=True).map(tuple)
    out = []
    for j in range(draw(st.integers(2, 3))):
        adjust = tuple(
            Adjust(draw(st.sampled_from(MARKS)), draw(st.booleans()), draw(effects_of(n)))
            for _ in range(draw(st.integers(0, 2)))
        )
        conditional = j > 0
        out.append(
            Option(
                f"o{j}",
                draw(effects_of(n)),
                marks=draw(marks),
                clears=draw(marks),
                echoes=tuple(draw(st.lists(st.sampled_from(experience), max_size=2, unique=True)))
                if experience
                else (),
                follow_up=draw(st.none() | st.sampled_from(follow_ups)) if follow_ups else None,
                requires=draw(marks) if conditional else (),
                excludes=draw(marks) if conditional else (),
                adjust=adjust,
                unlocked_by=(
                    tuple(draw(st.lists(st.sampled_from(unlock_tools), max_size=1)))
                    if conditional and unlock_tools
                    else ()
                ),
            )
        )
    return tuple(out)


@st.composite
def decks(draw) -> Deck:
    """Random valid rules and cards: 1-6 pillars, 1-6 stages of 1-5 spaces, any mix of piles (even empty),
    with marks, follow-ups, tool powers, echoes and scenario-aware cards."""
    pillars = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    n = len(pillars)
    stage_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    stages = tuple(
        Stage(s, tuple(draw(st.lists(st.sampled_from(["challenge", "tool"]), min_size=1, max_size=5))))
        for s in stage_ids
    )
    fits = st.none() | st.lists(st.sampled_from(PROJECTS), min_size=1, max_size=2, unique=True).map(tuple)
    cards: dict[str, Card] = {}
    for i in range(draw(st.integers(0, 12))):
        cards[f"t{i}"] = Card(
            f"t{i}",
            "tool",
            stage=draw(st.sampled_from(stage_ids)),
            pillar=draw(st.sampled_from(pillars)),
            effect=draw(effects_of(n)),
            fits=draw(fits),
            powers=tuple(draw(st.lists(st.sampled_from(POWERS), min_size=1, max_size=3, unique=True))),
        )
    tool_ids = list(cards)
    unlock_tools = [t for t in tool_ids if "unlock" in cards[t].powers]
    experience = [f"e{i}" for i in range(draw(st.integers(0, 10)))]
    for e in experience:
        cards[e] = Card(e, "experience", pillar=draw(st.sampled_from(pillars)))
    follow_ups = [f"f{i}" for i in range(draw(st.integers(0, 3)))]
    answered = [(f"c{i}", "challenge") for i in range(draw(st.integers(0, 20)))]
    answered += [(f, "follow-up") for f in follow_ups]
    for cid, kind in answered:
        helpful = tuple(draw(st.lists(st.sampled_from(tool_ids), max_size=3, unique=True))) if tool_ids else ()
        stage = (
            draw(st.sampled_from(stage_ids)) if kind == "challenge" else draw(st.none() | st.sampled_from(stage_ids))
        )
        cards[cid] = Card(
            cid,
            kind,
            stage=stage,
            options=draw(options_of(n, experience, follow_ups, unlock_tools)),
            tools=helpful,
            tool_bonus=draw(st.none() | effects_of(n)),
            fits=draw(fits),
        )
    for project in PROJECTS:
        cards[f"s-{project}"] = Card(f"s-{project}", "scenario", project=project)
    cards["s-none"] = Card("s-none", "scenario")
    rules = Rules(
        pillars=tuple(Pillar(p) for p in pillars),
        stages=stages,
        movement=draw(st.sampled_from(["step", "die"])),
        play=draw(st.sampled_from(["in-turn", "all-at-once"])),
        die_faces=draw(st.integers(2, 6)),
        tools_single_use=draw(st.booleans()),
        draw_repeats=draw(st.booleans()),
        tool_bonus=draw(st.integers(0, 3)),
        exchange_rate=draw(st.integers(1, 3)),
        exchange_cap=draw(st.integers(0, 5)),
    )
    return Deck(DeckInfo("random", "1", "en", "CC-BY-SA-4.0"), rules, cards)


def random_play(game: Game, setup: Setup, rnd: random.Random, limit: int = 10_000) -> Match:
    match = Match.start(game, setup)
    while not game.is_over(match.state):
        actions = game.legal_actions(match.state)
        assert actions, "a game that is not over always has a legal action"
        match, _ = match.play(rnd.choice(actions))
        assert len(match.log) < limit, "the game did not end"
    return match


games = st.tuples(
    decks(),
    st.lists(st.sampled_from([None, "s-food", "s-repair", "s-none"]), min_size=1, max_size=8),
    st.integers(0, 2**64),
    st.integers(0, 2**32),
)


def setup_of(scenarios: list[str | None], seed: int) -> Setup:
    return Setup(tuple(f"T{i}" for i in range(len(scenarios))), seed, tuple(scenarios))


@settings(max_examples=150, deadline=None)
@given(games)
def test_random_games_end_and_scores_are_the_sum_of_events(args):
    deck, scenarios, seed, play_seed = args
    n_teams = len(scenarios)
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    spaces = sum(len(s.spaces) for s in deck.rules.stages)
    # Each space is an advance and at most a reveal and a response; then one exchange per team.
    assert len(match.log) <= n_teams * (3 * spaces + 1)
    totals = [[0] * len(game.pillars) for _ in range(n_teams)]
    experience = [[] for _ in range(n_teams)]
    for _, e in match.events():
        if isinstance(e, ev.Scored):
            totals[e.team] = [a + b for a, b in zip(totals[e.team], e.delta, strict=True)]
        if isinstance(e, ev.ExperienceDealt):
            experience[e.team].append(e.card)
    for team, total, exp in zip(match.state.teams, totals, experience, strict=True):
        assert list(team.scores) == total
        assert list(team.experience) == exp
        rules = deck.rules
        piles = {
            p.id: sum(1 for c in deck.cards.values() if c.kind == "experience" and c.pillar == p.id)
            for p in rules.pillars
        }
        # As many cards as points allow, but never the same card twice: no more than the pillar has.
        expected = sum(
            min(rules.exchange_cap, max(0, s) // rules.exchange_rate, piles[p])
            for p, s in zip(piles, team.scores, strict=True)
        )
        assert len(exp) == expected
        assert game.book.cards_earned(team.scores) == expected  # what the exchange screen announces
        assert len(set(exp)) == len(exp)


def through_a_save(match: Match) -> Match:
    """The match its save replays, once the save is written as JSON and read back (the one save reader)."""
    data = json.loads(json.dumps(saves.new_save(match, "", "en").to_json()))
    return saves.Saved.from_json(data).replay(match.game)


@settings(max_examples=100, deadline=None)
@given(games)
def test_replay_json_and_undo_are_exact(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    setup = setup_of(scenarios, seed)
    match = random_play(game, setup, random.Random(play_seed))
    # Replaying the log reproduces every state.
    assert Match.replay(game, setup, match.log).states == match.states
    # Its save, written as JSON and read back, replays to every state.
    assert through_a_save(match).states == match.states
    # Undo restores the previous state exactly, all the way back: the state a replay of the shorter log gives.
    replayed = Match.replay(game, setup, match.log).states
    back = match
    for i in range(len(match.log), 0, -1):
        back = back.undo()
        assert back.log == match.log[: i - 1]
        assert back.state == replayed[i - 1]
    assert back.undo() == back


@settings(max_examples=100, deadline=None)
@given(games, st.data())
def test_illegal_actions_raise_and_change_nothing(args, data):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    state = match.states[data.draw(st.integers(0, len(match.states) - 1))]
    legal = game.legal_actions(state)
    candidates = [
        ADVANCE,
        Action(ActionKind.EXCHANGE),
        Action(ActionKind.CHOOSE, "nope"),
        Action(ActionKind.CHOOSE, "o0", "t0"),
        Action(ActionKind.CLOSE),  # a round's action, no move in turn: as a kind the rules do not know
    ]
    for action in candidates:
        if action in legal:
            continue
        with pytest.raises(IllegalAction):
            game.apply(state, action)


@settings(max_examples=100, deadline=None)
@given(games)
def test_undo_of_a_decision_faces_the_team_with_the_same_card_again(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    decisions = [i for i, a in enumerate(match.log) if a.kind in DECISIONS]
    replayed = Match.replay(game, match.setup, match.log).states
    back = match
    for i in reversed(decisions):
        back = back.undo_decision()
        assert back.log == match.log[:i]
        assert back.state == replayed[i]
        assert match.log[i] in game.legal_actions(back.state)
    assert not back.can_undo_decision()
    assert back.undo_decision() == back


@settings(max_examples=100, deadline=None)
@given(games)
def test_a_withheld_response_is_never_legal(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    for state in match.states:
        if state.pending is None:
            continue
        team = state.teams[state.turn]
        card = deck.cards[state.pending]
        offered = {o.id for o in card.options if o.offered_to(team.marks, team.tools)}
        assert offered, "a card always offers a response"
        assert {o.id for o in game.offered_options(state)} == offered
        legal = game.legal_actions(state)
        assert {a.option for a in legal if a.kind == "choose"} == offered
        for o in card.options:
            if o.id not in offered:
                with pytest.raises(IllegalAction, match="not offered"):
                    game.apply(state, Action(ActionKind.CHOOSE, o.id))
        for action in legal:
            game.apply(state, action)  # every legal action applies


@settings(max_examples=100, deadline=None)
@given(games)
def test_a_reveal_never_changes_an_outcome(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    seen = 0
    for state in match.states:
        for reveal in [a for a in game.legal_actions(state) if a.kind == "reveal"]:
            seen += 1
            revealed, events = game.apply(state, reveal)
            assert list(map(type, events)) == [ev.ToolPlayed, ev.Revealed]
            assert revealed.teams[state.turn].scores == state.teams[state.turn].scores
            tool = deck.cards[reveal.tool]
            also = reveal.tool if {"bonus", "soften"} & set(tool.powers) else None
            for choice in [a for a in game.legal_actions(revealed) if a.kind == "choose" and a.tool is None]:
                after, _ = game.apply(revealed, choice)
                without, _ = game.apply(state, choice._replace(tool=also))
                # The same response has the same outcome with or without the reveal (a reveal tool that
                # also has a bonus or soften gives it, as when played with the response).
                assert after.teams[state.turn]._replace(spent=()) == without.teams[state.turn]._replace(spent=())
                assert game.preview(revealed, choice.option) == game.preview(state, choice.option, also)


@settings(max_examples=100, deadline=None)
@given(games)
def test_teams_draw_what_fits_their_project_and_the_follow_ups_they_scheduled(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    scheduled: dict[int, list[str]] = {}
    for _, e in match.events():
        if isinstance(e, ev.Queued):
            assert e.card not in scheduled.setdefault(e.team, []), "a follow-up is queued once"
            scheduled[e.team].append(e.card)
        if isinstance(e, ev.Drew):
            card = deck.cards[e.card]
            project = game.deck.project_of(match.state.teams[e.team].scenario)
            assert card.fits_project(project)
            if card.kind == "follow-up":
                assert e.card in scheduled.get(e.team, [])


@settings(max_examples=150, deadline=None)
@given(games)
def test_without_repeats_a_team_meets_a_card_again_only_once_it_has_met_its_whole_pile(args):
    """With `draw: {repeat: false}`, a team never meets a challenge (or tool) twice while its pile holds one that
    the teams meeting it have not met: the pile it is drawn from is read from the deck, not the engine."""
    deck, scenarios, seed, play_seed = args
    deck = attrs.evolve(deck, rules=attrs.evolve(deck.rules, draw_repeats=False))
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    projects = [game.deck.project_of(t.scenario) for t in match.state.teams]
    all_at_once = match.state.mode == "all-at-once"
    met: list[set[str]] = [set() for _ in scenarios]
    drawn: dict[int, dict[str, list[int]]] = {}  # per action, each board card drawn and the teams that met it
    for i, e in match.events():
        if isinstance(e, ev.Drew) and deck.cards[e.card].kind != "follow-up":
            drawn.setdefault(i, {}).setdefault(e.card, []).append(e.team)
    for cards in drawn.values():
        for card_id, seats in cards.items():
            card = deck.cards[card_id]
            if any(card_id in met[s] for s in seats):
                # The cards of its pile that fit every project that can share it: each met already.
                fit = projects if all_at_once else [projects[seats[0]]]
                pile = [c.id for c in deck.of_kind(card.kind, card.stage) if all(c.fits_project(p) for p in fit)]
                assert all(any(c in met[s] for s in seats) for c in pile), f"{card_id} met again, {pile} left"
            for s in seats:
                met[s].add(card_id)
    assert [set(t.met) for t in match.state.teams] == met


@settings(max_examples=100, deadline=None)
@given(games)
def test_experience_cards_answer_the_teams_own_decisions_first(args):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    match = random_play(game, setup_of(scenarios, seed), random.Random(play_seed))
    rules = deck.rules
    for team in match.state.teams:
        assert len(set(team.experience)) == len(team.experience), "never the same card twice to a team"
        for p, score in zip(game.pillars, team.scores, strict=True):
            count = min(rules.exchange_cap, max(0, score) // rules.exchange_rate)
            echoed = [e.experience for e in team.echoes if deck.cards[e.experience].pillar == p]
            received = [c for c in team.experience if deck.cards[c].pillar == p]
            first = min(count, len(echoed))
            assert received[:first] == echoed[:first]


# -- rules a player notices, on the mini deck ---------------------------------------------------------


@pytest.fixture(scope="module")
def mini() -> Game:
    deck = load_deck(MINI).deck
    assert deck is not None
    return Game(deck)


def play_until_challenge(game: Game, match: Match, card: str) -> Match:
    while match.state.pending != card:
        match, _ = match.play(game.legal_actions(match.state)[0])
    return match


def test_the_same_seed_and_log_give_the_same_game(mini):
    a = random_play(mini, Setup(("A", "B", "C"), 42), random.Random(1))
    b = random_play(mini, Setup(("A", "B", "C"), 42), random.Random(1))
    c = random_play(mini, Setup(("A", "B", "C"), 43), random.Random(1))
    assert a.states == b.states
    assert a.states != c.states


def test_a_held_tool_improves_an_option_once(mini):
    # Teams play in turn; with one team it draws the garden challenge, the map tool, then launch day.
    match = Match.start(mini, Setup(("Solo",), 3))
    match = play_until_challenge(mini, match, "launch-day")
    assert mini.helpful_tools(match.state) == ("map",)
    choices = mini.legal_actions(match.state)
    assert Action(ActionKind.CHOOSE, "party", "map") in choices
    before = match.state.teams[0].scores
    match, events = match.play(Action(ActionKind.CHOOSE, "party", "map"))
    # party is social +2, economy -1; the map (a social tool) adds the rules' bonus of 1 to social.
    assert [a - b for a, b in zip(match.state.teams[0].scores, before, strict=True)] == [0, -1, 3]
    assert ev.ToolPlayed(0, "map") in events
    assert match.state.teams[0].spent == ("map",)


def test_scores_may_go_negative_and_give_no_experience(mini):
    match = Match.start(mini, Setup(("Solo",), 3))
    for _ in range(20):
        if mini.is_over(match.state):
            break
        actions = mini.legal_actions(match.state)
        worst = min(
            actions,
            key=lambda a: (
                sum(mini.book.option_effect(match.state.pending, a.option, a.tool)) if a.kind == "choose" else 0
            ),
        )
        match, _ = match.play(worst)
    team = match.state.teams[0]
    negative = [p for p, s in zip(mini.pillars, team.scores, strict=True) if s < 0]
    assert negative, "the worst responses leave a pillar below zero"
    # A pillar below zero gives no card; the others one per point, at most the cap.
    assert not [c for c in team.experience if mini.cards[c].pillar in negative]
    assert len(team.experience) == mini.book.cards_earned(team.scores) > 0


def test_a_mark_left_twice_is_held_once_and_one_clear_removes_it(mini):
    stage = mini.rules.stages[0].id
    cards = {cid: c for cid, c in mini.cards.items() if c.kind != "challenge"}
    marks = {"m": Option("mark", (1, 0, 0), marks=("m",)), "clear": Option("clear", (0, 0, 0), clears=("m",))}
    for cid in ("first", "second", "third"):
        cards[cid] = Card(cid, "challenge", stage=stage, options=tuple(marks.values()))
    rules = attrs.evolve(mini.rules, stages=(Stage(stage, ("challenge",) * 3),))
    game = Game(attrs.evolve(mini.deck, cards=cards, rules=rules))
    match = Match.start(game, Setup(("Solo",), 1))
    kinds = []
    for option in ("mark", "mark", "clear"):
        match, _ = match.play(ADVANCE)
        match, events = match.play(Action(ActionKind.CHOOSE, option))
        kinds.append([type(e) for e in events if isinstance(e, ev.Marked | ev.Cleared)])
        if option == "mark":
            assert match.state.teams[0].marks == ("m",)
    # The second response leaves no second mark and says nothing; one clear removes the mark.
    assert kinds == [[ev.Marked], [], [ev.Cleared]]
    assert match.state.teams[0].marks == ()


def test_a_deck_without_exchange_or_teams_rules_gets_the_loaders_default_caps(tmp_path):
    files = synthetic_deck(60)
    del files["rules.yaml"]["exchange"]
    deck = load_deck(write_deck(tmp_path / "defaults", files)).deck
    assert deck is not None
    game = Game(deck)
    with pytest.raises(IllegalAction, match="1 to 8 teams"):
        game.new_game(Setup(tuple("ABCDEFGHI"), 1))
    # One point a card (rate 1), at most 4 cards a pillar (cap 4): a team with 5 points or more in a pillar
    # receives 4 cards of it, where the pillar has more.
    match = Match.start(game, Setup(tuple("ABCDEFGH"), 1))
    best = lambda a: max(game.preview(match.state, a.option, a.tool)) if a.kind == "choose" else -99  # noqa: E731
    while not game.is_over(match.state):
        match, _ = match.play(max(game.legal_actions(match.state), key=best))
    rich = [(t, p) for t in match.state.teams for p, s in zip(game.pillars, t.scores, strict=True) if s >= 5]
    assert rich, "playing the best response gives some team 5 points in a pillar"
    for team, pillar in rich:
        assert sum(1 for c in team.experience if game.cards[c].pillar == pillar) == 4


def test_team_count_and_names_are_checked(mini):
    with pytest.raises(IllegalAction, match="1 to 8 teams"):
        mini.new_game(Setup(tuple("ABCDEFGHI"), 1))
    with pytest.raises(IllegalAction, match="needs a name"):
        mini.new_game(Setup(("A", " "), 1))
    with pytest.raises(IllegalAction, match="not a scenario"):
        mini.new_game(Setup(("A",), 1, ("garden",)))
    assert mini.new_game(Setup(("A",), 1, ("town-garden",))).teams[0].scenario == "town-garden"


# What the engine may import: pure parts of the standard library, attrs, and itself. Anything else (pygame,
# files, the clock, the shell's modules) is refused, including modules nobody has thought of yet.
_ENGINE_MAY_IMPORT = {"__future__", "attrs", "collections", "enum", "operator", "types", "typing"}


def test_engine_modules_import_only_pure_modules():
    import ast
    from pathlib import Path

    import booster.engine

    for path in Path(booster.engine.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else ["booster.engine"]
            else:
                continue
            for name in names:
                pure = name.split(".")[0] in _ENGINE_MAY_IMPORT or name.startswith("booster.engine")
                assert pure, f"{path.name} imports {name}: the engine must stay pure"


@settings(max_examples=100, deadline=None)
@given(games, st.sampled_from(["in-turn", "all-at-once"]), st.data())
def test_push_and_pop_walk_a_game_forth_and_back_exactly_in_place(args, mode, data):
    deck, scenarios, seed, play_seed = args
    game = Game(deck)
    setup = Setup(tuple(f"T{i}" for i in range(len(scenarios))), seed, tuple(scenarios), mode)
    rnd = random.Random(play_seed)
    state = game.new_game(setup)
    snapshots = [state.clone()]
    wrong = [
        ADVANCE,
        Action(ActionKind.EXCHANGE),
        Action(ActionKind.CLOSE),
        Action(ActionKind.CHOOSE, "nope"),
        Action(ActionKind.REVEAL, tool="t0"),
    ]
    while not game.is_over(state):
        actions = list(game.legal_actions(state))
        if state.round is not None:
            actions += [a for seat in range(len(state.teams)) for a in game.team_actions(state, seat)]
        for action in wrong:  # an illegal push changes nothing, and what was pushed before still pops
            if action not in actions:
                with pytest.raises(IllegalAction):
                    state.push(action)
                assert state == snapshots[-1]
        action = rnd.choice(actions)
        events = state.push(action)
        assert (state.clone(), events) == game.apply(snapshots[-1], action)
        snapshots.append(state.clone())
        assert len(snapshots) < 5000
    # A clone shares nothing: playing it to the end leaves the state it was cloned from alone.
    back = data.draw(st.integers(0, len(snapshots) - 1))
    twin = snapshots[back].clone()
    while not game.is_over(twin):
        twin.push(game.legal_actions(twin)[0])
    assert snapshots[back] == Match.replay(game, setup, state.log[:back]).state
    for i in range(len(snapshots) - 1, back, -1):
        state.pop()
        assert state == snapshots[i - 1]
    assert len(state.log) == back
    # A state read back (no rules) and its teams pickle, its undo stack with it, compiled by mypyc or not.
    twin.game = None
    assert pickle.loads(pickle.dumps(twin)) == twin and pickle.loads(pickle.dumps(twin)).log == twin.log
    assert [pickle.loads(pickle.dumps(t)) for t in twin.teams] == twin.teams


def test_the_engines_examples_run():
    import ast
    import doctest

    import booster.engine.book
    import booster.engine.events
    import booster.engine.game
    import booster.engine.outcome

    game = Game(load_deck(paths.CORE_DECK).deck)
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner()
    for module in (booster.engine.book, booster.engine.events, booster.engine.game, booster.engine.outcome):
        # The docstrings are read from the source file, not from the module as doctest.testmod does: in a
        # module compiled by mypyc (a wheel's engine) doctest finds none, and the examples must pass there too.
        # Game's methods' examples play the core deck's game, as the module's own example makes it.
        source = Path(module.__file__).with_name(module.__name__.rpartition(".")[2] + ".py")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        attempted = 0
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and ast.get_docstring(node):
                line = node.body[0].lineno - 1 if node.body else 0
                examples = {**vars(module), "game": game}
                test = parser.get_doctest(
                    ast.get_docstring(node, clean=False) or "", examples, module.__name__, str(source), line
                )
                failed, tried = runner.run(test)
                assert failed == 0, f"{source}:{line}"
                attempted += tried
        assert attempted > 0, module.__name__
