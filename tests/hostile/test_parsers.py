"""Hostile corpus, parsers and readers (issue 19 items 5 and 6): deep nesting, huge numbers,
devices, FIFOs and sparse giants get a Dutch refusal, quickly, and change nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from huisbezoek.errors import UserError
from huisbezoek.exchange import package
from huisbezoek.exchange.files import read_limited
from huisbezoek.exchange.keys import Enrolment, OrgConfig, VolunteerKeys
from huisbezoek.forms.errors import FormDefinitionError
from huisbezoek.forms.loader import load_form
from huisbezoek.printing.content import load_directory
from huisbezoek.safe_read import FileRefusedError, loads_json, read_bounded, read_yaml_folder
from huisbezoek.services.configuration import check_package_files

from .conftest import make_fifo, run_cli

DEEP_JSON = b"[" * 60_000
HUGE_NUMBER_JSON = b'{"name": ' + b"9" * 5000 + b"}"
DEEP_YAML_FLOW = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
DEEP_YAML_BLOCK = "".join(" " * i + "- \n" for i in range(2000))


def _sparse(path: Path, size: int = 1 << 30) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


# -- item 5: deep nesting and huge numbers ------------------------------------------------------


@pytest.mark.parametrize("data", [DEEP_JSON, HUGE_NUMBER_JSON, b'{"a": 1e999}', b"NaN"])
def test_bounded_json(data):
    with pytest.raises(FileRefusedError) as info:
        loads_json(data, name="x.json")
    assert "niet ingelezen" in info.value.message_nl


@pytest.mark.parametrize("data", [DEEP_JSON, HUGE_NUMBER_JSON])
def test_enrolment_and_configuration_files(data):
    for parse in (Enrolment.from_bytes, OrgConfig.from_bytes):
        with pytest.raises(UserError) as info:
            parse(data)
        assert info.value.message_nl


@pytest.mark.parametrize("data", [DEEP_JSON, HUGE_NUMBER_JSON])
def test_package_files(data):
    with pytest.raises(package.PackageError) as info:
        package.package_kind(data)
    assert info.value.message_nl


def test_cli_org_enrol_and_config_import_refuse_deep_json(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "aanmelding.json"
    bad.write_bytes(DEEP_JSON)
    code, _, err = run_cli(
        monkeypatch, capsys, ["een wachtwoordzin hier"], "config", "import", str(bad),
        "--dir", str(tmp_path / "kluis"), "--passphrase-stdin",
    )  # fmt: skip
    assert code != 0 and "Traceback" not in err and err.strip()


@pytest.mark.parametrize("text", [DEEP_YAML_FLOW, DEEP_YAML_BLOCK, "a: " + "9" * 5000 + "\n"])
def test_sociale_kaart_yaml(tmp_path, text):
    folder = tmp_path / "kaart"
    folder.mkdir()
    (folder / "sociale_kaart.yaml").write_text(text)
    with pytest.raises(UserError) as info:
        load_directory(folder)
    assert "sociale_kaart.yaml" in info.value.message_nl
    with pytest.raises(FileRefusedError):
        read_yaml_folder(folder)  # `coordinator configuration --services`


def test_configuration_package_with_deep_yaml_is_refused():
    """What the volunteer's import does with a signed package's files, and the coordinator
    before signing: a Dutch refusal, no RecursionError."""
    with pytest.raises(UserError) as info:
        check_package_files(forms={}, leaflets={}, services={"sociale_kaart.yaml": DEEP_YAML_FLOW})
    assert info.value.message_nl


def test_coordinator_configuration_cli_refuses_deep_yaml(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "kaart"
    folder.mkdir()
    (folder / "sociale_kaart.yaml").write_text(DEEP_YAML_FLOW)
    code, _, err = run_cli(
        monkeypatch, capsys, ["een wachtwoordzin hier"], "coordinator", "configuration",
        "--services", str(folder), "--out", str(tmp_path / "pakket.json"),
        "--dir", str(tmp_path / "coord"), "--passphrase-stdin",
    )  # fmt: skip
    assert code != 0 and "te diep genest" in err and "Traceback" not in err
    assert not (tmp_path / "pakket.json").exists()


@pytest.mark.parametrize("text", [DEEP_YAML_FLOW, "id: " + "1" * 5000 + "\n"])
def test_form_yaml(tmp_path, text):
    path = tmp_path / "form.yaml"
    path.write_text(text)
    with pytest.raises(FormDefinitionError) as info:
        load_form(path)
    assert info.value.message_nl


# -- item 6: unbounded reads and hangs ------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
def test_forms_check_dev_zero_is_refused_without_reading(monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, [], "forms", "check", "/dev/zero")
    assert code == 1 and "geen gewoon bestand" in out and "Traceback" not in err


def test_sparse_giant_yaml_is_refused_before_reading(tmp_path, monkeypatch, capsys):
    path = _sparse(tmp_path / "groot.yaml")
    started = time.monotonic()
    code, out, _ = run_cli(monkeypatch, capsys, [], "forms", "check", str(path))
    assert code == 1 and "te groot" in out
    assert time.monotonic() - started < 5


def test_fifo_yaml_does_not_hang_forms_check(tmp_path, monkeypatch, capsys):
    fifo = make_fifo(tmp_path / "f.yaml")
    code, out, _ = run_cli(monkeypatch, capsys, [], "forms", "check", str(fifo))
    assert code == 1 and "geen gewoon bestand" in out


def test_fifo_and_folder_batches_are_refused_not_waited_for(tmp_path):
    fifo = make_fifo(tmp_path / "f.zip")
    with pytest.raises(FileRefusedError) as info:
        read_limited(fifo, 1024)
    assert "geen gewoon bestand" in info.value.message_nl
    folder = tmp_path / "map.zip"
    folder.mkdir()
    with pytest.raises(FileRefusedError) as info:
        read_limited(folder, 1024)
    assert "map" in info.value.message_nl


def test_file_growing_over_the_limit_is_cut_off(tmp_path):
    path = tmp_path / "groeit.bin"
    path.write_bytes(b"x" * 100)
    with pytest.raises(FileRefusedError) as info:
        read_bounded(path, 99)
    assert info.value.too_large
    assert read_bounded(path, 100) == b"x" * 100


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
def test_enrolment_file_that_is_a_device(tmp_path):
    with pytest.raises(FileRefusedError):
        read_limited(Path("/dev/zero"), 64 * 1024)
    keys = VolunteerKeys.generate()
    good = tmp_path / "goed.json"
    good.write_bytes(keys.enrolment("Els").to_bytes())
    assert Enrolment.from_bytes(read_limited(good, 64 * 1024)).name == "Els"
