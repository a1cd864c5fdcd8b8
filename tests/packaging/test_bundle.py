"""Builds the Linux one-folder bundle with PyInstaller and runs it: the self-test, the data folder,
an upgrade and a downgrade through its command line, and a start of the screens offscreen.

Slow (about half a minute of PyInstaller on two cores, more when other tests run beside it), so
all tests here share one build and one xdist worker.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from huisbezoek import __version__
from huisbezoek.services import selftest

from . import upgrade_helpers

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
sys.path.insert(0, str(ROOT / "packaging"))
import buildinfo  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("packaging-bundle"),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller not installed"
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="the CI bundle test is the Linux build"),
]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built bundle folder (``dist/huisbezoek``), made once per test run.

    The ``xdist_group`` mark should keep these tests on one worker, but ``--dist loadgroup``
    silently stopped grouping with pytest 9.2 (pytest-xdist issue #1386). So the build is shared
    through the run's common temp folder under a file lock: whichever worker comes first builds,
    the other waits and reuses it.
    """
    import fcntl  # POSIX only; this module runs on Linux only

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by all workers of this run
    base = base / "huisbezoek-bundle"
    base.mkdir(exist_ok=True)
    done = base / "built"
    with (base / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            _build(base)
            done.touch()
    return base / "dist" / buildinfo.APP_NAME


def _build(base: Path) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(BUILD),
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "work"),
            "--no-self-test",
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    assert re.search(r"bundle: .* MB in \d+ files", result.stdout), result.stdout
    print(f"bundle built in {time.monotonic() - started:.0f} s")


def _exe(bundle: Path) -> Path:
    return bundle / buildinfo.APP_NAME


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "HUISBEZOEK_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def test_version_flag(bundle):
    result = subprocess.run(
        [str(_exe(bundle)), "--version"], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == f"huisbezoek {__version__}"


def test_self_test_passes_in_the_bundle(bundle, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    result = subprocess.run(
        [str(_exe(bundle)), "--self-test"],
        capture_output=True,
        text=True,
        env=_env(HUISBEZOEK_HOME=str(tmp_path / "home"), TMPDIR=str(tmp)),
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Huisbezoek {__version__}: zelftest"
    assert "geïnstalleerd programma" in lines[1]
    for name, _ in selftest.DEFAULT_CHECKS:
        assert any(re.match(rf"ok\s+{name}\s", line) for line in lines), (name, result.stdout)
    assert lines[-1] == selftest.ALL_OK
    assert "SQLCipher 4." in result.stdout
    assert list(tmp.iterdir()) == []  # the temporary vault was removed


def test_frozen_data_folder_is_the_user_folder_not_the_bundle(bundle, tmp_path):
    user_data = tmp_path / "xdg-data"
    result = subprocess.run(
        [str(_exe(bundle)), "--self-test"],
        capture_output=True,
        text=True,
        env=_env(XDG_DATA_HOME=str(user_data), HOME=str(tmp_path / "home")),
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    match = re.search(r"^Gegevensmap: (.+)$", result.stdout, re.M)
    assert match, result.stdout
    data = Path(match.group(1))
    assert data == user_data / "huisbezoek"
    assert not data.resolve().is_relative_to(bundle.resolve())
    # Nothing was written into the program folder by running it.
    assert not any(
        p.name in {"vault.db", "settings.json"} or p.name.startswith(".zelftest")
        for p in bundle.rglob("*")
    )


def test_bundle_migrates_an_old_vault(bundle, tmp_path):
    upgrade_helpers.upgrade_old_vault([str(_exe(bundle))], tmp_path)


def test_bundle_refuses_a_newer_vault(bundle, tmp_path):
    upgrade_helpers.refuse_newer_vault([str(_exe(bundle))], tmp_path)


def test_screens_start_offscreen(bundle, tmp_path):
    """The GUI starts from the bundle: Qt finds its offscreen platform plugin and keeps running."""
    proc = subprocess.Popen(
        [str(_exe(bundle))],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(HUISBEZOEK_HOME=str(tmp_path / "home"), QT_DEBUG_PLUGINS="1"),
    )
    assert proc.stderr is not None
    loaded = False
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            seen.append(line)
            if "libqoffscreen.so" in line and "loaded library" in line:
                loaded = True
                break
        assert loaded, "".join(seen[-40:])
        time.sleep(3)  # the window is built and shown; a crash would end the process
        assert proc.poll() is None, "".join(seen[-40:]) + proc.stderr.read()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        rest = proc.stderr.read()
        proc.stderr.close()
    assert "Traceback" not in "".join(seen) + rest


def test_bundle_is_lean(bundle):
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6"):
        assert unwanted not in names
    assert not any(n.startswith(("Qt3D", "QtMultimedia", "QtWebEngine", "QtQuick")) for n in names)
    assert not (internal / "psycopg").exists()
    translations = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert "qtbase_nl.qm" in translations
    assert not any(t.endswith(("_de.qm", "_fr.qm", "_ja.qm")) for t in translations)
    assert not any(t.startswith("qt_help") for t in translations)
    # Nothing the app never opens: other image formats (the PDF one pulls in QtPdf), Pillow's
    # AVIF/WebP/FreeType parts.
    formats = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "imageformats").iterdir()}
    assert formats == {"libqsvg.so"}
    assert "libQt6Pdf.so.6" not in names
    assert not any(n.startswith(("_avif", "_webp", "_imagingft", "libavif")) for n in names)
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= platforms
    assert "libqvnc.so" not in platforms
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 350e6, f"bundle grew to {size / 1e6:.0f} MB"


def test_bundle_holds_every_qt_module_the_code_imports(bundle):
    pyside = bundle / "_internal" / "PySide6"
    used = buildinfo.qt_modules_imported()
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(used)
    for name in used:
        assert list(pyside.glob(f"{name}.*")), name
    plugins = pyside / "Qt" / "plugins"
    assert (plugins / "imageformats" / "libqsvg.so").exists()
    if "QtPrintSupport" in used:
        assert (plugins / "printsupport").is_dir()


def test_bundle_holds_the_data_files(bundle):
    internal = bundle / "_internal"
    assert (internal / "forms" / "samen-sterker-75plus.v1.yaml").is_file()
    assert (internal / "resources" / "icons" / "huisbezoek-256.png").is_file()
    assert any((internal / "resources" / "fonts").glob("*.ttf"))
    assert any((internal / "resources" / "leaflets").glob("*.yaml"))
    versions = internal / "huisbezoek" / "vault" / "migrations" / "versions"
    assert (versions / "0001_initial.py").is_file()  # Alembic reads these as files
    assert (internal / "huisbezoek" / "vault" / "migrations" / "env.py").is_file()
    assert list((internal / "sqlcipher3").glob("_sqlite3*"))
    assert list((internal / "pyrage").glob("pyrage*"))
    # PDFium draws the print preview and the printed pages (loaded with ctypes, so by name).
    assert list((internal / "pypdfium2_raw").glob("*pdfium*"))
    assert (internal / "pypdfium2" / "version.json").is_file()
