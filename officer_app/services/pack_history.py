"""What a case's history gives the evidence pack's documents (issue 13, point 2): the
interventions in date order, the interviews under caution in summary, the penalty notices
and the decisions on an Education Supervision Order. Read inside the caller's session
(:mod:`officer_app.services.pack_facts` reads everything in one go).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.documents.pack_models import (
    EsoLine,
    InterventionLine,
    InterviewSummary,
    NoticeLine,
)
from officer_app.domain.chronology import EntryType
from officer_app.domain.interview import EventKind, InterviewRecord
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.services.interview_rows import ROLE_LABELS, is_interview_record
from officer_app.services.notice_facts import notice_info
from officer_app.services.notice_records import eso_decisions, notice_period
from officer_app.store.models import ChronologyEntry, PenaltyNotice
from officer_app.wording import clock, short_date

__all__ = [
    "MAX_INTERVENTIONS",
    "eso_lines",
    "interventions",
    "interview_summaries",
    "notice_lines",
]

# The interventions a court reads in the summary (issue 13: letters, visits, meetings,
# plans, the Notice to Improve and penalty notices, the interview, the ESO decision).
KINDS: dict[str, str] = {
    EntryType.REFERRAL: "Referral",
    EntryType.ASSESSMENT: "Assessment",
    EntryType.PLAN: "Plan",
    EntryType.REVIEW: "Plan review",
    EntryType.LETTER: "Letter",
    EntryType.HOME_VISIT: "Home visit",
    EntryType.SCHOOL_VISIT: "School visit",
    EntryType.MEETING: "Meeting",
    EntryType.PENALTY_NOTICE: "Penalty notice",
    EntryType.INTERVIEW: "Interview",
    EntryType.STAGE_CHANGE: "Stage",
    EntryType.COURT: "Court",
}
ROUTINE = {EntryType.HOME_VISIT: "home visits", EntryType.SCHOOL_VISIT: "school visits",
           EntryType.MEETING: "meetings"}  # fmt: skip
MAX_INTERVENTIONS = 42
"""More lines than this and the visits and meetings are counted rather than listed, so
that the summary stays one or two pages (each one is in the chronology and its records)."""
PLACES = {"office": "at the authority's office", "home": "at the family's home"}
LEGAL = {
    "declined": "declined legal advice",
    "requested": "asked for legal advice",
    "solicitor_present": "a solicitor was present",
}


def interventions(
    entries: Iterable[ChronologyEntry],
) -> tuple[tuple[InterventionLine, ...], str]:
    """The signed interventions in date order (amendments and unsigned entries left out),
    and, when there are too many to list, a sentence counting the routine ones not listed."""
    chosen = [
        e
        for e in entries
        if e.entry_type in KINDS and e.signed_at is not None and e.amends_id is None
    ]
    chosen.sort(key=lambda e: (e.occurred_at, e.id))
    left_out = ""
    if len(chosen) > MAX_INTERVENTIONS:
        routine = [e for e in chosen if e.entry_type in ROUTINE]
        counts = Counter(e.entry_type for e in routine)
        parts = [f"{counts[k]} {words}" for k, words in ROUTINE.items() if counts[k]]
        first, last = routine[0].occurred_at, routine[-1].occurred_at
        left_out = (
            f"Not listed above: {_and(parts)} from {short_date(uk_local(first).date())} to "
            f"{short_date(uk_local(last).date())}, each in the case's chronology."
        )
        chosen = [e for e in chosen if e.entry_type not in ROUTINE]
    lines = tuple(
        InterventionLine(uk_local(e.occurred_at).date(), KINDS[e.entry_type], e.title)
        for e in chosen
    )
    return lines, left_out


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def interview_summaries(entries: Iterable[ChronologyEntry]) -> tuple[InterviewSummary, ...]:
    """Each sealed record of interview under caution, in summary (no address: the kind of
    place only)."""
    out = []
    for entry in sorted(entries, key=lambda e: (e.occurred_at, e.id)):
        answers: Mapping[str, Any] = entry.answers or {}
        if entry.signed_at is None or not is_interview_record(answers):
            continue
        record = InterviewRecord.from_json(answers.get("events") or [])
        start, end = record.start, record.end
        opening: Mapping[str, Any] = answers.get("opening") or {}
        signature = record.signature("interviewee")
        if signature is None:
            signed = "the person's signature is not recorded"
        elif signature.flag:
            signed = "signed as correct by the person interviewed"
        else:
            signed = "the person interviewed refused to sign"
        if record.count(EventKind.ADDENDUM):
            signed += ", with what they disagree with recorded"
        present = tuple(
            f"{p.get('name', '')} ({ROLE_LABELS.get(str(p.get('role', '')), p.get('role', ''))})"
            for p in answers.get("present") or []
        )
        out.append(
            InterviewSummary(
                day=uk_local(start or entry.occurred_at).date(),
                interviewee=str((answers.get("interviewee") or {}).get("name", "")),
                place=PLACES.get(str(answers.get("place_kind", "")), "place not recorded"),
                start=clock(uk_local(start)) if start else "",
                end=clock(uk_local(end)) if end else "",
                present=present,
                legal_advice=LEGAL.get(str(opening.get("legal_advice", "")), ""),
                cautioned=record.cautioned,
                questions=record.count(EventKind.QUESTION),
                signed=signed,
                exhibit=str(answers.get("exhibit", "")),
            )
        )
    return tuple(out)


def eso_lines(session: Session, case_id: str) -> tuple[EsoLine, ...]:
    return tuple(
        EsoLine(e.considered_on, e.considered_by, e.decision_label, e.reason)
        for e in eso_decisions(session, case_id)
    )


def notice_lines(
    session: Session,
    case_id: str,
    offence_period: tuple[dt.date, dt.date],
    defendant_ids: Collection[str] = (),
) -> tuple[NoticeLine, ...]:
    """Every penalty notice on the case, in the order they were considered (issued ones by
    their date of issue), each saying whether it covers part of ``offence_period`` for one of
    the defendants (issued to them, not withdrawn, its absence period sharing a day with the
    offence period: notice_records.covering_notice's rule)."""
    first, last = offence_period
    rows = list(session.scalars(select(PenaltyNotice).where(PenaltyNotice.case_id == case_id)))
    rows.sort(key=lambda r: (r.issued_on or r.considered_on, r.considered_on, r.id))
    out = []
    for row in rows:
        info = notice_info(session, row)
        period = notice_period(row)
        out.append(
            NoticeLine(
                number=info.number or "",
                parent=info.parent_name,
                status=info.status_label,
                considered_on=info.considered_on,
                grounds=info.grounds.label,
                period_from=period[0] if period else None,
                period_to=period[1] if period else None,
                unauthorised=None if row.issuer else info.evidence.unauthorised_in_window,
                nti_on=info.nti_on,
                nti_until=info.nti_until,
                issued_on=info.issued_on,
                ordinal=info.ordinal,
                amount_21=info.amount_21,
                amount_28=info.amount_28,
                served_by={"hand": "hand", "post": "post"}.get(info.served_by, info.served_by),
                received_on=info.received_on,
                reduced_by=info.reduced_by,
                full_by=info.full_by,
                paid_on=info.paid_on,
                amount_paid=info.amount_paid,
                withdrawn_on=info.withdrawn_on,
                withdrawn_reason=info.withdrawn_reason,
                prosecution_on=info.prosecution_on,
                issued_by_others=info.issued_by_others,
                decision_reason=info.decision_reason,
                covers_offence_period=(
                    row.issued_on is not None
                    and row.parent_id in defendant_ids
                    and row.status != NoticeStatus.WITHDRAWN.value
                    and period is not None
                    and period[0] <= last
                    and first <= period[1]
                ),
            )
        )
    return tuple(out)
