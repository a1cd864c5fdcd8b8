"""Progress and cancel for long work, without Qt: what services take and the GUI's workers pass.

Long work (export, import, batch printing) takes ``progress(fraction, message)`` and a cancel
flag; ``threading.Event`` is a cancel flag. The GUI runs such work on a worker thread
(``gui/progress.py``) and feeds both.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from typing import Protocol

#: ``progress(fraction, message)``: fraction from 0.0 to 1.0, a short Dutch message.
ProgressFn = Callable[[float, str], None]


class CancelFlag(Protocol):
    """``threading.Event`` fits; so does anything with ``is_set()``."""

    def is_set(self) -> bool: ...


def noop_progress(fraction: float, message: str) -> None:
    """The progress function used when the caller passes none."""
    return None


@contextlib.contextmanager
def bulk_work() -> Iterator[None]:
    """Keep the garbage collector's full passes off the long-lived heap during bulk work.

    Objects that exist before the run (SQLAlchemy mappers, pydantic schemas, the GUI) are frozen
    so that collections triggered by the run's many short-lived rows scan only new objects;
    measured, the full passes were a third of the import time. Unfrozen afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
