"""The child's attendance in the case window: each period with its dates, and for any chosen
range the weeks, the weekday pattern and the register, session by session."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import delete, select

from officer_app.attendance.codes import shipped_codes
from officer_app.domain.attendance import Mark, summarise
from officer_app.domain.attendance_patterns import weekly
from officer_app.gui.attendance_charts import CATEGORY_COLOURS
from officer_app.gui.attendance_panel import AttendancePanel
from officer_app.gui.case_page import CasePage
from officer_app.gui.markup import literal
from officer_app.gui.window import MainWindow
from officer_app.services.attendance import periods, school_year_start
from officer_app.store.models import AttendanceMark, Case

CODES = shipped_codes()
MON = dt.date(2026, 9, 7)  # the first Monday of the autumn term in the demo's school year


def open_attendance(qtbot, window: MainWindow, case_id: str) -> AttendancePanel:  # type: ignore[no-untyped-def]
    page = window.open_case(case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    panel = page.attendance_panel
    assert panel is not None and not panel.loaded  # nothing read until it is looked at
    page.views.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.held is not None, timeout=10_000)
    return panel


def small_register() -> list[Mark]:
    """Eight weeks from 07/09/2026: absent on three Mondays (N) and three Fridays (I), one
    Tuesday off sick, a gap ('-') on the second Wednesday afternoon and a Saturday trip."""
    marks: list[Mark] = []
    for week in range(8):
        for weekday in range(5):
            day = MON + dt.timedelta(weeks=week, days=weekday)
            am, pm = "/", "\\"
            if weekday == 0 and week in (1, 3, 5):
                am = pm = "N"
            elif (weekday, week) in ((4, 2), (4, 4), (4, 6), (1, 0)):
                am = pm = "I"
            elif weekday == 2 and week == 1:
                pm = "-"
            marks += [Mark(day, "AM", am), Mark(day, "PM", pm)]
    marks.append(Mark(MON + dt.timedelta(weeks=2, days=5), "AM", "V"))
    return marks


def hold_marks(window: MainWindow, case_id: str, marks: list[Mark]) -> None:
    """Replace the case's child's marks with ``marks`` in the profile."""

    def work(session) -> None:  # type: ignore[no-untyped-def]
        child_id = session.scalar(select(Case.child_id).where(Case.id == case_id))
        session.execute(delete(AttendanceMark).where(AttendanceMark.child_id == child_id))
        session.add_all(
            AttendanceMark(
                child_id=child_id, date=m.date, session=m.session, code=m.code, code_set="2024"
            )
            for m in marks
        )

    window.profile.store.write_wait(work)


def choose(qtbot, panel: AttendancePanel, first: dt.date, last: dt.date) -> None:  # type: ignore[no-untyped-def]
    panel.first.setDate(QDate(first.year, first.month, first.day))
    panel.last.setDate(QDate(last.year, last.month, last.day))
    qtbot.mouseClick(panel.show_button, Qt.MouseButton.LeftButton)


def test_the_attendance_tab_shows_each_period_with_its_dates(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = window.caseload.model.rows[3]
    panel = open_attendance(qtbot, window, row.case_id)
    assert panel.table.rowCount() == 4
    today = window.profile.clock.today()
    year = panel.table.item(0, 1).text()
    assert year.startswith(f"{school_year_start(today):%d/%m/%y}–")
    names = [panel.table.item(r, 0).text() for r in range(4)]
    assert names == [p.name for p in periods(today)] + ["Chosen range"]
    expected = window.profile.attendance.for_case(row.case_id).periods[0][1]
    assert panel.table.item(0, 2).text() == str(expected.possible)
    assert panel.table.item(0, 3).text() == f"{expected.attendance_pct}%"
    # the chosen range starts as this school year up to yesterday: the same figures
    assert panel.first.date() == QDate(2026, 9, 1) and panel.last.date() == QDate(2026, 11, 19)
    assert [panel.table.item(3, c).text() for c in range(1, 10)] == [
        panel.table.item(0, c).text() for c in range(1, 10)
    ]
    assert "UPN" in panel.source.text()
    assert panel.band.text().startswith("LA band (this school year 01/09/2026–19/11/2026, ")
    assert panel.threshold.text().startswith(
        "Penalty-notice threshold (this school year 01/09/2026–19/11/2026): "
    )
    codes = {
        panel.codes.item(r, 0).text(): int(panel.codes.item(r, 2).text())
        for r in range(panel.codes.rowCount())
    }
    assert codes == dict(expected.by_code)
    assert panel.codes.item(0, 1).text()  # every code with its meaning
    assert panel.codes_title.text() == "Marks by code, 01/09/2026–19/11/2026"
    assert panel.weekly.title == "Sessions week by week, 01/09/2026–19/11/2026"
    assert panel.weekdays.title == "Absence by weekday, 01/09/2026–19/11/2026"


def test_a_chosen_range_is_a_fourth_row_and_the_chart_pattern_and_grid_follow_it(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    row = window.caseload.model.rows[5]
    marks = small_register()
    hold_marks(window, row.case_id, marks)
    panel = open_attendance(qtbot, window, row.case_id)
    first, last = dt.date(2026, 9, 14), dt.date(2026, 10, 30)  # weeks 2 to 8
    choose(qtbot, panel, first, last)
    qtbot.waitUntil(lambda: panel.chosen is not None and panel.chosen.period.first == first)
    assert panel.range_message.text() == ""

    s = summarise(marks, "", first, last, codes=CODES)
    cells = [panel.table.item(3, c).text() for c in range(10)]
    assert cells == [
        "Chosen range",
        "14/09/26–30/10/26",
        str(s.possible),
        f"{s.attendance_pct}%",
        f"{s.absence_pct}%",
        str(s.authorised),
        str(s.unauthorised),
        "Yes" if s.persistent_absence else "No",
        "No",
        f"Not met: {s.penalty_notice_threshold.max_unauthorised_in_window}",
    ]
    # 70 weekday sessions less the gap, and the Saturday trip (an approved activity)
    assert (s.possible, s.authorised, s.unauthorised) == (70, 6, 6)

    # the chart: a bar per week, each segment as tall as its count, in the category's colour
    expected = weekly(marks, first, last, codes=CODES)
    assert panel.weekly.weeks == expected and len(expected) == 7
    panel.weekly.repaint()
    image = panel.weekly.grab().toImage()
    scale = None
    for week, bar in zip(expected, panel.weekly.bars, strict=True):
        counts = {category: count for category, count, _rect in bar}
        assert counts == {
            k: v
            for k, v in {
                "present": week.attending,
                "authorised": week.authorised,
                "unauthorised": week.unauthorised,
                "not_counted": week.not_counted,
                "no_mark": week.no_mark,
            }.items()
            if v
        }
        for category, count, rect in bar:
            scale = scale or rect.height() / count
            assert abs(rect.height() - count * scale) < 0.01
            if category != "no_mark":
                pixel = image.pixelColor(rect.center().toPoint()).name()
                assert pixel == CATEGORY_COLOURS[category]
    tip = panel.weekly.tooltip_at(panel.weekly.hit_rects()[0].center())
    assert tip is not None
    assert tip.startswith("Week commencing Monday 14/09/2026 (marks 14/09/2026–20/09/2026)")
    assert "Unauthorised absence: 2" in tip and "No mark entered (gaps): 1" in tip
    labels = [box for box, _text in panel.weekly.labels]
    assert all(a.right() < b.left() for a, b in pairwise(labels))

    # the pattern: Mondays and Fridays, in words, with the range
    assert panel.pattern.text() == (
        "<b>Mondays and Fridays stand out: 42.9% and 42.9% absence against 0.0% on other "
        "days, 14/09/2026–30/10/2026.</b>"
    )
    assert [d.name for d in panel.weekdays.pattern.standing_out] == ["Monday", "Friday"]

    # the grid: the right code in the right cell, its meaning in the tooltip
    model = panel.grid_model
    weeks = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert weeks[0] == "w/c 14/09/2026" and len(weeks) == 7
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert columns[:2] == ["Mon AM", "Mon PM"] and columns[-2:] == ["Sat AM", "Sat PM"]
    monday = model.index(0, 0)
    assert monday.data() == "N"
    said = Qt.ItemDataRole.AccessibleTextRole  # the tooltip's words, as plain text
    assert monday.data(said) == (
        "Monday 14/09/2026, morning (AM)\nN — Reason for absence not yet provided\n"
        "Unauthorised absence · 2024 code set"
    )
    assert monday.data(Qt.ItemDataRole.ToolTipRole) == literal(monday.data(said))
    gap = model.index(0, 5)  # Wednesday afternoon
    assert gap.data() == "-"
    assert "No mark entered: a gap in the register" in gap.data(said)
    assert gap.data(Qt.ItemDataRole.BackgroundRole).style() == Qt.BrushStyle.BDiagPattern
    trip = model.index(1, 10)  # Saturday 26/09 morning
    assert trip.data() == "V" and "educational visit" in trip.data(said)
    assert model.index(1, 11).data() == ""
    assert model.index(1, 11).data(said).endswith("no mark held")
    assert panel.grid_title.text() == "Register, session by session, 14/09/2026–30/10/2026"


def test_a_range_that_ends_before_it_starts_is_refused_and_changes_nothing(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    row = window.caseload.model.rows[5]
    hold_marks(window, row.case_id, small_register())
    panel = open_attendance(qtbot, window, row.case_id)
    before = [panel.table.item(3, c).text() for c in range(10)]
    chosen = panel.chosen
    choose(qtbot, panel, dt.date(2026, 10, 30), dt.date(2026, 9, 14))
    assert panel.range_message.text() == (
        "The range ends (14/09/2026) before it starts (30/10/2026): choose a To date on or "
        "after the From date. Nothing has changed."
    )
    assert window.runner.wait_idle()  # had anything been sent to work out, it is back now
    assert panel.chosen is chosen and panel.show_button.isEnabled()
    assert [panel.table.item(3, c).text() for c in range(10)] == before
    assert panel.weekly.title == "Sessions week by week, 01/09/2026–19/11/2026"
    # a good range afterwards clears the message
    choose(qtbot, panel, dt.date(2026, 9, 14), dt.date(2026, 10, 30))
    qtbot.waitUntil(lambda: panel.chosen is not chosen)
    assert panel.range_message.text() == ""


def test_no_weekday_standing_out_is_said_and_a_range_without_marks_says_so(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    row = window.caseload.model.rows[5]
    hold_marks(window, row.case_id, [m for m in small_register() if m.code != "N"])
    panel = open_attendance(qtbot, window, row.case_id)
    choose(qtbot, panel, dt.date(2026, 9, 7), dt.date(2026, 9, 11))
    qtbot.waitUntil(lambda: panel.chosen is not None and panel.chosen.period.last.day == 11)
    assert panel.pattern.text() == (
        "No weekday stands out: 20.0% absence across Monday to Friday, 07/09/2026–11/09/2026."
    )
    choose(qtbot, panel, dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    qtbot.waitUntil(lambda: panel.chosen is not None and panel.chosen.period.last.month == 7)
    assert panel.weekly.weeks == () and panel.grid_model.rowCount() == 0
    assert panel.grid_title.text().endswith("01/07/2026–31/07/2026: no marks held")
    assert panel.table.item(3, 2).text() == "0" and panel.table.item(3, 3).text() == "—"


def test_the_tab_scrolls_rather_than_overlaps_on_a_1366_by_768_screen(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    assert window.size().width() == 1366 and window.size().height() == 768
    panel = open_attendance(qtbot, window, window.caseload.model.rows[3].case_id)
    assert window.runner.wait_idle()  # the case's other lines are in: nothing moves it now
    qtbot.wait(50)  # then one layout pass
    inner = panel.scroller.widget()
    assert panel.scroller.verticalScrollBar().maximum() > 0  # it scrolls
    layout = inner.layout()
    shown = []
    for n in range(layout.count()):
        item = layout.itemAt(n)
        widget = item.widget()
        if widget is not None:
            shown.append(widget.geometry())
        elif item.layout() is not None:
            shown.append(item.layout().geometry())
    for above, below in pairwise(shown):
        assert above.bottom() < below.top()  # one under the other, never on top
    for chart in (panel.weekly, panel.weekdays):
        assert chart.height() >= chart.minimumHeight() and chart.width() > 300
        assert chart.accessibleName() and chart.accessibleDescription()
    # every week of the default range fits its label without overlap, and hovering works
    bar = panel.weekly.hit_rects()[0].center()
    assert panel.weekly.tooltip_at(bar) is not None
    assert panel.weekly.tooltip_at(QPoint(2, 2)) is None
    assert isinstance(panel.weekly.parentWidget(), QWidget)


def test_the_case_header_shows_this_years_figure_and_band_as_the_caseload_does(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    row = next(
        r
        for r in window.caseload.model.rows
        if r.attendance is not None and r.attendance.band and r.attendance.pct is not None
    )
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    info = row.attendance
    assert info is not None
    text = page.attendance_line.text()
    assert f"<b>{info.pct}%</b>" in text and f"{info.first:%d/%m}–{info.last:%d/%m/%Y}" in text
    assert info.band_limit is not None and f"≤{info.band_limit:g}%" in text
    tip = page.attendance_line.toolTip()
    assert info.band in tip and "Suggested: " in tip


def test_the_threshold_states_the_count_of_the_dates_it_names(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 point 2: one N a week for 10 weeks, then three: the first run that meets the
    threshold holds 10, a later run 12; the tab states 10 with the first run's dates."""
    row = window.caseload.model.rows[3]
    marks: list[Mark] = []
    for week, absent in enumerate([1] * 10 + [3]):
        for i in range(6 if week == 10 else 10):  # week 11: Monday to Wednesday only
            day = MON + dt.timedelta(weeks=week, days=i // 2)
            part = "AM" if i % 2 == 0 else "PM"
            marks.append(Mark(day, part, "N" if i < absent else ("/" if part == "AM" else "\\")))
    hold_marks(window, row.case_id, marks)
    panel = open_attendance(qtbot, window, row.case_id)
    first, last = MON, dt.date(2026, 11, 18)
    choose(qtbot, panel, first, last)
    qtbot.waitUntil(lambda: panel.chosen is not None and panel.chosen.period.first == first)
    s = summarise(marks, "", first, last, codes=CODES).penalty_notice_threshold
    assert (s.max_unauthorised_in_window, s.unauthorised_in_window) == (12, 10)
    text = panel.threshold.text()
    assert "the first run of 10 school weeks that meets it held 10 unauthorised sessions" in text
    assert "(07/09/2026–15/11/2026)" in text and "12 unauthorised" not in text
    assert panel.table.item(3, 9).text() == "MET: 12"  # the largest count, with no dates
    tip = panel.table.item(3, 9).toolTip()
    assert "10 unauthorised sessions (07/09/2026–15/11/2026)" in tip
