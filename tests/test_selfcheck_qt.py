import subprocess
import sys


def test_self_test_includes_the_screen_check(tmp_path):
    env = {
        "HUISBEZOEK_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-m", "huisbezoek", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    screen = [line for line in out.stdout.splitlines() if "scherm" in line]
    assert screen and screen[0].startswith("ok"), out.stdout
    assert "offscreen" in screen[0]
