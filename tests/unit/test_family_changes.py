"""A family's details changed as tracked, signed corrections (issue 11, point 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from officer_app.services.family_changes import FamilyChangeRefused
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import (
    Adult,
    AuditEvent,
    Case,
    Child,
    ChronologyEntry,
    Family,
    FamilyAddress,
    OutboxMutation,
)
from tests.conftest import DEMO_TODAY

YESTERDAY = DEMO_TODAY - dt.timedelta(days=1)
TOMORROW = DEMO_TODAY + dt.timedelta(days=1)
NEW = ("3 Birch Close", "", "Northam", "xt4  5ab")


def _family_with_two_open_cases(profile: OpenProfile) -> tuple[str, list[str]]:
    """A family with two or more open cases, and its cases' ids (open ones)."""

    def work(session):  # type: ignore[no-untyped-def]
        rows = session.execute(
            select(Child.family_id, Case.id)
            .join(Case, Case.child_id == Child.id)
            .where(Case.status == "open")
            .order_by(Child.family_id, Case.id)
        ).all()
        by_family: dict[str, list[str]] = {}
        for family_id, case_id in rows:
            by_family.setdefault(family_id, []).append(case_id)
        return next((f, c) for f, c in by_family.items() if len(c) >= 2)

    return profile.store.read(work)


def _state(profile: OpenProfile, family_id: str) -> tuple[object, ...]:
    """Everything a refused change must leave as it was."""

    def work(session):  # type: ignore[no-untyped-def]
        family = session.get_one(Family, family_id)
        adults = session.execute(
            select(Adult.phone, Adult.parental_responsibility, Adult.ended_on)
            .where(Adult.family_id == family_id)
            .order_by(Adult.id)
        ).all()
        counts = [
            session.scalar(select(func.count()).select_from(m))
            for m in (ChronologyEntry, FamilyAddress, OutboxMutation, Adult)
        ]
        return (
            family.address_line1,
            family.postcode,
            family.address_from,
            tuple(adults),
            *counts,
        )

    return profile.store.read(work)


def _entries_titled(profile: OpenProfile, title: str) -> list[ChronologyEntry]:
    return profile.store.read(
        lambda s: list(s.scalars(select(ChronologyEntry).where(ChronologyEntry.title == title)))
    )


def test_a_move_keeps_the_old_address_and_signs_on_every_open_case(
    demo_profile: OpenProfile,
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    old = service.address_history(family_id)[0]
    moved = dt.date(2026, 11, 2)
    change = service.change_address(cases[0], *NEW, moved, "Mother phoned: moved last month")

    history = service.address_history(family_id)
    assert history[0].one_line == "3 Birch Close, Northam, XT4 5AB"  # postcode normalised
    assert history[0].from_date == moved and history[0].to_date is None
    assert history[1].one_line == old.one_line
    assert (history[1].from_date, history[1].to_date) == (old.from_date, moved)

    title = "Family details: new address from 02/11/2026"
    entries = _entries_titled(demo_profile, title)
    assert sorted(e.case_id for e in entries) == sorted(cases)
    assert len(change.entry_ids) == len(cases)
    for entry in entries:
        assert entry.signed_at is not None and entry.signed_by == demo_profile.officer.id
        assert f"(was {old.one_line}" in entry.body
        assert entry.body.endswith("- Mother phoned: moved last month")
    checked, breaks = demo_profile.store.read(lambda s: evidence.verify(s))
    assert checked and not breaks

    mutations = demo_profile.store.read(
        lambda s: [
            (m.entity_type, m.op, m.changes)
            for m in s.scalars(
                select(OutboxMutation).where(
                    OutboxMutation.entity_type.in_(("family", "family_address"))
                )
            )
        ]
    )
    assert ("family", "update") in [(t, op) for t, op, _ in mutations]
    family_update = next(c for t, op, c in mutations if t == "family" and op == "update")
    assert family_update["postcode"] == "XT4 5AB"
    assert family_update["address_from"] == "2026-11-02"
    assert any(t == "family_address" and op == "create" for t, op, _ in mutations)


def test_the_move_date_today_is_taken_tomorrow_refused(demo_profile: OpenProfile) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    before = _state(demo_profile, family_id)
    with pytest.raises(FamilyChangeRefused, match="in the future") as refused:
        service.change_address(cases[0], *NEW, TOMORROW, "moved")
    assert refused.value.field == "moved_on"
    assert _state(demo_profile, family_id) == before
    service.change_address(cases[0], *NEW, DEMO_TODAY, "moved today")
    assert service.address_history(family_id)[0].from_date == DEMO_TODAY


def test_a_move_before_the_family_came_to_the_address_is_refused(
    demo_profile: OpenProfile,
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    arrived = dt.date(2026, 10, 1)
    service.change_address(cases[0], *NEW, arrived, "moved")
    before = _state(demo_profile, family_id)
    other = ("9 Rowan Way", "Flat 2", "Northam", "XT3 1CD")
    with pytest.raises(FamilyChangeRefused, match=r"before the family came .* \(01/10/2026\)"):
        service.change_address(cases[0], *other, arrived - dt.timedelta(days=1), "moved")
    assert _state(demo_profile, family_id) == before
    service.change_address(cases[0], *other, arrived, "a stay of no time at all")  # day of
    earlier = service.address_history(family_id)[1]
    assert (earlier.line1, earlier.from_date, earlier.to_date) == (
        "3 Birch Close",
        arrived,
        arrived,
    )


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        (("3 Birch Close", "", "Northam", "XT4"), "postcode", "not the shape of a UK postcode"),
        (("3 Birch Close", "", "Northam", "12345"), "postcode", "not the shape"),
        (("", "", "Northam", "XT4 5AB"), "line1", "Address line 1: this is needed"),
        (("3 Birch Close", "", " ", "XT4 5AB"), "town", "Town: this is needed"),
    ],
)
def test_a_bad_address_says_which_field_and_changes_nothing(
    demo_profile: OpenProfile, fields: tuple[str, ...], field: str, words: str
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    before = _state(demo_profile, family_id)
    with pytest.raises(FamilyChangeRefused, match=words) as refused:
        demo_profile.family_changes.change_address(cases[0], *fields, YESTERDAY, "moved")
    assert refused.value.field == field
    assert _state(demo_profile, family_id) == before


def test_a_change_needs_a_reason(demo_profile: OpenProfile) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    before = _state(demo_profile, family_id)
    with pytest.raises(FamilyChangeRefused, match="needs a reason"):
        demo_profile.family_changes.change_address(cases[0], *NEW, YESTERDAY, "   ")
    assert _state(demo_profile, family_id) == before


def test_phone_and_parental_responsibility_are_signed_changes(demo_profile: OpenProfile) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    adult = service.people(cases[0]).adults[0]
    change = service.change_phone(adult.id, "07700 900123", "new mobile, given at the door")
    assert len(change.entry_ids) == len(cases)
    entry = demo_profile.store.read(lambda s: s.get_one(ChronologyEntry, change.entry_ids[0]))
    assert "phone 07700 900123" in entry.body and entry.signed_at is not None
    assert service.people(cases[0]).adults[0].phone == "07700 900123"

    before = _state(demo_profile, family_id)
    with pytest.raises(FamilyChangeRefused, match="Phone: 'call me' is not a phone number"):
        service.change_phone(adult.id, "call me", "typo")
    with pytest.raises(FamilyChangeRefused, match="nothing to change"):
        service.change_phone(adult.id, "07700 900123", "again")
    assert _state(demo_profile, family_id) == before

    service.set_parental_responsibility(
        adult.id, not adult.parental_responsibility, "court order seen"
    )
    changed = next(a for a in service.people(cases[0]).adults if a.id == adult.id)
    assert changed.parental_responsibility is not adult.parental_responsibility
    audit = demo_profile.store.read(
        lambda s: s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.entity_type == "adult", AuditEvent.entity_id == adult.id)
        )
    )
    assert audit == 2


def test_an_added_adult_is_signed_and_listed(demo_profile: OpenProfile) -> None:
    _, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    change = service.add_adult(
        cases[0], "Dara", "Quill", "stepfather", False, "", "Polish", True, True, "moved in"
    )
    added = next(a for a in service.people(cases[0]).adults if a.id == change.subject_id)
    assert (added.name, added.relationship, added.language) == (
        "Dara Quill",
        "stepfather",
        "Polish",
    )
    assert change.headline == "Family details: Dara Quill (stepfather) added"
    entry = demo_profile.store.read(lambda s: s.get_one(ChronologyEntry, change.entry_ids[0]))
    assert "no parental responsibility" in entry.body and "Polish, interpreter needed" in entry.body
    with pytest.raises(FamilyChangeRefused, match="Surname: this is needed"):
        service.add_adult(cases[0], "Dara", "", "uncle", False, "", "", False, True, "x")


def test_an_adult_who_left_is_kept_apart_and_never_a_recipient_or_notice_parent(
    demo_profile: OpenProfile,
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    service = demo_profile.family_changes
    people = service.people(cases[0])
    leaving = next(a for a in people.adults if a.parental_responsibility)
    with pytest.raises(FamilyChangeRefused, match="in the future"):
        service.end_adult(leaving.id, TOMORROW, "moving out")
    service.end_adult(leaving.id, DEMO_TODAY, "moved out to live with his mother")

    after = service.people(cases[0])
    assert after.adults[-1].id == leaving.id and after.adults[-1].ended_on == DEMO_TODAY
    assert all(a.current for a in after.adults[:-1])
    detail = demo_profile.cases.open_case(cases[0])
    assert detail.people[-1].id == leaving.id and not detail.people[-1].current

    recipient = next(r for r in demo_profile.letters.recipients(cases[0]) if r.id == leaving.id)
    assert not recipient.can_receive and "left the family on 20/11/2026" in recipient.reason
    parents = demo_profile.penalty_notices.parents(cases[0])
    assert leaving.id not in [p.id for p in parents]

    before = _state(demo_profile, family_id)
    with pytest.raises(FamilyChangeRefused, match="left the family on 20/11/2026"):
        service.change_phone(leaving.id, "07700 900999", "x")
    assert _state(demo_profile, family_id) == before
