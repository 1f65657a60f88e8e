"""The child's attendance in the case window: each period's figures with their dates."""

from __future__ import annotations

import datetime as dt

from officer_app.gui.case_page import CasePage
from officer_app.gui.window import MainWindow
from officer_app.services.attendance import periods, school_year_start


def test_the_attendance_tab_shows_each_period_with_its_dates(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = window.caseload.model.rows[3]
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    panel = page.attendance_panel
    assert panel is not None and not panel.loaded  # nothing read until it is looked at
    page.views.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=10_000)
    today = window.profile.clock.today()
    year = panel.table.item(0, 1).text()
    assert year.startswith(f"{school_year_start(today):%d/%m/%y}–")
    assert [panel.table.item(r, 0).text() for r in range(3)] == [p.name for p in periods(today)]
    expected = window.profile.attendance.for_case(row.case_id).periods[0][1]
    assert panel.table.item(0, 2).text() == str(expected.possible)
    assert panel.table.item(0, 3).text() == f"{expected.attendance_pct}%"
    assert "UPN" in panel.source.text()
    assert panel.band.text().startswith("LA band (this school year")
    codes = {
        panel.codes.item(r, 0).text(): int(panel.codes.item(r, 2).text())
        for r in range(panel.codes.rowCount())
    }
    assert codes == dict(expected.by_code)
    assert panel.codes.item(0, 1).text()  # every code with its meaning


def test_periods_follow_the_english_school_year() -> None:
    names = {p.name: p for p in periods(dt.date(2026, 11, 20))}
    assert names["This school year"].first == dt.date(2026, 9, 1)
    assert names["This term"].first == dt.date(2026, 9, 1)
    assert names["Last 6 weeks"].first == dt.date(2026, 10, 9)
    assert all(p.last == dt.date(2026, 11, 19) for p in names.values())
    spring = {p.name: p for p in periods(dt.date(2027, 2, 10))}
    assert spring["This school year"].first == dt.date(2026, 9, 1)
    assert spring["This term"].first == dt.date(2027, 1, 1)
