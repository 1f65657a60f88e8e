"""Plain data the window and the command line receive from services (never live ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class DraftInfo:
    case_id: str
    kind: str
    entry_type: str
    title: str
    body: str
    updated_at: dt.datetime


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


@dataclass(frozen=True)
class VerifyReport:
    entries_checked: int
    cases_checked: int
    breaks: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.breaks
