"""The caseload opens on the officer's own open cases; all cases and closed ones are a click
away and the choice lasts the session; every RAG says why; the columns that matter fit 1366 px."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from officer_app.gui import caseload_table as ct
from officer_app.gui.caseload_page import CaseloadPage
from officer_app.gui.window import MainWindow
from officer_app.services.dto import CaseRow
from tests.ui.conftest import unlock
from tests.ui.test_caseload_model import TODAY, row


def shown(page: CaseloadPage) -> list[CaseRow]:
    return [page.proxy.index(i, 0).data(ct.RowRole) for i in range(page.proxy.rowCount())]


def test_the_window_opens_on_my_open_cases(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page, profile = window.caseload, window.profile
    assert profile is not None
    rows = page.model.rows
    mine = [r for r in rows if r.officer_id == profile.officer.id and r.status != "closed"]
    assert mine and len(mine) < len(rows)
    assert page.mine.isChecked()
    assert {r.case_id for r in shown(page)} == {r.case_id for r in mine}
    assert page.count.text() == f"{len(mine)} of my {len(mine)} open cases"
    assert page.table.isColumnHidden(ct.COL_OFFICER) and not page.officer.isEnabled()

    qtbot.mouseClick(page.everyone, Qt.MouseButton.LeftButton)
    open_rows = [r for r in rows if r.status != "closed"]
    assert len(shown(page)) == len(open_rows) < len(rows)
    assert page.count.text() == f"{len(open_rows)} of {len(open_rows)} open cases, all officers"
    assert not page.table.isColumnHidden(ct.COL_OFFICER) and page.officer.isEnabled()

    page.show_closed.setChecked(True)
    assert len(shown(page)) == len(rows)
    assert page.count.text().endswith("all officers, closed included")

    window.lock()  # the choice lasts the session: locked and opened again, still all cases
    qtbot.waitUntil(lambda: window.profile is None, timeout=10_000)
    unlock(qtbot, window)
    assert page.everyone.isChecked() and page.show_closed.isChecked()
    assert len(shown(page)) == len(rows)


def test_filters_narrow_within_my_cases_and_the_count_says_so(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = CaseloadPage(TODAY)
    qtbot.addWidget(page)
    rows = [row(n) for n in range(40)]  # o1 has 30 of them
    page.set_rows(rows, TODAY, me="o1")
    assert page.count.text() == "30 of my 30 open cases"
    page.rag.setCurrentIndex(page.rag.findData("red"))
    reds = [r for r in rows if r.officer_id == "o1" and r.rag == "red"]
    assert page.count.text() == f"{len(reds)} of my 30 open cases"
    assert all(r.officer_id == "o1" and r.rag == "red" for r in shown(page))


def test_an_officer_with_no_cases_of_their_own_starts_on_all_cases(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = CaseloadPage(TODAY)
    qtbot.addWidget(page)
    page.set_rows([row(n) for n in range(10)], TODAY, me="a-supervisor")
    assert page.everyone.isChecked() and len(shown(page)) == 10
    page.show_all_cases(False)  # chosen: kept, even with nothing to show
    page.set_rows([row(n) for n in range(10)], TODAY, me="a-supervisor")
    assert page.mine.isChecked() and page.count.text() == "0 of my 0 open cases"


def test_the_why_column_and_every_cell_in_full_as_a_tooltip() -> None:
    model = ct.CaseloadModel(TODAY)
    case = row(
        1,
        rag="red",
        rag_label="Red",
        rag_reason="Next action overdue by 12 days",
        rag_rule="formal_overdue",
        rag_rule_text="a next action more than 7 days overdue at a formal, legal or court stage",
        rag_reasons=("Next action overdue by 12 days", "No contact for 15 days"),
        next_action="Ask the head teacher for the certificate of attendance for the pack",
        school="Saltersgate All-Through Academy and Sixth Form",
    )
    model.set_rows([case])
    why = model.index(0, ct.COL_WHY)
    assert why.data() == "Next action overdue by 12 days"
    tip = why.data(Qt.ItemDataRole.ToolTipRole)
    assert "more than 7 days overdue at a formal, legal or court stage" in tip
    assert "Also: No contact for 15 days" in tip
    for col in range(model.columnCount()):
        text = model.index(0, col).data()
        if text:  # a cell cut short by its column still shows all of it on pointing
            assert text in model.tooltip(case, col, TODAY) or col == ct.COL_DAYS, col
    assert "born" in model.index(0, ct.COL_CHILD).data(Qt.ItemDataRole.ToolTipRole)


def test_the_columns_that_matter_fit_a_laptop(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.caseload
    assert window.width() <= 1366
    for all_cases in (False, True):
        page.show_all_cases(all_cases)
        important = [ct.COL_RAG, ct.COL_WHY, ct.COL_CHILD, ct.COL_ATTENDANCE, ct.COL_STAGE,
                     ct.COL_NEXT_ACTION, ct.COL_DUE, ct.COL_DAYS, ct.COL_RISK]  # fmt: skip
        if all_cases:
            important.append(ct.COL_OFFICER)
        header = page.table.horizontalHeader()
        right = max(header.sectionViewportPosition(c) + header.sectionSize(c) for c in important)
        assert right <= page.table.viewport().width(), (all_cases, right)
    assert page.table.horizontalScrollBar().value() == 0
    assert dt.date(2026, 11, 20) == TODAY
