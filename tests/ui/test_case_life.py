"""Issue 11 "Done when", in the window: a new officer with no demo takes a referral (adding its
school, which the fresh profile does not hold), and runs the case through its life, all by the
window's own menu and the case's tool row, on a 1366x728 screen. At each step the header shows
the stage and the chronology the signed entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from officer_app.gui.case_page import CasePage
from officer_app.gui.chronology_model import EntryRole
from officer_app.gui.close_case_dialog import CloseCaseDialog, ReopenCaseDialog
from officer_app.gui.dates import qdate
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.referral_dialog import ReferralDialog
from officer_app.gui.stage_dialog import StageDialog
from officer_app.gui.window import MainWindow
from officer_app.services.dto import EntryInfo
from tests.conftest import MemoryKeyring
from tests.ui.conftest import make_window, unlock
from tests.ui.fresh_profile import fresh_profile
from tests.ui.test_form_widget import choose, type_date, type_text, type_time
from tests.ui.test_records_end_to_end import fill_what_is_missing

SCREEN = (1366, 728)


def _entries(page: CasePage) -> list[EntryInfo]:
    model = page.chronology_pane.chronology
    found = []
    for row in range(model.rowCount()):
        entry = model.item(row, 0).data(EntryRole)
        if isinstance(entry, EntryInfo):
            found.append(entry)
    return found


def _shows(qtbot: Any, page: CasePage, stage: str, title: str) -> None:
    """The header shows ``stage``; the chronology a signed entry whose title has ``title``."""

    def shown() -> bool:
        signed = [e.title.casefold() for e in _entries(page) if e.signed]
        wanted = title.casefold()
        return page.header.stage.text() == stage and any(wanted in t for t in signed)

    try:
        qtbot.waitUntil(shown, timeout=10_000)
    except Exception:
        titles = [(e.title, e.signed) for e in _entries(page)]
        raise AssertionError(f"{page.header.stage.text()!r}: {titles}") from None


def _take_referral(qtbot: Any, window: MainWindow) -> CasePage:
    window.referral_action.trigger()
    dialog = window.referral_dialog
    assert isinstance(dialog, ReferralDialog)
    qtbot.waitUntil(lambda: dialog.ui.school.completer() is not None, timeout=10_000)
    assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1]
    ui = dialog.ui
    qtbot.keyClicks(ui.forename, "Robin")
    qtbot.keyClicks(ui.surname, "Fairweather")
    ui.dob.setDate(qdate(dt.date(2014, 5, 3)))
    qtbot.keyClicks(ui.school, "100123")
    assert dialog.is_new_school()  # a URN the fresh profile does not hold: name it
    qtbot.keyClicks(ui.new_school_name, "Brookside Primary School")
    ui.new_school_phase.setCurrentIndex(ui.new_school_phase.findData("primary"))
    ui.year_group.setCurrentIndex(ui.year_group.findData("6"))
    qtbot.keyClicks(ui.address1, "3 Mill Lane")
    qtbot.keyClicks(ui.town, "Northam")
    qtbot.keyClicks(ui.postcode, "XT1 2AB")
    ui.adults.item(0, 0).setText("Sam")
    ui.adults.item(0, 1).setText("Fairweather")
    qtbot.keyClicks(ui.referred_by, "Brookside Primary attendance lead")
    qtbot.keyClicks(ui.reason, "Attendance 81% this term after letters and a meeting.")
    ui.received.setDate(qdate(dt.date(2026, 11, 16)))
    dialog.grab().save("/tmp/fresh_referral.png")
    with qtbot.waitSignal(dialog.taken, timeout=15_000):
        ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    page = window.current_case()
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    assert page.detail is not None and page.detail.child.name.startswith("Robin")
    return page


def _move_on(qtbot: Any, page: CasePage, stage: str, reason: str) -> None:
    page.buttons["move_stage"].click()
    dialog = page.stage_dialog
    assert isinstance(dialog, StageDialog)
    qtbot.waitUntil(lambda: dialog.stages.count() > 0, timeout=10_000)
    assert dialog.choose(stage), stage
    dialog.reason.setPlainText(reason)
    with qtbot.waitSignal(dialog.moved, timeout=10_000):
        dialog.ok.click()


def _record(qtbot: Any, page: CasePage, form_id: str) -> RecordDialog:
    before = page.field_actions.open_dialog if page.field_actions is not None else None
    page.buttons[form_id].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
            and page.field_actions.open_dialog is not before
        ),
        timeout=10_000,
    )
    assert page.field_actions is not None
    dialog = page.field_actions.open_dialog
    assert isinstance(dialog, RecordDialog)
    return dialog


def _sign(qtbot: Any, dialog: RecordDialog) -> None:
    with qtbot.waitSignal(dialog.signed, timeout=15_000, raising=False) as signed:
        dialog.sign()
    assert signed.signal_triggered, dialog.status.text()


@pytest.mark.slow
def test_a_new_officer_runs_a_whole_case_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, keyring_backend: MemoryKeyring, clock
) -> None:
    folder = tmp_path / "profile"
    fresh_profile(folder, keyring_backend, clock).lock()
    window = make_window(qtbot, folder, keyring_backend, clock)
    window.resize(*SCREEN)
    unlock(qtbot, window)
    assert window.caseload.model.rows == []

    page = _take_referral(qtbot, window)
    _shows(qtbot, page, "Referral", "Referral received")

    # a new case's page never pushes the window past the screen (its penalty-notice tab's
    # rules in brief once made it 1,467 px wide)
    assert window.width() <= SCREEN[0], window.width()
    assert page.minimumSizeHint().width() <= SCREEN[0] - 40, page.minimumSizeHint()

    _move_on(qtbot, page, "allocated", "Allocated to Jordan Fresh")
    _shows(qtbot, page, "Allocated", "Referral to Allocated")

    visit = _record(qtbot, page, "home_visit")
    form = visit.form
    type_date(qtbot, form, "visit_date", digits="19112026")
    type_text(qtbot, form, "visit_address", text="3 Mill Lane\nNortham XT1 2AB")
    choose(qtbot, form, "visit_type", value="unannounced")
    type_time(qtbot, form, "arrival_time", digits="0940")
    type_time(qtbot, form, "departure_time", digits="1025")
    choose(qtbot, form, "outcome", value="seen")
    choose(qtbot, form, "child_seen", value=True)
    choose(qtbot, form, "safeguarding_concern", value=False)
    fill_what_is_missing(qtbot, form)
    _sign(qtbot, visit)
    _shows(qtbot, page, "Allocated", "Home visit record")

    _move_on(qtbot, page, "assessment", "Seen at home; assessing why Robin is absent")
    _shows(qtbot, page, "Assessment", "Allocated to Assessment")

    assessment = _record(qtbot, page, "initial_assessment")
    fill_what_is_missing(qtbot, assessment.form)
    _sign(qtbot, assessment)
    _shows(qtbot, page, "Assessment", "Initial assessment")

    _move_on(qtbot, page, "support", "Plan agreed with the family and the school")
    _shows(qtbot, page, "Plan and review", "to Plan and review")

    page.buttons["close_case"].click()
    closing = page.stage_dialog
    assert isinstance(closing, CloseCaseDialog)
    qtbot.waitUntil(lambda: closing.ok.isEnabled(), timeout=10_000)
    closing.reasons.setCurrentIndex(closing.reasons.findData("attendance_improved"))
    closing.detail.setPlainText("Attendance back above 95% for six weeks")
    with qtbot.waitSignal(closing.closed, timeout=10_000):
        closing.ok.click()
    _shows(qtbot, page, "Closed", "to Closed")
    assert not page.buttons["move_stage"].isEnabled()

    page.buttons["reopen_case"].click()
    reopening = page.stage_dialog
    assert isinstance(reopening, ReopenCaseDialog)
    reopening.reason.setPlainText("The school referred Robin again after half term")
    with qtbot.waitSignal(reopening.reopened, timeout=10_000):
        reopening.ok.click()
    _shows(qtbot, page, "Allocated", "Closed to Allocated")
    window.grab().save("/tmp/fresh_case_life.png")
    assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]

    titles = [e.title for e in _entries(page)]
    assert all(e.signed for e in _entries(page)), titles
    window.close()
    window.runner.wait_idle()
