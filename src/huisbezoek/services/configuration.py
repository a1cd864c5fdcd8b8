"""Putting the organisation's configuration into effect on the volunteer's laptop.

An accepted configuration package holds forms, leaflets and the sociale kaart (files by name).
None of that is personal data, so it is written as plain files into ``config/`` in the user
data folder (``paths.config_override_dir``), one folder per kind, each a full set: the shipped
files with the package's files laid over them by name. ``paths.active_dir`` makes the form
registry, ``printing.load_leaflets`` and ``load_directory`` read those folders instead of the
shipped ones. Everything is checked in a staging folder before the package is kept in the
vault; a package that would break the forms or leaflets is refused and nothing changes.

New visits use the newest form version; visits already started keep the version they pinned
(the vault keeps each definition used), so a new form version never disturbs them.
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from huisbezoek import paths
from huisbezoek.errors import UserError
from huisbezoek.exchange.package import ConfigurationBody
from huisbezoek.fsutil import atomic_write
from huisbezoek.services import packages
from huisbezoek.services.packages import ConfigChanges
from huisbezoek.vault.core import Vault

if TYPE_CHECKING:
    from huisbezoek.forms import FormRegistry

log = logging.getLogger(__name__)

#: Package field -> folder name (the same names as the shipped folders).
FOLDERS = {"forms": "forms", "leaflets": "leaflets", "services": "sociale_kaart"}
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.ya?ml")


class ConfigurationFilesError(UserError):
    message_nl = (
        "De formulieren of folders in dit pakket kloppen niet. Er is niets veranderd. "
        "Vraag de coördinator om een nieuw pakket."
    )

    def __init__(self, log_message: str, detail_nl: str = "") -> None:
        super().__init__(log_message)
        #: What did not load, in Dutch (file names and lines, never personal data).
        self.detail_nl = detail_nl


class PackageFilesError(UserError):
    """At the coordinator: the files chosen for a configuration package do not load."""

    message_nl = "De formulieren of folders in deze map kloppen niet. Er is geen pakket gemaakt."


def check_package_files(
    *, forms: dict[str, str], leaflets: dict[str, str], services: dict[str, str]
) -> None:
    """Check files for a configuration package the way a volunteer's app will (before the
    coordinator sends them); ``PackageFilesError`` names the problem in Dutch."""
    import tempfile

    body = ConfigurationBody(forms=forms, leaflets=leaflets, services=services)
    with tempfile.TemporaryDirectory(prefix="huisbezoek-check-") as folder:
        try:
            _stage(body, Path(folder))
        except ConfigurationFilesError as exc:
            raise PackageFilesError(
                exc.log_message,
                message_nl=f"{PackageFilesError.message_nl}\n{exc.detail_nl}".strip(),
            ) from None


def _shipped(kind: str) -> Path:
    if kind == "forms":
        return paths.forms_dir()
    return paths.resources_dir() / FOLDERS[kind]


@dataclass(frozen=True, slots=True)
class _Staged:
    root: Path
    folders: tuple[str, ...]


def _stage(body: ConfigurationBody, target: Path) -> _Staged:
    """Write the full folders into a staging folder under ``target`` and check them."""
    root = target / f".nieuw-{secrets.token_hex(4)}"
    folders: list[str] = []
    try:
        for kind, folder_name in FOLDERS.items():
            files: dict[str, str] = getattr(body, kind)
            if not files:
                continue  # nothing sent: the shipped files stay in use
            for name in files:
                if not _SAFE_NAME.fullmatch(name):
                    raise ConfigurationFilesError(
                        f"unsafe file name in {kind}",
                        f"Deze bestandsnaam kan niet: {name[:60]}",
                    )
            dest = root / folder_name
            dest.mkdir(parents=True, mode=0o755)
            for shipped in sorted(_shipped(kind).glob("*.yaml")):
                if shipped.name not in files:
                    atomic_write(dest / shipped.name, shipped.read_bytes(), mode=0o644)
            for name, text in files.items():
                atomic_write(dest / name, text.encode("utf-8"), mode=0o644)
            folders.append(folder_name)
        _check(root, folders)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return _Staged(root, tuple(folders))


def _check(root: Path, folders: list[str]) -> None:
    from huisbezoek.forms import FormRegistry
    from huisbezoek.printing import load_directory, load_leaflets

    checks: dict[str, Callable[[Path], object]] = {
        "forms": FormRegistry.from_folder,
        "leaflets": load_leaflets,
        "sociale_kaart": load_directory,
    }
    for folder_name in folders:
        try:
            checks[folder_name](root / folder_name)
        except UserError as exc:
            raise ConfigurationFilesError(
                f"configuration {folder_name} do not load: {type(exc).__name__}",
                exc.message_nl,  # file, line and field; never personal data
            ) from None
    if {"forms", "leaflets"} & set(folders):
        forms_dir = root / "forms" if "forms" in folders else None
        leaflets_dir = root / "leaflets" if "leaflets" in folders else None
        problems = missing_references(
            FormRegistry.from_folder(forms_dir), load_leaflets(leaflets_dir)
        )
        if problems:
            raise ConfigurationFilesError(
                "form rules name unknown leaflets or services", "\n".join(problems)
            )


def missing_references(registry: FormRegistry, leaflets: Mapping[str, object]) -> list[str]:
    """Leaflets and kinds of help that a form's signal rules name but that do not exist, in
    Dutch, one line each: the forms and the leaflets are data, so they are checked together."""
    from huisbezoek.printing import service_kind

    problems: list[str] = []
    for form in registry.forms():
        for rule in form.spec.signals:
            where = f"{form.file_name}, signaal '{rule.id}'"
            problems += [
                f"{where}: folder '{topic}' bestaat niet." for topic in rule.leaflets
                if topic not in leaflets
            ]  # fmt: skip
            problems += [
                f"{where}: soort hulp '{tag}' kent de sociale kaart niet." for tag in rule.services
                if service_kind(tag) is None
            ]  # fmt: skip
    return problems


def _swap_in(staged: _Staged, target: Path) -> None:
    """Replace each folder the package sent; a reader sees the old or the new folder."""
    for folder_name in staged.folders:
        live = target / folder_name
        old = target / f".oud-{secrets.token_hex(4)}-{folder_name}"
        if live.exists():
            live.rename(old)
        (staged.root / folder_name).rename(live)
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staged.root, ignore_errors=True)


def apply_configuration_package(
    vault: Vault, data: bytes, *, target: Path | None = None
) -> ConfigChanges:
    """Check a configuration package, keep it in the vault and put its files into effect.

    Nothing is kept and no file changes when the signature, the revision or the files are
    wrong; the same package a second time changes nothing.
    """
    target = target if target is not None else paths.config_override_dir()
    target.mkdir(parents=True, exist_ok=True, mode=0o755)
    staged: list[_Staged] = []

    def prepare(body: ConfigurationBody) -> None:
        staged.append(_stage(body, target))

    try:
        changes = packages.accept_configuration(vault, data, before_store=prepare)
    except BaseException:
        for item in staged:
            shutil.rmtree(item.root, ignore_errors=True)
        raise
    for item in staged:
        _swap_in(item, target)
    log.info("configuration revision %d installed", changes.revision)
    return changes


def ensure_installed(vault: Vault, *, target: Path | None = None) -> bool:
    """Write the configuration kept in the vault again when its files are missing or differ
    (a vault restored on another laptop, a folder removed by hand). True when it wrote."""
    body = packages.stored_configuration(vault)
    if body is None:
        return False
    target = target if target is not None else paths.config_override_dir()
    if all(_folder_holds(target / FOLDERS[kind], getattr(body, kind)) for kind in FOLDERS):
        return False
    target.mkdir(parents=True, exist_ok=True, mode=0o755)
    _swap_in(_stage(body, target), target)
    log.info("configuration written again from the vault")
    return True


def _folder_holds(folder: Path, files: dict[str, str]) -> bool:
    for name, text in files.items():
        if not _SAFE_NAME.fullmatch(name):
            return False
        try:
            if (folder / name).read_text(encoding="utf-8") != text:
                return False
        except (OSError, UnicodeDecodeError):
            return False
    return True
