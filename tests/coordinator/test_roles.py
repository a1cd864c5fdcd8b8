"""Personal accounts on a shared PostgreSQL store: each role sees only what its work needs,
checked by connecting as that person (row-level security and grants, not the app)."""

from __future__ import annotations

import io
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text, update
from sqlalchemy.exc import OperationalError, ProgrammingError

from huisbezoek.cli import main
from huisbezoek.coordinator import followup as fu
from huisbezoek.coordinator import importer, organisation
from huisbezoek.coordinator.store.backend import CoordinatorStore, init_organisation_in
from huisbezoek.coordinator.store.models import FollowUp
from huisbezoek.exchange.keys import VolunteerKeys
from huisbezoek.vault.keyslots import KdfParams

from .helpers import batch_file

pytestmark = pytest.mark.postgres

PASSWORD = "een wachtwoord van de test"


def _as(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def _create(monkeypatch: pytest.MonkeyPatch, url: str, name: str, role: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n{PASSWORD}\n"))
    argv = ["coordinator", "roles", "--url", url, "--passphrase-stdin", "create", name,
            "--role", role]  # fmt: skip
    assert main(argv) == 0


def _import_one_batch(store: CoordinatorStore, tmp_path: Path) -> None:
    """A new organisation, one approved volunteer, and that volunteer's batch imported."""
    config = init_organisation_in(store, "Welzijn Teststad", PASSWORD, kdf=KdfParams.FLOOR)
    keys = VolunteerKeys.generate()
    (tmp_path / "a.json").write_bytes(keys.enrolment("Vera").to_bytes())
    row = organisation.enrol_volunteer(store, tmp_path / "a.json")  # type: ignore[arg-type]
    organisation.approve_volunteer(store, row.key_id)  # type: ignore[arg-type]
    report = importer.import_batches(store, [batch_file(tmp_path, keys, config)])  # type: ignore[arg-type]
    assert (report.new, report.rejected) == (2, 0)


def test_each_role_sees_only_what_its_work_needs(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.new_database()
    CoordinatorStore.open_url(url).close()  # the owner makes the tables
    tag = uuid.uuid4().hex[:6]  # roles belong to the whole server, shared by the tests
    an, bo, rita, cor = (f"{n}_{tag}" for n in ("an", "bo", "rita", "cor"))
    assert main(["coordinator", "roles", "--url", url, "setup"]) == 0
    for name, role in ((an, "followup"), (bo, "followup"), (rita, "reporting"),
                       (cor, "coordinator")):  # fmt: skip
        _create(monkeypatch, url, name, role)

    # The coordinator's own account does all of a coordinator's work (COPY staging included).
    store = CoordinatorStore.open_url(_as(url, cor))
    try:
        _import_one_batch(store, tmp_path)
        with store.session() as s:
            fu.sync_followups(s)
            signals = sorted(s.scalars(text("SELECT signal_id FROM cw_followups")))
            for sid, who in zip(signals, (an, bo), strict=True):  # one item each
                s.execute(update(FollowUp).where(FollowUp.signal_id == sid).values(assigned_to=who))
    finally:
        store.close()
    assert len(signals) == 2

    engine = create_engine(_as(url, rita))
    try:
        with engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("SELECT resident_name FROM imported_signals"))
        with engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("SELECT name FROM cw_area_residents"))
        with engine.connect() as conn:
            total = conn.execute(text("SELECT sum(signals) FROM report_signals_per_theme"))
            assert total.scalar() == 2
            columns = conn.execute(text("SELECT * FROM report_signals_per_theme")).keys()
            assert set(columns) == {"theme", "severity", "signals"}
    finally:
        engine.dispose()

    engine = create_engine(_as(url, an))
    try:
        with engine.begin() as conn:
            own = conn.execute(text("SELECT signal_id FROM cw_followups")).scalars().all()
            assert own == [signals[0]]
            seen = conn.execute(text("SELECT id FROM imported_signals")).scalars().all()
            assert seen == [signals[0]]
            changed = conn.execute(
                text("UPDATE cw_followups SET notes = 'gebeld' WHERE signal_id = :s"),
                {"s": signals[1]},
            )
            assert changed.rowcount == 0  # Bo's item: not there for An
        with engine.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("SELECT name FROM cw_area_residents"))
    finally:
        engine.dispose()

    # Through the command line: An records a call on her item, under her account whatever
    # --by says; Bo's item does not exist for her (and nothing about it is printed).
    an_url = _as(url, an)
    argv = ["coordinator", "followup", signals[0], "--status", "contact_gelegd", "--by", "Bo",
            "--url", an_url]  # fmt: skip
    assert main(argv) == 0
    assert main(["coordinator", "followup", signals[1], "--note", "x", "--url", an_url]) == 2
    owner = create_engine(url)
    with owner.connect() as conn:
        who = conn.execute(text("SELECT DISTINCT by FROM cw_followup_events")).scalars().all()
        assert who == [an]
        status = conn.execute(
            text("SELECT signal_id, status FROM cw_followups ORDER BY signal_id")
        ).all()
        assert [tuple(r) for r in status] == [(signals[0], "contact_gelegd"), (signals[1], "nieuw")]
    owner.dispose()

    store = CoordinatorStore.open_url(_as(url, cor))  # a coordinator sees and logs as herself
    try:
        with store.session() as s:
            assert len(s.scalars(text("SELECT id FROM imported_signals")).all()) == 2
            store.audit(s, "test_event", {"n": 1})
        newest = store.audit_events()[0]
        assert (newest.event, newest.detail, newest.db_user) == ("test_event", {"n": 1}, cor)
    finally:
        store.close()


def test_a_new_password_never_travels_in_a_statement(
    pg_server, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """``roles create`` sends PostgreSQL only a SCRAM verifier: a server that logs every
    statement has no password in its log, and the person logs in with the password."""
    url = pg_server.new_database()
    CoordinatorStore.open_url(url).close()
    name = f"pw_{uuid.uuid4().hex[:8]}"
    owner = create_engine(url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
        conn.exec_driver_sql(f"ALTER DATABASE \"{database}\" SET log_statement = 'all'")
    # This one account logs in by password (the test server trusts everyone else).
    hba = pg_server.data / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"local all {name} scram-sha-256\n{original}")
    with owner.connect() as conn:
        conn.exec_driver_sql("SELECT pg_reload_conf()")
    try:
        assert main(["coordinator", "roles", "--url", url, "setup"]) == 0
        _create(monkeypatch, url, name, "followup")
        log = (pg_server.root / "server.log").read_text(errors="replace")
        assert f"CREATE ROLE {name} LOGIN PASSWORD 'SCRAM-SHA-256$" in log  # it logs...
        assert PASSWORD not in log  # ... but never the password
        with owner.connect() as conn:
            stored = conn.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": name}
            ).scalar_one()
        assert stored.startswith("SCRAM-SHA-256$4096:")

        person = create_engine(make_url(url).set(username=name, password=PASSWORD))
        try:
            with person.connect() as conn:
                assert conn.exec_driver_sql("SELECT current_user").scalar_one() == name
        finally:
            person.dispose()
        wrong = create_engine(make_url(url).set(username=name, password=PASSWORD + "x"))
        try:
            with pytest.raises(OperationalError, match="password authentication failed"):
                wrong.connect().close()
        finally:
            wrong.dispose()
    finally:
        hba.write_text(original)
        with owner.connect() as conn:
            conn.exec_driver_sql("SELECT pg_reload_conf()")
        owner.dispose()


def _finds_own_items_by_index(url: str, worker: str) -> bool:
    """Whether the follow-up worker's row-level security can look their items up by the
    index on "assigned to" (the planner told to avoid reading the whole table if it can)."""
    engine = create_engine(_as(url, worker))
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(
                row[0] for row in conn.exec_driver_sql("EXPLAIN SELECT * FROM cw_followups")
            )
    finally:
        engine.dispose()
    return "ix_cw_followups_assigned" in plan and "Index Cond: ((assigned_to)" in plan


def test_accounts_made_before_an_upgrade_keep_importing(
    pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A store whose accounts were made at c0004: the owner's upgrade to c0005 adds
    ``neighbourhood_totals`` and lets the coordinator group write it, so a coordinator's
    next import works without running ``roles setup`` again; and a follow-up worker's rows
    are found by the new index on "assigned to" (at 600,000 follow-ups: 13 ms, not 120)."""
    from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
    from huisbezoek.vault import migrate

    url = pg_server.new_database()
    CoordinatorStore.open_url(url).close()
    tag = uuid.uuid4().hex[:6]
    cor, wim = f"cor_{tag}", f"wim_{tag}"
    assert main(["coordinator", "roles", "--url", url, "setup"]) == 0
    _create(monkeypatch, url, cor, "coordinator")
    _create(monkeypatch, url, wim, "followup")
    assert _finds_own_items_by_index(url, wim)
    owner = create_engine(url)
    with owner.begin() as conn:  # back to how c0004 left it
        conn.exec_driver_sql(
            "CREATE OR REPLACE VIEW report_neighbourhood_counts AS SELECT neighbourhood, metric, "
            "sum(value) AS total FROM neighbourhood_counts GROUP BY neighbourhood, metric"
        )
        conn.exec_driver_sql("DROP TABLE neighbourhood_totals")
        conn.exec_driver_sql("DROP INDEX ix_neighbourhood_counts_hood")
        conn.exec_driver_sql("DROP INDEX ix_cw_followups_assigned")
        conn.exec_driver_sql(
            "ALTER POLICY followup_own_items ON cw_followups USING (assigned_to = current_user) "
            "WITH CHECK (assigned_to = current_user)"
        )
        migrate.stamp(COORDINATOR_SCHEMA, conn, "c0004")
    owner.dispose()
    assert not _finds_own_items_by_index(url, wim)  # current_user's collation fits no index
    CoordinatorStore.open_url(url).close()  # the owner starts the new version: c0005 runs
    assert _finds_own_items_by_index(url, wim)

    store = CoordinatorStore.open_url(_as(url, cor))
    try:
        _import_one_batch(store, tmp_path)
        with store.session() as s:
            visited = s.scalar(
                text("SELECT total FROM neighbourhood_totals WHERE metric = 'p:2026Q4:visited'")
            )
            view = s.scalar(text("SELECT definition FROM pg_views WHERE viewname = :v"),
                            {"v": "report_neighbourhood_counts"})  # fmt: skip
            seen = s.scalar(
                text("SELECT total FROM report_neighbourhood_counts WHERE metric = :m"),
                {"m": "p:2026Q4:visited"},
            )
        assert visited == 7 and seen == 7
        assert "neighbourhood_totals" in view  # the reporting view reads the sums
    finally:
        store.close()
