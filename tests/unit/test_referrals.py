"""Taking a new referral (issue 11 point 1): the case a user then finds in the caseload, its
signed "Referral received" entry, its first-contact timescale, and the refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from stdnum.gb import upn as upn_check

from officer_app.services.referrals import (
    DuplicateChild,
    NewAdult,
    NewReferral,
    ReferralInvalid,
)
from officer_app.services.verification import verify_profile
from officer_app.store.models import Adult, Case, Child, Family, OutboxMutation, School
from tests.conftest import DEMO_TODAY

BODY = "384001234567"
UPN = upn_check.calc_check_digit(BODY) + BODY
BAD_UPN = ("A" if UPN[0] != "A" else "B") + BODY


def _school(opened: Any) -> tuple[str, str]:
    return opened.store.read(
        lambda s: tuple(s.execute(select(School.urn, School.name).order_by(School.urn)).first())
    )


def _referral(opened: Any, **changes: Any) -> NewReferral:
    urn, _name = _school(opened)
    base = NewReferral(
        forename="Ottilie",
        surname="Brackenbury",
        date_of_birth=dt.date(2014, 5, 6),
        gender="F",
        upn=UPN,
        school=urn,
        year_group="Year 7",
        address_line1="3 Fennel Close",
        town="Northam",
        postcode="XT4 9QP",
        adults=(
            NewAdult(
                "Rhiannon",
                "Brackenbury",
                relationship="mother",
                phone="07700 900123",
                language="Welsh",
                interpreter_needed=True,
            ),
        ),
        referred_by="Oakfield Academy attendance lead",
        reason="Attendance 81% this term; letters and a meeting did not help.",
        received=DEMO_TODAY - dt.timedelta(days=3),
    )
    return dataclasses.replace(base, **changes)


def _counts(opened: Any) -> tuple[int, int, int, int]:
    return opened.store.read(
        lambda s: tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Case, Child, Family, Adult)
        )
    )


def test_a_referral_opens_a_case_at_referral_with_its_people_and_a_signed_entry(
    demo_profile: Any,
) -> None:
    before = _counts(demo_profile)
    taken = demo_profile.referrals.take_referral(_referral(demo_profile))
    assert taken.reference == f"ATT-2026-{before[0] + 1:05d}"  # the next running number
    assert taken.stage == "referral" and taken.chain_seq == 1
    assert _counts(demo_profile) == (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1)
    detail = demo_profile.cases.open_case(taken.case_id)
    assert detail.stage_label == "Referral" and detail.status == "open"
    assert detail.officer == demo_profile.officer.name
    assert detail.referral_date == DEMO_TODAY - dt.timedelta(days=3)
    assert detail.referral_source == "Oakfield Academy attendance lead"
    assert detail.child.upn == UPN and detail.child.year_group == "7"
    assert detail.child.school_urn == _school(demo_profile)[0]
    assert "3 Fennel Close" in detail.address
    (first,) = detail.entries
    assert first.title == "Referral received" and first.entry_type == "referral" and first.signed
    assert "Oakfield Academy attendance lead" in first.body
    assert "17 November 2026" in first.body and "Attendance 81%" in first.body
    adult = demo_profile.store.read(
        lambda s: s.scalar(select(Adult).where(Adult.family_id == taken.family_id))
    )
    assert (adult.relationship_to_child, adult.language, adult.interpreter_needed) == (
        "mother",
        "Welsh",
        True,
    )
    assert verify_profile(demo_profile.store).ok
    pending = demo_profile.store.read(
        lambda s: {
            m.entity_type
            for m in s.scalars(select(OutboxMutation).where(OutboxMutation.state == "pending"))
        }
    )
    assert {"case_file", "child", "family", "adult", "chronology_entry"} <= pending
    listed = {r.reference: r for r in demo_profile.caseload.list_cases()}
    assert listed[taken.reference].stage_label == "Referral"


def test_first_contact_is_due_five_working_days_after_the_date_received(
    demo_profile: Any,
) -> None:
    # received Friday 13/11/2026: five working days on is Friday 20/11/2026 (today)
    taken = demo_profile.referrals.take_referral(
        _referral(demo_profile, received=dt.date(2026, 11, 13))
    )
    assert taken.first_contact_due == dt.date(2026, 11, 20)
    scales = {t.name: t for t in demo_profile.field_work.case_timescales(taken.case_id)}
    assert scales["First contact"].due_on == dt.date(2026, 11, 20)
    assert scales["First contact"].working_days_overdue == 0
    row = next(r for r in demo_profile.caseload.list_cases() if r.case_id == taken.case_id)
    assert "First contact" not in row.rag_reason  # due today: not yet overdue


def test_the_same_child_is_refused_naming_the_case_unless_the_officer_says_why(
    demo_profile: Any,
) -> None:
    first = demo_profile.referrals.take_referral(_referral(demo_profile))
    again = _referral(demo_profile, forename=" ottilie ", surname="BRACKENBURY", upn="", adults=())
    found = demo_profile.referrals.possible_duplicates(
        again.forename, again.surname, again.date_of_birth, ""
    )
    assert [(d.reference, d.stage_label, d.matched_on) for d in found] == [
        (first.reference, "Referral", "name and date of birth")
    ]
    assert found[0].officer == demo_profile.officer.name
    by_upn = demo_profile.referrals.possible_duplicates("Someone", "Else", None, UPN.lower())
    assert [d.matched_on for d in by_upn] == ["UPN"]
    before = _counts(demo_profile)
    with pytest.raises(DuplicateChild, match=first.reference):
        demo_profile.referrals.take_referral(again)
    assert _counts(demo_profile) == before
    second = demo_profile.referrals.take_referral(
        dataclasses.replace(again, not_duplicate_reason="Re-referred by the new school")
    )
    assert second.child_id == first.child_id and second.reference != first.reference
    assert _counts(demo_profile)[:2] == (before[0] + 1, before[1])  # a case, not a child
    body = demo_profile.cases.open_case(second.case_id).entries[0].body
    assert f"already has case {first.reference}" in body
    assert "Re-referred by the new school" in body


def test_bad_fields_each_get_one_line_and_nothing_is_saved(demo_profile: Any) -> None:
    before = _counts(demo_profile)
    bad = _referral(
        demo_profile,
        forename=" ",
        upn=BAD_UPN,
        year_group="Year 14",
        received=DEMO_TODAY + dt.timedelta(days=1),
        reason="",
        postcode="nowhere",
        adults=(NewAdult("", "Brackenbury", phone="call me"),),
    )
    with pytest.raises(ReferralInvalid) as caught:
        demo_profile.referrals.take_referral(bad)
    problems = {p.field: p.message for p in caught.value.problems}
    assert problems["forename"] == "required"
    assert problems["upn"] == "wrong check letter: not a valid UPN"
    assert "Year 1 to Year 11" in problems["year group"]
    assert problems["date received"].startswith("after today (20/11/2026)")
    assert set(problems) == {
        "forename",
        "upn",
        "year group",
        "date received",
        "reason",
        "postcode",
        "adult 1 forename",
        "adult 1 phone",
    }
    assert _counts(demo_profile) == before


@pytest.mark.parametrize(
    ("born", "refused"),
    [
        (dt.date(2021, 11, 20), True),  # five today: compulsory from 31/12/2026
        (dt.date(2021, 8, 31), False),  # five on 31/08/2026, a prescribed day
        (dt.date(2010, 8, 31), True),  # 16 in August 2026: it ended on 26/06/2026
        (dt.date(2010, 9, 1), False),  # 16 in September: until June 2027
    ],
)
def test_a_date_of_birth_outside_compulsory_school_age_is_refused(
    demo_profile: Any, born: dt.date, refused: bool
) -> None:
    referral = _referral(demo_profile, date_of_birth=born, received=DEMO_TODAY, upn="")
    if refused:
        with pytest.raises(ReferralInvalid, match="date of birth: not of compulsory school age"):
            demo_profile.referrals.take_referral(referral)
    else:
        assert demo_profile.referrals.take_referral(referral).stage == "referral"


def test_a_school_is_found_by_name_or_refused_by_a_clear_line(demo_profile: Any) -> None:
    urn, name = _school(demo_profile)
    taken = demo_profile.referrals.take_referral(_referral(demo_profile, school=name.upper()))
    assert demo_profile.cases.open_case(taken.case_id).child.school_urn == urn
    with pytest.raises(ReferralInvalid, match="school: no school with URN 999999"):
        demo_profile.referrals.take_referral(
            _referral(demo_profile, school="999999", upn="", forename="Bea")
        )
