"""The coordinator vault's working tables come from a migration (c0002): a new vault has exactly
the models' schema, and a vault made before it is upgraded with its data kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, inspect, select

from huisbezoek.coordinator import figures, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, NewerStoreError
from huisbezoek.coordinator.store.models import FollowUp, NeighbourhoodTotal, WorkSetting
from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
from huisbezoek.domain import Severity, Theme
from huisbezoek.vault import migrate
from huisbezoek.vault.core import Vault
from huisbezoek.vault.keyslots import KdfParams

PASS = "fiets kopje regen zeven"
# The coordinator's own working tables (revision c0002), all named cw_...
WORK_TABLE_LIST = [t for t in COORDINATOR_SCHEMA.metadata.sorted_tables if t.name.startswith("cw_")]
WORK_TABLES = {t.name for t in WORK_TABLE_LIST}


def _all_models() -> MetaData:
    return COORDINATOR_SCHEMA.metadata


def test_new_vault_gets_the_working_tables_from_the_migration(tmp_path: Path) -> None:
    created = organisation.init_organisation(tmp_path / "c", PASS, "Welzijn", kdf=KdfParams.FLOOR)
    with created.store as vault, vault.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision(COORDINATOR_SCHEMA)
        assert migrate.head_revision(COORDINATOR_SCHEMA) == "c0005"
        assert set(inspect(conn).get_table_names()) >= WORK_TABLES
        diff = compare_metadata(MigrationContext.configure(conn), _all_models())
    assert diff == []


def _old_vault(folder: Path, *, opened_by_old_version: bool) -> None:
    """A coordinator vault at c0001; the old version made the working tables on opening."""
    vault, _ = Vault.create(
        folder,
        PASS,
        kind="coordinator",
        schema=COORDINATOR_SCHEMA,
        kdf=KdfParams.FLOOR,
        schema_revision="c0001",
    )
    with vault:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == "c0001"
            assert not WORK_TABLES & set(inspect(conn).get_table_names())
        if opened_by_old_version:
            with vault.connection() as conn:
                COORDINATOR_SCHEMA.metadata.create_all(conn, tables=WORK_TABLE_LIST)
            with vault.session() as session:
                session.add(WorkSetting(name="retention_months", value="24"))
                session.add(
                    FollowUp(
                        signal_id="0f1e2d3c-0000-4000-8000-000000000001",
                        theme=Theme.EENZAAMHEID,
                        severity=Severity.DIRECT,
                        source_key_id="ABCDEF0123456789",
                        signal_date=date(2026, 11, 2),
                        status="opgepakt",
                    )
                )


def test_vault_from_before_keeps_its_follow_up(tmp_path: Path) -> None:
    folder = tmp_path / "oud"
    _old_vault(folder, opened_by_old_version=True)
    with Vault.open(folder, PASS, schema=COORDINATOR_SCHEMA) as vault:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == "c0005"
            diff = compare_metadata(MigrationContext.configure(conn), _all_models())
        assert diff == []
        store = CoordinatorStore.from_vault(vault)
        with store.session() as session:
            assert session.get(WorkSetting, "retention_months").value == "24"  # type: ignore[union-attr]
            assert session.scalars(select(FollowUp.status)).all() == ["opgepakt"]


def test_vault_from_before_without_working_tables_gets_them(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    _old_vault(folder, opened_by_old_version=False)
    with Vault.open(folder, PASS, schema=COORDINATOR_SCHEMA) as vault:
        with vault.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= WORK_TABLES
        store = CoordinatorStore.from_vault(vault)
        with store.session() as session:
            session.add(WorkSetting(name="age_band", value="75-80"))
        with store.session() as session:
            assert session.get(WorkSetting, "age_band") is not None


def test_vault_from_before_the_totals_gets_them_summed(tmp_path: Path) -> None:
    """c0005: the neighbourhood totals of a store made at c0004 are filled from its counts."""
    folder = tmp_path / "c0004"
    vault, _ = Vault.create(folder, PASS, kind="coordinator", schema=COORDINATOR_SCHEMA,
                            kdf=KdfParams.FLOOR, schema_revision="c0004")  # fmt: skip
    with vault, vault.connection() as conn:
        assert not inspect(conn).has_table("neighbourhood_totals")
        now = "2026-11-20T10:00:00.000000+00:00"
        for key_id in ("AAAA000000000001", "AAAA000000000002"):
            conn.exec_driver_sql(
                "INSERT INTO volunteers (key_id, name, public_key, age_recipient, fingerprint, "
                "enrolled_at) VALUES (?, 'V', 'RW', 'age1', 'f', ?)",
                (key_id, now),
            )
        rows = [("AAAA000000000001", "Noord", "p:2026Q3:visited", 4),
                ("AAAA000000000002", "Noord", "p:2026Q3:visited", 3),
                ("AAAA000000000002", "Zuid", "p:2026Q3:visited", 5)]  # fmt: skip
        for key_id, hood, metric, value in rows:
            conn.exec_driver_sql(
                "INSERT INTO neighbourhood_counts (key_id, neighbourhood, metric, value, "
                "batch_id) VALUES (?, ?, ?, ?, 'b')",
                (key_id, hood, metric, value),
            )
    with Vault.open(folder, PASS, schema=COORDINATOR_SCHEMA) as vault:
        with vault.engine.connect() as conn:
            assert migrate.current_revision(conn) == "c0005"
            assert compare_metadata(MigrationContext.configure(conn), _all_models()) == []
        with CoordinatorStore.from_vault(vault).session() as session:
            totals = session.execute(
                select(NeighbourhoodTotal.neighbourhood, NeighbourhoodTotal.total).order_by(
                    NeighbourhoodTotal.neighbourhood
                )
            ).all()
            assert [tuple(t) for t in totals] == [("Noord", 7), ("Zuid", 5)]
            rows_by_hood = {r.neighbourhood: r.visited for r in figures.coverage(session)}
            assert rows_by_hood == {"Noord": 7, "Zuid": 5}


# -- the shared PostgreSQL store ------------------------------------------------------------


@pytest.mark.postgres
def test_postgres_store_is_stamped_upgraded_and_refused_when_newer(pg_server) -> None:
    url = pg_server.new_database()
    store = CoordinatorStore.open_url(url)
    head = migrate.head_revision(COORDINATOR_SCHEMA)
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == head
        diff = compare_metadata(MigrationContext.configure(conn), _all_models())
        assert diff == []
        # Go back to a store from before the working tables (c0001); its audit log has a row.
        for table in reversed(WORK_TABLE_LIST):
            table.drop(conn)
        # ... and from before erasures stayed erased (c0003).
        conn.exec_driver_sql("DROP TABLE erasure_notices")
        conn.exec_driver_sql("ALTER TABLE imported_signals DROP COLUMN erased_at")
        migrate.stamp(COORDINATOR_SCHEMA, conn, "c0001")
        conn.commit()
    store.close()

    store = CoordinatorStore.open_url(url)  # upgrades: c0002 runs on PostgreSQL
    assert [e.event for e in store.audit_events()] == ["create"]  # kept
    with store.engine.connect() as conn:
        assert migrate.current_revision(conn) == head
        assert set(inspect(conn).get_table_names()) >= WORK_TABLES
        assert compare_metadata(MigrationContext.configure(conn), _all_models()) == []
        # A newer app has been here: this one refuses, and changes nothing.
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'c9999'")
        conn.commit()
    store.close()
    with pytest.raises(NewerStoreError) as refused:
        CoordinatorStore.open_url(url)
    assert "nieuwere versie" in refused.value.message_nl
    engine = create_engine(url)
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == "c9999"
    engine.dispose()


@pytest.mark.postgres
def test_postgres_store_from_before_stamping_is_stamped(pg_server) -> None:
    url = pg_server.new_database()
    CoordinatorStore.open_url(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    CoordinatorStore.open_url(url).close()
    with engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision(COORDINATOR_SCHEMA)
    engine.dispose()
