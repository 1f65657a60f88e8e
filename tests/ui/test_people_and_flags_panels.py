"""The people and risk-flag panels: each change made in its dialog, signed into the chronology,
shown after; bad input says what and where and changes nothing (issue 11, points 4 and 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPlainTextEdit
from sqlalchemy import func, select

from officer_app.gui import theme
from officer_app.gui.change_dialog import ChangeDialog
from officer_app.gui.people_panel import PeoplePanel
from officer_app.gui.risk_flags_panel import FlagRow, RiskFlagsPanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import OpenProfile
from officer_app.store.models import ChronologyEntry, Family, OutboxMutation, RiskFlag
from tests.unit.test_family_changes import _family_with_two_open_cases

LAPTOP = (1366, 728)
SIDE = (360, 640)


@pytest.fixture()
def runner(qtbot) -> TaskRunner:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    made = TaskRunner()
    yield made
    made.wait_idle()


def _counts(profile: OpenProfile) -> tuple[int, ...]:
    return profile.store.read(
        lambda s: tuple(
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (ChronologyEntry, OutboxMutation)
        )
    )


def _fill(dialog: ChangeDialog, **values: str) -> None:
    for key, value in values.items():
        widget = dialog.fields[key]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)


def _press(dialog: ChangeDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _fits(qtbot, dialog: ChangeDialog, name: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(dialog.isVisible)
    size = dialog.frameGeometry()
    assert size.width() <= LAPTOP[0] and size.height() <= LAPTOP[1], name
    dialog.grab().save(f"/tmp/{name}.png")


def test_people_panel_moves_the_family_and_keeps_the_old_address(
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    panel = PeoplePanel(cases[0], demo_profile.family_changes, runner)
    qtbot.addWidget(panel)
    panel.resize(*SIDE)
    panel.show()
    qtbot.waitUntil(lambda: panel.people is not None, timeout=10_000)
    old = panel.address.text()

    panel.change_address()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "change_address")
    before = _counts(demo_profile)
    _fill(dialog, line1="3 Birch Close", town="Northam", postcode="XT4 5", reason="Mother rang")
    _press(dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text().startswith("Postcode: 'XT4 5' is not the shape of a UK postcode")
    assert dialog.fields["postcode"].hasFocus() or not dialog.isActiveWindow()
    assert _counts(demo_profile) == before  # nothing changed
    assert panel.address.text() == old

    _fill(dialog, postcode="XT4 5AB")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(lambda: panel.address.text().startswith("3 Birch Close"), timeout=10_000)
    assert panel.since.text() == "Lived here since 20/11/2026"
    assert old in panel.earlier.text() and "to 20/11/2026" in panel.earlier.text()
    signed = demo_profile.store.read(
        lambda s: s.scalar(
            select(func.count())
            .select_from(ChronologyEntry)
            .where(ChronologyEntry.title == "Family details: new address from 20/11/2026")
        )
    )
    assert signed == len(cases)
    assert demo_profile.store.read(lambda s: s.get_one(Family, family_id).postcode) == "XT4 5AB"
    panel.grab().save("/tmp/people_panel.png")


def test_people_panel_edits_an_adult_and_greys_one_who_left(
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    _, cases = _family_with_two_open_cases(demo_profile)
    panel = PeoplePanel(cases[0], demo_profile.family_changes, runner)
    qtbot.addWidget(panel)
    panel.resize(*SIDE)
    panel.show()
    qtbot.waitUntil(lambda: panel.adults.count() > 0, timeout=10_000)
    assert not panel.edit_button.isEnabled()  # nobody chosen yet
    panel.adults.setCurrentRow(0)
    first = panel._selected()
    assert first is not None

    panel.edit_adult()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "edit_adult")
    _fill(dialog, phone="07700 900321", reason="")
    before = _counts(demo_profile)
    _press(dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "needs a reason" in dialog.error.text()
    assert _counts(demo_profile) == before
    _fill(dialog, reason="new number, texted to me")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(lambda: "07700 900321" in panel.adults.item(0).text(), timeout=10_000)

    panel.adults.setCurrentRow(0)
    panel.adult_left()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "adult_left")
    _fill(dialog, reason="moved out to his own flat")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    last = panel.adults.count() - 1
    qtbot.waitUntil(lambda: "Left on 20/11/2026" in panel.adults.item(last).text(), timeout=10_000)
    assert first.name in panel.adults.item(last).text()
    assert panel.adults.item(last).font().italic()
    panel.adults.setCurrentRow(last)
    assert not panel.edit_button.isEnabled() and not panel.left_button.isEnabled()

    panel.add_adult()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "add_adult")
    panel.grab().save("/tmp/people_panel_ended.png")


def test_risk_flags_panel_raises_changes_and_ends_a_flag(
    qtbot, demo_profile: OpenProfile, runner: TaskRunner
) -> None:
    _, cases = _family_with_two_open_cases(demo_profile)
    panel = RiskFlagsPanel(cases[0], demo_profile.risk_flags, runner)
    qtbot.addWidget(panel)
    panel.resize(*SIDE)
    panel.show()
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=10_000)

    panel.raise_flag()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "raise_flag")
    before = _counts(demo_profile)
    _fill(dialog, description="  ", reason="neighbour told me")
    _press(dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert dialog.error.text() == "Description: say what the risk is"
    assert _counts(demo_profile) == before
    _fill(dialog, description="Large dog, not always shut away")
    dialog.fields["category"].setCurrentText("Dog")  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(lambda: panel.list.count() >= 1, timeout=10_000)
    flag = next(f for f in panel.found if f.description.startswith("Large dog"))
    assert flag.severity == "medium"  # the form's default

    panel.list.setCurrentRow(panel.found.index(flag))
    panel.change_flag()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "change_flag")
    severity = dialog.fields["severity"]
    severity.setCurrentIndex(2)  # type: ignore[attr-defined]
    _fill(dialog, reason="dog rehomed to the garden kennel")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(
        lambda: any(f.id == flag.id and f.severity == "low" for f in panel.found), timeout=10_000
    )
    row = panel.list.itemWidget(panel.list.item(0))
    assert isinstance(row, FlagRow) and row.chip.text() in ("LOW", "HIGH", "MEDIUM")
    low_row = next(
        panel.list.itemWidget(panel.list.item(i))
        for i, f in enumerate(panel.found)
        if f.id == flag.id
    )
    assert isinstance(low_row, FlagRow)
    assert low_row.chip.text() == "LOW" and "#842029" not in low_row.chip.styleSheet()
    assert low_row.chip.width() < panel.width() / 2  # a chip, never a full-width banner
    panel.grab().save("/tmp/risk_flags_panel.png")

    panel.list.setCurrentRow(panel.found.index(next(f for f in panel.found if f.id == flag.id)))
    panel.end_flag()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "end_flag")
    _fill(dialog, reason="the family no longer has the dog")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(lambda: all(f.id != flag.id for f in panel.found), timeout=10_000)
    panel.show_ended.setChecked(True)
    qtbot.waitUntil(lambda: any(f.id == flag.id for f in panel.found), timeout=10_000)
    ended = next(f for f in panel.found if f.id == flag.id)
    assert not ended.active and ended.end_reason == "the family no longer has the dog"
    assert demo_profile.store.read(lambda s: s.get_one(RiskFlag, flag.id).active) is False
    titles = demo_profile.store.read(
        lambda s: list(
            s.scalars(
                select(ChronologyEntry.title).where(
                    ChronologyEntry.case_id == cases[0], ChronologyEntry.title.like("Risk flag%")
                )
            )
        )
    )
    assert titles == [
        "Risk flag raised: MEDIUM Dog (the address)",
        "Risk flag changed: Dog",
        "Risk flag ended on 20/11/2026: Dog",
    ]
    panel.grab().save("/tmp/risk_flags_panel_ended.png")
    assert Path("/tmp/risk_flags_panel_ended.png").exists()
