"""Issue 9 points 1, 6, 7: no second notice or prosecution for an absence already covered,
an ESO decision before any prosecution (s447), and notices issued by others counted."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from officer_app.domain.penalty_notices import NoticeStatus, StepRefused
from officer_app.services.notice_records import OthersNotice
from officer_app.services.profile import OpenProfile
from officer_app.store import evidence
from officer_app.store.models import ChronologyEntry
from tests.unit.test_penalty_notice_service import (
    AFTER_SPRING,
    SPRING,
    at,
    considered_with_evidence,
    supervisor_of,
)

LATER = dt.date(2027, 4, 20)  # after the 28 days of a notice handed over on AFTER_SPRING


def _issue(profile: OpenProfile, notice_id: str, on: dt.date = AFTER_SPRING) -> None:
    at(profile, on).issue(
        notice_id, issued_on=on, served_by="hand", authorised_by=supervisor_of(profile),
        authorised_on=on,
    )  # fmt: skip


def _others(parent: str, *, number: str = "OAK-2027-1", **changes: object) -> OthersNotice:
    base: dict[str, object] = dict(
        parent_id=parent, issuer="head_teacher", issuer_name="Head of Oak Primary",
        number=number, issued_on=dt.date(2027, 3, 12), status=NoticeStatus.ISSUED,
        period_from=dt.date(2027, 2, 1), period_to=dt.date(2027, 3, 5),
    )  # fmt: skip
    base.update(changes)
    return OthersNotice(**base)  # type: ignore[arg-type]


def _titles(profile: OpenProfile, case_id: str) -> list[str]:
    return profile.store.read(
        lambda s: [
            e.title
            for e in s.scalars(select(ChronologyEntry).where(ChronologyEntry.case_id == case_id))
        ]
    )


# --- point 1: payment discharges liability ---------------------------------------------------
def test_a_second_notice_for_an_absence_already_paid_for_is_refused_naming_the_first(
    demo_profile: OpenProfile,
) -> None:
    case_id, first_id = considered_with_evidence(demo_profile)
    _issue(demo_profile, first_id)
    service = at(demo_profile, LATER)
    first = service.record_payment(first_id, AFTER_SPRING, 80)
    assert first.status is NoticeStatus.PAID_21
    [again] = service.consider(case_id, [first.parent_id], SPRING, AFTER_SPRING)
    # the issue dialog's plan says so before the officer acts
    plan = service.plan_issue(again.id, LATER, "hand")
    assert not plan.decision.allowed and plan.decision.amount_within_28_days is None
    assert f"covered by penalty notice {first.number}" in plan.decision.reason
    with pytest.raises(StepRefused, match=f"covered by penalty notice {first.number}"):
        service.issue(
            again.id, issued_on=LATER, served_by="hand", authorised_by=supervisor_of(demo_profile),
            authorised_on=LATER,
        )  # fmt: skip
    assert service.notice(again.id).status is NoticeStatus.CONSIDERED  # nothing changed


def test_a_withdrawn_notice_covers_nothing_and_another_parent_is_apart(
    demo_profile: OpenProfile,
) -> None:
    case_id, first_id = considered_with_evidence(demo_profile)
    _issue(demo_profile, first_id)
    service = at(demo_profile, AFTER_SPRING)
    parents = [p.id for p in service.parents(case_id) if p.parental_responsibility]
    other_parents = [p for p in parents if p != service.notice(first_id).parent_id]
    if other_parents:  # the other parent's liability is their own
        [theirs] = service.consider(case_id, other_parents[:1], SPRING, AFTER_SPRING)
        _issue(demo_profile, theirs.id)
        assert service.notice(theirs.id).status is NoticeStatus.ISSUED
    service.withdraw(first_id, AFTER_SPRING, "Issued to the wrong person")
    [again] = service.consider(case_id, [service.notice(first_id).parent_id], SPRING, AFTER_SPRING)
    _issue(demo_profile, again.id)
    assert service.notice(again.id).status is NoticeStatus.ISSUED


def test_a_prosecution_for_an_absence_another_notice_covers_is_refused(
    demo_profile: OpenProfile,
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    _issue(demo_profile, notice_id)
    service = at(demo_profile, LATER)
    service.mark_unpaid(notice_id)
    parent = service.notice(notice_id).parent_id
    # the officer learns the head teacher had issued one for part of the same weeks, paid
    service.record_others_notice(case_id, _others(parent, status=NoticeStatus.PAID_21))
    service.record_eso_decision(
        case_id, considered_on=LATER, considered_by="Legal panel", decision="not_apply",
        reason="Support has not changed attendance",
    )  # fmt: skip
    with pytest.raises(StepRefused, match="covered by penalty notice OAK-2027-1 issued by a head"):
        service.record_prosecution(notice_id, LATER, "")
    assert service.notice(notice_id).prosecution_on is None


# --- point 6: s447 --------------------------------------------------------------------------
def test_a_prosecution_needs_an_eso_decision_made_before_it(demo_profile: OpenProfile) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    _issue(demo_profile, notice_id)
    service = at(demo_profile, LATER)
    service.mark_unpaid(notice_id)
    with pytest.raises(StepRefused, match="when it was considered, by whom, the decision and"):
        service.record_prosecution(notice_id, LATER, "")
    # each missing part is named
    with pytest.raises(StepRefused, match="needs who considered it, the decision, the reason"):
        service.record_eso_decision(
            case_id, considered_on=LATER, considered_by=" ", decision="maybe", reason=""
        )
    with pytest.raises(StepRefused, match="still to come"):
        service.record_eso_decision(
            case_id, considered_on=LATER + dt.timedelta(days=1), considered_by="Panel",
            decision="apply", reason="r",
        )  # fmt: skip
    made = service.record_eso_decision(
        case_id, considered_on=LATER, considered_by="Attendance legal panel",
        decision="not_apply", reason="An ESO was tried in 2025 without effect",
    )  # fmt: skip
    assert made.decision_label.startswith("Not to apply") and made.recorded_by
    # a decision made after the information was laid does not count
    with pytest.raises(StepRefused, match="after the information was laid"):
        service.record_prosecution(notice_id, LATER - dt.timedelta(days=1), "")
    done = service.record_prosecution(notice_id, LATER, "Laid under s444(1)")
    assert done.status is NoticeStatus.PROSECUTED
    assert "Education Supervision Order considered (s447)" in _titles(demo_profile, case_id)
    assert [d.considered_by for d in service.eso_decisions(case_id)] == ["Attendance legal panel"]
    assert demo_profile.store.read(evidence.verify)[1] == []


# --- point 7: notices issued by others ------------------------------------------------------
def test_a_notice_issued_by_others_counts_covers_and_shows_in_the_record(
    demo_profile: OpenProfile,
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    parent = service.notice(notice_id).parent_id
    police = service.record_others_notice(
        case_id,
        _others(
            parent, issuer="police", issuer_name="Northshire Police", number="NP/26/77",
            issued_on=dt.date(2026, 10, 1), period_from=dt.date(2026, 9, 7),
            period_to=dt.date(2026, 9, 25), status=NoticeStatus.ISSUED,
        ),
    )  # fmt: skip
    assert police.issued_by_others == "Issued by the police (Northshire Police)"
    assert police.next_steps == (NoticeStatus.WITHDRAWN,)  # no receipt here to pay against
    # counted by the limit: the LA's notice is now a second one, £160 with no reduced rate
    plan = service.plan_issue(notice_id, AFTER_SPRING, "hand")
    assert plan.decision.ordinal == 2 and plan.decision.amount_within_21_days is None
    # the police withdraw theirs: it no longer counts
    service.withdraw(police.id, AFTER_SPRING, "Withdrawn by the police: issued in error")
    assert service.plan_issue(notice_id, AFTER_SPRING, "hand").decision.ordinal == 1
    # and it covers its own absence: a head teacher's notice for these spring weeks blocks ours
    service.record_others_notice(case_id, _others(parent))
    with pytest.raises(StepRefused, match="penalty notice OAK-2027-1 issued by a head teacher"):
        _issue(demo_profile, notice_id)
    # shown on the record (reg 20), marked as issued by someone else
    rows = service.register()
    assert [r.issued_by_others for r in rows] == [
        "the police (Northshire Police)",
        "a head teacher (Head of Oak Primary)",
    ]
    csv_text = service.register_document("csv").decode("utf-8-sig")
    assert "issued_by_others" in csv_text.splitlines()[0]
    pdf = service.register_document("pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
    assert "Issued by the police (Northshire Police)" in text
    # kept in the signed chain
    assert "Penalty notice NP/26/77 issued by the police recorded: " + police.parent_name in (
        _titles(demo_profile, case_id)
    )
    assert demo_profile.store.read(evidence.verify)[1] == []


def test_a_notice_issued_by_others_is_checked_before_it_is_kept(
    demo_profile: OpenProfile,
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    service = at(demo_profile, AFTER_SPRING)
    parent = service.notice(notice_id).parent_id
    bad = {
        "say who issued": _others(parent, issuer="school_nurse"),
        "name the issuer": _others(parent, issuer_name=" "),
        "give the notice's number": _others(parent, number=""),
        "still to come": _others(parent, issued_on=AFTER_SPRING + dt.timedelta(days=1)),
        "ends .* before it starts": _others(parent, period_to=dt.date(2027, 1, 1)),
        "must end before the notice was issued": _others(parent, period_to=dt.date(2027, 3, 13)),
        "recorded as issued or after": _others(parent, status=NoticeStatus.CONSIDERED),
        "a parent of the child": _others("no-such-adult"),
    }
    for message, notice in bad.items():
        with pytest.raises(StepRefused, match=message):
            service.record_others_notice(case_id, notice)
    service.record_others_notice(case_id, _others(parent))
    with pytest.raises(StepRefused, match="numbered OAK-2027-1 is already recorded"):
        service.record_others_notice(case_id, _others(parent))
    assert len([n for n in service.notices_for(case_id) if n.issuer]) == 1
