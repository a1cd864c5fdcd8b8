#!/usr/bin/env python3
"""Builds the one-folder application with PyInstaller, reports its size and runs its self-test.

    python packaging/build.py                 build into dist/huisbezoek (work files in build/)
    python packaging/build.py --installer     also make the installer for this platform:
                                              Windows: Inno Setup .exe (needs iscc),
                                              macOS: .dmg (hdiutil), Linux: .tar.gz
    python packaging/build.py --dist D --work W --no-self-test
    python packaging/build.py --overlay ORG   bake an organisation's forms/ and resources/
                                              (sociale kaart, leaflets) into the build
    python packaging/build.py --with-postgres  coordinator build that can use PostgreSQL
    python packaging/build.py --bare-qt       a bare PySide6 window by the same spec (dist/qt-bare),
                                              the floor benchmarks/bench_gui.py measures against

Standard library only. PyInstaller is taken from the Python running this script, or else from
the project's ``.venv``. PyInstaller cannot cross-compile: build each platform on that platform.
Exit status: 0 when the build and the self-test succeeded.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildinfo

ROOT = buildinfo.ROOT
SPEC = buildinfo.PACKAGING / "huisbezoek.spec"
SYSTEM = platform.system()


def find_python() -> str:
    """A Python that has PyInstaller: this one, or the project's virtual environment."""
    import importlib.util

    if importlib.util.find_spec("PyInstaller") is not None:
        return sys.executable
    venv = ROOT / ".venv" / ("Scripts/python.exe" if SYSTEM == "Windows" else "bin/python")
    if venv.exists():
        return str(venv)
    sys.exit("PyInstaller ontbreekt: pip install -e '.[package]'")


def bundle_dir(dist: Path) -> Path:
    """The folder to ship (Windows, Linux) or the .app (macOS)."""
    if SYSTEM == "Darwin":
        return dist / f"{buildinfo.DISPLAY_NAME}.app"
    return dist / buildinfo.APP_NAME


def app_executable(dist: Path) -> Path:
    """The executable that prints to the console: the one to run ``--self-test`` with."""
    if SYSTEM == "Windows":
        return dist / buildinfo.APP_NAME / f"{buildinfo.APP_NAME}-cli.exe"
    if SYSTEM == "Darwin":
        return bundle_dir(dist) / "Contents" / "MacOS" / buildinfo.APP_NAME
    return dist / buildinfo.APP_NAME / buildinfo.APP_NAME


def folder_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``, symlinks not followed."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def build(
    dist: Path,
    work: Path,
    python: str,
    overlay: Path | None = None,
    postgres: bool = False,
    *,
    bare_qt: bool = False,
) -> Path:
    cmd = [
        python,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    env = dict(os.environ)
    env.pop("HUISBEZOEK_OVERLAY", None)
    env["HUISBEZOEK_WITH_POSTGRES"] = "1" if postgres else "0"
    env["HUISBEZOEK_BARE_QT"] = "1" if bare_qt else "0"
    if overlay is not None:
        if not any((overlay / name).is_dir() for name in buildinfo.SHIPPED_FOLDERS):
            sys.exit(f"{overlay} heeft geen map forms/ of resources/")
        env["HUISBEZOEK_OVERLAY"] = str(overlay.resolve())
        print(f"overlay: {overlay}", flush=True)
    for language in buildinfo.compiled_languages():  # the .qm files ship with resources/
        qm = buildinfo.qm_file(language)
        subprocess.run(
            buildinfo.lrelease_command(python, buildinfo.ts_file(language), qm), check=True
        )
    print("+", " ".join(cmd), flush=True)
    started = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    print(f"build: {time.monotonic() - started:.0f} s", flush=True)
    bundle = dist / buildinfo.BARE_QT_NAME if bare_qt else bundle_dir(dist)
    size, files = folder_size(bundle)
    print(f"bundle: {bundle} {size / 1e6:.1f} MB in {files} files", flush=True)
    return bundle


def self_test(dist: Path) -> int:
    """Runs the built app's ``--self-test`` offscreen, with a throw-away data folder."""
    exe = app_executable(dist)
    with tempfile.TemporaryDirectory(prefix="huisbezoek-build-") as home:
        env = dict(os.environ, HUISBEZOEK_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        print("+", exe, "--self-test", flush=True)
        started = time.monotonic()
        rc = subprocess.run([str(exe), "--self-test"], env=env, check=False).returncode
        print(f"self-test: exit {rc} in {time.monotonic() - started:.1f} s", flush=True)
    return rc


def linux_share_files(bundle: Path) -> None:
    """Desktop entry, AppStream metadata and icons inside the folder, under a share/ tree."""
    share = bundle / "share"
    linux = buildinfo.PACKAGING / "linux"
    for name, sub in (
        (f"{buildinfo.APP_ID}.desktop", "applications"),
        (f"{buildinfo.APP_ID}.metainfo.xml", "metainfo"),
    ):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / name, share / sub / name)
    for png in sorted(buildinfo.ICONS.glob("huisbezoek-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{buildinfo.APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(buildinfo.ICONS / "huisbezoek.svg", scalable / f"{buildinfo.APP_ID}.svg")


def find_iscc() -> str | None:
    """Inno Setup 6's compiler where its installer puts it (all users or just this user)."""
    env = {k.upper(): v for k, v in os.environ.items()}
    for base in (
        env.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
        env.get("PROGRAMFILES", r"C:\Program Files"),
        str(Path(env.get("LOCALAPPDATA", "")) / "Programs"),
    ):
        candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
        if candidate.exists():
            return str(candidate)
    return None


def installer(dist: Path, bundle: Path) -> Path:
    version = buildinfo.read_version()
    machine = platform.machine().lower()
    if SYSTEM == "Windows":
        iscc = shutil.which("iscc") or find_iscc()
        if iscc is None:
            sys.exit("Inno Setup 6 (iscc) niet gevonden: https://jrsoftware.org/isdl.php")
        iss = buildinfo.PACKAGING / "windows" / "huisbezoek.iss"
        numeric = ".".join(str(n) for n in buildinfo.version_tuple(version))
        cmd = [
            iscc,
            f"/DAppVersion={version}",
            f"/DAppVersionNumeric={numeric}",
            f"/DBundleDir={bundle}",
            f"/O{dist}",
            str(iss),
        ]
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
        return dist / f"huisbezoek-{version}-setup.exe"
    if SYSTEM == "Darwin":
        out = dist / f"huisbezoek-{version}-macos-{machine}.dmg"
        out.unlink(missing_ok=True)
        cmd = [
            "hdiutil",
            "create",
            "-volname",
            f"{buildinfo.DISPLAY_NAME} {version}",
            "-srcfolder",
            str(bundle),
            "-ov",
            "-format",
            "UDZO",
            str(out),
        ]
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
        return out
    linux_share_files(bundle)
    out = dist / f"huisbezoek-{version}-linux-{machine}.tar.gz"
    with tarfile.open(out, "w:gz") as tar:
        tar.add(bundle, arcname=f"huisbezoek-{version}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller work folder")
    parser.add_argument("--no-self-test", action="store_true", help="skip the built app's check")
    parser.add_argument("--installer", action="store_true", help="also make the installer")
    parser.add_argument(
        "--overlay",
        type=Path,
        default=None,
        help="organisation folder with forms/ and resources/ that replace the shipped files",
    )
    parser.add_argument(
        "--with-postgres",
        action="store_true",
        help="include psycopg, for coordinators whose shared store is PostgreSQL",
    )
    parser.add_argument(
        "--bare-qt",
        action="store_true",
        help="build only a bare PySide6 window with the same options (start-up floor)",
    )
    args = parser.parse_args(argv)

    print(f"huisbezoek {buildinfo.read_version()} on {SYSTEM} {platform.machine()}", flush=True)
    bundle = build(
        args.dist.resolve(),
        args.work.resolve(),
        find_python(),
        args.overlay,
        args.with_postgres,
        bare_qt=args.bare_qt,
    )
    if args.bare_qt:
        return 0
    rc = 0 if args.no_self_test else self_test(args.dist.resolve())
    if rc != 0:
        print("self-test failed: no installer made", file=sys.stderr)
        return rc
    if args.installer:
        out = installer(args.dist.resolve(), bundle)
        print(f"installer: {out} {out.stat().st_size / 1e6:.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
