"""A family's details changed as tracked, signed corrections (issue 11, point 4).

A new address keeps the old one (a :class:`FamilyAddress` row with its dates); a new phone,
a change of parental responsibility, an adult added or leaving: each is made in one writer
transaction together with a signed chronology entry on every open case of the family
("Family details: new address from 01/12/2026 (was ...) - reason"), so the correction is
evidence like any other entry (CPIA 1996 Code of Practice: what was recorded, when, by whom;
domain.md "Evidence and disclosure"). The outbox and the audit log get the row changes
through the store's tracking. Nothing is deleted: an adult who leaves is ended, with the day
and the reason, and stays visible, apart.

domain.md is silent on which case carries a family's correction when none of its cases is
open; here it goes on the family's latest case, so that it is always in a chronology.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.domain.chronology import EntryType
from officer_app.domain.postcodes import normalise_postcode
from officer_app.services.case_file import CaseNotFound
from officer_app.services.person_details import DetailsRefused, PersonDetails
from officer_app.store import evidence
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, ChronologyEntry, Family, FamilyAddress
from officer_app.wording import short_date

if TYPE_CHECKING:
    from officer_app.services.withheld_changes import WithheldChangeService

TITLE_LENGTH = 200
_PHONE = re.compile(r"^[0-9+() -]*$")


class FamilyChangeRefused(ValueError):
    """The change cannot be made as asked; the message says what and where, for the officer.
    ``field`` names the form field at fault ("" when it is not one field)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class AddressInfo:
    line1: str
    line2: str
    town: str
    postcode: str
    from_date: dt.date | None  # None: not known
    to_date: dt.date | None  # None: the family still lives here

    @property
    def one_line(self) -> str:
        return ", ".join(p for p in (self.line1, self.line2, self.town, self.postcode) if p)


@dataclass(frozen=True)
class AdultInfo:
    id: str
    forename: str
    surname: str
    relationship: str
    parental_responsibility: bool
    phone: str
    language: str
    interpreter_needed: bool
    lives_with_child: bool
    ended_on: dt.date | None
    end_reason: str
    date_of_birth: dt.date | None = None
    vulnerable: bool = False

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}"

    @property
    def current(self) -> bool:
        return self.ended_on is None


@dataclass(frozen=True)
class FamilyPeople:
    """A family as the people panel shows it: current adults first, then those who left."""

    family_id: str
    family_name: str
    address: AddressInfo
    earlier: tuple[AddressInfo, ...]  # newest first
    adults: tuple[AdultInfo, ...]


@dataclass(frozen=True)
class FamilyChange:
    family_id: str
    subject_id: str  # the family's or the adult's id
    headline: str
    entry_ids: tuple[str, ...]  # one signed entry per case it was written on
    case_references: tuple[str, ...]


def clean(text: str) -> str:
    """One line, single spaces."""
    return " ".join(text.split())


def need_reason(reason: str) -> str:
    why = clean(reason)
    if not why:
        raise FamilyChangeRefused(
            "say why: a change to a family's details needs a reason", "reason"
        )
    return why


def sign_on_family_cases(
    session: Session,
    family_id: str,
    title: str,
    body: str,
    *,
    officer_id: str,
    at: dt.datetime,
    entry_type: EntryType = EntryType.NOTE,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sign one entry on every open case of the family (or, with none open, on its latest
    case), in the caller's transaction. Returns (entry ids, case references)."""
    cases = list(
        session.execute(
            select(Case.id, Case.reference, Case.status)
            .join(Child, Child.id == Case.child_id)
            .where(Child.family_id == family_id)
            .order_by(Case.referral_date.desc(), Case.reference.desc())
        )
    )
    targets = [(cid, ref) for cid, ref, status in cases if status == "open"] or [
        (cid, ref) for cid, ref, _ in cases[:1]
    ]
    ids: list[str] = []
    for case_id, _ in targets:
        entry = ChronologyEntry(
            case_id=case_id,
            entry_type=entry_type.value,
            occurred_at=at,
            recorded_at=at,
            author_id=officer_id,
            title=title[:TITLE_LENGTH],
            body=body,
            amend_reason="",
        )
        evidence.sign(session, entry, by=officer_id, at=at)
        session.add(entry)
        session.flush()
        ids.append(entry.id)
    return tuple(ids), tuple(ref for _, ref in targets)


def address_info(family: Family) -> AddressInfo:
    return AddressInfo(
        family.address_line1,
        family.address_line2,
        family.town,
        family.postcode,
        family.address_from,
        None,
    )


def address_change_text(
    old: AddressInfo, new: AddressInfo, moved_on: dt.date, reason: str
) -> tuple[str, str]:
    """The chronology entry (title, body) for a move: the demo writes the same words."""
    title = f"Family details: new address from {short_date(moved_on)}"
    since = f", from {short_date(old.from_date)}" if old.from_date else ""
    was = f" (was {old.one_line}{since})" if old.one_line else ""
    return title, f"{title}: {new.one_line}{was} - {reason}"


def adult_info(adult: Adult) -> AdultInfo:
    return AdultInfo(
        id=adult.id,
        forename=adult.forename,
        surname=adult.surname,
        relationship=adult.relationship_to_child,
        parental_responsibility=adult.parental_responsibility,
        phone=adult.phone,
        language=adult.language,
        interpreter_needed=adult.interpreter_needed,
        lives_with_child=adult.lives_with_child,
        ended_on=adult.ended_on,
        end_reason=adult.end_reason,
        date_of_birth=adult.date_of_birth,
        vulnerable=adult.vulnerable,
    )


def _text(value: str, field: str, label: str, limit: int, *, required: bool = True) -> str:
    text = clean(value)
    if required and not text:
        raise FamilyChangeRefused(f"{label}: this is needed", field)
    if len(text) > limit:
        raise FamilyChangeRefused(f"{label}: at most {limit} characters", field)
    return text


def _phone(value: str) -> str:
    phone = clean(value)
    digits = sum(ch.isdigit() for ch in phone)
    if not _PHONE.match(phone) or (phone and not 10 <= digits <= 15) or len(phone) > 30:
        raise FamilyChangeRefused(
            f"Phone: {phone!r} is not a phone number (10 to 15 digits; spaces, +, - and "
            "brackets allowed)",
            "phone",
        )
    return phone


class FamilyChangeService:
    def __init__(self, store: Store, clock: Clock, officer_id: str) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id

    def today(self) -> dt.date:
        """Today, as the profile's clock has it (the latest day a change can be dated)."""
        return self._clock.today()

    def withheld(self) -> WithheldChangeService:
        """Addresses withheld from what is served (services/withheld_changes.py)."""
        from officer_app.services.withheld_changes import WithheldChangeService

        return WithheldChangeService(self._store, self._clock, self._officer_id)

    # --- reading ------------------------------------------------------------------------
    def people(self, case_id: str) -> FamilyPeople:
        def work(session: Session) -> FamilyPeople:
            family = _family_of_case(session, case_id)
            adults = session.scalars(select(Adult).where(Adult.family_id == family.id))
            ordered = sorted(
                (adult_info(a) for a in adults),
                key=lambda a: (
                    not a.current,
                    -(a.ended_on.toordinal() if a.ended_on else 0),
                    not a.parental_responsibility,
                    a.surname,
                    a.forename,
                ),
            )
            return FamilyPeople(
                family_id=family.id,
                family_name=family.name,
                address=address_info(family),
                earlier=_earlier(session, family.id),
                adults=tuple(ordered),
            )

        return self._store.read(work)

    def address_history(self, family_id: str) -> tuple[AddressInfo, ...]:
        """The family's addresses, the current one first, then the earlier ones, newest
        first, each with the dates it was lived at (as far as they are known)."""

        def work(session: Session) -> tuple[AddressInfo, ...]:
            family = session.get(Family, family_id)
            if family is None:
                raise FamilyChangeRefused("there is no such family in this profile")
            return (address_info(family), *_earlier(session, family_id))

        return self._store.read(work)

    # --- changes ------------------------------------------------------------------------
    def change_address(
        self,
        case_id: str,
        line1: str,
        line2: str,
        town: str,
        postcode: str,
        moved_on: dt.date,
        reason: str,
    ) -> FamilyChange:
        """The family moved on ``moved_on``: the old address is kept with its dates."""
        new_line1 = _text(line1, "line1", "Address line 1", 160)
        new_line2 = _text(line2, "line2", "Address line 2", 160, required=False)
        new_town = _text(town, "town", "Town", 80)
        code = normalise_postcode(postcode)
        if code is None:
            raise FamilyChangeRefused(
                f"Postcode: {clean(postcode)!r} is not the shape of a UK postcode (like XT4 2BD)",
                "postcode",
            )
        why = need_reason(reason)
        today = self._clock.today()
        if moved_on > today:
            raise FamilyChangeRefused(
                f"Moved on: {short_date(moved_on)} is in the future; record a move once it "
                "has happened",
                "moved_on",
            )
        now = self._clock.now()
        new = AddressInfo(new_line1, new_line2, new_town, code, moved_on, None)

        def work(session: Session) -> FamilyChange:
            family = _family_of_case(session, case_id)
            old = address_info(family)
            earlier = _earlier(session, family.id)
            floor = old.from_date or (earlier[0].to_date if earlier else None)
            if floor is not None and moved_on < floor:
                raise FamilyChangeRefused(
                    f"Moved on: {short_date(moved_on)} is before the family came to the "
                    f"address held ({short_date(floor)})",
                    "moved_on",
                )
            if (old.line1, old.line2, old.town, old.postcode) == (
                new.line1,
                new.line2,
                new.town,
                new.postcode,
            ):
                raise FamilyChangeRefused("this is the address already held", "line1")
            if old.one_line:
                session.add(
                    FamilyAddress(
                        family_id=family.id,
                        address_line1=old.line1,
                        address_line2=old.line2,
                        town=old.town,
                        postcode=old.postcode,
                        from_date=old.from_date,
                        to_date=moved_on,
                        recorded_by=self._officer_id,
                    )
                )
            family.address_line1 = new.line1
            family.address_line2 = new.line2
            family.town = new.town
            family.postcode = new.postcode
            family.address_from = moved_on
            title, body = address_change_text(old, new, moved_on, why)
            return self._signed(session, family.id, family.id, title, body, now)

        return self._store.write(work).result()

    def change_phone(self, adult_id: str, phone: str, reason: str) -> FamilyChange:
        return self.edit_adult(adult_id, reason, phone=phone)

    def set_parental_responsibility(self, adult_id: str, has_it: bool, reason: str) -> FamilyChange:
        return self.edit_adult(adult_id, reason, parental_responsibility=has_it)

    def edit_adult(
        self,
        adult_id: str,
        reason: str,
        *,
        phone: str | None = None,
        parental_responsibility: bool | None = None,
        details: PersonDetails | None = None,
    ) -> FamilyChange:
        """A new phone, parental responsibility recorded or removed, and the details an
        interview under caution needs (date of birth, vulnerability, interpreter), as one
        entry."""
        new_phone = None if phone is None else _phone(phone)
        why = need_reason(reason)
        now = self._clock.now()

        def work(session: Session) -> FamilyChange:
            adult = _current_adult(session, adult_id)
            name = f"{adult.forename} {adult.surname}"
            said: list[str] = []
            if new_phone is not None and new_phone != adult.phone:
                was = f" (was {adult.phone})" if adult.phone else ""
                said.append(f"phone {new_phone}{was}" if new_phone else f"phone removed{was}")
                adult.phone = new_phone
            if (
                parental_responsibility is not None
                and parental_responsibility != adult.parental_responsibility
            ):
                said.append(
                    "parental responsibility recorded"
                    if parental_responsibility
                    else "no parental responsibility (was recorded)"
                )
                adult.parental_responsibility = parental_responsibility
            if details is not None:
                try:
                    said += details.apply(adult, self._clock.today())
                except DetailsRefused as exc:
                    raise FamilyChangeRefused(str(exc), exc.field) from None
            if not said:
                raise FamilyChangeRefused(f"nothing to change: {name}'s details are as held")
            title = f"Family details: {name} ({adult.relationship_to_child})"
            body = f"{title}: {'; '.join(said)} - {why}"
            return self._signed(session, adult.family_id, adult.id, title, body, now)

        return self._store.write(work).result()

    def add_adult(
        self,
        case_id: str,
        forename: str,
        surname: str,
        relationship: str,
        parental_responsibility: bool,
        phone: str,
        language: str,
        interpreter_needed: bool,
        lives_with_child: bool,
        reason: str,
    ) -> FamilyChange:
        values = {
            "forename": _text(forename, "forename", "Forename", 80),
            "surname": _text(surname, "surname", "Surname", 80),
            "relationship_to_child": _text(relationship, "relationship", "Relationship", 40),
            "phone": _phone(phone),
            "language": _text(language, "language", "Language", 40, required=False) or "English",
        }
        why = need_reason(reason)
        now = self._clock.now()

        def work(session: Session) -> FamilyChange:
            family = _family_of_case(session, case_id)
            adult = Adult(
                family_id=family.id,
                parental_responsibility=parental_responsibility,
                interpreter_needed=interpreter_needed,
                lives_with_child=lives_with_child,
                **values,
            )
            session.add(adult)
            session.flush()
            facts = [
                "parental responsibility"
                if parental_responsibility
                else "no parental responsibility",
                "lives with the child" if lives_with_child else "lives elsewhere",
            ]
            if adult.phone:
                facts.append(f"phone {adult.phone}")
            if adult.language != "English" or interpreter_needed:
                facts.append(
                    adult.language + (", interpreter needed" if interpreter_needed else "")
                )
            title = (
                f"Family details: {adult.forename} {adult.surname} "
                f"({adult.relationship_to_child}) added"
            )
            body = f"{title}: {'; '.join(facts)} - {why}"
            return self._signed(session, family.id, adult.id, title, body, now)

        return self._store.write(work).result()

    def end_adult(self, adult_id: str, ended_on: dt.date, reason: str) -> FamilyChange:
        """The adult left the family (never deleted): no longer offered as a letter's
        recipient or a penalty notice's parent, and shown apart with the day they left."""
        why = need_reason(reason)
        if ended_on > self._clock.today():
            raise FamilyChangeRefused(
                f"Left on: {short_date(ended_on)} is in the future; record it once it has happened",
                "ended_on",
            )
        now = self._clock.now()

        def work(session: Session) -> FamilyChange:
            adult = _current_adult(session, adult_id)
            adult.ended_on = ended_on
            adult.end_reason = why
            title = (
                f"Family details: {adult.forename} {adult.surname} "
                f"({adult.relationship_to_child}) left on {short_date(ended_on)}"
            )
            return self._signed(session, adult.family_id, adult.id, title, f"{title} - {why}", now)

        return self._store.write(work).result()

    def _signed(
        self,
        session: Session,
        family_id: str,
        subject_id: str,
        title: str,
        body: str,
        now: dt.datetime,
    ) -> FamilyChange:
        ids, refs = sign_on_family_cases(
            session, family_id, title, body, officer_id=self._officer_id, at=now
        )
        return FamilyChange(family_id, subject_id, title, ids, refs)


def _family_of_case(session: Session, case_id: str) -> Family:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        raise FamilyChangeRefused("this case's child has no family recorded")
    return family


def _current_adult(session: Session, adult_id: str) -> Adult:
    adult = session.get(Adult, adult_id)
    if adult is None:
        raise FamilyChangeRefused("there is no such adult in this profile")
    if adult.ended_on is not None:
        raise FamilyChangeRefused(
            f"{adult.forename} {adult.surname} left the family on {short_date(adult.ended_on)}; "
            "their details are kept as they were"
        )
    return adult


def _earlier(session: Session, family_id: str) -> tuple[AddressInfo, ...]:
    rows = session.scalars(
        select(FamilyAddress)
        .where(FamilyAddress.family_id == family_id)
        .order_by(FamilyAddress.to_date.desc(), FamilyAddress.from_date.desc(), FamilyAddress.id)
    )
    return tuple(
        AddressInfo(r.address_line1, r.address_line2, r.town, r.postcode, r.from_date, r.to_date)
        for r in rows
    )
