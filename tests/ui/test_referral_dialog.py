"""File > New referral, driven as an officer would: a referral taken through the dialog opens
the case; the same child is shown with its case, opened or taken again with a reason; a bad
UPN is one line at the field and nothing is saved; the dialog fits a laptop screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select
from stdnum.gb import upn as upn_check

from officer_app.gui.dates import qdate
from officer_app.gui.referral_dialog import LAPTOP, ReferralDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.store.models import Adult, Case, School

BODY = "384005551234"
UPN = upn_check.calc_check_digit(BODY) + BODY
WRONG_LETTER = ("A" if UPN[0] != "A" else "B") + BODY


def _dialog(qtbot: Any, profile: Any) -> ReferralDialog:
    runner = TaskRunner()
    dialog = ReferralDialog(None, profile.referrals, runner)
    dialog._test_runner = runner  # type: ignore[attr-defined]  # kept alive with the dialog
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ui.school.completer() is not None, timeout=10_000)
    return dialog


def _fill(qtbot: Any, dialog: ReferralDialog, profile: Any, *, upn: str = UPN) -> None:
    ui = dialog.ui
    name, urn = profile.store.read(
        lambda s: tuple(s.execute(select(School.name, School.urn).order_by(School.urn)).first())
    )
    qtbot.keyClicks(ui.forename, "Percy")
    qtbot.keyClicks(ui.surname, "Thistlewood")
    ui.dob.setDate(qdate(dt.date(2013, 10, 2)))
    ui.gender.setCurrentIndex(ui.gender.findData("M"))
    qtbot.keyClicks(ui.upn, upn)
    ui.school.setText(f"{name} ({urn})")
    ui.year_group.setCurrentIndex(ui.year_group.findData("8"))
    qtbot.keyClicks(ui.address1, "7 Hawthorn Rise")
    qtbot.keyClicks(ui.town, "Northam")
    qtbot.keyClicks(ui.postcode, "XT2 5LW")
    ui.adults.item(0, 0).setText("Grace")
    ui.adults.item(0, 1).setText("Thistlewood")
    ui.adults.item(0, 2).setText("mother")
    ui.adults.item(0, 4).setText("07700 900456")
    qtbot.keyClicks(ui.referred_by, "Hillside Academy attendance lead")
    qtbot.keyClicks(ui.reason, "Attendance 79% since September; parent not engaging.")


def _save(qtbot: Any, dialog: ReferralDialog) -> None:
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _cases(profile: Any) -> int:
    return int(profile.store.read(lambda s: s.scalar(select(func.count()).select_from(Case))))


def test_a_referral_taken_in_the_dialog_opens_the_case(qtbot: Any, demo_profile: Any) -> None:
    dialog = _dialog(qtbot, demo_profile)
    assert dialog.ui.received.date() == qdate(demo_profile.clock.today())
    _fill(qtbot, dialog, demo_profile)
    with qtbot.waitSignal(dialog.taken, timeout=15_000) as taken:
        _save(qtbot, dialog)
    case_id = taken.args[0]
    assert dialog.result_case_id == case_id
    detail = demo_profile.cases.open_case(case_id)
    assert detail.child.name == "Percy Thistlewood" and detail.child.year_group == "8"
    assert detail.stage_label == "Referral" and detail.entries[0].title == "Referral received"
    assert "Hillside Academy attendance lead" in detail.entries[0].body
    mother = demo_profile.store.read(
        lambda s: s.scalar(select(Adult).where(Adult.forename == "Grace"))
    )
    assert mother.relationship_to_child == "mother" and mother.parental_responsibility


def test_the_same_child_is_shown_with_its_case_and_can_be_opened(
    qtbot: Any, demo_profile: Any
) -> None:
    first = _dialog(qtbot, demo_profile)
    _fill(qtbot, first, demo_profile)
    with qtbot.waitSignal(first.taken, timeout=15_000):
        _save(qtbot, first)
    held = _cases(demo_profile)
    reference = demo_profile.cases.open_case(first.result_case_id).reference

    again = _dialog(qtbot, demo_profile)
    _fill(qtbot, again, demo_profile)
    _save(qtbot, again)
    qtbot.waitUntil(lambda: again.ui.duplicates_box.isVisible(), timeout=15_000)
    assert "Percy Thistlewood" in again.ui.duplicates_text.text()
    assert again.ui.duplicates.item(0).text().startswith(f"{reference}: Referral, open")
    _save(qtbot, again)  # no reason given: still not saved
    assert "say why this is a new case" in again.ui.message.text()
    assert _cases(demo_profile) == held
    with qtbot.waitSignal(again.open_case, timeout=5_000) as opened:
        qtbot.mouseClick(again.ui.open_case, Qt.MouseButton.LeftButton)
    assert opened.args == [first.result_case_id]
    assert _cases(demo_profile) == held


def test_the_same_child_taken_again_with_a_reason_is_a_new_case(
    qtbot: Any, demo_profile: Any
) -> None:
    first = _dialog(qtbot, demo_profile)
    _fill(qtbot, first, demo_profile)
    with qtbot.waitSignal(first.taken, timeout=15_000):
        _save(qtbot, first)
    again = _dialog(qtbot, demo_profile)
    _fill(qtbot, again, demo_profile)
    _save(qtbot, again)
    qtbot.waitUntil(lambda: again.ui.duplicates_box.isVisible(), timeout=15_000)
    qtbot.keyClicks(again.ui.why_new, "Closed in July; referred again by the new school")
    with qtbot.waitSignal(again.taken, timeout=15_000) as taken:
        _save(qtbot, again)
    body = demo_profile.cases.open_case(taken.args[0]).entries[0].body
    assert "Closed in July; referred again by the new school" in body


def test_a_bad_upn_is_one_line_at_the_field_and_nothing_is_saved(
    qtbot: Any, demo_profile: Any
) -> None:
    held = _cases(demo_profile)
    dialog = _dialog(qtbot, demo_profile)
    _fill(qtbot, dialog, demo_profile, upn=WRONG_LETTER)
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_at("upn") != "", timeout=15_000)
    assert dialog.error_at("upn") == "wrong check letter: not a valid UPN"
    assert dialog.ui.upn_error.isVisible()
    assert [
        k for k in ("forename", "surname", "dob", "school", "reason") if dialog.error_at(k)
    ] == []
    assert dialog.result_case_id is None and dialog.isVisible()
    assert _cases(demo_profile) == held


def test_the_dialog_fits_a_laptop_screen(qtbot: Any, demo_profile: Any) -> None:
    dialog = _dialog(qtbot, demo_profile)
    for _ in range(6):
        dialog.add_adult()
    dialog.adjustSize()
    size = dialog.frameGeometry().size()
    assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()
    assert dialog.maximumWidth() <= LAPTOP.width()
    assert dialog.maximumHeight() <= LAPTOP.height()
    _fill(qtbot, dialog, demo_profile, upn=WRONG_LETTER)
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_at("upn") != "", timeout=15_000)
    size = dialog.frameGeometry().size()
    assert size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()
