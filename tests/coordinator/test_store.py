"""The coordinator store opens on both backends with the same tables and an append-only log."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from huisbezoek.services.coordinator.store import CoordinatorStore
from huisbezoek.vault.audit import AuditEvent


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
