"""Personal accounts on a shared PostgreSQL store: one login role per person, in a group role
that holds the least rights that person's work needs.

- ``huisbezoek_coordinator``: everything the coordinator window and commands do.
- ``huisbezoek_followup``: a follow-up worker. Sees only the follow-up items assigned to them
  (``cw_followups.assigned_to`` equals their database user name) and, for those items only,
  the signal with the resident's contact details; may update those items and record events.
  Row-level security enforces it in the database, whatever program connects.
- ``huisbezoek_reporting``: only aggregates, through views (``report_*``) that hold counts and
  no names, addresses or signal texts; no table at all.

The group roles and policies are made by :func:`setup_roles` (run by a database owner; it can
be run again after an upgrade), a person's login by :func:`create_login`. The audit log
records the database user of every event on PostgreSQL (``vault.audit.append_event``).
"""

from __future__ import annotations

import re
from enum import StrEnum

from sqlalchemy import Connection, text

from huisbezoek.errors import InvalidInputError


class Role(StrEnum):
    COORDINATOR = "coordinator"
    FOLLOWUP = "followup"
    REPORTING = "reporting"

    @property
    def group(self) -> str:
        return f"huisbezoek_{self.value}"


_NAME = re.compile(r"^[a-z][a-z0-9_]{1,62}$")

# Aggregates only: what the report and the dashboard show, without a person in them.
_VIEWS = {
    "report_signals_per_theme": (
        "SELECT theme, severity, count(*) AS signals FROM imported_signals "
        "WHERE text <> '' GROUP BY theme, severity"
    ),
    "report_followups_per_status": (
        "SELECT neighbourhood, theme, status, count(*) AS items, sum(is_open) AS still_open "
        "FROM cw_followups GROUP BY neighbourhood, theme, status"
    ),
    # the volunteers' counts as the importer sums them (c0005), not summed on every read
    "report_neighbourhood_counts": (
        "SELECT neighbourhood, metric, total::bigint AS total FROM neighbourhood_totals"
    ),
    "report_coverage": "SELECT day, in_band, invited, visited FROM cw_coverage_snapshots",
}

# The account name is compared in the collation of the tables' text columns: current_user is
# of type name, whose collation is "C", and compared as it is no index on assigned_to fits, so
# every query of a follow-up worker read all follow-ups (120 ms at 600,000 instead of 13 ms).
_FOLLOWUP_POLICIES = (
    # Only one's own items, and only the signals behind them.
    "CREATE POLICY followup_own_items ON cw_followups TO huisbezoek_followup "
    'USING (assigned_to = (current_user::text COLLATE "default")) '
    'WITH CHECK (assigned_to = (current_user::text COLLATE "default"))',
    "CREATE POLICY followup_own_signals ON imported_signals FOR SELECT TO huisbezoek_followup "
    "USING (id IN (SELECT signal_id FROM cw_followups "
    'WHERE assigned_to = (current_user::text COLLATE "default")))',
    "CREATE POLICY followup_own_events ON cw_followup_events TO huisbezoek_followup "
    "USING (signal_id IN (SELECT signal_id FROM cw_followups "
    'WHERE assigned_to = (current_user::text COLLATE "default")))',
    # Coordinators see and change every row.
    "CREATE POLICY coordinator_all ON cw_followups TO huisbezoek_coordinator "
    "USING (true) WITH CHECK (true)",
    "CREATE POLICY coordinator_all ON imported_signals TO huisbezoek_coordinator "
    "USING (true) WITH CHECK (true)",
    "CREATE POLICY coordinator_all ON cw_followup_events TO huisbezoek_coordinator "
    "USING (true) WITH CHECK (true)",
)


def _quote(conn: Connection, identifier: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(identifier)


def setup_roles(conn: Connection) -> None:
    """The three group roles, their grants, the reporting views and the row-level policies.

    Idempotent. Run as the database's owner (who keeps bypassing row-level security, as the
    owner of the tables; the organisation's own maintenance runs under that account)."""
    if conn.dialect.name != "postgresql":
        raise InvalidInputError(
            "roles need postgresql",
            message_nl="Persoonlijke accounts bestaan alleen bij een gedeelde PostgreSQL-database.",
        )
    database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    for role in Role:
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role.group}
        ).first()
        if exists is None:
            conn.exec_driver_sql(f"CREATE ROLE {role.group} NOLOGIN")
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_quote(conn, database)} TO {role.group}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {role.group}")
    everyone = ", ".join(role.group for role in Role)
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}")

    conn.exec_driver_sql(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
        "TO huisbezoek_coordinator"
    )
    conn.exec_driver_sql(
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO huisbezoek_coordinator"
    )
    # The import's COPY staging table is a temporary table.
    conn.exec_driver_sql(
        f"GRANT TEMPORARY ON DATABASE {_quote(conn, database)} TO huisbezoek_coordinator"
    )

    # The schema's version (no personal data): the app checks it when it connects.
    conn.exec_driver_sql(
        "GRANT SELECT ON alembic_version TO huisbezoek_followup, huisbezoek_reporting"
    )
    # The queue shows which volunteer sent a signal: their name, no keys.
    conn.exec_driver_sql("GRANT SELECT (key_id, name) ON volunteers TO huisbezoek_followup")
    conn.exec_driver_sql("GRANT SELECT, UPDATE ON cw_followups TO huisbezoek_followup")
    conn.exec_driver_sql("GRANT SELECT ON imported_signals TO huisbezoek_followup")
    conn.exec_driver_sql("GRANT SELECT, INSERT ON cw_followup_events TO huisbezoek_followup")
    conn.exec_driver_sql("GRANT SELECT, INSERT ON audit_log TO huisbezoek_followup")
    conn.exec_driver_sql(
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO huisbezoek_followup"
    )

    for name, query in _VIEWS.items():
        conn.exec_driver_sql(f"CREATE OR REPLACE VIEW {name} AS {query}")
        conn.exec_driver_sql(f"GRANT SELECT ON {name} TO huisbezoek_reporting")
        conn.exec_driver_sql(f"GRANT SELECT ON {name} TO huisbezoek_coordinator")

    for table in ("cw_followups", "imported_signals", "cw_followup_events"):
        conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy in ("followup_own_items", "followup_own_signals", "followup_own_events"):
            conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS coordinator_all ON {table}")
    for statement in _FOLLOWUP_POLICIES:
        conn.exec_driver_sql(statement)


def create_login(conn: Connection, name: str, role: Role, password: str) -> None:
    """A person's login role in the group of ``role``. ``name`` is what the audit log shows
    and, for a follow-up worker, what a coordinator fills in as "assigned to"."""
    if not _NAME.match(name):
        raise InvalidInputError(
            "bad role name",
            message_nl="Kies een accountnaam van kleine letters, cijfers en _ (2 tot 63 tekens), "
            "die met een letter begint, bijvoorbeeld an_devries.",
        )
    if len(password) < 12:
        raise InvalidInputError(
            "short password", message_nl="Kies een wachtwoord van minstens 12 tekens."
        )
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first()
    if exists is not None:
        raise InvalidInputError(
            "role exists", message_nl=f"Er is al een account met de naam {name}. Kies een andere."
        )
    # CREATE ROLE takes no bind parameters, so whatever goes in is part of the statement text
    # that a server with log_statement (or pg_stat_statements) keeps. Only the SCRAM-SHA-256
    # verifier goes in, made here (libpq's PQencryptPasswordConn; salted, and it does not give
    # the password back): the password itself never leaves this program.
    verifier = scram_verifier(conn, name, password)
    conn.exec_driver_sql(f"CREATE ROLE {name} LOGIN PASSWORD '{verifier}' IN ROLE {role.group}")


def scram_verifier(conn: Connection, name: str, password: str) -> str:
    """The ``SCRAM-SHA-256$...`` verifier PostgreSQL stores for ``name``'s ``password``."""
    dbapi = conn.connection.dbapi_connection
    pgconn = getattr(dbapi, "pgconn", None)
    if pgconn is None:  # pragma: no cover - the store's URL always names psycopg
        raise InvalidInputError(
            "no psycopg connection",
            message_nl="Gebruik een PostgreSQL-adres dat begint met postgresql+psycopg://.",
        )
    made = pgconn.encrypt_password(password.encode("utf-8"), name.encode(), b"scram-sha-256")
    verifier = bytes(made).decode("ascii")
    if not verifier.startswith("SCRAM-SHA-256$") or "'" in verifier:
        raise InvalidInputError(  # pragma: no cover - libpq makes only this form
            "unexpected verifier", message_nl="Het wachtwoord kon niet veilig worden gemaakt."
        )
    return verifier
