"""The demo children's registers: AM and PM marks on every register day, in one of a few
realistic patterns, with running totals for the figures as at any date."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from officer_app.demo.common import (
    NOT_POSSIBLE,
    PRESENT,
    UNAUTHORISED,
    ordered_id,
    seeded,
    weighted,
)
from officer_app.demo.families import ChildPlan
from officer_app.domain.attendance import code_set_on
from officer_app.domain.school_year import school_year_start

CODES_2006 = {"C2": "C"}  # registers before 19 August 2024 had no reduced-timetable code


# ----------------------------------------------------------------------------- registers
@dataclass
class Register:
    """A child's marks in order, with running totals for figures as at any date."""

    marks: list[tuple[dt.date, str, str, str]]  # (date, AM|PM, code, school URN)
    dates: list[dt.date] = field(init=False)
    possible: list[int] = field(init=False)
    present: list[int] = field(init=False)
    unauthorised: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.dates = [m[0] for m in self.marks]
        possible, present, unauth = [0], [0], [0]
        p = a = u = 0
        for _, _, code, _ in self.marks:
            if code not in NOT_POSSIBLE:
                p += 1
                if code in PRESENT:
                    a += 1
                elif code in UNAUTHORISED:
                    u += 1
            possible.append(p)
            present.append(a)
            unauth.append(u)
        self.possible, self.present, self.unauthorised = possible, present, unauth

    def figures(self, before: dt.date) -> tuple[dt.date, int, int, int]:
        """(since, sessions possible, present, unauthorised) from the start of the school
        year of ``before`` (or of the one before, early in the year) up to ``before``."""
        end = bisect.bisect_left(self.dates, before)
        since = school_year_start(before)
        lo = bisect.bisect_left(self.dates, since)
        if self.possible[end] - self.possible[lo] < 30:
            since = dt.date(since.year - 1, 9, 1)
            lo = bisect.bisect_left(self.dates, since)
        return (
            since,
            self.possible[end] - self.possible[lo],
            self.present[end] - self.present[lo],
            self.unauthorised[end] - self.unauthorised[lo],
        )


PATTERNS: tuple[tuple[str, float], ...] = (
    ("steady", 0.14),
    ("declining", 0.20),
    ("persistent", 0.26),
    ("severe", 0.10),
    ("monday_friday", 0.15),
    ("improving", 0.15),
)


def register_for(
    seed: int,
    child: ChildPlan,
    days: Sequence[tuple[dt.date, bool]],
    current_start: dt.date,
    referral: dt.date,
) -> Register:
    """The child's AM and PM marks on every register day."""
    rng = seeded(seed, "marks", child.index)
    pattern: str = weighted(rng, PATTERNS)
    if pattern == "steady":
        base_from = base_to = rng.uniform(0.02, 0.05)
    elif pattern == "declining":
        base_from, base_to = rng.uniform(0.02, 0.06), rng.uniform(0.22, 0.42)
    elif pattern == "persistent":
        base_from = base_to = rng.uniform(0.09, 0.14)
    elif pattern == "severe":
        base_from = base_to = rng.uniform(0.5, 0.72)
    elif pattern == "monday_friday":
        base_from = base_to = rng.uniform(0.03, 0.06)
    else:  # improving after the referral
        base_from, base_to = rng.uniform(0.18, 0.3), rng.uniform(0.04, 0.08)
    monday_friday = rng.uniform(0.3, 0.5) if pattern == "monday_friday" else 0.0
    authorised_share = rng.uniform(0.1, 0.3) if pattern == "severe" else rng.uniform(0.25, 0.6)
    late_rate = rng.choice((0.0, 0.01, 0.02, 0.05, 0.1, 0.15))
    first = 0
    if child.previous_school is None:
        first = bisect.bisect_left(days, (current_start, False))
    own_days = days[first:]
    count = len(own_days)
    codes: list[list[str]] = [["", ""] for _ in range(count)]

    def block(length: int, code: str, session: int | None = None) -> None:
        if count <= length:
            return
        at = rng.randrange(count - length)
        for n in range(at, at + length):
            if session is None:
                codes[n][0] = codes[n][1] = code
            else:
                codes[n][session] = code

    if rng.random() < 0.15:
        block(rng.randint(5, 10), "G")  # a holiday in term time
    if child.gypsy_roma_traveller and rng.random() < 0.5:
        block(rng.randint(8, 20), "T")
    if child.sen == "ehcp" and rng.random() < 0.3:
        block(rng.randint(15, 40), "C2", 1)  # a reduced timetable: mornings only
    if child.year >= 7 and rng.random() < 0.08:
        block(rng.randint(1, 3), "E")
    recent = max(0, count - 8)  # unexplained absences of the last days are still N
    illness = 0
    referral_at = bisect.bisect_left(own_days, (referral, False))
    for n, (day, inset) in enumerate(own_days):
        am_pm = codes[n]
        if inset:
            am_pm[0] = am_pm[1] = "#"
            continue
        if am_pm[0] and am_pm[1]:
            continue
        if illness > 0:
            illness -= 1
            am_pm[0] = am_pm[0] or "I"
            am_pm[1] = am_pm[1] or "I"
            continue
        if rng.random() < 0.01:
            illness = rng.randint(1, 3)
            am_pm[0] = am_pm[0] or "I"
            am_pm[1] = am_pm[1] or "I"
            continue
        if pattern == "improving":
            rate = base_from if n < referral_at else base_to
        else:
            rate = base_from + (base_to - base_from) * n / count
        if monday_friday and day.weekday() in (0, 4):
            rate += monday_friday
        roll = rng.random()
        if roll < rate:
            if rng.random() < authorised_share:
                code = "I" if rng.random() < 0.85 else "M"
            else:
                code = "N" if n >= recent else "O"  # older N were followed up
            if rng.random() < 0.12:  # half a day
                am_pm[0] = am_pm[0] or "/"
                am_pm[1] = am_pm[1] or code
            else:
                am_pm[0] = am_pm[0] or code
                am_pm[1] = am_pm[1] or code
            continue
        if not am_pm[0]:
            late = rng.random()
            if late < late_rate:
                am_pm[0] = "U" if rng.random() < 0.15 else "L"
            elif late < late_rate + 0.01:
                am_pm[0] = "M"
            else:
                am_pm[0] = "/"
        if not am_pm[1]:
            am_pm[1] = "V" if rng.random() < 0.004 else "\\"
    marks: list[tuple[dt.date, str, str, str]] = []
    previous_urn = (child.previous_school or child.school).urn
    for (day, _), (am, pm) in zip(own_days, codes, strict=True):
        urn = child.school.urn if day >= current_start else previous_urn
        marks.append((day, "AM", am, urn))
        marks.append((day, "PM", pm, urn))
    return Register(marks)


def mark_rows(prefix: int, child: ChildPlan, register: Register) -> list[dict[str, Any]]:
    child_id = child.id
    index = child.index
    rows = []
    for seq, (day, session, code, urn) in enumerate(register.marks):
        code_set = code_set_on(day)
        if code_set == "2006":
            code = CODES_2006.get(code, code)
        rows.append(
            {
                "id": ordered_id(prefix, index, 1, seq),
                "child_id": child_id,
                "date": day,
                "session": session,
                "code": code,
                "code_set": code_set,
                "school_urn": urn,
                "source_import": "demo",
            }
        )
    return rows
