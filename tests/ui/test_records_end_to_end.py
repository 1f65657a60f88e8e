"""A visit (seen and no reply) and an assessment, filled in through the widgets, signed,
and their PDFs read back: the whole field-work path an officer walks."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from officer_app.gui.case_page import CasePage
from officer_app.gui.form_fields import (
    CheckEditor,
    ComboEditor,
    DateEditor,
    LineEditor,
    NumberEditor,
    RadioEditor,
    TextEditor,
    TimeEditor,
)
from officer_app.gui.form_widget import FormWidget, RepeatingGroup
from officer_app.gui.record_dialog import RecordDialog
from officer_app.gui.window import MainWindow
from tests.conftest import DEMO_TODAY as TODAY
from tests.ui.test_form_widget import choose, click, type_date, type_text, type_time


def _case(qtbot, window: MainWindow) -> CasePage:  # type: ignore[no-untyped-def]
    row = next(r for r in window.caseload.model.rows if not r.has_risk)
    page = window.open_case(row.case_id)
    assert isinstance(page, CasePage)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10_000)
    return page


def _dialog(qtbot, page: CasePage, form_id: str) -> RecordDialog:  # type: ignore[no-untyped-def]
    page.buttons[form_id].click()
    qtbot.waitUntil(
        lambda: (
            page.field_actions is not None
            and isinstance(page.field_actions.open_dialog, RecordDialog)
        ),
        timeout=10_000,
    )
    dialog = page.field_actions.open_dialog
    assert isinstance(dialog, RecordDialog)
    return dialog


def fill_what_is_missing(qtbot, form: FormWidget) -> None:  # type: ignore[no-untyped-def]
    """Answer every question the form still needs, through its widgets, as a person would."""
    tried_dates: set[tuple[str | int, ...]] = set()
    for _ in range(10):
        errors = form.validate(TODAY)
        if not errors:
            return
        for error in errors:
            path = error.path or (error.field_id,)
            editor = form.editor(*path)
            if isinstance(editor, RepeatingGroup):
                click(qtbot, editor.add_button)
            elif isinstance(editor, RadioEditor):
                click(qtbot, next(iter(editor.buttons.values())))
            elif isinstance(editor, CheckEditor):
                click(qtbot, next(iter(editor.boxes.values())))
            elif isinstance(editor, ComboEditor):
                editor.combo.setFocus()
                qtbot.keyClick(editor.combo, Qt.Key.Key_Down)
            elif isinstance(editor, DateEditor):
                # a past date first (visits, assessments); a future one if that is refused
                if path in tried_dates:
                    editor.date_edit.setDate(QDate(2027, 1, 8))  # as if picked on the calendar
                else:
                    tried_dates.add(path)
                    qtbot.mouseClick(editor.date_edit, Qt.MouseButton.LeftButton)
                    qtbot.keyClicks(editor.date_edit, "19112026")
            elif isinstance(editor, TimeEditor):
                qtbot.mouseClick(editor.time_edit, Qt.MouseButton.LeftButton)
                qtbot.keyClicks(editor.time_edit, "1000")
            elif isinstance(editor, NumberEditor):
                editor.spin.setFocus()
                qtbot.keyClick(editor.spin, Qt.Key.Key_Up)
            elif isinstance(editor, LineEditor):
                qtbot.keyClicks(editor.line_edit, "The school's attendance lead")
            elif isinstance(editor, TextEditor):
                qtbot.keyClicks(editor.text_edit, "Talked it through with the family.")
            QApplication.processEvents()
    raise AssertionError(f"still missing: {[(e.path, e.message) for e in form.validate(TODAY)]}")


def _sign_and_print(qtbot, page: CasePage, dialog: RecordDialog, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.signed, timeout=15_000, raising=False) as signed:
        dialog.sign()
    assert signed.signal_triggered, dialog.status.text()
    entry = signed.args[0]
    assert entry.signed and entry.form_id == dialog.definition.id
    out = tmp_path / f"{entry.form_id}.pdf"
    pages = page._field_work().export_record_pdf(entry.id, out)
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert f"Page {pages} of {pages}" in text and entry.content_hash[:16] in text
    return text


def test_a_no_reply_visit_through_the_widgets(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _case(qtbot, window)
    dialog = _dialog(qtbot, page, "home_visit")
    form = dialog.form
    type_date(qtbot, form, "visit_date", digits="19112026")
    type_text(qtbot, form, "visit_address", text="14 Alder Road\nNortham XT4 2BD")
    choose(qtbot, form, "visit_type", value="unannounced")
    type_time(qtbot, form, "arrival_time", digits="1005")
    type_time(qtbot, form, "departure_time", digits="1020")
    choose(qtbot, form, "outcome", value="no_reply")
    choose(qtbot, form, "calling_card_left", value=True)
    choose(qtbot, form, "safeguarding_concern", value=False)
    fill_what_is_missing(qtbot, form)
    text = _sign_and_print(qtbot, page, dialog, tmp_path)
    assert "No reply" in text and "14 Alder Road" in text
    assert "The child's voice" not in text  # not asked when nobody answered the door


def test_a_seen_visit_through_the_widgets(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _case(qtbot, window)
    dialog = _dialog(qtbot, page, "home_visit")
    form = dialog.form
    type_date(qtbot, form, "visit_date", digits="19112026")
    type_text(qtbot, form, "visit_address", text="14 Alder Road\nNortham XT4 2BD")
    choose(qtbot, form, "visit_type", value="planned")
    type_time(qtbot, form, "arrival_time", digits="0940")
    type_time(qtbot, form, "departure_time", digits="1025")
    choose(qtbot, form, "outcome", value="seen")
    choose(qtbot, form, "child_seen", value=True)
    choose(qtbot, form, "child_spoken_to_alone", value=True)
    type_text(qtbot, form, "child_voice", text="I hate the bus because the big boys shout.")
    choose(qtbot, form, "safeguarding_concern", value=False)
    fill_what_is_missing(qtbot, form)
    text = _sign_and_print(qtbot, page, dialog, tmp_path)
    assert "I hate the bus because the big boys shout." in text


def test_a_complete_assessment_through_the_widgets(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _case(qtbot, window)
    dialog = _dialog(qtbot, page, "initial_assessment")
    form = dialog.form
    type_text(qtbot, form, "child_views", text="Mondays are the worst, I feel sick.")
    fill_what_is_missing(qtbot, form)
    text = _sign_and_print(qtbot, page, dialog, tmp_path)
    assert "Mondays are the worst, I feel sick." in text
    assert "Initial assessment" in text or "initial assessment" in text.lower()
