"""An address withheld, or no longer withheld, as a tracked, signed change (issue 13, point 2).

A family, or one adult of it, is marked "address withheld" when where they live must not
appear in anything served (a parent fleeing domestic abuse, for example): an evidence pack
that would show the address is refused (:mod:`officer_app.services.withheld` says which
addresses and finds them). Setting or clearing the mark is a family change like the others
in :mod:`officer_app.services.family_changes`: one writer transaction that changes the row
(the outbox and the audit log get it through the store's tracking) and signs an entry with
the reason on every open case of the family (the family's latest case when none is open),
so that who decided it, when and why is evidence (CPIA 1996 Code of Practice; domain.md
"Evidence and disclosure").

The entry never carries the address itself: it says whose address is withheld and why.
An adult who has left the family can still be marked (it is never refused for that): the
addresses they shared with the child stay theirs to protect.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.clock import Clock
from officer_app.services.case_file import CaseNotFound
from officer_app.services.family_changes import (
    FamilyChange,
    FamilyChangeRefused,
    need_reason,
    sign_on_family_cases,
)
from officer_app.store.database import Store
from officer_app.store.models import Adult, Case, Child, Family

WITHHELD_TEXT = "Address withheld"


@dataclass(frozen=True)
class WithheldFlags:
    """Whose address is withheld on a case's family, as the people panel shows it."""

    family_id: str
    family: bool  # the family's address is withheld
    adult_ids: frozenset[str]  # the family's adults marked "address withheld"

    @property
    def any(self) -> bool:
        return self.family or bool(self.adult_ids)


def withheld_title(subject: str, withheld: bool) -> str:
    """The signed entry's title: ``Family details: address withheld (Smith family)``."""
    what = "address withheld" if withheld else "address no longer withheld"
    return f"Family details: {what} ({subject})"


class WithheldChangeService:
    def __init__(self, store: Store, clock: Clock, officer_id: str) -> None:
        self._store = store
        self._clock = clock
        self._officer_id = officer_id

    def flags(self, case_id: str) -> WithheldFlags:
        def work(session: Session) -> WithheldFlags:
            family = _family_of_case(session, case_id)
            adults = session.scalars(
                select(Adult.id).where(Adult.family_id == family.id, Adult.address_withheld)
            )
            return WithheldFlags(family.id, bool(family.address_withheld), frozenset(adults))

        return self._store.read(work)

    def set_address_withheld(
        self, case_id: str, withheld: bool, reason: str, *, adult_id: str | None = None
    ) -> FamilyChange:
        """Mark the case's family (or, with ``adult_id``, that adult of the family) as having
        its address withheld, or clear the mark; signed with ``reason`` on the family's
        cases. Refused, with nothing changed, without a reason or when it is already so."""
        why = need_reason(reason)
        now = self._clock.now()

        def work(session: Session) -> FamilyChange:
            family = _family_of_case(session, case_id)
            row: Family | Adult = family
            subject = family.name if family.name.endswith(" family") else f"{family.name} family"
            if adult_id is not None:
                adult = session.get(Adult, adult_id)
                if adult is None or adult.family_id != family.id:
                    raise FamilyChangeRefused("there is no such adult in this case's family")
                row = adult
                subject = f"{adult.forename} {adult.surname}, {adult.relationship_to_child}"
            if bool(row.address_withheld) == withheld:
                state = "already withheld" if withheld else "not withheld"
                raise FamilyChangeRefused(f"nothing to change: the address is {state}")
            row.address_withheld = withheld
            title = withheld_title(subject, withheld)
            body = f"{title}: {_consequence(withheld)} - {why}"
            ids, refs = sign_on_family_cases(
                session, family.id, title, body, officer_id=self._officer_id, at=now
            )
            return FamilyChange(family.id, row.id, title, ids, refs)

        return self._store.write(work).result()


def _consequence(withheld: bool) -> str:
    if withheld:
        return "not to appear in anything served (an evidence pack showing it is refused)"
    return "it may appear in what is served again"


def _family_of_case(session: Session, case_id: str) -> Family:
    case = session.get(Case, case_id)
    if case is None:
        raise CaseNotFound(f"no case with id {case_id}")
    child = session.get_one(Child, case.child_id)
    family = session.get(Family, child.family_id) if child.family_id else None
    if family is None:
        raise FamilyChangeRefused("this case's child has no family recorded")
    return family
