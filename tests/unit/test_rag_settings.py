"""The LA's [rag] settings: every key documented with its default, and a wrong one refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from officer_app import config
from officer_app.config import ConfigError, load_settings
from officer_app.domain.rag import RagPolicy


def documented_rag_table() -> str:
    doc = config.__doc__ or ""
    match = re.search(r"^\[rag\].*?\n(?=\n|\[)", doc, re.M | re.S)
    assert match, "config.py's docstring documents the [rag] table"
    return match.group(0)


def test_every_rag_key_is_documented_with_its_default(tmp_path: Path) -> None:
    table = documented_rag_table()
    documented = set(re.findall(r"^(\w+) *=", table, re.M))
    assert documented == set(RagPolicy.keys())
    path = tmp_path / "settings.toml"
    path.write_text(table)
    assert load_settings(path).rag == RagPolicy()


def test_an_la_tunes_its_rag(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("[rag]\nred_overdue_formal_days = 3\nsevere_attendance_pct = 40\n")
    rag = load_settings(path).rag
    assert (rag.red_overdue_formal_days, rag.severe_attendance_pct) == (3, 40)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[rag]\namber_no_contact_days = 30", "amber_no_contact_days must be fewer"),
        ("[rag]\nred_time_limit_days = 60", "red_time_limit_days must not be more"),
        ("[rag]\nsevere_attendance_pct = 120", "severe_attendance_pct"),
        ("[rag]\nred_overdue_formal_days = 0", "[rag] red_overdue_formal_days"),
        ("[rag]\nred_contact_days = 10", "unknown setting(s): red_contact_days"),
    ],
)
def test_a_wrong_rag_setting_is_refused_naming_it(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as refused:
        load_settings(path)
    assert says in str(refused.value) and str(path) in str(refused.value)
