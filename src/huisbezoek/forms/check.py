"""Check form files from the command line: ``python -m huisbezoek.forms.check FILE...``.

For coordinators and developers editing a form: prints "in orde" with the form's id, version
and hash, or every problem with file, line and field. Exit status 0 when all files are fine.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from huisbezoek.forms.errors import FormDefinitionError
from huisbezoek.forms.loader import load_form


def check_files(files: Sequence[Path], out: TextIO) -> int:
    status = 0
    for path in files:
        try:
            form = load_form(path)
        except FormDefinitionError as exc:
            out.write(exc.message_nl + "\n")
            status = 1
            continue
        out.write(
            f"{path.name}: in orde ({form.id} versie {form.version}, "
            f"{len(form.all_questions())} vragen, hash {form.definition_hash[:12]})\n"
        )
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        sys.stderr.write("gebruik: python -m huisbezoek.forms.check BESTAND.yaml ...\n")
        return 2
    return check_files([Path(a) for a in args], sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
