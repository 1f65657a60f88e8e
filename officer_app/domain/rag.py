"""Red / amber / green for a case: how urgently it needs the officer's attention.

Shown with its text and a reason, never by colour alone. Thresholds are LA policy and
configurable; the defaults follow the fortnightly-supervision rhythm in domain.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from officer_app.wording import short_date


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    NONE = "none"  # closed cases

    @property
    def label(self) -> str:
        return {"red": "Red", "amber": "Amber", "green": "Green", "none": "—"}[self.value]


@dataclass(frozen=True)
class RagPolicy:
    red_no_contact_days: int = 28
    amber_no_contact_days: int = 14
    amber_action_due_within_days: int = 5


@dataclass(frozen=True)
class RagResult:
    rag: Rag
    reason: str


def assess(
    *,
    today: dt.date,
    closed: bool,
    last_contact: dt.date | None,
    opened: dt.date,
    next_action_due: dt.date | None,
    high_risk: bool,
    policy: RagPolicy = RagPolicy(),
    safeguarding_on: dt.date | None = None,
    timescale_overdue: str | None = None,
) -> RagResult:
    """The case's RAG and the first reason for it, most serious first.

    ``safeguarding_on``: the date of a recent safeguarding concern (the supervisor must see
    it); ``timescale_overdue``: the name of a statutory or LA timescale that has been missed.
    """
    if closed:
        return RagResult(Rag.NONE, "Closed")
    if safeguarding_on is not None:
        return RagResult(Rag.RED, f"Safeguarding concern recorded {short_date(safeguarding_on)}")
    since = last_contact or opened
    quiet_days = (today - since).days
    if next_action_due is not None and next_action_due < today:
        overdue = (today - next_action_due).days
        return RagResult(Rag.RED, f"Next action overdue by {overdue} day{'s' * (overdue != 1)}")
    if timescale_overdue is not None:
        return RagResult(Rag.RED, f"{timescale_overdue} overdue")
    if quiet_days >= policy.red_no_contact_days:
        return RagResult(Rag.RED, f"No contact for {quiet_days} days")
    if high_risk and quiet_days >= policy.amber_no_contact_days:
        return RagResult(Rag.RED, f"High risk and no contact for {quiet_days} days")
    if quiet_days >= policy.amber_no_contact_days:
        return RagResult(Rag.AMBER, f"No contact for {quiet_days} days")
    if (
        next_action_due is not None
        and (next_action_due - today).days <= policy.amber_action_due_within_days
    ):
        return RagResult(Rag.AMBER, f"Next action due {next_action_due:%d %b}")
    return RagResult(Rag.GREEN, "On track")
