"""Fast checks of the packaging files: one version source, installer metadata, icons, Qt policy."""

from __future__ import annotations

import ast
import configparser
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import huisbezoek
from huisbezoek import paths

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(PACKAGING))
import buildinfo  # noqa: E402

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- one version, everywhere ------------------------------------------------------------------


def test_version_is_read_from_the_package():
    assert buildinfo.read_version() == huisbezoek.__version__


def test_pyproject_takes_its_version_from_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "huisbezoek.__version__"}


def test_read_version_refuses_a_file_without_one(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text("VERSION = '1.0'\n")
    with pytest.raises(ValueError):
        buildinfo.read_version(init)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.3", (2, 3, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("1.2.3+local.7", (1, 2, 3, 0)),
        ("10.20.30.40", (10, 20, 30, 40)),
    ],
)
def test_version_tuple_gives_windows_four_numbers(version, expected):
    assert buildinfo.version_tuple(version) == expected


def test_version_tuple_refuses_non_numeric():
    with pytest.raises(ValueError):
        buildinfo.version_tuple("dev")


def _version_resource(text: str) -> tuple[dict[str, object], dict[str, str]]:
    """The FixedFileInfo keywords and the StringStruct pairs of a PyInstaller version file."""
    tree = ast.parse(text, mode="eval")
    fixed: dict[str, object] = {}
    strings: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "FixedFileInfo":
                fixed = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
            elif node.func.id == "StringStruct":
                key, value = (ast.literal_eval(arg) for arg in node.args)
                strings[key] = value
    return fixed, strings


def test_windows_version_resource_carries_the_version():
    fixed, strings = _version_resource(buildinfo.windows_version_info("1.4.2"))
    assert fixed["filevers"] == (1, 4, 2, 0)
    assert fixed["prodvers"] == (1, 4, 2, 0)
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "huisbezoek.exe"


def test_macos_info_plist_is_filled_from_the_version():
    plist = plistlib.loads(buildinfo.info_plist("3.2.1"))
    assert plist["CFBundleShortVersionString"] == "3.2.1"
    assert plist["CFBundleVersion"] == "3.2.1"
    assert plist["CFBundleIdentifier"] == buildinfo.APP_ID
    assert plist["NSHighResolutionCapable"] is True
    assert not any("@" in str(v) for v in plist.values())


def test_macos_entitlements_are_minimal():
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_info_plist_refuses_an_unfilled_placeholder(tmp_path):
    template = tmp_path / "Info.plist"
    template.write_text((PACKAGING / "macos" / "Info.plist").read_text() + "<!-- -->@NEW@")
    with pytest.raises(ValueError):
        buildinfo.info_plist("1.0", template)


# --- Linux desktop entry and AppStream metadata ----------------------------------------------


def _metainfo() -> ET.Element:
    # ElementTree raises on anything that is not well-formed XML.
    return ET.parse(PACKAGING / "linux" / f"{buildinfo.APP_ID}.metainfo.xml").getroot()


def test_metainfo_is_well_formed_and_names_the_app():
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == buildinfo.APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.text == f"{buildinfo.APP_ID}.desktop"


def test_metainfo_has_english_and_dutch_summary_and_description():
    root = _metainfo()
    summaries = {s.get(XML_LANG, "en"): (s.text or "").strip() for s in root.findall("summary")}
    assert set(summaries) == {"en", "nl"}
    assert all(0 < len(text) <= 60 for text in summaries.values())
    paragraphs = {p.get(XML_LANG, "en") for p in root.findall("description/p")}
    assert paragraphs == {"en", "nl"}


def test_metainfo_latest_release_is_the_current_version():
    release = _metainfo().find("releases/release")
    assert release is not None
    assert release.get("version") == huisbezoek.__version__, (
        "add a <release> for the new version to the metainfo file"
    )
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date") or "")


def test_desktop_entry_points_at_the_app_and_icon():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(PACKAGING / "linux" / f"{buildinfo.APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == buildinfo.APP_NAME
    assert entry["Icon"] == buildinfo.APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Comment[nl]"]
    assert entry["Categories"].endswith(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_entry_passes_desktop_file_validate():
    desktop = PACKAGING / "linux" / f"{buildinfo.APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream")
def test_metainfo_passes_appstreamcli_validate():
    metainfo = PACKAGING / "linux" / f"{buildinfo.APP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- Windows installer rules --------------------------------------------------------------------


def _iss() -> str:
    return (PACKAGING / "windows" / "huisbezoek.iss").read_text(encoding="utf-8")


def test_installer_is_per_user_with_a_fixed_app_id():
    iss = _iss()
    assert "PrivilegesRequired=lowest" in iss
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\", iss, re.M)
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.M)


def test_uninstaller_never_deletes_user_data():
    iss = _iss()
    sections = set(re.findall(r"^\[(\w+)\]", iss, re.M))
    assert "UninstallDelete" not in sections
    code = iss.split("[Code]", 1)[1]
    assert not re.search(r"\b(DelTree|DeleteFile|RemoveDir)\b", code)
    # [InstallDelete] may only clear program files inside {app}.
    install_delete = re.search(r"^\[InstallDelete\]\n(.*?)(?=^\[)", iss, re.M | re.S)
    assert install_delete is not None
    names = re.findall(r'Name: "([^"]+)"', install_delete.group(1))
    assert names
    assert all(name.startswith("{app}\\") for name in names)


def test_build_script_passes_only_defines_the_installer_knows():
    passed = set(re.findall(r'f"/D(\w+)=', (PACKAGING / "build.py").read_text()))
    declared = set(re.findall(r"^#ifndef (\w+)", _iss(), re.M))
    assert passed == {"AppVersion", "AppVersionNumeric", "BundleDir"}
    assert passed <= declared


def test_install_folder_and_data_folder_differ():
    # Windows: platformdirs puts the data in %LOCALAPPDATA%\huisbezoek; the installer puts the
    # program in %LOCALAPPDATA%\Programs\Huisbezoek. Neither contains the other.
    install = re.search(r"^DefaultDirName=(.*)$", _iss(), re.M)
    assert install is not None
    program = install.group(1).replace("{#AppName}", "Huisbezoek").lower()
    data = "{localappdata}\\huisbezoek"
    assert not program.startswith(data + "\\")
    assert not data.startswith(program + "\\")
    assert program != data


def test_data_dir_is_outside_a_frozen_bundle(monkeypatch, tmp_path):
    bundle = tmp_path / "Programs" / "Huisbezoek" / "_internal"
    bundle.mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.delenv(paths.ENV_HOME, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "userdata"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.resources_dir().is_relative_to(bundle)
    data = paths.data_dir()
    assert not data.is_relative_to(bundle.parent)
    assert data.is_relative_to(tmp_path)


# --- icons -----------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512, 1024])
def test_png_icons_exist_in_every_size(size):
    assert _png_size((ICONS / f"huisbezoek-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_the_windows_sizes():
    data = (ICONS / "huisbezoek.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        size = w or 256
        assert (w, planes, bits) == (h, 1, 32)
        assert offset + length <= len(data)
        image = data[offset : offset + length]
        if image[:4] == b"\x89PNG":
            assert _png_size(image) == (size, size)
        else:
            header_size, width, height = struct.unpack("<Iii", image[:12])
            assert (header_size, width, height) == (40, size, 2 * size)
            mask_row = ((size + 31) // 32) * 4
            assert length == 40 + size * size * 4 + mask_row * size
        sizes.add(size)
    assert {16, 24, 32, 48, 256} <= sizes


def test_icns_holds_the_macos_sizes():
    data = (ICONS / "huisbezoek.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        found[kind] = _png_size(data[pos + 8 : pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found[b"ic10"] == 1024
    assert found[b"ic07"] == 128
    assert found[b"icp4"] == 16


def test_icons_are_what_make_icon_draws(tmp_path, qapp):
    """The committed icons match the script, so a changed design cannot go unregenerated.

    ``qapp`` first: make_icon would otherwise start a bare QGuiApplication, and a widget test
    after it in the same worker would find no QApplication."""
    import make_icon
    from PIL import Image, ImageChops, ImageStat

    make_icon.make_icons(tmp_path)
    # The app's own icon in every size; resources/icons also holds the theme's arrow images.
    committed = sorted(p.name for p in ICONS.iterdir() if p.name.startswith("huisbezoek"))
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    assert (tmp_path / "huisbezoek.svg").read_bytes() == (ICONS / "huisbezoek.svg").read_bytes()
    ET.fromstring((ICONS / "huisbezoek.svg").read_bytes())
    for size in make_icon.PNG_SIZES:
        name = f"huisbezoek-{size}.png"
        with Image.open(tmp_path / name) as new, Image.open(ICONS / name) as old:
            diff = ImageChops.difference(new.convert("RGBA"), old.convert("RGBA"))
            # Allow anti-aliasing to differ a little between Qt versions, nothing more.
            assert max(ImageStat.Stat(diff).mean) < 2.0, name


# --- Qt module policy ------------------------------------------------------------------------


def test_code_imports_only_the_qt_modules_the_bundle_keeps():
    used = buildinfo.qt_modules_imported()
    outside = {
        name: sorted(files) for name, files in used.items() if name not in buildinfo.QT_ALLOWED
    }
    assert not outside, f"add to packaging/buildinfo.py QT_ALLOWED or drop the import: {outside}"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        # Linux / macOS wheel layout
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),  # would pull in QtPdf
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/Qt/translations/qt_nl.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_nl.qm", False),
        ("PySide6/Qt/translations/qtmultimedia_nl.qm", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        # Windows wheel layout
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", True),
        ("PySide6/plugins/platforms/qminimal.dll", True),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/plugins/imageformats/qjpeg.dll", False),
        ("PySide6/translations/qt_en.qm", True),
        ("PySide6/translations/qtbase_fr.qm", False),
        ("PySide6/Qt6Core.dll", True),
        # not Qt at all
        ("resources/translations/huisbezoek_en.qm", True),
        ("sqlcipher3/_sqlite3.so", True),
    ],
)
def test_qt_file_filter(dest, kept):
    assert buildinfo.keep_qt_file(dest) is kept


def test_heavy_qt_modules_are_excluded():
    excludes = set(buildinfo.qt_excludes())
    installed = buildinfo.qt_modules_installed()
    assert "QtCore" in installed
    for name in ("QtWebEngineCore", "QtQuick", "QtQml", "Qt3DCore", "QtMultimedia", "QtNetwork"):
        if name in installed:
            assert f"PySide6.{name}" in excludes
    assert not any(e.removeprefix("PySide6.") in buildinfo.QT_ALLOWED for e in excludes)


# --- organisation overlay --------------------------------------------------------------------


def test_overlay_replaces_and_adds_shipped_files(tmp_path):
    base, org = tmp_path / "repo", tmp_path / "org"
    (base / "resources" / "sociale_kaart").mkdir(parents=True)
    (base / "resources" / "sociale_kaart" / "sociale_kaart.yaml").write_text("demo")
    (base / "resources" / "leaflets").mkdir()
    (base / "resources" / "leaflets" / "vallen.yaml").write_text("standaard")
    (base / "forms").mkdir()
    (base / "forms" / "a.v1.yaml").write_text("a")
    (org / "resources" / "sociale_kaart").mkdir(parents=True)
    (org / "resources" / "sociale_kaart" / "sociale_kaart.yaml").write_text("echt")
    (org / "forms").mkdir()
    (org / "forms" / "a.v2.yaml").write_text("a2")
    (org / "notes.txt").write_text("not shipped")

    pairs = buildinfo.shipped_data(base, org)
    by_dest = {Path(dest) / Path(src).name: Path(src) for src, dest in pairs}
    assert by_dest[Path("resources/sociale_kaart/sociale_kaart.yaml")].read_text() == "echt"
    assert by_dest[Path("resources/leaflets/vallen.yaml")].read_text() == "standaard"
    assert set(by_dest) == {
        Path("resources/sociale_kaart/sociale_kaart.yaml"),
        Path("resources/leaflets/vallen.yaml"),
        Path("forms/a.v1.yaml"),
        Path("forms/a.v2.yaml"),
    }
    assert buildinfo.shipped_data(base, None) != pairs


def test_unused_pillow_parts_are_left_out_but_its_core_stays():
    # reportlab imports PIL.Image at start: its core (_imaging) must stay in the bundle.
    assert "PIL._imaging" not in buildinfo.UNUSED_MODULES
    assert "PIL.Image" not in buildinfo.UNUSED_MODULES
    assert {"PIL._avif", "PIL._webp", "PIL._imagingft"} <= set(buildinfo.UNUSED_MODULES)
    code = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "src" / "huisbezoek").rglob("*.py")
    )
    for name in buildinfo.UNUSED_MODULES:
        assert name not in code  # the app never asks for them itself


def test_the_bare_qt_floor_is_built_by_the_same_spec():
    spec = (ROOT / "packaging" / "huisbezoek.spec").read_text(encoding="utf-8")
    assert "HUISBEZOEK_BARE_QT" in spec and "bare_qt.py" in spec
    bare = (ROOT / "packaging" / "bare_qt.py").read_text(encoding="utf-8")
    from huisbezoek.gui.app import FIRST_WINDOW

    assert f'FIRST_WINDOW = "{FIRST_WINDOW}"' in bare  # the benchmark waits for the same line
