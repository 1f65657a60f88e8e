"""The Attendance tab's benchmarks, on the pupil with the most register marks.

Run with the others by ``make bench``, or alone (the profile is built once, as for the
others): ``QT_QPA_PLATFORM=offscreen python -m bench.attendance_bench``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select

from officer_app.domain.attendance_patterns import HeldMark
from officer_app.gui.application import application
from officer_app.gui.attendance_panel import AttendancePanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.store.models import AttendanceMark, Case

TODAY_LONG = dt.date(2026, 7, 17)  # the end of a school year
PANEL_SIZE = (1048, 320)  # the Attendance tab's viewport in a 1366x768 window


def busiest_case(opened: Any) -> tuple[str, int]:
    """The case whose child has the most marks held, and how many."""

    def work(session: Any) -> tuple[str, int]:
        counts = (
            select(AttendanceMark.child_id, func.count().label("n"))
            .group_by(AttendanceMark.child_id)
            .subquery()
        )
        row = session.execute(
            select(Case.id, counts.c.n)
            .join(counts, counts.c.child_id == Case.child_id)
            .order_by(counts.c.n.desc())
            .limit(1)
        ).one()
        return str(row[0]), int(row[1])

    result: tuple[str, int] = opened.store.read(work)
    return result


def long_register(first: dt.date, last: dt.date) -> tuple[HeldMark, ...]:
    """Every weekday of term (not August) from ``first`` to ``last``: mostly present, with
    Monday absences and some illness, as a long-running case would hold."""
    marks = []
    day = first
    while day <= last:
        if day.weekday() < 5 and day.month != 8:
            n = day.toordinal()
            am, pm = "/", "\\"
            if day.weekday() == 0 and n % 3 == 0:
                am = pm = "O"
            elif n % 17 == 0:
                am = pm = "I"
            marks += [HeldMark(day, "AM", am, "2024"), HeldMark(day, "PM", pm, "2024")]
        day += dt.timedelta(days=1)
    return tuple(marks)


def _paint_once(opened: Any, case_id: str, runner: TaskRunner) -> float:
    """ms from load() to every part of the panel painted (the scrolled-off parts too)."""
    panel = AttendancePanel(case_id, lambda: opened.attendance, runner)
    panel.resize(*PANEL_SIZE)
    panel.show()
    QCoreApplication.processEvents()
    started = time.perf_counter()
    panel.load()
    deadline = started + 10
    while panel.held is None and time.perf_counter() < deadline:
        runner.wait_idle(5)
    if panel.held is None:
        raise SystemExit("the attendance panel did not load")
    QCoreApplication.processEvents()  # layout after the new content
    panel.scroller.widget().grab()  # paints the whole content, not only the viewport
    elapsed = (time.perf_counter() - started) * 1000
    panel.close()
    panel.deleteLater()
    QCoreApplication.processEvents()
    return elapsed


def run_attendance_benchmarks(
    opened: Any, median_ms: Callable[..., float], Result: Any
) -> list[Any]:
    application()
    case_id, marks = busiest_case(opened)
    service = opened.attendance
    held = service.load(case_id)
    years = len({m.date.year for m in held.marks})
    results = []
    ms = median_ms(lambda: service.for_case(case_id), repeat=21)
    results.append(
        Result(
            f"a pupil's attendance summary, 3 periods ({marks} marks, service)",
            ms,
            "ms",
            "< 20",
            ms < 20,
        )
    )
    ms = median_ms(lambda: service.load(case_id), repeat=21)
    results.append(
        Result("  the whole Attendance tab's content, one read (service)", ms, "ms", "", None)
    )
    first = min(m.date for m in held.marks)
    last = max(m.date for m in held.marks)
    ms = median_ms(lambda: service.for_range(held, first, last), repeat=11)
    results.append(
        Result(
            f"  a chosen range of every mark ({years} calendar years, no read)",
            ms,
            "ms",
            "",
            None,
        )
    )
    long = dataclasses.replace(held, marks=long_register(dt.date(2021, 9, 1), TODAY_LONG))
    ms = median_ms(lambda: service.for_range(long, dt.date(2021, 9, 1), TODAY_LONG), repeat=11)
    results.append(
        Result(
            f"  a chosen range of 5 school years ({len(long.marks)} marks, synthetic, no read)",
            ms,
            "ms",
            "",
            None,
        )
    )
    runner = TaskRunner()
    for _ in range(2):
        _paint_once(opened, case_id, runner)  # warm-up: fonts, styles, first queries
    ms = statistics.median(_paint_once(opened, case_id, runner) for _ in range(11))
    results.append(Result("attendance panel, load() to fully painted", ms, "ms", "< 100", ms < 100))
    chosen = service.for_range(long, dt.date(2021, 9, 1), TODAY_LONG)
    panel = AttendancePanel(case_id, lambda: service, runner)
    panel.resize(*PANEL_SIZE)
    panel.show()
    panel.load()
    while panel.held is None:
        runner.wait_idle(5)

    def show_long() -> None:
        panel._show_chosen(chosen)
        QCoreApplication.processEvents()
        panel.scroller.widget().grab()

    ms = median_ms(show_long, repeat=11)
    weeks = len(chosen.weeks)
    results.append(
        Result(f"  5 school years shown and fully painted ({weeks} weeks)", ms, "ms", "", None)
    )
    panel.close()
    return results


def main() -> None:
    from bench.__main__ import (
        PASSPHRASE,
        TODAY,
        Result,
        ensure_profile,
        machine,
        median_ms,
        write_results,
    )
    from officer_app.clock import FixedClock
    from officer_app.services.profile import unlock_profile

    folder = ensure_profile(1000)
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(10, 0), tzinfo=dt.UTC))
    opened = unlock_profile(folder, PASSPHRASE, clock=clock)
    try:
        results = run_attendance_benchmarks(opened, median_ms, Result)
    finally:
        opened.lock()
    print(f"1000 cases; {machine()}")
    print(write_results(results, 1000))


if __name__ == "__main__":
    main()
