"""Dates as officers and courts read them, whatever the machine's locale."""

from __future__ import annotations

import datetime as dt

import pytest

from officer_app import wording


def test_dates_in_each_written_form() -> None:
    day = dt.date(2026, 12, 3)
    assert wording.short_date(day) == "03/12/2026"
    assert wording.short_date(None) == ""
    assert wording.compact_date(day) == "03/12/26"
    assert wording.day_month(day) == "3 December"
    assert wording.month_year(day) == "December 2026"
    assert wording.long_date(day) == "3 December 2026"
    assert wording.long_date(day, weekday=True) == "Thursday 3 December 2026"


def test_times_are_uk_local_either_side_of_the_clocks_changing() -> None:
    winter = dt.datetime(2026, 12, 3, 14, 5, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 3, 14, 5, tzinfo=dt.UTC)  # BST: an hour ahead
    assert wording.short_datetime(winter) == "03/12/2026 14:05"
    assert wording.short_datetime(summer) == "03/07/2026 15:05"
    assert wording.long_datetime(summer, weekday=True) == "Friday 3 July 2026 at 15:05"


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        wording.short_datetime(dt.datetime(2026, 12, 3, 14, 5))
