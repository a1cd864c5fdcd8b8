"""The queue that scales: search, filters, sorting and paging with counts, checked against
follow-ups counted by hand; the refresh sync sees each batch once, also one committed late."""

from __future__ import annotations

from datetime import date, timedelta

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator.store.backend import CoordinatorStore
from huisbezoek.domain import Severity, Theme

from .helpers import KEY_A, KEY_B, add_batch, add_signal, add_volunteer

TODAY = date(2026, 12, 3)


def _fill(store: CoordinatorStore) -> dict[str, str]:
    """23 follow-ups: Vera's 20 (5 direct falls with names, 15 loneliness anonymous), Bert's 3."""
    ids: dict[str, str] = {}
    with store.session() as session:
        add_volunteer(session, KEY_A, "Vera")
        add_volunteer(session, KEY_B, "Bert")
        batch = add_batch(session, KEY_A)
        for n in range(5):
            ids[f"val{n}"] = add_signal(session, batch, severity=Severity.DIRECT,
                                        theme=Theme.VALLEN, name=f"Mevrouw Val {n}",
                                        postcode=f"123{n} AB",
                                        given_on=date(2026, 10, 1 + n))  # fmt: skip
        for n in range(15):
            ids[f"een{n}"] = add_signal(session, batch, severity=Severity.AANDACHT,
                                        theme=Theme.EENZAAMHEID,
                                        given_on=date(2026, 9, 1 + n))  # fmt: skip
        other = add_batch(session, KEY_B)
        for n in range(3):
            ids[f"bert{n}"] = add_signal(session, other, key_id=KEY_B, severity=Severity.ZORG,
                                         theme=Theme.GELDZAKEN, name=f"Meneer Geld {n}",
                                         postcode="9999 ZZ")  # fmt: skip
        assert fu.sync_followups(session, today=TODAY) == 23
        fu.update_followup(session, ids["val0"], by="Carla", status=fu.FollowUpStatus.TAKEN,
                           due_on=TODAY - timedelta(days=2))  # fmt: skip
        fu.update_followup(session, ids["val1"], by="Carla", due_on=TODAY + timedelta(days=3))
        fu.update_followup(session, ids["een0"], by="Carla", status=fu.FollowUpStatus.DONE)
    return ids


def page(store: CoordinatorStore, spec: fu.QueueFilter, **kw: int) -> fu.QueuePage:
    with store.session() as session:
        return fu.queue_page(session, spec, today=TODAY, **kw)


def test_filters_and_counts(store: CoordinatorStore) -> None:
    ids = _fill(store)
    Q = fu.QueueFilter
    assert page(store, Q()).total == 22  # one is done
    assert page(store, Q(include_closed=True)).total == 23
    assert page(store, Q(theme=Theme.VALLEN)).total == 5
    assert page(store, Q(severity=Severity.AANDACHT)).total == 14
    assert page(store, Q(volunteer=KEY_B.lower())).total == 3
    assert page(store, Q(status=fu.FollowUpStatus.TAKEN)).total == 1
    assert page(store, Q(status=fu.FollowUpStatus.DONE)).total == 1  # a closed status shows
    assert [i.signal_id for i in page(store, Q(due=fu.DueFilter.OVERDUE)).items] == [ids["val0"]]
    assert [i.signal_id for i in page(store, Q(due=fu.DueFilter.THIS_WEEK)).items] == [ids["val1"]]
    assert page(store, Q(due=fu.DueFilter.NONE)).total == 20
    assert page(store, Q(neighbourhood="Wijk onbekend")).total == 22
    # search: a name part, a postcode without its space, the start of a number
    assert [i.resident for i in page(store, Q(search="val 3")).items] == ["Mevrouw Val 3"]
    assert page(store, Q(search="9999zz")).total == 3
    assert [i.signal_id for i in page(store, Q(search=ids["een5"][:8])).items] == [ids["een5"]]
    assert page(store, Q(search="niemand")).total == 0
    both = page(store, Q(theme=Theme.EENZAAMHEID, severity=Severity.AANDACHT))
    assert both.total == 14


def test_paging_and_sorting(store: CoordinatorStore) -> None:
    ids = _fill(store)
    first = page(store, fu.QueueFilter(), limit=10)
    second = page(store, fu.QueueFilter(), limit=10, offset=10)
    third = page(store, fu.QueueFilter(), limit=10, offset=20)
    assert (first.total, first.pages, first.page, third.page) == (22, 3, 1, 3)
    assert [len(p.items) for p in (first, second, third)] == [10, 10, 2]
    seen = [i.signal_id for p in (first, second, third) for i in p.items]
    assert len(set(seen)) == 22
    # urgency: the five direct falls first, then Bert's 'zorg', then loneliness oldest first
    assert [i.severity for i in first.items[:5]] == [Severity.DIRECT] * 5
    assert first.items[5].theme is Theme.GELDZAKEN
    oldest = page(store, fu.QueueFilter(sort=fu.QueueSort.OLDEST), limit=1).items[0]
    assert oldest.signal_id == ids["een1"]  # een0 (1 Sept) is done
    due = page(store, fu.QueueFilter(sort=fu.QueueSort.DUE), limit=2).items
    assert [i.signal_id for i in due] == [ids["val0"], ids["val1"]]
    with store.session() as session:
        hoods, volunteers = fu.queue_choices(session)
    assert hoods == ["Wijk onbekend"] and [n for _k, n in volunteers] == ["Bert", "Vera"]


def test_sync_sees_each_batch_once_and_a_late_one_too(store: CoordinatorStore) -> None:
    with store.session() as session:
        add_volunteer(session)
        add_signal(session, add_batch(session))
        assert fu.sync_followups(session, today=TODAY) == 1
        assert fu.sync_followups(session, today=TODAY) == 0  # nothing new: nothing read
    with store.session() as session:  # another coordinator's import commits later
        late = add_batch(session, sequence=2)
        add_signal(session, late)
        add_signal(session, late)
    with store.session() as session:
        assert fu.sync_followups(session, today=TODAY) == 2
        assert fu.open_count(session) == 3


def test_assign_names_an_unknown_neighbourhood_and_hands_on_a_revoked_volunteers_residents(
    store: CoordinatorStore,
) -> None:
    from datetime import UTC, datetime

    import pytest

    from huisbezoek.coordinator import addresses
    from huisbezoek.coordinator.store.models import Volunteer

    from .helpers import address_csv, resident_row

    with store.session() as session:
        addresses.import_address_list(
            session, address_csv([resident_row(n, "Noord") for n in range(1, 5)]), today=TODAY
        )
        add_volunteer(session, KEY_A, "Vera")
        add_volunteer(session, KEY_B, "Bert")
        with pytest.raises(addresses.UnknownNeighbourhoodError) as raised:
            addresses.assign_neighbourhood(session, "Noordd", KEY_A)
        assert "Noord" in raised.value.message_nl and "Noordd" in raised.value.message_nl
        # a lower-case key id works as approve accepts it
        assert addresses.assign_neighbourhood(session, "Noord", KEY_A.lower()) == 4
        assert addresses.assign_neighbourhood(session, "Noord", KEY_B) == 0  # all taken
        session.get(Volunteer, KEY_A).revoked_at = datetime.now(UTC)  # type: ignore[union-attr]
        session.flush()
        assert addresses.assign_neighbourhood(session, "Noord", KEY_B) == 4  # handed on


def test_dossier_prints_consent_in_words() -> None:
    from huisbezoek.coordinator.retention import consent_text

    assert consent_text("delen_identiteit,delen_signaal") == (
        "naam en telefoon delen, signaal delen met de coördinatie"
    )
    assert consent_text("") == "geen (ingetrokken)"


def test_a_very_common_search_word_still_works(store: CoordinatorStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fill(store)
    monkeypatch.setattr(fu, "_MAX_LISTED", 2)  # more names match than are listed as ids
    assert page(store, fu.QueueFilter(search="mevrouw")).total == 5
    assert page(store, fu.QueueFilter(search="Meneer")).total == 3
