"""Helpers for vault tests: child processes and file scans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("_child.py")


def spawn(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def wait_ready(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("ready"):
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"child did not start: {line!r} {err[-2000:]}")
    return line.strip()


def sigkill(proc: subprocess.Popen[str]) -> str:
    """Kill with SIGKILL and return everything the child printed."""
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out


def variants(text: str) -> list[bytes]:
    forms = {text, text.lower(), text.upper()}
    out: list[bytes] = []
    for form in forms:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append(form.encode(encoding))
    return out


def files_containing(folder: Path, needles: list[str]) -> list[tuple[str, str]]:
    """Every (file, needle) where some variant of the needle appears in a file under folder."""
    hits = []
    patterns = [(n, v) for n in needles for v in variants(n)]
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        low = data.lower()
        for needle, pattern in patterns:
            if pattern in data or pattern.lower() in low:
                hits.append((path.name, needle))
                break
    return hits
