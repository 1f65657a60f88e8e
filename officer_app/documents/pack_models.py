"""What the documents an evidence pack generates are made from: plain data, gathered by
:mod:`officer_app.services.pack_facts`, with no reportlab (issue 13, point 2).

One model per document, each rendered by :mod:`officer_app.documents.pack_documents`:

- :class:`CoverModel`: the cover sheet;
- :class:`CaseSummaryModel`: the case summary;
- :class:`InformationModel`: the draft wording of the information, one per defendant;
- :class:`CertificateModel`: the s566 certificate of attendance for the head teacher to sign;
- :class:`RegisterExtractModel`: the register for the offence period as a session grid;
- :class:`NoticeHistoryModel`: the case's penalty notices;
- :class:`UnusedScheduleModel`: the schedule of unused material (CPIA 1996).

No document here prints an address: a pack must not show one that is withheld, and none of
these needs one (the people are named, the child's school and the LA's area place them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from officer_app.domain.interview import Offence

__all__ = [
    "CATEGORY_LABELS",
    "AttendanceFigures",
    "CaseSummaryModel",
    "CertificateModel",
    "CodeLegendLine",
    "CoverModel",
    "Defendant",
    "EsoLine",
    "ExtractWeek",
    "InformationDraft",
    "InformationModel",
    "InterventionLine",
    "InterviewSummary",
    "NoticeHistoryModel",
    "NoticeLine",
    "PackFacts",
    "PackHeader",
    "RegisterExtractModel",
    "UnusedLine",
    "UnusedScheduleModel",
]

# How a code's category reads in a legend and on the certificate (domain.md, "Attendance
# registers": "counts as").
CATEGORY_LABELS: dict[str, str] = {
    "present": "Present",
    "approved_activity": "Attending an approved educational activity",
    "authorised": "Authorised absence",
    "unauthorised": "Unauthorised absence",
    "not_counted": "Not a possible session (not counted)",
    "no_mark": "No mark entered (a gap in the register)",
}


@dataclass(frozen=True)
class PackHeader:
    """What every page of every generated document says about the pack."""

    la_name: str
    case_reference: str
    pack_reference: str  # "ATT-2026-00011/P2"
    prepared_on: dt.date


@dataclass(frozen=True)
class Defendant:
    adult_id: str
    name: str
    relationship: str  # "mother", "father", "carer"…
    parental_responsibility: bool


@dataclass(frozen=True)
class AttendanceFigures:
    """The register's figures for a range, as services/attendance gives them."""

    first: dt.date
    last: dt.date
    possible: int
    present: int
    approved_activity: int
    authorised: int
    unauthorised: int
    not_counted: int
    no_mark: int
    attendance_pct: Decimal | None
    absence_pct: Decimal | None
    persistent_absence: bool
    severe_absence: bool

    @property
    def attended(self) -> int:
        """Present and approved educational activity: the sessions attended."""
        return self.present + self.approved_activity

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised


@dataclass(frozen=True)
class CodeLegendLine:
    """One code that appears, with its meaning in the code set it was recorded in."""

    code: str
    code_set: str  # "2024" | "2006"
    meaning: str
    category: str  # a key of CATEGORY_LABELS
    count: int

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category)


@dataclass(frozen=True)
class CoverModel:
    header: PackHeader
    offence: Offence
    defendants: tuple[Defendant, ...]
    child_name: str
    child_dob: dt.date | None
    school: str
    period_from: dt.date
    period_to: dt.date
    last_day_to_lay: dt.date  # s127 Magistrates' Courts Act 1980 (domain/time_limits.py)
    days_left: int  # negative: out of time
    prepared_by: str
    prepared_by_role: str

    @property
    def in_time(self) -> bool:
        return self.days_left >= 0


@dataclass(frozen=True)
class InterventionLine:
    day: dt.date
    kind: str  # "Letter", "Home visit", "Penalty notice"…
    title: str


@dataclass(frozen=True)
class InterviewSummary:
    day: dt.date
    interviewee: str
    place: str  # the kind of place only ("at the family's home"): never an address
    start: str  # "10:02" (UK time) or ""
    end: str
    present: tuple[str, ...]  # "Jo Smith (interviewer)"
    legal_advice: str
    cautioned: bool
    questions: int
    signed: str  # "signed as correct" | "refused to sign …" | "not recorded"
    exhibit: str  # "DO/1"


@dataclass(frozen=True)
class EsoLine:
    """The decision on an Education Supervision Order (s447 Education Act 1996)."""

    considered_on: dt.date
    considered_by: str
    decision: str
    reason: str


@dataclass(frozen=True)
class CaseSummaryModel:
    header: PackHeader
    offence: Offence
    child_name: str
    child_dob: dt.date | None
    year_group: str
    upn: str
    school: str
    parents: tuple[Defendant, ...]  # every adult of the family with parental responsibility
    defendants: tuple[Defendant, ...]
    officer: str
    referral_date: dt.date
    stage: str
    attendance: AttendanceFigures
    interventions: tuple[InterventionLine, ...]  # in date order
    routine_left_out: str  # "" or a sentence counting the routine contacts not listed
    interviews: tuple[InterviewSummary, ...]
    eso: tuple[EsoLine, ...]
    notices: int  # penalty notices issued (detail: the notice history)
    notices_covering: int = 0  # of them, those covering part of the offence period


@dataclass(frozen=True)
class InformationDraft:
    defendant: Defendant
    wording: str  # domain/statement.information_wording


@dataclass(frozen=True)
class InformationModel:
    header: PackHeader
    offence: Offence
    drafts: tuple[InformationDraft, ...]
    area: str
    last_day_to_lay: dt.date


@dataclass(frozen=True)
class CertificateModel:
    """s566(1)(c) Education Act 1996: a certificate giving particulars of the attendance of a
    child at a school, signed by the head teacher, is received in evidence and is evidence
    of the matters stated in it (s566(2))."""

    header: PackHeader
    child_name: str
    child_dob: dt.date | None
    upn: str
    school: str
    school_urn: str
    figures: AttendanceFigures
    legend: tuple[CodeLegendLine, ...]  # every code that appears in the period


@dataclass(frozen=True)
class ExtractWeek:
    monday: dt.date
    # one per column: (code as recorded, category) or None (no mark held / outside the period)
    cells: tuple[tuple[str, str] | None, ...]
    possible: int
    attended: int
    authorised: int
    unauthorised: int


@dataclass(frozen=True)
class RegisterExtractModel:
    header: PackHeader
    child_name: str
    child_dob: dt.date | None
    upn: str
    school: str
    figures: AttendanceFigures
    columns: tuple[tuple[int, str], ...]  # (weekday 0-6, "AM" | "PM")
    weeks: tuple[ExtractWeek, ...]
    legend: tuple[CodeLegendLine, ...]


@dataclass(frozen=True)
class NoticeLine:
    number: str  # "" when never issued
    parent: str
    status: str  # the status's label
    considered_on: dt.date
    grounds: str
    period_from: dt.date | None  # the absence period the notice covers
    period_to: dt.date | None
    unauthorised: int | None  # sessions counted in that period (None: someone else's)
    nti_on: dt.date | None
    nti_until: dt.date | None
    issued_on: dt.date | None
    ordinal: int | None
    amount_21: int | None
    amount_28: int | None
    served_by: str
    received_on: dt.date | None
    reduced_by: dt.date | None
    full_by: dt.date | None
    paid_on: dt.date | None
    amount_paid: int | None
    withdrawn_on: dt.date | None
    withdrawn_reason: str
    prosecution_on: dt.date | None
    issued_by_others: str  # "" for the LA's own; "Issued by a head teacher (…)"
    decision_reason: str
    # issued, not withdrawn, and its absence period shares a day with the offence period:
    # no prosecution for those days unless it is withdrawn (payment discharges liability,
    # s444A Education Act 1996; domain.md "Penalty notices")
    covers_offence_period: bool = False


@dataclass(frozen=True)
class NoticeHistoryModel:
    header: PackHeader
    child_name: str
    notices: tuple[NoticeLine, ...]


@dataclass(frozen=True)
class UnusedLine:
    day: dt.date
    kind: str  # "Home visit", "Letter", "Attachment", "Statement draft"…
    title: str
    ref: str  # the store's id of the item, for the officer and the assembler
    note: str = ""  # "unsigned", "amends …"


@dataclass(frozen=True)
class UnusedScheduleModel:
    header: PackHeader
    lines: tuple[UnusedLine, ...]  # in date order


@dataclass(frozen=True)
class PackFacts:
    """Every generated document's model but the unused-material schedule (which depends on
    what the assembler puts in the pack: see ``services.pack_facts.unused_material``)."""

    header: PackHeader
    cover: CoverModel
    summary: CaseSummaryModel
    information: InformationModel
    certificate: CertificateModel
    register: RegisterExtractModel
    notices: NoticeHistoryModel
    interview_entry_ids: tuple[str, ...]  # the sealed records of interview, for the assembler

    def with_pack_reference(self, reference: str) -> PackFacts:
        """The same facts for the pack ``reference`` (the assembler's, if it differs from
        the next number the facts assumed)."""
        header = replace(self.header, pack_reference=reference)
        return replace(
            self,
            header=header,
            cover=replace(self.cover, header=header),
            summary=replace(self.summary, header=header),
            information=replace(self.information, header=header),
            certificate=replace(self.certificate, header=header),
            register=replace(self.register, header=header),
            notices=replace(self.notices, header=header),
        )
