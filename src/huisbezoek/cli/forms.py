"""``huisbezoek forms check``: a coordinator checks edited form files before handing them out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from huisbezoek import paths
from huisbezoek.forms.check import check_files


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("forms", help="gespreksformulieren controleren")
    sub = parser.add_subparsers(dest="forms_command", metavar="actie", required=True)
    check = sub.add_parser("check", help="controleer formulierbestanden op fouten")
    check.add_argument(
        "files", nargs="*", type=Path, help="de bestanden (standaard: alle ingebouwde formulieren)"
    )
    check.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    files = list(args.files) or sorted(paths.forms_dir().glob("*.yaml"))
    return check_files(files, sys.stdout)
