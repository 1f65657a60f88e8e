"""Attendance registers: the code sets and the measures (domain.md, "Attendance registers";
shared/formats/attendance-register.md, "The summary").

Pure: no files, no database. The code table is data (``resources/attendance/codes.csv``); the
reading lives in :mod:`officer_app.attendance.codes` and hands the rows to :func:`load_codes`.

Officers go to court with these figures, so every count is exact: percentages are computed
with integers and rounded half up to one decimal place (12.25 gives 12.3), and the persistent
and severe absence flags compare the unrounded ratio.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

CATEGORIES = (
    "present",
    "approved_activity",
    "authorised",
    "unauthorised",
    "not_counted",
    "no_mark",
)
COUNTED = frozenset({"present", "approved_activity", "authorised", "unauthorised"})
CODE_SETS = ("2024", "2006")  # a code in both sets belongs to the current one
# The 2024 set applies to registers from 19 August 2024 (School Attendance (Pupil
# Registration) (England) Regulations 2024, SI 2024/208, reg 1 and Schedule); the 2006 set
# (Education (Pupil Registration) (England) Regulations 2006, SI 2006/1751) before that day.
CODES_2024_FROM = dt.date(2024, 8, 19)
SESSIONS = ("AM", "PM")
NO_MARK = "-"
CLOSURE = "#"
PENALTY_WEEKS = 10  # a rolling window of 10 school weeks
PENALTY_SESSIONS = 10  # 10 or more unauthorised sessions in it


class CodeTableError(ValueError):
    """The shipped code table is wrong: a programming or packaging error, not user input."""


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    meaning: str
    category: str
    counted_in_possible: bool
    code_set: str


@dataclass(frozen=True)
class CodeTable:
    """Both code sets; :meth:`lookup` resolves a code to the current set first, then 2006."""

    by_set: Mapping[str, Mapping[str, CodeInfo]]

    def lookup(self, code: str) -> CodeInfo | None:
        for code_set in CODE_SETS:
            info = self.by_set.get(code_set, {}).get(code)
            if info is not None:
                return info
        return None

    def codes(self) -> frozenset[str]:
        return frozenset(code for table in self.by_set.values() for code in table)

    def on(self, code: str, day: dt.date) -> CodeInfo | None:
        """``code`` as the set in force on ``day`` defines it; None if that set lacks it."""
        return self.by_set.get(code_set_on(day), {}).get(code)


def code_set_on(day: dt.date) -> str:
    """The code set in force for a register mark on ``day``: "2024" from 19 August 2024."""
    return "2024" if day >= CODES_2024_FROM else "2006"


def _flag(value: str, where: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"true", "yes", "1"}:
        return True
    if lowered in {"false", "no", "0"}:
        return False
    raise CodeTableError(f"{where}: counted_in_possible must be true or false, not {value!r}")


def load_codes(rows: Iterable[Mapping[str, str]]) -> CodeTable:
    """Build the table from rows with code, meaning, category, counted_in_possible, code_set.

    Checks the table against the rules it encodes: codes of one or two characters, a known
    category and code set, ``counted_in_possible`` exactly for the counted categories, no code
    twice in one set, and both sets present.
    """
    by_set: dict[str, dict[str, CodeInfo]] = {s: {} for s in CODE_SETS}
    for number, row in enumerate(rows, start=2):
        where = f"code table row {number}"
        try:
            code = row["code"].strip()
            meaning = row["meaning"].strip()
            category = row["category"].strip()
            counted = _flag(row["counted_in_possible"], where)
            code_set = row["code_set"].strip()
        except (KeyError, AttributeError) as exc:
            raise CodeTableError(f"{where}: missing column {exc}") from exc
        if not 1 <= len(code) <= 2:
            raise CodeTableError(f"{where}: a code has one or two characters, not {code!r}")
        if category not in CATEGORIES:
            raise CodeTableError(f"{where}: unknown category {category!r}")
        if code_set not in by_set:
            raise CodeTableError(f"{where}: unknown code set {code_set!r}")
        if counted != (category in COUNTED):
            raise CodeTableError(f"{where}: {code!r} is {category}: counted_in_possible wrong")
        if code in by_set[code_set]:
            raise CodeTableError(f"{where}: {code!r} twice in the {code_set} set")
        by_set[code_set][code] = CodeInfo(code, meaning, category, counted, code_set)
    for code_set, table in by_set.items():
        if not table:
            raise CodeTableError(f"the code table has no {code_set} codes")
    return CodeTable(MappingProxyType({k: MappingProxyType(v) for k, v in by_set.items()}))


@dataclass(frozen=True, slots=True)
class Mark:
    """One session's mark for one pupil: the code exactly as the register gave it."""

    date: dt.date
    session: str  # AM | PM
    code: str


@dataclass(frozen=True)
class PenaltyThreshold:
    met: bool
    max_unauthorised_in_window: int  # the largest count of any run
    # the count of the run window_from/window_to name: what may be stated with those dates
    unauthorised_in_window: int
    window_from: dt.date | None
    window_to: dt.date | None


@dataclass(frozen=True)
class Summary:
    upn: str
    first: dt.date
    last: dt.date
    possible: int
    present: int
    approved_activity: int
    authorised: int
    unauthorised: int
    not_counted: int
    attendance_pct: Decimal | None
    absence_pct: Decimal | None
    persistent_absence: bool
    severe_absence: bool
    by_code: Mapping[str, int]
    penalty_notice_threshold: PenaltyThreshold
    no_mark: int  # '-' marks: in by_code only, reported so a table can show the gaps

    def to_json(self) -> dict[str, Any]:
        """Exactly the JSON of the format document (field names and order)."""
        p = self.penalty_notice_threshold
        return {
            "upn": self.upn,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "possible": self.possible,
            "present": self.present,
            "approved_activity": self.approved_activity,
            "authorised": self.authorised,
            "unauthorised": self.unauthorised,
            "not_counted": self.not_counted,
            "attendance_pct": _json_pct(self.attendance_pct),
            "absence_pct": _json_pct(self.absence_pct),
            "persistent_absence": self.persistent_absence,
            "severe_absence": self.severe_absence,
            "by_code": dict(self.by_code),
            "penalty_notice_threshold": {
                "met": p.met,
                "max_unauthorised_in_window": p.max_unauthorised_in_window,
                "unauthorised_in_window": p.unauthorised_in_window,
                "window_from": p.window_from.isoformat() if p.window_from else None,
                "window_to": p.window_to.isoformat() if p.window_to else None,
            },
        }


def _json_pct(value: Decimal | None) -> float | None:
    # one decimal place already; float() of such a Decimal prints back the same digits
    return None if value is None else float(value)


def percentage(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in per cent, one decimal place, halves rounded up; None if no whole.

    Integer arithmetic throughout, so 49 of 400 (12.25%) gives exactly 12.3.
    """
    if whole <= 0:
        return None
    tenths = (part * 1000 * 2 + whole) // (2 * whole)  # floor(x + 1/2) with x = 1000*part/whole
    return Decimal(tenths).scaleb(-1)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def penalty_threshold(marks: Iterable[Mark], codes: CodeTable) -> PenaltyThreshold:
    """The penalty-notice threshold over ``marks`` (already limited to the date range).

    A school week is a Monday-to-Sunday week with at least one mark other than ``#``. Every
    run of 10 consecutive school weeks is considered (weeks without one are skipped, so a run
    may span holidays and school years); with fewer than 10 school weeks the run is all of
    them. The threshold is met when some run holds 10 or more unauthorised sessions.

    The window named is the earliest run that meets it (else the run with the largest
    count, earliest on a tie); ``unauthorised_in_window`` is that run's own count, which is
    what may be stated with its dates, and ``max_unauthorised_in_window`` the largest count
    of any run (attendance-register.md, "The summary"; issue 9 point 2).
    """
    school_weeks: set[dt.date] = set()
    unauthorised: Counter[dt.date] = Counter()
    for mark in marks:
        week = _monday(mark.date)
        if mark.code != CLOSURE:
            school_weeks.add(week)
        info = codes.lookup(mark.code)
        if info is not None and info.category == "unauthorised":
            unauthorised[week] += 1
    weeks = sorted(school_weeks)
    if not weeks:
        return PenaltyThreshold(False, 0, 0, None, None)
    span = min(PENALTY_WEEKS, len(weeks))
    best_count = -1
    best_start = 0
    met_start: int | None = None
    met_count = 0
    window = sum(unauthorised[w] for w in weeks[:span])
    for start in range(len(weeks) - span + 1):
        if start:
            window += unauthorised[weeks[start + span - 1]] - unauthorised[weeks[start - 1]]
        if window > best_count:
            best_count, best_start = window, start
        if met_start is None and window >= PENALTY_SESSIONS:
            met_start, met_count = start, window
    chosen, chosen_count = (best_start, best_count) if met_start is None else (met_start, met_count)
    return PenaltyThreshold(
        met=met_start is not None,
        max_unauthorised_in_window=best_count,
        unauthorised_in_window=chosen_count,
        window_from=weeks[chosen],
        window_to=weeks[chosen + span - 1] + dt.timedelta(days=6),
    )


def summarise(
    marks: Iterable[Mark], upn: str, first: dt.date, last: dt.date, *, codes: CodeTable
) -> Summary:
    """The summary of one pupil's ``marks`` from ``first`` to ``last``, both included.

    Marks outside the range are ignored; ``marks`` hold one mark per date and session (the
    register reader guarantees it). A code not in ``codes`` is a ValueError: readers reject
    unknown codes, so one here is a programming error.
    """
    if first > last:
        raise ValueError(f"the range ends ({last}) before it starts ({first})")
    in_range = [m for m in marks if first <= m.date <= last]
    by_category: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    for mark in in_range:
        info = codes.lookup(mark.code)
        if info is None:
            raise ValueError(f"unknown attendance code {mark.code!r} on {mark.date}")
        by_category[info.category] += 1
        by_code[mark.code] += 1
    present = by_category["present"]
    approved = by_category["approved_activity"]
    authorised = by_category["authorised"]
    unauthorised = by_category["unauthorised"]
    possible = present + approved + authorised + unauthorised
    absent = authorised + unauthorised
    return Summary(
        upn=upn,
        first=first,
        last=last,
        possible=possible,
        present=present,
        approved_activity=approved,
        authorised=authorised,
        unauthorised=unauthorised,
        not_counted=by_category["not_counted"],
        attendance_pct=percentage(present + approved, possible),
        absence_pct=percentage(absent, possible),
        # the unrounded ratio: 9.96% is not persistent absence even though it shows as 10.0
        persistent_absence=possible > 0 and absent * 10 >= possible,
        severe_absence=possible > 0 and absent * 2 >= possible,
        by_code=MappingProxyType(dict(sorted(by_code.items()))),
        penalty_notice_threshold=penalty_threshold(in_range, codes),
        no_mark=by_category["no_mark"],
    )
