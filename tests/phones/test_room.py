# SPDX-License-Identifier: MIT
"""`TurnRoom` and the bridge, without a network: the game records exactly the legal answers of the team
in turn, and nothing else changes it."""

from __future__ import annotations

import threading

from headless import Headless
from hypothesis import given, settings
from hypothesis import strategies as st

from booster.engine.game import ADVANCE, Action, ActionKind, Setup
from booster.phones.bridge import Bridge
from booster.phones.room import Answer, Refusal, RoundRoom, TeamPhase, TurnRoom, room_for

TEAMS = ("Blue", "Green", "Orange")


def _to_challenge(table: Headless) -> None:
    while table.match.state.phase == "play" and table.match.state.pending is None:
        table.decide(ADVANCE)


def test_the_team_in_turn_sees_its_card_and_the_others_wait(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 5))
    _to_challenge(table)
    room = TurnRoom(table)
    turn = table.match.state.turn
    mine = room.snapshot(turn, "fr")
    other = room.snapshot((turn + 1) % 3, "fr")
    assert mine.phase is TeamPhase.OPEN and other.phase is TeamPhase.WAITING and other.turn == turn
    assert mine.card == other.card and mine.card is not None
    assert mine.card.title == core_deck.text("fr", "cards", mine.card.id, "title")
    assert {a.option for a in mine.answers} == {o.id for o in core_deck.cards[mine.card.id].options}
    assert other.answers == ()
    assert room.is_open(turn) and not room.is_open((turn + 1) % 3)


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    attempts=st.lists(
        st.tuples(
            st.integers(0, 2),
            st.sampled_from(["pending", "other"]),
            st.integers(0, 4),
            st.sampled_from([None, "personas", "canvas", "nonsense"]),
        ),
        max_size=25,
    ),
)
def test_only_legal_answers_of_the_team_in_turn_reach_the_log(core_deck, seed, attempts):
    table = Headless(core_deck, Setup(TEAMS, seed))
    room = TurnRoom(table)
    for team, which, index, tool in attempts:
        _to_challenge(table)
        state = table.match.state
        if state.phase != "play":
            break
        card_id = state.pending if which == "pending" else "food-desert"
        options = [o.id for o in core_deck.cards[card_id].options] + ["not-an-option"]
        answer = Answer(card_id, options[index % len(options)], tool)
        before = table.match
        legal = Action("choose", answer.option, answer.tool) in before.game.legal_actions(state)
        refusal = room.submit(team, answer)
        if card_id == state.pending and team == state.turn and legal:
            assert refusal is None
            assert table.match.log == (*before.log, Action("choose", answer.option, answer.tool))
        else:
            assert refusal is not None
            assert table.match is before  # a refused answer changes nothing
            if card_id != state.pending:
                assert refusal is Refusal.CLOSED


def test_the_last_answer_is_in_words(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 2))
    _to_challenge(table)
    room = TurnRoom(table)
    turn, card = table.match.state.turn, table.match.state.pending
    option = core_deck.cards[card].options[0].id
    assert room.submit(turn, Answer(card, option)) is None
    recorded = room.snapshot(turn, "en").recorded
    assert recorded is not None and recorded.answer == Answer(card, option)
    assert recorded.option_text == core_deck.text("en", "cards", card, "options", option)
    assert room.snapshot((turn + 1) % 3, "en").recorded is None


def test_answers_cross_threads_only_through_the_queue(core_deck):
    """The server's thread queues; the game's thread drains, records, publishes; the verdict comes back."""
    table = Headless(core_deck, Setup(TEAMS, 4))
    _to_challenge(table)
    room = TurnRoom(table)
    woken = threading.Event()
    bridge = Bridge(wake=woken.set)
    bridge.publish(room)
    first = bridge.current()
    assert first.open == {table.match.state.turn}
    assert not bridge.publish(room)  # nothing changed: nothing published
    turn, card = table.match.state.turn, table.match.state.pending
    option = core_deck.cards[card].options[0].id
    verdicts = []
    sender = threading.Thread(target=lambda: verdicts.append(bridge.send(turn, Answer(card, option))))
    sender.start()
    sender.join()
    assert woken.is_set() and table.match.log[-1].kind == "advance"  # nothing played before the drain
    assert bridge.drain(room) == 1
    assert verdicts[0].result(timeout=1) is None
    assert table.match.log[-1] == Action("choose", option)
    assert bridge.current().version == first.version + 1
    again = bridge.send(turn, Answer(card, option))
    bridge.drain(room)
    assert again.result(timeout=1) is Refusal.CLOSED


def test_every_language_of_the_deck_is_published(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 4))
    bridge = Bridge()
    bridge.publish(TurnRoom(table))
    published = bridge.current()
    assert published.languages == core_deck.languages
    assert set(published.views) == {(t, lang) for t in range(3) for lang in core_deck.languages}


# -- all at once -----------------------------------------------------------------------------------------------


def _to_round(table: Headless) -> None:
    while table.match.state.phase == "play" and table.match.state.round is None:
        table.decide(ADVANCE)


def test_all_at_once_every_team_answers_the_same_round_and_may_change_until_it_closes(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 5, mode="all-at-once"))
    _to_round(table)
    room = room_for(table)
    assert isinstance(room, RoundRoom)
    card = table.match.state.round.cards[0]
    views = [room.snapshot(i, "en") for i in range(3)]
    assert all(v.phase is TeamPhase.OPEN and v.card is not None and v.card.id == card and v.turn is None for v in views)
    assert all(room.is_open(i) for i in range(3)) and room.answered() == frozenset()
    first, second = (o.id for o in core_deck.cards[card].options[:2])
    assert room.submit(2, Answer(card, first)) is None
    assert room.submit(0, Answer(card, second)) is None
    assert room.answered() == {0, 2}
    mine = room.snapshot(2, "en")
    assert mine.phase is TeamPhase.ANSWERED and mine.recorded is not None and mine.recorded.answer.option == first
    assert mine.answers  # still open: the team may change its answer
    assert room.submit(2, Answer(card, second)) is None  # changed, not added
    assert room.snapshot(2, "en").recorded.answer.option == second
    assert room.submit(1, Answer(card, "nonsense")) is Refusal.NOT_LEGAL
    assert room.submit(1, Answer("another-card", first)) is Refusal.CLOSED
    assert room.submit(1, Answer(card, first, "nonsense")) is Refusal.NOT_LEGAL
    assert room.submit(1, Answer(card, first)) is None
    log = table.match.log
    assert [(a.kind, a.team, a.option) for a in log if a.kind == "choose"] == [
        ("choose", 2, first),
        ("choose", 0, second),
        ("choose", 2, second),
        ("choose", 1, first),
    ]
    assert table.decide(Action("close"))
    assert room.submit(0, Answer(card, first)) is Refusal.CLOSED  # after the reveal, nothing is recorded
    assert table.match.log[-1].kind == "close"
    after = room.snapshot(0, "en")
    assert after.phase is TeamPhase.WAITING and after.recorded is not None
    assert after.recorded.answer == Answer(card, second)


def test_all_at_once_recorded_is_the_current_cards_current_answer_and_says_who_entered_it(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 5, mode="all-at-once"))
    _to_round(table)
    room, bridge = room_for(table), Bridge()
    card = table.match.state.round.cards[0]
    first, second = (o.id for o in core_deck.cards[card].options[:2])

    def recorded(team: int) -> dict | None:
        bridge.publish(room)
        return bridge.current().views[(team, "en")]["recorded"]

    bridge.send(0, Answer(card, first))
    bridge.drain(room)
    assert recorded(0)["option"] == first and recorded(0)["laptop"] is False  # the phone sent it
    assert table.decide(Action(ActionKind.CHOOSE, second, None, 0))  # the facilitator replaces it
    assert recorded(0)["option"] == second and recorded(0)["laptop"] is True
    assert table.decide(Action(ActionKind.WITHDRAW, team=0))  # and withdraws it
    assert recorded(0) is None and room.snapshot(0, "en").phase is TeamPhase.OPEN
    assert table.decide(Action(ActionKind.CHOOSE, first, None, 0))
    for team in (1, 2):
        assert table.decide(Action(ActionKind.CHOOSE, second, None, team))
    assert table.decide(Action("close"))
    assert recorded(0)["option"] == first  # between rounds: what the reveal showed
    _to_round(table)
    assert table.match.state.round is not None
    assert recorded(0) is None  # a new card: nothing is recorded for it yet, whatever came before


def test_in_turn_a_teams_new_card_shows_no_answer_until_it_gives_one(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 2))
    room = TurnRoom(table)
    seen = 0
    while seen < 4 and table.match.state.phase == "play":
        _to_challenge(table)
        turn, card = table.match.state.turn, table.match.state.pending
        assert room.snapshot(turn, "en").recorded is None  # its previous answer is not this card's
        assert room.submit(turn, Answer(card, core_deck.cards[card].options[0].id)) is None
        assert room.snapshot(turn, "en").recorded.answer.card == card
        seen += 1
    assert seen == 4


def test_after_a_resume_an_answer_a_phone_gave_is_not_labelled_as_entered_on_the_laptop(core_deck):
    """The laptop restarted: the new bridge does not know who gave the answers already in the game, and says
    nothing rather than "(entered on the laptop)"; what is entered after the resume is labelled as before."""
    table = Headless(core_deck, Setup(TEAMS, 5, mode="all-at-once"))
    _to_round(table)
    card = table.match.state.round.cards[0]
    first, second = (o.id for o in core_deck.cards[card].options[:2])
    before = Bridge()
    before.send(0, Answer(card, first))
    before.drain(room_for(table))  # a phone answered, then the laptop died
    resumed = Headless(core_deck, table.match.setup)
    resumed.match = table.match  # the same game, replayed from its save in a new process
    room, bridge = room_for(resumed), Bridge()
    bridge.publish(room)
    assert bridge.current().views[(0, "en")]["recorded"]["laptop"] is False
    assert resumed.decide(Action(ActionKind.CHOOSE, second, None, 0))  # the facilitator, after the resume
    bridge.publish(room)
    assert bridge.current().views[(0, "en")]["recorded"]["laptop"] is True


def test_a_paused_room_refuses_answers_and_says_so(core_deck):
    table = Headless(core_deck, Setup(TEAMS, 5, mode="all-at-once"))
    _to_round(table)
    bridge = Bridge()
    bridge.paused = True
    bridge.publish(room_for(table))
    assert bridge.current().paused
