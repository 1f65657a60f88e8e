"""The Notice to Improve's improvement period: the LA's range in school weeks (default 3 to
6), counted as domain/notice_to_improve.py says, and set in settings.toml. Issue 9 point 9:
a 1-day period was accepted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from officer_app.config import ConfigError, Settings, load_settings
from officer_app.domain.notice_to_improve import ImprovementPeriod, school_weeks

SENT = dt.date(2027, 3, 15)  # a Monday; Easter Monday 29 March, May Day 3 May 2027


@pytest.mark.parametrize(
    ("sent", "until", "weeks"),
    [
        (SENT, dt.date(2027, 3, 16), 0),  # the next day: still the week of sending
        (SENT, dt.date(2027, 3, 21), 0),  # the Sunday of that week
        (SENT, dt.date(2027, 3, 22), 1),  # the Monday after
        (dt.date(2027, 3, 19), dt.date(2027, 3, 22), 1),  # sent on Friday: the same
        (dt.date(2027, 3, 14), dt.date(2027, 3, 15), 1),  # sent on Sunday: weeks run Mon-Sun
        (SENT, dt.date(2027, 4, 4), 2),  # Easter week (bank holiday Monday) still counts
        (SENT, dt.date(2027, 4, 5), 3),
        (SENT, dt.date(2027, 5, 2), 6),
        (SENT, dt.date(2027, 5, 3), 7),  # a bank holiday is in a school week
        (SENT, dt.date(2027, 3, 1), 0),  # before it was sent
    ],
)
def test_school_weeks_are_the_weeks_after_the_week_of_sending(
    sent: dt.date, until: dt.date, weeks: int
) -> None:
    assert school_weeks(sent, until) == weeks


def test_the_default_range_is_3_to_6_school_weeks_both_ends_allowed() -> None:
    period = ImprovementPeriod()
    assert period.refusal(SENT, dt.date(2027, 4, 5)) is None  # 3
    assert period.refusal(SENT, dt.date(2027, 5, 2)) is None  # 6
    short = period.refusal(SENT, dt.date(2027, 3, 16))  # the 1-day period the issue found
    assert short is not None
    assert "too short" in short and "0 school weeks" in short and "3 to 6 school weeks" in short
    two = period.refusal(SENT, dt.date(2027, 4, 4))
    assert two is not None and "too short" in two and "2 school weeks" in two
    seven = period.refusal(SENT, dt.date(2027, 5, 3))
    assert seven is not None and "too long" in seven and "7 school weeks" in seven


def test_an_la_sets_its_own_range(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert load_settings(path).notice_to_improve == ImprovementPeriod(3, 6)
    path.write_text("[notice_to_improve]\nmin_school_weeks = 2\nmax_school_weeks = 8\n")
    period = load_settings(path).notice_to_improve
    assert period == ImprovementPeriod(2, 8)
    assert period.refusal(SENT, dt.date(2027, 3, 29)) is None  # 2
    assert period.refusal(SENT, dt.date(2027, 3, 22)) is not None  # 1
    path.write_text("[notice_to_improve]\nmax_school_weeks = 7\n")  # the minimum stays 3
    assert load_settings(path).notice_to_improve == ImprovementPeriod(3, 7)
    assert Settings().notice_to_improve == ImprovementPeriod()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("min_school_weeks = 0", "[notice_to_improve] min_school_weeks: a whole number of 1"),
        ("max_school_weeks = 2.5", "[notice_to_improve] max_school_weeks: a whole number of 1"),
        ("max_school_weeks = true", "[notice_to_improve] max_school_weeks: a whole number of 1"),
        ("min_school_weeks = 7", "min_school_weeks must not be more than max_school_weeks"),
        ("max_school_weeks = 27", "max_school_weeks: at most 26 school weeks"),
        ("max_weeks = 6", "[notice_to_improve]: unknown setting(s): max_weeks"),
    ],
)
def test_a_wrong_range_is_named_with_the_file_and_key(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f"[notice_to_improve]\n{text}\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(path) in str(caught.value) and says in str(caught.value)
