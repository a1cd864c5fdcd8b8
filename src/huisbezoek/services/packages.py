"""Accepting the coordinator's signed packages in the volunteer's vault: an assignment adds the
residents to invite, a configuration is kept (``services.configuration`` installs its files).

Every package is checked first (``huisbezoek.exchange.package.verify``) against the
organisation this app was set up with; a refused package changes nothing.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyrage
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from huisbezoek.exchange.package import (
    ASSIGNMENT,
    CONFIGURATION,
    AssignmentBody,
    ConfigurationBody,
    Envelope,
    NotSetUpError,
    OlderConfigurationError,
    PackageError,
    verify,
)
from huisbezoek.services import vault_settings
from huisbezoek.vault.core import Vault

VOLUNTEER_CONFIG_SETTING = vault_settings.CONFIGURATION


def _verify(vault: Vault, data: bytes, kind: str) -> tuple[Envelope, str]:
    """Check the package against the organisation this app was set up with; returns it and
    this volunteer's age identity. Raises a Dutch refusal otherwise."""
    from huisbezoek.services import exchange

    config = exchange.org_config(vault)
    if config is None:
        raise NotSetUpError("volunteer app has no organisation configuration")
    keys = exchange.ensure_volunteer_keys(vault)
    return verify(data, kind, config=config, keys=keys), keys.age_identity


class _OneSession:
    """A VaultLike whose every unit of work is the caller's one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def session(self) -> contextlib.AbstractContextManager[Session]:
        return contextlib.nullcontext(self._session)


@dataclass(frozen=True, slots=True)
class AssignmentResult:
    added: int
    skipped: int
    received: int = 0  # batches the receipt confirmed for the first time
    erased: int = 0  # residents erased here because the coordinator erased them

    def lines_nl(self) -> list[str]:
        lines = [f"{self.added} bewoners toegevoegd, {self.skipped} stonden er al in."]
        if self.received:
            lines.append(
                f"De coördinator heeft {self.received} "
                f"{'zending' if self.received == 1 else 'zendingen'} van u ontvangen."
            )
        if self.erased:
            lines.append(
                f"{self.erased} {'bewoner is' if self.erased == 1 else 'bewoners zijn'} op "
                "verzoek gewist bij de coördinator en nu ook op deze laptop."
            )
        return lines


def accept_assignment(vault: Vault, data: bytes) -> AssignmentResult:
    """Check, decrypt and add the residents to the volunteer's list, all or nothing."""
    from huisbezoek.services import residents as residents_svc
    from huisbezoek.vault.models import ErasedAssignment, Resident

    envelope, identity = _verify(vault, data, ASSIGNMENT)
    try:
        plain = pyrage.decrypt(
            base64.b64decode(envelope.body, validate=True),
            [pyrage.x25519.Identity.from_str(identity)],
        )
        body = AssignmentBody.model_validate_json(plain)
    except (ValueError, binascii.Error, ValidationError, pyrage.DecryptError) as exc:
        raise PackageError(
            f"assignment does not decrypt or validate: {type(exc).__name__}"
        ) from None
    from huisbezoek.services import privacy

    # Erasures first: a resident the coordinator erased must be gone before anything else.
    notices = privacy.apply_erasure_notices(vault, body.erased_signals)
    received = privacy.record_receipts(vault, [r.batch_id for r in body.received])
    added = skipped = 0
    with vault.session() as session:
        erased_refs = set(session.scalars(select(ErasedAssignment.ref)))
        existing = {
            (n.casefold(), residents_svc.normalise_postcode(p), a.casefold())
            for n, p, a in session.execute(
                select(Resident.name, Resident.postcode, Resident.address)
            )
        }
        one = _OneSession(session)
        for person in body.residents:
            key = (
                person.name.casefold(),
                residents_svc.normalise_postcode(person.postcode),
                person.address.casefold(),
            )
            if key in existing or (person.ref is not None and person.ref in erased_refs):
                skipped += 1  # already here, or erased here: never brought back
                continue
            existing.add(key)
            rid = residents_svc.add_resident(
                one,
                residents_svc.ResidentInput(
                    name=person.name,
                    address=person.address,
                    postcode=person.postcode,
                    neighbourhood=person.neighbourhood,
                    birth_date=person.birth_date,
                ),
            )
            if person.ref is not None:
                row = session.get(Resident, rid)
                assert row is not None
                row.assignment_ref = person.ref
            added += 1
    return AssignmentResult(added, skipped, received, notices.residents)


@dataclass(frozen=True, slots=True)
class ConfigChanges:
    """What a configuration package changed, per kind of file; empty lists when nothing."""

    revision: int
    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    recipients_changed: bool = False

    def lines_nl(self) -> list[str]:
        names = {"forms": "Formulieren", "leaflets": "Folders", "services": "Sociale kaart"}
        lines: list[str] = []
        for kind, label in names.items():
            for verb, group in (("nieuw", self.added), ("gewijzigd", self.changed),
                                ("verwijderd", self.removed)):  # fmt: skip
                if group.get(kind):
                    lines.append(f"{label} {verb}: {', '.join(group[kind])}")
        if self.recipients_changed:
            lines.append("De sleutels van de organisatie zijn veranderd.")
        return lines or ["Er is niets veranderd."]


def _diff(old: dict[str, str], new: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    changed = sorted(n for n in set(old) & set(new) if old[n] != new[n])
    return added, changed, removed


def accept_configuration(
    vault: Vault,
    data: bytes,
    *,
    before_store: Callable[[ConfigurationBody], None] | None = None,
) -> ConfigChanges:
    """Check the package, keep it in the vault and say what changed.

    ``before_store`` sees the checked contents before anything is kept and refuses them by
    raising (``services.configuration`` checks and prepares the files there); a package of
    the revision already kept changes nothing and is not shown to it. Visits in
    progress keep the form version they pinned (the vault stores each definition used), so a
    new form version here does not disturb them.
    """
    envelope, _identity = _verify(vault, data, CONFIGURATION)
    try:
        body = ConfigurationBody.model_validate_json(base64.b64decode(envelope.body, validate=True))
    except (ValueError, binascii.Error, ValidationError) as exc:
        raise PackageError(f"configuration does not validate: {type(exc).__name__}") from None
    with vault.session() as session:
        previous: dict[str, Any] = vault_settings.configuration(session) or {}
        if previous and envelope.revision <= int(previous.get("revision", 0)):
            if envelope.revision == int(previous.get("revision", 0)):
                return ConfigChanges(envelope.revision)
            raise OlderConfigurationError("configuration revision is older")
        if before_store is not None:
            before_store(body)  # raising here rolls back; nothing is kept
        old = ConfigurationBody.model_validate(previous.get("body", {}), strict=False)
        changes = ConfigChanges(envelope.revision)
        for kind in ("forms", "leaflets", "services"):
            added, changed, removed = _diff(getattr(old, kind), getattr(body, kind))
            changes.added[kind], changes.changed[kind], changes.removed[kind] = (
                added, changed, removed,
            )  # fmt: skip
        changes = ConfigChanges(
            envelope.revision,
            changes.added,
            changes.changed,
            changes.removed,
            recipients_changed=bool(previous) and old.recipients != body.recipients,
        )
        vault_settings.set_configuration(
            session, {"revision": envelope.revision, "body": body.model_dump()}
        )
    return changes


def stored_configuration(vault: Vault) -> ConfigurationBody | None:
    with vault.session() as session:
        stored = vault_settings.configuration(session)
    if stored is None:
        return None
    return ConfigurationBody.model_validate(stored["body"], strict=False)
