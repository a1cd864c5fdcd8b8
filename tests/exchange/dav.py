"""A WsgiDAV server started per test on 127.0.0.1 (see davserver.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@dataclass
class DavServer:
    root: Path
    work: Path
    extra: list[str] = field(default_factory=list)
    proc: subprocess.Popen[bytes] | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def port_file(self) -> Path:
        return self.work / "port"

    def start(self, *extra: str) -> DavServer:
        self.port_file.unlink(missing_ok=True)
        Path(str(self.port_file) + ".stalled").unlink(missing_ok=True)
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "davserver.py"), str(self.root), str(self.port_file),
             *(extra or self.extra)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self.port_file.exists() or not self.port_file.read_text():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("WebDAV test server did not start")
            time.sleep(0.05)
        self.port = int(self.port_file.read_text())
        return self

    def wait_stalled(self, timeout: float = 30) -> None:
        marker = Path(str(self.port_file) + ".stalled")
        deadline = time.monotonic() + timeout
        while not marker.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("upload never reached the server")
            time.sleep(0.02)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[DavServer]:
    server = DavServer(tmp_path / "dav-root", tmp_path)
    server.root.mkdir()
    try:
        yield server
    finally:
        server.kill()
