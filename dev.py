#!/usr/bin/env python3
"""Developer entry point: sets up a virtual environment, then runs the app, tests or benchmarks.

    python3 dev.py start     set up (first time) and start the application
    python3 dev.py test      set up and run the whole suite: lint, format, types, architecture
                             contracts, tests (each test at most 5 minutes)
    python3 dev.py test --quick
                             the quick loop: the same checks, tests without the slow marker
    python3 dev.py bench     run the benchmarks and print their figures
    python3 dev.py bench coordinator exchange
                             only those (options such as --quick go to the scripts)
    python3 dev.py shots     make the README screenshots under a virtual display
    python3 dev.py translations
                             update resources/i18n/*.ts from the code (pyside6-lupdate) and
                             build the .qm files (pyside6-lrelease)

Only the standard library is used here, so it runs on a fresh machine with Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".huisbezoek-installed"

# Debian packages the full test suite uses: the reference age, minisign and unzip commands
# (batch interop), openssl (HTTPS drop tests), poppler (PDF page images and text), PostgreSQL
# (coordinator store tests), Apache (second WebDAV server), Xvfb (screenshots) with openbox,
# and the shared libraries Qt needs to run offscreen.
DEBIAN_TEST_PACKAGES = {
    "age": "age",
    "minisign": "minisign",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "Xvfb": "xvfb",
    "openbox": "openbox",  # screenshots: a window manager, so windows maximise
    "pg_ctlcluster": "postgresql",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "apache2": "apache2-bin",  # a second WebDAV server (C) for the drop tests and bench
    "openssl": "openssl",  # a self-signed certificate for the HTTPS drop tests
    "unzip": "unzip",  # a second reader of batch archives (interop test)
}
DEBIAN_QT_LIBRARIES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
]


def venv_python() -> Path:
    if platform.system() == "Windows":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(cmd: list[str | Path], **kwargs: object) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], **kwargs)  # type: ignore[arg-type]


def ensure_venv(extras: str) -> Path:
    """Create .venv and install the project (editable) when pyproject.toml changed."""
    if not venv_python().exists():
        run([sys.executable, "-m", "venv", VENV])
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        py = venv_python()
        if run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"]) != 0:
            sys.exit("pip kon niet worden bijgewerkt")
        if run([py, "-m", "pip", "install", "-q", "-e", f".[{extras}]"], cwd=ROOT) != 0:
            sys.exit("installatie mislukt")
        STAMP.write_text(wanted)
    return venv_python()


def ensure_debian_packages() -> None:
    """Install the system tools the tests use, where this is a Debian machine and we are root."""
    if platform.system() != "Linux" or not shutil.which("apt-get"):
        return
    missing = {pkg for tool, pkg in DEBIAN_TEST_PACKAGES.items() if not _has_tool(tool)}
    missing |= {lib for lib in DEBIAN_QT_LIBRARIES if not _dpkg_installed(lib)}
    if not missing:
        return
    if os.geteuid() != 0:
        print(
            f"let op: niet geïnstalleerd ({', '.join(sorted(missing))}); "
            "tests die ze nodig hebben worden overgeslagen"
        )
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    if (
        run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *sorted(missing)],
            env=env,
        )
        != 0
    ):
        sys.exit("apt-get install failed")


def _has_tool(tool: str) -> bool:
    if shutil.which(tool) or Path("/usr/sbin", tool).exists():  # sbin: not on every PATH
        return True
    if tool == "pg_ctlcluster":
        return any(Path("/usr/lib/postgresql").glob("*/bin/postgres"))
    return False


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
    )
    return "install ok installed" in result.stdout


def _buildinfo() -> ModuleType:
    """packaging/buildinfo.py (standard library only): the translation commands and files."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import buildinfo

    return buildinfo


def build_translations(py: Path) -> int:
    """The .qm files from the committed .ts files (the app falls back to Dutch without them)."""
    info = _buildinfo()
    rc = 0
    for language in info.compiled_languages():
        rc |= run(info.lrelease_command(str(py), info.ts_file(language), info.qm_file(language)))
    return rc


def cmd_translations(args: list[str]) -> int:
    py = ensure_venv("test")
    info = _buildinfo()
    info.I18N_DIR.mkdir(parents=True, exist_ok=True)
    for language in info.APP_LANGUAGES:
        rc = run(info.lupdate_command(str(py), language, info.ts_file(language)), cwd=ROOT)
        if rc != 0:
            return rc
    return build_translations(py)


def cmd_start(args: list[str]) -> int:
    py = ensure_venv("test")
    build_translations(py)
    return run([py, "-m", "huisbezoek", "--demo-if-new", *args], cwd=ROOT)


LINT_PATHS = ["src", "tests", "benchmarks", "packaging", "docs", "dev.py"]


# Generous: a test that needs longer than this is stuck (a deadlock, a dialog waiting for input).
TEST_TIMEOUT_SECONDS = 300
QUICK_TEST_TIMEOUT_SECONDS = 120
# The architecture contracts in .importlinter (import-linter), as a step of its own.
LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='.importlinter', no_logo=True))"
)


def cmd_test(args: list[str]) -> int:
    quick = "--quick" in args
    args = [a for a in args if a != "--quick"]
    py = ensure_venv("test")
    if not quick:
        ensure_debian_packages()
    if build_translations(py) != 0:
        return 1
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONHASHSEED="0",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    )
    lint = [p for p in LINT_PATHS if (ROOT / p).exists()]
    pytest: list[str | Path] = [py, "-m", "pytest", "-n", "2", "--dist", "loadgroup"]
    if quick:
        pytest += ["-m", "not slow", f"--timeout={QUICK_TEST_TIMEOUT_SECONDS}"]
    else:
        pytest += [f"--timeout={TEST_TIMEOUT_SECONDS}"]
    steps: list[list[str | Path]] = [
        [py, "-m", "ruff", "check", *lint],
        [py, "-m", "ruff", "format", "--check", *lint],
        [py, "-m", "mypy"],
        [py, "-c", LINT_IMPORTS],
        [*pytest, *args],
    ]
    for step in steps:
        rc = run(step, cwd=ROOT, env=env)
        if rc != 0:
            return rc
    return 0


def cmd_bench(args: list[str]) -> int:
    py = ensure_venv("test")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    scripts = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    # "bench coordinator exchange" runs those scripts; "--quick" and other options go to them
    names = [a for a in args if not a.startswith("-")]
    options = [a for a in args if a.startswith("-")]
    wanted = [s for s in scripts if not names or any(n in s.name for n in names)]
    if not wanted:
        print(f"no benchmark matches {' '.join(names)}; there are: "
              + ", ".join(s.stem.removeprefix("bench_") for s in scripts))  # fmt: skip
        return 2
    rc = 0
    for script in wanted:
        rc |= run([py, script, *options], cwd=ROOT, env=env)
    return rc


def cmd_shots(args: list[str]) -> int:
    py = ensure_venv("test")
    build_translations(py)
    return run([py, ROOT / "docs" / "make_screenshots.py", *args], cwd=ROOT)


COMMANDS = {
    "start": cmd_start,
    "test": cmd_test,
    "bench": cmd_bench,
    "shots": cmd_shots,
    "translations": cmd_translations,
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
