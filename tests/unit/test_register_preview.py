"""The register import asks first (issue 11 point 9): the preview changes nothing and says
exactly what the import then does, including whose penalty-notice evidence would move."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from officer_app.services.profile import OpenProfile
from officer_app.services.register_import import (
    CheckedRegister,
    PreviewOutdated,
    check_register,
    import_checked,
)
from officer_app.services.register_preview import ImportPreview, preview_import
from officer_app.store.models import AttendanceMark, AuditEvent, Case, Child

HEADER = "upn,date,session,code,school_urn\n"
STRANGER = "Q801200110001"  # a valid UPN of a pupil not on this caseload
UNAUTHORISED = {"G", "N", "O", "U"}


def _checked(profile: OpenProfile, path: Path) -> CheckedRegister:
    job = check_register(path, profile.clock)
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def _marks(profile: OpenProfile) -> list[tuple[str, str, str, str]]:
    return profile.store.read(
        lambda s: sorted(
            (str(m.child_id), m.date.isoformat(), m.session, m.code)
            for m in s.scalars(select(AttendanceMark))
        )
    )


def _a_notice_mark(profile: OpenProfile) -> tuple[str, str, dt.date, str, str]:
    """(case reference, UPN, date, session, code) of a mark held inside the evidence period
    of a penalty notice being considered (the officer considers one on a demo case)."""
    from tests.unit.test_penalty_notice_service import a_case_with_parents

    case_id, parents = a_case_with_parents(profile)
    today = profile.clock.today()
    profile.penalty_notices.consider(
        case_id, parents[:1], today - dt.timedelta(days=60), today - dt.timedelta(days=1)
    )

    def find(s):  # type: ignore[no-untyped-def]
        reference, upn, child_id = s.execute(
            select(Case.reference, Child.upn, Child.id)
            .join(Child, Child.id == Case.child_id)
            .where(Case.id == case_id)
        ).one()
        mark = s.scalars(
            select(AttendanceMark)
            .where(
                AttendanceMark.child_id == child_id,
                AttendanceMark.date >= today - dt.timedelta(days=30),
                AttendanceMark.code.in_(("/", "\\", "N", "O")),
            )
            .limit(1)
        ).one()
        return reference, upn, mark.date, mark.session, mark.code

    return profile.store.read(find)  # type: ignore[no-any-return]


def _held_upns(profile: OpenProfile) -> list[str]:
    return profile.store.read(
        lambda s: list(s.scalars(select(Child.upn).where(Child.upn.is_not(None)).limit(2)))
    )


def test_the_preview_changes_nothing_and_says_what_the_import_does(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    reference, upn, day, session, code = _a_notice_mark(demo_profile)
    other = next(u for u in _held_upns(demo_profile) if u != upn)
    new_code = "I" if code in UNAUTHORISED else "O"
    yesterday = demo_profile.clock.today() - dt.timedelta(days=1)
    held_other = demo_profile.store.read(
        lambda s: s.scalars(
            select(AttendanceMark)
            .join(Child, Child.id == AttendanceMark.child_id)
            .where(Child.upn == other, AttendanceMark.date < yesterday)
            .order_by(AttendanceMark.date.desc())
            .limit(1)
        ).one()
    )
    rows = [
        f"{upn},{day.isoformat()},{session},{new_code},100001",  # replaces a mark held
        f"{other},{held_other.date.isoformat()},{held_other.session},{held_other.code},100001",
        f"{STRANGER},{day.isoformat()},AM,/,100001",
    ]
    register = tmp_path / "corrections.csv"
    register.write_text(HEADER + "\n".join(rows) + "\n", "utf-8")
    before = _marks(demo_profile)
    audits = demo_profile.store.read(lambda s: s.scalar(select(func.count(AuditEvent.seq))))

    checked = _checked(demo_profile, register)
    preview = preview_import(demo_profile.store, checked)

    assert _marks(demo_profile) == before  # nothing changed
    assert demo_profile.store.read(lambda s: s.scalar(select(func.count(AuditEvent.seq)))) == audits
    assert (preview.added, preview.replaced, preview.unchanged) == (0, 1, 1)
    assert (preview.pupils_matched, preview.pupils_not_on_caseload) == (2, 1)
    assert preview.replaces_held and preview.children_replaced == 1
    moved = [n for n in preview.notices if n.case_reference == reference]
    assert moved and moved[0].replaced == 1
    expected = (new_code in UNAUTHORISED) - (code in UNAUTHORISED)
    assert moved[0].unauthorised_change == expected
    text = "\n".join(preview.lines())
    assert "Marks replaced (the mark held differs): 1, for 1 child" in text
    assert reference in text and "Penalty-notice evidence that would move" in text

    result = import_checked(
        demo_profile.store, checked, demo_profile.clock, demo_profile.officer.id, expect=preview
    )
    assert (result.added, result.changed, result.unchanged) == (
        preview.added,
        preview.replaced,
        preview.unchanged,
    )
    after = _marks(demo_profile)
    assert len(after) == len(before) and after != before


def test_new_marks_only_replace_nothing(demo_profile: OpenProfile, tmp_path: Path) -> None:
    demo_profile.clock.advance(dt.timedelta(days=10))  # type: ignore[attr-defined]
    (a, _b) = _held_upns(demo_profile)
    register = tmp_path / "week.csv"
    register.write_text(HEADER + f"{a},2026-11-23,AM,/,100001\n{a},2026-11-23,PM,N,100001\n")
    preview = preview_import(demo_profile.store, _checked(demo_profile, register))
    assert (preview.added, preview.replaced, preview.unchanged) == (2, 0, 0)
    assert not preview.replaces_held and preview.notices == ()


def test_the_import_refuses_when_the_marks_changed_after_the_preview(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    demo_profile.clock.advance(dt.timedelta(days=10))  # type: ignore[attr-defined]
    (a, _b) = _held_upns(demo_profile)
    first = tmp_path / "first.csv"
    first.write_text(HEADER + f"{a},2026-11-23,AM,N,100001\n")
    second = tmp_path / "second.csv"
    second.write_text(HEADER + f"{a},2026-11-23,AM,I,100001\n")
    checked = _checked(demo_profile, second)
    preview: ImportPreview = preview_import(demo_profile.store, checked)
    assert preview.added == 1
    import_checked(  # meanwhile another import holds a mark for that session
        demo_profile.store, _checked(demo_profile, first), demo_profile.clock, "x"
    )
    held = _marks(demo_profile)
    with pytest.raises(PreviewOutdated, match="changed after the preview"):
        import_checked(
            demo_profile.store, checked, demo_profile.clock, demo_profile.officer.id, expect=preview
        )
    assert _marks(demo_profile) == held
