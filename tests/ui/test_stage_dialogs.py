"""Move case on, Close case and Reopen case, driven as an officer would (issue 11, points 2-3):
a refused stage is shown disabled with the rules' reason, a move or closure is signed, a bad
entry says what and where and changes nothing, and each dialog fits a 1366x728 screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from officer_app.domain.stages import Stage
from officer_app.gui.close_case_dialog import NOT_KNOWN, CloseCaseDialog, ReopenCaseDialog
from officer_app.gui.stage_dialog import StageDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.case_stages import CaseStageService
from officer_app.services.profile import OpenProfile
from tests.unit.test_case_stages import _add_supervisor, _case_at, _snapshot

SCREEN = (1366, 728)


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


def _service(profile: OpenProfile) -> CaseStageService:
    return CaseStageService(
        profile.store, profile.clock, profile.officer.id, profile.settings.closure_reasons
    )


def _fits(qtbot, dialog: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    dialog.resize(*SCREEN)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1]
    dialog.adjustSize()
    hint = dialog.sizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1]
    dialog.grab().save(f"/tmp/{name}.png")


def test_move_case_on_offers_the_allowed_stages_and_signs_the_move(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    dialog = StageDialog(_service(demo_profile), case_id, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.stages.count() > 0)
    rows = {
        dialog.stages.item(n).data(Qt.ItemDataRole.UserRole): dialog.stages.item(n)
        for n in range(dialog.stages.count())
    }
    assert rows["formal"].flags() & Qt.ItemFlag.ItemIsEnabled
    court = rows["court"]
    assert not court.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "must be moved to legal intervention before it can be taken to court" in court.text()
    assert not dialog.choose("court") and not dialog.choose("closed")
    _fits(qtbot, dialog, "stage_dialog")

    assert dialog.choose("formal")
    dialog.submit()
    assert dialog.message.text() == "Reason: say why the case moves."
    dialog.reason.setPlainText("No improvement after two reviews")
    with qtbot.waitSignal(dialog.moved, timeout=5000) as moved:
        dialog.submit()
    assert moved.args[0].to_stage == "formal" and dialog.result() == QDialog.DialogCode.Accepted
    assert _snapshot(demo_profile, case_id)[0] == "formal"


def test_legal_needs_a_supervisor_and_a_refusal_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    supervisor = _add_supervisor(demo_profile)
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    before = _snapshot(demo_profile, case_id)
    dialog = StageDialog(_service(demo_profile), case_id, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.stages.count() > 0)
    assert not dialog.supervisor.isVisible()
    assert dialog.choose("legal") and dialog.supervisor.isVisible()
    dialog.reason.setPlainText("Support refused for a term")
    dialog.submit()
    assert dialog.message.text().startswith("Authorised by: Legal intervention needs")
    assert _snapshot(demo_profile, case_id) == before
    dialog.supervisor.setCurrentIndex(dialog.supervisor.findData(supervisor))
    # the case moves on elsewhere meanwhile: the rules, checked when the move is made, refuse
    # the dialog's choice, which it shows; nothing changes and the dialog stays open
    _service(demo_profile).move_stage(case_id, Stage.FORMAL, "Notice to Improve")
    moved_on = _snapshot(demo_profile, case_id)
    assert dialog.choose("formal")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Not moved:"))
    assert dialog.message.text() == "Not moved: the case is already at Formal intervention"
    assert dialog.ok.isEnabled() and dialog.result_move is None
    assert _snapshot(demo_profile, case_id) == moved_on


def test_close_case_prefills_the_figures_shows_what_is_signed_and_closes(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    service = _service(demo_profile)
    case_id = _case_at(demo_profile, Stage.SUPPORT)
    preview = service.closure_preview(case_id)
    dialog = CloseCaseDialog(service, case_id, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ok.isEnabled())
    assert [dialog.reasons.itemData(n) for n in range(dialog.reasons.count())][:3] == [
        None,  # no reason chosen for the officer
        "attendance_improved",
        "moved_out_of_area",
    ]
    register = preview.before.register
    assert dialog.before.value() == (NOT_KNOWN if register is None else round(register, 1))
    unchosen = _snapshot(demo_profile, case_id)
    dialog.submit()
    assert dialog.message.text() == "Reason: choose why the case closes."
    assert _snapshot(demo_profile, case_id) == unchosen
    dialog.reasons.setCurrentIndex(dialog.reasons.findData("attendance_improved"))
    signed = dialog.signed.toPlainText()
    assert signed.startswith("Stage: Plan and review to Closed - Attendance improved\n")
    assert "from the register" in signed
    _fits(qtbot, dialog, "close_case_dialog")

    before = _snapshot(demo_profile, case_id)
    dialog.reasons.setCurrentIndex(dialog.reasons.findData("other"))
    dialog.submit()
    assert dialog.message.text() == "Detail: say why the case closes (Other (with detail))."
    assert _snapshot(demo_profile, case_id) == before
    dialog.detail.setPlainText("Family emigrated to Portugal")
    dialog.after.setValue(91.5)
    assert "Attendance since the referral: 91.5% (given by the officer" in (
        dialog.signed.toPlainText()
    )
    with qtbot.waitSignal(dialog.closed, timeout=5000) as closed:
        dialog.submit()
    move = closed.args[0]
    assert (move.closure_code, move.attendance_after) == ("other", 91.5)
    assert _snapshot(demo_profile, case_id)[:2] == ("closed", "closed")


def test_reopen_needs_a_reason_and_reopens_at_allocated(  # type: ignore[no-untyped-def]
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    case_id = _case_at(demo_profile, Stage.CLOSED)
    dialog = ReopenCaseDialog(_service(demo_profile), case_id, runner, "ATT-2026-00001")
    qtbot.addWidget(dialog)
    _fits(qtbot, dialog, "reopen_case_dialog")
    before = _snapshot(demo_profile, case_id)
    dialog.submit()
    assert dialog.message.text() == "Reason: say why the case reopens."
    assert _snapshot(demo_profile, case_id) == before
    dialog.reason.setPlainText("School referred again")
    with qtbot.waitSignal(dialog.reopened, timeout=5000):
        dialog.submit()
    assert _snapshot(demo_profile, case_id)[:2] == ("allocated", "open")
