"""A record opens with what the case already knows, and a time that cannot be true is said at
its field before signing (issue 11, point 10)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from officer_app.gui.case_page import CasePage
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.window import MainWindow
from officer_app.store.models import Case, Child
from tests.conftest import DEMO_NOW, DEMO_TODAY


def _new_home_visit(qtbot, window: MainWindow) -> tuple[CasePage, RecordDialog]:  # type: ignore[no-untyped-def]
    row = next(r for r in window.caseload.model.rows if not r.has_risk)
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    page.buttons["home_visit"].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
        ),
        timeout=10_000,
    )
    dialog = page.field_actions.open_dialog  # type: ignore[union-attr]
    assert isinstance(dialog, RecordDialog)
    return page, dialog


def _first_line_of_the_family_address(window: MainWindow, case_id: str) -> str:
    def work(session: Session) -> str:
        case = session.get_one(Case, case_id)
        family = session.get_one(Child, case.child_id).family
        assert family is not None
        return family.address_line1

    assert window.profile is not None
    return window.profile.store.read(work)


def test_a_new_visit_record_opens_with_today_and_the_family_address(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page, dialog = _new_home_visit(qtbot, window)
    answers = dialog.form.answers()
    assert answers["visit_date"] == DEMO_TODAY.isoformat()
    line1 = _first_line_of_the_family_address(window, page.case_id)
    assert line1 and answers["visit_address"].startswith(line1)
    assert dialog.status.text() == "Your answers are kept as you type."  # not a draft restored
    dialog.reject()


def test_a_departure_before_arrival_and_a_time_after_now_are_said_at_their_fields(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page, dialog = _new_home_visit(qtbot, window)
    assert DEMO_NOW.hour == 10 and DEMO_NOW.minute == 30  # 10:30 in London in November
    before = page.chronology.rowCount()
    dialog.form.set_answers(
        {**dialog.form.answers(), "arrival_time": "10:00", "departure_time": "09:30"}
    )
    dialog.sign()
    departure = dialog.form.rows["departure_time"]
    assert departure.error and "arrival" in departure.error.lower(), departure.error
    assert dialog.form.rows["arrival_time"].error is None
    # a time later than now (the day being today) is refused at its field before signing
    dialog.form.set_answers(
        {**dialog.form.answers(), "arrival_time": "10:00", "departure_time": "10:31"}
    )
    dialog.sign()
    departure = dialog.form.rows["departure_time"]
    assert departure.error and "after" in departure.error.lower(), departure.error
    assert "still needed or wrong" in dialog.status.text()
    assert dialog.sign_button.isEnabled() and dialog.isVisible()  # nothing was signed
    assert window.runner.wait_idle()
    assert page.chronology.rowCount() == before
    dialog.reject()
