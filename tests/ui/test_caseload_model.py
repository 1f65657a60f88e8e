"""The caseload model: a correct Qt model, filters that narrow, sorting with blanks last."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt

from officer_app.gui import caseload_table as ct
from officer_app.services.dto import CaseRow

TODAY = dt.date(2026, 11, 20)


def row(n: int, **changes: object) -> CaseRow:
    base = CaseRow(
        case_id=f"case-{n}",
        reference=f"ATT-2026-{n:05d}",
        child_forename=f"Child{n}",
        child_surname=f"Surname{n:02d}",
        child_date_of_birth=dt.date(2014, 1, 1 + n % 27),
        year_group=str(1 + n % 11),
        school="Oakfield Primary" if n % 2 else "Northgate High",
        school_urn="100001",
        stage="support" if n % 3 else "legal",
        stage_label="x",
        status="open",
        officer_id="o1" if n % 4 else "o2",
        officer="Officer",
        last_contact=None if n % 5 == 0 else dt.date(2026, 11, 1 + n % 19),
        days_since_contact=None if n % 5 == 0 else 19 - n % 19,
        next_action="Visit",
        next_action_due=dt.date(2026, 11, 10 + n % 15),
        rag=("red", "amber", "green")[n % 3],
        rag_label=("Red", "Amber", "Green")[n % 3],
        rag_reason="because",
        has_risk=n % 7 == 0,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_the_model_passes_qtmodeltester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ct.CaseloadModel(TODAY)
    qtmodeltester.check(model)
    model.set_rows([row(n) for n in range(40)])
    qtmodeltester.check(model)
    proxy = ct.CaseloadFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(stage="legal")
    proxy.sort(ct.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_rag_is_text_and_colour_and_says_why() -> None:
    model = ct.CaseloadModel(TODAY)
    model.set_rows([row(0, rag="red", rag_label="Red", rag_reason="No contact for 30 days")])
    index = model.index(0, ct.COL_RAG)
    assert index.data() == "Red"
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "No contact for 30 days" in index.data(Qt.ItemDataRole.ToolTipRole)
    overdue = model.index(0, ct.COL_DUE).data()
    assert overdue.endswith("overdue")  # in words, not only in red


def test_filters_narrow_and_combine() -> None:
    model = ct.CaseloadModel(TODAY)
    rows = [row(n) for n in range(60)]
    model.set_rows(rows)
    proxy = ct.CaseloadFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 60
    proxy.set_filters(stage="legal")
    assert proxy.rowCount() == sum(r.stage == "legal" for r in rows)
    proxy.set_filters(stage="legal", school="Northgate High", rag="red", officer="o1")
    expected = {
        r.case_id
        for r in rows
        if r.stage == "legal"
        and r.school == "Northgate High"
        and r.rag == "red"
        and r.officer_id == "o1"
    }
    shown = {proxy.index(i, 0).data(ct.RowRole).case_id for i in range(proxy.rowCount())}
    assert shown == expected and expected
    proxy.set_filters()
    proxy.set_search_ids({"case-3", "case-4"})
    assert proxy.rowCount() == 2


def test_sorting_dates_puts_blanks_last_both_ways() -> None:
    model = ct.CaseloadModel(TODAY)
    model.set_rows([row(n) for n in range(30)])
    proxy = ct.CaseloadFilterProxy()
    proxy.setSourceModel(model)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        proxy.sort(ct.COL_LAST_CONTACT, order)
        values = [proxy.index(i, 0).data(ct.RowRole).last_contact for i in range(30)]
        present = [v for v in values if v is not None]
        assert values[len(present) :] == [None] * (30 - len(present))
        assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)


def test_a_reload_keeps_the_chosen_sort() -> None:
    model = ct.CaseloadModel(TODAY)
    model.set_rows([row(n) for n in range(10)])
    model.sort(ct.COL_CHILD, Qt.SortOrder.DescendingOrder)
    model.set_rows([row(n) for n in range(12)])
    names = [model.index(i, ct.COL_CHILD).data() for i in range(12)]
    assert names == sorted(names, reverse=True)


def test_attendance_shows_the_figure_its_band_and_its_dates() -> None:
    from decimal import Decimal

    from officer_app.services.dto import AttendanceBandInfo

    info = AttendanceBandInfo(
        pct=Decimal("84.6"),
        first=dt.date(2026, 9, 3),
        last=dt.date(2026, 11, 19),
        possible=104,
        band="At or below 85% (three sessions missed every two weeks): well into persistent"
        " absence",
        band_rank=1,
        band_limit=Decimal(85),
        actions=("Head teacher involved",),
    )
    good = replace(info, pct=Decimal("97.1"), band="", band_rank=None, band_limit=None, actions=())
    model = ct.CaseloadModel(TODAY)
    model.set_rows([row(1, attendance=info), row(2, attendance=good), row(3)])
    low = model.index(0, ct.COL_ATTENDANCE)
    assert low.data() == "84.6% ≤85"
    tip = low.data(Qt.ItemDataRole.ToolTipRole)
    assert "03/09/2026–19/11/2026" in tip and "104 possible" in tip
    assert "At or below 85%" in tip and "Head teacher involved" in tip
    assert low.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, ct.COL_ATTENDANCE).data() == "97.1%"
    assert model.index(1, ct.COL_ATTENDANCE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, ct.COL_ATTENDANCE).data() == ""
    none_tip = model.index(2, ct.COL_ATTENDANCE).data(Qt.ItemDataRole.ToolTipRole)
    assert "No register marks" in none_tip
    # the lowest attendance sorts first; a child with no marks sorts last either way
    model.sort(ct.COL_ATTENDANCE, Qt.SortOrder.AscendingOrder)
    assert [r.case_id for r in model.rows] == ["case-1", "case-2", "case-3"]
    model.sort(ct.COL_ATTENDANCE, Qt.SortOrder.DescendingOrder)
    assert [r.case_id for r in model.rows] == ["case-2", "case-1", "case-3"]
