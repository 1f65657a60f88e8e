"""The ask form warns of a meeting on a Saturday, a Sunday or a bank holiday and asks the
officer to confirm it before a letter is made (issue 11, point 10)."""

from __future__ import annotations

import datetime as dt

from officer_app.gui.ask_form import AskForm
from officer_app.gui.markup import plain_label
from officer_app.letters import load_registry
from officer_app.services.letter_rendering import template_info

TODAY = dt.date(2026, 12, 1)


def test_an_unusual_meeting_day_is_shown_and_must_be_confirmed(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = AskForm(template_info(load_registry().get("meeting_invitation")).asks, TODAY)
    qtbot.addWidget(form)
    form.resize(640, 420)
    form.show()
    status = plain_label()
    warning, confirm = form.warning_labels["meeting_date"], form.confirms["meeting_date"]
    form.set_value("meeting_date", "2026-12-04")  # a Friday
    assert not warning.isVisible() and form.confirm_warnings(status, "Not made")
    form.set_value("meeting_date", "2026-12-06")  # a Sunday
    assert warning.isVisible() and confirm.isVisible()
    assert warning.text() == "Date of the meeting: Sunday 6 December 2026 is a Sunday"
    assert not form.confirm_warnings(status, "Not made")
    assert status.text() == (
        "Not made: Date of the meeting: Sunday 6 December 2026 is a Sunday. Tick \u201cYes, "
        "this date is right\u201d or choose another date."
    )
    form.grab().save("/tmp/ask_form_warning.png")
    confirm.setChecked(True)
    assert form.confirm_warnings(status, "Not made")
    form.set_value("meeting_date", "2026-12-25")  # another unusual day: asked again
    assert not confirm.isChecked()
    assert "bank holiday (Christmas Day)" in warning.text()
    assert form.unconfirmed() == ("meeting_date", warning.text())
    form.set_value("meeting_date", "2026-12-07")  # a Monday: nothing to confirm
    assert not warning.isVisible() and not confirm.isVisible()
    assert form.unconfirmed() is None


def test_the_form_refuses_a_time_after_now_before_signing(qtbot) -> None:  # type: ignore[no-untyped-def]
    from officer_app.forms import load_registry as forms
    from officer_app.gui.form_widget import FormWidget

    visit = forms().get("home_visit")
    form = FormWidget(
        visit,
        answers={"visit_date": "2026-11-20", "arrival_time": "10:00", "departure_time": "10:31"},
    )
    qtbot.addWidget(form)
    now = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)
    errors = form.validate(dt.date(2026, 11, 20), now=now)
    assert "departure_time" in {e.field_id for e in errors}
    assert "arrival_time" not in {e.field_id for e in errors}
    assert "departure_time" not in {e.field_id for e in form.validate(dt.date(2026, 11, 20))}
