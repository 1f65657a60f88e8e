"""An LA's settings file: defaults when absent, every mistake named with file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from officer_app.config import ConfigError, Settings, load_settings
from officer_app.domain.working_days import Timescales


def test_no_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == Settings()
    assert load_settings(None).timescales == Timescales()


def test_an_la_sets_its_own_values(tmp_path: Path) -> None:
    (tmp_path / "forms").mkdir()
    path = tmp_path / "settings.toml"
    path.write_text(
        'la_name = "Northam City Council"\nforms_folder = "forms"\nidle_minutes = 10\n'
        "[timescales]\nfirst_contact_working_days = 3\n[rag]\nred_no_contact_days = 21\n"
        '[[attendance_bands]]\nat_or_below = 92\nname = "Below 92%"\nactions = ["Call"]\n'
    )
    settings = load_settings(path)
    assert settings.la_name == "Northam City Council"
    assert settings.forms_folder == (tmp_path / "forms").resolve()
    assert settings.idle_minutes == 10
    assert settings.timescales.first_contact_working_days == 3
    assert settings.timescales.initial_assessment_working_days == 20  # default kept
    assert settings.rag.red_no_contact_days == 21
    assert [(b.name, str(b.at_or_below), b.actions) for b in settings.attendance_bands] == [
        ("Below 92%", "92", ("Call",))
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("idle_minuts = 5", "unknown setting(s): idle_minuts"),
        ("idle_minutes = 0", "idle_minutes"),
        ('forms_folder = "nowhere"', "forms_folder"),
        ("[timescales]\nfirst_contact_days = 5", "[timescales]: unknown setting(s)"),
        ("[rag]\nred_no_contact_days = -1", "[rag] red_no_contact_days"),
        ("la_name = ", "not valid TOML"),
        ("[[attendance_bands]]\nat_or_below = 120\nname = 'x'", "at_or_below"),
    ],
)
def test_mistakes_are_named(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert str(path) in str(refused.value) and says in str(refused.value)
