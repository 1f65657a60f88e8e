"""Penalty notices under the national framework of 19 August 2024 (domain.md).

- First notice to a parent for a child: £80 if paid within 21 days, £160 within 28.
- Second notice to the same parent for the same child within 3 years of the first: £160
  within 28 days, no reduced rate.
- No third notice within those 3 years: another intervention instead (usually prosecution).
- Paid and unpaid notices count; withdrawn ones do not. The 3-year window starts with the
  first notice issued on or after 19 August 2024; a notice after a window has closed starts
  a new one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

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
    ISSUED = "issued"
    PAID_21 = "paid_within_21_days"
    PAID_28 = "paid_within_28_days"
    UNPAID = "unpaid"
    WITHDRAWN = "withdrawn"
    PROSECUTED = "prosecuted"


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
