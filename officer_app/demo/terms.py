"""A plausible English school calendar for the synthetic registers.

Not any real LA's term dates: the usual shape of one. The school year starts on 1 September;
October half term is the week of the last Monday in October; two weeks at Christmas; February
half term in the week of the third Monday; two weeks at Easter around Good Friday and Easter
Monday; the early May bank holiday; May half term in the week of the late May bank holiday;
summer holidays from 22 July. Five INSET days (planned closures, marked ``#``): the first two
weekdays of September, the first weekday after Christmas, the Friday before February half term
and the last day of the summer term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from officer_app.domain.school_year import school_year_start

ONE_DAY = dt.timedelta(days=1)


def easter_sunday(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every Monday to Friday from ``first`` to ``last``, both included."""
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += ONE_DAY
    return days


def _last_monday(year: int, month: int) -> dt.date:
    day = (dt.date(year, month + 1, 1) if month < 12 else dt.date(year + 1, 1, 1)) - ONE_DAY
    return day - dt.timedelta(days=day.weekday())


def _nth_monday(year: int, month: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(7 - first.weekday()) % 7 + 7 * (n - 1))


@dataclass(frozen=True)
class SchoolYear:
    start_year: int
    closed: frozenset[dt.date]  # weekdays with no session and no mark (holidays)
    inset: frozenset[dt.date]  # planned closures that are marked '#'

    def is_session_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.closed and day not in self.inset


@lru_cache(maxsize=32)
def school_year(start_year: int) -> SchoolYear:
    y, n = start_year, start_year + 1
    closed: set[dt.date] = set()
    inset: set[dt.date] = set()

    september = weekdays(dt.date(y, 9, 1), dt.date(y, 9, 10))
    inset.update(september[:2])

    october = _last_monday(y, 10)
    closed.update(weekdays(october, october + dt.timedelta(days=4)))

    dec22 = dt.date(y, 12, 22)
    christmas = dec22 - dt.timedelta(days=dec22.weekday())
    christmas_days = weekdays(christmas, christmas + dt.timedelta(days=11))
    closed.update(christmas_days)
    back = christmas_days[-1] + ONE_DAY
    while back.weekday() >= 5:
        back += ONE_DAY
    inset.add(back)

    february = _nth_monday(n, 2, 3)
    closed.update(weekdays(february, february + dt.timedelta(days=4)))
    inset.add(february - dt.timedelta(days=3))

    easter = easter_sunday(n)
    closed.update(weekdays(easter - dt.timedelta(days=6), easter + dt.timedelta(days=5)))

    closed.add(_nth_monday(n, 5, 1))  # early May bank holiday
    may = _last_monday(n, 5)
    closed.update(weekdays(may, may + dt.timedelta(days=4)))

    last_day = dt.date(n, 7, 21)
    while last_day.weekday() >= 5:
        last_day -= ONE_DAY
    inset.add(last_day)
    closed.update(weekdays(last_day + ONE_DAY, dt.date(n, 8, 31)))
    return SchoolYear(start_year, frozenset(closed), frozenset(inset - closed))


def register_days(first: dt.date, last: dt.date) -> list[tuple[dt.date, bool]]:
    """Every day from ``first`` to ``last`` that has a register mark: (day, is INSET)."""
    days: list[tuple[dt.date, bool]] = []
    day = first
    while day <= last:
        if day.weekday() < 5:
            year = school_year(school_year_start(day).year)
            if day in year.inset:
                days.append((day, True))
            elif day not in year.closed:
                days.append((day, False))
        day += ONE_DAY
    return days


def is_session_day(day: dt.date) -> bool:
    return school_year(school_year_start(day).year).is_session_day(day)


def previous_session_day(day: dt.date) -> dt.date:
    """``day`` itself if pupils are in school that day, else the nearest school day before."""
    while not is_session_day(day):
        day -= ONE_DAY
    return day
