"""The command line's one way into the GUI: the volunteer's start, the coordinator's window and
the screen part of the self-test. Everything is imported on use, so a headless command never
loads Qt (an architecture contract keeps ``cli`` from importing any other ``gui`` module).
"""

from __future__ import annotations

from pathlib import Path


def run_gui(*, demo_if_new: bool = False) -> int:
    """The normal start: first start, or the unlock of the vault on disk."""
    from huisbezoek.gui.app import run_gui as run

    return run(demo_if_new=demo_if_new)


def run_coordinator_gui(folder: Path | None = None, *, url: str | None = None) -> int:
    """The coordinator's unlock and window on the shared PostgreSQL store at ``url``, or on
    the vault in ``folder`` (default: the data folder)."""
    from huisbezoek.gui.coordinator.launch import run_coordinator_gui as run

    return run(folder, url=url)


def check_qt() -> str:
    """The self-test's screen check (Qt starts offscreen and draws a window)."""
    from huisbezoek.gui.selfcheck import check_qt as check

    return check()
