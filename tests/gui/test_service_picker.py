"""The service picker: typed to, chosen by keyboard, deaf to a stray wheel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from huisbezoek.gui.service_picker import ServicePicker
from huisbezoek.printing.content import load_directory


def test_type_to_find_a_service_and_choose_it_by_keyboard(qtbot):
    directory = load_directory()
    picker = ServicePicker(directory)
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    chosen = []
    picker.chosen.connect(lambda sid, name: chosen.append((sid, name)))
    assert picker.count() == len(directory.services) + 1 and picker.service_id() == ""
    qtbot.keyClicks(picker.lineEdit(), "Stevig")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert picker.service_id() == "stevig-staan"
    assert picker.service_name() == "Cursus Stevig Staan"
    assert chosen[-1] == ("stevig-staan", "Cursus Stevig Staan")
    assert picker.accessibleName()
    picker.select("wmo-loket")
    assert chosen[-1][0] == "wmo-loket"
    picker.select(None)
    assert chosen[-1] == ("", "")


def test_the_wheel_does_not_change_the_choice_without_focus(qtbot):
    picker = ServicePicker()
    other = ServicePicker()
    qtbot.addWidget(picker)
    qtbot.addWidget(other)
    picker.show()
    other.show()
    picker.select("wmo-loket")
    other.setFocus()
    QApplication.processEvents()
    assert not picker.hasFocus()
    wheel = QWheelEvent(
        QPointF(5, 5), QPointF(picker.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(picker, wheel)
    assert picker.service_id() == "wmo-loket"
