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
