"""A child's attendance from the marks held in the profile, over the periods officers use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import Clock
from officer_app.domain.attendance import CodeTable, Mark, Summary, summarise
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.domain.attendance_patterns import (
    HeldMark,
    RegisterGrid,
    WeekdayPattern,
    WeekFigures,
    register_grid,
    weekday_pattern,
    weekly,
)
from officer_app.domain.school_year import school_year_start as school_year_start  # (re-exported)
from officer_app.store.database import Store
from officer_app.store.models import AttendanceMark, Case, Child
from officer_app.wording import short_date

CHOSEN_RANGE = "Chosen range"


@dataclass(frozen=True)
class Period:
    name: str
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class AttendanceView:
    """What the case window shows: each period's figures and the meaning of every code."""

    upn: str
    periods: tuple[tuple[Period, Summary], ...]
    meanings: dict[str, str]
    last_mark: dt.date | None


@dataclass(frozen=True)
class RangeView:
    """One chosen range: its summary, its weeks, its weekday pattern and its register grid."""

    period: Period
    summary: Summary
    weeks: tuple[WeekFigures, ...]
    weekdays: WeekdayPattern
    grid: RegisterGrid
    meanings: Mapping[str, str]  # every code of the range's by_code


@dataclass(frozen=True)
class CaseAttendance:
    """The Attendance tab's whole content, from one read of the child's marks.

    ``marks`` are kept (as read, in date order) so that another range is worked out from them
    with :meth:`AttendanceService.for_range`, without reading the profile again."""

    view: AttendanceView
    chosen: RangeView
    marks: tuple[HeldMark, ...]


def term_start(day: dt.date) -> dt.date:
    """The first day of the (three-term) English school term ``day`` falls in."""
    if day.month >= 9:
        return dt.date(day.year, 9, 1)  # autumn term
    if day.month >= 4:
        return dt.date(day.year, 4, 1)  # summer term (after the Easter holiday)
    return dt.date(day.year, 1, 1)  # spring term


def periods(today: dt.date) -> tuple[Period, ...]:
    yesterday = today - dt.timedelta(days=1)
    return (
        Period("This school year", school_year_start(today), yesterday),
        Period("This term", term_start(today), yesterday),
        Period("Last 6 weeks", today - dt.timedelta(weeks=6), yesterday),
    )


def default_range(today: dt.date) -> Period:
    """This school year up to yesterday (on 1 September: the school year just ended)."""
    yesterday = today - dt.timedelta(days=1)
    return Period(CHOSEN_RANGE, school_year_start(yesterday), yesterday)


class AttendanceService:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        codes: CodeTable | None = None,
        bands: tuple[Band, ...] = DEFAULT_BANDS,
    ) -> None:
        self._store = store
        self._clock = clock
        self._codes = codes
        self.bands = bands

    @property
    def codes(self) -> CodeTable:
        if self._codes is None:
            self._codes = shipped_codes()
        return self._codes

    def today(self) -> dt.date:
        return self._clock.today()

    def _read(self, case_id: str) -> tuple[str, tuple[HeldMark, ...]]:
        """The child's UPN and every mark held for the child, in date and session order."""

        def work(session: Session) -> tuple[str, tuple[HeldMark, ...]]:
            child_id = session.scalar(select(Case.child_id).where(Case.id == case_id))
            upn = session.scalar(select(Child.upn).where(Child.id == child_id)) or ""
            rows = session.execute(
                select(
                    AttendanceMark.date,
                    AttendanceMark.session,
                    AttendanceMark.code,
                    AttendanceMark.code_set,
                )
                .where(AttendanceMark.child_id == child_id)
                .order_by(AttendanceMark.date, AttendanceMark.session)
            ).all()
            return upn, tuple(HeldMark(d, s, c, cs) for d, s, c, cs in rows)

        return self._store.read(work)

    def _meanings(self, codes: Iterable[str]) -> dict[str, str]:
        meanings = {}
        for code in sorted(set(codes)):
            info = self.codes.lookup(code)
            meanings[code] = info.meaning if info else ""
        return meanings

    def _view(self, upn: str, marks: tuple[Mark, ...], extra: Period | None) -> AttendanceView:
        wanted = list(periods(self.today())) + ([extra] if extra else [])
        results = tuple(
            (period, summarise(marks, upn, period.first, period.last, codes=self.codes))
            for period in wanted
            if period.first <= period.last
        )
        return AttendanceView(
            upn=upn,
            periods=results,
            meanings=self._meanings(code for _p, s in results for code in s.by_code),
            last_mark=marks[-1].date if marks else None,
        )

    def for_case(self, case_id: str, extra: Period | None = None) -> AttendanceView:
        """The figures for the standard periods (and ``extra``), from the marks held."""
        upn, marks = self._read(case_id)
        return self._view(upn, marks, extra)

    def load(self, case_id: str, chosen: Period | None = None) -> CaseAttendance:
        """Everything the Attendance tab shows, ``chosen`` defaulting to this school year up
        to yesterday: one read of the profile, then the domain's functions."""
        upn, marks = self._read(case_id)
        period = chosen or default_range(self.today())
        return CaseAttendance(
            view=self._view(upn, marks, None),
            chosen=self._range(upn, marks, period),
            marks=marks,
        )

    def for_range(self, held: CaseAttendance, first: dt.date, last: dt.date) -> RangeView:
        """Another range over the marks already read (no database). A range that ends
        before it starts is a ValueError saying so."""
        return self._range(held.view.upn, held.marks, Period(CHOSEN_RANGE, first, last))

    def _range(self, upn: str, marks: tuple[Mark, ...], period: Period) -> RangeView:
        first, last = period.first, period.last
        if first > last:
            raise ValueError(
                f"The range ends ({short_date(last)}) before it starts ({short_date(first)})."
            )
        in_range = [m for m in marks if first <= m.date <= last]
        summary = summarise(in_range, upn, first, last, codes=self.codes)
        return RangeView(
            period=period,
            summary=summary,
            weeks=weekly(in_range, first, last, codes=self.codes),
            weekdays=weekday_pattern(in_range, first, last, codes=self.codes),
            grid=register_grid(in_range, first, last, codes=self.codes),
            meanings=self._meanings(summary.by_code),
        )
