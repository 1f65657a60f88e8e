"""Compulsory school age (Education Act 1996 s8; SI 1998/1607; SI 1997/1970), at its edges."""

from __future__ import annotations

import datetime as dt

import pytest

from officer_app.domain.school_age import (
    compulsory_school_age,
    ends,
    last_friday_in_june,
    school_age_problem,
    starts,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "friday"),
    [
        (2026, D(2026, 6, 26)),
        (2027, D(2027, 6, 25)),
        (2028, D(2028, 6, 30)),
        (2023, D(2023, 6, 30)),
    ],
)
def test_the_school_leaving_date_is_the_last_friday_in_june(year: int, friday: dt.date) -> None:
    assert last_friday_in_june(year) == friday
    assert friday.weekday() == 4


@pytest.mark.parametrize(
    ("born", "first"),
    [
        (D(2020, 3, 30), D(2025, 3, 31)),  # day before a prescribed day: that day
        (D(2020, 3, 31), D(2025, 3, 31)),  # fifth birthday on a prescribed day: that day
        (D(2020, 4, 1), D(2025, 8, 31)),  # day after: the next prescribed day
        (D(2020, 8, 31), D(2025, 8, 31)),
        (D(2020, 9, 1), D(2025, 12, 31)),
        (D(2020, 12, 31), D(2025, 12, 31)),
        (D(2021, 1, 1), D(2026, 3, 31)),
        (D(2020, 2, 29), D(2025, 3, 31)),  # leap-day birthday
    ],
)
def test_compulsory_school_age_starts_on_the_prescribed_day(born: dt.date, first: dt.date) -> None:
    assert starts(born) == first


@pytest.mark.parametrize(
    ("born", "last"),
    [
        # 2026's leaving date is Friday 26 June; turning 16 on it, or after it in the summer,
        # leaves on it (s8(3)(a), (b)); turning 16 before it in the school year leaves on it.
        (D(2010, 6, 25), D(2026, 6, 26)),
        (D(2010, 6, 26), D(2026, 6, 26)),
        (D(2010, 6, 27), D(2026, 6, 26)),
        (D(2010, 8, 31), D(2026, 6, 26)),
        (D(2009, 9, 1), D(2026, 6, 26)),
        # turning 16 from 1 September: the next year's leaving date
        (D(2010, 9, 1), D(2027, 6, 25)),
    ],
)
def test_compulsory_school_age_ends_on_the_last_friday_in_june(
    born: dt.date, last: dt.date
) -> None:
    assert ends(born) == last


def test_boundaries_of_the_problem_day_before_of_and_after() -> None:
    born = D(2020, 4, 1)  # of compulsory school age from 31 August 2025
    assert school_age_problem(born, D(2025, 8, 30)) is not None
    assert "31 August 2025" in str(school_age_problem(born, D(2025, 8, 30)))
    assert school_age_problem(born, D(2025, 8, 31)) is None
    assert school_age_problem(born, D(2025, 9, 1)) is None
    span = compulsory_school_age(born)
    assert span.last == D(2036, 6, 27)
    assert school_age_problem(born, D(2036, 6, 27)) is None
    assert "stopped" in str(school_age_problem(born, D(2036, 6, 28)))


def test_a_date_of_birth_after_the_day_is_refused() -> None:
    assert "after" in str(school_age_problem(D(2026, 5, 2), D(2026, 5, 1)))
    assert "after" not in str(school_age_problem(D(2026, 5, 1), D(2026, 5, 1)))


def test_the_message_names_no_date_of_birth() -> None:
    problem = school_age_problem(D(2014, 3, 7), D(2035, 1, 1))
    assert problem is not None and "2014" not in problem and "7 March" not in problem
