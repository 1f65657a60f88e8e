"""The home visit form on a case heading for legal action (issue 9, point 11): it says that
questions about the offence need an interview under caution, the parent's account is
optional, and a significant statement is recorded and kept with the signed visit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from officer_app.gui.case_page import CasePage
from officer_app.gui.form_widget import FormWidget
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.window import MainWindow
from officer_app.store.models import Case

REMARK = "He's not going back to that school and there is nothing you can do about it."


def _visit_form(qtbot, window: MainWindow, legal: bool) -> tuple[CasePage, RecordDialog]:  # type: ignore[no-untyped-def]
    assert window.profile is not None
    profile = window.profile
    stages = profile.store.read(lambda s: dict(s.execute(select(Case.id, Case.stage)).all()))
    row = next(
        r
        for r in window.caseload.model.rows
        if not r.has_risk
        and stages[r.case_id] in ("support", "formal")  # either may move to legal intervention
        and profile.field_work.case_facts(r.case_id)["legal_action"] is False
    )
    if legal:

        def move(session: Any) -> None:
            case = session.get_one(Case, row.case_id)
            case.stage = "legal"

        profile.store.write_wait(move)
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
    dialog = page.field_actions.open_dialog
    assert isinstance(dialog, RecordDialog)
    return page, dialog


def _caution(form: FormWidget) -> Any:
    return next(v for v in form.sections if v.section.id == "caution")


def test_on_a_legal_case_the_form_warns_and_keeps_a_significant_statement(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    page, dialog = _visit_form(qtbot, window, legal=True)
    form = dialog.form
    fact = form.rows["legal_action"]
    assert fact.editor.value() is True and fact.editor.read_only  # the case's, not typed
    assert not any(button.isEnabled() for button in fact.editor.buttons.values())  # type: ignore[attr-defined]
    caution = _caution(form)
    assert caution.shown
    assert caution.help_label is not None
    assert "interviewing them under caution" in caution.help_label.text()
    person = form.people[-1][0]
    answers = {
        "visit_date": "2026-11-19",
        "visit_address": "3 Birch Close, Northam",
        "visit_type": "planned",
        "arrival_time": "09:30",
        "departure_time": "10:00",
        "outcome": "seen",
        "present": [person],
        "child_seen": False,
        "child_not_seen_reason": "At his aunt's.",
        "safeguarding_concern": False,
        "significant_statements": [
            {
                "statement": REMARK,
                "statement_by": person,
                "statement_time": "09:41",
                "statement_heard_by": "The officer",
                "statement_asked_to_sign": True,
                "statement_signed": True,
            }
        ],
    }
    form.set_answers(form.answers() | answers)  # keeps the fact set from the case
    assert not form.rows["parent_account"].required  # optional here
    assert form.rows["parent_account"].shown
    before = page.chronology.rowCount()
    dialog.sign()
    qtbot.waitUntil(lambda: page.chronology.rowCount() == before + 1, timeout=10_000)
    assert window.profile is not None
    [kept] = window.profile.field_work.significant_statements(page.case_id)
    assert (kept.statement, kept.said_at, kept.signed) == (REMARK, "09:41", True)


def test_elsewhere_the_form_asks_for_the_account_and_shows_no_caution(
    qtbot,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    _page, dialog = _visit_form(qtbot, window, legal=False)
    form = dialog.form
    assert form.rows["legal_action"].editor.value() is False
    assert form.rows["legal_action"].editor.read_only
    assert not _caution(form).shown
    form.set_answers(form.answers() | {"outcome": "seen"})
    assert form.rows["parent_account"].required
    dialog.reject()
