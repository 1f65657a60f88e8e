"""The demo's cases move and close in the service's words (issue 11, the demo): stage entries
"Stage: X to Y - reason", and a closed case carries its closure code and both figures."""

from __future__ import annotations

from sqlalchemy import select

from officer_app.domain.closure import DEFAULT_CLOSURE_REASONS
from officer_app.domain.stages import moved_to
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Case, ChronologyEntry


def test_closed_demo_cases_carry_their_code_figures_and_signed_closure(
    demo_profile: OpenProfile,
) -> None:
    def read(session):  # type: ignore[no-untyped-def]
        cases = session.scalars(select(Case).where(Case.status == "closed")).all()
        return [
            (
                case,
                session.scalars(
                    select(ChronologyEntry).where(
                        ChronologyEntry.case_id == case.id, ChronologyEntry.entry_type == "closure"
                    )
                ).one(),
            )
            for case in cases
        ]

    closed = demo_profile.store.read(read)
    assert closed
    keys = {r.key for r in DEFAULT_CLOSURE_REASONS}
    for case, entry in closed:
        assert case.closure_code in keys and case.closure_reason
        assert case.attendance_before is not None and 0 <= case.attendance_before <= 100
        assert case.attendance_after is not None and 0 <= case.attendance_after <= 100
        assert moved_to(entry.title) is not None and entry.title.endswith(" to Closed")
        assert f"Closed - {case.closure_reason}" in entry.body
        assert f"Attendance before intervention: {case.attendance_before:.1f}%" in entry.body
        assert f"Attendance since the referral: {case.attendance_after:.1f}%" in entry.body


def test_demo_stage_changes_are_in_the_services_words(demo_profile: OpenProfile) -> None:
    titles = demo_profile.store.read(
        lambda s: s.scalars(
            select(ChronologyEntry.title).where(ChronologyEntry.entry_type == "stage_change")
        ).all()
    )
    assert titles and all(moved_to(title) is not None for title in titles)
