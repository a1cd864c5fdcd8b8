"""The coordinator's side of the drop: fetch batches, file them as done or refused, and
publish packages to each volunteer's folder.

"Ophalen" lists ``naar-coordinator/<key-id>/`` for every volunteer, reads each complete file
(``.part`` files are uploads in progress), imports them through the normal importer in one
run, and then moves each file to ``verwerkt/<key-id>/`` or ``geweigerd/<key-id>/`` with a
``.reden.txt`` beside it. The import ledger makes a batch imported twice change nothing, so a
fetch that stops halfway (or two coordinators fetching at once) is simply run again: a file
already imported is moved to ``verwerkt`` the next time, and a file another coordinator moved
first is skipped. (Two coordinators on one PostgreSQL store rely on its import being safe to
run at once; the SQLCipher store admits one coordinator at a time.)

The drop's place (kind and URL) is a setting of the store and travels to volunteers in the
configuration package; the coordinator's own login is kept in the store (encrypted at rest in
the SQLCipher store).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.coordinator import importer
from huisbezoek.coordinator.store import StoreLike
from huisbezoek.coordinator.store.models import Volunteer, WorkSetting
from huisbezoek.errors import UserError
from huisbezoek.exchange import batch
from huisbezoek.exchange import drop as drops
from huisbezoek.exchange import package as pkg
from huisbezoek.progress import CancelFlag, ProgressFn, noop_progress

log = logging.getLogger(__name__)

PARALLEL = 8  # requests in flight to the drop at once (measured: 8 beat 4 by about 3x)
# One import at a time in this process (the coordinator window and a CLI run share nothing,
# but two fetches from one window could overlap). Across processes the store decides: the
# SQLCipher store admits one process, PostgreSQL serialises imports itself.
_IMPORT_LOCK = threading.Lock()

SETTINGS_NAME = "drop.settings"
CREDENTIALS_NAME = "drop.credentials"
FOLDER_NAME = "drop.folder"


# -- settings -------------------------------------------------------------------------------


def _get(session: Session, name: str) -> object:
    row = session.get(WorkSetting, name)
    return None if row is None else json.loads(row.value)


def _put(session: Session, name: str, value: object) -> None:
    row = session.get(WorkSetting, name)
    if row is None:
        session.add(WorkSetting(name=name, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)


def set_webdav(session: Session, url: str, username: str, password: str) -> None:
    """Use a WebDAV folder (HTTPS) as the drop, with the coordinator's own login."""
    settings = drops.DropSettings(kind="webdav", url=drops.check_url(url))
    if not username.strip() or not password:
        raise UserError("empty login", message_nl="Vul een gebruikersnaam en wachtwoord in.")
    _put(session, SETTINGS_NAME, settings.model_dump())
    _put(session, CREDENTIALS_NAME, {"username": username.strip(), "password": password})


def set_folder(session: Session, folder: Path) -> None:
    """Use a local (synchronised or network) folder as the drop."""
    if not Path(folder).is_dir():
        raise UserError("no such folder", message_nl=f"De map {folder} bestaat niet.")
    _put(session, SETTINGS_NAME, drops.DropSettings(kind="folder").model_dump())
    _put(session, FOLDER_NAME, str(Path(folder).resolve()))


def drop_settings(session: Session) -> drops.DropSettings | None:
    value = _get(session, SETTINGS_NAME)
    return None if value is None else drops.DropSettings.model_validate(value)


def open_drop(session: Session) -> drops.Drop:
    settings = drop_settings(session)
    if settings is None:
        raise drops.DropSetupError(
            "no drop set",
            message_nl="Er is nog geen uitwisselmap ingesteld (huisbezoek coordinator drop).",
        )
    login = _get(session, CREDENTIALS_NAME)
    folder = _get(session, FOLDER_NAME)
    return drops.open_drop(
        settings,
        credentials=drops.Credentials(**login) if isinstance(login, dict) else None,
        folder=Path(str(folder)) if folder else None,
    )


# -- fetching batches -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchReport:
    report: importer.ImportReport
    skipped: int  # files another coordinator took first, or uploads still in progress

    def lines_nl(self) -> list[str]:
        if not self.report.results:
            return ["Er stonden geen nieuwe zendingen in de uitwisselmap."]
        return self.report.lines_nl()


def fetch(
    store: StoreLike,
    drop: drops.Drop,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> FetchReport:
    """Fetch, import and file every complete batch waiting in the drop.

    Downloads run a few at a time ahead of the import (the network waits overlap with
    decrypting and writing), and filing runs a few at a time after it. No claim is taken
    first: a batch that two fetches both read is imported once (the ledger) and filed by
    whichever moves it first.
    """
    report = progress or noop_progress
    report(0.0, "Uitwisselmap bekijken")
    vanished: set[str] = set()
    pool = ThreadPoolExecutor(max_workers=PARALLEL, thread_name_prefix="huisbezoek-drop")
    try:
        keys = drop.folders(drops.TO_COORDINATOR)
        listings = pool.map(lambda k: drop.files(f"{drops.TO_COORDINATOR}/{k}"), keys)
        found: list[tuple[str, str]] = [  # (key-id folder, file name)
            (key_folder, entry.name)
            for key_folder, entries in zip(keys, listings, strict=True)
            for entry in entries
            if not entry.name.endswith(drops.PART_SUFFIX)
        ]
    except BaseException:  # offline or junk while listing: no threads left behind
        pool.shutdown(cancel_futures=True)
        raise
    log.info("drop fetch: %d files", len(found))

    def download(key_folder: str, name: str) -> bytes | drops.DropError:
        try:
            return drop.read(f"{drops.TO_COORDINATOR}/{key_folder}/{name}", batch.MAX_BATCH_BYTES)
        except drops.DropJunkError as exc:  # gone (filed by another fetch) or not a file
            vanished.add(f"{key_folder}/{name}")
            return exc

    def scaled(fraction: float, message: str) -> None:
        report(0.05 + 0.85 * fraction, message)

    with pool:
        downloads = [pool.submit(download, k, n) for k, n in found]

        def loader(index: int) -> Callable[[], bytes]:
            def load() -> bytes:
                got = downloads[index].result()
                if isinstance(got, drops.DropError):
                    raise got
                return got

            return load

        sources = [(f"{k}/{n}", loader(i)) for i, (k, n) in enumerate(found)]
        try:
            with _IMPORT_LOCK:
                result = importer.import_sources(store, sources, progress=scaled, cancel=cancel)
        finally:
            for future in downloads:
                future.cancel()
        # Target folders first, one by one: servers answer parallel MKCOLs of one folder badly.
        for key_folder in sorted({r.file_name.split("/", 1)[0] for r in result.results}):
            drop.ensure_folder(f"{drops.DONE}/{key_folder}")
        for outcome in result.results:
            if outcome.status is importer.ImportStatus.REJECTED:
                drop.ensure_folder(f"{drops.REFUSED}/{outcome.file_name.split('/', 1)[0]}")
        moves = [pool.submit(_file_away, drop, outcome) for outcome in result.results
                 if outcome.file_name not in vanished]  # fmt: skip
        skipped = len(vanished) + sum(0 if m.result() else 1 for m in moves)
    report(1.0, "Klaar")
    return FetchReport(result, skipped)


def _file_away(drop: drops.Drop, outcome: importer.BatchImportResult) -> bool:
    """Move a batch to verwerkt/ or (with the reason beside it) geweigerd/."""
    key_folder, name = outcome.file_name.split("/", 1)
    src = f"{drops.TO_COORDINATOR}/{key_folder}/{name}"
    if outcome.status is importer.ImportStatus.REJECTED:
        target = f"{drops.REFUSED}/{key_folder}"
        reason = f"{outcome.reason_nl}\n({outcome.error})\n".encode()
        drop.write(f"{target}/{name}{drops.REASON_SUFFIX}", reason)
    else:
        target = f"{drops.DONE}/{key_folder}"
    return drop.move(src, f"{target}/{name}")


# -- publishing packages --------------------------------------------------------------------


def publish(session: Session, drop: drops.Drop, data: bytes, name: str) -> list[str]:
    """Put a package in the folder of the volunteer it is for (an assignment), or of every
    approved volunteer (a configuration). Returns the key ids it went to."""
    envelope, _signature = pkg.unpack(data)
    if envelope.for_key_id is not None:
        targets = [envelope.for_key_id]
    else:
        targets = list(
            session.scalars(
                select(Volunteer.key_id)
                .where(Volunteer.approved_at.is_not(None), Volunteer.revoked_at.is_(None))
                .order_by(Volunteer.key_id)
            )
        )
    for key_id in targets:
        drops.deliver(drop, f"{drops.TO_VOLUNTEER}/{key_id}", name, data)
    return targets


def package_file_name(data: bytes) -> str:
    """A name for a package in the drop: kind, revision and id; nothing personal."""
    envelope, _signature = pkg.unpack(data)
    return f"{envelope.kind}-{envelope.revision:06d}-{envelope.package_id[:8]}.hbp"
