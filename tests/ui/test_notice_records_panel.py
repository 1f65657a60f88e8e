"""The Penalty notices tab: the s447 decision before a prosecution, and notices issued by
others shown with the LA's own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog

from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.notice_records_dialogs import EsoDecisionDialog, OthersNoticeDialog
from officer_app.gui.penalty_dialogs import ReasonDialog
from officer_app.gui.penalty_panel import PenaltyNoticePanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import OpenProfile
from tests.unit.test_penalty_notice_service import (
    AFTER_SPRING,
    at,
    considered_with_evidence,
    supervisor_of,
)

LATER = dt.date(2027, 4, 20)


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


def _panel(qtbot, profile: OpenProfile, runner: TaskRunner, case_id: str):  # type: ignore[no-untyped-def]
    service = at(profile, LATER)
    panel = PenaltyNoticePanel(case_id, lambda: service, runner, today=LATER)
    qtbot.addWidget(panel)
    panel.resize(1100, 520)
    panel.show()
    panel.load()
    qtbot.waitUntil(lambda: panel.loaded and runner.pending == 0, timeout=10_000)
    return panel, service


def test_the_prosecution_step_refuses_until_an_eso_decision_is_recorded(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, monkeypatch
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    at(demo_profile, AFTER_SPRING).issue(
        notice_id, issued_on=AFTER_SPRING, served_by="hand",
        authorised_by=supervisor_of(demo_profile), authorised_on=AFTER_SPRING,
    )  # fmt: skip
    at(demo_profile, LATER).mark_unpaid(notice_id)
    panel, service = _panel(qtbot, demo_profile, runner, case_id)
    assert "one is needed before any prosecution" in panel.eso_label.text()
    monkeypatch.setattr(ReasonDialog, "exec", lambda d: QDialog.DialogCode.Accepted.value)
    panel.buttons["prosecuted"].click()
    qtbot.waitUntil(lambda: "Education Supervision Order" in panel.message.text(), timeout=10_000)
    assert "by whom, the decision and the reason" in panel.message.text()
    assert service.notice(notice_id).status is NoticeStatus.UNPAID

    answers = iter([("", 0), ("Attendance legal panel", 2)])

    def fill(dialog: EsoDecisionDialog) -> int:
        by, index = next(answers)
        dialog.considered_by.setText(by)
        dialog.decision.setCurrentIndex(index)
        dialog.reason.setPlainText("Support was tried for a year without change")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(EsoDecisionDialog, "exec", fill)
    panel.eso_button.click()
    qtbot.waitUntil(lambda: "needs who considered it" in panel.message.text(), timeout=10_000)
    panel.eso_button.click()
    qtbot.waitUntil(lambda: "Attendance legal panel" in panel.eso_label.text(), timeout=10_000)
    assert "To apply for an Education Supervision Order" in panel.eso_label.text()
    panel.buttons["prosecuted"].click()
    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == "Prosecution followed", timeout=10_000)


def test_a_notice_issued_by_others_is_recorded_and_shown_on_the_tab(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, monkeypatch
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    panel, service = _panel(qtbot, demo_profile, runner, case_id)

    def fill(dialog: OthersNoticeDialog) -> int:
        dialog.issuer.setCurrentIndex(dialog.issuer.findData("police"))
        dialog.issuer_name.setText("Northshire Police")
        dialog.number.setText("NP/27/9")
        dialog.issued_on.setDate(dt.date(2026, 10, 1))
        dialog.period_from.setDate(dt.date(2026, 9, 7))
        dialog.period_to.setDate(dt.date(2026, 9, 25))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(OthersNoticeDialog, "exec", fill)
    panel.others_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    row = next(n for n in range(2) if panel.table.item(n, 3).text().startswith("NP/27/9"))
    assert "issued by the police (Northshire Police)" in panel.table.item(row, 3).text()
    panel.table.selectRow(row)
    history = panel.history.toPlainText()
    assert "Issued by the police" in history and "07/09/2026 to 25/09/2026" in history
    assert not panel.buttons["paid"].isVisible()  # no receipt here to pay against
    # and it counts: the LA's own notice would now be a second one
    assert service.plan_issue(notice_id, LATER, "hand").decision.ordinal == 2


def test_in_the_window_the_eso_decision_reaches_the_cases_chronology(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch
) -> None:
    from officer_app.gui.case_page import CasePage

    row = next(r for r in window.caseload.model.rows if r.status == "open")
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    panel = page.penalty_panel
    assert panel is not None
    page.views.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.loaded and window.runner.pending == 0, timeout=10_000)
    assert "one is needed before any prosecution" in panel.eso_label.text()

    def fill(dialog: EsoDecisionDialog) -> int:
        dialog.considered_by.setText("Attendance legal panel")
        dialog.decision.setCurrentIndex(dialog.decision.findData("not_apply"))
        dialog.reason.setPlainText("An ESO was tried last year without change")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(EsoDecisionDialog, "exec", fill)
    panel.eso_button.click()
    qtbot.waitUntil(
        lambda: any(
            e.title == "Education Supervision Order considered (s447)"
            for e in (page.detail.entries if page.detail else ())
        ),
        timeout=10_000,
    )
    assert "Not to apply" in panel.eso_label.text()
