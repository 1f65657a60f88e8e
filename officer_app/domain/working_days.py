"""Working days and the service's timescales (domain.md, "The life of a case").

A working day is a weekday that is not a bank holiday in England. Bank holidays come from the
maintained ``holidays`` library (including substitute days and one-off holidays such as a
state funeral), never from a hand-kept list. School holidays are not excluded: the timescales
are the service's, and the service works through them.

Counting follows the usual convention: "within 5 working days of the referral" means by the
fifth working day after the referral date, not counting the referral date itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import holidays

_SATURDAY = 5


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> Mapping[dt.date, str]:
    """England's bank holidays in ``year``, date to name (cached per year)."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return MappingProxyType({day: str(name) for day, name in sorted(found.items())})


def is_bank_holiday(day: dt.date) -> bool:
    return day in bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, and not a bank holiday in England."""
    return day.weekday() < _SATURDAY and not is_bank_holiday(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The date ``n`` working days after ``start`` (``start`` itself is not counted), or before
    it when ``n`` is negative. ``n == 0`` gives ``start`` unchanged, working day or not."""
    step = dt.timedelta(days=1 if n >= 0 else -1)
    day, left = start, abs(n)
    while left:
        day += step
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(a: dt.date, b: dt.date) -> int:
    """The working days after ``a`` up to and including ``b`` (negative when ``b`` is before
    ``a``), so that ``working_days_between(d, add_working_days(d, n)) == n`` for any n >= 0."""
    if b < a:
        return -working_days_between(b, a)
    count = 0
    day = a
    # Whole weeks in one go (five weekdays each), then the bank holidays among them.
    weeks = (b - a).days // 7
    if weeks:
        end = a + dt.timedelta(weeks=weeks)
        count += 5 * weeks - sum(
            1 for h in _holidays_in(a + dt.timedelta(days=1), end) if h.weekday() < _SATURDAY
        )
        day = end
    while day < b:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def _holidays_in(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    for year in range(first.year, last.year + 1):
        for day in bank_holidays(year):
            if first <= day <= last:
                yield day


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, otherwise the next one."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class DueDates:
    """When the first steps after a referral are due."""

    referral: dt.date
    first_contact: dt.date
    initial_assessment: dt.date


@dataclass(frozen=True)
class Timescales:
    """The service's timescales. The defaults are domain.md's (first contact within 5 working
    days of the referral, initial assessment within 20, reviews every 6 weeks); an LA sets
    its own in its configuration."""

    first_contact_working_days: int = 5
    initial_assessment_working_days: int = 20
    review_interval_weeks: int = 6

    def __post_init__(self) -> None:
        for name in (
            "first_contact_working_days",
            "initial_assessment_working_days",
            "review_interval_weeks",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> Timescales:
        """From an LA's configuration; a missing key keeps the default, an unknown one is an
        error (a misspelt setting should not silently fall back to the default)."""
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(settings) - known)
        if unknown:
            raise ValueError(f"unknown timescale setting(s): {', '.join(unknown)}")
        return cls(**dict(settings))

    def first_contact_due(self, referral: dt.date) -> dt.date:
        return add_working_days(referral, self.first_contact_working_days)

    def initial_assessment_due(self, referral: dt.date) -> dt.date:
        return add_working_days(referral, self.initial_assessment_working_days)

    def due_dates(self, referral: dt.date) -> DueDates:
        return DueDates(
            referral=referral,
            first_contact=self.first_contact_due(referral),
            initial_assessment=self.initial_assessment_due(referral),
        )

    def next_review(self, last: dt.date) -> dt.date:
        """The review after one held (or a plan started) on ``last``: the interval later,
        moved on to the next working day if it falls on a weekend or bank holiday."""
        return next_working_day(last + dt.timedelta(weeks=self.review_interval_weeks))

    def review_dates(self, plan_start: dt.date, count: int) -> list[dt.date]:
        """The next ``count`` reviews of a plan started on ``plan_start``, each an interval
        after the one before."""
        dates: list[dt.date] = []
        day = plan_start
        for _ in range(count):
            day = self.next_review(day)
            dates.append(day)
        return dates

    def working_days_overdue(self, due: dt.date, today: dt.date) -> int:
        """How many working days past ``due`` it is today (0 if not yet overdue)."""
        return max(0, working_days_between(due, today))
