"""The Notice to Improve dialog checks the improvement period against the LA's range as the
dates change, and the panel shows the service's reason when it refuses (issue 9 point 9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from officer_app.domain.notice_to_improve import ImprovementPeriod
from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.dates import qdate
from officer_app.gui.penalty_dialogs import NoticeToImproveDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.penalty_notices import NoticeInfo
from officer_app.services.profile import OpenProfile
from tests.ui.test_penalty_panel import make_panel
from tests.unit.test_penalty_notice_service import AFTER_SPRING, considered_with_evidence


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


def _considered(profile: OpenProfile) -> tuple[str, NoticeInfo]:
    case_id, notice_id = considered_with_evidence(profile)
    return case_id, profile.penalty_notices.notice(notice_id)


def test_the_dialog_refuses_a_period_outside_the_range_and_says_why(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile
) -> None:
    _case_id, notice = _considered(demo_profile)
    dialog = NoticeToImproveDialog(notice, AFTER_SPRING)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # the default, four weeks on, is inside 3 to 6 school weeks
    assert ok.isEnabled() and "4 school weeks" in dialog.period_note.text()
    assert "3 to 6 school weeks" in dialog.period_note.text()
    dialog.until.setDate(qdate(AFTER_SPRING + dt.timedelta(days=1)))  # the 1-day period
    assert not ok.isEnabled()
    assert "Cannot be sent: the improvement period is too short" in dialog.period_note.text()
    dialog.until.setDate(qdate(dt.date(2027, 4, 5)))  # week 3 after the week of sending
    assert ok.isEnabled()
    dialog.sent_on.setDate(qdate(AFTER_SPRING - dt.timedelta(days=7)))  # sent a week before
    assert ok.isEnabled() and "4 school weeks" in dialog.period_note.text()
    # sent tomorrow: nothing is recorded as sent before it is sent (issue 11, point 10)
    dialog.sent_on.setDate(qdate(AFTER_SPRING + dt.timedelta(days=1)))
    assert not ok.isEnabled()
    assert (
        dialog.period_note.text() == "Cannot be sent: Sent on: 16/03/2027 is a date still to come."
    )
    dialog.sent_on.setDate(qdate(AFTER_SPRING))  # today
    assert ok.isEnabled()


def test_the_dialog_applies_the_las_own_range(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile
) -> None:
    _case_id, notice = _considered(demo_profile)
    dialog = NoticeToImproveDialog(notice, AFTER_SPRING, period=ImprovementPeriod(1, 2))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "too long" in dialog.period_note.text()  # four weeks
    assert "1 to 2 school weeks" in dialog.period_note.text()
    dialog.until.setDate(qdate(AFTER_SPRING + dt.timedelta(days=7)))
    assert ok.isEnabled()


def test_the_panel_shows_the_services_refusal(  # type: ignore[no-untyped-def]
    qtbot,
    demo_profile: OpenProfile,
    runner: TaskRunner,
    monkeypatch,
) -> None:
    case_id, _notice = _considered(demo_profile)
    panel, service = make_panel(qtbot, demo_profile, runner, case_id)

    def fill(dialog: NoticeToImproveDialog) -> int:
        dialog.until.setDate(qdate(AFTER_SPRING + dt.timedelta(days=1)))
        dialog.support.setPlainText("A weekly check-in with the attendance mentor")
        return QDialog.DialogCode.Accepted.value  # as if the button had been pressed

    monkeypatch.setattr(NoticeToImproveDialog, "exec", fill)
    panel.buttons["nti"].click()
    qtbot.waitUntil(lambda: "too short" in panel.message.text(), timeout=10_000)
    assert "3 to 6 school weeks" in panel.message.text()
    assert service.notices_for(case_id)[0].status is NoticeStatus.CONSIDERED
