"""Penalty notices in the window: the case's tab from considering to the copy of the notice,
and the LA's record exported from the File menu."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from officer_app.gui.case_page import CasePage
from officer_app.gui.penalty_dialogs import ConsiderDialog, IssueDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.gui.window import MainWindow
from officer_app.services.penalty_notices import PenaltyNoticeService
from tests.unit.test_penalty_notice_service import supervisor_of

YEAR = (dt.date(2026, 9, 1), dt.date(2026, 11, 19))


def a_case_meeting_the_threshold(window: MainWindow) -> str:
    profile = window.profile
    assert profile is not None
    service = profile.penalty_notices
    for row in window.caseload.model.rows:
        if row.status != "open":
            continue
        parents = [p for p in service.parents(row.case_id) if p.parental_responsibility]
        if parents and service.threshold(row.case_id, *YEAR).met:
            return row.case_id
    raise AssertionError("no open demo case meets the threshold this year")


def test_the_issue_dialog_shows_what_the_rules_allow(qtbot, demo_profile) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.test_penalty_notice_service import (
        AFTER_SPRING,
        considered_with_evidence,
    )

    _case, notice_id = considered_with_evidence(demo_profile)
    service: PenaltyNoticeService = demo_profile.penalty_notices
    runner = TaskRunner()
    dialog = IssueDialog(
        service.notice(notice_id),
        service.supervisors(),
        AFTER_SPRING,
        lambda issued, served, received: service.plan_issue(notice_id, issued, served, received),
        runner,
    )
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert "£80 if paid by" in dialog.outcome.text() and "presumed" in dialog.outcome.text()
    assert not dialog.ok.isEnabled()  # no supervisor chosen yet
    dialog.supervisor.setCurrentIndex(1)
    assert dialog.ok.isEnabled()
    dialog.served_by.setCurrentIndex(dialog.served_by.findData("hand"))
    qtbot.waitUntil(
        lambda: dialog.plan is not None and "presumed" not in dialog.outcome.text(),
        timeout=10_000,
    )
    runner.wait_idle()


def test_a_notice_from_considered_to_its_copy_and_the_record(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch, tmp_path: Path
) -> None:
    case_id = a_case_meeting_the_threshold(window)
    page = window.open_case(case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    panel = page.penalty_panel
    assert panel is not None and not panel.loaded
    page.views.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.loaded and window.runner.pending == 0, timeout=10_000)

    def consider(dialog: ConsiderDialog) -> int:
        dialog.parents[0][0].setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ConsiderDialog, "exec", consider)
    panel.consider_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert window.profile is not None
    supervisor = supervisor_of(window.profile)

    def issue(dialog: IssueDialog) -> int:
        dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(IssueDialog, "exec", issue)
    panel.buttons["issue"].click()
    qtbot.waitUntil(
        lambda: panel.table.item(0, 1).text() == "Issued, awaiting payment", timeout=15_000
    )
    number = panel.table.item(0, 3).text()
    assert number.startswith("PN-2026-")
    # with a notice selected and its steps offered, the window still fits a laptop's screen
    window.resize(1366, 728)
    panel.table.selectRow(0)
    assert window.runner.wait_idle()  # nothing still on its way to change the panel
    assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint()
    assert panel.buttons["paid"].isEnabled() and panel.buttons["withdraw"].isEnabled()
    # the chronology shows the step and the letter; the copy opens as it was sent
    qtbot.waitUntil(
        lambda: any(number in e.title for e in (page.detail.entries if page.detail else ())),
        timeout=10_000,
    )
    assert panel.copy_button.isEnabled()
    panel.copy_button.click()
    qtbot.waitUntil(lambda: page.copy_viewer is not None, timeout=10_000)
    assert page.copy_viewer is not None and page.copy_viewer.pages >= 1  # type: ignore[attr-defined]
    page.copy_viewer.close()
    # the LA's record, from the File menu, names the notice
    out = tmp_path / "record.pdf"
    window.export_notice_record(out)
    qtbot.waitUntil(out.exists, timeout=10_000)
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(out.read_bytes())).pages)
    assert number in " ".join(text.split())
