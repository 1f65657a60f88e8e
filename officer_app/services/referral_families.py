"""The family a new referral may belong to: a sibling's (domain.md "The life of a case", step
2: "children of one family are linked so that the officer can work 'one family, one worker,
one plan' across schools and phases").

A family is offered when one of its children has the referred child's surname, or when it
lives at the address given (same postcode and first line). The officer decides: the offer
is only a suggestion, and the referral's ``family_id`` links it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from officer_app.store.models import Case, Child, Family

MAX_OFFERS = 5


@dataclass(frozen=True)
class FamilyMatch:
    family_id: str
    family_name: str
    address: str  # one line: first line, town, postcode
    sibling: str  # the first child's name
    reference: str  # that child's latest case ("" if none)
    matched_on: str  # "surname" or "address"

    @property
    def label(self) -> str:
        """``Same family as Ava Smith (ATT-2026-00012), 1 High St, LS1 4AB``."""
        case = f" ({self.reference})" if self.reference else ""
        where = f", {self.address}" if self.address else ""
        return f"Same family as {self.sibling}{case}{where}"


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def matching_families(
    session: Session, surname: str, postcode: str = "", address_line1: str = ""
) -> list[FamilyMatch]:
    """The families a child of this surname or at this address may belong to (at most
    :data:`MAX_OFFERS`), those at the same address first."""
    wanted = " ".join(surname.split()).casefold()
    code = _squash(postcode)
    line1 = _squash(address_line1)
    tests = []
    if wanted:
        tests.append(func.lower(Child.surname) == wanted)
    if code:
        tests.append(func.lower(func.replace(Family.postcode, " ", "")) == code)
    if not tests:
        return []
    rows = session.execute(
        select(Family, Child)
        .join(Child, Child.family_id == Family.id)
        .where(or_(*tests))
        .order_by(Family.name, Child.date_of_birth)
    ).all()
    found: dict[str, FamilyMatch] = {}
    for family, child in rows:
        if family.id in found:
            continue
        at_address = bool(code) and _squash(family.postcode) == code
        if at_address and line1 and _squash(family.address_line1) != line1:
            at_address = False
        if not at_address and child.surname.casefold() != wanted:
            continue
        reference = session.scalar(
            select(Case.reference)
            .where(Case.child_id == child.id)
            .order_by(Case.referral_date.desc())
            .limit(1)
        )
        parts = (family.address_line1, family.town, family.postcode)
        found[family.id] = FamilyMatch(
            family_id=family.id,
            family_name=family.name,
            address=", ".join(p for p in parts if p),
            sibling=f"{child.forename} {child.surname}",
            reference=reference or "",
            matched_on="address" if at_address else "surname",
        )
    offers = sorted(found.values(), key=lambda m: m.matched_on != "address")
    return offers[:MAX_OFFERS]
