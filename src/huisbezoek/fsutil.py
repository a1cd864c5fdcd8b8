"""Private, atomic file writes: a temp file in the same folder, mode 0600, fsync, replace.

Used for everything we write outside SQLCipher (key slots, batches, packages), so a crash or a
full disk leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from huisbezoek.errors import DiskFullError


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never a mix."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else None
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            # The suffix only: a file name may hold a resident's name, and this goes to the log.
            raise DiskFullError(f"disk full writing a {path.suffix or 'suffixless'} file") from exc
        raise


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where the platform cannot open folders)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private(folder: Path, names: tuple[str, ...] = ()) -> None:
    """Folder 0700 and the named files in it 0600 (POSIX; Windows keeps the profile's ACLs).

    Called on every path that puts vault files in place (create, open, restore), so a file
    made under a lax umask, copied in, or left by an older version is tightened."""
    if os.name != "posix":
        return
    Path(folder).chmod(0o700)
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                path.chmod(0o600)
