"""The per-child totals behind the caseload's LA band: always what the marks say."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import select

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import Mark, summarise
from officer_app.domain.attendance_bands import Band
from officer_app.services.caseload import CaseloadService
from officer_app.services.profile import OpenProfile
from officer_app.services.register_import import import_register
from officer_app.store.models import AttendanceMark, Case, Child, ChildAttendanceYear

YEAR_START = dt.date(2026, 9, 1)


def _marks(profile: OpenProfile, child_id: str) -> list[Mark]:
    return profile.store.read(
        lambda s: [
            Mark(d, ses, c)
            for d, ses, c in s.execute(
                select(AttendanceMark.date, AttendanceMark.session, AttendanceMark.code).where(
                    AttendanceMark.child_id == child_id
                )
            )
        ]
    )


def _totals(profile: OpenProfile) -> dict[tuple[str, int], ChildAttendanceYear]:
    return profile.store.read(
        lambda s: {(t.child_id, t.school_year): t for t in s.scalars(select(ChildAttendanceYear))}
    )


def test_the_kept_totals_equal_the_summary_of_the_marks(demo_profile: OpenProfile) -> None:
    codes = shipped_codes()
    totals = _totals(demo_profile)
    children = demo_profile.store.read(lambda s: list(s.scalars(select(Child.id))))
    assert totals, "the demo caseload keeps totals"
    for child_id in children:
        marks = _marks(demo_profile, child_id)
        for year in {(m.date.year if m.date.month >= 9 else m.date.year - 1) for m in marks}:
            first, last = dt.date(year, 9, 1), dt.date(year + 1, 8, 31)
            s = summarise(marks, "", first, last, codes=codes)
            kept = totals[(child_id, year)]
            assert (kept.possible, kept.attending, kept.authorised, kept.unauthorised) == (
                s.possible,
                s.present + s.approved_activity,
                s.authorised,
                s.unauthorised,
            )
            in_year = [m.date for m in marks if first <= m.date <= last]
            assert (kept.first_mark, kept.last_mark) == (min(in_year), max(in_year))


def test_an_import_keeps_the_totals_and_the_caseload_band_in_step(
    demo_profile: OpenProfile, tmp_path: Path
) -> None:
    child_id, upn = demo_profile.store.read(
        lambda s: s.execute(
            select(Child.id, Child.upn)
            .join(ChildAttendanceYear, ChildAttendanceYear.child_id == Child.id)
            .where(ChildAttendanceYear.school_year == 2026, ChildAttendanceYear.possible > 50)
            .limit(1)
        ).one()
    )
    case_id = demo_profile.store.read(
        lambda s: s.scalar(select(Case.id).where(Case.child_id == child_id))
    )
    totals_before = _totals(demo_profile)
    before = totals_before[(child_id, 2026)]
    # the school sends a week the profile did not hold: every session unauthorised (O)
    days = [dt.date(2026, 11, 23) + dt.timedelta(days=n) for n in range(5)]
    register = tmp_path / "week.csv"
    register.write_text(
        "upn,date,session,code\n"
        + "".join(f"{upn},{d.isoformat()},{s},O\n" for d in days for s in ("AM", "PM")),
        "utf-8",
    )
    demo_profile.clock.advance(dt.timedelta(days=10))  # type: ignore[attr-defined]  # past that week
    job = import_register(demo_profile.store, register, demo_profile.clock, demo_profile.officer.id)
    for _step in job:
        pass
    totals_after = _totals(demo_profile)
    after = totals_after[(child_id, 2026)]
    # the school year imported into is recounted; the year before is still counted right
    last_year = {k: v for k, v in totals_before.items() if k[1] == 2025}
    assert last_year and all(
        (totals_after[k].possible, totals_after[k].attending, totals_after[k].last_mark)
        == (v.possible, v.attending, v.last_mark)
        for k, v in last_year.items()
    )
    assert after.possible == before.possible + 10
    assert after.unauthorised == before.unauthorised + 10
    assert after.attending == before.attending
    assert after.last_mark == days[-1]

    rows = {r.case_id: r for r in demo_profile.caseload.list_cases()}
    shown = rows[case_id].attendance
    assert shown is not None and shown.first == after.first_mark and shown.last == days[-1]
    exact = Decimal(after.attending * 100) / after.possible
    assert shown.pct == exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def test_the_caseload_uses_the_las_own_bands(demo_profile: OpenProfile) -> None:
    bands = (Band(Decimal("99.9"), "Anything short of perfect", ("Ring home",)),)
    service = CaseloadService(demo_profile.store, demo_profile.clock, bands=bands)
    rows = [r for r in service.list_cases() if r.attendance and r.attendance.pct is not None]
    assert rows
    below = [r for r in rows if r.attendance and r.attendance.pct <= Decimal("99.9")]  # type: ignore[operator]
    assert below and all(r.attendance and r.attendance.band == bands[0].name for r in below)
    assert all(r.attendance and r.attendance.band_rank == 0 for r in below)
    assert all(r.attendance and r.attendance.actions == ("Ring home",) for r in below)
