"""A long session in the app as volunteers run it: no slow loss of references to None, True or
False (the interpreter aborts when one reaches zero), no abort in 10,000 answer changes, and a
clean exit every time.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that returns
nothing, and to ``True``/``False`` on others (in the scripted visit below: about 900 of them per
cycle); ``pyproject.toml`` excludes it where these objects are not immortal. These tests catch
that, and any later binding that does it again. The visit, soak and repeated-start tests run
the application in a child process (``session_child.py``) through the real entry point, so an
abort cannot take the test run with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from huisbezoek.services import residents as res_svc
from huisbezoek.services import startup
from huisbezoek.vault.keyslots import KdfParams

from .conftest import PASS

CHILD = Path(__file__).with_name("session_child.py")
#: Python 3.12 made None, True and False immortal: their count never changes, so a binding's
#: lost reference can do no harm there (and these counts cannot show one).
IMMORTAL = sys.version_info >= (3, 12)
#: Largest drop between two cycles that is not a steady loss: which answers are yes or no
#: moves about 40 references between True and False (PySide6 6.12.0 loses 400 to 900).
NOISE = 100


def write_form(folder: Path, count: int = 200) -> None:
    """A form of ``count`` questions (choices, scales and typed numbers), 20 per section."""
    lines = ["format: 1", "id: lang", "version: 1", "title: Lang gesprek", "sections:"]
    kinds = ["yes_no", "single_choice", "scale", "number", "yes_no"]
    for s in range(count // 20):
        lines += [f"  - id: deel_{s}", f"    title: Deel {s + 1}", "    questions:"]
        for q in range(20):
            n = s * 20 + q
            kind = kinds[n % len(kinds)]
            lines += [f"      - id: v{n}", f"        type: {kind}", f"        label: Vraag {n}"]
            if kind == "single_choice":
                lines += [
                    "        options:",
                    "          - {value: a, label: Eerste}",
                    "          - {value: b, label: Tweede}",
                    "          - {value: c, label: Derde}",
                ]
            if kind == "scale":
                lines += ["        min_label: laag", "        max_label: hoog"]
            if kind == "number":
                lines += ["        min: 0", "        max: 100"]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lang.v1.yaml").write_text("\n".join(lines) + "\n")


def prepare(home: Path, residents: int) -> list[int]:
    """A vault with ``residents`` residents and the 200-question form as the organisation's."""
    write_form(home / "config" / "forms")
    created = startup.create_vault("Els", PASS, kdf=KdfParams.FLOOR)
    ids = [
        res_svc.add_resident(created.opened.vault, res_svc.ResidentInput(name=f"Bewoner {i}"))
        for i in range(residents)
    ]
    startup.close(created.opened)
    return ids


def run_child(home: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUISBEZOEK_HOME=str(home))
    return subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


def assert_clean_exit(out: subprocess.CompletedProcess[str]) -> None:
    assert "Fatal Python error" not in out.stderr, out.stderr[-2000:]
    assert out.returncode == 0, (out.returncode, out.stdout[-1000:], out.stderr[-2000:])
    assert out.stdout.splitlines()[-1] == "EXIT 0"


def parse_counts(stdout: str) -> list[tuple[str, tuple[int, int, int]]]:
    rows = []
    for line in stdout.splitlines():
        if line.startswith("COUNT "):
            _, name, n, t, f = line.split()
            rows.append((name, (int(n), int(t), int(f))))
    return rows


def steady_losses(rows: list[tuple[str, tuple[int, int, int]]]) -> list[str]:
    """Checkpoints where the last cycle holds fewer references than the one before it.

    The first cycle warms caches up and puts the first answers in; after it, every cycle does
    the same work on the same visit, so each checkpoint should find at least the counts of the
    cycle before (a binding that keeps a few spare references only makes them grow). True and
    False are counted together: a yes/no answer that changes moves a reference from one to the
    other.
    """
    counts = dict(rows)
    last = max(int(name[1 : name.index("-")]) for name, _ in rows)
    problems = []
    for name, (n, t, f) in rows:
        if not name.startswith(f"c{last}-"):
            continue
        step = name.split("-", 1)[1]
        pn, pt, pf = counts[f"c{last - 1}-{step}"]
        if n - pn < -NOISE:
            problems.append(f"None at {step}: {n - pn:+d} since the cycle before")
        if (t + f) - (pt + pf) < -NOISE:
            drop = (t + f) - (pt + pf)
            problems.append(f"True+False at {step}: {drop:+d} since the cycle before")
    return problems


def test_qt_calls_that_return_nothing_keep_none_alive():
    """The defect in its smallest form: 2,000 calls that return nothing (PySide6 6.12.0 on
    Python 3.11: -2,000; 6.11.3: 0). QtCore only, so it runs whatever application exists."""
    from PySide6.QtCore import QObject, QTimer

    thing, timer = QObject(), QTimer()
    before = sys.getrefcount(None)
    for i in range(1000):
        thing.setObjectName(f"ding {i}")
        timer.setInterval(i)
    assert IMMORTAL or sys.getrefcount(None) - before >= -NOISE


def test_a_scripted_visit_loses_no_reference_to_none_true_or_false(isolated_home):
    (rid,) = prepare(isolated_home, 1)
    out = run_child(isolated_home, "visit", PASS, str(rid), "--cycles", "3", timeout=900)
    rows = parse_counts(out.stdout)
    for name, values in rows:
        print(name, *values)
    # Every checkpoint was reached: 3 cycles of open, 4 x 50 answers, review, lock, unlock.
    assert len(rows) == 24, ([name for name, _ in rows], out.stderr[-2000:])
    if not IMMORTAL:
        assert steady_losses(rows) == []
    assert_clean_exit(out)


@pytest.mark.slow
def test_ten_thousand_answer_changes_and_twenty_locks_end_in_a_clean_quit(isolated_home):
    from huisbezoek.services import visit_resume

    (rid,) = prepare(isolated_home, 1)
    out = run_child(
        isolated_home, "soak", PASS, str(rid), "--changes", "10000", "--locks", "20", timeout=1800
    )
    assert_clean_exit(out)
    assert "CHANGES 10000" in out.stdout
    last = {}
    for line in out.stdout.splitlines():
        if line.startswith("ANSWER "):
            _, qid, value = line.split(" ", 2)
            last[qid] = value
    # The vault holds the last value given to every question (hand count: each of the 200
    # questions was changed 50 times).
    assert len(last) == 200
    opened = startup.unlock(PASS)
    try:
        visit = visit_resume.start_or_resume(opened.vault, rid, visit_resume.default_form())
        for qid, value in last.items():
            stored = visit.answers[qid]
            options = getattr(visit.form.question(qid), "options", None)
            if isinstance(stored, bool):
                shown = "Ja" if stored else "Nee"
            elif options:
                shown = next(o.label for o in options if o.value == stored)
            else:
                shown = str(stored)
            assert shown == value, qid
    finally:
        startup.close(opened)


@pytest.mark.slow
def test_starting_working_and_quitting_twelve_times_in_a_row_always_exits_cleanly(
    isolated_home,
):
    (rid,) = prepare(isolated_home, 1)
    for _ in range(12):
        out = run_child(isolated_home, "short", PASS, str(rid), timeout=120)
        assert_clean_exit(out)
        assert sum(line.startswith("ANSWER ") for line in out.stdout.splitlines()) == 12
