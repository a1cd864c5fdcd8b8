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
from concurrent.futures import Future, ThreadPoolExecutor, as_completed, wait
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
# Batches imported per commit from a remote drop: the run of files the importer checks ahead
# at a time. Each commit lets its batches be filed away (a MOVE on the server each) while the
# next run imports, so a large backlog from a distant server files as it goes. A fetch of up to
# one run commits once and then files: measured against Apache on this machine, 100 batches
# took 273 ms in one commit and 319 ms in runs of 25, whose commits and concurrent requests
# slowed the import more than the overlap gained (benchmarks/bench_exchange.py). A folder drop
# always files after one commit: a local rename costs next to nothing.
FILE_EVERY = importer.CHECK_AHEAD_FILES
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
    later: int = 0  # files the drop did not hand over (connection lost): left there for next time

    def lines_nl(self) -> list[str]:
        later = (
            [
                f"{self.later} zending(en) kon(den) niet worden opgehaald: de verbinding met de "
                "uitwisselmap viel weg. Ze blijven in de uitwisselmap staan en worden de "
                "volgende keer opgehaald."
            ]
            if self.later
            else []
        )
        if not self.report.results:
            return later or ["Er stonden geen nieuwe zendingen in de uitwisselmap."]
        return self.report.lines_nl() + later


def fetch(
    store: StoreLike,
    drop: drops.Drop,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> FetchReport:
    """Fetch, import and file every complete batch waiting in the drop.

    Downloads run a few at a time ahead of the import (the network waits overlap with
    decrypting and writing). From a remote drop the import commits every ``FILE_EVERY``
    batches, and the batches of each commit are filed away a few at a time while the next run
    imports; a batch is never moved out of ``naar-coordinator`` before its import is
    committed. No claim is taken first: a batch that two fetches both read is imported once
    (the ledger) and filed by whichever moves it first.
    """
    report = progress or noop_progress
    report(0.0, "Uitwisselmap bekijken")
    vanished: set[str] = set()
    held_back: set[str] = set()

    def download(key_folder: str, name: str) -> bytes | drops.DropError:
        try:
            return drop.read(f"{drops.TO_COORDINATOR}/{key_folder}/{name}", batch.MAX_BATCH_BYTES)
        except drops.DropGoneError as exc:  # filed by another fetch meanwhile
            vanished.add(f"{key_folder}/{name}")
            return exc
        except drops.DropTooLargeError as exc:  # the file itself is junk: refused and filed
            return exc
        except drops.DropError as exc:  # offline, login, a strange answer: not the batch's fault
            held_back.add(f"{key_folder}/{name}")
            return exc

    pool = ThreadPoolExecutor(max_workers=PARALLEL, thread_name_prefix="huisbezoek-drop")
    pending: dict[tuple[str, str], Future[bytes | drops.DropError]] = {}
    try:
        keys = drop.folders(drops.TO_COORDINATOR)
        listings = {pool.submit(drop.files, f"{drops.TO_COORDINATOR}/{k}"): k for k in keys}
        # Each folder's downloads start as soon as its listing is in, not after all listings.
        for listed in as_completed(listings):
            key_folder = listings[listed]
            for entry in listed.result():
                if not entry.name.endswith(drops.PART_SUFFIX):
                    pending[(key_folder, entry.name)] = pool.submit(
                        download, key_folder, entry.name
                    )
    except BaseException:  # offline or junk while listing: no threads left behind
        pool.shutdown(cancel_futures=True)
        raise
    found = sorted(pending)  # (key-id folder, file name): each volunteer's batches in order
    downloads = [pending[k] for k in found]
    log.info("drop fetch: %d files", len(found))

    def scaled(fraction: float, message: str) -> None:
        report(0.05 + 0.85 * fraction, message)

    with pool:

        def loader(index: int) -> Callable[[], bytes]:
            def load() -> bytes:
                got = downloads[index].result()
                if isinstance(got, drops.DropError):
                    raise got
                return got

            return load

        sources = [(f"{k}/{n}", loader(i)) for i, (k, n) in enumerate(found)]
        results: list[importer.BatchImportResult] = []
        moves: list[Future[bool]] = []
        cancelled = False
        try:
            every = FILE_EVERY if drop.remote else max(len(sources), 1)
            for first in range(0, max(len(sources), 1), every):
                chunk = sources[first : first + every]

                def part(
                    fraction: float, message: str, done: int = first, size: int = len(chunk)
                ) -> None:
                    scaled((done + fraction * size) / max(len(sources), 1), message)

                with _IMPORT_LOCK:
                    imported = importer.import_sources(store, chunk, progress=part, cancel=cancel)
                # A batch the drop did not hand over stays where it is for the next fetch.
                kept = [r for r in imported.results if r.file_name not in held_back]
                results.extend(kept)
                # Committed: file this run away while the next one imports.
                moves += [pool.submit(_file_away, drop, outcome) for outcome in kept
                          if outcome.file_name not in vanished]  # fmt: skip
                if imported.cancelled:
                    cancelled = True
                    break
        finally:
            for future in downloads:
                future.cancel()
            wait(moves)
        skipped = len(vanished) + sum(0 if m.result() else 1 for m in moves)
        result = importer.ImportReport(tuple(results), cancelled)
    report(1.0, "Klaar")
    if held_back:
        log.info("drop fetch: %d files not handed over, left for the next fetch", len(held_back))
    return FetchReport(result, skipped, len(held_back))


def _file_away(drop: drops.Drop, outcome: importer.BatchImportResult) -> bool:
    """Move a batch to verwerkt/ or (with the reason beside it) geweigerd/. False when it was
    gone already, or the drop could not be reached: it is imported, and the next fetch files it
    (the ledger knows it)."""
    try:
        return _move_to_folder(drop, outcome)
    except drops.DropError as exc:
        log.info("drop fetch: filing failed (%s); left for the next fetch", type(exc).__name__)
        return False


def _move_to_folder(drop: drops.Drop, outcome: importer.BatchImportResult) -> bool:
    key_folder, name = outcome.file_name.split("/", 1)
    src = f"{drops.TO_COORDINATOR}/{key_folder}/{name}"
    if outcome.status is importer.ImportStatus.REJECTED:
        target = f"{drops.REFUSED}/{key_folder}"
        drop.ensure_folder(target)  # once per folder: the WebDAV drop remembers what it made
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
