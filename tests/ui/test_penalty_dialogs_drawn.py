"""The penalty-notice dialogs drawn in ui/*.ui: what the code adds to the drawing (the
parents' boxes, the rows a reason dialog is not asked for) and a text that arrives after
the dialog is shown, which must not cut off its last line or slide under the buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from officer_app.domain.penalty_notices import ThresholdEvidence
from officer_app.gui.penalty_dialogs import ConsiderDialog, ReasonDialog
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.penalty_notices import ParentChoice

TODAY = dt.date(2026, 12, 3)
EVIDENCE = ThresholdEvidence(
    first=dt.date(2026, 9, 1),
    last=dt.date(2026, 11, 19),
    computed_on=TODAY,
    met=True,
    unauthorised_in_window=14,
    window_from=dt.date(2026, 9, 7),
    window_to=dt.date(2026, 11, 13),
    codes_in_window={"G": 4, "O": 10},
    possible=120,
    unauthorised=18,
    attendance_pct="85.0",
)
PARENTS = (
    ParentChoice("p1", "Sarah Jones", "mother", True),
    ParentChoice("p2", "Mark Jones", "father", False),
)


@pytest.fixture()
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    made = TaskRunner()
    yield made
    made.wait_idle()


def test_the_parents_boxes_sit_in_the_drawn_row_in_order(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = ConsiderDialog(PARENTS, EVIDENCE.first, EVIDENCE.last, lambda a, b: EVIDENCE, runner)
    qtbot.addWidget(dialog)
    boxes = [box for box, _choice in dialog.parents]
    assert [box.text() for box in boxes] == [
        "Sarah Jones (mother)",
        "Mark Jones (father, no parental responsibility)",
    ]
    assert dialog.ui.parents_label.buddy() is boxes[0]
    wanted: list[QWidget] = [*boxes, dialog.grounds]
    met: list[QWidget] = []
    widget: QWidget = dialog.last
    while len(met) < len(wanted):
        widget = widget.nextInFocusChain()
        if widget in wanted:
            met.append(widget)
    assert met == wanted  # after "Register to", tabbing follows the rows, not the making


def test_evidence_that_arrives_after_showing_is_shown_whole(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    dialog = ConsiderDialog(PARENTS, EVIDENCE.first, EVIDENCE.last, lambda a, b: EVIDENCE, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.seen is not None, timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0)
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    label, note, buttons = dialog.evidence_label, dialog.note, dialog.buttons
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off
    assert note.geometry().bottom() < buttons.geometry().top()  # nothing under the buttons


def test_a_reason_dialog_shows_only_the_rows_asked_for(qtbot) -> None:  # type: ignore[no-untyped-def]
    bare = ReasonDialog("Decide", "Why not.", "Record", TODAY, with_date=False, required=False)
    qtbot.addWidget(bare)
    assert not bare.on.isVisibleTo(bare) and not bare.ui.on_label.isVisibleTo(bare)
    assert not bare.choices.isVisibleTo(bare)
    assert bare.ui.reason_label.text() == "&Note"
    full = ReasonDialog("Withdraw", "Why.", "Withdraw", TODAY, reasons=("Issued in error",))
    qtbot.addWidget(full)
    assert full.on.isVisibleTo(full) and full.choices.isVisibleTo(full)
    assert full.ui.reason_label.text() == "&Reason"
    full.choices.setCurrentIndex(1)
    assert full.text() == "Issued in error"


def test_a_register_range_that_ends_before_it_starts_cannot_be_recorded(  # type: ignore[no-untyped-def]
    qtbot, runner: TaskRunner
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from officer_app.gui.dates import qdate

    dialog = ConsiderDialog(PARENTS, EVIDENCE.first, EVIDENCE.last, lambda a, b: EVIDENCE, runner)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.last.setDate(qdate(EVIDENCE.first - dt.timedelta(days=1)))  # the day before
    assert not ok.isEnabled()
    assert dialog.evidence_label.text() == (
        "Register to: 31/08/2026 is before Register from (01/09/2026): the range ends before "
        "it starts."
    )
    dialog.last.setDate(qdate(EVIDENCE.first))  # the same day: a one-day range
    assert ok.isEnabled()
    dialog.last.setDate(qdate(EVIDENCE.first + dt.timedelta(days=1)))
    assert ok.isEnabled()
