"""Windows fit the screens volunteers have, with the buttons a page needs always in view.

Issue 14: the main window always opened at 1100x760, so at 1366x768 with a taskbar
"Volgend onderwerp" and "Afronden" were below the screen's edge; at display scaling 200% the
list's filters, columns and buttons were off-screen until the window was maximised.
Each screen is a child process (Qt fixes the screen at start-up) on Qt's offscreen platform
with a screen of that size; the taskbar is taken off the height (40 pixels).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from huisbezoek.gui.screen_fit import FRAME_ALLOWANCE, fits, place_window, saved_geometry

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {
    # name: (width, height without the taskbar, QT_SCALE_FACTOR, text scale)
    "1366x768 taskbar 100%": (1366, 728, 1, 100),
    "1366x768 taskbar text 200%": (1366, 728, 1, 200),
    "1280x720 taskbar 100%": (1280, 680, 1, 100),
    "1280x720 taskbar text 150%": (1280, 680, 1, 150),
    "1366x768 display scaling 200%": (1366, 728, 2, 100),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_fits(name, tmp_path):
    width, height, factor, text = SCREENS[name]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    out = tmp_path / "result.json"
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        QT_SCALE_FACTOR=str(factor),
        HUISBEZOEK_HOME=str(tmp_path / "home"),
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    )
    run = subprocess.run(
        [sys.executable, "-m", "tests.gui.screen_child", str(text), str(out)],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text())
    facts = result["facts"]
    assert facts["screen"] == [width // factor, height // factor]
    assert facts["topics_shown"] >= 3
    assert not result["problems"], (facts, result["problems"])


def test_place_window_restores_a_size_that_fits(qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    available = QApplication.primaryScreen().availableGeometry()  # the offscreen screen
    first = QWidget()
    qtbot.addWidget(first)
    small = QSize(available.width() // 2, available.height() // 2)
    assert place_window(first, small) == "preferred"
    assert first.size() == small
    first.resize(small.width() + 30, small.height() + 20)  # the volunteer made it bigger
    stored = saved_geometry(first)
    again = QWidget()
    qtbot.addWidget(again)
    assert place_window(again, small, stored) == "restored"
    assert again.size() == QSize(small.width() + 30, small.height() + 20)


def test_place_window_never_restores_a_size_bigger_than_the_screen(qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    available = QApplication.primaryScreen().availableGeometry()
    big = QWidget()
    qtbot.addWidget(big)
    big.resize(available.width() + 400, available.height() + 300)  # from a larger monitor
    stored = saved_geometry(big)
    window = QWidget()
    qtbot.addWidget(window)
    too_big = QSize(available.width() + 100, available.height())
    assert not fits(too_big, available)
    assert place_window(window, too_big, stored) == "maximised"
    assert window.isMaximized()
    assert window.width() <= available.width() - FRAME_ALLOWANCE.width()
