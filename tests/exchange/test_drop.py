"""The outbox and the drop, end to end, against a real WebDAV server (WsgiDAV on 127.0.0.1)
and through a local folder: send, interruption and resume, wrong login, a full drop, fetch
and import by the coordinator, two coordinators fetching at once, packages going back."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from huisbezoek.coordinator import drop as coordinator_drop
from huisbezoek.coordinator import importer
from huisbezoek.coordinator import packages as coordinator_packages
from huisbezoek.coordinator.store.models import ImportedSignal, ImportLedger
from huisbezoek.domain import Severity, Theme
from huisbezoek.exchange import batch
from huisbezoek.exchange import drop as drops
from huisbezoek.services import exchange as svc
from huisbezoek.services import outbox
from huisbezoek.vault import Vault
from huisbezoek.vault.models import OutboxItem

from .conftest import SHARE_ID, add_visit
from .dav import DavServer

pytest.importorskip("wsgidav")

VOLUNTEER_LOGIN = ("vrijwilliger", "geheim-1")
COORDINATOR_LOGIN = ("coordinator", "geheim-2")
NAME = "Mevrouw Zwaluwstaart"


def _queue(volunteer: Vault, n: int = 1) -> list[str]:
    """``n`` exports into the outbox, each with one new shared signal; returns batch ids."""
    ids = []
    for i in range(n):
        add_visit(
            volunteer,
            name=f"{NAME} {i}",
            signals=[(Theme.EENZAAMHEID, Severity.ZORG, "Voelt zich alleen.", SHARE_ID)],
        )
        ids.append(svc.export_signals(volunteer, None).batch_id)
    return ids


def _files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _signals(store: Vault) -> int:
    with store.session() as s:
        return s.query(ImportedSignal).count()


def test_export_goes_to_outbox_offline_and_is_sent_when_online(linked, dav: DavServer) -> None:
    volunteer, _coordinator = linked
    outbox.set_webdav(volunteer, "http://127.0.0.1:9/", *VOLUNTEER_LOGIN)  # nothing listens
    ids = _queue(volunteer, 2)
    assert outbox.status(volunteer).waiting == 2
    assert outbox.status(volunteer).line_nl() == "2 zendingen wachten op internet."

    result = outbox.send_now(volunteer)  # offline: nothing lost, a Dutch reason
    assert result.sent == 0
    assert isinstance(result.error, drops.DropOfflineError)
    assert "geen verbinding" in result.error.message_nl
    assert outbox.status(volunteer).waiting == 2

    dav.start()
    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    result = outbox.send_now(volunteer)
    assert (result.sent, result.waiting, result.error) == (2, 0, None)
    status = outbox.status(volunteer)
    assert (status.waiting, status.unconfirmed) == (0, 2)
    assert status.line_nl().startswith("Alles is verstuurd (laatst op ")
    # The drop holds both complete files under names without personal data.
    files = _files_under(dav.root)
    assert len(files) == 2 and all(f.startswith("naar-coordinator/") for f in files)
    assert not any(NAME.split()[1].lower() in f.lower() for f in files)
    # Kept in the vault until the coordinator's receipt.
    with volunteer.session() as s:
        assert all(row.data for row in s.query(OutboxItem))
    assert outbox.mark_received(volunteer, ids) == 2
    with volunteer.session() as s:
        assert all(row.data is None and row.received_at for row in s.query(OutboxItem))


def test_coordinator_fetches_imports_and_files_batches(linked, dav: DavServer) -> None:
    volunteer, coordinator = linked
    dav.start()
    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    _queue(volunteer, 3)
    assert outbox.send_now(volunteer).sent == 3
    # A junk file and an upload in progress beside them.
    key_folder = next((dav.root / "naar-coordinator").iterdir())
    (key_folder / "rommel.hbz").write_bytes(b"geen zending")
    (key_folder / "half.hbz.part").write_bytes(b"half")

    with coordinator.session() as s:
        coordinator_drop.set_webdav(s, dav.url, *COORDINATOR_LOGIN)
        drop = coordinator_drop.open_drop(s)
    fetched = coordinator_drop.fetch(coordinator, drop)
    statuses = sorted(r.status for r in fetched.report.results)
    assert statuses.count(importer.ImportStatus.IMPORTED) == 3
    assert statuses.count(importer.ImportStatus.REJECTED) == 1
    assert _signals(coordinator) == 3
    files = _files_under(dav.root)
    assert sum(f.startswith("verwerkt/") for f in files) == 3
    refused = [f for f in files if f.startswith("geweigerd/")]
    assert sorted(Path(f).name for f in refused) == ["rommel.hbz", "rommel.hbz.reden.txt"]
    reason = next(dav.root.glob("geweigerd/*/rommel.hbz.reden.txt")).read_text()
    assert "niet" in reason  # the importer's Dutch reason
    assert any(f.endswith("half.hbz.part") for f in files)  # left alone

    again = coordinator_drop.fetch(coordinator, drop)  # idempotent
    assert again.report.results == ()
    assert again.lines_nl() == ["Er stonden geen nieuwe zendingen in de uitwisselmap."]
    assert _signals(coordinator) == 3


class _FlakyDrop(drops.FolderDrop):
    """A folder drop whose connection drops while one file is read, and which checks that no
    batch leaves ``naar-coordinator`` before the store holds it. It counts as remote, so a
    fetch files in steps while it imports."""

    remote = True

    def __init__(self, folder: Path, coordinator: Vault, fail_on: str | None) -> None:
        super().__init__(folder)
        self.coordinator, self.fail_on = coordinator, fail_on
        self.filed_before_commit: list[str] = []

    def read(self, path: str, limit: int = drops.MAX_DROP_FILE_BYTES) -> bytes:
        if self.fail_on is not None and path.endswith(self.fail_on):
            raise drops.DropOfflineError("connection lost")
        return super().read(path, limit)

    def move(self, src: str, dst: str) -> bool:
        if dst.startswith(drops.DONE):
            _kind, key_id, sequence = Path(src).name.split(".")[0].split("-")
            with self.coordinator.session() as s:  # sees committed rows only
                held = s.query(ImportLedger).filter_by(key_id=key_id, sequence=int(sequence))
                if held.count() != 1:
                    self.filed_before_commit.append(src)
        return super().move(src, dst)


def test_connection_lost_mid_fetch_leaves_that_batch_for_next_time(linked, tmp_path) -> None:
    """A batch the drop does not hand over (offline halfway) is neither refused nor filed: it
    stays in naar-coordinator and the next fetch imports it. Filing runs in steps of
    FILE_EVERY batches, and never moves a batch whose import is not committed yet."""
    volunteer, coordinator = linked
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    outbox.set_folder(volunteer, folder)
    _queue(volunteer, 5)
    assert outbox.send_now(volunteer).sent == 5
    names = sorted(p.name for p in (folder / drops.TO_COORDINATOR).rglob("signalen-*"))
    assert len(names) == 5

    original = coordinator_drop.FILE_EVERY
    coordinator_drop.FILE_EVERY = 2  # three commits for five batches
    try:
        drop = _FlakyDrop(folder, coordinator, fail_on=names[2])
        fetched = coordinator_drop.fetch(coordinator, drop)
    finally:
        coordinator_drop.FILE_EVERY = original
    assert fetched.later == 1
    assert fetched.report.rejected == 0
    assert len(fetched.report.results) == 4
    assert "volgende keer opgehaald" in fetched.lines_nl()[-1]
    files = _files_under(folder)
    assert [Path(f).name for f in files if f.startswith("naar-coordinator/")] == [names[2]]
    assert not [f for f in files if f.startswith("geweigerd/")]
    assert _signals(coordinator) == 4
    assert drop.filed_before_commit == []

    again = coordinator_drop.fetch(coordinator, _FlakyDrop(folder, coordinator, fail_on=None))
    assert (again.later, len(again.report.results), again.report.rejected) == (0, 1, 0)
    assert _signals(coordinator) == 5
    assert not [f for f in _files_under(folder) if f.startswith("naar-coordinator/")]


def test_oversized_file_is_refused_and_strange_answer_held_back(linked, dav: DavServer) -> None:
    """From the real WebDAV server: a file larger than any batch is refused and filed with its
    reason; a batch the server answers strangely for stays for the next fetch."""
    volunteer, coordinator = linked
    dav.start()
    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    _queue(volunteer, 2)
    assert outbox.send_now(volunteer).sent == 2
    key_folder = next((dav.root / "naar-coordinator").iterdir())
    with (key_folder / "signalen-groot.zip").open("wb") as f:
        f.truncate(batch.MAX_BATCH_BYTES + 1)  # sparse: quick to make, read in full by the server
    first = sorted(p.name for p in key_folder.iterdir() if p.name.endswith("1.zip"))[0]

    with coordinator.session() as s:
        coordinator_drop.set_webdav(s, dav.url, *COORDINATOR_LOGIN)
        drop = coordinator_drop.open_drop(s)
    assert isinstance(drop, drops.WebDavDrop)
    real_get = drop._raw.get

    def strange(path: str, limit: int) -> bytes:
        if path.endswith(first):
            raise drops.DropJunkError("server answered 400")
        return real_get(path, limit)

    drop._raw.get = strange  # type: ignore[method-assign]
    fetched = coordinator_drop.fetch(coordinator, drop)
    assert fetched.later == 1
    statuses = [r.status for r in fetched.report.results]
    assert statuses.count(importer.ImportStatus.IMPORTED) == 1
    assert statuses.count(importer.ImportStatus.REJECTED) == 1
    files = _files_under(dav.root)
    assert sorted(Path(f).name for f in files if f.startswith("geweigerd/")) == [
        "signalen-groot.zip",
        "signalen-groot.zip.reden.txt",
    ]
    assert [Path(f).name for f in files if f.startswith("naar-coordinator/")] == [first]
    drop._raw.get = real_get  # type: ignore[method-assign]
    again = coordinator_drop.fetch(coordinator, drop)
    assert (again.later, [r.status for r in again.report.results]) == (
        0,
        [importer.ImportStatus.IMPORTED],
    )
    assert _signals(coordinator) == 2


def test_the_same_path_through_apache_mod_dav(linked) -> None:
    """A second WebDAV implementation (Apache httpd with mod_dav, which the benchmark also
    uses): the outbox sends, the coordinator fetches, imports and files, a second fetch finds
    nothing, and a wrong password is refused with the login message."""
    from .apachedav import ApacheDav, find_apache

    if find_apache() is None:
        pytest.skip("Apache httpd is not installed (python3 dev.py test installs apache2-bin)")
    volunteer, coordinator = linked
    server = ApacheDav().start()
    try:
        outbox.set_webdav(volunteer, server.url, *VOLUNTEER_LOGIN)
        _queue(volunteer, 3)
        assert outbox.send_now(volunteer).sent == 3
        assert len(_files_under(server.root)) == 3
        with coordinator.session() as s:
            coordinator_drop.set_webdav(s, server.url, *COORDINATOR_LOGIN)
            drop = coordinator_drop.open_drop(s)
        fetched = coordinator_drop.fetch(coordinator, drop)
        assert [r.status for r in fetched.report.results] == [importer.ImportStatus.IMPORTED] * 3
        assert _signals(coordinator) == 3
        files = _files_under(server.root)
        assert len(files) == 3 and all(f.startswith("verwerkt/") for f in files)
        assert coordinator_drop.fetch(coordinator, drop).report.results == ()

        wrong = drops.WebDavDrop(server.url, drops.Credentials("coordinator", "fout"))
        with pytest.raises(drops.DropLoginError):
            coordinator_drop.fetch(coordinator, wrong)
    finally:
        server.stop()


def test_interrupted_upload_resumes_and_imports_once(linked, dav: DavServer) -> None:
    volunteer, coordinator = linked
    dav.start("--stall", ".part")
    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    _queue(volunteer, 1)
    outcome: list[outbox.SendReport] = []
    sender = threading.Thread(target=lambda: outcome.append(outbox.send_now(volunteer)))
    sender.start()
    dav.wait_stalled()
    dav.kill()  # the server dies mid-upload (a laptop that sleeps looks the same)
    sender.join(60)
    assert outcome and outcome[0].sent == 0
    assert isinstance(outcome[0].error, drops.DropOfflineError)
    assert outbox.status(volunteer).waiting == 1
    # Only a partial ".part" file can be on the drop; the coordinator never reads it.
    assert all(f.endswith(".part") for f in _files_under(dav.root))

    dav.start()  # same folder, no stall (a new port, so the address is set again)
    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    assert outbox.send_now(volunteer).sent == 1
    with coordinator.session() as s:
        coordinator_drop.set_webdav(s, dav.url, *COORDINATOR_LOGIN)
        drop = coordinator_drop.open_drop(s)
    coordinator_drop.fetch(coordinator, drop)
    with coordinator.session() as s:
        assert s.query(ImportLedger).count() == 1
    assert _signals(coordinator) == 1


def test_wrong_login_and_full_drop_keep_everything(linked, dav: DavServer) -> None:
    volunteer, _coordinator = linked
    dav.start("--quota", "100")
    outbox.set_webdav(volunteer, dav.url, "vrijwilliger", "fout")
    _queue(volunteer, 1)
    result = outbox.send_now(volunteer)
    assert isinstance(result.error, drops.DropLoginError)
    assert "wachtwoord" in result.error.message_nl
    assert "versturen lukte niet" in outbox.status(volunteer).line_nl()

    outbox.set_webdav(volunteer, dav.url, *VOLUNTEER_LOGIN)
    result = outbox.send_now(volunteer)  # the batch is larger than the 100-byte quota
    assert isinstance(result.error, drops.DropFullError)
    assert "vol" in result.error.message_nl
    assert outbox.status(volunteer).waiting == 1
    with volunteer.session() as s:
        row = s.query(OutboxItem).one()
        assert row.data and row.attempts == 2 and row.last_error == "DropFullError"


def test_plain_http_is_refused_except_to_this_machine() -> None:
    with pytest.raises(drops.DropSetupError) as err:
        drops.check_url("http://drop.example.org/remote.php/dav")
    assert "https://" in err.value.message_nl
    assert drops.check_url("https://wolk.example.org/dav/") == "https://wolk.example.org/dav"
    assert drops.check_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"


def test_self_signed_certificate_is_refused(tmp_path: Path) -> None:
    """TLS certificates are verified: a server whose certificate no CA vouches for is refused
    with the certificate message, not sent to."""
    import socket
    import ssl
    import subprocess

    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
         "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"],
        capture_output=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        pytest.skip("openssl not available")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        for _ in range(3):  # the listing, a read and a move each try
            conn, _ = listener.accept()
            try:
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    drop = drops.WebDavDrop(f"https://127.0.0.1:{port}", drops.Credentials("a", "b"))
    with pytest.raises(drops.DropCertificateError) as err:
        drop.files("naar-coordinator")
    assert "certificaat" in err.value.message_nl
    with pytest.raises(drops.DropCertificateError):
        drop.read("naar-coordinator/abc/signalen-abc-000001.zip")
    with pytest.raises(drops.DropCertificateError):
        drop.move("naar-coordinator/abc/x.zip", "verwerkt/abc/x.zip")
    listener.close()


def test_fetch_over_https_with_the_organisations_certificate(linked, tmp_path: Path) -> None:
    """Over TLS to the real WebDAV server, trusting its certificate: send, list, read and file
    all work, and a certificate made out to another host name is refused."""
    import subprocess

    def certificate(name: str, alt: str) -> tuple[Path, Path]:
        key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.pem"
        made = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
             "-out", cert, "-days", "1", "-subj", f"/CN={name}", "-addext",
             f"subjectAltName={alt}"],
            capture_output=True, check=False,
        )  # fmt: skip
        if made.returncode != 0:
            pytest.skip("openssl not available")
        return cert, key

    volunteer, coordinator = linked
    import ssl

    cert, key = certificate("drop", "IP:127.0.0.1")
    trusted = ssl.create_default_context(cafile=str(cert))
    server = DavServer(tmp_path / "dav-root", tmp_path)
    server.root.mkdir()
    server.start("--tls", str(cert), str(key))
    try:
        url = f"https://127.0.0.1:{server.port}"
        sender = drops.WebDavDrop(url, drops.Credentials(*VOLUNTEER_LOGIN), verify=trusted)
        add_visit(volunteer, name=NAME, signals=[(Theme.VALLEN, Severity.ZORG, "Viel.", SHARE_ID)])
        svc.export_signals(volunteer, None)
        key_id = svc.ensure_volunteer_keys(volunteer).key_id_hex
        with volunteer.session() as s:
            data = s.query(OutboxItem).one().data
        assert data is not None
        folder = f"{drops.TO_COORDINATOR}/{key_id}"
        drops.deliver(sender, folder, "signalen-tls.zip", data)
        sender.close()

        fetcher = drops.WebDavDrop(url, drops.Credentials(*COORDINATOR_LOGIN), verify=trusted)
        fetched = coordinator_drop.fetch(coordinator, fetcher)
        fetcher.close()
        assert [r.status for r in fetched.report.results] == [importer.ImportStatus.IMPORTED]
        assert any(f.startswith("verwerkt/") for f in _files_under(server.root))

        other, _ = certificate("ander", "DNS:ergens-anders.example")
        elsewhere = ssl.create_default_context(cafile=str(other))
        wrong = drops.WebDavDrop(url, drops.Credentials(*COORDINATOR_LOGIN), verify=elsewhere)
        with pytest.raises(drops.DropCertificateError):
            wrong.read(f"verwerkt/{key_id}/signalen-tls.zip")
    finally:
        server.kill()


def test_two_coordinators_fetching_at_once_import_each_batch_once(linked, tmp_path: Path) -> None:
    """Two fetch runs on one store at the same time (a folder drop): every batch is imported
    once and filed once; the run that finds a file gone skips it."""
    volunteer, coordinator = linked
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    outbox.set_folder(volunteer, folder)
    _queue(volunteer, 6)
    assert outbox.send_now(volunteer).sent == 6
    reports: list[coordinator_drop.FetchReport] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            reports.append(coordinator_drop.fetch(coordinator, drops.FolderDrop(folder)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    imported = [
        r for rep in reports for r in rep.report.results
        if r.status is importer.ImportStatus.IMPORTED
    ]  # fmt: skip
    assert len(imported) == 6
    assert len({r.batch_id for r in imported}) == 6
    assert _signals(coordinator) == 6
    done = [f for f in _files_under(folder) if f.startswith("verwerkt/")]
    assert len(done) == 6
    assert not [f for f in _files_under(folder) if f.startswith("naar-coordinator/")]


def test_packages_go_back_through_the_drop(linked, tmp_path: Path) -> None:
    volunteer, coordinator = linked
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    outbox.set_folder(volunteer, folder)
    with coordinator.session() as s:
        coordinator_drop.set_folder(s, folder)
        data = coordinator_packages.export_configuration(s, forms={}, leaflets={}, services={})
        drop = coordinator_drop.open_drop(s)
        sent_to = coordinator_drop.publish(s, drop, data, coordinator_drop.package_file_name(data))
    key_id = svc.ensure_volunteer_keys(volunteer).key_id_hex
    assert sent_to == [key_id]
    got = outbox.fetch_packages(volunteer, drops.FolderDrop(folder), key_id)
    assert [(p.kind, p.accepted) for p in got] == [("configuratie", True)]
    # The package carried the drop's place: the volunteer's app now reads it from there.
    assert outbox.drop_settings(volunteer) == drops.DropSettings(kind="folder")
    assert outbox.fetch_packages(volunteer, drops.FolderDrop(folder), key_id) == []  # once


def test_folder_drop_refuses_paths_that_leave_it(tmp_path: Path) -> None:
    drop = drops.FolderDrop(tmp_path)
    with pytest.raises(drops.DropJunkError):
        drop.read("../geheim.txt")
    fifo = tmp_path / "pijp.hbz"
    import os

    os.mkfifo(fifo)
    with pytest.raises(drops.DropJunkError):  # never blocks on a FIFO
        drop.read("pijp.hbz")


def test_delivery_is_checked_by_reading_back(tmp_path: Path) -> None:
    """A drop that stores something else than was sent (a broken sync client) is caught."""

    class Mangling(drops.FolderDrop):
        def read(self, path: str, limit: int = drops.MAX_DROP_FILE_BYTES) -> bytes:
            return super().read(path, limit)[:-1] + b"X"

    with pytest.raises(drops.DropJunkError):
        drops.deliver(Mangling(tmp_path), "naar-coordinator/abc", "x.hbz", b"inhoud")
    data = b"inhoud" * 100
    drops.deliver(drops.FolderDrop(tmp_path), "naar-coordinator/abc", "y.hbz", data)
    stored = (tmp_path / "naar-coordinator" / "abc" / "y.hbz").read_bytes()
    assert hashlib.sha256(stored).digest() == hashlib.sha256(data).digest()


def test_the_whole_path_by_command_line(linked, tmp_path: Path, dav: DavServer) -> None:
    """Volunteer and coordinator set the drop, export, send, fetch and publish by CLI."""
    import subprocess
    import sys

    from .conftest import PASSPHRASE

    volunteer, coordinator = linked
    add_visit(volunteer, signals=[(Theme.VALLEN, Severity.ZORG, "Valt vaak.", SHARE_ID)])
    vol_dir, coord_dir = volunteer.folder, coordinator.folder
    volunteer.close()
    coordinator.close()
    dav.start()

    def run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "huisbezoek", *args, "--passphrase-stdin"],
            input=stdin, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    pw = f"{PASSPHRASE}\n"
    out = run("drop", "--dir", str(vol_dir), "--webdav", dav.url, "--user", "vrijwilliger",
              stdin=pw + "geheim-1\n")  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = run("export", "--dir", str(vol_dir), stdin=pw)
    assert out.returncode == 0, out.stderr
    assert "1 zending verstuurd." in out.stdout
    assert "Alles is verstuurd" in out.stdout
    out = run("coordinator", "drop", "--dir", str(coord_dir), "--webdav", dav.url,
              "--user", "coordinator", stdin=pw + "geheim-2\n")  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = run("coordinator", "fetch", "--dir", str(coord_dir), stdin=pw)
    assert out.returncode == 0, out.stderr
    assert "1 nieuw" in out.stdout
    out = run("coordinator", "fetch", "--dir", str(coord_dir), stdin=pw)
    assert "Er stonden geen nieuwe zendingen" in out.stdout
    package = tmp_path / "configuratie.hbp"
    out = run("coordinator", "configuration", "--dir", str(coord_dir), "--out", str(package),
              stdin=pw)  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = run("coordinator", "publish", "--dir", str(coord_dir), str(package), stdin=pw)
    assert "klaargezet voor 1 vrijwilliger" in out.stdout, out.stderr
    out = run("send", "--dir", str(vol_dir), stdin=pw)
    assert out.returncode == 0, out.stderr
    for text in (out.stdout, out.stderr):
        assert "Mevrouw Jansen" not in text and "Traceback" not in text
