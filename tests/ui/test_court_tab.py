"""A case's Court tab (issue 13, point 4): made when first shown, it holds the case's witness
statements and its evidence packs, loaded on the task runner."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from officer_app.gui.case_page import CasePage
from officer_app.gui.window import MainWindow


def test_the_court_tab_shows_statements_and_packs(qtbot: QtBot, window: MainWindow) -> None:
    row = window.caseload.model.rows[0]
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    court = page.court_tab
    assert court is not None and court.statements_panel is None  # not made until shown
    page.views.setCurrentWidget(court.widget)
    assert court.statements_panel is not None and court.packs_panel is not None
    statements, packs = court.statements_panel, court.packs_panel
    qtbot.waitUntil(lambda: statements.isVisibleTo(page) and packs.isVisibleTo(page), timeout=5_000)
    assert page.views.tabText(page.views.indexOf(court.widget)) == "Court"
