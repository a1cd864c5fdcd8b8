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
