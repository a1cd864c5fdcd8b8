"""``huisbezoek --self-test``: a quick check a helpdesk can ask a volunteer to run on the phone.

Each check exercises one part of the installed application the way the real work does: the data
folder, the encryption libraries, a throw-away vault (create, save an answer, reopen, read it
back), the conversation form, a printed leaflet and the batch-file cryptography. Everything is
fictional and lives in a temporary folder that is removed afterwards; the check also makes sure
no readable copy of what it saved ended up in any file there. The real vault is never opened.

The output is plain Dutch, one line per check, so a volunteer can read it out loud::

    ok    kluis          proefkluis gemaakt, antwoord bewaard en teruggelezen

Checks that need the screen libraries (Qt) belong to the GUI layer, which this layer may not
import; the caller passes them in as ``extra_checks``.
"""

from __future__ import annotations

import platform
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from huisbezoek import __version__, paths
from huisbezoek.errors import UserError

#: A check returns a short Dutch detail when it passes and raises when it does not.
CheckFunction = Callable[[], str]

#: What ``run_self_test`` prints at the end when every check passed.
ALL_OK = "Alles werkt."


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


class SelfTestFailure(Exception):
    """A check found something wrong; the message is the Dutch text to show."""


# -- the checks ---------------------------------------------------------------------------------


def check_data_folder() -> str:
    """The data folder exists, is writable, and is not inside the installed program."""
    folder = paths.data_dir()
    bundle = _bundle_root()
    if bundle is not None and folder.resolve().is_relative_to(bundle):
        raise SelfTestFailure(
            f"de gegevensmap {folder} staat in de programmamap. Een update of het verwijderen "
            "van het programma zou de kluis wissen. Bel de helpdesk."
        )
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".zelftest-") as handle:
        handle.write(b"zelftest")
        handle.flush()
    return "schrijven lukt"


def check_encryption_library() -> str:
    """SQLCipher loads and reports its version (in memory: no file, no personal data)."""
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    if not row or not row[0]:
        raise SelfTestFailure("de versleuteling (SQLCipher) ontbreekt in deze installatie.")
    return f"SQLCipher {row[0]}"


def check_vault() -> str:
    """A temporary vault: create, store a resident and an answer, reopen, read it back."""
    from huisbezoek.services import visit_answers
    from huisbezoek.services.residents import ResidentInput, add_resident
    from huisbezoek.vault import KdfParams, Vault

    marker = f"zelftest-{secrets.token_hex(8)}"
    passphrase = f"proef {secrets.token_urlsafe(18)}"
    source = f"# zelftest {marker}\n"
    folder = Path(tempfile.mkdtemp(prefix="huisbezoek-zelftest-"))
    try:
        vault_dir = folder / "kluis"
        vault, _recovery = Vault.create(vault_dir, passphrase, kdf=KdfParams.FLOOR)
        try:
            resident = add_resident(vault, ResidentInput(name=f"Proefbewoner {marker}"))
            visit = visit_answers.start_visit(
                vault, resident, "zelftest", 1, f"sha256-{marker}", source
            )
            visit_answers.save_answer(vault, visit, "opmerking", marker)
        finally:
            vault.close()
        vault = Vault.open(vault_dir, passphrase)
        try:
            answers = visit_answers.load_answers(vault, visit)
        finally:
            vault.close()
        if answers.get("opmerking") != marker:
            raise SelfTestFailure("een bewaard antwoord kwam niet goed terug uit de kluis.")
        readable = [p.name for p in folder.rglob("*") if p.is_file() and _holds(p, marker)]
        if readable:
            raise SelfTestFailure(
                "er stond onversleutelde tekst in " + ", ".join(sorted(readable)) + "."
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        raise SelfTestFailure(f"de tijdelijke map {folder} kon niet worden opgeruimd.")
    return "proefkluis gemaakt, antwoord bewaard en teruggelezen, alles versleuteld"


def check_form() -> str:
    """The default conversation form loads and evaluates."""
    from huisbezoek.forms import FormState, YesNoQuestion
    from huisbezoek.services.visit_resume import default_form

    form = default_form()
    state = FormState(form)
    questions = [q for section in form.sections for q in section.questions]
    first = next(
        (
            q
            for q in questions
            if isinstance(q, YesNoQuestion) and q.id in state.evaluation.relevant
        ),
        None,
    )
    evaluation = state.set_answer(first.id, True) if first is not None else state.evaluation
    if not evaluation.relevant:
        raise SelfTestFailure(f"het formulier {form.id} toont geen enkele vraag.")
    return f"{form.id} versie {form.version}, {len(questions)} vragen"


def check_leaflet() -> str:
    """A leaflet renders to PDF with the shipped texts, services directory and font."""
    from huisbezoek.printing import load_directory, load_leaflets, render_leaflet
    from huisbezoek.services.letterhead import organisation_of

    leaflets = load_leaflets()
    if not leaflets:
        raise SelfTestFailure("er zijn geen folders geïnstalleerd.")
    directory = load_directory()
    topic = sorted(leaflets)[0]
    organisation = organisation_of(directory)
    pdf = render_leaflet(topic, directory, organisation=organisation, leaflets=leaflets)
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
        raise SelfTestFailure("de folder werd geen geldige PDF.")
    # The organisation's name tells the helpdesk which services directory is installed.
    return (
        f"folder '{leaflets[topic].title}' als PDF ({max(1, len(pdf) // 1024)} kB), "
        f"van {organisation.name}"
    )


def check_exchange_crypto() -> str:
    """Encrypting for the organisation (age) and signing (minisign) work."""
    import pyrage

    from huisbezoek.exchange import minisign
    from huisbezoek.exchange.keys import OrgIdentity, VolunteerKeys

    message = secrets.token_bytes(64)
    org = OrgIdentity.generate()
    sealed = pyrage.encrypt(message, [pyrage.x25519.Recipient.from_str(org.recipient)])
    if message in sealed or pyrage.decrypt(sealed, [org.age_identity()]) != message:
        raise SelfTestFailure("versleutelen voor de coördinator werkt niet.")
    keys = VolunteerKeys.generate()
    signature = minisign.sign(keys.signing_key, message, "zelftest")
    minisign.verify(signature, keys.public_key, message)
    return "versleutelen en ondertekenen lukt"


DEFAULT_CHECKS: tuple[tuple[str, CheckFunction], ...] = (
    ("gegevensmap", check_data_folder),
    ("versleuteling", check_encryption_library),
    ("kluis", check_vault),
    ("formulier", check_form),
    ("folder", check_leaflet),
    ("uitwisseling", check_exchange_crypto),
)


# -- running ------------------------------------------------------------------------------------


def run_checks(checks: Sequence[tuple[str, CheckFunction]]) -> list[CheckResult]:
    results = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Exception as exc:  # a self-test reports every failure instead of stopping
            detail, ok = _explain(exc), False
        results.append(CheckResult(name, ok, detail, time.perf_counter() - started))
    return results


def run_self_test(out: TextIO, *, extra_checks: Sequence[tuple[str, CheckFunction]] = ()) -> int:
    """Run every check, print one Dutch line each; 0 when all passed, 1 otherwise."""
    out.write(f"Huisbezoek {__version__}: zelftest\n")
    out.write(f"Computer: {_platform_line()}\n")
    out.write(f"Gegevensmap: {_data_folder_text()}\n")
    out.flush()
    results = run_checks([*DEFAULT_CHECKS, *extra_checks])
    width = max(len(r.name) for r in results)
    for result in results:
        status = "ok  " if result.ok else "FOUT"
        out.write(f"{status}  {result.name:<{width}}  {result.detail}\n")
    failed = [r.name for r in results if not r.ok]
    if failed:
        out.write(
            f"Niet alles werkt ({len(failed)} van {len(results)} controles mislukt: "
            f"{', '.join(failed)}). Lees deze regels voor aan de helpdesk.\n"
        )
    else:
        out.write(f"{ALL_OK}\n")
    out.flush()
    return 1 if failed else 0


# -- helpers ------------------------------------------------------------------------------------


def _explain(exc: Exception) -> str:
    if isinstance(exc, SelfTestFailure):
        return str(exc)
    if isinstance(exc, UserError):
        return exc.message_nl
    if isinstance(exc, ImportError):
        return f"een onderdeel ontbreekt in deze installatie ({exc.name or exc})."
    if isinstance(exc, MemoryError):
        return "te weinig vrij geheugen. Sluit andere programma's en probeer het opnieuw."
    # Everything here is fictional, so the technical text is safe to read out to the helpdesk.
    return f"werkt niet ({type(exc).__name__}: {exc})"


def _holds(path: Path, marker: str) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    needle = marker.encode("utf-8")
    return needle in data or marker.encode("utf-16-le") in data


def _bundle_root() -> Path | None:
    """The folder of the installed program when running from a PyInstaller bundle."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    # macOS: the executable sits in Huisbezoek.app/Contents/MacOS; the bundle is the .app.
    return next((p for p in (folder, *folder.parents) if p.suffix == ".app"), folder)


def _platform_line() -> str:
    how = "geïnstalleerd programma" if getattr(sys, "frozen", False) else "vanuit de broncode"
    return (
        f"{platform.system()} {platform.release()} ({platform.machine()}), "
        f"Python {platform.python_version()}, {how}"
    )


def _data_folder_text() -> str:
    try:
        return str(paths.data_dir())
    except OSError as exc:
        return f"niet te maken ({exc.strerror or exc})"
