"""The statement of a school's attendance lead in the synthetic caseload (issue 13, point 5):
another witness's statement, typed in by the officer from the one the school sent, and signed,
through :class:`~officer_app.services.statements.StatementService` (``demo/court_work.py``
says on which cases and when).

The witness is the attendance lead the case's notes name last ("Mrs Okoro (attendance lead)"),
else one drawn from the demo's school staff, given a forename; the words are in
``resources/demo/court_work.yaml``. They produce the school's register printout for the
offence period, labelled with their initials (made distinct from every officer's on the case),
which the evidence pack then carries as a label sheet.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import FixedClock
from officer_app.demo.data import demo_data
from officer_app.demo.names import STAFF_NAMES
from officer_app.domain.working_days import add_working_days
from officer_app.services.attendance import AttendanceService, Period
from officer_app.services.profile import OpenProfile
from officer_app.services.statement_facts import ExhibitRef
from officer_app.services.statements import StatementService
from officer_app.store.models import Adult, Case, Child, ChronologyEntry, Exhibit, Officer, School
from officer_app.wording import long_date

_DATA = demo_data("court_work")
_LEAD = re.compile(r"\b((?:Mrs|Mr|Ms|Miss) [A-Z][A-Za-z'-]+)(?:, | \()attendance lead\b")
SIGNED_AFTER = dt.timedelta(minutes=5)  # typed in, read back to the witness, signed


def add_lead_statement(
    opened: OpenProfile,
    statements_at: Callable[[dt.datetime], StatementService],
    *,
    case_id: str,
    parent_id: str,
    period: tuple[dt.date, dt.date],
    typed: dt.datetime,
    rng: random.Random,
) -> None:
    """The attendance lead's statement on the case, typed in at ``typed`` and signed just
    after; a step the case already holds (from a top-up killed part-way) is not taken again."""
    statements = statements_at(typed)
    held = [s for s in statements.statements(case_id) if s.witness_kind == "other"]
    if not held:
        name = _name(opened, case_id, rng)
        words, register = _words(opened, case_id, parent_id, period, typed, name, rng)
        held = [
            statements.create(
                case_id,
                witness_kind="other",
                witness_name=name,
                occupation=f"Attendance lead, {words['school']}",
                age_text="over 18",
                paragraphs=[text.format(**words) for text in _DATA["LEAD_PARAGRAPHS"]],
                exhibits=(register,),
            )
        ]
    if not held[0].signed:
        statements_at(typed + SIGNED_AFTER).sign(held[0].id)


def _name(opened: OpenProfile, case_id: str, rng: random.Random) -> str:
    """The attendance lead the case's notes name last (else one drawn), with a forename."""

    def work(session: Session) -> str | None:
        bodies = session.scalars(
            select(ChronologyEntry.body)
            .where(ChronologyEntry.case_id == case_id)
            .order_by(ChronologyEntry.occurred_at.desc())
        )
        for body in bodies:
            found = _LEAD.findall(body or "")
            if found:
                return str(found[-1])
        return None

    known = opened.store.read(work) or rng.choice(STAFF_NAMES)
    title, surname = known.split(" ", 1)
    forenames = _DATA["WITNESS_FORENAMES"]["male" if title == "Mr" else "female"]
    return f"{rng.choice(forenames)} {surname}"


def _words(
    opened: OpenProfile,
    case_id: str,
    parent_id: str,
    period: tuple[dt.date, dt.date],
    typed: dt.datetime,
    name: str,
    rng: random.Random,
) -> tuple[dict[str, str], ExhibitRef]:
    """What the statement says, and the register printout the witness produces."""

    def work(session: Session) -> dict[str, str]:
        child = session.get_one(Child, session.get_one(Case, case_id).child_id)
        school = session.get(School, child.school_id) if child.school_id else None
        parent = session.get(Adult, parent_id)
        used = {
            str(label).split("/")[0]
            for label in session.scalars(select(Exhibit.label).where(Exhibit.case_id == case_id))
        } | {str(i) for i in session.scalars(select(Officer.initials)) if i}
        initials = "".join(part[0] for part in name.split()).upper()
        if initials in used:
            initials += name.split()[-1][1].upper()
        return {
            "child": child.forename,
            "childfull": f"{child.forename} {child.surname}",
            "school": school.name if school else "the school",
            "parent": f"{parent.forename} {parent.surname}" if parent else "The parent",
            "label": f"{initials}/1",
        }

    words = opened.store.read(work)
    first, last = period
    clock = FixedClock(typed.astimezone(dt.UTC))
    summary = (
        AttendanceService(opened.store, clock, bands=opened.settings.attendance_bands)
        .load(case_id, Period("Statement", first, last))
        .chosen.summary
    )
    pct = summary.attendance_pct
    words.update(
        name=name,
        since=str(first.year - rng.randint(2, 9)),
        first=long_date(first),
        last=long_date(last),
        possible=str(summary.possible),
        present=str(summary.present),
        pct=f"{pct}%" if pct is not None else "no figure",
        unauth=str(summary.unauthorised),
        printed=long_date(add_working_days(typed.date(), -rng.randint(3, 8))),
    )
    register = ExhibitRef(
        label=words["label"],
        description=(
            f"Register printout, {words['school']}, {words['childfull']}, "
            f"{words['first']} to {words['last']}"
        ),
        kind="register",
        period_from=first,
        period_to=last,
    )
    return words, register
