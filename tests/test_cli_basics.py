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
