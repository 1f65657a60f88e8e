"""Taking a new referral (issue 11, point 1; domain.md "The life of a case", step 1).

:meth:`ReferralService.take_referral` checks every field (one line per bad field, nothing
saved), refuses a child already in the profile unless the officer says why this is a new case,
and then, in one writer transaction, makes the child, the family with its address and adults
(or links an existing family), the case at stage Referral with the next reference, and the
signed chronology entry "Referral received". The first-contact timescale runs from the date
received (``Case.referral_date``; :class:`officer_app.domain.working_days.Timescales`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import UK, Clock
from officer_app.domain.stages import Stage
from officer_app.domain.working_days import Timescales
from officer_app.services import referral_checks as check
from officer_app.services import schools as known_schools
from officer_app.services.referral_checks import FieldProblem, Problems, ReferralInvalid
from officer_app.services.referral_families import FamilyMatch, matching_families
from officer_app.services.referral_rows import (
    ENTRY_TYPE,
    case_reference,
    next_reference_number,
    referral_case_row,
    referral_entry_text,
)
from officer_app.store import evidence
from officer_app.store.column_types import new_id as new_row_id
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, ChronologyEntry, Family, Officer, School

__all__ = [
    "DuplicateChild",
    "DuplicateInfo",
    "FamilyMatch",
    "FieldProblem",
    "NewAdult",
    "NewReferral",
    "ReferralInvalid",
    "ReferralService",
    "ReferralTaken",
    "SchoolChoice",
]

REFERRAL_HOUR = 9  # a referral received on an earlier day is placed at 09:00 that day


@dataclass(frozen=True)
class NewAdult:
    forename: str
    surname: str
    relationship: str = "parent"
    parental_responsibility: bool = True
    phone: str = ""
    language: str = "English"
    interpreter_needed: bool = False
    lives_with_child: bool = True


@dataclass(frozen=True)
class NewReferral:
    forename: str
    surname: str
    date_of_birth: dt.date
    reason: str
    received: dt.date
    referred_by: str = ""
    gender: str = ""
    upn: str = ""
    school: str = ""  # a URN (six digits) or the school's name; empty: on no school roll
    school_name: str = ""  # with a URN the profile does not hold: add that school
    school_phase: str = ""  # its phase (primary, secondary, special, PRU, all-through)
    year_group: str = ""
    family_id: str | None = None  # link this existing family instead of making one
    family_name: str = ""  # empty: the child's surname
    address_line1: str = ""
    address_line2: str = ""
    town: str = ""
    postcode: str = ""
    adults: tuple[NewAdult, ...] = ()
    officer_id: str | None = None  # None: the officer taking the referral
    not_duplicate_reason: str = ""  # why this is a new case, when the child is already held


@dataclass(frozen=True)
class DuplicateInfo:
    """The same child already in the profile, and one of its cases (if it has one)."""

    child_id: str
    child_name: str
    date_of_birth: dt.date
    matched_on: str  # "UPN" or "name and date of birth"
    case_id: str
    reference: str
    stage: str
    stage_label: str
    status: str
    officer: str


@dataclass(frozen=True)
class ReferralTaken:
    case_id: str
    reference: str
    child_id: str
    family_id: str | None
    stage: str
    stage_label: str
    entry_id: str
    chain_seq: int | None
    first_contact_due: dt.date


@dataclass(frozen=True)
class SchoolChoice:
    urn: str
    name: str


class DuplicateChild(ValueError):
    """The child is already in the profile and no reason for a new case was given."""

    def __init__(self, duplicates: list[DuplicateInfo]) -> None:
        self.duplicates = duplicates
        refs = sorted({d.reference for d in duplicates if d.reference})
        named = f"case {', '.join(refs)}" if refs else "a child record with no case"
        super().__init__(
            f"{duplicates[0].child_name} is already in this profile ({named}): open that "
            "case, or say why this is a new case"
        )


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class ReferralService:
    def __init__(
        self, store: Store, clock: Clock, officer_id: str, timescales: Timescales | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id
        self._timescales = timescales or Timescales()

    # --- reading ---------------------------------------------------------------------------
    def schools(self) -> list[SchoolChoice]:
        """Every school in the profile, by name (for the dialog's completer)."""
        return self._store.read(
            lambda s: [
                SchoolChoice(str(urn), str(name))
                for urn, name in s.execute(select(School.urn, School.name).order_by(School.name))
            ]
        )

    def matching_families(
        self, surname: str, postcode: str = "", address_line1: str = ""
    ) -> list[FamilyMatch]:
        """Families the child may belong to: a sibling with the surname, or the same address
        (the officer links one with :attr:`NewReferral.family_id`)."""
        return self._store.read(
            lambda session: matching_families(session, surname, postcode, address_line1)
        )

    def possible_duplicates(
        self, forename: str, surname: str, dob: dt.date | None, upn: str = ""
    ) -> list[DuplicateInfo]:
        """The same child already held: the same UPN, or the same name (ignoring case and
        spaces) and date of birth; one row per case of that child."""
        compact = "".join(upn.split()).upper()
        return self._store.read(
            lambda session: _duplicates(session, forename, surname, dob, compact)
        )

    def today(self) -> dt.date:
        """The profile clock's today (the date received's default and its latest)."""
        return self._clock.today()

    def first_contact_due(self, received: dt.date) -> dt.date:
        return self._timescales.first_contact_due(received)

    # --- writing ---------------------------------------------------------------------------
    def take_referral(self, referral: NewReferral) -> ReferralTaken:
        """Open the case, or raise :class:`ReferralInvalid` / :class:`DuplicateChild` having
        saved nothing."""
        today = self._clock.today()
        now = self._clock.now()
        problems = Problems()
        forename = check.name(problems, "forename", referral.forename)
        surname = check.name(problems, "surname", referral.surname)
        check.received(problems, referral.received, today)
        check.date_of_birth(problems, referral.date_of_birth, referral.received)
        gender = check.gender(problems, referral.gender)
        upn = check.upn(problems, referral.upn)
        year_group = check.year_group(problems, referral.year_group)
        school_text = check.tidy(referral.school)
        new_school = _new_school(problems, school_text, referral.school_name, referral.school_phase)
        family_name = check.optional(
            problems, "family name", referral.family_name, check.FAMILY_LIMIT
        )
        line1 = check.optional(problems, "address", referral.address_line1, check.ADDRESS_LIMIT)
        line2 = check.optional(
            problems, "address line 2", referral.address_line2, check.ADDRESS_LIMIT
        )
        town = check.optional(problems, "town", referral.town, check.TOWN_LIMIT)
        postcode = check.postcode(problems, referral.postcode)
        adults = [_checked_adult(problems, n, a) for n, a in enumerate(referral.adults, 1)]
        referred_by = check.optional(
            problems, "referred by", referral.referred_by, check.SOURCE_LIMIT
        )
        reason = referral.reason.strip()
        if not reason:
            problems.add("reason", "required: why the child is referred")
        why_new = check.tidy(referral.not_duplicate_reason)
        problems.raise_any()
        officer_id = referral.officer_id or self._officer_id
        occurred = (
            now
            if referral.received == today
            else dt.datetime.combine(referral.received, dt.time(REFERRAL_HOUR), tzinfo=UK)
        )
        due = self._timescales.first_contact_due(referral.received)

        def work(session: Session) -> ReferralTaken:
            # Checked again inside the writer's transaction: two officers taking the same child
            # at once are taken in turn, and the second sees the first's case.
            school_id = _school(session, school_text, new_school)
            if session.get(Officer, officer_id) is None:
                raise ReferralInvalid([FieldProblem("officer", "no such officer")])
            duplicates = _duplicates(session, forename, surname, referral.date_of_birth, upn)
            if duplicates and not why_new:
                raise DuplicateChild(duplicates)
            child = _existing_child(session, duplicates, upn)
            if child is None:
                family_id = referral.family_id
                if family_id is not None and session.get(Family, family_id) is None:
                    raise ReferralInvalid([FieldProblem("family", "no such family")])
                if family_id is None:
                    family = Family(
                        id=new_row_id(),
                        name=family_name or surname,
                        address_line1=line1,
                        address_line2=line2,
                        town=town,
                        postcode=postcode,
                        address_from=None,
                    )
                    session.add(family)
                    session.flush()  # parents before children: no relationship orders them
                    family_id = family.id
                child = Child(
                    id=new_row_id(),
                    upn=upn,
                    forename=forename,
                    surname=surname,
                    date_of_birth=referral.date_of_birth,
                    gender=gender,
                    year_group=year_group,
                    school_id=school_id,
                    family_id=family_id,
                )
                session.add(child)
                session.add_all(Adult(id=new_row_id(), family_id=family_id, **a) for a in adults)
                session.flush()
            else:  # the same child, referred again: what the referral says now is kept
                if school_id is not None:
                    child.school_id = school_id
                if year_group:
                    child.year_group = year_group
                if upn and not child.upn:
                    child.upn = upn
            references = session.scalars(select(Case.reference))
            number = next_reference_number(references)
            case = Case(
                **referral_case_row(
                    case_id=new_row_id(),
                    reference=case_reference(referral.received.year, number),
                    child_id=child.id,
                    officer_id=officer_id,
                    received=referral.received,
                    referred_by=referred_by,
                    reason=reason,
                )
            )
            session.add(case)
            session.flush()
            text = referral_entry_text(
                referred_by=referred_by,
                reason=reason,
                received=referral.received,
                duplicates=sorted({d.reference for d in duplicates if d.reference}),
                why_new=why_new,
            )
            entry = ChronologyEntry(
                case_id=case.id,
                entry_type=ENTRY_TYPE.value,
                occurred_at=occurred,
                recorded_at=now,
                author_id=self._officer_id,
                title=text.title,
                body=text.body,
                amend_reason="",
            )
            evidence.sign(session, entry, by=self._officer_id, at=now)
            session.add(entry)
            session.flush()
            return ReferralTaken(
                case_id=case.id,
                reference=case.reference,
                child_id=child.id,
                family_id=child.family_id,
                stage=Stage.REFERRAL.value,
                stage_label=Stage.REFERRAL.label,
                entry_id=entry.id,
                chain_seq=entry.chain_seq,
                first_contact_due=due,
            )

        return self._store.write(work).result()


def _checked_adult(problems: Problems, n: int, adult: NewAdult) -> dict[str, object]:
    label = f"adult {n}"
    language = check.optional(problems, f"{label} language", adult.language, check.LANGUAGE_LIMIT)
    return {
        "forename": check.name(problems, f"{label} forename", adult.forename),
        "surname": check.name(problems, f"{label} surname", adult.surname),
        "relationship_to_child": check.name(
            problems, f"{label} relationship", adult.relationship, check.RELATIONSHIP_LIMIT
        ),
        "parental_responsibility": adult.parental_responsibility,
        "phone": check.phone(problems, f"{label} phone", adult.phone),
        "language": language or "English",
        "interpreter_needed": adult.interpreter_needed,
        "lives_with_child": adult.lives_with_child,
    }


def _new_school(problems: Problems, urn: str, name: str, phase: str) -> tuple[str, str]:
    """The name and phase of a school to add (both empty: add none); checked here, so that a
    bad one is a line at its field like any other."""
    if not name.strip() and not phase.strip():
        return "", ""
    try:
        checked_name = known_schools.check_name(name)
    except known_schools.SchoolInvalid as exc:
        problems.add("school name", exc.message)
        checked_name = ""
    try:
        checked_phase = known_schools.check_phase(phase)
    except known_schools.SchoolInvalid as exc:
        problems.add("school phase", exc.message)
        checked_phase = ""
    if not (urn.isdigit() and len(urn) == 6):
        problems.add("school", "a new school needs its URN (six digits)")
    return checked_name, checked_phase


def _school(session: Session, text: str, new_school: tuple[str, str]) -> str | None:
    """The school's id, by URN or by a name that matches one school; None for no school. An
    unknown URN given with a name is added (:func:`known_schools.school_for_referral`)."""
    if not text:
        return None
    if text.isdigit():
        try:
            return known_schools.school_for_referral(session, text, *new_school)
        except known_schools.SchoolInvalid as exc:
            raise ReferralInvalid([FieldProblem("school", exc.message)]) from None
    wanted = text.casefold()
    rows = session.execute(select(School.id, School.name)).all()
    exact = [i for i, n in rows if n.casefold() == wanted]
    near = exact or [i for i, n in rows if wanted in n.casefold()]
    if len(near) == 1:
        return str(near[0])
    if not near:
        raise ReferralInvalid([FieldProblem("school", f"no school named {text!r}")])
    names = sorted(n for i, n in rows if i in near)
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    message = f"{len(names)} schools match {text!r} ({shown}): give more of the name or the URN"
    raise ReferralInvalid([FieldProblem("school", message)])


def _duplicates(
    session: Session, forename: str, surname: str, dob: dt.date | None, upn: str | None
) -> list[DuplicateInfo]:
    matched: dict[str, tuple[Child, str]] = {}
    if upn:
        for child in session.scalars(select(Child).where(Child.upn == upn)):
            matched[child.id] = (child, "UPN")
    if dob is not None:
        first, last = _key(forename), _key(surname)
        for child in session.scalars(select(Child).where(Child.date_of_birth == dob)):
            if child.id not in matched and (_key(child.forename), _key(child.surname)) == (
                first,
                last,
            ):
                matched[child.id] = (child, "name and date of birth")
    found: list[DuplicateInfo] = []
    for child, how in matched.values():
        cases = session.execute(
            select(Case, Officer.name)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .where(Case.child_id == child.id)
            .order_by(Case.referral_date.desc())
        ).all()
        name = f"{child.forename} {child.surname}"
        if not cases:
            found.append(
                DuplicateInfo(child.id, name, child.date_of_birth, how, "", "", "", "", "", "")
            )
        for case, officer in cases:
            stage = Stage(case.stage)
            found.append(
                DuplicateInfo(
                    child_id=child.id,
                    child_name=name,
                    date_of_birth=child.date_of_birth,
                    matched_on=how,
                    case_id=case.id,
                    reference=case.reference,
                    stage=stage.value,
                    stage_label=stage.label,
                    status=case.status,
                    officer=officer or "Unallocated",
                )
            )
    return found


def _existing_child(
    session: Session, duplicates: list[DuplicateInfo], upn: str | None
) -> Child | None:
    """The child the new case is for when already held: the one with this UPN, else the one
    with this name and date of birth unless its UPN differs from the one given (then it is
    another child, who happens to share a name and birthday)."""
    for d in duplicates:
        if d.matched_on == "UPN":
            return session.get(Child, d.child_id)
    for d in duplicates:
        child = session.get(Child, d.child_id)
        if child is not None and (not upn or not child.upn or child.upn == upn):
            return child
    return None
