"""Small builders for store tests (no demo generator needed)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from officer_app.store import evidence
from officer_app.store.models import Case, Child, ChronologyEntry, Family, Officer, School

AT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def seed_case(
    session: Session, *, surname: str = "Quillfeather", reference: str = "ATT-2026-00001"
) -> tuple[str, str]:
    """One officer, school, family, child and case. Returns (case id, officer id)."""
    officer = Officer(name="Test Officer", initials="TO")
    school = School(
        urn=reference[-6:].replace("-", "1"), name="Oakfield Primary School", phase="primary"
    )
    family = Family(
        name=f"{surname} family", address_line1="14 Alder Road", town="Northam", postcode="XT4 2BD"
    )
    session.add_all([officer, school, family])
    session.flush()
    child = Child(
        forename="Maisie",
        surname=surname,
        date_of_birth=dt.date(2015, 4, 2),
        year_group="6",
        school_id=school.id,
        family_id=family.id,
    )
    session.add(child)
    session.flush()
    case = Case(
        reference=reference,
        child_id=child.id,
        officer_id=officer.id,
        referral_date=dt.date(2026, 9, 10),
    )
    session.add(case)
    session.flush()
    return case.id, officer.id


def signed_note(
    session: Session, case_id: str, officer_id: str, body: str, at: dt.datetime = AT
) -> ChronologyEntry:
    entry = ChronologyEntry(
        case_id=case_id,
        entry_type="note",
        occurred_at=at,
        recorded_at=at,
        author_id=officer_id,
        title="Note",
        body=body,
        amend_reason="",
    )
    evidence.sign(session, entry, by=officer_id, at=at)
    session.add(entry)
    session.flush()
    return entry
