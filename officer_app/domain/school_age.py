"""Compulsory school age (s8 Education Act 1996).

Start (s8(2) Education Act 1996 and the Education (Start of Compulsory School Age) Order 1998,
SI 1998/1607): a child becomes of compulsory school age on the first "prescribed day" (31
August, 31 December or 31 March) on or after their fifth birthday.

End (s8(3) Education Act 1996 and the Education (School Leaving Date) Order 1997, SI
1997/1970): the school leaving date is the last Friday in June. A child stops being of
compulsory school age at the end of the leaving date of the school year in which they turn 16:
of that calendar year if they turn 16 on or before 31 August (s8(3)(a) and (b): a birthday
after the leaving date but before the next school year begins still ends it on that leaving
date), of the next calendar year if they turn 16 from 1 September (s8(3)(c)). The school year
is taken to begin on 1 September (as :mod:`officer_app.domain.school_year`); domain.md does not
say otherwise.

Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt

from officer_app.wording import short_date

_PRESCRIBED = ((3, 31), (8, 31), (12, 31))  # SI 1998/1607, art. 2


def _birthday(born: dt.date, years: int) -> dt.date:
    """The day a child born on ``born`` turns ``years`` (29 February: 1 March)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return dt.date(born.year + years, 3, 1)


def compulsory_start(born: dt.date) -> dt.date:
    """The first day of compulsory school age: the prescribed day on or after the fifth
    birthday (s8(2) Education Act 1996; SI 1998/1607)."""
    fifth = _birthday(born, 5)
    for year in (fifth.year, fifth.year + 1):
        for month, day in _PRESCRIBED:
            prescribed = dt.date(year, month, day)
            if prescribed >= fifth:
                return prescribed
    raise AssertionError("unreachable: 31 December always follows")  # pragma: no cover


def leaving_date(year: int) -> dt.date:
    """The school leaving date of ``year``: its last Friday in June (SI 1997/1970)."""
    last = dt.date(year, 6, 30)
    return last - dt.timedelta(days=(last.weekday() - 4) % 7)


def compulsory_end(born: dt.date) -> dt.date:
    """The last day of compulsory school age (s8(3) Education Act 1996; SI 1997/1970)."""
    sixteenth = _birthday(born, 16)
    return leaving_date(sixteenth.year + 1 if sixteenth.month >= 9 else sixteenth.year)


def school_age_problem(born: dt.date, on: dt.date) -> str | None:
    """Why a child born on ``born`` cannot be of compulsory school age on ``on``, or None.

    The message names the day the age starts or ended, not the date of birth (case data)."""
    if born >= on:
        return "the date of birth is not before the date received"
    start = compulsory_start(born)
    if on < start:
        return (
            f"not of compulsory school age on the date received: it starts on "
            f"{short_date(start)} (s8 Education Act 1996)"
        )
    end = compulsory_end(born)
    if on > end:
        return (
            f"not of compulsory school age on the date received: it ended on "
            f"{short_date(end)} (s8 Education Act 1996)"
        )
    return None
