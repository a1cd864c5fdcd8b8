"""The published JSON Schema of form files, generated from the pydantic models.

``forms/form.schema.json`` is this output, committed so that editors can check form files; a
test fails when the two drift apart. Regenerate with ``python -m huisbezoek.forms.schema``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from huisbezoek.forms.model import FormSpec

SCHEMA_FILE_NAME = "form.schema.json"


def form_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one form file."""
    return FormSpec.model_json_schema(by_alias=True, mode="validation")


def schema_text() -> str:
    """The schema exactly as committed in ``forms/form.schema.json``."""
    return json.dumps(form_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    from huisbezoek import paths
    from huisbezoek.fsutil import atomic_write

    target = paths.forms_dir() / SCHEMA_FILE_NAME
    atomic_write(target, schema_text().encode("utf-8"), mode=0o644)
    sys.stdout.write(f"{target}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
