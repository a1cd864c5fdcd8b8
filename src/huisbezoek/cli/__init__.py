"""The command line: ``huisbezoek`` alone starts the GUI, ``huisbezoek <command>`` runs headless.

Each area adds its commands in its own module (``cli/<area>.py``) through ``register``; they
call the services layer, as the GUI does. Errors a user can cause print their Dutch message and
exit 2; no traceback.

Start-up: the command modules import the vault stack (SQLAlchemy, Alembic, SQLCipher, about
half a second) and more. A plain ``huisbezoek`` (what the Start menu runs) needs none of that
to show its window, so the command tree is only built when the arguments name a command or ask
for help; the GUI loads the vault stack itself, in the background, while the passphrase is
typed (``gui/app.py``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from huisbezoek import __version__
from huisbezoek.errors import UserError

# Modules that add subcommands; each has ``register(subparsers) -> None`` and sets
# ``func=callable(args) -> int`` on its parsers.
COMMAND_MODULES: tuple[str, ...] = (
    "huisbezoek.cli.vault",
    "huisbezoek.cli.forms",
    "huisbezoek.cli.printing",
    "huisbezoek.cli.exchange",
    "huisbezoek.cli.coordinator",
)

Handler = Callable[[argparse.Namespace], int]


#: Options that start the GUI or the self-test; arguments made of these alone need no commands.
GLOBAL_FLAGS = frozenset({"--demo-if-new", "--self-test", "-v", "--verbose"})


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole parser; ``commands=False`` leaves out the subcommands (and their imports)."""
    parser = argparse.ArgumentParser(
        prog="huisbezoek",
        description="Huisbezoek: gesprekken met ouderen thuis vastleggen, veilig en offline.",
    )
    parser.add_argument("--version", action="version", version=f"huisbezoek {__version__}")
    parser.add_argument(
        "--demo-if-new",
        action="store_true",
        help="maak een demokluis met verzonnen bewoners als er nog geen kluis is",
    )
    parser.add_argument("--self-test", action="store_true", help="controleer of alles werkt")
    parser.add_argument("-v", "--verbose", action="store_true", help="meer uitvoer in het logboek")
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:
        # Answer without importing every command's dependencies (a helpdesk asks this first).
        print(f"huisbezoek {__version__}")
        return 0
    parser = build_parser(commands=not GLOBAL_FLAGS.issuperset(given))
    args = parser.parse_args(given)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.self_test:
            from huisbezoek.gui.launcher import check_qt
            from huisbezoek.services.selftest import run_self_test

            return run_self_test(sys.stdout, extra_checks=[("scherm", check_qt)])
        handler: Handler | None = getattr(args, "func", None)
        if handler is None:
            from huisbezoek.gui.launcher import run_gui

            return run_gui(demo_if_new=args.demo_if_new)
        return handler(args)
    except UserError as exc:
        logging.getLogger("huisbezoek").info("user error: %s", exc.log_message)
        print(f"huisbezoek: {exc.message_nl}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("huisbezoek: afgebroken", file=sys.stderr)
        return 130
    except Exception as exc:
        # Never a traceback on the terminal: a database's error text can quote a row (names,
        # addresses, signal texts). The class name is enough to look it up; with --verbose a
        # developer gets the traceback in the log (statement values are hidden there too).
        log = logging.getLogger("huisbezoek")
        log.error("unexpected %s", type(exc).__name__, exc_info=args.verbose)
        print(
            f"huisbezoek: er ging iets mis ({type(exc).__name__}). Wat al was opgeslagen, blijft "
            "bewaard; een half werk is teruggedraaid. Probeer het opnieuw, of vraag de helpdesk.",
            file=sys.stderr,
        )
        return 1
