"""Entry point of the frozen application: the same ``huisbezoek.cli.main`` as ``python -m``.

Two things differ from a source run. ``multiprocessing`` needs ``freeze_support`` in a frozen
Windows program before anything else runs. And the windowed Windows executable has no console,
so Python sets ``sys.stdout``/``sys.stderr`` to None; writing to them (argparse, logging, the
self-test) would crash, so they are pointed at the null device there. The console twin
(``huisbezoek-cli.exe``) keeps real streams for ``--self-test`` and the headless commands.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path


def _main() -> int:
    multiprocessing.freeze_support()
    if sys.stdout is None or sys.stderr is None:
        null = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 (lives as long as we do)
        sys.stdout = sys.stdout or null
        sys.stderr = sys.stderr or null

    from huisbezoek.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(_main())
