"""Closing a case: the reasons an LA closes for, and the attendance before and after.

domain.md, "The life of a case", step 9: a case ends in "closure with a reason". Issue 11
point 3 asks for the reason from a list an LA can change, and the attendance before and
after intervention recorded at closure. domain.md is silent on which periods "before" and
"after" cover; the choice made here, and why:

- **before**: the school year up to the day before the referral date, which is the figure a
  school's referral states (the school's own year-to-date figure, the measure persistent
  absence is judged on; domain.md, "Attendance registers"). Early in the autumn term that
  period holds too few sessions to mean anything, so when it holds fewer than
  :data:`BEFORE_MIN_POSSIBLE` possible sessions (three school weeks) the previous school
  year is counted as well. The demo's referral letters use the same rule.
- **after**: from the referral date (the day the service's intervention starts) to the day
  of closure, both included.

The officer may override either figure; a percentage outside 0 to 100 is refused.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from officer_app.domain.school_year import school_year_start
from officer_app.domain.stages import Stage, stage_entry_text
from officer_app.wording import short_date

BEFORE_MIN_POSSIBLE = 30  # sessions: three school weeks of ten sessions
KEY_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,39}")  # case_file.closure_code holds 40 characters
LABEL_LIMIT = 80
DETAIL_LIMIT = 1000
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class ClosureReason:
    """One reason an LA closes a case for: a stable ``key`` (stored on the case as its closure
    code, for reports) and the ``label`` an officer reads. ``needs_detail``: the officer must
    say more (as for "Other")."""

    key: str
    label: str
    needs_detail: bool = False


DEFAULT_CLOSURE_REASONS: tuple[ClosureReason, ...] = (
    ClosureReason("attendance_improved", "Attendance improved"),
    ClosureReason("moved_out_of_area", "Moved out of the area"),
    ClosureReason("home_education", "Home education (EHE)"),
    ClosureReason("cme_referral", "Child missing education referral made"),
    ClosureReason("prosecution_concluded", "Prosecution concluded"),
    ClosureReason("end_of_compulsory_age", "Child reached the end of compulsory school age"),
    ClosureReason("transferred", "Transferred to another service"),
    ClosureReason("other", "Other (with detail)", needs_detail=True),
)


def reason_problem(reason: ClosureReason) -> str | None:
    """What is wrong with a reason an LA configured, or None."""
    if not KEY_PATTERN.fullmatch(reason.key):
        return (
            f"key {reason.key!r}: lower-case letters, digits and _ (starting with a letter), "
            "at most 40"
        )
    if not reason.label.strip():
        return f"key {reason.key!r}: give a label"
    if len(reason.label) > LABEL_LIMIT:
        return f"key {reason.key!r}: a label of at most {LABEL_LIMIT} characters"
    return None


def find_reason(reasons: Sequence[ClosureReason], key: str) -> ClosureReason | None:
    wanted = key.strip().casefold()
    return next((r for r in reasons if r.key == wanted), None)


def closure_text(reason: ClosureReason, detail: str) -> str:
    """The reason as recorded on the case and in the entry: the label, then any detail."""
    said = " ".join(detail.split())
    if reason.needs_detail:
        return said
    return f"{reason.label}: {said}" if said else reason.label


def percent_problem(value: float | None, field: str) -> str | None:
    """Why ``value`` is not an attendance percentage, naming the field; None if it is."""
    if value is None:
        return None
    if isinstance(value, bool) or not math.isfinite(value) or not 0 <= value <= 100:
        return f"{field}: a percentage from 0 to 100"
    return None


def before_period(
    referral: dt.date, possible_between: Callable[[dt.date, dt.date], int]
) -> tuple[dt.date, dt.date]:
    """The period the "before" figure covers (see the module's docstring).

    ``possible_between(first, last)`` counts the possible sessions held for the child.
    """
    last = referral - ONE_DAY
    first = school_year_start(last)
    if possible_between(first, last) < BEFORE_MIN_POSSIBLE:
        first = dt.date(first.year - 1, 9, 1)
    return first, last


def after_period(referral: dt.date, closed_on: dt.date) -> tuple[dt.date, dt.date]:
    """The period the "after" figure covers: referral to closure, both included."""
    return referral, max(referral, closed_on)


def percent_text(value: float | None) -> str:
    return "not known (no sessions held)" if value is None else f"{value:.1f}%"


@dataclass(frozen=True)
class Figure:
    """One attendance figure recorded at closure: the register's over its period, or the
    officer's own (``given``), which the entry states beside the register's."""

    first: dt.date
    last: dt.date
    register: float | None  # from the marks held; None when no session was possible
    given: float | None = None

    @property
    def percent(self) -> float | None:
        return self.given if self.given is not None else self.register

    def sentence(self, name: str) -> str:
        period = f"{short_date(self.first)} to {short_date(self.last)}"
        if self.given is None:
            return (
                f"Attendance {name}: {percent_text(self.register)} ({period}, from the register)."
            )
        return (
            f"Attendance {name}: {percent_text(self.given)} (given by the officer; the register "
            f"shows {percent_text(self.register)} for {period})."
        )


def closure_entry_text(
    current: Stage, reason: str, before: Figure, after: Figure
) -> tuple[str, str]:
    """The (title, body) of the signed entry that closes a case: the stage change, the reason
    and both attendance figures with their periods."""
    title, body = stage_entry_text(current, Stage.CLOSED, reason)
    return title, "\n".join(
        (body, before.sentence("before intervention"), after.sentence("since the referral"))
    )
