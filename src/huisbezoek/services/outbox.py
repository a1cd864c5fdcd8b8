"""The volunteer's outbox: batches wait in the vault until the organisation's drop is reachable.

"Naar de coördinator sturen" puts a batch in the outbox at once (offline is fine); the app
then sends what waits at unlock, after each export and on "Nu versturen". A batch counts as
sent only after the drop holds the complete file (read back: size and SHA-256, see
``exchange.drop.deliver``); it stays in the vault until the coordinator's receipt says the
batch arrived (:func:`mark_received`). A laptop that sleeps mid-upload loses nothing: the
half-written ``.part`` file is never read by the coordinator and is written again next time.

Packages travel the other way: :func:`fetch_packages` reads the volunteer's own folder in the
drop and accepts configuration and assignment packages through ``services.packages``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from huisbezoek.errors import UserError
from huisbezoek.exchange import drop as drops
from huisbezoek.exchange import package as pkg
from huisbezoek.progress import CancelFlag, ProgressFn, noop_progress
from huisbezoek.services import vault_settings
from huisbezoek.vault import AuditEvent, Vault
from huisbezoek.vault.audit import append_event
from huisbezoek.vault.models import OutboxItem
from huisbezoek.vault.types import utcnow

log = logging.getLogger(__name__)

SETTINGS_SETTING = vault_settings.DROP_SETTINGS
CREDENTIALS_SETTING = vault_settings.DROP_CREDENTIALS
FOLDER_SETTING = vault_settings.DROP_FOLDER
SEEN_PACKAGES_SETTING = vault_settings.DROP_SEEN_PACKAGES


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    waiting: int  # not yet in the drop
    unconfirmed: int  # in the drop, no receipt from the coordinator yet
    last_sent: datetime | None
    last_error: str | None  # the class name of the last failure of a waiting batch
    configured: bool  # the organisation set a drop (and, for WebDAV, credentials exist)

    def line_nl(self) -> str:
        """The status line the volunteer sees."""
        if self.waiting:
            n = self.waiting
            what = "1 zending wacht" if n == 1 else f"{n} zendingen wachten"
            if not self.configured:
                return f"{what} om verstuurd te worden (geen uitwisselmap ingesteld)."
            if self.last_error in (None, "DropOfflineError"):
                return f"{what} op internet."
            return f"{what}: versturen lukte niet. Kies 'Nu versturen' voor de reden."
        if self.last_sent is not None:
            when = self.last_sent.astimezone().strftime("%d-%m-%Y %H:%M")
            return f"Alles is verstuurd (laatst op {when})."
        return "Er wacht niets om te versturen."


@dataclass(frozen=True, slots=True)
class SendReport:
    sent: int
    waiting: int
    error: UserError | None = None
    configured: bool = True  # False: no drop set, nothing was tried


def _get(vault: Vault, key: str) -> Any:
    with vault.session() as s:
        return vault_settings.read(s, key)


def _put(vault: Vault, key: str, value: Any) -> None:
    with vault.session() as s:
        vault_settings.write(s, key, value)


# -- where the drop is ----------------------------------------------------------------------


def drop_settings(vault: Vault) -> drops.DropSettings | None:
    """The drop the organisation's configuration package names; else the one set by hand
    (the coordinator tells a new volunteer the address before any package has arrived)."""
    from huisbezoek.services.packages import stored_configuration

    body = stored_configuration(vault)
    if body is not None and body.drop is not None:
        return body.drop
    value = _get(vault, SETTINGS_SETTING)
    return None if value is None else drops.DropSettings.model_validate(value)


def set_webdav(vault: Vault, url: str, username: str, password: str) -> None:
    """A WebDAV drop (HTTPS) with the volunteer's own login, kept only in the vault."""
    settings = drops.DropSettings(kind="webdav", url=drops.check_url(url))
    set_credentials(vault, username, password)
    _put(vault, SETTINGS_SETTING, settings.model_dump())


def set_credentials(vault: Vault, username: str, password: str) -> None:
    """The volunteer's own login for a WebDAV drop; kept only in the encrypted vault."""
    username, password = username.strip(), password.strip()
    if not username or not password:
        raise UserError(
            "empty drop credentials",
            message_nl="Vul de gebruikersnaam en het wachtwoord van de uitwisselmap in.",
        )
    _put(vault, CREDENTIALS_SETTING, {"username": username, "password": password})


def credentials(vault: Vault) -> drops.Credentials | None:
    value = _get(vault, CREDENTIALS_SETTING)
    return None if not value else drops.Credentials(value["username"], value["password"])


def set_folder(vault: Vault, folder: Path) -> None:
    """The local folder (a sync client's or a network share) for a folder drop."""
    if not Path(folder).is_dir():
        raise UserError("drop folder missing", message_nl=f"De map {folder} bestaat niet.")
    _put(vault, FOLDER_SETTING, str(folder))
    if drop_settings(vault) is None:
        _put(vault, SETTINGS_SETTING, drops.DropSettings(kind="folder").model_dump())


def open_volunteer_drop(vault: Vault) -> drops.Drop | None:
    """The drop to send through, or None when the organisation set none (or it is incomplete)."""
    settings = drop_settings(vault)
    if settings is None:
        return None
    folder = _get(vault, FOLDER_SETTING)
    login = credentials(vault)
    if settings.kind == "webdav" and login is None:
        return None
    if settings.kind == "folder" and not folder:
        return None
    return drops.open_drop(settings, credentials=login, folder=Path(folder) if folder else None)


# -- the outbox ----------------------------------------------------------------------------


def status(vault: Vault) -> OutboxStatus:
    with vault.session() as s:
        waiting = s.scalar(select(func.count()).where(OutboxItem.sent_at.is_(None))) or 0
        unconfirmed = (
            s.scalar(
                select(func.count()).where(
                    OutboxItem.sent_at.is_not(None), OutboxItem.received_at.is_(None)
                )
            )
            or 0
        )
        last_sent = s.scalar(select(func.max(OutboxItem.sent_at)))
        last_error = s.scalar(
            select(OutboxItem.last_error)
            .where(OutboxItem.sent_at.is_(None), OutboxItem.last_error.is_not(None))
            .order_by(OutboxItem.queued_at.desc())
            .limit(1)
        )
    settings = drop_settings(vault)
    configured = (
        settings is not None
        and (_get(vault, FOLDER_SETTING) if settings.kind == "folder" else credentials(vault))
        is not None
    )
    if isinstance(last_sent, str):  # max() over the text column skips the type decorator
        last_sent = datetime.fromisoformat(last_sent)
    return OutboxStatus(waiting, unconfirmed, last_sent, last_error, configured)


def send_waiting(
    vault: Vault,
    drop: drops.Drop,
    key_id: str,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> SendReport:
    """Deliver every waiting batch, oldest first. The first failure stops the run (the next
    file would meet the same closed door); what was delivered before it stays delivered."""
    report = progress or noop_progress
    with vault.session() as s:
        waiting = list(
            s.execute(
                select(OutboxItem.batch_id, OutboxItem.file_name)
                .where(OutboxItem.sent_at.is_(None))
                .order_by(OutboxItem.queued_at, OutboxItem.file_name)
            ).all()
        )
    folder = f"{drops.TO_COORDINATOR}/{key_id}"
    sent = 0
    for index, (batch_id, name) in enumerate(waiting):
        if cancel is not None and cancel.is_set():
            break
        report(index / max(len(waiting), 1), f"Zending {index + 1} van {len(waiting)} versturen")
        with vault.session() as s:
            data = s.scalar(select(OutboxItem.data).where(OutboxItem.batch_id == batch_id))
        if data is None:  # already confirmed and emptied by a receipt meanwhile
            continue
        try:
            drops.deliver(drop, folder, name, data)
        except drops.DropError as exc:
            log.info("outbox: sending stopped (%s)", exc.log_message)
            _failed(vault, batch_id, exc)
            return SendReport(sent, len(waiting) - sent, exc)
        with vault.session() as s:
            s.execute(
                update(OutboxItem)
                .where(OutboxItem.batch_id == batch_id)
                .values(sent_at=utcnow(), attempts=OutboxItem.attempts + 1, last_error=None)
            )
            append_event(
                s.connection(), vault.schema.audit_table, AuditEvent.EXPORT,
                {"batch_id": batch_id, "sent_to_drop": True},
            )  # fmt: skip
        sent += 1
    report(1.0, "Klaar")
    return SendReport(sent, len(waiting) - sent)


def _failed(vault: Vault, batch_id: str, exc: UserError) -> None:
    with vault.session() as s:
        s.execute(
            update(OutboxItem)
            .where(OutboxItem.batch_id == batch_id)
            .values(attempts=OutboxItem.attempts + 1, last_error=type(exc).__name__[:80])
        )


def mark_received(vault: Vault, batch_ids: list[str]) -> int:
    """The coordinator confirmed these batches: the outbox lets go of their bytes."""
    if not batch_ids:
        return 0
    with vault.session() as s:
        result = s.execute(
            update(OutboxItem)
            .where(OutboxItem.batch_id.in_(batch_ids), OutboxItem.received_at.is_(None))
            .values(received_at=utcnow(), data=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


def send_now(
    vault: Vault,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> SendReport:
    """Send what waits and fetch new packages, if a drop is set; the GUI's and CLI's entry."""
    from huisbezoek.services.exchange import ensure_volunteer_keys

    drop = open_volunteer_drop(vault)
    if drop is None:
        return SendReport(0, status(vault).waiting, configured=False)
    key_id = ensure_volunteer_keys(vault).key_id_hex
    result = send_waiting(vault, drop, key_id, progress=progress, cancel=cancel)
    if result.error is None:
        try:
            fetch_packages(vault, drop, key_id)
        except drops.DropError as exc:
            return SendReport(result.sent, result.waiting, exc)
    return result


# -- packages back from the coordinator --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchedPackage:
    name: str
    kind: str
    accepted: bool
    message_nl: str = ""


def fetch_packages(
    vault: Vault,
    drop: drops.Drop,
    key_id: str,
    *,
    accept_configuration: Callable[[Vault, bytes], object] | None = None,
) -> list[FetchedPackage]:
    """Read packages for this volunteer from the drop that were not read before and accept
    them. A refused package (older, for someone else, damaged) is remembered too, so it is
    not tried on every start; the coordinator sees nothing of it."""
    from huisbezoek.services import packages

    folder = f"{drops.TO_VOLUNTEER}/{key_id}"
    seen: set[str] = set(_get(vault, SEEN_PACKAGES_SETTING) or [])
    out: list[FetchedPackage] = []
    for entry in drop.files(folder):
        if entry.name in seen or entry.name.endswith(drops.PART_SUFFIX):
            continue
        if entry.size > pkg.MAX_PACKAGE_BYTES:
            out.append(FetchedPackage(entry.name, "?", False, drops.DropJunkError.message_nl))
            seen.add(entry.name)
            continue
        data = drop.read(f"{folder}/{entry.name}", limit=pkg.MAX_PACKAGE_BYTES)
        try:
            kind = pkg.package_kind(data)
            if kind == pkg.ASSIGNMENT:
                packages.accept_assignment(vault, data)
            else:
                accept = accept_configuration or _accept_configuration
                accept(vault, data)
        except UserError as exc:
            log.info("drop package refused: %s", exc.log_message)
            out.append(FetchedPackage(entry.name, "?", False, exc.message_nl))
        else:
            out.append(FetchedPackage(entry.name, kind, True))
        seen.add(entry.name)
    _put(vault, SEEN_PACKAGES_SETTING, sorted(seen))
    return out


def _accept_configuration(vault: Vault, data: bytes) -> object:
    from huisbezoek.services import configuration

    return configuration.apply_configuration_package(vault, data)
