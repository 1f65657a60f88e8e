"""What a penalty notice must say (reg 3 of SI 2007/1867 as amended; domain.md "Penalty
notices"): the shipped template, rendered for a notice the demo issued through the real
workflow, read back from its PDF. Issue 9 point 8: the child's address and the grounds of
withdrawal were missing."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.config import Letterhead
from officer_app.demo.penalty_notices import add_penalty_notices
from officer_app.letters.fill import long_date
from officer_app.services.penalty_notices import UNAUTHORISED_CODES, PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from officer_app.store.models import (
    Adult,
    AttendanceMark,
    Child,
    Family,
    Letter,
    Officer,
    PenaltyNotice,
    School,
)
from tests.conftest import DEMO_CASES


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture()
def issued(demo_profile: OpenProfile) -> tuple[OpenProfile, list[PenaltyNotice]]:
    today = demo_profile.clock.today()
    add_penalty_notices(demo_profile, seed=1, today=today, indexes=range(DEMO_CASES))
    rows = demo_profile.store.read(
        lambda s: list(
            s.scalars(
                select(PenaltyNotice).where(
                    PenaltyNotice.issued_on.is_not(None),
                    PenaltyNotice.issuer == "",  # the LA's own: others' notices have no copy here
                )
            )
        )
    )
    assert rows, "the demo issued no notice"
    return demo_profile, rows


def _notice_text(profile: OpenProfile, row: PenaltyNotice) -> tuple[str, int]:
    letter = profile.store.read(lambda s: s.get_one(Letter, row.notice_letter_id))
    pdf = PdfReader(BytesIO(profile.attachments.read(str(letter.attachment_id))))
    return _words(" ".join(p.extract_text() for p in pdf.pages)), len(pdf.pages)


@pytest.mark.slow
def test_every_demo_notice_states_what_the_regulations_require(
    issued: tuple[OpenProfile, list[PenaltyNotice]],
) -> None:
    profile, rows = issued
    service = PenaltyNoticeService(profile.store, profile.clock, profile.officer.id)
    head = Letterhead()  # the demo profile's letterhead
    for row in rows:
        text, pages = _notice_text(profile, row)
        assert pages <= 2, f"{row.number}: {pages} pages"

        def facts(s, r=row):  # type: ignore[no-untyped-def]
            child = s.get_one(Child, r.child_id)
            family = s.get_one(Family, child.family_id)
            school = s.get_one(School, child.school_id)
            parent = s.get_one(Adult, r.parent_id)
            letter = s.get_one(Letter, r.notice_letter_id)
            officer = s.get_one(Officer, letter.created_by)
            return child, family, school, parent, officer

        child, family, school, parent, officer = profile.store.read(facts)
        info = service.notice(row.id)
        # (a) the recipient's name and address (the window of the envelope)
        assert parent.surname in text and family.postcode.upper() in text
        # (b) the child's name and address, and the school
        child_address = ", ".join(
            x.strip()
            for x in (family.address_line1, family.address_line2, family.town.upper(),
                      family.postcode.upper())
            if x.strip()
        )  # fmt: skip
        assert f"{child.forename} {child.surname}" in text
        assert f"Child's address {child_address}" in text, row.number
        assert school.name in text
        # (c) the issuing officer
        assert officer.name in text and head.officer_title in text
        # (d) the offence's particulars: the period and the sessions counted in it; the date
        assert info.evidence.window_from is not None and info.evidence.window_to is not None
        period = f"{long_date(info.evidence.window_from)} to {long_date(info.evidence.window_to)}"
        assert f"Period {period}" in text
        assert f"Unauthorised absence {info.evidence.unauthorised_in_window} sessions" in text
        assert row.issued_on is not None and f"Date of issue {long_date(row.issued_on)}" in text
        # (e, h) the amount and the periods for paying (the dates themselves: point 4)
        assert row.amount_28 is not None and f"£{row.amount_28}" in text
        if row.amount_21 is not None:
            assert f"£{row.amount_21}" in text and "within 21 days" in text
        assert "within 28 days" in text
        # (f) the authority to pay and to write to, with its address
        assert head.authority in text and ", ".join(head.address_lines) in text
        # (g) how to pay
        assert _words(head.payment_instructions) in text
        # (i) payment discharges liability; (j) what follows non-payment
        assert "discharges your liability to conviction for the offence" in text
        assert "may prosecute you for the offence" in text
        # (k) the grounds on which the notice may be withdrawn
        assert "When this notice may be withdrawn" in text
        assert "ought not to have been issued;" in text
        assert "ought not to have been issued to you, the person named on it" in text
        assert "contains a material error" in text
        assert "not paid and the authority decides not to prosecute you" in text


@pytest.mark.slow
def test_every_demo_notice_states_the_count_of_its_dates_and_the_true_last_days(
    issued: tuple[OpenProfile, list[PenaltyNotice]],
) -> None:
    profile, rows = issued
    service = PenaltyNoticeService(profile.store, profile.clock, profile.officer.id)
    for row in rows:
        text, _ = _notice_text(profile, row)
        ev = service.notice(row.id).evidence
        assert ev.window_from is not None and ev.window_to is not None
        counted = profile.store.read(
            lambda s, r=row, a=ev.window_from, b=ev.window_to: len(
                list(
                    s.scalars(
                        select(AttendanceMark.id).where(
                            AttendanceMark.child_id == r.child_id,
                            AttendanceMark.date.between(a, b),
                            AttendanceMark.code.in_(UNAUTHORISED_CODES),
                        )
                    )
                )
            )
        )
        assert f"Unauthorised absence {counted} sessions" in text, row.number
        assert row.received_on is not None
        last_28 = row.received_on + dt.timedelta(days=27)  # SI 2024/210 reg 4: day 1 = receipt
        assert f"by {long_date(last_28)} (within 28 days)" in text, row.number
        if row.amount_21 is not None:
            last_21 = row.received_on + dt.timedelta(days=20)
            assert f"by {long_date(last_21)} (within 21 days)" in text, row.number
