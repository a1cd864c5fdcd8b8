#!/usr/bin/env python3
"""GUI benchmark: cold start to the unlock screen against a bare PySide6 window (the floor),
opening a 150-question visit, and how long the GUI thread is blocked per answer saved.

Each cold start is a separate process, timed from spawn until the window is shown and the
process has exited. Runs offscreen; uses a temporary data folder and the vault's floor key
derivation (the unlock itself is not part of the start time: the screen waits for typing).

    .venv/bin/python benchmarks/bench_gui.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
w = QLabel("Huisbezoek")
w.resize(1100, 760)
w.show()
app.processEvents()
"""

APP = """
from PySide6.QtCore import QEventLoop, QTimer
from huisbezoek.gui.app import Application
app = Application()
app.start()
w = app.window
loop = QEventLoop()
QTimer.singleShot(0, loop.quit)
loop.exec()
assert w.pages.currentWidget() is w.unlock_page and w.isVisible()
"""

# PySide6 6.12 on Python 3.11: every QCoreApplication.processEvents() call drops one
# reference to None; a busy loop of them aborts the interpreter ("none_dealloc"). Pump the
# event loop through QEventLoop.exec() instead, which returns an int.


def pump(ms: int = 0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


PASS = "fiets kopje regen zeven"


def spawn_times(code: str, runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def write_form(folder: Path, count: int = 150) -> None:
    """A form of ``count`` questions of mixed types, in sections of 15, with skip logic."""
    lines = ["format: 1", "id: bench", "version: 1", "title: Benchmark", "sections:"]
    kinds = ["yes_no", "single_choice", "scale", "number", "short_text"]
    for s in range(count // 15):
        lines += [f"  - id: deel_{s}", f"    title: Deel {s + 1}", "    questions:"]
        for q in range(15):
            n = s * 15 + q
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
            if q and n % 7 == 0:
                lines += [f"        relevant: answered(v{n - 1})"]
    (folder / "bench.v1.yaml").write_text("\n".join(lines) + "\n")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def in_process(home: Path, forms: Path) -> None:
    from huisbezoek.forms import (
        NumberQuestion,
        ScaleQuestion,
        ShortTextQuestion,
        SingleChoiceQuestion,
        YesNoQuestion,
    )
    from huisbezoek.gui.app import Application
    from huisbezoek.services import residents, startup
    from huisbezoek.vault.keyslots import KdfParams

    def wait(cond, timeout=60.0):
        end = time.monotonic() + timeout
        while not cond():
            pump(1)
            if time.monotonic() > end:
                raise TimeoutError

    app = Application(kdf=KdfParams.FLOOR)
    app.ctx.forms_folder = forms
    opened = startup.unlock(PASS)
    app.lock.on_unlocked(opened)
    rids = [
        residents.add_resident(opened.vault, residents.ResidentInput(name=f"Bewoner {i}"))
        for i in range(6)
    ]
    visit = app.window.work.visit
    app.window.work.setCurrentWidget(visit)
    app.window.resize(1366, 768)
    app.window.show()
    open_ms, gui_ms = [], []
    for rid in rids[:5]:
        start = time.perf_counter()
        visit.start_for(rid)
        wait(lambda: visit.state is not None and visit.visit is not None)
        pump()
        open_ms.append((time.perf_counter() - start) * 1000)
        gui_ms.append(visit.opened_ms)
    build_start = time.perf_counter()
    for i in range(len(visit.visit.form.sections)):
        visit.page_for(i)
    build_all_ms = (time.perf_counter() - build_start) * 1000
    # Answer all 150 questions of the last visit as a volunteer would, in form order.
    visit.start_for(rids[5])
    wait(lambda: visit.state is not None and visit.visit is not None)
    blocks: list[float] = []
    typed_blocks: list[float] = []
    state = visit.state
    for q in visit.visit.form.all_questions():
        if not state.evaluation.is_relevant(q.id):
            continue
        visit.go_to_question(q.id)
        widget = visit.question_widget(q.id)
        if isinstance(q, YesNoQuestion):
            value, typed = True, False
        elif isinstance(q, SingleChoiceQuestion):
            value, typed = "b", False
        elif isinstance(q, ScaleQuestion):
            value, typed = 7, False
        elif isinstance(q, NumberQuestion):
            value, typed = 42, True
        elif isinstance(q, ShortTextQuestion):
            value, typed = "Een kort antwoord", True
        else:
            continue
        widget.set_value(value)
        # The slot a widget's signal runs: evaluation, screen update, hand-off to the worker.
        visit._answered(q.id, value, typed)
        (typed_blocks if typed else blocks).append(visit.last_block_ms)
        pump()
    start = time.perf_counter()
    visit.flush_pending()
    wait(lambda: visit.saver.all_saved)
    drain_ms = (time.perf_counter() - start) * 1000
    answered = len(blocks) + len(typed_blocks)
    everything = blocks + typed_blocks
    print(f"\nopen a 150-question visit (start_for -> screen ready), {len(open_ms)} runs:")
    print(
        f"  median {statistics.median(open_ms):7.1f} ms   min {min(open_ms):7.1f} ms   "
        f"(GUI-thread part: median {statistics.median(gui_ms):.1f} ms)"
    )
    sections = len(visit.visit.form.sections)
    print(f"  (pages are built when first shown; all {sections} at once: {build_all_ms:.1f} ms)")
    print(f"\nGUI-thread block per answer saved ({answered} answers, vault write on the worker):")
    print(
        f"  all     p50 {pct(everything, 50):6.2f} ms   p95 {pct(everything, 95):6.2f} ms   "
        f"max {max(everything):6.2f} ms"
    )
    print(
        f"  choices p50 {pct(blocks, 50):6.2f} ms   p95 {pct(blocks, 95):6.2f} ms   "
        f"max {max(blocks):6.2f} ms"
    )
    print(
        f"  typed   p50 {pct(typed_blocks, 50):6.2f} ms   p95 {pct(typed_blocks, 95):6.2f} ms   "
        f"max {max(typed_blocks):6.2f} ms"
    )
    print(f"  remaining saves drained after the last answer: {drain_ms:.1f} ms")
    verdict = "OK" if max(everything) <= 16 else "OVER"
    print(f"  target: no block over 16 ms -> {verdict}")
    app.shutdown()
    app.window.deleteLater()
    pump()


# -- issue 14: large text. Opening a visit and switching topics at 200% vs 100% text ---------
# Kept apart from the start-up timing above so both can change independently.


def text_scale_timing(rounds: int = 5) -> None:
    """Open the default form's visit and step through every topic, at 100% and at 200% text.

    Rounds alternate between the two sizes (a busy moment on the machine hits both alike).
    Pages are built when first shown; the idle pre-building is stopped so every switch pays
    for building and laying out its page, the worst case. Each step ends with a synchronous
    repaint of the visit screen, so layout and painting at the larger size are counted.
    """
    from huisbezoek.gui.app import Application
    from huisbezoek.gui.theme import apply_theme
    from huisbezoek.services import residents, startup
    from huisbezoek.services.settings import Settings
    from huisbezoek.vault.keyslots import KdfParams

    def wait(cond, timeout=60.0):
        end = time.monotonic() + timeout
        while not cond():
            pump(1)
            if time.monotonic() > end:
                raise TimeoutError

    app = Application(kdf=KdfParams.FLOOR)
    app.ctx.forms_folder = None  # the shipped default form
    opened = startup.unlock(PASS)
    app.lock.on_unlocked(opened)
    rids = [
        residents.add_resident(opened.vault, residents.ResidentInput(name=f"Groot {i}"))
        for i in range(2 * rounds + 2)
    ]
    window, visit = app.window, app.window.work.visit
    window.work.setCurrentWidget(visit)
    window.resize(1366, 768)
    window.show()
    results: dict[int, dict[str, list[float]]] = {
        s: {"open": [], "switch": [], "first": []} for s in (100, 200)
    }
    order = [100, 200] * (rounds + 1)
    for n, scale in enumerate(order):
        apply_theme(app.qapp, Settings(text_scale=scale))
        pump()
        start = time.perf_counter()
        visit.start_for(rids[n])
        wait(lambda: visit.state is not None and visit.visit is not None)
        visit._prebuild.stop()
        visit.repaint()
        opened_ms = (time.perf_counter() - start) * 1000
        first, again = [], []
        sections = len(visit.visit.form.sections)
        for step in [*range(1, sections), *range(sections - 2, -1, -1)]:
            built = visit.visit.form.sections[step].id in visit.pages
            start = time.perf_counter()
            visit.go_to_section(step)
            pump()
            visit.repaint()
            (again if built else first).append((time.perf_counter() - start) * 1000)
        if n < 2:
            continue  # the first round of each size warms caches (fonts, style sheet)
        results[scale]["open"].append(opened_ms)
        results[scale]["first"] += first
        results[scale]["switch"] += again
    print(
        f"\nlarge text: the default form's visit at 1366x768, {rounds} rounds per size "
        "(open = start_for -> first topic painted; topic = go_to_section -> painted):"
    )
    for what, label in (
        ("open", "open a visit        "),
        ("first", "first time on topic "),
        ("switch", "back to a topic     "),
    ):
        small = statistics.median(results[100][what])
        large = statistics.median(results[200][what])
        ratio = large / small
        verdict = "OK" if ratio <= 1.2 else "OVER"
        print(
            f"  {label} 100% median {small:7.2f} ms   200% median {large:7.2f} ms   "
            f"ratio {ratio:.2f}x (target: within 1.2x) -> {verdict}"
        )
    apply_theme(app.qapp, Settings())
    app.lock.shutdown()
    window.hide()
    window.deleteLater()
    pump()


# -- end of issue 14 ---------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--large-text-only", action="store_true", help="only the 100%% vs 200%% text timing"
    )
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="huisbezoek-bench-"))
    forms = home / "forms"
    forms.mkdir()
    write_form(forms)
    os.environ["HUISBEZOEK_HOME"] = str(home)
    from huisbezoek.services import startup
    from huisbezoek.vault.keyslots import KdfParams

    startup.close(startup.create_vault("Bench", PASS, kdf=KdfParams.FLOOR).opened)
    if args.large_text_only:
        text_scale_timing()
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HUISBEZOEK_HOME=str(home))
    spawn_times(BARE, 1, env)  # warm the disk cache for both
    spawn_times(APP, 1, env)
    # Interleaved, so a busy moment on the machine hits both sides alike.
    bare: list[float] = []
    app: list[float] = []
    for _ in range(args.runs):
        bare += spawn_times(BARE, 1, env)
        app += spawn_times(APP, 1, env)
    ratio = statistics.median(app) / statistics.median(bare)
    print(
        f"cold start, separate processes, {args.runs} interleaved runs each "
        "(spawn -> window shown -> exit):"
    )
    print(
        f"  bare PySide6 window (floor)  median {statistics.median(bare):7.1f} ms   "
        f"min {min(bare):7.1f} ms"
    )
    print(
        f"  huisbezoek to unlock screen  median {statistics.median(app):7.1f} ms   "
        f"min {min(app):7.1f} ms"
    )
    print(f"  ratio {ratio:.2f}x (target: within 2x) -> {'OK' if ratio <= 2 else 'OVER'}")
    text_scale_timing()
    in_process(home, forms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
