"""Starting the application: first start, creating and unlocking the vault, the demo vault.

The first-start flow is decided here (as Electrum's wizard ``navmap``), the GUI only draws
it. The demo vault holds fictional residents and has a known passphrase
(:data:`DEMO_PASSPHRASE`), which the unlock screen shows only when a marker file beside the
settings says the vault is the demo one; a real vault never gets that marker.
"""

from __future__ import annotations

import importlib
import json
import logging
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from huisbezoek import paths
from huisbezoek.domain import OrganisationSummary, person_name_problem
from huisbezoek.errors import InvalidInputError
from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import FileRefusedError, loads_json, read_bounded

if TYPE_CHECKING:
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import KdfParams

# Importing anything under ``huisbezoek.vault`` loads SQLAlchemy, Alembic and the crypto
# libraries (about 0.4 s). The unlock screen needs none of that to appear, so this module
# imports the vault inside the functions that open it; the unlock itself runs on a worker.

#: Same as ``huisbezoek.vault.keyslots.MIN_PASSPHRASE_CHARS`` (a test keeps them equal).
MIN_PASSPHRASE_CHARS = 10
#: The files whose presence means a vault is there (names from ``huisbezoek.paths``).
VAULT_FILES = (paths.VAULT_DB_NAME, paths.VAULT_KEYS_NAME)

log = logging.getLogger(__name__)

__all__ = [
    "DEMO_PASSPHRASE",
    "MIN_PASSPHRASE_CHARS",
    "FirstStartFlow",
    "Role",
    "Step",
]

#: The demo vault's passphrase; shown on the unlock screen of a demo vault only.
DEMO_PASSPHRASE = "demo kluis oefenen"  # noqa: S105 (public on purpose: fictional data)
DEMO_MARKER = "demo-vault.json"


# -- the first-start flow ---------------------------------------------------------------------


class Step(StrEnum):
    ROLE = "rol"
    NAME = "naam"
    ORG_NAME = "organisatienaam"
    PASSPHRASE = "wachtwoordzin"  # noqa: S105 (a step name, not a secret)
    RECOVERY_KEY = "herstelsleutel"
    CONFIRM_KEY = "controle"
    ORGANISATION = "organisatie"
    ORG_FILE = "organisatiebestand"


class Role(StrEnum):
    """Who uses this computer; decides which vault the first start makes."""

    VOLUNTEER = "volunteer"
    COORDINATOR = "coordinator"


class FirstStartFlow:
    """The order of the first-start steps and which of them allow going back.

    The first step chooses the role; the steps after it depend on that choice. Once the vault
    is made (after the passphrase) there is no way back to the name and passphrase: the
    recovery key shown belongs to that vault.
    """

    VOLUNTEER_ORDER: tuple[Step, ...] = (
        Step.ROLE,
        Step.NAME,
        Step.PASSPHRASE,
        Step.RECOVERY_KEY,
        Step.CONFIRM_KEY,
        Step.ORGANISATION,
    )
    COORDINATOR_ORDER: tuple[Step, ...] = (
        Step.ROLE,
        Step.ORG_NAME,
        Step.PASSPHRASE,
        Step.RECOVERY_KEY,
        Step.CONFIRM_KEY,
        Step.ORG_FILE,
    )

    def __init__(self, role: Role = Role.VOLUNTEER) -> None:
        self.role = role

    @property
    def order(self) -> tuple[Step, ...]:
        return self.COORDINATOR_ORDER if self.role is Role.COORDINATOR else self.VOLUNTEER_ORDER

    def first(self) -> Step:
        return self.order[0]

    def next_step(self, step: Step) -> Step | None:
        i = self.order.index(step)
        return self.order[i + 1] if i + 1 < len(self.order) else None

    def previous_step(self, step: Step) -> Step | None:
        if not self.can_go_back(step):
            return None
        return self.order[self.order.index(step) - 1]

    def can_go_back(self, step: Step) -> bool:
        return step in (Step.NAME, Step.ORG_NAME, Step.PASSPHRASE, Step.CONFIRM_KEY)

    def position(self, step: Step) -> tuple[int, int]:
        return self.order.index(step) + 1, len(self.order)


# -- checks in plain words --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PassphraseHint:
    #: 0 too short, 1 weak, 2 reasonable, 3 strong
    level: int
    message_nl: str


_COMMON = {"wachtwoord", "password", "welkom", "qwerty", "huisbezoek", "123456", "geheim"}

#: The example shown on the passphrase screen. Everyone who sees that screen knows it, so it
#: is rated weak however long it is.
EXAMPLE_PASSPHRASE = "fiets kopje regen zeven"  # noqa: S105 (shown to users as an example)


def _words_only(text: str) -> str:
    return " ".join("".join(c for c in text.lower() if c.isalnum() or c.isspace()).split())


def passphrase_hint(passphrase: str) -> PassphraseHint:
    """A plain-words judgement of a passphrase, for the hint under the field."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE_CHARS:
        return PassphraseHint(
            0,
            f"Nog te kort: gebruik minstens {MIN_PASSPHRASE_CHARS} tekens (nu {len(text)}).",
        )
    words = [w for w in text.replace("-", " ").split() if len(w) >= 3]
    lowered = text.lower()
    if _words_only(text) == _words_only(EXAMPLE_PASSPHRASE):
        return PassphraseHint(
            1,
            "Zwak: dit is het voorbeeld van het scherm, dat kent iedereen. Kies uw eigen woorden.",
        )
    if len(set(lowered)) <= 3 or any(c in lowered for c in _COMMON) or lowered.isdigit():
        return PassphraseHint(
            1,
            "Zwak: deze is makkelijk te raden. Kies een paar gewone woorden die bij elkaar "
            "niets betekenen.",
        )
    if len(words) >= 4 or len(text) >= 24:
        return PassphraseHint(3, "Sterk. Goed gekozen.")
    if len(words) >= 3 or len(text) >= 16:
        return PassphraseHint(2, "Redelijk. Met nog een woord erbij wordt hij sterk.")
    return PassphraseHint(1, "Zwak: voeg nog een paar woorden toe.")


def check_new_passphrase(first: str, second: str) -> str:
    """The Dutch problem with a new passphrase pair, or an empty string when it is fine."""
    hint = passphrase_hint(first)
    if hint.level == 0:
        return hint.message_nl
    if first != second:
        return "De twee wachtwoordzinnen zijn niet hetzelfde. Typ ze nog eens."
    return ""


def check_volunteer_name(name: str) -> str:
    return person_name_problem(name)


def last_group_matches(recovery_key: str, typed: str) -> bool:
    """True when ``typed`` is the last group of the recovery key (case and dashes ignored)."""
    groups = [g for g in recovery_key.split("-") if g]
    if not groups or not typed.strip():
        return False
    from huisbezoek.vault.recoverykey import normalise

    try:
        return normalise(typed) == normalise(groups[-1])
    except (ValueError, InvalidInputError):
        return False


# -- which vault is there ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VaultInfo:
    folder: Path
    exists: bool
    #: The demo passphrase when this is the demo vault, else None.
    demo_passphrase: str | None


def _marker_path() -> Path:
    return paths.data_dir() / DEMO_MARKER


def vault_info(folder: Path | None = None) -> VaultInfo:
    folder = folder or paths.default_vault_dir()
    exists = any((folder / name).exists() for name in VAULT_FILES)
    demo = None
    if exists:
        # The marker belongs to the vault it was made with (its id from the key file), not
        # to the folder: a real backup restored there, or a new vault made there, is never
        # shown as the demo with the demo passphrase.
        try:
            marker = loads_json(read_bounded(_marker_path(), 4096), max_depth=2)
        except FileRefusedError:
            marker = None
        vault_id = _key_file_doc(folder).get("vault_id")
        if (
            isinstance(marker, dict)
            and marker.get("folder") == str(folder)
            and isinstance(vault_id, str)
            and marker.get("vault_id") == vault_id
        ):
            demo = DEMO_PASSPHRASE
    return VaultInfo(folder=folder, exists=exists, demo_passphrase=demo)


@dataclass(frozen=True, slots=True)
class Installed:
    role: Role
    folder: Path


def installed_workspace() -> Installed | None:
    """Which workspace the normal start opens: the kind of vault on disk, None on a first start.

    The volunteer's vault (``vault/``) comes first: a coordinator vault beside it (made with
    ``huisbezoek org init``) is then opened only with ``huisbezoek coordinator gui``, so a
    volunteer's start never shows coordinator screens. The kind is read from the key-slot
    file, which needs no passphrase.
    """
    for folder in (paths.default_vault_dir(), paths.default_coordinator_dir()):
        if vault_info(folder).exists:
            kind = _key_file_kind(folder)
            if kind == Role.COORDINATOR.value:
                return Installed(Role.COORDINATOR, folder)
            return Installed(Role.VOLUNTEER, folder)
    return None


def _key_file_doc(folder: Path) -> dict[str, Any]:
    """The key file's plain header fields (no passphrase needed); {} when unreadable."""
    try:
        doc = loads_json(read_bounded(folder / VAULT_FILES[1], 64 * 1024), max_depth=8)
    except FileRefusedError:
        return {}
    return doc if isinstance(doc, dict) else {}


def _key_file_kind(folder: Path) -> str:
    kind = _key_file_doc(folder).get("kind")
    return kind if isinstance(kind, str) else ""


def _write_demo_marker(folder: Path, vault_id: str) -> None:
    marker = {"folder": str(folder), "vault_id": vault_id}
    atomic_write(_marker_path(), json.dumps(marker).encode())


def _clear_demo_marker() -> None:
    _marker_path().unlink(missing_ok=True)


class HasVault(Protocol):
    """An opened volunteer vault or coordinator store (both carry the open ``vault``)."""

    @property
    def vault(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class OpenedVault:
    """An unlocked vault and what the screens need to know about it."""

    vault: Any
    volunteer_name: str
    is_demo: bool
    purged: int = 0  # residents the retention run at unlock removed


@dataclass(frozen=True, slots=True)
class CreatedVault:
    opened: OpenedVault
    #: Shown once on screen as groups, e.g. ``7K2Q-…-M3XA``; never stored.
    recovery_key: str


# -- creating and unlocking -------------------------------------------------------------------


def _read_name(vault: Vault) -> str:
    from huisbezoek.services import vault_settings

    with vault.session() as s:
        return vault_settings.volunteer_name(s)


def set_volunteer_name(vault: Vault, name: str) -> None:
    from huisbezoek.services import vault_settings

    problem = check_volunteer_name(name)
    if problem:
        raise InvalidInputError("bad volunteer name", message_nl=problem)
    with vault.session() as s:
        vault_settings.set_volunteer_name(s, " ".join(name.split()))


def _opened(vault: Vault, folder: Path) -> OpenedVault:
    from huisbezoek.services.privacy import purge_at_unlock

    _restore_configuration(vault)
    return OpenedVault(
        vault=vault,
        volunteer_name=_read_name(vault),
        is_demo=vault_info(folder).demo_passphrase is not None,
        purged=purge_at_unlock(vault),  # retention: audited, never blocks the unlock
    )


def _restore_configuration(vault: Vault) -> None:
    """Put the organisation's accepted configuration back into effect if its files are gone
    (e.g. a vault restored on another laptop). Never stands in the way of unlocking."""
    from huisbezoek.errors import UserError
    from huisbezoek.services.configuration import ensure_installed

    try:
        ensure_installed(vault)
    except (OSError, UserError) as exc:
        log.warning("configuration files not written again: %s", type(exc).__name__)


def create_vault(
    name: str,
    passphrase: str,
    *,
    folder: Path | None = None,
    kdf: KdfParams | None = None,
) -> CreatedVault:
    """Make the volunteer's vault (first start); returns it open with the recovery key."""
    problem = check_volunteer_name(name)
    if problem:
        raise InvalidInputError("bad volunteer name", message_nl=problem)
    from huisbezoek.vault.core import Vault

    folder = folder or paths.default_vault_dir()
    vault, recovery_key = Vault.create(folder, passphrase, kdf=kdf)
    try:
        set_volunteer_name(vault, name)
        # The signing key exists from the start, so enrolment never waits for a first export.
        from huisbezoek.services.exchange import ensure_volunteer_keys

        ensure_volunteer_keys(vault)
    except BaseException:
        vault.close()
        raise
    if vault_info(folder).demo_passphrase is not None:
        _clear_demo_marker()  # a stale marker must never reveal a real vault's passphrase
    return CreatedVault(opened=_opened(vault, folder), recovery_key=recovery_key)


def unlock(
    passphrase: str, *, folder: Path | None = None, kdf: KdfParams | None = None
) -> OpenedVault:
    """Open the vault with the passphrase (about a second of key derivation, on purpose)."""
    from huisbezoek.vault.core import Vault

    del kdf  # the parameters are stored in the key slot
    folder = folder or paths.default_vault_dir()
    return _opened(Vault.open(folder, passphrase), folder)


def unlock_with_recovery_key(
    recovery_key: str,
    new_passphrase: str,
    *,
    folder: Path | None = None,
    kdf: KdfParams | None = None,
) -> OpenedVault:
    """Open with the recovery key and set a new passphrase at once."""
    from huisbezoek.vault.core import Vault
    from huisbezoek.vault.keyslots import check_passphrase_strength

    folder = folder or paths.default_vault_dir()
    check_passphrase_strength(new_passphrase)
    vault = Vault.open_with_recovery(folder, recovery_key)
    try:
        vault.reset_passphrase(new_passphrase, kdf=kdf)
    except BaseException:
        vault.close()
        raise
    return _opened(vault, folder)


def close(opened: OpenedVault | None) -> None:
    if opened is not None and not opened.vault.closed:
        opened.vault.close()


# -- the demo vault ---------------------------------------------------------------------------


def create_demo_vault(*, folder: Path | None = None, kdf: KdfParams | None = None) -> None:
    """A vault of fictional residents with the known :data:`DEMO_PASSPHRASE`; left closed."""
    from huisbezoek.services.demo import fill_demo_vault
    from huisbezoek.vault.core import Vault

    folder = folder or paths.default_vault_dir()
    vault, _ = Vault.create(folder, DEMO_PASSPHRASE, kdf=kdf)
    try:
        set_volunteer_name(vault, "Ria Voorbeeld")  # fictional, like the residents
        fill_demo_vault(vault)
    finally:
        vault.close()
    _write_demo_marker(folder, vault.vault_id)


# -- organisation and the recovery sheet (other areas; used when they are there) -------------


def add_organisation(opened: OpenedVault | None, path: Path) -> OrganisationSummary:
    """Read the coordinating organisation's configuration file and keep it in the vault."""
    if opened is None:
        raise InvalidInputError("no vault", message_nl="Maak eerst de kluis.")
    try:
        exchange_services = importlib.import_module("huisbezoek.services.exchange")
    except ImportError:
        raise InvalidInputError(
            "exchange services not available",
            message_nl=(
                "Dit kan nog niet in deze versie. U kunt het bestand later toevoegen via "
                "het menu Bestand."
            ),
        ) from None
    adder = getattr(exchange_services, "import_org_config", None)
    if adder is None:
        raise InvalidInputError(
            "exchange services lack import_org_config",
            message_nl="Dit kan nog niet in deze versie. U kunt het bestand later toevoegen.",
        )
    result = adder(opened.vault, path)
    return OrganisationSummary(
        name=str(getattr(result, "name", "")), fingerprint=str(getattr(result, "fingerprint", ""))
    )


def can_print_recovery_sheet() -> bool:
    """True when the printing area's recovery sheet is installed."""
    try:
        importlib.import_module("huisbezoek.printing.recovery")
    except ImportError:
        return False
    return True


def recovery_sheet_pdf(opened: HasVault, recovery_key: str) -> bytes:
    """The recovery-key sheet as PDF bytes (printing area); nothing is written anywhere."""
    from datetime import date

    try:
        recovery = importlib.import_module("huisbezoek.printing.recovery")
    except ImportError:
        raise InvalidInputError(
            "printing not available", message_nl="Afdrukken kan nog niet in deze versie."
        ) from None
    pdf = recovery.render_recovery_sheet(
        recovery_key, vault_id=opened.vault.vault_id, created=date.today()
    )
    return bytes(pdf)


def save_recovery_sheet(path: Path, opened: HasVault, recovery_key: str) -> Path:
    """Write the recovery-key sheet as PDF to the file the volunteer chose."""
    atomic_write(path, recovery_sheet_pdf(opened, recovery_key))
    return path
