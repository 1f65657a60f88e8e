"""Working days in England and the service's timescales."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from officer_app.domain.working_days import (
    DueDates,
    Timescales,
    add_working_days,
    bank_holidays,
    is_bank_holiday,
    is_working_day,
    next_working_day,
    working_days_between,
)

D = dt.date


def test_the_holidays_library_knows_christmas_2026() -> None:
    # Christmas Day 2026 is a Friday and Boxing Day a Saturday: the substitute day is Monday 28.
    assert D(2026, 12, 25).strftime("%A") == "Friday"
    assert is_bank_holiday(D(2026, 12, 25))
    assert is_bank_holiday(D(2026, 12, 28))
    assert not is_working_day(D(2026, 12, 28))
    assert is_working_day(D(2026, 12, 29))


def test_christmas_eve_plus_one_working_day() -> None:
    assert add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)
    assert working_days_between(D(2026, 12, 24), D(2026, 12, 29)) == 1


def test_across_a_weekend() -> None:
    friday = D(2026, 11, 20)
    assert add_working_days(friday, 1) == D(2026, 11, 23)
    assert add_working_days(friday, 5) == D(2026, 11, 27)
    assert add_working_days(D(2026, 11, 21), 1) == D(2026, 11, 23)  # from a Saturday
    assert working_days_between(friday, D(2026, 11, 22)) == 0


def test_easter_2027() -> None:
    # Good Friday 26 March, Easter Monday 29 March 2027.
    assert is_bank_holiday(D(2027, 3, 26))
    assert is_bank_holiday(D(2027, 3, 29))
    assert add_working_days(D(2027, 3, 25), 1) == D(2027, 3, 30)
    # Tue 23 March to Fri 2 April: nine weekdays less the two Easter holidays.
    assert working_days_between(D(2027, 3, 22), D(2027, 4, 2)) == 7


def test_the_august_bank_holiday() -> None:
    # The last Monday in August: 31 August 2026, 30 August 2027.
    assert is_bank_holiday(D(2026, 8, 31))
    assert is_bank_holiday(D(2027, 8, 30))
    assert add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 1)
    assert add_working_days(D(2027, 8, 27), 1) == D(2027, 8, 31)


def test_one_off_bank_holidays_come_from_the_library() -> None:
    assert is_bank_holiday(D(2022, 9, 19))  # the Queen's state funeral
    assert is_bank_holiday(D(2023, 5, 8))  # the coronation
    assert "Christmas Day" in bank_holidays(2026)[D(2026, 12, 25)]


def test_england_not_scotland() -> None:
    assert not is_bank_holiday(D(2026, 1, 2))  # 2 January is a holiday in Scotland only
    assert not is_bank_holiday(D(2026, 11, 30))  # St Andrew's Day


def test_zero_and_negative_days() -> None:
    saturday = D(2026, 11, 21)
    assert add_working_days(saturday, 0) == saturday
    assert add_working_days(D(2026, 12, 29), -1) == D(2026, 12, 24)
    assert working_days_between(D(2026, 12, 29), D(2026, 12, 24)) == -1


def test_counting_over_a_year_matches_the_calendar() -> None:
    # 2027: 261 weekdays, 8 bank holidays on weekdays (Christmas and Boxing Day fall at the
    # weekend and are replaced on 27 and 28 December).
    assert working_days_between(D(2026, 12, 31), D(2027, 12, 31)) == 261 - 8


def test_next_working_day() -> None:
    assert next_working_day(D(2026, 12, 25)) == D(2026, 12, 29)
    assert next_working_day(D(2026, 12, 29)) == D(2026, 12, 29)


dates = st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31))


@given(dates, st.integers(min_value=0, max_value=400))
def test_adding_n_working_days_then_counting_back_gives_n(start: dt.date, n: int) -> None:
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert working_days_between(end, start) == -n
    if n:
        assert is_working_day(end)


@given(dates, dates)
def test_counting_agrees_with_stepping_day_by_day(a: dt.date, b: dt.date) -> None:
    lo, hi = min(a, b), max(a, b)
    if (hi - lo).days > 800:
        hi = lo + dt.timedelta(days=800)
    slow = sum(1 for i in range(1, (hi - lo).days + 1) if is_working_day(lo + dt.timedelta(days=i)))
    assert working_days_between(lo, hi) == slow


@given(dates.filter(is_working_day), st.integers(min_value=1, max_value=100))
def test_going_back_from_a_working_day_undoes_going_forward(start: dt.date, n: int) -> None:
    assert add_working_days(add_working_days(start, n), -n) == start


# -- timescales -----------------------------------------------------------------------------


def test_default_timescales_are_the_domain_defaults() -> None:
    t = Timescales()
    assert (t.first_contact_working_days, t.initial_assessment_working_days) == (5, 20)
    assert t.review_interval_weeks == 6


def test_due_dates_from_a_referral() -> None:
    due = Timescales().due_dates(D(2026, 12, 17))  # a Thursday, before Christmas
    assert due == DueDates(
        referral=D(2026, 12, 17),
        first_contact=D(2026, 12, 24),  # Fri 18, Mon 21, Tue 22, Wed 23, Thu 24
        initial_assessment=D(2027, 1, 19),  # skipping 25 and 28 Dec and 1 Jan
    )
    assert working_days_between(due.referral, due.initial_assessment) == 20


def test_reviews_every_six_weeks_moved_off_bank_holidays() -> None:
    t = Timescales()
    assert t.next_review(D(2026, 10, 1)) == D(2026, 11, 12)
    assert t.next_review(D(2026, 11, 16)) == D(2026, 12, 29)  # 28 Dec is a bank holiday
    assert t.review_dates(D(2026, 9, 7), 3) == [D(2026, 10, 19), D(2026, 11, 30), D(2027, 1, 11)]


def test_configured_timescales() -> None:
    t = Timescales.from_mapping({"first_contact_working_days": 3, "review_interval_weeks": 4})
    assert t.first_contact_due(D(2026, 11, 20)) == D(2026, 11, 25)
    assert t.initial_assessment_working_days == 20
    assert t.next_review(D(2026, 11, 2)) == D(2026, 11, 30)
    with pytest.raises(ValueError, match="unknown timescale setting"):
        Timescales.from_mapping({"first_contact": 3})
    with pytest.raises(ValueError, match="at least 1"):
        Timescales(first_contact_working_days=0)


def test_working_days_overdue() -> None:
    t = Timescales()
    assert t.working_days_overdue(D(2026, 12, 24), D(2026, 12, 23)) == 0
    assert t.working_days_overdue(D(2026, 12, 24), D(2026, 12, 29)) == 1
