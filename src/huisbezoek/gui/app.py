"""GUI entry point (the screens arrive with the volunteer-application issue)."""

from __future__ import annotations

import sys


def run_gui(*, demo_if_new: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel(QApplication.translate("App", "Huisbezoek"))
    label.show()
    return int(app.exec())
