"""Compulsory school age: when a child born on a given day must be in education.

The law (Education Act 1996, s8):

- s8(2): a child begins to be of compulsory school age on their fifth birthday if it is a
  prescribed day, and otherwise at the beginning of the next prescribed day. The prescribed
  days are 31 March, 31 August and 31 December (Education (Start of Compulsory School Age)
  Order 1998, SI 1998/1607, art. 2).
- s8(3) and (4): a child ceases to be of compulsory school age at the end of the school
  leaving date, the last Friday in June (Education (School Leaving Date) Order 1997,
  SI 1997/1970, art. 2), of the school year in which they turn 16: a child who turns 16 on
  that Friday or later in the summer leaves on it; one who turns 16 from September on leaves
  on the next year's.

"School year" is taken to begin on 1 September (``domain.school_year``). s8(3)(a) speaks of
"the beginning of the school year next following", which in s579 is the first term after
July: a child turning 16 in the days between 1 September and the start of term leaves, by the
Act, in the June before; this module counts them in the following year (the usual reading,
and the one every LA's admissions tables use). 29 February birthdays: a fifth birthday in a
common year is taken as 1 March (the next prescribed day is 31 March either way).

Pure functions, no I/O: the referral, the case-bundle import and the forms call
:func:`school_age_problem` on every date of birth entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from officer_app.wording import long_date

_FRIDAY = 4
_PRESCRIBED = ((3, 31), (8, 31), (12, 31))  # SI 1998/1607 art. 2


def _birthday(born: dt.date, age: int) -> dt.date:
    try:
        return born.replace(year=born.year + age)
    except ValueError:  # 29 February in a common year
        return dt.date(born.year + age, 3, 1)


def last_friday_in_june(year: int) -> dt.date:
    """The school leaving date of ``year`` (SI 1997/1970): the last Friday in June."""
    day = dt.date(year, 6, 30)
    return day - dt.timedelta(days=(day.weekday() - _FRIDAY) % 7)


def starts(born: dt.date) -> dt.date:
    """The first day of compulsory school age (s8(2)): the fifth birthday if it is 31 March,
    31 August or 31 December, else the next of those days."""
    fifth = _birthday(born, 5)
    for month, day in _PRESCRIBED:
        prescribed = dt.date(fifth.year, month, day)
        if prescribed >= fifth:
            return prescribed
    raise AssertionError("31 December is the last day of every year")  # pragma: no cover


def ends(born: dt.date) -> dt.date:
    """The last day of compulsory school age (s8(3), (4)): the last Friday in June of the
    school year (from 1 September) in which the child turns 16."""
    sixteenth = _birthday(born, 16)
    year = sixteenth.year + 1 if sixteenth.month >= 9 else sixteenth.year
    return last_friday_in_june(year)


@dataclass(frozen=True)
class SchoolAge:
    """The days a child is of compulsory school age, both ends included."""

    first: dt.date
    last: dt.date

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def compulsory_school_age(born: dt.date) -> SchoolAge:
    return SchoolAge(starts(born), ends(born))


def school_age_problem(born: dt.date, on: dt.date) -> str | None:
    """Why a child born on ``born`` cannot be of compulsory school age on ``on`` (a referral's
    date received, a form's date), in one line naming no date of birth; None if they are.

    The message speaks of "the date of birth", so that a caller can prefix the field:
    ``f"Date of birth: {problem}"``."""
    if born > on:
        return f"the date of birth is after {long_date(on)}"
    span = compulsory_school_age(born)
    if on < span.first:
        return (
            f"a child with this date of birth is not of compulsory school age until "
            f"{long_date(span.first)} (Education Act 1996, s8)"
        )
    if on > span.last:
        return (
            f"a child with this date of birth stopped being of compulsory school age on "
            f"{long_date(span.last)} (Education Act 1996, s8)"
        )
    return None
