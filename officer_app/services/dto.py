"""Plain data the window and the command line receive from services (never live ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class AttendanceBandInfo:
    """A child's attendance this school year (to the latest mark held) and the LA band it
    falls in; ``band_rank`` 0 is the most serious band, None above every band."""

    pct: Decimal | None
    first: dt.date
    last: dt.date
    possible: int
    band: str
    band_rank: int | None
    band_limit: Decimal | None = None  # the band's "at or below" percentage
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseRow:
    """One line of the caseload."""

    case_id: str
    reference: str
    child_forename: str
    child_surname: str
    child_date_of_birth: dt.date
    year_group: str
    school: str
    school_urn: str
    stage: str
    stage_label: str
    status: str
    officer_id: str
    officer: str
    last_contact: dt.date | None
    days_since_contact: int | None
    next_action: str
    next_action_due: dt.date | None
    rag: str
    rag_label: str
    rag_reason: str
    has_risk: bool
    vulnerabilities: tuple[str, ...] = ()
    attendance: AttendanceBandInfo | None = None  # None: no marks held this school year
    rag_rule: str = ""  # the rule that set the colour (domain/rag.py)
    rag_rule_text: str = ""  # that rule in words, from the LA's policy
    rag_reasons: tuple[str, ...] = ()  # every reason found, most serious first

    @property
    def child_name(self) -> str:
        return f"{self.child_forename} {self.child_surname}"


@dataclass(frozen=True)
class ChildInfo:
    id: str
    forename: str
    surname: str
    date_of_birth: dt.date
    age: int
    gender: str
    upn: str
    year_group: str
    school: str
    school_urn: str
    school_phase: str

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"


@dataclass(frozen=True)
class PersonInfo:
    """An adult on the case, or a sibling."""

    id: str
    name: str
    relationship: str
    parental_responsibility: bool
    phone: str = ""
    language: str = ""
    interpreter_needed: bool = False
    detail: str = ""  # for siblings: school, year and their case reference
    ended_on: dt.date | None = None  # an adult who left the family (kept, shown apart)
    end_reason: str = ""
    lives_with_child: bool = True

    @property
    def current(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class RiskInfo:
    category: str
    severity: str
    description: str
    two_officers_required: bool
    about: str  # "Address" or the person's name


@dataclass(frozen=True)
class EntryInfo:
    id: str
    entry_type: str
    type_label: str
    occurred_at: dt.datetime
    author: str
    title: str
    body: str
    signed: bool
    signed_at: dt.datetime | None
    signed_by: str
    content_hash: str
    chain_seq: int | None
    amends_id: str | None
    amend_reason: str
    amendments: tuple[EntryInfo, ...] = ()
    form_id: str | None = None  # a structured record: the form and version it was made with
    form_version: int | None = None
    answers: dict[str, Any] | None = None
    author_id: str = ""  # who wrote it: only they may finish or discard it while unsigned
    recorded_at: dt.datetime | None = None  # when it was written (an unsigned entry's time)


@dataclass(frozen=True)
class DraftInfo:
    case_id: str
    kind: str
    entry_type: str
    title: str
    body: str
    updated_at: dt.datetime
    occurred_at: dt.datetime | None = None  # when the event happened, if the officer said


@dataclass(frozen=True)
class CaseDetail:
    case_id: str
    reference: str
    stage: str
    stage_label: str
    status: str
    officer: str
    referral_date: dt.date
    referral_source: str
    referral_reason: str
    next_action: str
    next_action_due: dt.date | None
    rag: str
    rag_label: str
    rag_reason: str
    child: ChildInfo
    address: str
    vulnerabilities: tuple[str, ...]
    risks: tuple[RiskInfo, ...]
    people: tuple[PersonInfo, ...]
    siblings: tuple[PersonInfo, ...]
    entries: tuple[EntryInfo, ...]  # originals in time order; amendments hang under them
    draft: DraftInfo | None = None
    attendance: AttendanceBandInfo | None = None  # this school year, with the LA band


@dataclass(frozen=True)
class VerifyReport:
    entries_checked: int
    cases_checked: int
    breaks: tuple[str, ...] = field(default_factory=tuple)
    audit_checked: int = 0
    profile_head: str = ""  # SHA-256 hex over every case's chain head, as recomputed

    @property
    def ok(self) -> bool:
        return not self.breaks


@dataclass(frozen=True)
class VisitPlanInfo:
    id: str
    case_id: str
    case_reference: str
    child_name: str
    planned_for: dt.datetime
    address: str
    purpose: str
    officer: str
    second_officer: str
    status: str
    risk_count: int
    two_officers_required: bool
    change_reason: str = ""  # why it was cancelled or last moved (with the earlier time)


@dataclass(frozen=True)
class AcknowledgementInfo:
    id: str
    case_id: str
    visit_plan_id: str | None
    acknowledged_at: dt.datetime
    flags: tuple[RiskInfo, ...]


@dataclass(frozen=True)
class PlanTargetInfo:
    id: str
    description: str
    attendance_pct: float | None
    over_weeks: int | None


@dataclass(frozen=True)
class PlanActionInfo:
    id: str
    description: str
    owner: str
    owner_name: str
    due_on: dt.date
    done_on: dt.date | None


@dataclass(frozen=True)
class PlanInfo:
    id: str
    case_id: str
    agreed_on: dt.date
    review_on: dt.date
    status: str
    summary: str
    targets: tuple[PlanTargetInfo, ...]
    actions: tuple[PlanActionInfo, ...]


@dataclass(frozen=True)
class TimescaleInfo:
    """One statutory or LA timescale on a case: due when, met when, overdue by how much."""

    name: str
    due_on: dt.date
    met_on: dt.date | None
    working_days_overdue: int  # 0 when met in time or not yet due
