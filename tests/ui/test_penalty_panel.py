"""The case's penalty notices in the window: consider with the evidence, then each step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog

from officer_app.domain.penalty_notices import NoticeStatus
from officer_app.gui.penalty_dialogs import ConsiderDialog, ReasonDialog
from officer_app.gui.penalty_panel import PenaltyNoticePanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.penalty_notices import PenaltyNoticeService
from officer_app.services.profile import OpenProfile
from tests.unit.test_penalty_notice_service import SPRING, a_case_with_parents, spring_register


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


def make_panel(qtbot, profile: OpenProfile, runner: TaskRunner, case_id: str):  # type: ignore[no-untyped-def]
    service = PenaltyNoticeService(profile.store, profile.clock, profile.officer.id)
    panel = PenaltyNoticePanel(
        case_id, lambda: service, runner, today=SPRING + dt.timedelta(weeks=10)
    )
    qtbot.addWidget(panel)
    panel.resize(1100, 520)
    panel.show()
    panel.load()
    qtbot.waitUntil(lambda: panel.loaded and runner.pending == 0, timeout=10_000)
    return panel, service


def test_the_consider_dialog_shows_the_registers_evidence_for_the_range(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id, _parents = a_case_with_parents(demo_profile)
    spring_register(demo_profile, case_id, {n: "N" for n in range(0, 100, 8)})  # 13
    service = PenaltyNoticeService(demo_profile.store, demo_profile.clock, demo_profile.officer.id)
    dialog = ConsiderDialog(
        service.parents(case_id),
        dt.date(2026, 9, 1),
        SPRING + dt.timedelta(weeks=10, days=-1),
        lambda a, b: service.threshold(case_id, a, b),
        runner,
    )
    qtbot.addWidget(dialog)
    dialog.first.setDate(SPRING)
    qtbot.waitUntil(lambda: dialog.seen is not None and dialog.seen.first == SPRING, timeout=10_000)
    text = dialog.evidence_label.text()
    assert "13 sessions of unauthorised absence (N 13)" in text and "is met" in text
    dialog.last.setDate(SPRING - dt.timedelta(days=1))
    assert dialog.seen is None and "ends before it starts" in dialog.evidence_label.text()


def test_consider_records_the_notice_for_the_parent_ticked(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, monkeypatch
) -> None:
    case_id, _parents = a_case_with_parents(demo_profile)
    spring_register(demo_profile, case_id, {n: "N" for n in range(0, 100, 8)})  # 13
    panel, service = make_panel(qtbot, demo_profile, runner, case_id)
    assert panel.table.rowCount() == 0
    assert not panel.buttons["issue"].isEnabled()

    def fill(dialog: ConsiderDialog) -> int:
        dialog.first.setDate(SPRING)
        dialog.parents[0][0].setChecked(True)
        dialog.note.setPlainText("Discussed in supervision")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ConsiderDialog, "exec", fill)
    panel.consider_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 1).text() == "Considered"
    history = panel.history.toPlainText()
    assert "Discussed in supervision" in history and "13 sessions" in history
    assert "04/01/2027" in history  # the range the officer chose
    # considered: it may now be issued, improved or dropped, but not paid or withdrawn
    assert panel.buttons["issue"].isEnabled() and panel.buttons["nti"].isEnabled()
    assert not panel.buttons["paid"].isEnabled() and not panel.buttons["withdraw"].isEnabled()
    [notice] = service.notices_for(case_id)
    assert notice.parent_id == service.parents(case_id)[0].id  # the first one listed


def test_not_to_issue_needs_a_reason_and_ends_the_notice(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner, monkeypatch
) -> None:
    case_id, parents = a_case_with_parents(demo_profile)
    service = PenaltyNoticeService(demo_profile.store, demo_profile.clock, demo_profile.officer.id)
    service.consider(case_id, parents[:1], SPRING, SPRING + dt.timedelta(days=70))
    panel, _ = make_panel(qtbot, demo_profile, runner, case_id)
    answers = iter(["", "Attendance now 97%"])

    def give(dialog: ReasonDialog) -> int:
        dialog.reason.setPlainText(next(answers))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReasonDialog, "exec", give)
    panel.buttons["not_issued"].click()
    qtbot.waitUntil(lambda: "say why" in panel.message.text(), timeout=10_000)
    assert service.notices_for(case_id)[0].status is NoticeStatus.CONSIDERED
    panel.buttons["not_issued"].click()
    qtbot.waitUntil(lambda: panel.table.item(0, 1).text() == "Not issued", timeout=10_000)
    assert not any(b.isEnabled() for b in panel.buttons.values())
    assert "Attendance now 97%" in panel.history.toPlainText()
