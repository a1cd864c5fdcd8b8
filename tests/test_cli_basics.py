import subprocess
import sys

from huisbezoek import __version__
from huisbezoek.cli import main


def test_version_flag(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"huisbezoek {__version__}"


def test_version_among_other_flags_goes_through_argparse(capsys):
    try:
        main(["-v", "--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert __version__ in capsys.readouterr().out


def test_version_does_not_load_the_vault():
    code = (
        "import sys; from huisbezoek.cli import main; main(['--version']); "
        "print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "False False"


def test_module_entry_point_runs():
    out = subprocess.run(
        [sys.executable, "-m", "huisbezoek", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"huisbezoek {__version__}"


def test_an_unexpected_error_prints_no_traceback_and_no_data(monkeypatch, capsys) -> None:
    """A failure that is not a UserError (a database error quoting a row, say) reaches the
    terminal as one Dutch line with the error's class name: no traceback, no values."""
    from huisbezoek import cli

    def explode(_args):  # type: ignore[no-untyped-def]
        raise RuntimeError("Failing row contains (Mevrouw Zilverreiger, Kievitlaan 77)")

    monkeypatch.setattr(cli, "build_parser", _parser_running(explode))
    assert cli.main(["iets"]) == 1
    err = capsys.readouterr().err
    assert "er ging iets mis (RuntimeError)" in err
    assert "Zilverreiger" not in err and "Traceback" not in err


def _parser_running(handler):  # type: ignore[no-untyped-def]
    import argparse

    def build(commands: bool = True) -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser()
        parser.add_argument("word")
        parser.add_argument("--self-test", action="store_true")
        parser.add_argument("--demo-if-new", action="store_true")
        parser.add_argument("-v", "--verbose", action="store_true")
        parser.set_defaults(func=handler)
        return parser

    return build


def test_help_lists_every_area_of_commands(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    for command in ("vault", "forms", "coordinator"):
        assert command in out, out


def test_a_command_still_finds_its_parser(capsys):
    # Built only when a command is named; an unknown one is refused by that full parser.
    try:
        main(["geen-opdracht"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "geen-opdracht" in capsys.readouterr().err


def test_the_gui_flags_alone_need_no_command_tree():
    code = (
        "import sys; from huisbezoek import cli; "
        "p = cli.build_parser(commands=False); p.parse_args(['-v', '--demo-if-new']); "
        "options = {o for a in p._actions for o in a.option_strings}; "
        "print(cli.GLOBAL_FLAGS <= options, "
        "sorted(m for m in cli.COMMAND_MODULES if m in sys.modules), "
        "'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True [] False"
