"""Penalty notices under the national framework of 19 August 2024 (domain.md).

- First notice to a parent for a child: £80 if paid within 21 days, £160 within 28.
- Second notice to the same parent for the same child while one earlier notice still counts:
  £160 within 28 days, no reduced rate.
- No notice while two or more still count: another intervention instead (usually
  prosecution).
- The 3-year limit is a rolling period, not windows that start afresh: an earlier notice
  counts while the new notice's date falls in the period of 3 years beginning with the
  earlier notice's date (a notice of 2 September 2024 counts up to 1 September 2027 and not
  from 2 September 2027). Only notices issued on or after 19 August 2024 count; paid, unpaid
  and prosecuted ones count, withdrawn ones do not (DfE "Working together to improve school
  attendance" (August 2024), penalty notices; the Education (Penalty Notices) (England)
  (Amendment) Regulations 2024, SI 2024/210).

A notice's life: considered (with the threshold evidence) → a Notice to Improve where
appropriate (not for leave in term time) → issued, or a decision not to issue → paid within
21 days, within 28 days, or unpaid → prosecution for the original s444 offence. An issued or
unpaid notice may be withdrawn, with the reason. The payment periods run from the day the
parent received the notice: by hand, that day; by first-class post, presumed to be the second
working day after posting (the usual presumption for first-class post; the officer may enter
the real date). The periods run "beginning with the date on which the notice is received"
(SI 2024/210 reg 4): the day of receipt is day 1, so the 21-day period ends on receipt + 20
and the 28-day period on receipt + 27. No proceedings for the offence until the period for
paying has ended (s444A(3)(a) Education Act 1996: no proceedings before the end of the
prescribed period; domain.md "Penalty notices").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from officer_app.domain.working_days import add_working_days
from officer_app.wording import short_date

FRAMEWORK_START = dt.date(2024, 8, 19)
WINDOW_YEARS = 3
FIRST_REDUCED = 80
FIRST_FULL = 160
SECOND_FULL = 160

ALTERNATIVES = (
    "Prosecution for the s444 offence (s444(1), or s444(1A) after an interview under caution)",
    "An Education Supervision Order (s36 Children Act 1989), which must be considered before "
    "prosecuting (s447 Education Act 1996)",
    "A parenting contract or parenting order",
)


class NoticeStatus(StrEnum):
    CONSIDERED = "considered"
    NOTICE_TO_IMPROVE = "notice_to_improve"
    NOT_ISSUED = "not_issued"
    ISSUED = "issued"
    PAID_21 = "paid_within_21_days"
    PAID_28 = "paid_within_28_days"
    UNPAID = "unpaid"
    WITHDRAWN = "withdrawn"
    PROSECUTED = "prosecuted"


STATUS_LABELS: dict[NoticeStatus, str] = {
    NoticeStatus.CONSIDERED: "Considered",
    NoticeStatus.NOTICE_TO_IMPROVE: "Notice to Improve running",
    NoticeStatus.NOT_ISSUED: "Not issued",
    NoticeStatus.ISSUED: "Issued, awaiting payment",
    NoticeStatus.PAID_21: "Paid within 21 days",
    NoticeStatus.PAID_28: "Paid within 28 days",
    NoticeStatus.UNPAID: "Unpaid",
    NoticeStatus.WITHDRAWN: "Withdrawn",
    NoticeStatus.PROSECUTED: "Prosecution followed",
}

# What may follow what. Paid, withdrawn, not-issued and prosecuted notices are finished.
NEXT_STATUSES: dict[NoticeStatus, frozenset[NoticeStatus]] = {
    NoticeStatus.CONSIDERED: frozenset(
        {NoticeStatus.NOTICE_TO_IMPROVE, NoticeStatus.ISSUED, NoticeStatus.NOT_ISSUED}
    ),
    NoticeStatus.NOTICE_TO_IMPROVE: frozenset({NoticeStatus.ISSUED, NoticeStatus.NOT_ISSUED}),
    NoticeStatus.ISSUED: frozenset(
        {NoticeStatus.PAID_21, NoticeStatus.PAID_28, NoticeStatus.UNPAID, NoticeStatus.WITHDRAWN}
    ),
    NoticeStatus.UNPAID: frozenset({NoticeStatus.PROSECUTED, NoticeStatus.WITHDRAWN}),
}


class Grounds(StrEnum):
    UNAUTHORISED_ABSENCE = "unauthorised_absence"
    LEAVE_IN_TERM_TIME = "leave_in_term_time"

    @property
    def label(self) -> str:
        return {
            Grounds.UNAUTHORISED_ABSENCE: "Unauthorised absence (N, O, U)",
            Grounds.LEAVE_IN_TERM_TIME: "Leave in term time not authorised (G)",
        }[self]

    @property
    def phrase(self) -> str:
        """The grounds inside a sentence: "on the grounds of unauthorised absence (N, O, U)"."""
        return self.label[0].lower() + self.label[1:]


class StepRefused(ValueError):
    """A step the notice's state or the rules do not allow; the message says why."""


def check_step(current: NoticeStatus, wanted: NoticeStatus) -> None:
    if wanted not in NEXT_STATUSES.get(current, frozenset()):
        raise StepRefused(
            f"a notice that is {STATUS_LABELS[current].lower()} cannot become "
            f"{STATUS_LABELS[wanted].lower()}"
        )


def presumed_receipt(issued_on: dt.date, served_by: str) -> dt.date:
    """When the parent is taken to have received the notice: the day, by hand; the second
    working day after posting, by first-class post."""
    if served_by == "hand":
        return issued_on
    if served_by == "post":
        return add_working_days(issued_on, 2)
    raise ValueError(f"a notice is served by hand or by post, not {served_by!r}")


@dataclass(frozen=True)
class PaymentDates:
    reduced_by: dt.date | None  # the last day for the reduced rate (first notices only)
    full_by: dt.date  # the last day for any payment


REDUCED_DAYS = 21
FULL_DAYS = 28


def payment_dates(received_on: dt.date, amount_21: int | None) -> PaymentDates:
    """The last days for paying: "the period of 21 (28) days beginning with the date on which
    the notice is received" (SI 2024/210 reg 4), so the day of receipt is day 1 and the last
    day is receipt + 20 (receipt + 27)."""
    return PaymentDates(
        received_on + dt.timedelta(days=REDUCED_DAYS - 1) if amount_21 is not None else None,
        received_on + dt.timedelta(days=FULL_DAYS - 1),
    )


def prosecution_from(received_on: dt.date, amount_21: int | None) -> dt.date:
    """The first day on which proceedings for the offence may be instituted: the day after
    the period for paying has ended (s444A(3)(a) Education Act 1996; domain.md "Penalty
    notices": no proceedings for the offence until the period for paying has ended)."""
    return payment_dates(received_on, amount_21).full_by + dt.timedelta(days=1)


def payment_status(
    *,
    received_on: dt.date,
    amount_21: int | None,
    amount_28: int,
    paid_on: dt.date,
    amount: int,
) -> NoticeStatus:
    """Whether a payment of ``amount`` pounds on ``paid_on`` settles the notice, and how;
    StepRefused with the reason when it does not (too little, too late, before receipt)."""
    dates = payment_dates(received_on, amount_21)
    if paid_on < received_on:
        raise StepRefused(
            f"the payment date {short_date(paid_on)} is before the notice was received "
            f"({short_date(received_on)})"
        )
    if paid_on > dates.full_by:
        raise StepRefused(
            f"the period for paying ended on {short_date(dates.full_by)}: a payment on "
            f"{short_date(paid_on)} cannot settle the notice (record it as unpaid)"
        )
    if dates.reduced_by is not None and amount_21 is not None and paid_on <= dates.reduced_by:
        if amount < amount_21:
            raise StepRefused(f"£{amount} paid: £{amount_21} is due within 21 days")
        return NoticeStatus.PAID_21
    if amount < amount_28:
        late = " after the first 21 days" if amount_21 is not None else ""
        raise StepRefused(f"£{amount} paid{late}: £{amount_28} is due")
    return NoticeStatus.PAID_28


@dataclass(frozen=True)
class Notice:
    parent_id: str
    child_id: str
    issued_on: dt.date
    status: NoticeStatus = NoticeStatus.ISSUED


@dataclass(frozen=True)
class NoticeDecision:
    allowed: bool
    ordinal: int  # 1 + the notices that still count (1 first, 2 second, 3 refused)
    amount_within_21_days: int | None  # the reduced rate, first notices only
    amount_within_28_days: int | None
    # the earlier notice that makes this a second (or blocks it), and the last day it counts
    window_from: dt.date | None
    window_to: dt.date | None
    reason: str
    alternatives: tuple[str, ...] = ()


def years_after(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _counted(notices: Iterable[Notice], parent_id: str, child_id: str) -> list[dt.date]:
    return sorted(
        n.issued_on
        for n in notices
        if n.parent_id == parent_id
        and n.child_id == child_id
        and n.status is not NoticeStatus.WITHDRAWN
        and n.issued_on >= FRAMEWORK_START
    )


def counting_on(
    notices: Iterable[Notice], *, parent_id: str, child_id: str, on: dt.date
) -> list[dt.date]:
    """The dates of the notices that still count on ``on``, earliest first: issued on or
    before ``on`` and ``on`` within the 3 years beginning with the notice's date (domain.md
    "Penalty notices": a notice of 2 September 2024 counts up to 1 September 2027)."""
    return [
        issued
        for issued in _counted(notices, parent_id, child_id)
        if issued <= on < years_after(issued, WINDOW_YEARS)
    ]


def last_counted_day(issued_on: dt.date) -> dt.date:
    """The last day on which a notice issued on ``issued_on`` counts towards the limit."""
    return years_after(issued_on, WINDOW_YEARS) - dt.timedelta(days=1)


def next_notice(
    notices: Iterable[Notice], *, parent_id: str, child_id: str, on: dt.date
) -> NoticeDecision:
    """Whether a notice may be issued to this parent for this child on ``on``, and for how
    much; refused with the reason and the alternatives when two notices still count.

    The limit is a rolling period (see the module docstring): ``window_from``/``window_to``
    are the date of the earlier notice that makes this a second (or, when refused, the one
    whose period ends first among the two that block it) and the last day it counts.
    """
    if on < FRAMEWORK_START:
        raise ValueError("this calculation follows the framework in force from 19 August 2024")
    counting = counting_on(notices, parent_id=parent_id, child_id=child_id, on=on)
    if not counting:
        return NoticeDecision(
            True,
            1,
            FIRST_REDUCED,
            FIRST_FULL,
            None,
            None,
            "First notice to this parent for this child: £80 if paid within 21 days, "
            "£160 within 28 days.",
        )
    if len(counting) == 1:
        start = counting[0]
        end = last_counted_day(start)
        return NoticeDecision(
            True,
            2,
            None,
            SECOND_FULL,
            start,
            end,
            f"Second notice: the notice of {short_date(start)} still counts (up to "
            f"{short_date(end)}): £160 within 28 days, with no reduced rate.",
        )
    # a notice becomes possible once all but the latest of the counting notices have lapsed
    blocker = counting[-2]
    end = last_counted_day(blocker)
    listed = ", ".join(short_date(d) for d in counting)
    return NoticeDecision(
        False,
        3,
        None,
        None,
        blocker,
        end,
        f"A third notice within 3 years is not allowed: the notices of {listed} still "
        f"count (the notice of {short_date(blocker)} up to {short_date(end)}). Consider another "
        "intervention.",
        ALTERNATIVES,
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


@dataclass(frozen=True)
class ThresholdEvidence:
    """The register as the officer saw it when considering a notice."""

    first: dt.date
    last: dt.date
    computed_on: dt.date
    met: bool
    unauthorised_in_window: int
    window_from: dt.date | None
    window_to: dt.date | None
    codes_in_window: Mapping[str, int]
    possible: int
    unauthorised: int
    attendance_pct: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "computed_on": self.computed_on.isoformat(),
            "met": self.met,
            "unauthorised_in_window": self.unauthorised_in_window,
            "window_from": _iso(self.window_from),
            "window_to": _iso(self.window_to),
            "codes_in_window": dict(self.codes_in_window),
            "possible": self.possible,
            "unauthorised": self.unauthorised,
            "attendance_pct": self.attendance_pct,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ThresholdEvidence:
        return cls(
            first=dt.date.fromisoformat(data["first"]),
            last=dt.date.fromisoformat(data["last"]),
            computed_on=dt.date.fromisoformat(data["computed_on"]),
            met=bool(data["met"]),
            unauthorised_in_window=int(data["unauthorised_in_window"]),
            window_from=_date(data.get("window_from")),
            window_to=_date(data.get("window_to")),
            codes_in_window=dict(data.get("codes_in_window", {})),
            possible=int(data.get("possible", 0)),
            unauthorised=int(data.get("unauthorised", 0)),
            attendance_pct=data.get("attendance_pct"),
        )

    def count_is_of_its_dates(self) -> bool:
        """Whether the count stated is the count of the window's own dates. Evidence recorded
        before issue 9 could pair the largest count of any run with the dates of another;
        ``codes_in_window`` was always counted over the dates stated, so it tells."""
        return sum(self.codes_in_window.values()) == self.unauthorised_in_window

    def sentence(self) -> str:
        """The evidence in words, for the chronology and the notice's history."""
        if self.window_from is None or self.window_to is None:
            return (
                f"No school weeks in the register from {short_date(self.first)} to "
                f"{short_date(self.last)}."
            )
        codes = ", ".join(f"{c} {n}" for c, n in self.codes_in_window.items() if n) or "none"
        register = f"{short_date(self.first)}–{short_date(self.last)}"
        return (
            f"Register {register}: {self.unauthorised_in_window} "
            f"sessions of unauthorised absence ({codes}) in the 10 school weeks "
            f"{short_date(self.window_from)}–{short_date(self.window_to)}: the national threshold "
            f"(10 or more) is {'met' if self.met else 'NOT met'}. Attendance over the range "
            f"{self.attendance_pct or 'n/a'}% of {self.possible} possible sessions."
        )
