"""What a letter says about its case, gathered from the store: who it can go to (an adult
with parental responsibility at the family's address, the only postal address the case
holds), the child, the school and the officer, and the child's attendance this school year up
to the latest mark held before the letter's date (from
:class:`~officer_app.services.attendance.AttendanceService`), with the 10 school weeks of that
period named for the penalty-notice threshold (the first run that meets it, else the worst)
and the count of those dates; all as the values of a template's placeholders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from officer_app.config import Letterhead
from officer_app.domain.attendance_bands import Band, band_for
from officer_app.letters.fill import LetterRefused
from officer_app.services.case_file import CaseNotFound, age_on
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Case,
    Child,
    Family,
    Officer,
    School,
)
from officer_app.wording import long_date, short_date

if TYPE_CHECKING:
    from officer_app.services.attendance import AttendanceService

__all__ = [
    "CaseFacts",
    "RecipientInfo",
    "ThresholdFacts",
    "address_lines",
    "addressed_name",
    "attendance_values",
    "case_facts",
    "case_recipients",
    "case_values",
    "recipient_info",
    "threshold_values",
    "title_of",
]

LETTER_PERIOD = "Letter: this school year to the latest mark"
WINDOW_PERIOD = "Letter: the penalty-notice window"

# A title from the relationship, where it says whether the person is a man or a woman: the
# case holds no title, and "Ms" is the public service's neutral choice for a woman.
_TITLES = {
    "mother": "Ms", "stepmother": "Ms", "grandmother": "Ms", "aunt": "Ms",
    "foster mother": "Ms", "father": "Mr", "stepfather": "Mr", "grandfather": "Mr",
    "uncle": "Mr", "foster father": "Mr",
}  # fmt: skip


@dataclass(frozen=True)
class RecipientInfo:
    """An adult on the case, and whether a letter can be addressed to them."""

    id: str
    name: str  # "Ms Amira Rahman" (title when known)
    relationship: str
    parental_responsibility: bool
    lives_with_child: bool
    can_receive: bool
    reason: str = ""  # why not, when not


@dataclass(frozen=True)
class ThresholdFacts:
    """Unauthorised absence in a window of school weeks, as a penalty notice considered it."""

    count: int
    first: dt.date
    last: dt.date
    met: bool


@dataclass(frozen=True)
class CaseFacts:
    """What a letter says about its case, gathered from the store in one read."""

    case_id: str
    reference: str
    child_id: str
    forename: str
    surname: str
    born: dt.date
    year_group: str
    upn: str
    school: str
    urn: str
    recipient: RecipientInfo
    title_name: str
    address: tuple[str, ...]
    officer_name: str
    officer_email: str
    last_mark: dt.date | None


def title_of(adult: Adult) -> str:
    """The title, "Ms" or "Mr", where the relationship says, else nothing."""
    return _TITLES.get(adult.relationship_to_child.strip().lower(), "")


def addressed_name(adult: Adult) -> str:
    """The name as addressed, "Ms Amira Rahman", or the name alone when no title is known."""
    title = title_of(adult)
    return (
        f"{title} {adult.forename} {adult.surname}"
        if title
        else f"{adult.forename} {adult.surname}"
    )


def address_lines(family: Family | None) -> tuple[str, ...]:
    """The family's postal address, one line each; none when there is none."""
    if family is None:
        return ()
    lines = [family.address_line1, family.address_line2]
    lines.append(family.town.upper())  # the post town in capitals, as Royal Mail asks
    lines.append(family.postcode.upper())
    return tuple(line.strip() for line in lines if line and line.strip())


def recipient_info(adult: Adult, family: Family | None) -> RecipientInfo:
    """The adult as a possible recipient, and why not when a letter cannot go to them."""
    reason = ""
    if adult.ended_on is not None:  # kept on the case, never a recipient (issue 11, point 4)
        reason = f"left the family on {short_date(adult.ended_on)}"
    elif not adult.parental_responsibility:
        reason = "no parental responsibility recorded"
    elif not adult.lives_with_child:
        reason = "does not live at the family's address, and no other address is held"
    elif not address_lines(family):
        reason = "no postal address is recorded for the family"
    return RecipientInfo(
        id=adult.id,
        name=addressed_name(adult),
        relationship=adult.relationship_to_child,
        parental_responsibility=adult.parental_responsibility,
        lives_with_child=adult.lives_with_child,
        can_receive=not reason,
        reason=reason,
    )


def _year(value: str) -> str:
    if not value:
        return ""
    return "Reception" if value.upper() == "R" else f"Year {value}"


def _days(sessions: int) -> str:
    days, half = divmod(sessions, 2)
    if days == 0:
        return "half a day" if half else "no days"
    number = f"{days}½" if half else str(days)
    return f"{number} day" if (days, half) == (1, 0) else f"{number} days"


def _pct(value: Decimal | None) -> str:
    return "" if value is None else f"{value}%"


def case_recipients(session: Session, case_id: str) -> list[RecipientInfo]:
    """The adults on the case, those a letter can go to first."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        return []
    adults = session.scalars(select(Adult).where(Adult.family_id == family.id).order_by(Adult.id))
    found = [recipient_info(a, family) for a in adults]
    return sorted(found, key=lambda r: (not r.can_receive, not r.parental_responsibility))


def case_facts(session: Session, case_id: str, recipient_id: str, officer_id: str) -> CaseFacts:
    """The case's facts for a letter to ``recipient_id``, written by ``officer_id``."""
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    adult = session.get(Adult, recipient_id)
    if adult is None or family is None or adult.family_id != family.id:
        raise LetterRefused("the recipient is not one of the people on this case")
    school = session.get(School, child.school_id) if child.school_id else None
    officer = session.get(Officer, officer_id)
    last_mark = session.scalar(
        select(func.max(AttendanceMark.date)).where(AttendanceMark.child_id == child.id)
    )
    title = title_of(adult)
    return CaseFacts(
        case_id=case.id,
        reference=case.reference,
        child_id=child.id,
        forename=child.forename,
        surname=child.surname,
        born=child.date_of_birth,
        year_group=child.year_group,
        upn=child.upn or "",
        school=school.name if school else "",
        urn=school.urn if school else "",
        recipient=recipient_info(adult, family),
        title_name=f"{title} {adult.surname}" if title else f"{adult.forename} {adult.surname}",
        address=address_lines(family),
        officer_name=officer.name if officer else "",
        officer_email=(officer.email or "").strip() if officer else "",
        last_mark=last_mark,
    )


def case_values(
    facts: CaseFacts,
    dated: dt.date,
    head: Letterhead,
    attendance: Callable[[], AttendanceService],
    bands: tuple[Band, ...],
) -> tuple[dict[str, str], dict[str, str]]:
    """The placeholders' values for a letter dated ``dated``, and why each empty one is empty
    (``attendance`` is asked for the figures only when the child has marks this year)."""
    recipient = facts.recipient
    values = {
        "child.forename": facts.forename,
        "child.surname": facts.surname,
        "child.name": f"{facts.forename} {facts.surname}",
        "child.date_of_birth": long_date(facts.born),
        "child.age": str(age_on(facts.born, dated)),
        "child.year_group": _year(facts.year_group),
        "child.upn": facts.upn,
        "child.address": ", ".join(facts.address),
        "parent.name": recipient.name,
        "parent.title_name": facts.title_name,
        "parent.salutation": f"Dear {facts.title_name}",
        "parent.address": "\n".join((recipient.name, *facts.address)),
        "parent.relationship": recipient.relationship,
        "school.name": facts.school,
        "school.urn": facts.urn,
        "case.reference": facts.reference,
        "officer.name": facts.officer_name,
        "officer.email": facts.officer_email,
        "officer.title": head.officer_title,
        "la.name": head.authority,
        "la.address": ", ".join(head.address_lines),
        "la.phone": head.phone,
        "la.email": head.email,
        "la.website": head.website,
        "la.payment": head.payment_instructions,
        "today": long_date(dated),
    }
    reasons = {
        "child.year_group": "the child's year group is not recorded",
        "child.upn": "the child's UPN is not recorded",
        "child.address": "no postal address is recorded for the family",
        "school.name": "the child's school is not recorded",
        "school.urn": "the child's school is not recorded",
        "officer.email": "your email address is not recorded",
        "la.website": "the letterhead has no website",
    }
    figures, why = attendance_values(facts, dated, attendance, bands)
    values.update(figures)
    reasons.update(why)
    return values, reasons


def attendance_values(
    facts: CaseFacts,
    dated: dt.date,
    attendance: Callable[[], AttendanceService],
    bands: tuple[Band, ...],
) -> tuple[dict[str, str], dict[str, str]]:
    """The ``attendance.*`` and ``threshold.*`` values, and why each empty one is empty."""
    from officer_app.services.attendance import Period, school_year_start

    names = (
        "attendance.pct", "attendance.absence_pct", "attendance.possible",
        "attendance.attended", "attendance.authorised", "attendance.unauthorised",
        "attendance.missed", "attendance.days_missed", "attendance.from", "attendance.to",
        "attendance.band", "threshold.count", "threshold.from", "threshold.to",
        "threshold.met",
    )  # fmt: skip
    values = dict.fromkeys(names, "")
    start = school_year_start(dated)
    no_marks = "no attendance marks are held for this school year before the letter's date"
    reasons = dict.fromkeys(names, no_marks)
    if facts.last_mark is None or facts.last_mark < start:
        return values, reasons
    service = attendance()
    last = min(facts.last_mark, dated - dt.timedelta(days=1))
    if last < start:
        return values, reasons
    view = service.for_case(facts.case_id, Period(LETTER_PERIOD, start, last))
    summary = next((s for p, s in view.periods if p.name == LETTER_PERIOD), None)
    if summary is None or summary.possible == 0:
        return values, reasons
    attended = summary.present + summary.approved_activity
    missed = summary.authorised + summary.unauthorised
    band = band_for(summary.attendance_pct, bands)
    values.update(
        {
            "attendance.pct": _pct(summary.attendance_pct),
            "attendance.absence_pct": _pct(summary.absence_pct),
            "attendance.possible": str(summary.possible),
            "attendance.attended": str(attended),
            "attendance.authorised": str(summary.authorised),
            "attendance.unauthorised": str(summary.unauthorised),
            "attendance.missed": str(missed),
            "attendance.days_missed": _days(missed),
            "attendance.from": long_date(start),
            "attendance.to": long_date(last),
            "attendance.band": band.name if band else "",
        }
    )
    reasons["attendance.band"] = "the attendance is above every band of the LA"
    threshold = summary.penalty_notice_threshold
    reasons.update(
        dict.fromkeys(
            ("threshold.count", "threshold.from", "threshold.to", "threshold.met"),
            "there is no unauthorised absence this school year",
        )
    )
    if threshold.window_from is None or threshold.window_to is None:
        return values, reasons
    # the window's school weeks run Monday to Sunday: keep its dates inside the period
    window_from = max(threshold.window_from, start)
    window_to = min(threshold.window_to, last)
    window = service.for_case(facts.case_id, Period(WINDOW_PERIOD, window_from, window_to))
    in_window = next((s for p, s in window.periods if p.name == WINDOW_PERIOD), None)
    if in_window is None or in_window.unauthorised == 0:
        return values, reasons
    values.update(
        threshold_values(
            ThresholdFacts(in_window.unauthorised, window_from, window_to, threshold.met)
        )
    )
    reasons["threshold.met"] = (
        "the national threshold (10 sessions of unauthorised absence within 10 school "
        "weeks) is not met this school year"
    )
    return values, reasons


def threshold_values(threshold: ThresholdFacts) -> dict[str, str]:
    """The ``threshold.*`` values of a window of unauthorised absence."""
    return {
        "threshold.count": str(threshold.count),
        "threshold.from": long_date(threshold.first),
        "threshold.to": long_date(threshold.last),
        "threshold.met": "yes" if threshold.met else "",
    }
