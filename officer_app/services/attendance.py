"""A child's attendance from the marks held in the profile, over the periods officers use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_app.attendance.codes import shipped_codes
from officer_app.clock import Clock
from officer_app.domain.attendance import CodeTable, Mark, Summary, summarise
from officer_app.domain.attendance_bands import DEFAULT_BANDS, Band
from officer_app.store.database import Store
from officer_app.store.models import AttendanceMark, Case, Child


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


def school_year_start(day: dt.date) -> dt.date:
    """1 September of the school year ``day`` falls in."""
    return dt.date(day.year if day.month >= 9 else day.year - 1, 9, 1)


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

    def for_case(self, case_id: str, extra: Period | None = None) -> AttendanceView:
        """The figures for the standard periods (and ``extra``), from the marks held."""
        today = self._clock.today()

        def read() -> tuple[str, list[Mark]]:
            def work(session: Session) -> tuple[str, list[Mark]]:
                child_id = session.scalar(select(Case.child_id).where(Case.id == case_id))
                upn = session.scalar(select(Child.upn).where(Child.id == child_id)) or ""
                rows = session.execute(
                    select(AttendanceMark.date, AttendanceMark.session, AttendanceMark.code)
                    .where(AttendanceMark.child_id == child_id)
                    .order_by(AttendanceMark.date, AttendanceMark.session)
                ).all()
                return upn, [Mark(d, s, c) for d, s, c in rows]

            return self._store.read(work)

        upn, marks = read()
        wanted = list(periods(today)) + ([extra] if extra else [])
        results = tuple(
            (period, summarise(marks, upn, period.first, period.last, codes=self.codes))
            for period in wanted
            if period.first <= period.last
        )
        used = {code for _p, s in results for code in s.by_code}
        meanings = {}
        for code in sorted(used):
            info = self.codes.lookup(code)
            meanings[code] = info.meaning if info else ""
        return AttendanceView(
            upn=upn,
            periods=results,
            meanings=meanings,
            last_mark=marks[-1].date if marks else None,
        )
