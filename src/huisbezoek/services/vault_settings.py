"""The vault's ``settings`` table, typed: every key the application keeps there, in one place.

Values are JSON text. Each reader and writer of the table goes through this module, so a key is
spelled once. A damaged value raises (``ValueError``) where reading on would lose something,
such as the volunteer's keys; the name and the place in a visit read as "not set". (The
application's comfort settings, such as text size and theme, are not personal data and live in
a file: ``services.settings``.)
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from huisbezoek.vault.models import Setting

#: The volunteer's own name (shown on printouts and in the enrolment file).
VOLUNTEER_NAME = "volunteer_name"
#: The volunteer's signing key and age identity, serialised by ``exchange.keys.VolunteerKeys``.
VOLUNTEER_KEYS = "exchange.volunteer_keys"
#: The organisation's configuration file as read at setup (``exchange.keys.OrgConfig``).
ORG_CONFIG = "exchange.org_config"
#: Before vault revision 0003, the namespace of derived signal ids (read by that migration,
#: which keeps its own copy of the key).
SIGNAL_NAMESPACE = "exchange.signal_namespace"
#: The organisation's accepted configuration package: its revision and its files.
CONFIGURATION = "coordinator.configuration"
#: The drop set by hand (``exchange.drop.DropSettings``) when no package names one.
DROP_SETTINGS = "drop.settings"
#: The volunteer's own login for a WebDAV drop (kept only here, in the encrypted vault).
DROP_CREDENTIALS = "drop.credentials"
#: The local folder of a folder drop (a sync client's folder or a network share).
DROP_FOLDER = "drop.folder"
#: Names of packages already read from the drop (accepted or refused), not read again.
DROP_SEEN_PACKAGES = "drop.seen_packages"
#: Where the volunteer was in a visit (one key per visit).
_VISIT_POSITION = "visit_flow.position.{visit_id}"


def read(session: Session, key: str) -> Any:
    """The value kept under ``key``, or None when it is missing; ``ValueError`` when damaged."""
    row = session.get(Setting, key)
    return None if row is None else json.loads(row.value)


def _read_lenient(session: Session, key: str) -> Any:
    try:
        return read(session, key)
    except ValueError:
        return None


def write(session: Session, key: str, value: Any) -> None:
    """Keep ``value`` (JSON-serialisable) under ``key``, replacing what was there."""
    session.merge(Setting(key=key, value=json.dumps(value)))


def volunteer_name(session: Session) -> str:
    """The volunteer's name, or an empty string when none is kept."""
    value = _read_lenient(session, VOLUNTEER_NAME)
    return value if isinstance(value, str) else ""


def set_volunteer_name(session: Session, name: str) -> None:
    write(session, VOLUNTEER_NAME, name)


def volunteer_keys(session: Session) -> str | None:
    """The serialised volunteer keys, or None before they are made."""
    value = read(session, VOLUNTEER_KEYS)
    return None if value is None else str(value)


def set_volunteer_keys(session: Session, serialised: str) -> None:
    write(session, VOLUNTEER_KEYS, serialised)


def org_config(session: Session) -> dict[str, Any] | None:
    value = read(session, ORG_CONFIG)
    return value if isinstance(value, dict) else None


def set_org_config(session: Session, document: dict[str, Any]) -> None:
    write(session, ORG_CONFIG, document)


def configuration(session: Session) -> dict[str, Any] | None:
    """The accepted configuration package (``{"revision": n, "body": {...}}``), or None."""
    value = read(session, CONFIGURATION)
    return value if isinstance(value, dict) else None


def set_configuration(session: Session, document: dict[str, Any]) -> None:
    write(session, CONFIGURATION, document)


def visit_position(session: Session, visit_id: int) -> dict[str, Any] | None:
    value = _read_lenient(session, _VISIT_POSITION.format(visit_id=visit_id))
    return value if isinstance(value, dict) else None


def set_visit_position(session: Session, visit_id: int, position: dict[str, Any]) -> None:
    write(session, _VISIT_POSITION.format(visit_id=visit_id), position)


def forget_visit_positions(session: Session, visit_ids: list[int]) -> None:
    """Drop the remembered place of these visits (they are being erased)."""
    from sqlalchemy import delete

    keys = [_VISIT_POSITION.format(visit_id=v) for v in visit_ids]
    session.execute(delete(Setting).where(Setting.key.in_(keys)))
