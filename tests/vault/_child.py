"""A separate process that works on a vault, for kill and lock tests (run as a script).

python _child.py hold FOLDER PASSPHRASE
    open the vault, print "ready <pid>", then wait until killed
python _child.py autosave FOLDER PASSPHRASE VISIT_ID PREFIX
    save answers PREFIX0, PREFIX1, ... in a loop; print "ack <question> <value>" after each
    save has returned (so the parent knows it was acknowledged)
python _child.py secrets FOLDER PASSPHRASE NAME ANSWER
    add residents named NAME and answers ANSWER in a loop, printing "ready" once started
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from huisbezoek.services import visit_answers
    from huisbezoek.vault import Vault
    from huisbezoek.vault.models import Resident

    mode, folder, passphrase = argv[0], Path(argv[1]), argv[2]
    vault = Vault.open(folder, passphrase)
    if mode == "hold":
        print(f"ready {__import__('os').getpid()}", flush=True)
        while True:
            time.sleep(1)
    if mode == "autosave":
        visit_id, prefix = int(argv[3]), argv[4]
        print("ready", flush=True)
        i = 0
        while True:
            question = f"{prefix}{i}"
            value = f"antwoord {prefix}{i}"
            visit_answers.save_answer(vault, visit_id, question, value)
            print(f"ack {question} {value}", flush=True)
            i += 1
    if mode == "secrets":
        name, answer = argv[3], argv[4]
        with vault.session() as s:
            resident = Resident(name=name)
            s.add(resident)
            s.flush()
            rid = resident.id
        visit_id = visit_answers.start_visit(vault, rid, "gesprek", 1, "ef" * 32, "bron")
        print("ready", flush=True)
        i = 0
        while True:
            with vault.session() as s:
                s.add(Resident(name=f"{name} {i}", notes=answer))
            visit_answers.save_answer(vault, visit_id, f"q{i}", f"{answer} {i}")
            i += 1
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
