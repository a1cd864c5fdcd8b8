"""The coordinator store: a vault of kind "coordinator" (or a PostgreSQL database) holding
imported signals, the volunteer registry, the import ledger, the neighbourhood counts and the
coordinator's own work (schema in ``models``, revisions in ``migrations``, the object in
``backend``)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from sqlalchemy.orm import Session


class StoreLike(Protocol):
    """What the use cases need of a store: one unit of work per call of ``session()``.

    An open coordinator ``Vault`` and a ``CoordinatorStore`` (SQLCipher or PostgreSQL) both fit.
    """

    def session(self) -> AbstractContextManager[Session]: ...


# pg_advisory_xact_lock key for "one import (and follow-up sync) at a time in this store":
# the first eight bytes of sha256(b"huisbezoek.coordinator.import"), as a signed 64-bit number.
IMPORT_LOCK_KEY = 0x5A0F_6C2E_94B1_1D37


def serialise_imports(session: Session) -> None:
    """On PostgreSQL, wait until no other coordinator's import or follow-up sync runs, and
    hold that turn until this transaction ends.

    Several coordinators share a PostgreSQL store. An import reads each volunteer's highest
    sequence number and the stored signals before it writes; two imports at once would both
    decide from the same snapshot and one would fail on a duplicate key (or, worse, mark a good
    batch as old). Taking turns keeps every rule of the ledger exactly as on one laptop; the
    SQLCipher store admits one process at a time anyway, so there this does nothing.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        from sqlalchemy import text

        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": IMPORT_LOCK_KEY})
