"""The coordinator's side of the drop: fetch batches, file them as done or refused, and
publish packages to each volunteer's folder.

"Ophalen" lists ``naar-coordinator/<key-id>/`` for every volunteer, reads each complete file
(``.part`` files are uploads in progress), imports them through the normal importer in one
run, and then moves each file to ``verwerkt/<key-id>/`` or ``geweigerd/<key-id>/`` with a
``.reden.txt`` beside it. The import ledger makes a batch imported twice change nothing, so a
fetch that stops halfway (or two coordinators fetching at once) is simply run again: a file
already imported is moved to ``verwerkt`` the next time, and a file another coordinator moved
first is skipped.

The drop's place (kind and URL) is a setting of the store and travels to volunteers in the
configuration package; the coordinator's own login is kept in the store (encrypted at rest in
the SQLCipher store).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
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

CLAIMED = "bezig"
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
    """Fetch, import and file every complete batch waiting in the drop."""
    report = progress or noop_progress
    report(0.0, "Uitwisselmap bekijken")
    run = uuid.uuid4().hex[:8]
    claimed: list[tuple[str, str, str]] = []  # (key-id folder, file name, claimed path)
    # Claim each file by moving it (an atomic rename on a folder, MOVE on WebDAV): two
    # fetches never work on the same file. A claim left by a fetch that stopped halfway is
    # taken over; the import ledger makes a second import of it change nothing.
    for key_folder in drop.folders(CLAIMED):
        for entry in drop.files(f"{CLAIMED}/{key_folder}"):
            claimed.append((key_folder, entry.name, f"{CLAIMED}/{key_folder}/{entry.name}"))
    for key_folder in drop.folders(drops.TO_COORDINATOR):
        for entry in drop.files(f"{drops.TO_COORDINATOR}/{key_folder}"):
            if entry.name.endswith(drops.PART_SUFFIX):
                continue
            src = f"{drops.TO_COORDINATOR}/{key_folder}/{entry.name}"
            target = f"{CLAIMED}/{key_folder}/{entry.name}"
            if drop.move(src, target):
                claimed.append((key_folder, entry.name, target))
    log.info("drop fetch %s: %d files claimed", run, len(claimed))

    skipped = 0
    vanished: set[str] = set()

    def loader(key_folder: str, name: str, path: str):  # type: ignore[no-untyped-def]
        def load() -> bytes:
            try:
                return drop.read(path, batch.MAX_BATCH_BYTES)
            except drops.DropJunkError:
                vanished.add(f"{key_folder}/{name}")
                raise

        return load

    def scaled(fraction: float, message: str) -> None:
        report(0.05 + 0.85 * fraction, message)

    sources = [(f"{k}/{n}", loader(k, n, p)) for k, n, p in claimed]
    with _IMPORT_LOCK:
        result = importer.import_sources(store, sources, progress=scaled, cancel=cancel)
    for outcome in result.results:
        key_folder, name = outcome.file_name.split("/", 1)
        src = f"{CLAIMED}/{key_folder}/{name}"
        if outcome.file_name in vanished:
            skipped += 1  # another fetch filed it meanwhile
            continue
        if outcome.status is importer.ImportStatus.REJECTED:
            target = f"{drops.REFUSED}/{key_folder}"
            drop.ensure_folder(target)
            reason = f"{outcome.reason_nl}\n({outcome.error})\n".encode()
            drop.write(f"{target}/{name}{drops.REASON_SUFFIX}", reason)
        else:
            target = f"{drops.DONE}/{key_folder}"
        if not drop.move(src, f"{target}/{name}"):
            skipped += 1
    report(1.0, "Klaar")
    return FetchReport(result, skipped)


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
