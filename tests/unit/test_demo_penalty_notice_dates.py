"""Issue 9 "done when", on the demo's notices made by the real workflow: each notice turned to
text states the count of its own dates and the right last days for paying, payments fall
inside the periods, and no prosecution is laid before the period for paying has ended."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.attendance.codes import shipped_codes
from officer_app.demo.penalty_notices import add_penalty_notices
from officer_app.domain.attendance import Mark, summarise
from officer_app.letters.fill import long_date
from officer_app.services.profile import OpenProfile
from officer_app.store.models import AttendanceMark, Letter, PenaltyNotice
from tests.conftest import DEMO_CASES


@pytest.mark.parametrize("seed", [1, 7])
def test_each_demo_notice_states_its_own_count_and_the_last_days_for_paying(
    demo_profile: OpenProfile, seed: int
) -> None:
    profile = demo_profile
    add_penalty_notices(profile, seed=seed, today=profile.clock.today(), indexes=range(DEMO_CASES))
    rows = profile.store.read(lambda s: list(s.scalars(select(PenaltyNotice))))
    issued = [r for r in rows if r.issued_on is not None and r.issuer == ""]  # the LA's own
    assert issued
    codes = shipped_codes()
    for row in issued:
        assert row.received_on is not None and row.amount_28 is not None
        seen = row.evidence
        first = dt.date.fromisoformat(seen["window_from"])
        last = dt.date.fromisoformat(seen["window_to"])
        # the offence period ends before the notice is considered, let alone issued
        assert first <= last < row.considered_on <= row.issued_on
        marks = profile.store.read(
            lambda s, r=row: [
                Mark(d, p, c)
                for d, p, c in s.execute(
                    select(AttendanceMark.date, AttendanceMark.session, AttendanceMark.code).where(
                        AttendanceMark.child_id == r.child_id
                    )
                )
            ]
        )
        own = summarise(marks, "", first, last, codes=codes).unauthorised
        assert seen["unauthorised_in_window"] == own
        letter = profile.store.read(lambda s, r=row: s.get_one(Letter, r.notice_letter_id))
        copy = profile.attachments.read(str(letter.attachment_id))
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(copy)).pages).split())
        assert (
            f"{own} sessions of unauthorised absence between {long_date(first)} and "
            f"{long_date(last)}" in text
        )
        # SI 2024/210 reg 4: the periods begin with the day of receipt
        full_by = row.received_on + dt.timedelta(days=27)
        assert f"by {long_date(full_by)}" in text
        if row.amount_21 is not None:
            assert f"by {long_date(row.received_on + dt.timedelta(days=20))}" in text
        if row.paid_on is not None:
            assert row.received_on <= row.paid_on <= full_by
        if row.prosecution_on is not None:
            assert row.prosecution_on > full_by
