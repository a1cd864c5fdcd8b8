"""Reading a file that came from outside (batch, key file, package) with a size limit."""

from __future__ import annotations

from pathlib import Path

from huisbezoek.exchange.errors import OversizedBatchError
from huisbezoek.safe_read import FileRefusedError, read_bounded


def read_limited(path: Path, limit: int) -> bytes:
    """The whole file through the bounded reader (``safe_read.read_bounded``: regular files
    only, size checked before reading); over ``limit`` bytes is an ``OversizedBatchError``,
    anything else a ``FileRefusedError``, both with a Dutch message."""
    try:
        return read_bounded(Path(path), limit)
    except FileRefusedError as exc:
        if exc.too_large:
            raise OversizedBatchError(exc.log_message) from None
        raise
