"""Receipts after a fetch from the drop: each volunteer whose batches were just imported gets a
fresh assignment package in their drop folder. It carries the receipts (every batch imported
from them), the erasure notices meant for them and their residents, signed and encrypted to
them (``coordinator.packages.export_assignment``); their app reads it with the next send."""

from __future__ import annotations

import logging

from huisbezoek.coordinator import drop as coordinator_drop
from huisbezoek.coordinator import importer
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.store import StoreLike
from huisbezoek.errors import UserError
from huisbezoek.exchange import drop as drops

log = logging.getLogger(__name__)


def publish_receipts(
    store: StoreLike, drop: drops.Drop, report: importer.ImportReport
) -> list[str]:
    """Publish an assignment package to every volunteer with a batch imported in ``report``;
    returns their key ids. A volunteer whose package cannot be made or delivered (revoked
    meanwhile, drop offline) is skipped and logged (key id and error class only): the receipt
    goes with the next package."""
    keys = sorted(
        {
            r.key_id
            for r in report.results
            if r.status is importer.ImportStatus.IMPORTED and r.key_id is not None
        }
    )
    sent: list[str] = []
    for key_id in keys:
        try:
            with store.session() as session:
                data, _residents = coordinator_packages.export_assignment(session, key_id)
                name = coordinator_drop.package_file_name(data)
                coordinator_drop.publish(session, drop, data, name)
        except UserError as exc:
            log.warning("receipt for %s not published: %s", key_id, type(exc).__name__)
            continue
        sent.append(key_id)
    return sent
