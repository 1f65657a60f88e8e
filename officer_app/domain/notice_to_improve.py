"""How long a Notice to Improve's improvement period may be (issue 9 point 9).

The national framework (DfE, "Working together to improve school attendance", 2024) leaves
the improvement period to the LA's code of conduct; the shipped template and the common
codes say **3 to 6 school weeks**, the default here. An LA sets its own range in
``settings.toml``::

    [notice_to_improve]
    min_school_weeks = 3
    max_school_weeks = 6

How the weeks are counted. A school week is a week with at least one session (domain.md);
the register cannot say that of weeks still to come, so a week counts here when it holds a
working day (a weekday that is not a bank holiday in England, ``working_days``). Weeks run
Monday to Sunday. The period's school weeks are those **after the week the notice is sent
in**, up to and including the week of its last day: a notice sent on any day of one week
with the last day in the third week after it has a period of 3 school weeks, however the
days fall. The app holds no school term dates, so a half-term week counts as a week: an LA
that wants 6 weeks of teaching across a half term sets ``max_school_weeks = 7``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from officer_app.domain.working_days import is_working_day
from officer_app.wording import short_date

MOST_SCHOOL_WEEKS = 26  # half a year: a longer "improvement period" is no notice at all


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def school_weeks(sent_on: dt.date, until: dt.date) -> int:
    """The school weeks of an improvement period from a notice sent on ``sent_on`` to its
    last day ``until`` (see the module's docstring); 0 when ``until`` is in the week of
    sending or before it."""
    week = _monday(sent_on) + dt.timedelta(weeks=1)
    last = _monday(until)
    count = 0
    while week <= last:
        if any(is_working_day(week + dt.timedelta(days=d)) for d in range(5)):
            count += 1
        week += dt.timedelta(weeks=1)
    return count


@dataclass(frozen=True)
class ImprovementPeriod:
    """The LA's range for the improvement period, in school weeks (both ends allowed)."""

    min_school_weeks: int = 3
    max_school_weeks: int = 6

    def __post_init__(self) -> None:
        for name in ("min_school_weeks", "max_school_weeks"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
        if self.min_school_weeks > self.max_school_weeks:
            raise ValueError("min_school_weeks must not be more than max_school_weeks")
        if self.max_school_weeks > MOST_SCHOOL_WEEKS:
            raise ValueError(f"max_school_weeks: at most {MOST_SCHOOL_WEEKS} school weeks")

    def describe(self) -> str:
        return f"{self.min_school_weeks} to {self.max_school_weeks} school weeks"

    def refusal(self, sent_on: dt.date, until: dt.date) -> str | None:
        """Why a period from ``sent_on`` to ``until`` is outside the range, or None."""
        weeks = school_weeks(sent_on, until)
        if self.min_school_weeks <= weeks <= self.max_school_weeks:
            return None
        side = "short" if weeks < self.min_school_weeks else "long"
        counted = f"{weeks} school week{'s' if weeks != 1 else ''}"
        return (
            f"the improvement period is too {side}: to {short_date(until)} is {counted} after the "
            f"week the notice is sent in, and the LA's range is {self.describe()} (the last "
            f"day falls in week {self.min_school_weeks} to {self.max_school_weeks} after it)"
        )
