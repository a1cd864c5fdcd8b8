"""One vault, one process: an OS lock on ``vault.lock`` that dies with the process holding it.

The operating system drops the lock when its holder exits or is killed, so a crash never leaves
a vault locked. The holder writes its process id and computer name into the file, only to make
the message for a second opener concrete.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from pathlib import Path
from typing import IO

from huisbezoek.vault.errors import VaultInUseError

LOCK_NAME = "vault.lock"
# Windows locks byte ranges and forbids reading a locked range, so the lock covers byte 0 and
# the holder's details start after it.
_INFO_OFFSET = 1


class VaultLock:
    """An exclusive lock on one vault folder. Use ``acquire`` and ``release`` (or ``with``)."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+b", buffering=0)
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise VaultInUseError(
                "vault lock is held by another process", message_nl=_in_use_message(self.path)
            ) from None
        info = json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode()
        handle.seek(_INFO_OFFSET)
        handle.truncate()
        handle.write(info)
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            handle.seek(_INFO_OFFSET)
            handle.truncate()
        with contextlib.suppress(OSError):
            _unlock(handle)
        handle.close()

    def __enter__(self) -> VaultLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _in_use_message(path: Path) -> str:
    base = VaultInUseError.message_nl
    try:
        with path.open("rb") as handle:
            handle.seek(_INFO_OFFSET)
            info = json.loads(handle.read(512) or b"{}")
        pid, host = int(info["pid"]), str(info["host"])[:64]
    except (OSError, ValueError, KeyError, TypeError):
        return base
    return f"{base} (Programma {pid} op computer {host}.)"


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        # flock locks belong to the open file description, so a second open of the same vault
        # inside this very process is refused too (a second window).
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
