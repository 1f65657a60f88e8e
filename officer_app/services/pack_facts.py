"""The facts the evidence pack's generated documents are made from, read in one go (issue 13,
point 2). Both functions take the caller's session (``store.read(lambda s: pack_facts(s,
…))``) and return plain models (:mod:`officer_app.documents.pack_models`):

- :func:`pack_facts`: the cover sheet, case summary, draft information, s566 certificate,
  register extract and penalty-notice history for one offence, period and defendant(s);
- :func:`unused_material`: the schedule of everything on the case not in the pack (CPIA
  1996), once the assembler knows what it put in.

The attendance figures are services/attendance's for the same range (the marks held,
summarised by domain/attendance.summarise with the shipped code table), so the certificate,
the extract and the Attendance tab always agree. No model carries an address.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.documents.model import DEFAULT_LA_NAME
from officer_app.documents.pack_models import (
    AttendanceFigures,
    CaseSummaryModel,
    CertificateModel,
    CodeLegendLine,
    CoverModel,
    Defendant,
    ExtractWeek,
    InformationDraft,
    InformationModel,
    NoticeHistoryModel,
    PackFacts,
    PackHeader,
    RegisterExtractModel,
    UnusedScheduleModel,
)
from officer_app.domain.attendance import CodeTable, Summary, summarise
from officer_app.domain.attendance_patterns import HeldMark, monday_of, register_grid, weekly
from officer_app.domain.interview import Offence
from officer_app.domain.stages import Stage
from officer_app.domain.statement import information_wording, time_limit
from officer_app.services.interview_rows import is_interview_record
from officer_app.services.pack_history import (
    eso_lines,
    interventions,
    interview_summaries,
    notice_lines,
)
from officer_app.services.pack_unused import unused_lines
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    ChronologyEntry,
    EvidencePack,
    Officer,
    School,
)

__all__ = ["PackFactsError", "la_area", "next_pack_reference", "pack_facts", "unused_material"]

ROLES = {
    "officer": "Attendance officer",
    "supervisor": "Supervisor",
    "court_officer": "Court officer",
}


class PackFactsError(ValueError):
    """The facts cannot be gathered as asked; the message says why (no personal data)."""


def la_area(la_name: str) -> str:
    """The authority's area for the information ("Northam" from "Northam City Council —
    Attendance and Inclusion Service"). domain.md is silent on the place named in the
    information; the LA's area is the draft's, for the lawyer to settle."""
    authority = la_name.split("—")[0].split(" - ")[0].strip()
    for suffix in ("City Council", "Borough Council", "County Council", "District Council",
                   "Council"):  # fmt: skip
        if authority.endswith(suffix) and authority != suffix:
            return authority[: -len(suffix)].strip()
    return authority


def next_pack_reference(session: Session, case: Case) -> str:
    """The reference the next pack built on the case takes: ``ATT-2026-00011/P2``."""
    used = session.scalar(
        select(func.max(EvidencePack.number)).where(EvidencePack.case_id == case.id)
    )
    return f"{case.reference}/P{int(used or 0) + 1}"


def _name(adult: Adult) -> str:
    return f"{adult.forename} {adult.surname}"


def _person(adult: Adult) -> Defendant:
    return Defendant(
        adult.id, _name(adult), adult.relationship_to_child, adult.parental_responsibility
    )


def _figures(summary: Summary) -> AttendanceFigures:
    return AttendanceFigures(
        first=summary.first,
        last=summary.last,
        possible=summary.possible,
        present=summary.present,
        approved_activity=summary.approved_activity,
        authorised=summary.authorised,
        unauthorised=summary.unauthorised,
        not_counted=summary.not_counted,
        no_mark=summary.no_mark,
        attendance_pct=summary.attendance_pct,
        absence_pct=summary.absence_pct,
        persistent_absence=summary.persistent_absence,
        severe_absence=summary.severe_absence,
    )


def _legend(marks: Iterable[HeldMark], codes: CodeTable) -> tuple[CodeLegendLine, ...]:
    """Every code that appears, in the set it was recorded in, in the code table's order."""
    counts = Counter((m.code, m.code_set) for m in marks)
    order = {
        (code, code_set): n
        for n, (code_set, code) in enumerate(
            (s, c) for s, table in codes.by_set.items() for c in table
        )
    }
    lines = []
    for (code, code_set), count in counts.items():
        held = codes.by_set.get(code_set, {}).get(code)
        info = codes.lookup(code)
        if info is None:
            raise PackFactsError(f"an attendance code the table does not know: {code!r}")
        lines.append(
            CodeLegendLine(
                code=code,
                code_set=(held or info).code_set,
                meaning=(held or info).meaning,
                category=info.category,  # as summarise counts it
                count=count,
            )
        )
    lines.sort(key=lambda line: (order.get((line.code, line.code_set), 10**6), line.code))
    return tuple(lines)


def _marks(session: Session, child_id: str, first: dt.date, last: dt.date) -> list[HeldMark]:
    rows = session.execute(
        select(
            AttendanceMark.date,
            AttendanceMark.session,
            AttendanceMark.code,
            AttendanceMark.code_set,
        )
        .where(
            AttendanceMark.child_id == child_id,
            AttendanceMark.date >= first,
            AttendanceMark.date <= last,
        )
        .order_by(AttendanceMark.date, AttendanceMark.session)
    ).all()
    return [HeldMark(d, s, c, cs) for d, s, c, cs in rows]


def pack_facts(
    session: Session,
    case_id: str,
    *,
    offence: Offence,
    period_from: dt.date,
    period_to: dt.date,
    defendant_ids: Collection[str],
    today: dt.date,
    la_name: str = DEFAULT_LA_NAME,
    prepared_by_id: str | None = None,
    area: str | None = None,
    codes: CodeTable | None = None,
) -> PackFacts:
    """Every generated document's model for the pack, from one read of the case.

    ``prepared_by_id``: the officer building the pack (default: the case's officer);
    ``area``: the place named in the information (default: :func:`la_area`). The time limit
    is only stated here (the cover says how many days are left, or that it has passed):
    refusing a period out of time is the pack service's."""
    case = session.get(Case, case_id)
    if case is None:
        raise PackFactsError(f"no case with id {case_id}")
    if period_from > period_to:
        raise PackFactsError("the offence period ends before it starts")
    child = session.get_one(Child, case.child_id)
    school = session.get(School, child.school_id) if child.school_id else None
    family = list(
        session.scalars(
            select(Adult).where(Adult.family_id == child.family_id).order_by(Adult.surname,
                                                                            Adult.forename)
        )
    ) if child.family_id else []  # fmt: skip
    by_id = {a.id: a for a in family}
    missing = [i for i in defendant_ids if i not in by_id]
    if missing:
        raise PackFactsError("a defendant must be an adult of the child's family")
    defendants = tuple(_person(by_id[i]) for i in dict.fromkeys(defendant_ids))
    parents = tuple(_person(a) for a in family if a.parental_responsibility and a.ended_on is None)
    preparer = session.get(Officer, prepared_by_id or case.officer_id or "")
    officer = session.get(Officer, case.officer_id) if case.officer_id else None
    header = PackHeader(la_name, case.reference, next_pack_reference(session, case), today)

    table = codes or shipped_codes()
    upn = child.upn or ""
    marks = _marks(session, child.id, period_from, period_to)
    figures = _figures(summarise(marks, upn, period_from, period_to, codes=table))
    legend = _legend(marks, table)
    grid = register_grid(marks, period_from, period_to, codes=table)
    weeks_figures = {w.monday: w for w in weekly(marks, period_from, period_to, codes=table)}
    held = {w.monday: w for w in grid.weeks}
    weeks = []
    monday = monday_of(period_from)
    while monday <= period_to:  # every week of the period, those with no mark too
        week, counted = held.get(monday), weeks_figures.get(monday)
        weeks.append(
            ExtractWeek(
                monday=monday,
                cells=tuple(None if c is None else (c.code, c.category) for c in week.cells)
                if week
                else (None,) * len(grid.columns),
                possible=counted.possible if counted else 0,
                attended=counted.attending if counted else 0,
                authorised=counted.authorised if counted else 0,
                unauthorised=counted.unauthorised if counted else 0,
            )
        )
        monday += dt.timedelta(days=7)

    limit = time_limit(period_from, today)
    child_name = f"{child.forename} {child.surname}"
    school_name = school.name if school else ""
    entries = list(
        session.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case.id))
    )
    lines, left_out = interventions(entries)
    notices = notice_lines(
        session, case.id, (period_from, period_to), [d.adult_id for d in defendants]
    )
    place = area if area is not None else la_area(la_name)
    cover = CoverModel(
        header=header,
        offence=offence,
        defendants=defendants,
        child_name=child_name,
        child_dob=child.date_of_birth,
        school=school_name,
        period_from=period_from,
        period_to=period_to,
        last_day_to_lay=limit.last_day,
        days_left=limit.days_left,
        prepared_by=preparer.name if preparer else "",
        prepared_by_role=ROLES.get(preparer.role, preparer.role) if preparer else "",
    )
    summary = CaseSummaryModel(
        header=header,
        offence=offence,
        child_name=child_name,
        child_dob=child.date_of_birth,
        year_group=child.year_group,
        upn=upn,
        school=school_name,
        parents=parents,
        defendants=defendants,
        officer=officer.name if officer else "",
        referral_date=case.referral_date,
        stage=Stage(case.stage).label if case.stage in Stage else case.stage,
        attendance=figures,
        interventions=lines,
        routine_left_out=left_out,
        interviews=interview_summaries(entries),
        eso=eso_lines(session, case.id),
        notices=sum(1 for n in notices if n.issued_on is not None),
        notices_covering=sum(1 for n in notices if n.covers_offence_period),
    )
    information = InformationModel(
        header=header,
        offence=offence,
        drafts=tuple(
            InformationDraft(
                d,
                information_wording(
                    offence,
                    defendant=d.name,
                    child=child_name,
                    school=school_name,
                    period_from=period_from,
                    period_to=period_to,
                    area=place,
                ),
            )
            for d in defendants
        ),
        area=place,
        last_day_to_lay=limit.last_day,
    )
    certificate = CertificateModel(
        header=header,
        child_name=child_name,
        child_dob=child.date_of_birth,
        upn=upn,
        school=school_name,
        school_urn=school.urn if school else "",
        figures=figures,
        legend=legend,
    )
    register = RegisterExtractModel(
        header=header,
        child_name=child_name,
        child_dob=child.date_of_birth,
        upn=upn,
        school=school_name,
        figures=figures,
        columns=grid.columns,
        weeks=tuple(weeks),
        legend=legend,
    )
    return PackFacts(
        header=header,
        cover=cover,
        summary=summary,
        information=information,
        certificate=certificate,
        register=register,
        notices=NoticeHistoryModel(header, child_name, notices),
        interview_entry_ids=tuple(
            e.id
            for e in sorted(entries, key=lambda e: (e.occurred_at, e.id))
            if e.signed_at is not None and is_interview_record(e.answers)
        ),
    )


def unused_material(
    session: Session,
    case_id: str,
    included: set[str],
    *,
    header: PackHeader | None = None,
) -> UnusedScheduleModel:
    """The schedule of everything on the case not in the pack: ``included`` holds the ids of
    the entries, attachments, letters (and statements or statement versions) the pack holds.
    ``header``: the pack's (``PackFacts.header``); by default the next pack's, dated by the
    latest item."""
    case = session.get(Case, case_id)
    if case is None:
        raise PackFactsError(f"no case with id {case_id}")
    lines = unused_lines(session, case.id, included)
    if header is None:
        day = max((line.day for line in lines), default=case.referral_date)
        header = PackHeader(
            DEFAULT_LA_NAME, case.reference, next_pack_reference(session, case), day
        )
    return UnusedScheduleModel(header, lines)
