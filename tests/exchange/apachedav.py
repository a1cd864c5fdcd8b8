"""A second, independent WebDAV server for the drop: Apache httpd with mod_dav, started on
127.0.0.1 with a configuration of its own in a temporary folder (nothing of the system's
Apache is used or changed). ``python3 dev.py test`` installs ``apache2-bin``.

The tests run the drop against it as well as against WsgiDAV (two implementations of the
protocol, as Nextcloud's sabre/dav is a third), and ``benchmarks/bench_exchange.py`` measures
the fetch against it: a server written in C whose own work per request is small, so the
figure shows what the coordinator's side costs rather than the test server's Python.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

MODULES = Path("/usr/lib/apache2/modules")
USERS = {"vrijwilliger": "geheim-1", "coordinator": "geheim-2"}


def find_apache() -> str | None:
    """The httpd binary, when Apache and its DAV modules are installed."""
    binary = shutil.which("apache2") or shutil.which("httpd")
    if binary is None and Path("/usr/sbin/apache2").exists():  # sbin not on every PATH
        binary = "/usr/sbin/apache2"
    if binary is None or not (MODULES / "mod_dav_fs.so").exists():
        return None
    return binary


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ApacheDav:
    """Its own folder under the system's temporary folder (httpd's workers run as ``nobody``
    when started by root, and pytest's folders are closed to other users); ``root`` is the
    WebDAV folder."""

    work: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="hb-apache-")))
    proc: subprocess.Popen[bytes] | None = None
    port: int = 0

    @property
    def root(self) -> Path:
        return self.work / "dav"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ApacheDav:
        binary = find_apache()
        if binary is None:
            raise RuntimeError("Apache with mod_dav is not installed")
        self.root.mkdir(parents=True, exist_ok=True)
        users = self.work / "users"
        users.write_text(
            "".join(
                f"{name}:{{SHA}}{base64.b64encode(hashlib.sha1(pw.encode()).digest()).decode()}\n"
                for name, pw in USERS.items()
            )
        )
        self.port = _free_port()
        modules = ["mpm_event", "authn_core", "authn_file", "authz_core", "authz_user",
                   "auth_basic", "dav", "dav_fs"]  # fmt: skip
        as_root = os.geteuid() == 0
        config = "\n".join(
            [
                f'ServerRoot "{self.work}"',
                f"Listen 127.0.0.1:{self.port}",
                "ServerName 127.0.0.1",
                f'PidFile "{self.work}/httpd.pid"',
                f'ErrorLog "{self.work}/error.log"',
                "LogLevel warn",
                *(f"LoadModule {m}_module {MODULES}/mod_{m}.so" for m in modules),
                # httpd will not serve as root: its workers run as nobody, who must write here.
                *(["User nobody", "Group nogroup"] if as_root else []),
                "KeepAlive On",
                "MaxKeepAliveRequests 0",
                f'DavLockDB "{self.work}/davlock"',
                f'DocumentRoot "{self.root}"',
                f'<Directory "{self.root}">',
                "  Dav On",
                "  AuthType Basic",
                '  AuthName "uitwisselmap"',
                f'  AuthUserFile "{users}"',
                "  Require valid-user",
                "</Directory>",
                "",
            ]
        )
        conf = self.work / "httpd.conf"
        conf.write_text(config)
        if as_root:
            for path in (self.work, self.root, users):
                shutil.chown(path, "nobody", "nogroup")
            self.work.chmod(0o755)
        self.proc = subprocess.Popen(
            [binary, "-f", str(conf), "-DFOREGROUND"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    log = (self.work / "error.log").read_text(errors="replace")[-2000:] \
                        if (self.work / "error.log").exists() else ""  # fmt: skip
                    raise RuntimeError(f"Apache did not start: {log}") from None
                time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.work, ignore_errors=True)
