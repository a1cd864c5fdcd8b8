"""Child process for the crash test: fills a visit through the screen until it is killed.

Prints ``SAVED <question id> <value>`` each time the screen reports an answer as saved (that
is when it shows "opgeslagen"); the parent kills this process with SIGKILL at some point.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QTimer

    from huisbezoek.gui.app import Application
    from huisbezoek.services import startup
    from huisbezoek.vault.keyslots import KdfParams

    forms, passphrase, resident_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = Application(kdf=KdfParams.FLOOR)
    app.ctx.forms_folder = forms
    app.lock.on_unlocked(startup.unlock(passphrase))
    visit = app.window.work.visit
    questions: list[str] = []

    def saved(qid: str, value: object) -> None:
        print(f"SAVED {qid} {value}", flush=True)

    def opened() -> None:
        visit.saver.saved.connect(saved)
        questions.extend(q.id for q in visit.visit.form.all_questions())
        print("READY", flush=True)
        timer.start(2)

    counter = iter(range(10**9))

    def step() -> None:
        n = next(counter)
        if n >= len(questions):
            return
        qid = questions[n]
        widget = visit.question_widget(qid)
        # Every third answer is typed (debounced), the others are saved at once.
        widget.edit.setText(f"antwoord-{n}")
        visit._answered(qid, f"antwoord-{n}", n % 3 == 0)

    timer = QTimer()
    timer.timeout.connect(step)
    visit.opened.connect(opened)
    visit.start_for(resident_id)
    app.qapp.exec()


if __name__ == "__main__":
    main()
