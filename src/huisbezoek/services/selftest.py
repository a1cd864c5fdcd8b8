"""``huisbezoek --self-test``: a quick check a helpdesk can ask a volunteer to run."""

from __future__ import annotations

from typing import TextIO


def run_self_test(out: TextIO) -> int:
    checks: list[tuple[str, bool]] = []
    try:
        import sqlcipher3  # noqa: F401

        checks.append(("sqlcipher", True))
    except ImportError:
        checks.append(("sqlcipher", False))
    for name, ok in checks:
        out.write(f"{'ok  ' if ok else 'FOUT'} {name}\n")
    return 0 if all(ok for _, ok in checks) else 1
