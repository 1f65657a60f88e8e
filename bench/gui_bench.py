"""The window's part of the benchmarks: filter and sort the caseload, open a big case."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer

from officer_app.domain.stages import Stage
from officer_app.gui import caseload_table as ct
from officer_app.gui.application import application
from officer_app.gui.case_page import CasePage
from officer_app.gui.task_runner import TaskRunner


def run_gui_benchmarks(
    opened,
    rows,
    case_id: str,
    size: int,
    median_ms: Callable[..., float],  # type: ignore[no-untyped-def]
    Result: Any,
) -> list[Any]:
    application()
    results = []
    model = ct.CaseloadModel(opened.clock.today())
    model.set_rows(rows)
    proxy = ct.CaseloadFilterProxy()
    proxy.setSourceModel(model)
    schools = sorted({r.school for r in rows})
    stages = [s.value for s in Stage]
    state = {"n": 0}

    def filter_once() -> None:
        n = state["n"] = state["n"] + 1
        proxy.set_filters(stage=stages[n % len(stages)], school=schools[n % len(schools)])
        proxy.rowCount()
        proxy.set_filters()

    ms = median_ms(filter_once, repeat=21)
    results.append(
        Result(
            f"filter the caseload ({len(rows)} cases, two filters and back)",
            ms,
            "ms",
            "< 50",
            ms < 50,
        )
    )
    columns = [ct.COL_CHILD, ct.COL_LAST_CONTACT, ct.COL_DUE, ct.COL_SCHOOL, ct.COL_RAG]

    def sort_once() -> None:
        n = state["n"] = state["n"] + 1
        order = Qt.SortOrder.AscendingOrder if n % 2 else Qt.SortOrder.DescendingOrder
        proxy.sort(columns[n % len(columns)], order)
        proxy.index(0, 0).data()

    ms = median_ms(sort_once, repeat=21)
    results.append(Result(f"sort the caseload ({len(rows)} cases)", ms, "ms", "< 50", ms < 50))

    runner = TaskRunner()

    def open_and_paint() -> None:
        page = CasePage(case_id, opened.cases, runner)
        page.resize(1366, 700)
        page.show()
        loop = QEventLoop()
        deadline = time.perf_counter() + 10
        while page.detail is None and time.perf_counter() < deadline:
            runner.wait_idle(50)
        page.repaint()
        QCoreApplication.processEvents()
        page.close_page()
        page.close()
        page.deleteLater()
        QTimer.singleShot(0, loop.quit)
        loop.exec()

    ms = median_ms(open_and_paint, repeat=11)
    results.append(
        Result(f"open a case with {size} entries, to painted tab", ms, "ms", "< 150", ms < 150)
    )
    return results
