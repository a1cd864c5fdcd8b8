"""The floor for start-up: a bare PySide6 window, built by the same spec as the app.

``python packaging/build.py --bare-qt`` freezes this instead of the app (same Qt pruning, same
excludes, same executable options), and ``benchmarks/bench_gui.py`` times both to their first
visible window. Like the app with ``HUISBEZOEK_STARTUP_MARKER=1``, it prints the same line once
its window has been painted; with ``--quit`` it then closes.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

FIRST_WINDOW = "huisbezoek: first window shown"


class _FirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        if sys.stdout is not None:  # a windowed Windows build has no console
            print(FIRST_WINDOW, flush=True)
        if "--quit" in sys.argv:
            QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Huisbezoek")
    window.setCentralWidget(QLabel("Huisbezoek"))
    window.resize(1100, 760)
    first = _FirstPaint(window)
    window.installEventFilter(first)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
