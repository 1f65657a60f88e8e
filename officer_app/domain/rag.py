"""Red / amber / green for a case: how urgently it needs the officer's attention.

Red means "act now", amber "due soon, a little late or drifting", green "on track". Shown
with its text and the reasons, never by colour alone. Every threshold is LA policy (the
``[rag]`` table of settings.toml, documented in config.py); the defaults follow domain.md:

Red, most serious first:
- a safeguarding concern recorded in the last ``red_safeguarding_days`` (it must be followed
  up: the supervisor must see it);
- no contact at all and the first-contact timescale has passed (domain.md, "The life of a
  case", step 1: the service responds within 5 working days; ``[timescales]``);
- a prosecution time limit close: the last day to lay the information (s127 Magistrates'
  Courts Act 1980, domain/time_limits.py) within ``red_time_limit_days``; domain.md warns
  6 weeks, 2 weeks and 1 week before, so amber from 6 weeks and red from 2;
- a high-severity risk flag or a child protection plan, and no contact for
  ``red_high_risk_no_contact_days``;
- severe absence (absence of 50% or more of possible sessions, i.e. attendance at or below
  ``severe_attendance_pct``: domain.md, "Attendance registers", "Measures") and no contact for
  ``red_severe_no_contact_days``;
- at a formal, legal or court stage, the next action overdue by more than
  ``red_overdue_formal_days`` (legal steps run to time limits and a supervisor's plan);
- no contact for ``red_no_contact_days``.

Amber: a safeguarding concern in the last ``amber_safeguarding_days``; a time limit within
``amber_time_limit_days`` or passed (the decision must be recorded); a penalty notice whose
payment period ended with no outcome recorded; a next action overdue; the initial assessment
overdue; no contact for ``amber_no_contact_days``; severe absence; a next action due within
``amber_action_due_within_days``. A child at 100% attendance with a routine action a few days
overdue is amber, not red.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
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


# The stages at which a late next action is a late legal step (domain.md, steps 5-8).
FORMAL_STAGES = frozenset({"formal", "legal", "court"})


@dataclass(frozen=True)
class RagPolicy:
    """The LA's RAG thresholds, in days (``severe_attendance_pct`` in percent)."""

    red_no_contact_days: int = 28
    amber_no_contact_days: int = 14
    amber_action_due_within_days: int = 3
    red_overdue_formal_days: int = 7
    red_high_risk_no_contact_days: int = 14
    severe_attendance_pct: int = 50
    red_severe_no_contact_days: int = 10
    red_safeguarding_days: int = 7
    amber_safeguarding_days: int = 28
    red_time_limit_days: int = 14
    amber_time_limit_days: int = 42

    def __post_init__(self) -> None:
        for name in ("no_contact", "safeguarding", "time_limit"):
            red, amber = getattr(self, f"red_{name}_days"), getattr(self, f"amber_{name}_days")
            if name == "no_contact" and amber >= red:
                raise ValueError("amber_no_contact_days must be fewer than red_no_contact_days")
            if name != "no_contact" and red > amber:
                raise ValueError(f"red_{name}_days must not be more than amber_{name}_days")
        if not 0 < self.severe_attendance_pct < 100:
            raise ValueError("severe_attendance_pct must be a percentage from 1 to 99")

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class RagFacts:
    """What the rules look at, beyond the case's dates (each None when not known)."""

    stage: str = ""
    attendance_pct: Decimal | None = None
    child_protection_plan: bool = False
    first_contact_due: dt.date | None = None  # set while no contact since the referral
    assessment_due: dt.date | None = None  # None: assessed, or no timescale
    safeguarding_on: dt.date | None = None  # the latest safeguarding concern
    lay_by: dt.date | None = None  # the earliest last day to lay an information
    payment_ended: dt.date | None = None  # a notice's payment period ended, no outcome


@dataclass(frozen=True)
class RagResult:
    rag: Rag
    reason: str  # the most serious reason, for the caseload's "Why" column
    rule: str = ""  # the rule that set the colour (a key of RULES)
    reasons: tuple[str, ...] = ()  # every reason found, most serious first

    def explanation(self, policy: RagPolicy) -> str:
        """The rule that set the colour, in words."""
        return rule_text(self.rule, policy)


def rule_text(rule: str, policy: RagPolicy) -> str:
    p = policy
    return {
        "safeguarding": f"a safeguarding concern in the last {p.red_safeguarding_days} days",
        "first_contact": "no contact yet and the first-contact timescale has passed",
        "time_limit": (
            f"the last day to lay the information is within {p.red_time_limit_days} days"
        ),
        "risk_no_contact": (
            "a high-risk flag or a child protection plan, and no contact for "
            f"{p.red_high_risk_no_contact_days} days or more"
        ),
        "severe_no_contact": (
            f"severe absence (attendance at or below {p.severe_attendance_pct}%) and no "
            f"contact for {p.red_severe_no_contact_days} days or more"
        ),
        "formal_overdue": (
            "a next action more than "
            f"{p.red_overdue_formal_days} days overdue at a formal, legal or court stage"
        ),
        "no_contact": f"no contact for {p.red_no_contact_days} days or more",
        "safeguarding_recent": (
            f"a safeguarding concern in the last {p.amber_safeguarding_days} days"
        ),
        "time_limit_soon": (
            f"the last day to lay the information is within {p.amber_time_limit_days} days, "
            "or has passed"
        ),
        "payment_ended": "a penalty notice's payment period ended with no outcome recorded",
        "overdue": "a next action overdue",
        "assessment_overdue": "the initial assessment is overdue",
        "quiet": f"no contact for {p.amber_no_contact_days} days or more",
        "severe": f"severe absence (attendance at or below {p.severe_attendance_pct}%)",
        "due_soon": f"a next action due within {p.amber_action_due_within_days} days",
        "on_track": "nothing is due soon or late",
        "closed": "the case is closed",
    }.get(rule, "")


def _days(n: int) -> str:
    return f"{n} day{'s' * (n != 1)}"


def assess(
    *,
    today: dt.date,
    closed: bool,
    last_contact: dt.date | None,
    opened: dt.date,
    next_action_due: dt.date | None,
    high_risk: bool,
    policy: RagPolicy = RagPolicy(),
    facts: RagFacts = RagFacts(),
) -> RagResult:
    """The case's RAG, the rule that set it and every reason found, most serious first."""
    if closed:
        return RagResult(Rag.NONE, "Closed", "closed", ("Closed",))
    p, f = policy, facts
    red: list[tuple[str, str]] = []
    amber: list[tuple[str, str]] = []
    quiet = (today - (last_contact or opened)).days
    no_contact = (
        f"No contact for {_days(quiet)}"
        if last_contact
        else f"No contact in the {_days(quiet)} since referral"
    )
    overdue = (today - next_action_due).days if next_action_due is not None else 0
    severe = f.attendance_pct is not None and f.attendance_pct <= p.severe_attendance_pct
    pct = f"Attendance {f.attendance_pct}% (≤{p.severe_attendance_pct}%: severe)"

    if f.safeguarding_on is not None:
        ago = (today - f.safeguarding_on).days
        text = f"Safeguarding concern {short_date(f.safeguarding_on)}"
        if ago <= p.red_safeguarding_days:
            red.append(("safeguarding", text))
        elif ago <= p.amber_safeguarding_days:
            amber.append(("safeguarding_recent", text))
    if f.first_contact_due is not None and today > f.first_contact_due:
        red.append(("first_contact", f"No first contact: due {short_date(f.first_contact_due)}"))
    if f.lay_by is not None:
        left = (f.lay_by - today).days
        if left < 0:
            passed = short_date(f.lay_by)
            amber.append(("time_limit_soon", f"Time limit may have passed ({passed})"))
        elif left <= p.red_time_limit_days:
            red.append(("time_limit", f"Lay information by {short_date(f.lay_by)}"))
        elif left <= p.amber_time_limit_days:
            amber.append(("time_limit_soon", f"Lay information by {short_date(f.lay_by)}"))
    if (high_risk or f.child_protection_plan) and quiet >= p.red_high_risk_no_contact_days:
        who = "high-risk flag" if high_risk else "CP plan"
        red.append(("risk_no_contact", f"{no_contact} ({who})"))
    if severe and quiet >= p.red_severe_no_contact_days:
        figure = f"Attendance {f.attendance_pct}%"
        red.append(("severe_no_contact", f"{figure}, {no_contact[0].lower()}{no_contact[1:]}"))
    if overdue > 0:
        text = f"Next action overdue by {_days(overdue)}"
        if f.stage in FORMAL_STAGES and overdue > p.red_overdue_formal_days:
            red.append(("formal_overdue", text))
        else:
            amber.append(("overdue", text))
    if quiet >= p.red_no_contact_days:
        red.append(("no_contact", no_contact))
    if f.payment_ended is not None:
        ended = short_date(f.payment_ended)
        amber.append(("payment_ended", f"Penalty notice: paying period ended {ended}"))
    if f.assessment_due is not None and today > f.assessment_due:
        due = short_date(f.assessment_due)
        amber.append(("assessment_overdue", f"Initial assessment overdue (due {due})"))
    said = any(rule in ("risk_no_contact", "severe_no_contact") for rule, _text in red)
    if p.amber_no_contact_days <= quiet < p.red_no_contact_days and not said:
        amber.append(("quiet", no_contact))
    if severe and not any(rule == "severe_no_contact" for rule, _text in red):
        amber.append(("severe", pct))
    if next_action_due is not None and 0 <= (next_action_due - today).days <= (
        p.amber_action_due_within_days
    ):
        when = "today" if next_action_due == today else short_date(next_action_due)
        amber.append(("due_soon", f"Next action due {when}"))

    found = red + amber
    reasons = tuple(dict.fromkeys(text for _rule, text in found))
    if red:
        return RagResult(Rag.RED, red[0][1], red[0][0], reasons)
    if amber:
        return RagResult(Rag.AMBER, amber[0][1], amber[0][0], reasons)
    return RagResult(Rag.GREEN, "On track", "on_track", ("On track",))
