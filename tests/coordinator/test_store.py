"""The coordinator store opens on both backends with the same tables and an append-only log."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.domain import Severity
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.vault.audit import AuditEvent

from .helpers import batch_file


def test_store_has_exchange_and_work_tables(store: CoordinatorStore) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {"imported_signals", "volunteers", "neighbourhood_counts", "audit_log"} <= names
    assert {"cw_followups", "cw_followup_events", "cw_area_residents", "cw_settings"} <= names


def test_audit_log_is_append_only_on_both_backends(store: CoordinatorStore) -> None:
    with store.session() as session:
        store.audit(session, AuditEvent.ERASE, {"n": 1})
    assert store.audit_events()[0].detail == {"n": 1}
    with pytest.raises(DBAPIError), store.session() as session:
        session.execute(text("DELETE FROM audit_log"))
    assert store.audit_events()[0].event == "erase"


def test_exchange_services_work_on_both_backends(store: CoordinatorStore, tmp_path: Path) -> None:
    """Organisation, enrolment, approval and batch import (the exchange area's services, which
    need only ``session()`` and ``schema``), then the follow-up queue, on SQLCipher and PG."""
    config = init_organisation_in(store, "Welzijn Teststad")
    keys = VolunteerKeys.generate()
    enrolment = tmp_path / "aanmelding.json"
    enrolment.write_bytes(keys.enrolment("Vera").to_bytes())
    row = organisation.enrol_volunteer(store, enrolment)  # type: ignore[arg-type]
    organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
    path = batch_file(tmp_path, keys, config)
    report = importer.import_batches(store, [path])  # type: ignore[arg-type]
    assert (report.new, report.rejected) == (2, 0)
    again = importer.import_batches(store, [path])  # type: ignore[arg-type]
    assert again.new == 0
    with store.session() as session:
        assert fu.sync_followups(session) == 2
        items = fu.queue(session)
    assert [i.severity for i in items] == [Severity.DIRECT, Severity.AANDACHT]
    assert items[0].volunteer == "Vera"
    assert {e.event for e in store.audit_events()} >= {"org_init", "import"}
