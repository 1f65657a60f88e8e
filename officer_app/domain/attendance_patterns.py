"""Patterns in a child's register over a date range: week by week, by weekday, session by session.

Pure: no files, no database, no Qt. Every function takes the child's marks (any order, one
mark per date and session, as the register reader guarantees) and the code table, keeps only
the marks from ``first`` to ``last`` (both included), and sorts each mark into a category by
the same rule as :func:`officer_app.domain.attendance.summarise` (``CodeTable.lookup``: the
2024 set first, then the 2006 set), so the figures here always add up to the summary's.

When does a weekday "stand out"? An officer looks for a pattern such as Monday and Friday
absence, so for each weekday, Monday to Friday, the absence rate of that weekday (authorised
and unauthorised absence over possible sessions on that weekday) is compared with the rate
of the other four weekdays taken together. The weekday stands out when both hold:

- its rate is at least 1.5 times the others' rate (a relative difference an officer would
  put to a parent), and
- it has at least 4 absent sessions (two whole days), so that one odd day is not a pattern.

The comparison needs possible sessions on the weekday and on the others; it is made in
integers (absent × 2 × others' possible ≥ 3 × others' absent × possible), never on rounded
percentages. Saturday and Sunday marks (rare) count in the weekly figures and the grid, not
in the weekday pattern.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from officer_app.domain.attendance import (
    NO_MARK,
    SESSIONS,
    CodeInfo,
    CodeTable,
    Mark,
    percentage,
)
from officer_app.wording import DAYS, short_date

WEEKDAY_NAMES = DAYS  # the one table of day names (officer_app/wording.py)
SCHOOL_DAYS = range(5)  # Monday to Friday: the weekday pattern
STAND_OUT_RATIO = (3, 2)  # at least 1.5 times the other weekdays' absence rate…
STAND_OUT_MIN_ABSENT = 4  # …and at least 4 absent sessions on that weekday
STAND_OUT_RULE = (
    "a weekday stands out when its absence rate is at least 1.5 times that of the other "
    "weekdays taken together and it has at least 4 absent sessions"
)


@dataclass(frozen=True, slots=True)
class HeldMark(Mark):
    """A mark with the code set it was held in (the store keeps it beside the code)."""

    code_set: str


def date_range(first: dt.date, last: dt.date) -> str:
    """How a range is written on every figure: 01/09/2026–19/11/2026."""
    return f"{short_date(first)}–{short_date(last)}"


def _in_range(marks: Iterable[Mark], first: dt.date, last: dt.date) -> list[Mark]:
    if first > last:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    return [m for m in marks if first <= m.date <= last]


def _info(mark: Mark, codes: CodeTable) -> CodeInfo:
    info = codes.lookup(mark.code)
    if info is None:
        raise ValueError(f"unknown attendance code {mark.code!r} on {mark.date}")
    return info


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


# --- week by week ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WeekFigures:
    """One Monday-to-Sunday week's marks inside the range (``first``..``last`` of that week)."""

    monday: dt.date
    first: dt.date  # the week's first day inside the range
    last: dt.date  # and its last
    attending: int  # present and approved activity: the bottom of the stack
    approved_activity: int  # of which approved activity
    authorised: int
    unauthorised: int
    not_counted: int
    no_mark: int  # '-' marks: gaps in the register, in no count

    @property
    def possible(self) -> int:
        return self.attending + self.authorised + self.unauthorised

    @property
    def sessions(self) -> int:
        """Every mark of the week, counted or not: the height of its bar."""
        return self.possible + self.not_counted + self.no_mark

    @property
    def attendance_pct(self) -> Decimal | None:
        return percentage(self.attending, self.possible)


def weekly(
    marks: Iterable[Mark], first: dt.date, last: dt.date, *, codes: CodeTable
) -> tuple[WeekFigures, ...]:
    """The figures of every week with a mark in the range, in date order."""
    by_week: dict[dt.date, Counter[str]] = {}
    for mark in _in_range(marks, first, last):
        counts = by_week.setdefault(monday_of(mark.date), Counter())
        counts[_info(mark, codes).category] += 1
    weeks = []
    for monday in sorted(by_week):
        c = by_week[monday]
        weeks.append(
            WeekFigures(
                monday=monday,
                first=max(monday, first),
                last=min(monday + dt.timedelta(days=6), last),
                attending=c["present"] + c["approved_activity"],
                approved_activity=c["approved_activity"],
                authorised=c["authorised"],
                unauthorised=c["unauthorised"],
                not_counted=c["not_counted"],
                no_mark=c["no_mark"],
            )
        )
    return tuple(weeks)


# --- by weekday -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class WeekdayFigures:
    weekday: int  # 0 = Monday … 4 = Friday
    possible: int
    authorised: int
    unauthorised: int
    stands_out: bool

    @property
    def name(self) -> str:
        return WEEKDAY_NAMES[self.weekday]

    @property
    def absent(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def absence_pct(self) -> Decimal | None:
        return percentage(self.absent, self.possible)


@dataclass(frozen=True)
class WeekdayPattern:
    first: dt.date
    last: dt.date
    days: tuple[WeekdayFigures, ...]  # Monday to Friday

    @property
    def standing_out(self) -> tuple[WeekdayFigures, ...]:
        return tuple(d for d in self.days if d.stands_out)

    @property
    def others_pct(self) -> Decimal | None:
        """The absence rate of the weekdays that do not stand out, taken together."""
        rest = [d for d in self.days if not d.stands_out]
        return percentage(sum(d.absent for d in rest), sum(d.possible for d in rest))

    @property
    def overall_pct(self) -> Decimal | None:
        """The absence rate of Monday to Friday together."""
        return percentage(sum(d.absent for d in self.days), sum(d.possible for d in self.days))

    def sentence(self) -> str:
        """The pattern in words, with its dates."""
        dates = date_range(self.first, self.last)
        if not any(d.possible for d in self.days):
            return f"No possible sessions on a weekday, {dates}: no pattern to show."
        out = self.standing_out
        if not out:
            return (
                f"No weekday stands out: {self.overall_pct}% absence across Monday to Friday, "
                f"{dates}."
            )
        names = _and([f"{d.name}s" for d in out])
        rates = _and([f"{d.absence_pct}%" for d in out])
        return (
            f"{names} stand out: {rates} absence against {self.others_pct}% on other days, {dates}."
        )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def stands_out(absent: int, possible: int, others_absent: int, others_possible: int) -> bool:
    """The rule of the module docstring, in integers."""
    if possible <= 0 or others_possible <= 0 or absent < STAND_OUT_MIN_ABSENT:
        return False
    times, over = STAND_OUT_RATIO
    return absent * over * others_possible >= times * others_absent * possible


def weekday_pattern(
    marks: Iterable[Mark], first: dt.date, last: dt.date, *, codes: CodeTable
) -> WeekdayPattern:
    """Possible sessions and absence for each weekday, Monday to Friday, and which stand out."""
    possible: Counter[int] = Counter()
    authorised: Counter[int] = Counter()
    unauthorised: Counter[int] = Counter()
    for mark in _in_range(marks, first, last):
        info = _info(mark, codes)
        day = mark.date.weekday()
        if day not in SCHOOL_DAYS or not info.counted_in_possible:
            continue
        possible[day] += 1
        if info.category == "authorised":
            authorised[day] += 1
        elif info.category == "unauthorised":
            unauthorised[day] += 1
    total_possible = sum(possible.values())
    total_absent = sum(authorised.values()) + sum(unauthorised.values())
    days = []
    for day in SCHOOL_DAYS:
        absent = authorised[day] + unauthorised[day]
        days.append(
            WeekdayFigures(
                weekday=day,
                possible=possible[day],
                authorised=authorised[day],
                unauthorised=unauthorised[day],
                stands_out=stands_out(
                    absent, possible[day], total_absent - absent, total_possible - possible[day]
                ),
            )
        )
    return WeekdayPattern(first, last, tuple(days))


# --- session by session ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GridCell:
    date: dt.date
    session: str
    code: str  # exactly as held
    category: str
    meaning: str
    code_set: str

    @property
    def is_gap(self) -> bool:
        return self.code == NO_MARK


@dataclass(frozen=True, slots=True)
class GridWeek:
    monday: dt.date
    cells: tuple[GridCell | None, ...]  # one per column of the grid; None: no mark held


@dataclass(frozen=True)
class RegisterGrid:
    first: dt.date
    last: dt.date
    columns: tuple[tuple[int, str], ...]  # (weekday, session): Mon AM … Fri PM, Sat/Sun if used
    weeks: tuple[GridWeek, ...]  # every week with a mark in the range, in date order

    def cells(self) -> Iterator[GridCell]:
        for week in self.weeks:
            yield from (cell for cell in week.cells if cell is not None)

    def day_of(self, row: int, column: int) -> dt.date:
        return self.weeks[row].monday + dt.timedelta(days=self.columns[column][0])


def _held_info(mark: Mark, codes: CodeTable) -> tuple[CodeInfo, CodeInfo]:
    """(the info that decides the category, the info of the set the mark was held in)."""
    info = _info(mark, codes)
    if isinstance(mark, HeldMark):
        held = codes.by_set.get(mark.code_set, {}).get(mark.code)
        if held is not None:
            return info, held
    return info, info


def register_grid(
    marks: Iterable[Mark], first: dt.date, last: dt.date, *, codes: CodeTable
) -> RegisterGrid:
    """The register as weeks by sessions: each mark in the range in exactly one cell.

    Saturday or Sunday columns appear only when the range holds a mark on that day. Two marks
    for one date and session are a ValueError (the register reader never gives them), so no
    mark is ever dropped silently.
    """
    in_range = _in_range(marks, first, last)
    weekend = {m.date.weekday() for m in in_range if m.date.weekday() >= 5}
    columns = tuple(
        (day, session) for day in range(7) if day < 5 or day in weekend for session in SESSIONS
    )
    where = {slot: n for n, slot in enumerate(columns)}
    rows: dict[dt.date, list[GridCell | None]] = {}
    for mark in in_range:
        column = where.get((mark.date.weekday(), mark.session))
        if column is None:
            raise ValueError(f"session {mark.session!r} on {mark.date} is not AM or PM")
        cells = rows.setdefault(monday_of(mark.date), [None] * len(columns))
        if cells[column] is not None:
            raise ValueError(f"two marks for {mark.date} {mark.session}")
        info, held = _held_info(mark, codes)
        cells[column] = GridCell(
            mark.date, mark.session, mark.code, info.category, held.meaning, held.code_set
        )
    weeks = tuple(GridWeek(monday, tuple(rows[monday])) for monday in sorted(rows))
    return RegisterGrid(first, last, columns, weeks)
