"""Reading a file that came from outside (batch, key file, package) with a size limit."""

from __future__ import annotations

import os
from pathlib import Path

from huisbezoek.errors import InvalidInputError
from huisbezoek.exchange.errors import OversizedBatchError


def read_limited(path: Path, limit: int) -> bytes:
    """The whole file, or a Dutch refusal when it is missing, a folder or over ``limit`` bytes."""
    # One open: the size check and the read are of the same file, and a file that grows after
    # the check is still cut off at the limit. The first read asks for the size found (plus one
    # byte, to notice growth) rather than the limit: read(limit + 1) makes a buffer of the
    # limit's size for every file, which was a noticeable part of importing many small files.
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise OversizedBatchError(f"file of {size} bytes over the limit")
            data = f.read(size + 1)
            if len(data) > size:  # grew since the size check: read on, still only to the limit
                data += f.read(limit + 1 - len(data))
        if len(data) > limit:
            raise OversizedBatchError("file grew over the limit while being read")
        return data
    except FileNotFoundError as exc:
        raise InvalidInputError(
            "file not found", message_nl=f"Het bestand {path.name} bestaat niet."
        ) from exc
    except IsADirectoryError as exc:
        raise InvalidInputError(
            "path is a folder", message_nl=f"{path.name} is een map, geen bestand."
        ) from exc
