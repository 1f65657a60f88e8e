"""The people panel sets and clears "address withheld" with a reason, and says it plainly
(issue 13, point 2)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from officer_app.gui.people_panel import PeoplePanel
from officer_app.gui.task_runner import TaskRunner
from officer_app.services.profile import OpenProfile
from officer_app.store.models import Family
from tests.ui.test_people_and_flags_panels import SIDE, _counts, _fits, _press, runner  # noqa: F401
from tests.unit.test_family_changes import _family_with_two_open_cases


def _reason(panel: PeoplePanel, text: str) -> None:
    assert panel.dialog is not None
    field = panel.dialog.fields["reason"]
    assert isinstance(field, QPlainTextEdit)
    field.setPlainText(text)


def test_the_people_panel_withholds_an_address_and_clears_it(
    qtbot,  # type: ignore[no-untyped-def]
    demo_profile: OpenProfile,
    runner: TaskRunner,  # noqa: F811
) -> None:
    family_id, cases = _family_with_two_open_cases(demo_profile)
    panel = PeoplePanel(cases[0], demo_profile.family_changes, runner)
    qtbot.addWidget(panel)
    panel.resize(*SIDE)
    panel.show()
    qtbot.waitUntil(lambda: panel.flags is not None, timeout=10_000)
    assert not panel.withheld.isVisible()
    assert panel.withhold_button.text() == "Withhold address…"

    panel.withhold_family()
    dialog = panel.dialog
    assert dialog is not None
    _fits(qtbot, dialog, "withhold_address")
    before = _counts(demo_profile)
    _press(dialog)  # no reason: refused, nothing changed
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "needs a reason" in dialog.error.text()
    assert _counts(demo_profile) == before
    _reason(panel, "Mother in a refuge; the IDVA asked")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(dialog)
    qtbot.waitUntil(panel.withheld.isVisible, timeout=10_000)
    assert panel.withheld.text().startswith("ADDRESS WITHHELD (the family):")
    assert panel.withhold_button.text() == "Stop withholding…"
    assert "signed on" in panel.status.text()
    assert demo_profile.store.read(lambda s: s.get_one(Family, family_id).address_withheld)
    panel.grab().save("/tmp/people_panel_withheld.png")

    panel.adults.setCurrentRow(0)
    adult = panel._selected()
    assert adult is not None and panel.withhold_adult_button.isEnabled()
    panel.withhold_adult()
    _reason(panel, "she asked for it in her own right")
    assert panel.dialog is not None
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(panel.dialog)
    qtbot.waitUntil(lambda: "ADDRESS WITHHELD" in panel.adults.item(0).text(), timeout=10_000)
    panel.adults.setCurrentRow(0)
    assert panel.withhold_adult_button.text() == "Stop withholding theirs…"
    panel.grab().save("/tmp/people_panel_withheld_adult.png")

    panel.withhold_family()  # now: stop withholding
    assert panel.dialog is not None and panel.dialog.windowTitle() == "Stop withholding an address"
    _reason(panel, "court directed it may be given")
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        _press(panel.dialog)
    qtbot.waitUntil(lambda: panel.withhold_button.text() == "Withhold address…", timeout=10_000)
    assert not demo_profile.store.read(lambda s: s.get_one(Family, family_id).address_withheld)
    if adult.lives_with_child and adult.current:  # still withheld for the adult
        assert panel.withheld.isVisible() and adult.name in panel.withheld.text()
