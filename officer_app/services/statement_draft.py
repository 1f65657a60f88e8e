"""An officer's witness statement drafted from the case, in numbered paragraphs (issue 13
point 1): who the officer is and their role; the child and the school; the attendance for
the offence period with its figures; the interventions in date order (letters, home visits,
meetings, plans and their reviews, Notices to Improve, penalty notices, the s447 decision
on an Education Supervision Order); the interview under caution in summary; the statutory
defences considered (:data:`officer_app.domain.interview.STATUTORY_TOPICS`).

Every document the statement refers to is an exhibit (:class:`ExhibitNumbering`): the
register extract, each letter's kept copy, each signed form record (home visit, plan
review), the record of interview. A note or a call recorded only in the chronology is told
as the record says it, quoted, and is not a document of its own.

The officer's words are a draft: the officer reads, corrects and signs them. The draft gives
no address of its own, but a note quoted as the record has it may name one (an officer's
"Visited Flat 24, …"): a withheld address must be caught before anything is served (the
evidence pack's check), and the officer edits it out of the statement.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import uk_local
from officer_app.domain.attendance import CodeTable, Summary
from officer_app.domain.interview import STATUTORY_TOPICS, EventKind, InterviewRecord
from officer_app.domain.school_age import compulsory_school_age
from officer_app.services.attendance import RangeView
from officer_app.services.statement_events import (
    NARRATIVE_TYPES,
    Writer,
    eso_paragraph,
    letter_paragraph,
    narrative,
    notice_paragraphs,
    pct,
    plan_paragraph,
    sessions,
)
from officer_app.services.statement_facts import ExhibitNumbering, StatementDraft
from officer_app.store.models import (
    Adult,
    Case,
    Child,
    ChronologyEntry,
    EsoDecision,
    Letter,
    Officer,
    PenaltyNotice,
    Plan,
    School,
)
from officer_app.wording import clock, long_date

__all__ = ["ROLES", "compose", "occupation"]

ROLES = {
    "officer": "attendance officer",
    "supervisor": "attendance service supervisor",
    "court_officer": "court officer",
}
LEGAL_ADVICE = {
    "declined": "declined legal advice",
    "solicitor_present": "was advised by a solicitor, who was present",
    "requested": "asked for legal advice",
}


def occupation(officer: Officer, la_name: str) -> str:
    role = ROLES.get(officer.role, officer.role.replace("_", " "))
    return f"{role[0].upper()}{role[1:]}, {la_name}"


# -- the parts --------------------------------------------------------------------------------


def _who(w: Writer, case: Case, la_name: str) -> str:
    officer = w.witness
    role = ROLES.get(officer.role, officer.role.replace("_", " "))
    team = f" in its {officer.team}" if officer.team else ""
    text = (
        f"I am {officer.name}. I work for {la_name}{team} as {_article(role)} {role}. "
        "My role is to work with children who are not attending school regularly and with "
        "their families, and, where support does not bring about regular attendance, to take "
        "the local authority's formal action, which may include prosecution under section 444 "
        "of the Education Act 1996. "
        f"I make this statement from my own knowledge and from the service's case record "
        f"(reference {case.reference}), which officers of the service make at the time of the "
        "events it records and keep in the course of their work."
    )
    if case.officer_id == officer.id:
        return text + " I am the officer allocated to the case."
    if case.officer_id:
        return text + f" The officer allocated to the case is {w.who(case.officer_id)}."
    return text


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _child(w: Writer, child: Child, school: School | None, first: dt.date, last: dt.date) -> str:
    name = f"{child.forename} {child.surname}"
    school_name = school.name if school else "the school"
    span = compulsory_school_age(child.date_of_birth)
    if span.covers(first) and span.covers(last):
        age = "and was of compulsory school age"
    else:
        age = (
            f"and was of compulsory school age from {long_date(span.first)} to "
            f"{long_date(span.last)} (Education Act 1996, s8)"
        )
    text = (
        f"This statement concerns {name}, born on {long_date(child.date_of_birth)}, who "
        f"throughout the period from {long_date(first)} to {long_date(last)} was a registered "
        f"pupil at {school_name} {age}."
    )
    adults = list(
        w.session.scalars(
            select(Adult)
            .where(
                Adult.family_id == child.family_id,
                Adult.parental_responsibility.is_(True),
                Adult.ended_on.is_(None),
            )
            .order_by(Adult.surname, Adult.forename)
        )
    )
    if adults:
        listed = "; ".join(f"{a.forename} {a.surname} ({a.relationship_to_child})" for a in adults)
        text += (
            f" The adults with parental responsibility for {child.forename} recorded on the "
            f"case are: {listed}."
        )
    return text


def _attendance(
    child: Child, school: School | None, view: RangeView, codes: CodeTable, label: str
) -> list[str]:
    s: Summary = view.summary
    name = child.forename
    school_name = school.name if school else "the school"
    first = (
        f"I produce the attendance register of {school_name} for {child.forename} "
        f"{child.surname} for the period from {long_date(s.first)} to {long_date(s.last)} as "
        f"exhibit {label}. In that period {name} could have attended {sessions(s.possible)} "
        "(each morning and each afternoon is a session). "
        f"{name} attended {sessions(s.present)}"
        + (
            f" and took part in approved educational activity for {sessions(s.approved_activity)}"
            if s.approved_activity
            else ""
        )
        + f": an attendance of {pct(s.attendance_pct)}. "
        f"{name} was absent for {sessions(s.authorised + s.unauthorised)} "
        f"({pct(s.absence_pct)} of the possible sessions): {s.authorised} authorised by the "
        f"school and {s.unauthorised} unauthorised."
    )
    parts = [first]
    absences = [
        (code, count)
        for code, count in sorted(s.by_code.items())
        if count
        and (info := codes.lookup(code)) is not None
        and info.category in ("authorised", "unauthorised")
    ]
    if absences:
        listed = "; ".join(
            f"{code} ({view.meanings.get(code, '').lower() or 'no meaning held'}): "
            f"{sessions(count)}"
            for code, count in absences
        )
        parts.append(f"The register records the absences with these codes: {listed}.")
    if s.severe_absence:
        parts.append(
            f"{name} missed half or more of the possible sessions: severe absence as the "
            "Department for Education defines it (absence of 50% or more)."
        )
    elif s.persistent_absence:
        parts.append(
            f"{name} missed 10% or more of the possible sessions: persistent absence as the "
            "Department for Education defines it."
        )
    threshold = s.penalty_notice_threshold
    if threshold.window_from and threshold.window_to:
        parts.append(
            f"In the worst 10 school weeks of the period ({long_date(threshold.window_from)} to "
            f"{long_date(threshold.window_to)}) there were "
            f"{sessions(threshold.max_unauthorised_in_window)} of unauthorised absence."
        )
    return [" ".join(parts)]


# -- the interview and the defences -----------------------------------------------------------


def _interview(w: Writer, entry: ChronologyEntry) -> tuple[str, dict[str, Any], str]:
    answers: Mapping[str, Any] = entry.answers or {}
    record = InterviewRecord.from_json(answers.get("events") or [])
    day = long_date(uk_local(entry.occurred_at).date())
    interviewee = str((answers.get("interviewee") or {}).get("name", "the parent"))
    place = str(answers.get("place") or "")
    interviewer = w.who(entry.author_id)
    period = ""
    if answers.get("period_from") and answers.get("period_to"):
        period = (
            f", for the period from {long_date(dt.date.fromisoformat(answers['period_from']))} "
            f"to {long_date(dt.date.fromisoformat(answers['period_to']))}"
        )
    where = (
        " at the family's home"
        if answers.get("place_kind") == "home"
        else (f" at {place}" if place else "")
    )
    text = (
        f"On {day}{where} {interviewer} interviewed {interviewee} under caution about an offence "
        f"under {answers.get('offence_label', 'section 444 of the Education Act 1996')}{period}."
    )
    others = [
        f"{p.get('name', '')} ({str(p.get('role', '')).replace('_', ' ')}"
        + (f", {p['detail']}" if p.get("detail") else "")
        + ")"
        for p in answers.get("present") or []
        if p.get("role") not in ("interviewer", "interviewee")
    ]
    if others:
        text += " Also present: " + "; ".join(others) + "."
    opening = answers.get("opening") or {}
    advice = LEGAL_ADVICE.get(str(opening.get("legal_advice", "")))
    if advice:
        text += (
            f" {interviewee} was told of the right to free and independent legal advice and "
            f"{advice}."
        )
    caution = next((e for e in record.events if e.kind is EventKind.CAUTION), None)
    if record.start and record.end:
        text += (
            f" The interview started at {clock(uk_local(record.start))} and ended at "
            f"{clock(uk_local(record.end))}"
            + (f"; the caution was given at {clock(uk_local(caution.at))}." if caution else ".")
        )
    questions = record.count(EventKind.QUESTION)
    if questions:
        text += f" {questions} questions were put and the answers recorded."
    statements = len(answers.get("statements") or [])
    if statements:
        text += f" {statements} significant statement{'s were' if statements != 1 else ' was'} put."
    signature = record.signature("interviewee")
    if signature is not None:
        text += (
            f" {interviewee} signed the record."
            if signature.flag
            else f" {interviewee} declined to sign the record."
        )
    label = w.numbering.refer(
        f"Record of interview with {interviewee}", "interview", entry_id=entry.id
    )
    text += f" The record of the interview is exhibit {label}."
    return text, dict(answers), label


def _defences(
    w: Writer,
    view: RangeView,
    interview: Mapping[str, Any] | None,
    interview_label: str | None,
    eso: EsoDecision | None,
) -> list[str]:
    s = view.summary
    covered = {
        str(t.get("key")): bool(t.get("covered"))
        for t in (interview or {}).get("topics") or []
        if isinstance(t, Mapping)
    }

    def put(key: str) -> str:
        if interview is None:
            return " No interview under caution is recorded on the case."
        where = f" (exhibit {interview_label})" if interview_label else ""
        if covered.get(key):
            return f" It was put to the parent in the interview under caution{where}."
        return f" It was not covered in the interview under caution{where}."

    codes = s.by_code
    out = [
        "Before making this statement I considered each of the matters that the Education "
        "Act 1996 says may excuse an absence or be a defence, as they apply to the period:"
    ]
    for topic in STATUTORY_TOPICS:
        head = f"{topic.label} ({topic.source})."
        if topic.key == "leave":
            body = (
                f" The register records {sessions(s.authorised)} of authorised absence; these "
                f"are not counted against the parent. The {sessions(s.unauthorised)} of "
                "unauthorised absence were not authorised by the school."
            )
        elif topic.key == "sickness":
            body = (
                f" The register records {sessions(codes.get('I', 0))} of illness (code I) and "
                f"{sessions(codes.get('M', 0))} of medical or dental appointments (code M), all "
                "authorised. No unauthorised absence is recorded as illness."
            )
        elif topic.key == "religious_observance":
            body = (
                f" The register records {sessions(codes.get('R', 0))} of religious observance "
                "(code R)."
            )
        elif topic.key == "travelling_trade":
            body = (
                f" The register records {sessions(codes.get('T', 0))} of Traveller absence "
                "(code T)."
            )
        elif topic.key == "eso" and eso is not None:
            verdict = "not to apply" if eso.decision == "not_apply" else "to apply"
            body = (
                f" It was considered on {long_date(eso.considered_on)}; the decision was {verdict}."
            )
        elif topic.key == "eso":
            body = (
                " No decision on an Education Supervision Order is recorded on the case; one must "
                "be recorded before proceedings are instituted."
            )
        else:
            body = ""
        out.append(head + body + put(topic.key))
    return out


# -- the whole draft --------------------------------------------------------------------------


def compose(
    session: Session,
    case_id: str,
    officer_id: str,
    *,
    la_name: str,
    period: tuple[dt.date, dt.date, str],
    view: RangeView,
    codes: CodeTable,
) -> StatementDraft:
    """The officer's statement on the case, drafted from its records (one read)."""
    case = session.get_one(Case, case_id)
    child = session.get_one(Child, case.child_id)
    school = session.get(School, child.school_id) if child.school_id else None
    witness = session.get_one(Officer, officer_id)
    names = dict(session.execute(select(Officer.id, Officer.name)).all())
    w = Writer(session, witness, names, ExhibitNumbering(session, case_id, officer_id))
    first, last, source = period

    paragraphs = [_who(w, case, la_name), _child(w, child, school, first, last)]
    school_name = school.name if school else "the school"
    register = w.numbering.refer(
        f"Attendance register extract, {school_name}, {long_date(first)} to {long_date(last)}",
        "register",
        period=(first, last),
    )
    paragraphs += _attendance(child, school, view, codes, register)

    # the interventions, in date order
    dated: list[tuple[dt.date, int, Callable[[], str]]] = []
    letters = {
        row.id: row
        for row in session.scalars(
            select(Letter).where(Letter.case_id == case_id).order_by(Letter.sent_on)
        )
    }
    notices = list(
        session.scalars(
            select(PenaltyNotice)
            .where(PenaltyNotice.case_id == case_id)
            .order_by(PenaltyNotice.considered_on)
        )
    )
    told_with_notice = {n.nti_letter_id for n in notices} | {n.notice_letter_id for n in notices}
    sending_entries = {row.entry_id for row in letters.values() if row.entry_id}
    adults = dict(
        session.execute(
            select(Adult.id, Adult.forename + " " + Adult.surname).where(
                Adult.family_id == child.family_id
            )
        ).all()
    )
    order = 0

    def add(day: dt.date, write: Callable[[], str]) -> None:
        nonlocal order
        dated.append((day, order, write))
        order += 1

    interview_entries: list[ChronologyEntry] = []
    for entry in session.scalars(
        select(ChronologyEntry)
        .where(
            ChronologyEntry.case_id == case_id,
            ChronologyEntry.signed_at.is_not(None),
            ChronologyEntry.amends_id.is_(None),
            ChronologyEntry.entry_type.in_((*NARRATIVE_TYPES, "interview")),
        )
        .order_by(ChronologyEntry.occurred_at, ChronologyEntry.recorded_at)
    ):
        if entry.entry_type == "interview":
            if (entry.answers or {}).get("kind") == "interview_record":
                interview_entries.append(entry)
            continue
        if entry.id in sending_entries:
            continue  # told from the letter itself, with its kept copy
        if entry.entry_type == "review" and not entry.form_id:
            continue  # the plan's own rows say when it was reviewed and changed
        day = uk_local(entry.occurred_at).date()
        add(day, functools.partial(narrative, w, entry))
    for letter in letters.values():
        if letter.id not in told_with_notice:
            add(letter.sent_on, functools.partial(letter_paragraph, w, letter))
    for plan in session.scalars(select(Plan).where(Plan.case_id == case_id)):
        add(plan.agreed_on, functools.partial(plan_paragraph, plan))
    for notice in notices:
        parent = adults.get(notice.parent_id, "the parent")
        for day, write in notice_paragraphs(w, notice, parent, letters):
            add(day, write)
    esos = list(
        session.scalars(
            select(EsoDecision)
            .where(EsoDecision.case_id == case_id)
            .order_by(EsoDecision.considered_on)
        )
    )
    for decision in esos:
        add(decision.considered_on, functools.partial(eso_paragraph, decision))
    dated.sort(key=lambda item: (item[0], item[1]))
    # exhibits are numbered in the order the statement refers to them
    paragraphs += [write() for _day, _order, write in dated]

    interview_answers: dict[str, Any] | None = None
    interview_label: str | None = None
    for entry in interview_entries:
        text, interview_answers, interview_label = _interview(w, entry)
        paragraphs.append(text)
    paragraphs += _defences(w, view, interview_answers, interview_label, esos[-1] if esos else None)

    return StatementDraft(
        case_id=case_id,
        witness_name=witness.name,
        occupation=occupation(witness, la_name),
        age_text="over 18",
        paragraphs=tuple(paragraphs),
        exhibits=tuple(w.numbering.refs),
        period_from=first,
        period_to=last,
        period_source=source,
    )
