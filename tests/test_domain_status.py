from datetime import datetime, timedelta

import pytest

from huisbezoek.domain import ContactOutcome, ResidentStatus
from huisbezoek.domain.status import ContactEvent, resident_status

T0 = datetime(2026, 3, 1, 10, 0)


def events(*outcomes: ContactOutcome) -> list[ContactEvent]:
    return [ContactEvent(T0 + timedelta(days=i), o) for i, o in enumerate(outcomes)]


@pytest.mark.parametrize(
    ("history", "visit", "appointment", "expected"),
    [
        ([], False, False, ResidentStatus.TO_INVITE),
        ([ContactOutcome.INVITED], False, False, ResidentStatus.INVITED),
        ([ContactOutcome.INVITED, ContactOutcome.DECLINED], False, False, ResidentStatus.DECLINED),
        (
            [ContactOutcome.DECLINED, ContactOutcome.INTERESTED],
            False,
            False,
            ResidentStatus.INVITED,
        ),
        ([ContactOutcome.INTERESTED], False, True, ResidentStatus.APPOINTMENT),
        ([ContactOutcome.INTERESTED], True, False, ResidentStatus.VISITED),
        ([ContactOutcome.NO_ANSWER] * 2, False, False, ResidentStatus.INVITED),
        ([ContactOutcome.NO_ANSWER] * 3, False, False, ResidentStatus.NOT_REACHED),
        ([ContactOutcome.NO_ANSWER, ContactOutcome.MOVED], False, False, ResidentStatus.GONE),
        ([ContactOutcome.DECEASED], False, True, ResidentStatus.GONE),
    ],
)
def test_status_follows_history(history, visit, appointment, expected):
    assert (
        resident_status(events(*history), has_final_visit=visit, has_open_appointment=appointment)
        == expected
    )


def test_order_of_input_does_not_matter():
    history = events(ContactOutcome.NO_ANSWER, ContactOutcome.DECLINED)
    assert (
        resident_status(list(reversed(history)), has_final_visit=False, has_open_appointment=False)
        == ResidentStatus.DECLINED
    )


def test_figures_count_a_resident_once_per_stage():
    from datetime import date

    from huisbezoek.domain.status import REASON_NOT_GIVEN, resident_figures

    many = events(ContactOutcome.NO_ANSWER, ContactOutcome.NO_ANSWER, ContactOutcome.INTERESTED)
    seen = resident_figures(many, final_visits=[date(2026, 4, 1), date(2026, 3, 20)])
    assert seen.status is ResidentStatus.VISITED
    assert (seen.invited, seen.reached, seen.accepted, seen.visited) == (
        date(2026, 3, 1), date(2026, 3, 3), date(2026, 3, 3), date(2026, 3, 20),
    )  # fmt: skip
    assert seen.declined is None and seen.not_reached is None
    moved = resident_figures(events(ContactOutcome.INVITED, ContactOutcome.MOVED))
    assert (moved.gone, moved.invited, moved.reached) == (date(2026, 3, 2), None, None)
    dead = resident_figures(events(ContactOutcome.DECEASED), final_visits=[])
    assert dead.gone == date(2026, 3, 1)
    no = resident_figures(
        [ContactEvent(T0, ContactOutcome.DECLINED, "al_hulp"),
         ContactEvent(T0 + timedelta(days=9), ContactOutcome.DECLINED)]
    )  # fmt: skip
    assert (no.declined, no.decline_reason, no.reached) == (
        date(2026, 3, 10), REASON_NOT_GIVEN, date(2026, 3, 1),
    )  # fmt: skip
    missed = resident_figures(events(*[ContactOutcome.NO_ANSWER] * 3))
    assert (missed.not_reached, missed.reached, missed.invited) == (
        date(2026, 3, 3), None, date(2026, 3, 1),
    )  # fmt: skip
    booked = resident_figures([], appointments=[date(2026, 5, 1)], has_open_appointment=True)
    assert (booked.invited, booked.accepted, booked.visited) == (
        date(2026, 5, 1), date(2026, 5, 1), None,
    )  # fmt: skip
