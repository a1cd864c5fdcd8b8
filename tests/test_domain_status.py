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
