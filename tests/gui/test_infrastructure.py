import threading

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from huisbezoek.errors import UserError
from huisbezoek.gui import operations
from huisbezoek.gui.i18n import install_pseudo_translator, stretch, translate
from huisbezoek.gui.idle import IdleWatcher
from huisbezoek.gui.progress import JobCancelled, ProgressDialog


def test_operation_runs_off_gui_thread_and_returns_on_it(qtbot):
    gui_thread = threading.get_ident()
    seen = {}

    def work():
        seen["worker"] = threading.get_ident()
        return 42

    def done(result):
        seen["callback"] = threading.get_ident()
        seen["result"] = result

    op = operations.run_op(None, work, on_done=done)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread
    assert seen["result"] == 42


def test_user_error_shows_dutch_message_not_traceback(qtbot):
    def work():
        raise UserError("log only", message_nl="Dit ging mis, probeer het opnieuw.")

    op = operations.run_op(None, work)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert operations.last_errors()[-1] == "Dit ging mis, probeer het opnieuw."


def test_unexpected_error_shows_calm_general_message(qtbot):
    def work():
        raise RuntimeError("secret detail")

    op = operations.run_op(None, work)
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    shown = operations.last_errors()[-1]
    assert "secret detail" not in shown
    assert "Traceback" not in shown
    assert "opgeslagen" in shown


def test_unexpected_error_to_own_handler_is_still_logged(qtbot, caplog):
    """A screen with its own error handler still leaves the traceback in the log (for the
    helpdesk); a UserError stays out of the error log."""
    seen: list[BaseException] = []

    def boom():
        raise RuntimeError("kapot")

    with caplog.at_level("ERROR", logger=operations.log.name):
        op = operations.run_op(None, boom, on_error=seen.append)
        qtbot.waitUntil(lambda: op.error is not None, timeout=5000)
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert isinstance(seen[0], RuntimeError)
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)

    caplog.clear()

    def refused():
        raise UserError("log only", message_nl="Vul uw naam in.")

    with caplog.at_level("ERROR", logger=operations.log.name):
        op = operations.run_op(None, refused, on_error=seen.append)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_show_problem_puts_user_error_in_the_line_and_the_rest_in_a_box(qtbot):
    line = QLabel()
    qtbot.addWidget(line)
    line.setVisible(False)
    before = len(operations.last_errors())
    operations.show_problem(None, line, UserError("log only", message_nl="Vul uw naam in."))
    assert line.text() == "Vul uw naam in."
    assert not line.isHidden()
    assert len(operations.last_errors()) == before  # no box for what the user can fix here

    operations.show_problem(None, QLabel(), RuntimeError("secret detail"))
    assert len(operations.last_errors()) == before + 1
    assert "secret detail" not in operations.last_errors()[-1]


def test_jobs_run_in_order_and_flush_waits():
    w = operations.worker()
    order = []
    for i in range(20):
        w.submit(lambda i=i: order.append(i))
    assert w.flush(5)
    assert order == list(range(20))


def test_progress_dialog_reports_and_cancels(qtbot):
    started = threading.Event()

    def job(progress, cancel):
        progress(0.5, "Halverwege")
        started.set()
        while not cancel.wait(0.01):
            pass
        raise JobCancelled()

    dlg = ProgressDialog(None, "Test", job, min_interval=0)
    qtbot.addWidget(dlg)
    dlg.start()
    qtbot.waitUntil(lambda: dlg.bar.value() == 500, timeout=5000)
    assert dlg.message.text() == "Halverwege"
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: dlg.cancelled, timeout=5000)
    assert not dlg.isVisible()


def test_progress_dialog_delivers_result(qtbot):
    dlg = ProgressDialog(None, "Test", lambda progress, cancel: "klaar", min_interval=0)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.succeeded, timeout=5000) as blocker:
        dlg.start()
    assert blocker.args == ["klaar"]


def test_idle_watcher_fires_and_input_postpones(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    watcher = IdleWatcher(80)
    QCoreApplication.instance().installEventFilter(watcher)
    try:
        watcher.start()
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass
        watcher.set_timeout_ms(250)
        watcher.start()
        with qtbot.assertNotEmitted(watcher.idle):
            for _ in range(8):  # 8 x 60 ms of typing: longer than the timeout, never idle
                qtbot.keyClick(label, "a")
                qtbot.wait(60)
        watcher.stop()
    finally:
        QCoreApplication.instance().removeEventFilter(watcher)


@pytest.mark.parametrize("text", ["Hallo", "Bewoner {naam} op {datum}", "&Opslaan", "%1 van %2"])
def test_stretch_keeps_placeholders(text):
    out = stretch(text, 1.5)
    assert len(out) > len(text)
    for token in ("{naam}", "{datum}", "&Opslaan", "%1", "%2"):
        if token in text:
            assert token in out


def test_pseudo_translator_stretches_tr(qapp):
    translator = install_pseudo_translator(1.5)
    try:
        assert translate("Test", "Bewoners") != "Bewoners"
        assert translate("Test", "Bewoners").startswith("Bewoners")
    finally:
        qapp.removeTranslator(translator)
    assert translate("Test", "Bewoners") == "Bewoners"
