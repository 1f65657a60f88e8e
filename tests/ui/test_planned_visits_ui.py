"""Planned visits in the window (issue 11 point 7): the visit record offers the case's planned
visits and closes the one chosen; the week page moves and cancels them with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from officer_app.gui.case_page import CasePage
from officer_app.gui.entry_dialogs import MoveVisitDialog, qdatetime
from officer_app.gui.penalty_dialogs import ReasonDialog
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.window import MainWindow
from officer_app.services.profile import OpenProfile

SOON = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)  # earlier on the demo's today


def _profile(window: MainWindow) -> OpenProfile:
    assert window.profile is not None
    return window.profile


def _plain(window: MainWindow) -> str:
    return next(r.case_id for r in window.caseload.model.rows if not r.has_risk)


def _attach(window: MainWindow) -> None:
    """What the window does once unlocked (see the report: window.py wires it)."""
    profile = _profile(window)
    window.week.attach(
        lambda: profile.field_work,
        profile.cases.unsigned.caseload,
        window.runner,
        profile.clock.now,
    )
    window.week.changed.connect(window.refresh)


def test_the_visit_record_closes_the_planned_visit_chosen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    case_id = _plain(window)
    plan = _profile(window).field_work.plan_visit(case_id, SOON, "Talk about Mondays")
    page = window.open_case(case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.buttons["home_visit"].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
        ),
        timeout=10_000,
    )
    dialog = page.field_actions.open_dialog  # type: ignore[union-attr]
    assert isinstance(dialog, RecordDialog) and dialog.planned is not None
    assert (
        dialog.planned.itemText(1)
        == "This is the visit planned for Fri 20/11 09:00 (Talk about Mondays)"
    )
    dialog.planned.setCurrentIndex(1)
    answers = dialog.form.answers()
    assert answers["visit_date"] == "2026-11-20" and answers["arrival_time"] == "09:00"
    assert answers["visit_address"] == plan.address
    dialog.form.set_answers(
        {
            **answers,
            "visit_type": "planned",
            "departure_time": "09:20",
            "outcome": "no_reply",
            "calling_card_left": True,
            "safeguarding_concern": False,
        }
    )
    dialog.sign()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted.value, timeout=10_000)
    assert plan.id not in {v.id for v in _profile(window).field_work.planned_for_case(case_id)}


def test_the_week_page_moves_and_cancels_a_visit_with_a_reason(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    case_id = _plain(window)
    later = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    plan = _profile(window).field_work.plan_visit(case_id, later, "Meet Dad")
    _attach(window)
    window.refresh()
    week = window.week

    def row_of() -> int:
        ids = [v.id for v in week._visits]
        return ids.index(plan.id) if plan.id in ids else -1

    qtbot.waitUntil(lambda: row_of() >= 0, timeout=10_000)
    week.table.setCurrentCell(row_of(), 0)
    assert week.move_button.isEnabled()

    def move(dialog: MoveVisitDialog) -> int:
        dialog.when.setDateTime(qdatetime(later + dt.timedelta(hours=1)))
        dialog.reason.setText("Dad finishes work at four")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(MoveVisitDialog, "exec", move)
    week.move_button.click()
    qtbot.waitUntil(lambda: "Visit moved to 20/11/2026 16:00" in week.status.text(), timeout=10_000)
    qtbot.waitUntil(
        lambda: row_of() >= 0 and "Dad finishes work" in week.table.item(row_of(), 7).text(),
        timeout=10_000,
    )
    assert week.table.item(row_of(), 7).text().startswith("Moved from 20/11/2026 15:00")

    def cancel(dialog: ReasonDialog) -> int:
        dialog.reason.setPlainText("Family moved away")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReasonDialog, "exec", cancel)
    week.table.setCurrentCell(row_of(), 0)
    week.cancel_button.click()
    qtbot.waitUntil(
        lambda: (
            row_of() >= 0 and week.table.item(row_of(), 7).text() == "Cancelled: Family moved away"
        ),
        timeout=10_000,
    )
    week.table.setCurrentCell(row_of(), 0)
    assert not week.move_button.isEnabled()  # a cancelled visit stays cancelled


def test_the_week_page_lists_the_officers_unsigned_entries(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    mine = _profile(window).cases.unsigned.caseload()
    _attach(window)
    week = window.week
    qtbot.waitUntil(lambda: week.unsigned.rowCount() == len(mine), timeout=10_000)
    assert week.unsigned.item(0, 2).text() == mine[0].case_reference
    with qtbot.waitSignal(week.open_case) as opened:
        week.unsigned.cellDoubleClicked.emit(0, 0)
    assert opened.args == [mine[0].case_id]
    window.resize(1366, 728)
    window.tabs.setCurrentWidget(week)
    window.grab().save("/tmp/h4/week.png")
