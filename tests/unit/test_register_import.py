"""Importing a school's register into the profile: all or nothing, idempotent, history kept."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture(autouse=True)
def _a_week_later(demo_profile: OpenProfile) -> None:
    """The demo profile holds marks up to the day before its clock's today (Friday 20
    November 2026); these tests import the week after, so the clock moves on past it (a mark
    for a day still to come is refused)."""
    demo_profile.clock.advance(dt.timedelta(days=10))  # type: ignore[attr-defined]


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


def _oldest_child(profile: OpenProfile) -> tuple[str, dt.date]:
    row = profile.store.read(
        lambda s: s.execute(
            select(Child.upn, Child.date_of_birth)
            .where(Child.upn.is_not(None))
            .order_by(Child.date_of_birth)
            .limit(1)
        ).one()
    )
    return row[0], row[1]


@pytest.mark.parametrize(("offset", "ok"), [(-1, False), (0, True), (1, True)])
def test_a_mark_before_the_fourth_birthday_on_the_caseload_is_refused(
    demo_profile: OpenProfile, tmp_path: Path, offset: int, ok: bool
) -> None:
    from officer_app.attendance.register import fourth_birthday

    upn, born = _oldest_child(demo_profile)
    day = fourth_birthday(born) + dt.timedelta(days=offset)
    register = tmp_path / "early.csv"
    # the file gives no date of birth: the caseload's is the one that judges
    register.write_text(HEADER + f"{a_good(demo_profile, upn)},2026-11-23,AM,/,100001\n"
                        f"{upn},{day.isoformat()},AM,/,100001\n")  # fmt: skip
    before = _count(demo_profile, AttendanceMark)
    if ok:
        assert run(demo_profile, register).added == 2
        return
    with pytest.raises(RegisterRefused) as refused:
        run(demo_profile, register)
    assert [(e.line, e.column) for e in refused.value.errors] == [(3, "date")]
    message = str(refused.value.errors[0])
    assert "before the pupil's fourth birthday" in message
    assert str(born.year) not in message.split(":", 3)[-1]  # the date of birth is not repeated
    assert _count(demo_profile, AttendanceMark) == before


def a_good(profile: OpenProfile, other_than: str) -> str:
    return next(u for u in _upns(profile) if u != other_than)


def test_a_mark_after_today_by_the_profile_clock_is_refused(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    a, _ = _upns(demo_profile)
    today = demo_profile.clock.today()
    tomorrow = today + dt.timedelta(days=1)
    register = tmp_path / "ahead.csv"
    register.write_text(
        HEADER + f"{a},{today.isoformat()},AM,/,100001\n{a},{tomorrow.isoformat()},AM,/,100001\n"
        f"{a},{tomorrow.isoformat()},PM,#,100001\n"
    )
    before = _count(demo_profile, AttendanceMark)
    with pytest.raises(RegisterRefused) as refused:
        run(demo_profile, register)
    assert [(e.line, e.column) for e in refused.value.errors] == [(3, "date")]
    assert "after today" in refused.value.errors[0].message
    assert _count(demo_profile, AttendanceMark) == before
