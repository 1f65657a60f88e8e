"""Issue 9 point 5 in the window: a prosecution recorded before the period for paying has
ended is refused, the panel says from which date the information may be laid, and nothing
is recorded; on that date it is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from officer_app.domain.penalty_notices import NoticeStatus
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


def test_the_panel_refuses_a_prosecution_laid_before_the_period_for_paying_ended(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, monkeypatch
) -> None:
    case_id, notice_id = considered_with_evidence(demo_profile)
    at(demo_profile, AFTER_SPRING).issue(
        notice_id, issued_on=AFTER_SPRING, served_by="hand",
        authorised_by=supervisor_of(demo_profile), authorised_on=AFTER_SPRING,
    )  # fmt: skip
    service = at(demo_profile, LATER)
    service.mark_unpaid(notice_id)  # received 15 March by hand: the 28th day is 11 April
    service.record_eso_decision(  # s447: needed before any prosecution
        case_id, considered_on=dt.date(2027, 4, 9), considered_by="Attendance panel",
        decision="not_apply", reason="An order would add nothing to the support refused.",
    )  # fmt: skip
    panel = PenaltyNoticePanel(case_id, lambda: service, runner, today=LATER)
    qtbot.addWidget(panel)
    panel.show()
    panel.load()
    qtbot.waitUntil(lambda: panel.loaded and runner.pending == 0, timeout=10_000)
    panel.table.selectRow(0)
    dates = iter([QDate(2027, 4, 11), QDate(2027, 4, 12)])

    def laid(dialog: ReasonDialog) -> int:
        dialog.on.setDate(next(dates))
        dialog.reason.setPlainText("Laid under s444(1)")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReasonDialog, "exec", laid)
    panel.buttons["prosecuted"].click()
    qtbot.waitUntil(lambda: "may be laid from 12/04/2027" in panel.message.text(), timeout=10_000)
    assert service.notice(notice_id).status is NoticeStatus.UNPAID
    panel.buttons["prosecuted"].click()
    qtbot.waitUntil(lambda: service.notice(notice_id).status is NoticeStatus.PROSECUTED)
    assert service.notice(notice_id).prosecution_on == dt.date(2027, 4, 12)
