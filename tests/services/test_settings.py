import json

import pytest

from huisbezoek.errors import InvalidInputError
from huisbezoek.services.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_when_missing():
    s = load_settings()
    assert s == Settings()
    assert s.idle_lock_minutes == 5
    assert s.text_scale == 100
    assert s.high_contrast is False


def test_round_trip(tmp_path):
    path = tmp_path / "s.json"
    s = Settings(text_scale=175, high_contrast=True, idle_lock_minutes=12).with_geometry("x", "AQ")
    save_settings(s, path)
    assert load_settings(path) == s


def test_default_path_is_in_data_folder(isolated_home):
    save_settings(Settings(text_scale=150))
    assert settings_path().parent == isolated_home
    assert load_settings().text_scale == 150


@pytest.mark.parametrize(
    "raw",
    ["not json", "[1, 2]", '{"text_scale": "big"}', '{"text_scale": true}', "{}"],
)
def test_damaged_file_gives_defaults(tmp_path, raw):
    path = tmp_path / "s.json"
    path.write_text(raw)
    assert load_settings(path) == Settings()


def test_out_of_range_values_are_clamped(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"text_scale": 900, "idle_lock_minutes": 0, "high_contrast": True}))
    s = load_settings(path)
    assert s.text_scale == 200
    assert s.idle_lock_minutes == 1
    assert s.high_contrast is True


def test_save_refuses_bad_values(tmp_path):
    with pytest.raises(InvalidInputError) as info:
        save_settings(Settings(text_scale=50), tmp_path / "s.json")
    assert "tekstgrootte" in info.value.message_nl
    assert not (tmp_path / "s.json").exists()
