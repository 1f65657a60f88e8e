"""An adult's date of birth, vulnerability and interpreter need, which an interview under
caution depends on (issue 12: the plan warns when someone under 18 or vulnerable has no
appropriate adult, or someone who needs an interpreter has none), changed as a signed family
change with its reason; a date that cannot be true refused at its field."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from officer_app.services.family_changes import FamilyChangeRefused
from officer_app.services.person_details import PersonDetails, parse_birth_date
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Adult, ChronologyEntry

TODAY = dt.date(2026, 11, 20)


def test_a_birth_date_is_a_day_not_in_the_future_or_blank() -> None:
    assert parse_birth_date(" ", TODAY) is None
    assert parse_birth_date("21/11/2008", TODAY) == dt.date(2008, 11, 21)
    assert parse_birth_date("2008-11-21", TODAY) == dt.date(2008, 11, 21)
    assert parse_birth_date("20/11/2026", TODAY) == TODAY
    with pytest.raises(ValueError, match="in the future"):
        parse_birth_date("21/11/2026", TODAY)
    with pytest.raises(ValueError, match="not a date"):
        parse_birth_date("31/02/1990", TODAY)


def test_details_change_as_a_signed_entry_and_feed_the_interview_warnings(
    demo_profile: OpenProfile,
) -> None:
    adult_id = demo_profile.store.read(
        lambda s: s.scalar(select(Adult.id).where(Adult.parental_responsibility.is_(True)))
    )
    changes = demo_profile.family_changes
    changes.edit_adult(
        adult_id,
        "Told us at the visit",
        details=PersonDetails("21/11/2008", True, True, "Polish"),
    )
    adult = demo_profile.store.read(lambda s: s.get_one(Adult, adult_id))
    assert adult.date_of_birth == dt.date(2008, 11, 21) and adult.vulnerable
    assert adult.interpreter_needed and adult.language == "Polish"
    body = demo_profile.store.read(
        lambda s: s.scalars(
            select(ChronologyEntry.body).order_by(ChronologyEntry.recorded_at.desc())
        ).first()
    )
    assert body is not None and "date of birth 21/11/2008" in body
    assert "needs an interpreter (Polish)" in body and "Told us at the visit" in body
    with pytest.raises(FamilyChangeRefused) as refused:
        changes.edit_adult(
            adult_id, "typo", details=PersonDetails("1/13/2000", True, True, "Polish")
        )
    assert refused.value.field == "date_of_birth"
