"""Penalty notices under the national framework of 19 August 2024 (domain.md).

- First notice to a parent for a child: £80 if paid within 21 days, £160 within 28.
- Second notice to the same parent for the same child within 3 years of the first: £160
  within 28 days, no reduced rate.
- No third notice within those 3 years: another intervention instead (usually prosecution).
- Paid and unpaid notices count; withdrawn ones do not. The 3-year window starts with the
  first notice issued on or after 19 August 2024; a notice after a window has closed starts
  a new one.

A notice's life: considered (with the threshold evidence) → a Notice to Improve where
appropriate (not for leave in term time) → issued, or a decision not to issue → paid within
21 days, within 28 days, or unpaid → prosecution for the original s444 offence. An issued or
unpaid notice may be withdrawn, with the reason. The payment periods run from the day the
parent received the notice: by hand, that day; by first-class post, presumed to be the second
working day after posting (the usual presumption for first-class post; the officer may enter
the real date). "Within 21 days" means on or before the 21st day after receipt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from officer_app.domain.working_days import add_working_days

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


def payment_dates(received_on: dt.date, amount_21: int | None) -> PaymentDates:
    return PaymentDates(
        received_on + dt.timedelta(days=21) if amount_21 is not None else None,
        received_on + dt.timedelta(days=28),
    )


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
            f"the payment date {paid_on:%d/%m/%Y} is before the notice was received "
            f"({received_on:%d/%m/%Y})"
        )
    if paid_on > dates.full_by:
        raise StepRefused(
            f"the period for paying ended on {dates.full_by:%d/%m/%Y}: a payment on "
            f"{paid_on:%d/%m/%Y} cannot settle the notice (record it as unpaid)"
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
    ordinal: int  # 1 for a first notice in the window, 2 for a second; 3 when refused
    amount_within_21_days: int | None  # the reduced rate, first notices only
    amount_within_28_days: int | None
    window_from: dt.date | None  # the current 3-year window, when one is open
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


def next_notice(
    notices: Iterable[Notice], *, parent_id: str, child_id: str, on: dt.date
) -> NoticeDecision:
    """Whether a notice may be issued to this parent for this child on ``on``, and for how
    much; refused with the reason and the alternatives when it would be a third."""
    if on < FRAMEWORK_START:
        raise ValueError("this calculation follows the framework in force from 19 August 2024")
    start: dt.date | None = None
    in_window = 0
    for issued in _counted(notices, parent_id, child_id):
        if issued > on:
            break
        if start is None or issued >= years_after(start, WINDOW_YEARS):
            start, in_window = issued, 0  # the first notice of a new window
        in_window += 1
    if start is not None and on >= years_after(start, WINDOW_YEARS):
        start, in_window = None, 0  # the window has closed: this would be a first notice
    end = years_after(start, WINDOW_YEARS) - dt.timedelta(days=1) if start else None
    if in_window == 0:
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
    if in_window == 1:
        return NoticeDecision(
            True,
            2,
            None,
            SECOND_FULL,
            start,
            end,
            f"Second notice within 3 years of the first ({start:%d/%m/%Y}): £160 within "
            "28 days, with no reduced rate.",
        )
    return NoticeDecision(
        False,
        3,
        None,
        None,
        start,
        end,
        f"A third notice within 3 years of the first ({start:%d/%m/%Y}) is not allowed: "
        f"the window runs to {end:%d/%m/%Y}. Consider another intervention.",
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

    def sentence(self) -> str:
        """The evidence in words, for the chronology and the notice's history."""
        if self.window_from is None or self.window_to is None:
            return (
                f"No school weeks in the register from {self.first:%d/%m/%Y} to "
                f"{self.last:%d/%m/%Y}."
            )
        codes = ", ".join(f"{c} {n}" for c, n in self.codes_in_window.items() if n) or "none"
        return (
            f"Register {self.first:%d/%m/%Y}–{self.last:%d/%m/%Y}: {self.unauthorised_in_window} "
            f"sessions of unauthorised absence ({codes}) in the 10 school weeks "
            f"{self.window_from:%d/%m/%Y}–{self.window_to:%d/%m/%Y}: the national threshold "
            f"(10 or more) is {'met' if self.met else 'NOT met'}. Attendance over the range "
            f"{self.attendance_pct or 'n/a'}% of {self.possible} possible sessions."
        )
