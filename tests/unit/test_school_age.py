"""Compulsory school age (s8 Education Act 1996; SI 1998/1607; SI 1997/1970): its first and
last days, each with the day before, the day itself and the day after."""

from __future__ import annotations

import datetime as dt

import pytest

from officer_app.domain.school_age import (
    compulsory_end,
    compulsory_start,
    leaving_date,
    school_age_problem,
)

D = dt.date


@pytest.mark.parametrize(
    ("born", "start"),
    [
        (D(2020, 1, 15), D(2025, 3, 31)),  # fifth birthday 15/01/2025: next prescribed day
        (D(2020, 3, 31), D(2025, 3, 31)),  # a birthday on a prescribed day starts that day
        (D(2020, 4, 1), D(2025, 8, 31)),
        (D(2020, 9, 1), D(2025, 12, 31)),
        (D(2019, 12, 31), D(2024, 12, 31)),
        (D(2016, 2, 29), D(2021, 3, 31)),  # leap-day child: turns five on 1 March
    ],
)
def test_compulsory_school_age_starts_on_the_prescribed_day_after_the_fifth_birthday(
    born: dt.date, start: dt.date
) -> None:
    assert compulsory_start(born) == start


def test_the_school_leaving_date_is_the_last_friday_in_june() -> None:
    assert leaving_date(2026) == D(2026, 6, 26)
    assert leaving_date(2027) == D(2027, 6, 25)
    assert leaving_date(2028) == D(2028, 6, 30)  # the 30th itself is a Friday
    assert all(leaving_date(y).weekday() == 4 for y in range(2020, 2040))


@pytest.mark.parametrize(
    ("born", "end"),
    [
        (D(2010, 3, 10), D(2026, 6, 26)),  # 16 in March: that June's leaving date
        (D(2010, 7, 20), D(2026, 6, 26)),  # 16 in the summer holiday: s8(3)(a)
        (D(2010, 8, 31), D(2026, 6, 26)),
        (D(2010, 9, 1), D(2027, 6, 25)),  # 16 from September: the next June, s8(3)(c)
        (D(2010, 6, 26), D(2026, 6, 26)),  # 16 on the leaving date itself: s8(3)(b)
    ],
)
def test_compulsory_school_age_ends_on_the_leaving_date_of_the_year_of_the_16th_birthday(
    born: dt.date, end: dt.date
) -> None:
    assert compulsory_end(born) == end


def test_a_referral_the_day_before_the_age_starts_is_refused_the_day_it_starts_is_not() -> None:
    born = D(2020, 1, 15)  # compulsory school age from 31/03/2025
    before = school_age_problem(born, D(2025, 3, 30))
    assert before is not None and "starts on 31/03/2025" in before
    assert "s8 Education Act 1996" in before
    assert school_age_problem(born, D(2025, 3, 31)) is None
    assert school_age_problem(born, D(2025, 4, 1)) is None


def test_a_referral_the_day_after_the_age_ended_is_refused_the_day_it_ends_is_not() -> None:
    born = D(2010, 3, 10)  # compulsory school age until 26/06/2026
    assert school_age_problem(born, D(2026, 6, 25)) is None
    assert school_age_problem(born, D(2026, 6, 26)) is None
    after = school_age_problem(born, D(2026, 6, 27))
    assert after is not None and "ended on 26/06/2026" in after


def test_a_date_of_birth_after_the_referral_is_refused() -> None:
    assert school_age_problem(D(2026, 5, 1), D(2026, 4, 1)) is not None
