"""A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl in a temp folder.

It listens only on a unix socket in its own folder (no port to collide with), trusts local
connections, and runs as the ``postgres`` user when we are root, because PostgreSQL refuses
to run as root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text


def find_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None when none is installed."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


class PgServer:
    """``start()`` it, make databases with ``new_database()``, ``stop()`` at the end."""

    def __init__(self, bin_dir: Path, *, tcp_port: int | None = None) -> None:
        self.bin_dir = bin_dir
        #: With a port, the server also listens on 127.0.0.1 there, where every role must give
        #: its password (scram-sha-256), as on an organisation's server; the socket stays trusted.
        self.tcp_port = tcp_port
        self.root = Path(tempfile.mkdtemp(prefix="hbpg-"))
        self.data = self.root / "data"
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            self.run_as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        subprocess.run(
            [*self.run_as, *args], check=True, capture_output=True, cwd=self.root, timeout=120
        )

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D", str(self.data), "-U", "postgres", "--auth-local=trust",
            "--auth-host=" + ("scram-sha-256" if self.tcp_port else "trust"), "-E", "UTF8",
            "--locale=C", "--no-sync",
        )  # fmt: skip
        listen = f"'127.0.0.1' -p {self.tcp_port}" if self.tcp_port else "''"
        options = f"-k {self.root} -c listen_addresses={listen} -F -c max_connections=40"
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options, "-w",
            "-l", str(self.root / "server.log"), "start",
        )  # fmt: skip

    def url(self, database: str = "postgres") -> str:
        port = f"&port={self.tcp_port}" if self.tcp_port else ""
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}{port}"

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        engine = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
