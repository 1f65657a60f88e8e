"""Importing a school's register into the profile: all or nothing, idempotent, history kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from officer_app.progress import Progress
from officer_app.services.profile import OpenProfile
from officer_app.services.register_import import ImportResult, RegisterRefused, import_register
from officer_app.store.models import AttendanceMark, Child, ChronologyEntry, OutboxMutation

HEADER = "upn,date,session,code,school_urn\n"
STRANGER = "Q801200110001"  # a valid UPN of a pupil not on this caseload


def run(profile: OpenProfile, path: Path) -> ImportResult:
    job = import_register(profile.store, path, profile.clock, profile.officer.id)
    steps = []
    while True:
        try:
            steps.append(next(job))
        except StopIteration as done:
            assert all(isinstance(s, Progress) for s in steps) and steps
            return done.value


def _upns(profile: OpenProfile) -> list[str]:
    return profile.store.read(
        lambda s: list(s.scalars(select(Child.upn).where(Child.upn.is_not(None)).limit(2)))
    )


def _count(profile: OpenProfile, model) -> int:  # type: ignore[no-untyped-def]
    return profile.store.read(lambda s: s.scalar(select(func.count()).select_from(model)))


def test_import_adds_is_idempotent_and_keeps_corrections(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    a, b = _upns(demo_profile)
    register = tmp_path / "oakfield-week.csv"
    rows = [
        f"{a},2026-11-23,AM,/,100001",
        f"{a},2026-11-23,PM,N,100001",
        f"{b},2026-11-23,AM,I,100001",
        f"{STRANGER},2026-11-23,AM,/,100001",
    ]
    register.write_text(HEADER + "\n".join(rows) + "\n")
    marks_before = _count(demo_profile, AttendanceMark)
    first = run(demo_profile, register)
    assert (first.added, first.changed, first.unchanged) == (3, 0, 0)
    assert (first.pupils_matched, first.pupils_not_on_caseload) == (2, 1)
    assert _count(demo_profile, AttendanceMark) == marks_before + 3  # the stranger left out
    outbox = _count(demo_profile, OutboxMutation)

    again = run(demo_profile, register)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    assert _count(demo_profile, AttendanceMark) == marks_before + 3
    assert _count(demo_profile, OutboxMutation) == outbox  # nothing changed, nothing to send

    rows[1] = f"{a},2026-11-23,PM,I,100001"  # the school corrected N to I
    register.write_text(HEADER + "\n".join(rows) + "\n")
    fixed = run(demo_profile, register)
    assert (fixed.added, fixed.changed, fixed.unchanged) == (0, 1, 2)
    code = demo_profile.store.read(
        lambda s: s.scalar(
            select(AttendanceMark.code)
            .join(Child, Child.id == AttendanceMark.child_id)
            .where(Child.upn == a, AttendanceMark.session == "PM")
            .order_by(AttendanceMark.date.desc())
            .limit(1)
        )
    )
    assert code == "I"
    history = demo_profile.store.read(
        lambda s: list(
            s.scalars(
                select(ChronologyEntry.body).where(
                    ChronologyEntry.title == "Register corrected by the school"
                )
            )
        )
    )
    assert history == ["Import of oakfield-week.csv: 23/11/2026 PM N → I"]


def test_a_bad_file_imports_nothing_and_lists_every_error(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    a, _ = _upns(demo_profile)
    register = tmp_path / "bad.csv"
    register.write_text(
        HEADER + f"{a},2026-11-23,AM,/,100001\n{a},2026-11-31,AM,/,100001\n"
        f"{a},2026-11-24,XX,/,100001\n"
    )
    before = _count(demo_profile, AttendanceMark)
    with pytest.raises(RegisterRefused) as refused:
        run(demo_profile, register)
    assert [e.line for e in refused.value.errors] == [3, 4]
    assert _count(demo_profile, AttendanceMark) == before


def test_imported_marks_have_unique_version_4_ids(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    import uuid

    a, b = _upns(demo_profile)
    days = ("2026-11-23", "2026-11-24", "2026-11-25")
    for name, upn in (("one.csv", a), ("two.csv", b)):
        register = tmp_path / name
        register.write_text(
            HEADER + "".join(f"{upn},{d},{s},/,100001\n" for d in days for s in ("AM", "PM")),
            "utf-8",
        )
        run(demo_profile, register)
    ids = demo_profile.store.read(
        lambda s: list(
            s.scalars(select(AttendanceMark.id).where(AttendanceMark.date >= "2026-11-23"))
        )
    )
    assert len(ids) == len(set(ids)) == 12
    assert all(uuid.UUID(i).version == 4 and str(uuid.UUID(i)) == i for i in ids)
