"""The architecture contracts (.importlinter) hold, name every volunteer screen, and catch a
module that imports across them."""

from __future__ import annotations

import configparser
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import huisbezoek.gui

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".importlinter"
# The gui modules allowed to reach coordinator code: the start that picks the workspace, and
# the command line's launcher. gui.coordinator.* are the coordinator's own screens.
MAY_OPEN_COORDINATOR = {
    "huisbezoek.gui.app",
    "huisbezoek.gui.first_start",
    "huisbezoek.gui.launcher",
}


def lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        f"sys.exit(lint_imports(config_filename={str(CONFIG)!r}, no_cache=True, no_logo=True))"
    )
    env = dict(os.environ, PYTHONPATH=str(src))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_the_contracts_hold() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_every_volunteer_screen_is_under_the_contract() -> None:
    config = configparser.ConfigParser()
    config.read(CONFIG, encoding="utf-8")
    listed = set(config["importlinter:contract:volunteer-screens"]["source_modules"].split())
    modules = {
        info.name
        for info in pkgutil.iter_modules(huisbezoek.gui.__path__, "huisbezoek.gui.")
        if not info.ispkg
    }
    assert listed == modules - MAY_OPEN_COORDINATOR


def test_a_volunteer_module_importing_coordinator_code_breaks_the_build(tmp_path: Path) -> None:
    """On a copy of the source: a volunteer service that imports the coordinator's importer,
    and a model that imports Qt, are both reported and the check fails."""
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT / "src" / "huisbezoek",
        copy / "huisbezoek",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    exchange = copy / "huisbezoek" / "services" / "exchange.py"
    exchange.write_text(exchange.read_text() + "\nfrom huisbezoek.coordinator import importer\n")
    models = copy / "huisbezoek" / "vault" / "models.py"
    models.write_text(models.read_text() + "\nimport PySide6.QtCore\n")
    result = lint_imports(copy)
    assert result.returncode == 1
    assert "2 kept, 3 broken" in result.stdout
    assert "huisbezoek.services.exchange -> huisbezoek.coordinator.importer" in result.stdout
    assert "huisbezoek.vault.models -> PySide6" in result.stdout


def test_no_module_imports_itself_through_others() -> None:
    """No import cycles between modules (imports made only for type checking aside)."""
    import grimp

    graph = grimp.build_graph("huisbezoek", exclude_type_checking_imports=True, cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(imported, module):
                cycles.append(f"{module} <-> {imported}")
    assert cycles == []
