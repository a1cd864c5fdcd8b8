"""The base for every dialog: window-modal, opened with ``open()``, remembers its geometry.

``open()`` rather than the blocking ``QDialog.exec``: no nested event loop, so the idle lock
and the tests keep working while a dialog is up.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from huisbezoek.gui.i18n import translate
from huisbezoek.gui.screen_fit import FRAME_ALLOWANCE, fits


class BaseDialog(QDialog):
    """Window-modal dialog that stores its size and place under ``name`` in the settings."""

    #: Dialogs that show personal data are hidden while the vault is locked.
    shows_personal_data = True

    def __init__(self, parent: QWidget | None, name: str, ctx=None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.ctx = ctx
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setSizeGripEnabled(True)
        self._restored = False
        if ctx is not None and hasattr(ctx, "lock_requested"):
            # A window-modal dialog blocks the main window's Ctrl+L; give it its own.
            lock = QShortcut(QKeySequence("Ctrl+L"), self)
            lock.activated.connect(ctx.lock_requested)

    def showEvent(self, event) -> None:
        if not self._restored:
            self._restored = True
            if not self.restore_geometry():
                self.fit_to_content()
        super().showEvent(event)

    def fit_to_content(self) -> None:
        """Big enough for the content at the current text size, never bigger than the screen.

        Qt's own first size is at most two thirds of the screen wide and does not add the
        height that wrapped form rows need, which clips labels at 200% text.
        """
        screen = self.screen().availableGeometry()
        hint = self.sizeHint()
        roomy = self.fontMetrics().averageCharWidth() * 48  # forms read better a bit wider
        room_w = screen.width() - FRAME_ALLOWANCE.width()
        room_h = screen.height() - FRAME_ALLOWANCE.height()
        width = min(max(self.width(), hint.width(), roomy), room_w)
        height = hint.height()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            height = max(height, layout.totalHeightForWidth(width))
        self.resize(width, min(max(height, self.minimumSizeHint().height()), room_h))
        frame = self.frameGeometry()
        if not screen.contains(frame):  # keep the title bar and the buttons on the screen
            frame.moveCenter(screen.center())
            frame.moveTop(max(frame.top(), screen.top()))
            frame.moveLeft(max(frame.left(), screen.left()))
            self.move(frame.topLeft())

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)

    def restore_geometry(self) -> bool:
        if self.ctx is None:
            return False
        stored = self.ctx.settings.geometries.get(self.objectName())
        if not stored:
            return False
        if not self.restoreGeometry(QByteArray.fromBase64(stored.encode("ascii"))):
            return False
        # A size from a bigger screen or a smaller text size: fit the content again instead.
        available = self.screen().availableGeometry()
        small = self.minimumSizeHint()
        big_enough = self.width() >= small.width() and self.height() >= small.height()
        return fits(self.size(), available) and big_enough

    def save_geometry(self) -> None:
        if self.ctx is None:
            return
        value = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.ctx.remember_geometry(self.objectName(), value)

    def standard_buttons(self, ok_text: str | None = None) -> QDialogButtonBox:
        """OK/Annuleren with Dutch texts, wired to accept/reject."""
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text or translate("Dialoog", "Opslaan"))
        ok.setDefault(True)
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("Dialoog", "Annuleren")
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        return box
