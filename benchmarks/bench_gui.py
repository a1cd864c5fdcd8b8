#!/usr/bin/env python3
"""GUI benchmark: start-up to the first visible window as a volunteer sees it, against a bare
PySide6 window (the floor); opening a 150-question visit; how long the GUI thread is blocked
per answer saved.

Start-up, first figure: under a real X server (Xvfb, 1366x768), from spawning the program to its
first window painted on screen (the app prints a line then, with HUISBEZOEK_STARTUP_MARKER=1),
for the real entry point (``huisbezoek``) and the built bundle (``dist/huisbezoek``, when
``python packaging/build.py`` has made it), each against a bare PySide6 window: from source,
and frozen by the same spec options (``packaging/build.py --bare-qt``, built here once and kept
under ``build/bench-bare``). Second figure: the older offscreen measure from source (spawn,
window shown, exit). Every start is a separate process; runs are interleaved so a busy moment
hits all alike. A temporary data folder with a vault (floor key derivation) makes the app open
on its unlock screen.

    .venv/bin/python benchmarks/bench_gui.py [--runs N] [--bundle DIR] [--no-display]
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


def pump(ms: int = 0) -> None:
    """Let Qt deliver events (timers, the vault worker's results) for about ``ms``."""
    from PySide6.QtCore import QCoreApplication

    end = time.perf_counter() + ms / 1000
    QCoreApplication.processEvents()
    while time.perf_counter() < end:
        time.sleep(0.0005)
        QCoreApplication.processEvents()


def wait(cond, timeout: float = 60.0) -> None:
    """Pump events until ``cond()`` holds; TimeoutError after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not cond():
        pump(1)
        if time.monotonic() > end:
            raise TimeoutError


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
# --- start-up to the first visible window (issue 21) ----------------------------------------
# What a volunteer waits for: from launching the program to its first window on screen, under a
# real X server, for the entry point and the bundle, each against a bare PySide6 window.

ROOT = Path(__file__).resolve().parents[1]
MARKER = "huisbezoek: first window shown"  # huisbezoek.gui.app.FIRST_WINDOW, packaging/bare_qt.py
BARE_CACHE = ROOT / "build" / "bench-bare"


def start_xvfb(size: str = "1366x768x24") -> tuple[subprocess.Popen[bytes], str]:
    """A virtual X server on a free display (Xvfb picks the number and tells it)."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        raise RuntimeError("Xvfb did not start")
    return proc, f":{number}"


def visible_window(display: str, pid: int) -> bool:
    """Whether X lists a visible window of process ``pid`` (a check beside the app's own line;
    true when xdotool is not installed)."""
    import shutil

    if shutil.which("xdotool") is None:
        return True
    out = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(out.stdout.strip())


def first_window_ms(cmd: list[str], env: dict[str, str], check_visible: bool = False) -> float:
    """Milliseconds from spawning ``cmd`` until it prints that its first window is painted."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == MARKER:
                elapsed = (time.perf_counter() - start) * 1000
                if check_visible and not visible_window(env["DISPLAY"], proc.pid):
                    raise RuntimeError(f"{cmd[0]}: no visible window after its marker")
                return elapsed
        raise RuntimeError(f"{' '.join(cmd)} ended without showing a window")
    finally:
        proc.kill()
        proc.wait()


def bundle_facts(folder: Path) -> str:
    """Size, file count and PySide6 version of a one-folder bundle."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    pyside = sorted(p.name.split(".so.")[-1] for p in folder.rglob("libpyside6*.so.*"))
    version = f", PySide6 {pyside[0]}" if pyside else ""
    return f"{size / 1e6:.0f} MB in {len(files)} files{version}"


def bundle_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def bare_bundle() -> Path | None:
    """``build/bench-bare/dist/qt-bare``, built by ``packaging/build.py --bare-qt`` when missing
    or when the spec, its settings or the installed PySide6 changed since."""
    import hashlib
    import importlib.metadata

    key_parts = [importlib.metadata.version("PySide6-Essentials")]
    for name in ("huisbezoek.spec", "buildinfo.py", "bare_qt.py"):
        key_parts.append(hashlib.sha256((ROOT / "packaging" / name).read_bytes()).hexdigest())
    key = " ".join(key_parts)
    folder = BARE_CACHE / "dist" / "qt-bare"
    stamp = BARE_CACHE / "key.txt"
    if folder.is_dir() and stamp.exists() and stamp.read_text() == key:
        return folder
    print("building the bare PySide6 bundle (packaging/build.py --bare-qt, about a minute) ...")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--bare-qt",
            "--dist",
            str(BARE_CACHE / "dist"),
            "--work",
            str(BARE_CACHE / "work"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(result.stdout[-2000:] + result.stderr[-2000:])
        return None
    stamp.write_text(key)
    return folder


def entry_point() -> list[str]:
    """The ``huisbezoek`` command beside this Python (the console script), else ``-m``."""
    script = Path(sys.executable).with_name("huisbezoek")
    return [str(script)] if script.exists() else [sys.executable, "-m", "huisbezoek"]


def startup_on_display(home: Path, runs: int, bundle: Path) -> None:
    candidates: dict[str, list[str]] = {
        "bare PySide6 window, source": [sys.executable, str(ROOT / "packaging" / "bare_qt.py")],
        "huisbezoek entry point": entry_point(),
    }
    bare = bare_bundle()
    app_exe = bundle / "huisbezoek"
    if bare is not None:
        candidates["bare PySide6 bundle"] = [str(bare / "qt-bare")]
    if app_exe.exists():
        candidates["huisbezoek bundle"] = [str(app_exe)]
    xvfb, display = start_xvfb()
    try:
        env = {
            k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
        }
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            HUISBEZOEK_HOME=str(home),
            HUISBEZOEK_STARTUP_MARKER="1",
        )
        times: dict[str, list[float]] = {name: [] for name in candidates}
        for cmd in candidates.values():  # warm the disk cache; check the window is really there
            first_window_ms(cmd, env, check_visible=True)
        for _ in range(runs):
            for name, cmd in candidates.items():
                times[name].append(first_window_ms(cmd, env))
    finally:
        xvfb.kill()
        xvfb.wait()
    med = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"start-up to the first visible window, Xvfb {display} 1366x768 "
        f"({runs} interleaved runs each, spawn -> window painted):"
    )
    for name, values in times.items():
        note = ""
        if name == "huisbezoek entry point":
            note = f"   ({' '.join(Path(c).name for c in candidates[name][:1])})"
        elif name == "bare PySide6 bundle" and bare is not None:
            note = f"   ({bundle_facts(bare)})"
        elif name == "huisbezoek bundle":
            note = f"   ({bundle_facts(bundle)})"
        print(f"  {name:28s} median {med[name]:7.1f} ms   min {min(values):7.1f} ms{note}")
    ratio = med["huisbezoek entry point"] / med["bare PySide6 window, source"]
    print(f"  ratio entry point / bare window from source  {ratio:.2f}x")
    if "huisbezoek bundle" in med and "bare PySide6 bundle" in med:
        ratio = med["huisbezoek bundle"] / med["bare PySide6 bundle"]
        verdict = "OK" if ratio <= 2 else "OVER"
        print(
            f"  ratio bundle / bare bundle                   {ratio:.2f}x "
            f"(target: within 2x) -> {verdict}"
        )
        assert bare is not None
        grow = bundle_size(bundle) / bundle_size(bare)
        print(f"  bundle size / bare bundle size               {grow:.2f}x")
    elif not app_exe.exists():
        print(f"  (no bundle at {bundle}: python packaging/build.py makes it)")


# --- end of start-up ------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--bundle", type=Path, default=ROOT / "dist" / "huisbezoek", help="the built app bundle"
    )
    parser.add_argument("--no-display", action="store_true", help="skip the Xvfb start-up part")
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
    import shutil

    if args.no_display:
        pass
    elif shutil.which("Xvfb") is None:
        print("no Xvfb (apt-get install xvfb): start-up on a display not measured\n")
    else:
        startup_on_display(home, args.runs, args.bundle)
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
        f"offscreen, from source, {args.runs} interleaved runs each "
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
