"""Facts the spec, the build script and the installers share: version, names, Qt module policy.

Standard library only, so ``build.py`` and the tests can import it without PyInstaller. The
version is read (not imported) from ``src/huisbezoek/__init__.py``, the single place it is set.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SRC = ROOT / "src" / "huisbezoek"
ICONS = ROOT / "resources" / "icons"

APP_NAME = "huisbezoek"  # executable and folder name
BARE_QT_NAME = "qt-bare"  # the bare PySide6 window built by the same spec (start-up floor)
DISPLAY_NAME = "Huisbezoek"
APP_ID = "nl.huisbezoek.Huisbezoek"  # reverse-DNS id: macOS bundle, Linux desktop entry
PUBLISHER = "huisbezoek developers"
DESCRIPTION_NL = "Huisbezoek: gesprekken met ouderen thuis vastleggen, veilig en offline"

# Qt modules the application may use. Everything else PySide6 ships is excluded from the bundle,
# so a stray import cannot pull in QtWebEngine (~200 MB) or QML. tests/packaging checks that the
# code imports nothing outside this set; add a module here only when the app needs it.
QT_ALLOWED = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtPrintSupport",  # printing leaflets from the GUI
        "QtSvg",
        "QtSvgWidgets",
        "QtCharts",  # coverage charts for the coordinator
        "QtPdf",  # print preview of the reportlab PDFs
        "QtPdfWidgets",
    }
)

# Platform plugins worth shipping: the desktop ones plus offscreen (self-test, CI) and minimal.
# The embedded-device ones (eglfs, linuxfb, vnc, vkkhrdisplay) only add weight.
QT_PLATFORM_PLUGINS = frozenset(
    {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"}
)
# Plugin types and single plugins left out: embedded-device input (evdev, tuio) and EGL devices,
# the virtual keyboard (it needs QtQuick), and the GTK3 theme (it drags in GTK's libraries; the
# xdg-desktop-portal theme still gives native file dialogs on Linux).
QT_DROPPED_PLUGIN_TYPES = frozenset({"egldeviceintegrations", "generic"})
QT_DROPPED_PLUGINS = frozenset({"qtvirtualkeyboardplugin", "qgtk3"})
# Image formats Qt may read: the app draws only SVG icons (PNG is built into QtGui). The others
# (JPEG, TIFF, WebP, GIF, ICO, ICNS, TGA, WBMP) are never opened, and the PDF image plugin
# alone pulls in QtPdf (4.5 MB); print previews are rendered by PDFium.
QT_IMAGE_FORMATS = frozenset({"qsvg"})
# Wayland shells: desktops speak xdg-shell; the others are for embedded compositors.
QT_WAYLAND_SHELLS = frozenset({"xdg-shell"})
# Qt's own translations (buttons in standard dialogs); the app speaks Dutch, English is the
# fallback. The other 30-odd languages are left out, and so are the catalogues of Qt modules
# the app does not ship (Qt Help, Multimedia, ...): only qtbase and its ``qt_`` umbrella file.
QT_TRANSLATION_LANGUAGES = ("nl", "en")
QT_TRANSLATION_CATALOGUES = ("qt", "qtbase")

# Python modules that would come along but are never used. reportlab imports Pillow's core
# (``PIL.Image``) at start but draws no images and no text through Pillow: its AVIF, WebP,
# FreeType, colour-management and Tk parts (and the 10 MB of libraries they link) stay out.
UNUSED_MODULES = (
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL._imagingmath",
    "PIL._imagingmorph",
    "PIL.ImageTk",
    "PIL.ImageQt",
)


#: Top-level folders whose files the app reads at run time (``huisbezoek.paths``).
SHIPPED_FOLDERS = ("forms", "resources")


def shipped_data(root: Path = ROOT, overlay: Path | None = None) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for ``forms/`` and ``resources/``.

    ``overlay`` is an organisation's folder with the same layout (``forms/...``,
    ``resources/sociale_kaart/...``, ``resources/leaflets/...``): its files are added, and
    replace the shipped file of the same name, so a coordinator can build an installer with the
    organisation's own services directory, leaflets and forms without touching the source tree.
    """
    chosen: dict[str, Path] = {}
    for base in (root, overlay):
        if base is None:
            continue
        for name in SHIPPED_FOLDERS:
            folder = base / name
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.name != ".DS_Store":
                    chosen[path.relative_to(base).as_posix()] = path
    return [(str(src), str(Path(dest).parent)) for dest, src in sorted(chosen.items())]


def keep_qt_file(dest: str) -> bool:
    """False for a Qt file in the bundle the app never uses (plugins, Qt translations).

    ``dest`` is the file's place in the bundle: ``PySide6/Qt/plugins/...`` on Linux and macOS,
    ``PySide6/plugins/...`` on Windows (the wheels differ).
    """
    parts = Path(dest).as_posix().split("/")
    if not parts or parts[0] != "PySide6":
        return True
    rest = parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]
    if len(rest) >= 2 and rest[0] == "translations":
        catalogue, _, language = Path(rest[-1]).stem.rpartition("_")  # qtbase_nl
        return catalogue in QT_TRANSLATION_CATALOGUES and language in QT_TRANSLATION_LANGUAGES
    if len(rest) >= 3 and rest[0] == "plugins":
        kind, stem = rest[1], rest[-1].split(".")[0].removeprefix("lib")
        if kind in QT_DROPPED_PLUGIN_TYPES or stem in QT_DROPPED_PLUGINS:
            return False
        if kind == "platforms":
            return stem in QT_PLATFORM_PLUGINS
        if kind == "imageformats":
            return stem in QT_IMAGE_FORMATS
        if kind == "wayland-shell-integration":
            return stem in QT_WAYLAND_SHELLS
    return True


def read_version(init_file: Path = SRC / "__init__.py") -> str:
    """``huisbezoek.__version__``, read from the source without importing the package."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    raise ValueError(f"no __version__ = '...' in {init_file}")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows from the leading numeric part (``1.2.3rc1`` -> ``(1, 2, 3, 0)``)."""
    match = re.match(r"\d+(\.\d+){0,3}", version)
    if match is None:
        raise ValueError(f"version {version!r} does not start with numbers")
    numbers = [int(part) for part in match.group(0).split(".")]
    numbers += [0] * (4 - len(numbers))
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_info(version: str) -> str:
    """PyInstaller's ``version=`` file: the Windows version resource of the .exe files."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": DISPLAY_NAME,
        "FileVersion": version,
        "InternalName": APP_NAME,
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0x0413 is Dutch (Netherlands), 1200 (0x04B0) is Unicode.
    return f"""# Generated by packaging/buildinfo.py from huisbezoek.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '041304B0',
        [{table}])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def info_plist(version: str, template: Path = PACKAGING / "macos" / "Info.plist") -> bytes:
    """The macOS Info.plist: the template with the version and ids filled in."""
    text = template.read_text(encoding="utf-8")
    for key, value in {
        "@VERSION@": version,
        "@APP_ID@": APP_ID,
        "@APP_NAME@": APP_NAME,
        "@DISPLAY_NAME@": DISPLAY_NAME,
    }.items():
        text = text.replace(key, value)
    if "@" in re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL):
        raise ValueError(f"unfilled placeholder left in {template}")
    return text.encode("utf-8")


def qt_modules_imported(src: Path = SRC) -> dict[str, set[str]]:
    """Every ``PySide6.QtX`` module the code imports, with the files that import it."""
    found: dict[str, set[str]] = {}
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if node.module == "PySide6":
                    names = [f"PySide6.{alias.name}" for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    found.setdefault(parts[1], set()).add(str(path.relative_to(src.parent)))
    return found


def qt_modules_installed() -> set[str]:
    """The PySide6 binding modules present in this environment (without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return set()
    folder = Path(next(iter(spec.submodule_search_locations)))
    names = set()
    for path in folder.iterdir():
        name = path.name.split(".")[0]
        if name.startswith("Qt") and path.suffix in {".so", ".pyd"}:
            names.add(name)
    return names


def qt_excludes() -> list[str]:
    """``PySide6.QtX`` names for Analysis(excludes=...): every installed module not allowed."""
    return sorted(f"PySide6.{name}" for name in qt_modules_installed() - QT_ALLOWED)


# -- translations -------------------------------------------------------------------------------
# The screens' strings are extracted with pyside6-lupdate into resources/i18n/huisbezoek_<lang>.ts
# (committed; Dutch is the source language) and compiled with pyside6-lrelease into .qm files
# (built by dev.py and build.py, not committed), which the bundle ships with resources/.

I18N_DIR = ROOT / "resources" / "i18n"
SOURCE_LANGUAGE = "nl"
#: Language -> the locale tag written into its .ts file.
APP_LANGUAGES = {"nl": "nl_NL", "en": "en_GB"}
#: Where translatable strings live: the screens, and the domain's labels (QT_TRANSLATE_NOOP).
TRANSLATED_PACKAGES = ("gui", "domain")
_PYSIDE_TOOL = "import sys; from PySide6.scripts.pyside_tool import {0}; sys.exit({0}())"


def translation_sources(src: Path = SRC) -> list[Path]:
    return sorted(
        path
        for package in TRANSLATED_PACKAGES
        for path in (src / package).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def ts_file(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"huisbezoek_{language}.ts"


def qm_file(language: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"huisbezoek_{language}.qm"


def lupdate_command(python: str, language: str, ts: Path, src: Path = SRC) -> list[str]:
    """Update ``ts`` (made when missing) with every string in the sources; vanished ones go.

    No source locations are written, so editing code does not change the .ts files (fewer
    merge conflicts); Qt Linguist still shows each string's context and any comment.
    """
    return [
        python, "-c", _PYSIDE_TOOL.format("lupdate"),
        "-locations", "none", "-no-obsolete", "-silent",
        "-source-language", APP_LANGUAGES[SOURCE_LANGUAGE],
        "-target-language", APP_LANGUAGES[language],
        *[str(p) for p in translation_sources(src)],
        "-ts", str(ts),
    ]  # fmt: skip


def lrelease_command(python: str, ts: Path, qm: Path) -> list[str]:
    return [python, "-c", _PYSIDE_TOOL.format("lrelease"), "-silent", str(ts), "-qm", str(qm)]


def compiled_languages() -> list[str]:
    """The languages that need a .qm file: all but the source language."""
    return [lang for lang in APP_LANGUAGES if lang != SOURCE_LANGUAGE]
