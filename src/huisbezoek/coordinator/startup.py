"""The coordinator's first start: making the coordinator store with a new organisation
identity, opening it with the recovery key, and writing the organisation file for volunteers.

The order of the first-start steps (shared with the volunteer's) is ``services.startup``'s
``FirstStartFlow``; the GUI draws it and calls these for the coordinator's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from huisbezoek import paths
from huisbezoek.domain import OrganisationSummary, person_name_problem
from huisbezoek.errors import InvalidInputError
from huisbezoek.fsutil import atomic_write

if TYPE_CHECKING:
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import KdfParams


def check_user_name(name: str) -> str:
    """The Dutch problem with the coordinator's own name, or an empty string when it is fine."""
    return person_name_problem(name)


@dataclass(frozen=True, slots=True)
class OpenedCoordinator:
    """An open coordinator vault and who is working in it (written beside every change)."""

    vault: Any
    user: str
    organisation: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class CreatedCoordinator:
    opened: OpenedCoordinator
    #: Shown once on screen, like the volunteer's; never stored.
    recovery_key: str


def check_organisation_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        return "Vul de naam van de organisatie in."
    if len(name) > 200:
        return "Deze naam is te lang."
    return ""


def create_coordinator_vault(
    organisation: str,
    user: str,
    passphrase: str,
    *,
    folder: Path | None = None,
    kdf: KdfParams | None = None,
) -> CreatedCoordinator:
    """Make the coordinator vault with a new organisation identity (as ``org init``)."""
    for problem in (check_organisation_name(organisation), check_user_name(user)):
        if problem:
            raise InvalidInputError("bad name", message_nl=problem)
    from huisbezoek.coordinator.organisation import init_organisation

    created = init_organisation(
        folder or paths.default_coordinator_dir(), passphrase, organisation, kdf=kdf
    )
    opened = OpenedCoordinator(
        vault=created.store,
        user=" ".join(user.split()),
        organisation=created.config.name,
        fingerprint=created.config.fingerprint,
    )
    return CreatedCoordinator(opened=opened, recovery_key=created.recovery_key)


def unlock_coordinator_with_recovery_key(
    recovery_key: str,
    new_passphrase: str,
    *,
    folder: Path | None = None,
    kdf: KdfParams | None = None,
) -> Vault:
    """Open the coordinator vault with its recovery key and set a new passphrase at once."""
    from huisbezoek.coordinator.store.schema import COORDINATOR_SCHEMA
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import check_passphrase_strength

    check_passphrase_strength(new_passphrase)
    vault = Vault.open_with_recovery(
        folder or paths.default_coordinator_dir(), recovery_key, schema=COORDINATOR_SCHEMA
    )
    try:
        vault.reset_passphrase(new_passphrase, kdf=kdf)
    except BaseException:
        vault.close()
        raise
    return vault


def save_organisation_file(opened: OpenedCoordinator, path: Path) -> OrganisationSummary:
    """Write the organisation's configuration file for volunteers (public keys only)."""
    from huisbezoek.coordinator.organisation import organisation_config

    config = organisation_config(opened.vault)
    atomic_write(path, config.to_bytes(), mode=0o644)
    return OrganisationSummary(name=config.name, fingerprint=config.fingerprint)
